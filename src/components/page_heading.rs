//! After a route change: the new page's heading takes the keyboard focus
//! and (standalone) names the document, "Billing Portal · Nexus Clients".
//! Without it, focus stayed on the link that was clicked, now gone, and
//! landed on `<body>`, and the tab title never changed.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The suffix of every document title the console sets.
const TITLE_SUFFIX: &str = "Nexus Clients";
/// How many frames to wait for a page's heading (a client loads first).
const MAX_FRAMES: u32 = 600;

/// Watches the route's path (not its query: typing a search must not move
/// focus) and, once the new page shows its `<h1>`, focuses it and sets the
/// title. The first page of a visit is titled but not focused: the browser
/// has just put the user at the top. Embedded, the title is the host's.
pub fn use_page_heading(embedded: bool) {
    let location = use_location();
    let root = crate::dom::use_root();
    let first = StoredValue::new(true);
    // Which route change a wait belongs to: a newer one cancels it.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let _path = location.pathname.get();
        let initial = first.get_value();
        first.set_value(false);
        generation.update_value(|g| *g += 1);
        wait_for_heading(
            root,
            generation,
            generation.get_value(),
            initial,
            embedded,
            0,
        );
    });
}

fn wait_for_heading(
    root: crate::dom::ConsoleRoot,
    generation: StoredValue<u64>,
    mine: u64,
    initial: bool,
    embedded: bool,
    frame: u32,
) {
    request_animation_frame(move || {
        if generation.try_get_value() != Some(mine) {
            return; // the route moved on (or the console is gone)
        }
        let Some(h1) = root
            .element_by_id(&root.id("main"))
            .and_then(|main| main.query_selector("h1").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            if frame < MAX_FRAMES {
                wait_for_heading(root, generation, mine, initial, embedded, frame + 1);
            }
            return;
        };
        if !embedded {
            let heading = h1.text_content().unwrap_or_default();
            let title = document_title(&heading);
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&title);
            }
        }
        if !initial {
            let _ = h1.set_attribute("tabindex", "-1");
            let _ = h1.focus();
        }
    });
}

/// "Heading · Nexus Clients" (the heading cut to a tab's width).
pub fn document_title(heading: &str) -> String {
    let heading = heading.split_whitespace().collect::<Vec<_>>().join(" ");
    let heading = crate::components::shortened_to(&heading, 60);
    if heading.is_empty() || heading == TITLE_SUFFIX {
        TITLE_SUFFIX.to_string()
    } else {
        format!("{heading} \u{b7} {TITLE_SUFFIX}")
    }
}
