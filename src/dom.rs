//! Small browser helpers shared by views (ids, clipboard, storage, base URI).

use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// A document-unique id with a readable prefix, for label/describedby links.
pub fn unique_id(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        let v = n.get() + 1;
        n.set(v);
        format!("ncc-{prefix}-{v}")
    })
}

/// Runs `f` once the current frame has painted: in a task after the next
/// animation frame. Hidden, a page paints no frames: `f` runs at once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.hidden());
    if hidden {
        f();
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// What [`copy_text`] says when the page has no clipboard to write to.
pub const NO_CLIPBOARD: &str =
    "Copying needs a secure (https) page; select the text and copy it by hand.";

/// Copies text to the clipboard. Err carries a message for the user.
///
/// `navigator.clipboard` exists only in a secure context (https, or
/// localhost): on plain http it is `undefined`, and calling it would throw
/// through the wasm. It is looked up first, as a plain property.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("No browser window.")?;
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &wasm_bindgen::JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object())
        .ok_or(NO_CLIPBOARD)?
        .unchecked_into::<web_sys::Clipboard>();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser did not allow copying; select the text and copy it by hand.".to_string()
        })
}

/// sessionStorage, when the browser allows it (it may not, in a sandboxed frame).
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The path part of the document's base URI (from `<base href>`), without a
/// trailing slash: "" at the root, "/admin/clients" under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let path = base
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_default();
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    path.to_string()
}

thread_local! {
    /// The shadow root the console was mounted in, when embedded in one:
    /// ids are looked up there, since `document` cannot see inside it.
    static SHADOW: std::cell::RefCell<Option<web_sys::ShadowRoot>> = const { std::cell::RefCell::new(None) };
}

/// Remembers where the console lives (called by `embed::mount`).
pub fn set_root(element: &web_sys::HtmlElement) {
    let shadow = element
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok();
    SHADOW.with(|s| *s.borrow_mut() = shadow);
}

/// The element with `id` in the console's tree (document or shadow root).
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    if let Some(found) = SHADOW.with(|s| s.borrow().as_ref().map(|r| r.get_element_by_id(id))) {
        return found;
    }
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Moves keyboard focus to the element with `id`, if present.
pub fn focus_id(id: &str) {
    if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Seconds since the epoch, from the browser clock.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A `data:` URL holding `text` (UTF-8) as `mime`: the href of a download
/// link that is never in the page, so the file comes from the page itself
/// (no object URL to revoke).
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Starts a download of `text` as `file_name`, through a link made for the
/// click and never put in the page (the page holds no `data:` links).
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(&data_url(mime, text));
    link.set_download(file_name);
    link.click();
}

/// The text of the file chosen in a file input: `None` when none is chosen.
pub async fn chosen_file_text(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files().and_then(|f| f.get(0))?;
    Some(
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => Ok(text.as_string().unwrap_or_default()),
            Err(_) => Err("The file could not be read.".into()),
        },
    )
}
