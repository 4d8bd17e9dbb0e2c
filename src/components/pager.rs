//! Previous / next page and rows per page.

use leptos::prelude::*;
use nexus_domain::list_query::grouped;

/// Where a list is: the shown page (0-based) of `count` pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageAt {
    pub page: usize,
    pub count: usize,
}

/// The pager under a list. `on_page` gets the 0-based page to show,
/// `on_per_page` the chosen page size.
#[component]
pub fn Pager(
    #[prop(into)] at: Signal<Option<PageAt>>,
    #[prop(into)] per_page: Signal<usize>,
    choices: &'static [usize],
    on_page: Callback<usize>,
    on_per_page: Callback<usize>,
) -> impl IntoView {
    let can_back = move || at.get().is_some_and(|a| a.page > 0);
    let can_forward = move || at.get().is_some_and(|a| a.page + 1 < a.count);
    view! {
        <nav class="ncc-pager" aria-label="Pages">
            <button
                type="button"
                class="ncc-btn ncc-btn--secondary ncc-btn--small"
                aria-disabled=move || (!can_back()).then_some("true")
                on:click=move |_| {
                    if let Some(a) = at.get_untracked().filter(|a| a.page > 0) {
                        on_page.run(a.page - 1);
                    }
                }
            >
                "Previous page"
            </button>
            <span>{move || at.get().map(|a| format!("Page {} of {}", grouped(a.page + 1), grouped(a.count)))}</span>
            <button
                type="button"
                class="ncc-btn ncc-btn--secondary ncc-btn--small"
                aria-disabled=move || (!can_forward()).then_some("true")
                on:click=move |_| {
                    if let Some(a) = at.get_untracked().filter(|a| a.page + 1 < a.count) {
                        on_page.run(a.page + 1);
                    }
                }
            >
                "Next page"
            </button>
            <label class="ncc-field__label" for="ncc-per-page">"Rows per page"</label>
            <select
                id="ncc-per-page"
                class="ncc-input ncc-input--narrow"
                prop:value=move || per_page.get().to_string()
                on:change:target=move |ev| {
                    if let Ok(n) = ev.target().value().parse() {
                        on_per_page.run(n);
                    }
                }
            >
                {choices.iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
            </select>
        </nav>
    }
}

/// A labelled select whose options are (value, label) pairs; `on_change`
/// gets the chosen value.
#[component]
pub fn FilterSelect(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    options: Vec<(String, String)>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="ncc-field ncc-field--inline">
            <label class="ncc-field__label" for=id>{label}</label>
            <select
                id=id
                class="ncc-input"
                prop:value=move || value.get()
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}
