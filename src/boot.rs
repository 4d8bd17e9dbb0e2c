//! Requests the boot script started before the wasm ran, taken over here
//! instead of asked again.
//!
//! The standalone page's start-up script (written by hooks/post-build.mjs)
//! fetches config.json and, on the list route with a stored session, the
//! client list, while the wasm is still downloading and compiling. It leaves
//! them in `globalThis.__nccBoot`. Each is taken at most once, and only by a
//! request that is exactly the one the console would send (same URL, same
//! headers); anything else aborts it and asks the server itself. Embedded,
//! there is no boot script and nothing to take.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const BOOT: &str = "__nccBoot";

/// An answer as the boot script read it.
pub struct BootAnswer {
    pub status: u16,
    pub content_type: Option<String>,
    /// The `Retry-After` header (the list's answer only).
    pub retry_after: Option<String>,
    pub body: String,
}

fn boot() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(BOOT))
        .ok()
        .filter(|b| b.is_object())
}

/// Removes and returns `boot[key]`.
fn take(key: &str) -> Option<JsValue> {
    let boot = boot()?;
    let k = JsValue::from_str(key);
    let v = Reflect::get(&boot, &k).ok().filter(|v| v.is_object())?;
    let _ = Reflect::delete_property(boot.unchecked_ref::<js_sys::Object>(), &k);
    Some(v)
}

fn string(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

/// Waits for an answer promise; `None` when it failed or is malformed.
async fn answer(promise: JsValue) -> Option<BootAnswer> {
    let promise = promise.dyn_into::<Promise>().ok()?;
    let v = JsFuture::from(promise).await.ok()?;
    let status = Reflect::get(&v, &JsValue::from_str("status"))
        .ok()?
        .as_f64()
        .filter(|s| (100.0..600.0).contains(s))? as u16;
    // The body comes as text (config.json) or as bytes (the list: see
    // crate::fetch::utf8 for why).
    let body = Reflect::get(&v, &JsValue::from_str("body")).ok()?;
    let body = match body.as_string() {
        Some(text) => text,
        None if body.is_instance_of::<js_sys::ArrayBuffer>() => crate::fetch::utf8(&body),
        None => return None,
    };
    Some(BootAnswer {
        status,
        content_type: string(&v, "contentType"),
        retry_after: string(&v, "retryAfter"),
        body,
    })
}

/// config.json as the boot script fetched it, when it fetched `url`.
/// `None`: nothing to take (fetch it yourself).
pub async fn take_config(url: &str) -> Option<BootAnswer> {
    let entry = take("config")?;
    if string(&entry, "url").as_deref() != Some(url) {
        return None;
    }
    answer(Reflect::get(&entry, &JsValue::from_str("response")).ok()?).await
}

/// A prefetched request, matched against the one the console is about to send.
pub struct Prefetched {
    response: JsValue,
    controller: Option<web_sys::AbortController>,
}

impl Prefetched {
    /// The answer; `None` when the prefetch failed (ask the server yourself).
    pub async fn answer(&self) -> Option<BootAnswer> {
        answer(self.response.clone()).await
    }

    /// Stops the prefetch (its answer is not wanted).
    pub fn abort(&self) {
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

/// The boot script's list request, if it is exactly `GET url` with
/// `headers`. Taken once: a mismatch aborts it.
pub fn take_request(method: &str, url: &str, headers: &[(String, String)]) -> Option<Prefetched> {
    if method != "GET" {
        return None;
    }
    let entry = take("list")?;
    let prefetched = Prefetched {
        response: Reflect::get(&entry, &JsValue::from_str("response")).ok()?,
        controller: Reflect::get(&entry, &JsValue::from_str("controller"))
            .ok()
            .and_then(|c| c.dyn_into().ok()),
    };
    let sent = Reflect::get(&entry, &JsValue::from_str("headers")).ok();
    let same_headers = sent.is_some_and(|sent| {
        let keys = js_sys::Object::keys(sent.unchecked_ref::<js_sys::Object>());
        keys.length() as usize == headers.len()
            && headers.iter().all(|(k, v)| {
                keys.iter().any(|sk| {
                    sk.as_string().is_some_and(|sk| {
                        sk.eq_ignore_ascii_case(k) && string(&sent, &sk).as_deref() == Some(v)
                    })
                })
            })
    });
    if string(&entry, "url").as_deref() == Some(url) && same_headers {
        Some(prefetched)
    } else {
        prefetched.abort();
        None
    }
}
