use leptos::prelude::*;
use nexus_domain::display::{preview, PREVIEW_CHARS};

/// A value from the server, shown whole when short and cut to a preview when
/// long, with a button that shows all of it (and one that shows less).
///
/// A 100,000-character value laid out whole costs seconds to minutes of
/// layout (issue 9, item 4); the preview keeps every view within a frame. The
/// whole value, once asked for, sits in a scrolling box that does not size
/// its column (`contain: inline-size`), so it is laid out once, at the width
/// it is given.
/// A value cut to its preview, with no control: for places that show a value
/// in passing (a heading, a breadcrumb, a toast) while the page shows it whole
/// elsewhere.
pub fn shortened(text: &str) -> String {
    shortened_to(text, PREVIEW_CHARS)
}

/// A value cut to `max_chars` characters and an ellipsis (a tab title, say).
pub fn shortened_to(text: &str, max_chars: usize) -> String {
    match preview(text, max_chars) {
        Some(p) => format!("{}\u{2026}", p.head),
        None => text.to_string(),
    }
}

#[component]
pub fn LongText(
    #[prop(into)] text: String,
    /// What the value is, for the button's accessible name ("Show all 100,000 characters of Name").
    #[prop(into, optional)]
    label: Option<String>,
    /// Render as `<code>` (ids, URLs).
    #[prop(optional)]
    code: bool,
    /// Characters shown before the cut (prose such as a problem's detail
    /// reads whole up to a paragraph).
    #[prop(default = PREVIEW_CHARS)]
    max: usize,
) -> impl IntoView {
    let Some(p) = preview(&text, max) else {
        return if code {
            view! { <code>{text}</code> }.into_any()
        } else {
            view! { <span>{text}</span> }.into_any()
        };
    };
    let head = format!("{}\u{2026}", p.head);
    let t = crate::i18n::t();
    let count = t.num(p.total_chars);
    let of = label.unwrap_or_default();
    let show_all = (t.common.show_all)(&count, &of);
    let show_less = (t.common.show_less)(&of);
    let expanded = RwSignal::new(false);
    let full = StoredValue::new(text);
    let class = if code {
        "ncc-longtext ncc-longtext--code"
    } else {
        "ncc-longtext"
    };
    view! {
        <span class=class>
            {move || if expanded.get() {
                view! { <span class="ncc-longtext__full" tabindex="0">{full.get_value()}</span> }.into_any()
            } else {
                view! { <span class="ncc-longtext__head">{head.clone()}</span> }.into_any()
            }}
            <button
                type="button"
                class="ncc-btn ncc-btn--ghost ncc-btn--small ncc-longtext__toggle"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { show_less.clone() } else { show_all.clone() }}
            </button>
        </span>
    }
    .into_any()
}
