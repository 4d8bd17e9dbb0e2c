//! What the user sees if the console panics anyway. A panic in WebAssembly
//! stops the whole app (the release build aborts), so the hook logs it and
//! puts a plain-DOM notice into the console's root: the page says what
//! happened instead of freezing silently.
//!
//! Two consoles on one page run in one WebAssembly instance, on one thread:
//! a panic in either stops both (the instance aborts; whatever either was
//! doing is left half done), and the hook cannot tell whose code it was. So
//! every mounted console shows the notice. The list of mounted roots is the
//! one piece of state shared by all consoles, as the panic hook is: each
//! console's entry belongs to its mount handle ([`Reporting`]) and leaves
//! with it.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The elements of the consoles mounted now, in mount order.
    static ROOTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// A console's place on the panic notice's list: held by its mount handle;
/// dropping it (unmount) takes the console off the list.
#[must_use = "the console is reported to only while this is held"]
pub struct Reporting(web_sys::HtmlElement);

/// Installs the panic hook (once) and adds `root` to where it reports.
pub fn install(root: &web_sys::HtmlElement) -> Reporting {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            // try_: the hook may run while the list is borrowed (a panic
            // inside `install` or a drop); then it only logs.
            let roots = ROOTS
                .try_with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default())
                .unwrap_or_default();
            for root in &roots {
                show(root);
            }
        }));
    });
    Reporting(root.clone())
}

impl Drop for Reporting {
    fn drop(&mut self) {
        let _ = ROOTS.try_with(|r| {
            if let Ok(mut roots) = r.try_borrow_mut() {
                roots.retain(|el| el != &self.0);
            }
        });
    }
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
    // In the console's language: its root carries the `lang` it chose.
    let t = root
        .get_attribute("lang")
        .and_then(|l| nexus_domain::Locale::parse(&l))
        .map_or(&nexus_domain::i18n::EN, crate::i18n::catalog_now);
    for (tag, text) in [("h2", t.shell.fatal_title), ("p", t.shell.fatal_text)] {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = notice.append_child(&el);
        }
    }
    if let Ok(link) = doc.create_element("a") {
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let _ = link.set_attribute("href", &here);
        // The router would take a same-page link as an in-app navigation.
        let _ = link.set_attribute("rel", "external");
        link.set_class_name("ncc-btn");
        link.set_text_content(Some(t.shell.reload));
        let _ = notice.append_child(&link);
    }
    let _ = root.prepend_with_node_1(&notice);
    if let Some(el) = notice.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}
