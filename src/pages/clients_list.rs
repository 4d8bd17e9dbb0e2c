//! `/clients`: search, filter, sort and page the tenant's clients. The view
//! state lives in the query string; the list is loaded once and searched in
//! the browser against a prepared index (nexus_domain::list_query).

use super::clients_bulk::{ImportList, SelectionBar};
use crate::api::{use_api, ApiError};
use crate::auth::use_auth;
use crate::bulk_runner::BulkRun;
use crate::components::{
    BulkResults, ClientsTable, FilterSelect, GuardedLink, PageAt, Pager, ProblemView, Skeleton,
    TableRows,
};
use crate::routes::{encode_query, href, nav, path};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use nexus_domain::bulk::Selection;
use nexus_domain::export;
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::{
    apply, count_phrase, grouped, ListQuery, ListView, Managed, SearchIndex, SortKey,
    PER_PAGE_CHOICES,
};
use nexus_domain::paging::PagedList;
use nexus_domain::permissions::decide;
use nexus_domain::{Caller, ClientType, Operation};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A loaded list, ready to search.
#[derive(Clone)]
struct Loaded {
    clients: Arc<Vec<ClientSummary>>,
    index: Arc<SearchIndex>,
    generation: u64,
    skipped: usize,
    /// Set when the list is not all the tenant's clients: how many were
    /// read, and why paging stopped, when it stopped early.
    incomplete: Option<String>,
}

/// Tells one load from the next (rows are keyed by it).
static GENERATION: AtomicU64 = AtomicU64::new(0);

impl Loaded {
    fn new(read: PagedList) -> Self {
        let incomplete = read.partial_notice();
        let page = read.list;
        Loaded {
            index: Arc::new(SearchIndex::new(&page.clients)),
            clients: Arc::new(page.clients),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            skipped: page.skipped,
            incomplete,
        }
    }
}

/// `/clients`.
#[component]
pub fn ClientsListPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let query_map = use_query_map();
    // The page owns its view state while shown: a change writes the address
    // itself (`write_url`) and this signal, instead of a router navigation
    // that would re-match the routes for a change only this page reads.
    // Back and forward bring the state back from the address.
    let read = |m: &leptos_router::params::ParamsMap| {
        ListQuery::from_pairs(m.into_iter().map(|(k, v)| (k.as_ref(), v)))
    };
    let query = RwSignal::new(query_map.with_untracked(read));
    let adopt = move |q: ListQuery| {
        // try_: a popstate that leaves the page may come after its disposal.
        if query.try_with_untracked(|cur| *cur != q).unwrap_or(false) {
            query.try_set(q);
        }
    };
    // Counts back/forward moves: an address write still waiting from before
    // one is dropped (see `set_query`).
    let url_epoch = StoredValue::new(0u64);
    // The router's own changes (a "Clients" link while on the list).
    Effect::new(move |_| adopt(query_map.with(read)));
    let back_forward = window_event_listener(leptos::ev::popstate, move |_| {
        url_epoch.try_update_value(|e| *e += 1);
        let pairs = crate::routes::address_query();
        adopt(ListQuery::from_pairs(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ));
    });
    on_cleanup(move || back_forward.remove());
    let list = LocalResource::new(move || async move { api.list_clients().await.map(Loaded::new) });
    let loaded = Memo::new(move |_| list.get().and_then(Result::ok).map(ArcEq));
    // The selected clients, by id: kept across paging, sorting and
    // searching; a reload drops those no longer listed.
    let selection = RwSignal::new(Selection::default());
    Effect::new(move |_| {
        if let Some(l) = loaded.get() {
            selection.update(|s| s.retain_listed(&l.0.clients));
        }
    });
    let run = BulkRun::new();
    let after_run = Callback::new(move |()| list.refetch());
    let all_clients =
        Signal::derive(move || loaded.with(|l| l.as_ref().map(|l| l.0.clients.clone())));
    // The search text and every sort's order are built in the idle moments
    // after the rows show, one at a time, so no keystroke or sort change
    // pays for building them.
    Effect::new(move |_| {
        if let Some(l) = loaded.get() {
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(100).await;
                l.0.index.prepare_search(&l.0.clients);
                for key in SortKey::ALL {
                    gloo_timers::future::TimeoutFuture::new(100).await;
                    l.0.index.prepare(&l.0.clients, key);
                }
            });
        }
    });

    // Every change of the view state is a new history entry; typing replaces
    // the entry, so back does not step through keystrokes.
    let list_url = move |q: &ListQuery| {
        let search = q
            .to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_query(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut url = href(path::LIST);
        if !search.is_empty() {
            url.push('?');
            url.push_str(&search);
        }
        url
    };
    // Where "Clients" links elsewhere come back to.
    Effect::new(move |_| query.with(|q| crate::routes::remember_list(list_url(q))));
    // The rows change first; the address is written once that frame has
    // painted (a history write can take milliseconds, and the person is
    // waiting for the rows, not for the address bar). Writes keep their
    // order; back or forward in between drops the ones still waiting.
    let set_query = Callback::new(move |(q, replace): (ListQuery, bool)| {
        let url = list_url(&q);
        adopt(q);
        let epoch = url_epoch.get_value();
        crate::routes::write_url_after_paint(url, replace, move || {
            url_epoch.try_get_value() == Some(epoch)
        });
    });
    // A filter control shows its key as the address carries it and sets it
    // as a link would (the domain parses and prints each key once); a new
    // filter starts at the first page.
    let shown = move |key: &'static str| Signal::derive(move || query.with(|q| q.value(key)));
    let filter_by = move |key: &'static str| {
        Callback::new(move |v: String| {
            let mut q = query.get_untracked();
            q.set(key, &v);
            q.page = 0;
            set_query.run((q, false));
        })
    };
    let change = move |f: fn(&mut ListQuery, String), replace: bool| {
        Callback::new(move |v: String| {
            let mut q = query.get_untracked();
            f(&mut q, v);
            set_query.run((q, replace));
        })
    };

    // The search box keeps its own text so typing stays immediate; the URL
    // follows.
    let search_text = RwSignal::new(query.get_untracked().q);
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if search_text.get_untracked() != q {
            search_text.set(q);
        }
    });
    let on_search = change(
        |q, v| {
            q.q = v;
            q.page = 0;
        },
        true,
    );

    // Per client, whether the caller may change it (the rule of decide());
    // None when the caller is not known (Basic credentials: the server
    // decides, so nothing is filtered or marked).
    let editable = Memo::new(move |_| {
        let caller = auth.caller().get();
        if matches!(caller, Caller::Unknown) {
            return None;
        }
        loaded.with(|l| {
            l.as_ref().map(|l| {
                ArcEq(Arc::new(
                    l.0.clients
                        .iter()
                        .map(|c| c.may_change(&caller))
                        .collect::<Vec<bool>>(),
                ))
            })
        })
    });
    let view_state = Memo::new(move |_| {
        let mask = editable.get();
        loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    query.with(|q| {
                        Arc::new(apply(
                            &l.0.clients,
                            &l.0.index,
                            q,
                            mask.as_ref().map(|m| m.0.as_slice()),
                        ))
                    })
                })
                .map(ArcEq)
        })
    });
    // Rows are marked read-only only when the caller may change some but
    // not all (a viewer is told once, above the list).
    // The table reads the same mask (no inverted copy).
    let marked = Memo::new(move |_| {
        editable
            .get()
            .filter(|m| m.0.iter().any(|e| *e) && m.0.iter().any(|e| !*e))
    });
    let may_change_none = move || {
        editable.with(|m| {
            m.as_ref()
                .is_some_and(|m| !m.0.is_empty() && m.0.iter().all(|e| !e))
        })
    };
    let rows = Signal::derive(move || {
        let per_page = query.with(|q| q.per_page);
        loaded.with(|l| match (l, view_state.get()) {
            (Some(l), Some(v)) => TableRows {
                clients: l.0.clients.clone(),
                shown: v.0.page_rows(per_page).to_vec(),
                generation: l.0.generation,
                editable: marked.get().map(|m| m.0),
            },
            _ => TableRows::default(),
        })
    });
    let counts = move || {
        view_state.with(|v| {
            v.as_ref().map(|v| {
                let all = loaded.with(|l| l.as_ref().map_or(0, |l| l.0.clients.len()));
                (v.0.matches.len(), all)
            })
        })
    };
    // Export: every client that matches the search and filters (not only
    // the page), in the shown order, made when asked for.
    let export = move |csv: bool| {
        let (Some(l), Some(v)) = (loaded.get_untracked(), view_state.get_untracked()) else {
            return;
        };
        let shown =
            v.0.matches
                .iter()
                .filter_map(|&i| l.0.clients.get(i as usize));
        let (text, name, mime) = if csv {
            (export::summaries_csv(shown), "clients.csv", "text/csv")
        } else {
            (
                export::summaries_json(shown),
                "clients.json",
                "application/json",
            )
        };
        crate::dom::download(name, mime, &text);
    };
    let create_decision =
        Signal::derive(move || decide(&auth.caller().get(), Operation::Create, None));
    let sort_signal = Signal::derive(move || query.with(|q| (q.sort, q.descending)));
    // A column header sorts by its column; again, the other way round.
    let sort_by = Callback::new(move |key: SortKey| {
        let mut q = query.get_untracked();
        q.descending = q.sort == key && !q.descending;
        q.sort = key;
        set_query.run((q, false));
    });
    // "/" anywhere but in a field goes to the search box.
    let search_box = NodeRef::<leptos::html::Input>::new();
    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/"
            && !ev.ctrl_key()
            && !ev.meta_key()
            && !ev.alt_key()
            && !typing_in_a_field(&ev)
        {
            if let Some(input) = search_box.get_untracked() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    let navigate_open = use_navigate();
    let open = Callback::new(move |to: String| navigate_open(&to, nav(false)));

    let type_options = std::iter::once((String::new(), "All types".to_string()))
        .chain(
            ClientType::CREATABLE
                .iter()
                .map(|t| (t.as_str().to_string(), t.label().to_string())),
        )
        .collect();
    let managed_options = vec![
        (String::new(), "Anyone".to_string()),
        (Managed::Manual.as_str().to_string(), "Manual".to_string()),
        (
            Managed::Terraform.as_str().to_string(),
            "Terraform".to_string(),
        ),
    ];
    let sort_options = SortKey::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), k.label().to_string()))
        .collect();
    let clear = move |_| {
        let per_page = query.with_untracked(|q| q.per_page);
        set_query.run((
            ListQuery {
                per_page,
                ..ListQuery::default()
            },
            false,
        ));
    };
    let page_at = Signal::derive(move || {
        view_state.with(|v| {
            v.as_ref().map(|v| PageAt {
                page: v.0.page,
                count: v.0.page_count,
            })
        })
    });

    // How many of the matches are selected, of how many.
    let matching_picked = move || {
        loaded.with(|l| {
            view_state.with(|v| match (l, v) {
                (Some(l), Some(v)) => selection.with(|s| {
                    s.count_in(
                        v.0.matches
                            .iter()
                            .filter_map(|&i| l.0.clients.get(i as usize)),
                    )
                }),
                _ => (0, 0),
            })
        })
    };
    let select_matching = Callback::new(move |()| {
        loaded.with_untracked(|l| {
            view_state.with_untracked(|v| {
                if let (Some(l), Some(v)) = (l, v) {
                    selection.update(|s| {
                        s.select(
                            v.0.matches
                                .iter()
                                .filter_map(|&i| l.0.clients.get(i as usize)),
                        )
                    });
                }
            })
        })
    });
    let per_page = Signal::derive(move || query.with(|q| q.per_page));
    let on_page = Callback::new(move |page| {
        let mut q = query.get_untracked();
        q.page = page;
        set_query.run((q, false));
    });
    let on_per_page = Callback::new(move |n| {
        let mut q = query.get_untracked();
        q.per_page = n;
        q.page = 0;
        set_query.run((q, false));
    });
    view! {
        <section class="ncc-page" aria-labelledby="ncc-list-title">
            <div class="ncc-page__head">
                <h1 id="ncc-list-title">"Clients"</h1>
                <span class="ncc-muted" role="status">
                    {move || match counts() {
                        Some((m, all)) => count_phrase(m, all),
                        None => String::new(),
                    }}
                </span>
                <span class="ncc-page__spacer"></span>
                <Show when=move || counts().is_some_and(|(m, _)| m > 0)>
                    <div class="ncc-export" role="group" aria-labelledby="ncc-export-label">
                        <span id="ncc-export-label" class="ncc-muted">
                            {move || counts().map(|(m, all)| if m == all { "Export all:".to_string() } else { format!("Export the {}:", grouped(m)) })}
                        </span>
                        <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label="Export as CSV" on:click=move |_| export(true)>"CSV"</button>
                        <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label="Export as JSON" on:click=move |_| export(false)>"JSON"</button>
                    </div>
                </Show>
                <GuardedLink label="New client" href=href(path::NEW) decision=create_decision />
            </div>
            <ImportList run=run on_finish=after_run />
            <div class="ncc-toolbar" role="search">
                <div class="ncc-field ncc-field--inline ncc-toolbar__search">
                    <label class="ncc-field__label" for="ncc-search">"Search clients"</label>
                    <input
                        id="ncc-search"
                        node_ref=search_box
                        aria-keyshortcuts="/"
                        class="ncc-input"
                        type="search"
                        placeholder="Name, client ID, product or application"
                        autocomplete="off"
                        prop:value=move || search_text.get()
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            search_text.set(v.clone());
                            on_search.run(v);
                        }
                    />
                </div>
                <FilterSelect id="ncc-filter-type" label="Type" options=type_options
                    value=shown("type") on_change=filter_by("type") />
                <FilterSelect id="ncc-filter-managed" label="Managed by" options=managed_options
                    value=shown("managed") on_change=filter_by("managed") />
                <Show when=move || editable.with(Option::is_some)>
                    <FilterSelect id="ncc-filter-editable" label="Editable by"
                        options=vec![(String::new(), "Anyone".to_string()), ("me".to_string(), "Me".to_string())]
                        value=shown("editable") on_change=filter_by("editable") />
                </Show>
                <FilterSelect
                    id="ncc-sort"
                    label="Sort by"
                    value=Signal::derive(move || query.with(|q| q.sort.as_str().to_string()))
                    options=sort_options
                    on_change=change(|q, v| q.sort = SortKey::parse(&v), false)
                />
                <button
                    type="button"
                    class="ncc-btn ncc-btn--secondary ncc-btn--small"
                    aria-label=move || if query.with(|q| q.descending) { "Sort order: descending (switch to ascending)" } else { "Sort order: ascending (switch to descending)" }
                    on:click=move |_| {
                        let mut q = query.get_untracked();
                        q.descending = !q.descending;
                        set_query.run((q, false));
                    }
                >
                    {move || if query.with(|q| q.descending) { "Z\u{2192}A" } else { "A\u{2192}Z" }}
                </button>
            </div>
            {move || match list.get() {
                None => view! { <Skeleton label="Loading clients\u{2026}" rows=8 /> }.into_any(),
                Some(Err(e)) => failed(e, list),
                // Nothing readable, but the server sent entries: not "no clients".
                Some(Ok(l)) if l.clients.is_empty() && l.skipped > 0 => view! {
                    <div class="ncc-empty">
                        <h2>"No client could be read"</h2>
                        <p class="ncc-notice" role="note">{skipped_notice(l.skipped)}</p>
                    </div>
                }.into_any(),
                Some(Ok(l)) if l.clients.is_empty() => view! {
                    <div class="ncc-empty">
                        <h2>"No clients yet"</h2>
                        <p>"This tenant has no auth clients. Create the first one."</p>
                    </div>
                }.into_any(),
                Some(Ok(l)) => view! {
                    {l.incomplete.map(|m| view! { <p class="ncc-notice" role="note">{m}</p> })}
                    <Show when=may_change_none>
                        <p class="ncc-notice" role="note">"You can read these clients but change none of them: changing a client needs client.write (as its owner or for its product) or client.write.all."</p>
                    </Show>
                    {(l.skipped > 0).then(|| view! {
                        <p class="ncc-notice" role="note">{skipped_notice(l.skipped)}</p>
                    })}
                    <Show
                        when=move || counts().is_some_and(|(m, _)| m > 0)
                        fallback=move || view! {
                            <div class="ncc-empty">
                                <h2>"No clients match"</h2>
                                <p>"Nothing matches the search and filters."</p>
                                <button type="button" class="ncc-btn ncc-btn--secondary" on:click=clear>
                                    "Clear search and filters"
                                </button>
                            </div>
                        }
                    >
                        <SelectionBar clients=all_clients selection=selection matching=Signal::derive(matching_picked)
                            select_matching=select_matching run=run on_finish=after_run />
                        <BulkResults run=run />
                        // More than one page: the pager above the table too.
                        <Show when=move || page_at.get().is_some_and(|a| a.count > 1)>
                            <Pager at=page_at per_page=per_page choices=&PER_PAGE_CHOICES
                                on_page=on_page on_per_page=on_per_page above=true />
                        </Show>
                        <ClientsTable rows=rows sort=sort_signal on_open=open on_sort=sort_by selection=selection />
                    </Show>
                }.into_any(),
            }}
            // No pager under an error, an empty list or no match.
            <Show when=move || counts().is_some_and(|(m, _)| m > 0)>
                <Pager
                    at=page_at
                    per_page=per_page
                    choices=&PER_PAGE_CHOICES
                    on_page=on_page
                    on_per_page=on_per_page
                />
            </Show>
        </section>
    }
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

/// The problem, with "Try again".
fn failed(e: ApiError, list: LocalResource<Result<Loaded, ApiError>>) -> AnyView {
    view! {
        <ProblemView problem=e.problem()>
            <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| list.refetch()>"Try again"</button>
        </ProblemView>
    }
    .into_any()
}

/// Memo equality that stays cheap at 10,000 clients: a loaded list is the
/// same when it is the same load; a computed view when its matches and page
/// are (so a keystroke that changes nothing re-renders nothing).
#[derive(Clone)]
struct ArcEq<T>(T);

impl PartialEq for ArcEq<Loaded> {
    fn eq(&self, other: &Self) -> bool {
        self.0.generation == other.0.generation
    }
}

impl PartialEq for ArcEq<Arc<Vec<bool>>> {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl PartialEq for ArcEq<Arc<ListView>> {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

/// Says how many entries of the server's answer were not clients (the list
/// shows the rest; an empty list must not pass for "no clients yet").
fn skipped_notice(n: usize) -> String {
    match n {
        1 => {
            "1 entry in the server's answer could not be read as a client and is not shown.".into()
        }
        n => format!(
            "{} entries in the server's answer could not be read as clients and are not shown.",
            nexus_domain::list_query::grouped(n)
        ),
    }
}
