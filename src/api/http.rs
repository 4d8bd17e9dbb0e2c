//! One HTTP exchange with a timeout: status, content type and body text.

use super::ApiError;
use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};

/// A response as read off the wire.
pub struct RawResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: String,
}

/// Whether `name` is an HTTP header name (an RFC 9110 token).
fn valid_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Whether `value` can be sent as a header value: visible ASCII, spaces and
/// tabs (the browser throws on anything else, e.g. a pasted zero-width space).
fn valid_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

/// Sends one request and reads the whole body, giving up after `timeout_ms`
/// (the fetch is aborted then, so nothing lingers).
pub async fn exchange(
    method: Method,
    url: &str,
    headers: &[(String, String)],
    body: Option<String>,
    timeout_ms: u32,
) -> Result<RawResponse, ApiError> {
    if let Some((name, _)) = headers
        .iter()
        .find(|(k, v)| !valid_header_name(k) || !valid_header_value(v))
    {
        return Err(ApiError::Network(format!(
            "The {name} header would contain characters HTTP cannot carry (check the token or credentials for invisible or non-ASCII characters)."
        )));
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let mut builder = RequestBuilder::new(url)
        .method(method)
        .abort_signal(signal.as_ref());
    for (k, v) in headers {
        builder = builder.header(k, v);
    }
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(format!("The request could not be prepared ({e}).")))?;
    let work = Box::pin(async move {
        let resp = request.send().await.map_err(|_| {
            ApiError::Network("The connection to the server failed or was dropped.".into())
        })?;
        let status = resp.status();
        let content_type = resp.headers().get("content-type");
        let body = resp.text().await.map_err(|_| {
            ApiError::Network("The connection dropped while the answer was arriving.".into())
        })?;
        Ok(RawResponse {
            status,
            content_type,
            body,
        })
    });
    let timer = gloo_timers::future::TimeoutFuture::new(timeout_ms);
    match select(work, timer).await {
        Either::Left((result, _)) => result,
        Either::Right(((), _)) => {
            if let Some(c) = controller {
                c.abort();
            }
            Err(ApiError::Timeout {
                seconds: timeout_ms.div_ceil(1000),
            })
        }
    }
}
