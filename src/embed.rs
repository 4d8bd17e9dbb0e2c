//! Embedding in a host page. `embed.js` (written next to index.html by the
//! build) defines `mount(element, options)` and the `<nexus-clients-console>`
//! custom element; both end here.
//!
//! Options (camelCase, as in config.json): `apiBaseUrl`, `tenantId`,
//! `basePath`, `claimNames`, `applicationTokenHeader`, `requestTimeoutMs`,
//! `routing` (`"browser"`, the default, or `"memory"`), `locale` (also the
//! element's `lang`);
//! or `configUrl` to fetch a config.json instead. `getToken({ forceRefresh })`
//! returns a token (or a promise of one): it is called before requests and
//! again with `forceRefresh: true` after a 401, so the host owns sign-in and
//! refresh.

use crate::app::{HostOptions, Root};
use crate::auth::HostTokenSource;
use futures::FutureExt;
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Wraps the host's `getToken` as the session's token source. It is called
/// as a method of the options object the host passed (`this` is that
/// object), as `options.getToken(…)` would be in the host's own code.
fn token_source(f: Function, this: JsValue) -> HostTokenSource {
    send_wrapper::SendWrapper::new(Rc::new(move |force: bool| {
        let arg = Object::new();
        let _ = Reflect::set(&arg, &"forceRefresh".into(), &JsValue::from_bool(force));
        let result = f.call1(&this, &arg);
        async move {
            let value = match result {
                Ok(v) if v.is_instance_of::<Promise>() => {
                    JsFuture::from(Promise::from(v)).await.ok()?
                }
                Ok(v) => v,
                Err(_) => return None,
            };
            value.as_string()
        }
        .boxed_local()
    }))
}

/// What `options` say about configuration: a full config, a URL to fetch,
/// or (neither) config.json resolved against the page.
#[derive(Clone)]
pub enum ConfigSource {
    /// The host's options as JSON (functions dropped), parsed by the
    /// console in its own language.
    Given(String),
    Url(String),
}

fn config_source(options: &JsValue) -> ConfigSource {
    if get(options, "tenantId").is_some() {
        // JSON.stringify drops functions (getToken), leaving the settings.
        let json = js_sys::JSON::stringify(options)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        return ConfigSource::Given(json);
    }
    ConfigSource::Url(
        get(options, "configUrl")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "config.json".into()),
    )
}

/// Mounts the console into `element` and returns `{ unmount() }`. Every
/// console mounted this way is independent of the others on the page: its
/// state lives in its own reactive tree (`Root`), and `unmount()` drops it
/// with every listener it added.
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<JsValue, JsValue> {
    let reporting = crate::fatal::install(&element);
    let get_token = get(&options, "getToken")
        .and_then(|v| v.dyn_into::<Function>().ok())
        .map(|f| token_source(f, options.clone()));
    let locale = get(&options, "locale").and_then(|v| v.as_string());
    let source = config_source(&options);
    element.set_inner_html("");
    let _ = element.class_list().add_2("ncc", "ncc-embedded");
    let host = HostOptions {
        config: source,
        get_token,
        locale,
    };
    let root = element.clone();
    let handle = leptos::mount::mount_to(element.clone(), move || {
        view! { <Root root=root host=Some(host) /> }
    });
    let unmount = Closure::once_into_js(move || {
        drop(handle);
        drop(reporting);
    });
    let api = Object::new();
    Reflect::set(&api, &"unmount".into(), &unmount)?;
    Ok(api.into())
}
