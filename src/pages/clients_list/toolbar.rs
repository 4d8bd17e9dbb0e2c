//! The list's search box, filters and sort controls, and "/" to search.

use super::address::ListAddress;
use crate::components::FilterSelect;
use leptos::prelude::*;
use nexus_domain::list_query::{Managed, SortKey};
use nexus_domain::ClientType;

/// Search, filters and sort. `editable_known`: whether the caller's rights
/// are known, so "Editable by" can filter.
pub fn list_toolbar(address: ListAddress, editable_known: Signal<bool>) -> impl IntoView {
    let query = address.query;
    // The search box keeps its own text so typing stays immediate; the
    // address follows (replacing its entry: back does not step through
    // keystrokes).
    let search_text = RwSignal::new(query.with_untracked(|q| q.q.clone()));
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if search_text.get_untracked() != q {
            search_text.set(q);
        }
    });
    let search_box = NodeRef::<leptos::html::Input>::new();
    focus_on_slash(search_box);

    let t = crate::i18n::t();
    let l = &t.list;
    let type_options = std::iter::once(("", l.all_types))
        .chain(
            ClientType::CREATABLE
                .iter()
                .map(|k| (k.as_str(), k.label(t))),
        )
        .collect();
    let managed_options = vec![
        ("", l.anyone),
        (Managed::Manual.as_str(), l.manual),
        (Managed::Terraform.as_str(), l.terraform),
    ];
    let sort_options = SortKey::ALL
        .iter()
        .map(|k| (k.as_str(), k.label(t)))
        .collect();
    let descending = move || query.with(|q| q.descending);
    view! {
        <div class="ncc-toolbar" role="search">
            <div class="ncc-field ncc-field--inline ncc-toolbar__search">
                <label class="ncc-field__label" for=crate::dom::id("search")>{l.search}</label>
                <input
                    id=crate::dom::id("search")
                    node_ref=search_box
                    aria-keyshortcuts="/"
                    class="ncc-input"
                    type="search"
                    placeholder=l.search_placeholder
                    autocomplete="off"
                    prop:value=move || search_text.get()
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        search_text.set(v.clone());
                        let mut q = query.get_untracked();
                        q.q = v;
                        q.page = 0;
                        address.go(q, true);
                    }
                />
            </div>
            <FilterSelect id=crate::dom::id("filter-type") label=l.type_filter options=type_options
                value=address.shown("type") on_change=address.filter_by("type") />
            <FilterSelect id=crate::dom::id("filter-managed") label=l.managed_filter options=managed_options
                value=address.shown("managed") on_change=address.filter_by("managed") />
            <Show when=move || editable_known.get()>
                <FilterSelect id=crate::dom::id("filter-editable") label=l.editable_filter
                    options=vec![("", l.anyone), ("me", l.me)]
                    value=address.shown("editable") on_change=address.filter_by("editable") />
            </Show>
            <FilterSelect
                id=crate::dom::id("sort")
                label=l.sort_by
                value=Signal::derive(move || query.with(|q| q.sort.as_str().to_string()))
                options=sort_options
                on_change=Callback::new(move |v: String| address.change(|q| q.sort = SortKey::parse(&v)))
            />
            <button
                type="button"
                class="ncc-btn ncc-btn--secondary ncc-btn--small"
                aria-label=move || if descending() { t.list.sort_desc } else { t.list.sort_asc }
                on:click=move |_| address.change(|q| q.descending = !q.descending)
            >
                {move || if descending() { "Z\u{2192}A" } else { "A\u{2192}Z" }}
            </button>
        </div>
    }
}

/// "/" anywhere but in a field goes to the search box: of the console the
/// key came from, or, from outside every console (the host page), of the
/// first console that takes it (with two consoles on a page, each would
/// otherwise take every "/").
fn focus_on_slash(search_box: NodeRef<leptos::html::Input>) {
    let root = crate::dom::use_root();
    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if typing_in_a_field(&ev) || ev.default_prevented() {
            return;
        }
        let ours = match console_of(&ev) {
            Some(el) => root.element().is_some_and(|r| r == el),
            None => true,
        };
        if let (true, Some(input)) = (ours, search_box.get_untracked()) {
            ev.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || shortcut.remove());
}

/// The console root (class `ncc`) a key event came from, if any.
fn console_of(ev: &web_sys::KeyboardEvent) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    ev.composed_path()
        .iter()
        .filter_map(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|el| el.class_list().contains("ncc"))
}

/// Whether a key went to a text field (in the page or a shadow root), where
/// "/" is just a character.
fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.composed_path()
        .get(0)
        .dyn_into::<web_sys::HtmlElement>()
        .is_ok_and(|el| {
            el.is_content_editable()
                || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}
