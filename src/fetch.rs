//! The browser's `fetch`, bare: send a prepared `Request`, read a body as
//! text. What the answers mean is the caller's business (the api layer for
//! the Nexus API, the config loader for config.json). Replaces gloo-net,
//! whose request builder and stream support the console did not need.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A JS error as text, for messages.
pub fn js_error(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".into())
}

/// A `Request` for `url` with `method`, headers, an optional body and an
/// abort signal.
pub fn request(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Option<&str>,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let h = web_sys::Headers::new().map_err(|e| js_error(&e))?;
    for (k, v) in headers {
        h.set(k, v).map_err(|e| js_error(&e))?;
    }
    init.set_headers(&h);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    if let Some(s) = signal {
        init.set_signal(Some(s));
    }
    web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| js_error(&e))
}

/// Sends `request`; `Err` when the browser got no answer (network failure,
/// abort, CSP refusal).
pub async fn send(request: &web_sys::Request) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let answer = JsFuture::from(window.fetch_with_request(request))
        .await
        .map_err(|e| js_error(&e))?;
    answer
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "fetch gave no Response".to_string())
}

/// The whole body as text; `Err` when the connection dropped meanwhile.
pub async fn text(response: &web_sys::Response) -> Result<String, String> {
    let promise = response.array_buffer().map_err(|e| js_error(&e))?;
    let bytes = JsFuture::from(promise).await.map_err(|e| js_error(&e))?;
    Ok(utf8(&bytes))
}

/// Bytes (an `ArrayBuffer` or a typed array) as text, as `Response.text()`
/// reads them (a BOM dropped, invalid UTF-8 as U+FFFD). Copying bytes into the wasm
/// and checking them there is cheaper than handing over a JS string, which
/// is re-encoded on the way (a 7.5 MB list: about 60 ms less).
pub fn utf8(bytes: &JsValue) -> String {
    let bytes = js_sys::Uint8Array::new(bytes).to_vec();
    // A byte-order mark is dropped, as text() does.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    }
}

/// A response header, if present.
pub fn header(response: &web_sys::Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten()
}
