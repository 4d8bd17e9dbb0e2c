//! `/clients`: search, filter, sort and page the tenant's clients. The view
//! state lives in the query string (`address`); the list is loaded once and
//! searched in the browser against a prepared index (`model`,
//! nexus_domain::list_query).

mod address;
mod model;
mod toolbar;

use super::clients_bulk::{ImportList, SelectionBar};
use crate::api::ApiError;
use crate::auth::use_auth;
use crate::bulk_runner::BulkRun;
use crate::chunks::{split_fn, ChunkError};
use crate::components::{
    use_toasts, BulkResults, ClientsTable, GuardedLink, Pager, ProblemView, Skeleton,
};
use crate::routes::{href, nav, path};
use address::ListAddress;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use model::{ListModel, Loaded};
use nexus_domain::bulk::Selection;
use nexus_domain::export;
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::{count_phrase, PER_PAGE_CHOICES};
use nexus_domain::permissions::decide;
use nexus_domain::{Catalog, Operation};
use toolbar::list_toolbar;

/// The list's selection, held above the routes so that it outlives the
/// list page: opening a client and coming back keeps it. Provided by the
/// signed-in shell, so signing out drops it.
#[derive(Clone, Copy)]
pub struct ListSelection(RwSignal<Selection>);

/// Puts an empty selection in context for the list pages below.
pub fn provide_list_selection() {
    provide_context(ListSelection(RwSignal::new(Selection::default())));
}

/// `/clients`.
#[component]
pub fn ClientsListPage() -> impl IntoView {
    let t = crate::i18n::t();
    let l = &t.list;
    let auth = use_auth();
    let address = ListAddress::new();
    let query = address.query;
    let model = ListModel::new(query);
    let list = model.list;
    // The selected clients, by id: kept across paging, sorting and
    // searching, and while the person looks at a client and comes back; a
    // reload drops those no longer listed.
    let selection = use_context::<ListSelection>()
        .map(|s| s.0)
        .unwrap_or_else(|| RwSignal::new(Selection::default()));
    Effect::new(move |_| {
        if let Some(l) = model.loaded.get() {
            selection.update(|s| s.retain_listed(&l.0.clients));
        }
    });
    let run = BulkRun::new();
    let after_run = Callback::new(move |()| list.refetch());
    let all_clients = Signal::derive(move || {
        model
            .loaded
            .with(|l| l.as_ref().map(|l| l.0.clients.clone()))
    });
    let create_decision =
        Signal::derive(move || decide(t, &auth.caller().get(), Operation::Create, None));
    let navigate = use_navigate();
    let open = Callback::new(move |to: String| navigate(&to, nav(false)));
    let page_at = Signal::derive(move || model.page_at());
    let per_page = Signal::derive(move || query.with(|q| q.per_page));
    let on_page = Callback::new(move |page| address.change(|q| q.page = page));
    let on_per_page = Callback::new(move |n| {
        address.change(|q| {
            q.per_page = n;
            q.page = 0;
        })
    });
    let pager = move |above: bool| {
        view! {
            <Pager at=page_at per_page=per_page choices=&PER_PAGE_CHOICES
                on_page=on_page on_per_page=on_per_page above=above />
        }
    };
    let rows = Signal::derive(move || model.rows());
    let sort = Signal::derive(move || query.with(|q| (q.sort, q.descending)));
    let sort_by = Callback::new(move |key| address.sort_by(key));
    let matching_picked = model.matching_selected(selection);
    let select_matching = Callback::new(move |()| {
        model.with_matches(|m| selection.update(|s| s.select(m)));
    });
    view! {
        <section class="ncc-page" aria-labelledby=crate::dom::id("list-title")>
            <div class="ncc-page__head">
                <h1 id=crate::dom::id("list-title")>{l.title}</h1>
                <span class="ncc-muted" role="status">
                    {move || model.counts().map(|(m, all)| count_phrase(t, m, all))}
                </span>
                <span class="ncc-page__spacer"></span>
                <Show when=move || model.any_match()>
                    {export_buttons(t, model)}
                </Show>
                <GuardedLink label=l.new_client href=href(path::NEW) decision=create_decision />
            </div>
            <ImportList run=run on_finish=after_run />
            {list_toolbar(address, Signal::derive(move || model.editable.with(Option::is_some)))}
            {move || match list.get() {
                None => view! { <Skeleton label=t.list.loading rows=8 /> }.into_any(),
                Some(Err(e)) => failed(t, e, list),
                // Nothing readable, but the server sent entries: not "no clients".
                Some(Ok(l)) if l.clients.is_empty() && l.skipped > 0 => view! {
                    <div class="ncc-empty">
                        <h2>{t.list.none_readable}</h2>
                        <p class="ncc-notice" role="note">{skipped_notice(t, l.skipped)}</p>
                    </div>
                }.into_any(),
                Some(Ok(l)) if l.clients.is_empty() => view! {
                    <div class="ncc-empty">
                        <h2>{t.list.none_yet}</h2>
                        <p>{t.list.none_yet_text}</p>
                    </div>
                }.into_any(),
                Some(Ok(l)) => view! {
                    {notices(t, &l)}
                    <Show when=move || model.may_change_none()>
                        <p class="ncc-notice" role="note">{t.list.read_only_all}</p>
                    </Show>
                    <Show when=move || model.any_match() fallback=move || no_match(t, address)>
                        <SelectionBar clients=all_clients selection=selection matching=matching_picked
                            select_matching=select_matching run=run on_finish=after_run />
                        <BulkResults run=run />
                        // More than one page: the pager above the table too.
                        <Show when=move || page_at.get().is_some_and(|a| a.count > 1)>
                            {pager(true)}
                        </Show>
                        <ClientsTable rows=rows sort=sort on_open=open on_sort=sort_by selection=selection />
                    </Show>
                }.into_any(),
            }}
            // No pager under an error, an empty list or no match.
            <Show when=move || model.any_match()>{pager(false)}</Show>
        </section>
    }
}

// The writers (and serde_json's pretty printer) come when first asked for.
split_fn!(
    list_export,
    fn export_text(shown: Vec<ClientSummary>, csv: bool) -> String {
        if csv {
            export::summaries_csv(&shown)
        } else {
            export::summaries_json(&shown)
        }
    }
);

/// Export: every client that matches the search and filters (not only the
/// page), in the shown order, made when asked for.
fn export_buttons(t: &'static Catalog, model: ListModel) -> impl IntoView {
    let toasts = use_toasts();
    let export = move |csv: bool| {
        let Some(shown) = model.with_matches(|shown| shown.cloned().collect::<Vec<_>>()) else {
            return;
        };
        let (name, mime) = if csv {
            ("clients.csv", "text/csv")
        } else {
            ("clients.json", "application/json")
        };
        leptos::task::spawn_local(async move {
            match export_text(shown, csv).await {
                Ok(text) => crate::dom::download(name, mime, &text),
                Err(ChunkError) => toasts.show(t.shell.chunk_failed),
            }
        });
    };
    let label = move || {
        model.counts().map(|(m, all)| {
            if m == all {
                t.list.export_all.to_string()
            } else {
                (t.list.export_some)(&t.num(m))
            }
        })
    };
    view! {
        <div class="ncc-export" role="group" aria-labelledby=crate::dom::id("export-label")>
            <span id=crate::dom::id("export-label") class="ncc-muted">{label}</span>
            <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label=t.list.export_csv on:click=move |_| export(true)>"CSV"</button>
            <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label=t.list.export_json on:click=move |_| export(false)>"JSON"</button>
        </div>
    }
}

/// Why the list may not be the whole tenant: paging stopped early, or some
/// entries were not clients.
fn notices(t: &Catalog, l: &Loaded) -> impl IntoView {
    let note = |m: String| view! { <p class="ncc-notice" role="note">{m}</p> };
    (
        l.incomplete.clone().map(note),
        (l.skipped > 0).then(|| note(skipped_notice(t, l.skipped))),
    )
}

/// Nothing matches: say so, with a way back to every client.
fn no_match(t: &'static Catalog, address: ListAddress) -> impl IntoView {
    view! {
        <div class="ncc-empty">
            <h2>{t.list.no_match}</h2>
            <p>{t.list.no_match_text}</p>
            <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| address.clear()>
                {t.list.clear_filters}
            </button>
        </div>
    }
}

/// The problem, with "Try again".
fn failed(
    t: &'static Catalog,
    e: ApiError,
    list: LocalResource<Result<Loaded, ApiError>>,
) -> AnyView {
    view! {
        <ProblemView problem=e.problem(t)>
            <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| list.refetch()>{t.list.try_again}</button>
        </ProblemView>
    }
    .into_any()
}

/// Says how many entries of the server's answer were not clients (the list
/// shows the rest; an empty list must not pass for "no clients yet").
fn skipped_notice(t: &Catalog, n: usize) -> String {
    (t.list.skipped)(&t.num(n), n)
}
