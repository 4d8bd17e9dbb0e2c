//! Paging a list (first, previous, a page to jump to, next, last, rows per
//! page).

use leptos::prelude::*;
use nexus_domain::list_query::page_to_jump;

/// Where a list is: the shown page (0-based) of `count` pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageAt {
    pub page: usize,
    pub count: usize,
}

/// A list's pager: first, previous, the page number (type one to jump
/// there), next, last; and, under the list, rows per page. `on_page` gets the
/// 0-based page to show, `on_per_page` the chosen page size. `above` is the
/// copy over the table (no rows-per-page there, its own names and ids).
#[component]
pub fn Pager(
    #[prop(into)] at: Signal<Option<PageAt>>,
    #[prop(into)] per_page: Signal<usize>,
    choices: &'static [usize],
    on_page: Callback<usize>,
    on_per_page: Callback<usize>,
    #[prop(optional)] above: bool,
) -> impl IntoView {
    let can_back = move || at.get().is_some_and(|a| a.page > 0);
    let can_forward = move || at.get().is_some_and(|a| a.page + 1 < a.count);
    let go = move |to: fn(PageAt) -> Option<usize>| {
        move |_| {
            if let Some(p) = at.get_untracked().and_then(to) {
                on_page.run(p);
            }
        }
    };
    let t = crate::i18n::t();
    let l = &t.list;
    let where_ = if above { "above" } else { "below" };
    let jump_id = crate::dom::id(&format!("page-jump-{where_}"));
    let button = "ncc-btn ncc-btn--secondary ncc-btn--small";
    view! {
        <nav class="ncc-pager" aria-label=if above { l.pages_above } else { l.pages }>
            <button type="button" class=button aria-disabled=move || (!can_back()).then_some("true")
                on:click=go(|a| (a.page > 0).then_some(0))>
                {l.first_page}
            </button>
            <button type="button" class=button aria-disabled=move || (!can_back()).then_some("true")
                on:click=go(|a| a.page.checked_sub(1))>
                {l.previous_page}
            </button>
            <span class="ncc-pager__at">
                <label for=jump_id.clone()>{l.page}</label>
                " "
                <input
                    id=jump_id
                    class="ncc-input ncc-input--page"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-describedby=crate::dom::id(&format!("page-count-{where_}"))
                    prop:value=move || at.get().map(|a| (a.page + 1).to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let input = ev.target();
                        let count = at.get_untracked().map_or(0, |a| a.count);
                        match page_to_jump(&input.value(), count) {
                            Some(p) => on_page.run(p),
                            // Not a page number: show the page again.
                            None => input.set_value(&at.get_untracked().map(|a| (a.page + 1).to_string()).unwrap_or_default()),
                        }
                    }
                />
                " "
                <span id=crate::dom::id(&format!("page-count-{where_}"))>{move || at.get().map(|a| (t.list.of_pages)(&t.num(a.count)))}</span>
            </span>
            <button type="button" class=button aria-disabled=move || (!can_forward()).then_some("true")
                on:click=go(|a| (a.page + 1 < a.count).then_some(a.page + 1))>
                {l.next_page}
            </button>
            <button type="button" class=button aria-disabled=move || (!can_forward()).then_some("true")
                on:click=go(|a| (a.page + 1 < a.count).then_some(a.count - 1))>
                {l.last_page}
            </button>
            {(!above).then(|| view! {
                <label class="ncc-field__label" for=crate::dom::id("per-page")>{l.rows_per_page}</label>
                <select
                    id=crate::dom::id("per-page")
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
            })}
        </nav>
    }
}
