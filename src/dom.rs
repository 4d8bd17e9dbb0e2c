//! Small browser helpers shared by views (ids, clipboard, storage, base URI).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where one console lives: its root element, and the ids it hands out.
/// Each mounted console has its own (`Root` provides it), so two consoles on
/// one page look up their own elements and never hand out the same id.
#[derive(Clone, Copy)]
pub struct ConsoleRoot(StoredValue<RootState, LocalStorage>);

struct RootState {
    /// `None` outside a console (a component rendered on its own, in tests).
    element: Option<web_sys::HtmlElement>,
    /// This console's number among those sharing its ids' scope (see
    /// [`ConsoleRoot::provide`]).
    number: u32,
    /// The last id it handed out.
    last_id: u64,
}

/// The attribute on a console's root element that holds its number.
pub const INSTANCE_ATTRIBUTE: &str = "data-ncc-instance";

impl ConsoleRoot {
    fn new(element: Option<web_sys::HtmlElement>, number: u32) -> Self {
        ConsoleRoot(StoredValue::new_local(RootState {
            element,
            number,
            last_id: 0,
        }))
    }

    /// Takes `element` as this console's root and puts it in context. Ids
    /// are unique per document or shadow root: the console takes the
    /// lowest number no other console in the same one holds (the first, and
    /// a console alone in a shadow root, keep the plain `ncc-…` ids).
    pub fn provide(element: &web_sys::HtmlElement) -> Self {
        let scope = element.get_root_node();
        let taken = |n: u32| {
            let selector = format!("[{INSTANCE_ATTRIBUTE}=\"{n}\"]");
            let found = if let Some(shadow) = scope.dyn_ref::<web_sys::ShadowRoot>() {
                shadow.query_selector(&selector)
            } else if let Some(doc) = scope.dyn_ref::<web_sys::Document>() {
                doc.query_selector(&selector)
            } else {
                element.query_selector(&selector)
            };
            found.ok().flatten().is_some()
        };
        let number = (0..).find(|n| !taken(*n)).unwrap_or_default();
        let _ = element.set_attribute(INSTANCE_ATTRIBUTE, &number.to_string());
        // Unmounted (the owner is disposed): the number is free again.
        let held = send_wrapper::SendWrapper::new(element.clone());
        on_cleanup(move || {
            let _ = held.remove_attribute(INSTANCE_ATTRIBUTE);
        });
        let root = ConsoleRoot::new(Some(element.clone()), number);
        provide_context(root);
        root
    }

    /// A document-unique id with a readable prefix, for label/describedby links.
    pub fn unique_id(self, prefix: &str) -> String {
        let n = self
            .0
            .try_update_value(|s| {
                s.last_id += 1;
                s.last_id
            })
            .unwrap_or_default();
        self.id(&format!("{prefix}-{n}"))
    }

    /// This console's id for `name`: `ncc-{name}` in the first console of a
    /// document (or of a shadow root), `ncc{n}-{name}` in the n-th, so two
    /// consoles mounted into one document never share an id and each
    /// label names its own field.
    pub fn id(self, name: &str) -> String {
        match self.0.try_with_value(|s| s.number).unwrap_or_default() {
            0 => format!("ncc-{name}"),
            n => format!("ncc{n}-{name}"),
        }
    }

    /// The element with `id` in this console's tree.
    pub fn element_by_id(self, id: &str) -> Option<web_sys::Element> {
        let Some(root) = self.element() else {
            return web_sys::window()?.document()?.get_element_by_id(id);
        };
        // Quoted, so any id is a valid selector.
        let quoted = id.replace('\\', "\\\\").replace('"', "\\\"");
        root.query_selector(&format!("[id=\"{quoted}\"]"))
            .ok()
            .flatten()
    }

    /// Moves keyboard focus to the element with `id`, if present.
    pub fn focus_id(self, id: &str) {
        if let Some(el) = self
            .element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }

    /// The root element (`None` outside a console, or once it is gone).
    pub fn element(self) -> Option<web_sys::HtmlElement> {
        self.0.try_with_value(|s| s.element.clone()).flatten()
    }
}

/// This console's root (call where a component is built, and keep it for
/// callbacks, which run outside the component). Outside a console (a
/// component rendered on its own, in tests), elements are looked up in the
/// document and ids carry a random number instead of a console's.
pub fn use_root() -> ConsoleRoot {
    use_context::<ConsoleRoot>()
        .unwrap_or_else(|| ConsoleRoot::new(None, (js_sys::Math::random() * 1e9) as u32 + 1))
}

/// This console's id for `name` (see [`ConsoleRoot::id`]).
pub fn id(name: &str) -> String {
    use_root().id(name)
}

/// A document-unique id with a readable prefix (this console's, see
/// [`ConsoleRoot::unique_id`]).
pub fn unique_id(prefix: &str) -> String {
    use_root().unique_id(prefix)
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

/// Copies text to the clipboard. Err carries a message for the user.
///
/// `navigator.clipboard` exists only in a secure context (https, or
/// localhost): on plain http it is `undefined`, and calling it would throw
/// through the wasm. It is looked up first, as a plain property.
pub async fn copy_text(t: &nexus_domain::Catalog, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or(t.common.no_window)?;
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &wasm_bindgen::JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object())
        .ok_or(t.common.no_clipboard)?
        .unchecked_into::<web_sys::Clipboard>();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| t.common.clipboard_refused.to_string())
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
            Err(_) => Err(crate::i18n::t().common.file_unreadable.into()),
        },
    )
}
