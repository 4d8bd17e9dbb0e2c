//! What the user sees if the console panics anyway. A panic in WebAssembly
//! stops the whole app (the release build aborts), so the hook logs it and
//! puts a plain-DOM notice into the console's root: the page says what
//! happened instead of freezing silently.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The element the console was mounted into.
    static ROOT: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// Installs the panic hook (once) and remembers `root` as where to report.
pub fn install(root: &web_sys::HtmlElement) {
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            if let Some(root) = ROOT.with(|r| r.borrow().clone()) {
                show(&root);
            }
        }));
    });
}

/// Stops reporting into `root` (the host unmounted the console there).
pub fn forget(root: &web_sys::HtmlElement) {
    ROOT.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_ref() == Some(root) {
            *r = None;
        }
    });
}

/// Puts the notice at the top of `root` (at most once).
pub fn show(root: &web_sys::HtmlElement) {
    if root.query_selector(".ncc-fatal").ok().flatten().is_some() {
        return;
    }
    let Some(doc) = root.owner_document() else {
        return;
    };
    let Ok(notice) = doc.create_element("div") else {
        return;
    };
    notice.set_class_name("ncc-fatal");
    let _ = notice.set_attribute("role", "alert");
    // Static text only, so set_inner_html cannot inject anything.
    notice.set_inner_html(
        "<h2>The console stopped after an internal error</h2>\
         <p>This is a bug in the console, not something you did. Reload the page to carry on; \
         changes not yet saved are lost. Details are in the browser's developer console.</p>",
    );
    if let Ok(link) = doc.create_element("a") {
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let _ = link.set_attribute("href", &here);
        // The router would take a same-page link as an in-app navigation.
        let _ = link.set_attribute("rel", "external");
        link.set_class_name("ncc-btn");
        link.set_text_content(Some("Reload the page"));
        let _ = notice.append_child(&link);
    }
    let _ = root.prepend_with_node_1(&notice);
    if let Some(el) = notice.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}
