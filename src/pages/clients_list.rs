use crate::api::{use_api, ApiError};
use crate::auth::use_auth;
use crate::components::{CopyButton, GuardedLink, ProblemView, Skeleton};
use crate::routes::{encode_query, href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nexus_domain::list_query::{apply, ListQuery, Managed, SearchIndex, SortKey, PER_PAGE_CHOICES};
use nexus_domain::permissions::decide;
use nexus_domain::{Action, ClientType, NexusClient};
use std::sync::Arc;

#[derive(Clone)]
enum Load {
    Loading,
    Ready {
        clients: Arc<Vec<NexusClient>>,
        index: Arc<SearchIndex>,
        skipped: usize,
        /// Set when the server says there is more than it sent (it pages).
        incomplete: Option<String>,
    },
    Failed(ApiError),
}

/// Text for a missing value.
const NOT_SET: &str = "not set";

/// The table of clients; rows open the detail view by mouse and keyboard.
#[component]
pub fn ClientsTable(
    #[prop(into)] rows: Signal<Vec<NexusClient>>,
    #[prop(into, optional)] sort: Option<Signal<(SortKey, bool)>>,
    #[prop(optional)] on_open: Option<Callback<String>>,
) -> impl IntoView {
    let aria_sort = move |key: SortKey| {
        sort.map(|s| {
            let (k, desc) = s.get();
            if k == key {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            } else {
                "none"
            }
        })
    };
    view! {
        <table class="ncc-table">
            <caption class="ncc-visually-hidden">"Clients"</caption>
            <thead>
                <tr>
                    <th scope="col" aria-sort=move || aria_sort(SortKey::Name)>"Name"</th>
                    <th scope="col" aria-sort=move || aria_sort(SortKey::Type)>"Type"</th>
                    <th scope="col">"Client ID"</th>
                    <th scope="col" aria-sort=move || aria_sort(SortKey::Product)>"Product"</th>
                    <th scope="col">"Managed by"</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get()
                    key=|c| (c.id.clone(), c.name.clone(), c.product_name.clone(), c.client_type.clone(), c.manually_created)
                    let(client)
                >
                    {
                        let id = client.id.clone().unwrap_or_default();
                        let detail = href(&path::detail(&id));
                        let open_id = id.clone();
                        let kind = client.kind();
                        let terraform = client.is_terraform_managed();
                        view! {
                            <tr
                                class="ncc-table__row"
                                on:click=move |ev| {
                                    // Clicks on the link or a button inside do their own thing.
                                    let inner = leptos::prelude::event_target::<web_sys::Element>(&ev)
                                        .closest("a, button")
                                        .ok()
                                        .flatten()
                                        .is_some();
                                    if !inner {
                                        if let Some(cb) = on_open {
                                            cb.run(open_id.clone());
                                        }
                                    }
                                }
                            >
                                <td>
                                    <a class="ncc-table__name" href=detail>{client.display_name()}</a>
                                    {client.application_name.clone().map(|a| view! { <span class="ncc-table__sub ncc-muted">{a}</span> })}
                                </td>
                                <td>{kind.map(|k| k.label().to_string()).unwrap_or_else(|| NOT_SET.into())}</td>
                                <td class="ncc-table__id">
                                    <code>{id.clone()}</code>
                                    <CopyButton text=id.clone() label=format!("Copy client ID of {}", client.display_name()) />
                                </td>
                                <td>{client.product_name.clone().filter(|p| !p.is_empty()).unwrap_or_else(|| NOT_SET.into())}</td>
                                <td>
                                    {if terraform {
                                        view! { <span class="ncc-badge ncc-badge--warn">"Terraform"</span> }.into_any()
                                    } else {
                                        view! { <span class="ncc-badge">"Manual"</span> }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
    }
}

/// `/clients`: search, filter, sort and page the tenant's clients. The view
/// state lives in the query string.
#[component]
pub fn ClientsListPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let navigate = use_navigate();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        query_map.with(|m| {
            let pairs: Vec<(String, String)> = ["q", "type", "managed", "sort", "page", "per_page"]
                .iter()
                .filter_map(|k| m.get(k).map(|v| (k.to_string(), v)))
                .collect();
            ListQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let load = RwSignal::new(Load::Loading);
    let fetch = {
        let api = api.clone();
        move || {
            load.set(Load::Loading);
            let api = api.clone();
            spawn_local(async move {
                let result = api.list_clients().await;
                load.try_set(match result {
                    Ok(page) => {
                        let index = Arc::new(SearchIndex::new(&page.clients));
                        let got = page.clients.len() + page.skipped;
                        let incomplete = match (page.total, &page.next) {
                            (Some(total), _) if total > got as u64 => Some(format!(
                                "The server sent {got} of {total} clients; search, filters and sorting cover only those."
                            )),
                            (_, Some(_)) => Some(format!(
                                "The server sent {got} clients and says there are more; search, filters and sorting cover only those."
                            )),
                            _ => None,
                        };
                        Load::Ready {
                            clients: Arc::new(page.clients),
                            index,
                            skipped: page.skipped,
                            incomplete,
                        }
                    }
                    Err(e) => Load::Failed(e),
                });
            });
        }
    };
    fetch();

    let go = {
        let navigate = navigate.clone();
        move |q: ListQuery, replace: bool| {
            let pairs = q.to_pairs();
            let search = pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", encode_query(v)))
                .collect::<Vec<_>>()
                .join("&");
            let url = if search.is_empty() {
                href(path::LIST)
            } else {
                format!("{}?{search}", href(path::LIST))
            };
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let update = {
        let go = go.clone();
        move |f: &dyn Fn(&mut ListQuery), replace: bool| {
            let mut q = query.get_untracked();
            f(&mut q);
            go(q, replace);
        }
    };

    // The search box keeps its own text so typing stays immediate; the URL
    // follows (replacing history, so back does not step through keystrokes).
    let search_text = RwSignal::new(query.get_untracked().q);
    Effect::new(move |_| {
        let q = query.get().q;
        if search_text.get_untracked() != q {
            search_text.set(q);
        }
    });

    let view_state = Memo::new(move |_| match load.get() {
        Load::Ready { clients, index, .. } => {
            Some((clients.clone(), apply(&clients, &index, &query.get())))
        }
        _ => None,
    });
    let page_rows = Signal::derive(move || {
        view_state.with(|v| match v {
            Some((clients, view)) => {
                let per_page = query.with(|q| q.per_page);
                view.page_rows(per_page)
                    .iter()
                    .map(|&i| clients[i].clone())
                    .collect()
            }
            None => Vec::new(),
        })
    });
    let create_decision =
        Signal::derive(move || decide(&auth.caller().get(), Action::Create, None));
    let sort_signal = Signal::derive(move || query.with(|q| (q.sort, q.descending)));
    let open = {
        let navigate = navigate.clone();
        Callback::new(move |id: String| {
            navigate(&href(&path::detail(&id)), crate::routes::nav(false))
        })
    };

    let u1 = update.clone();
    let u2 = update.clone();
    let u3 = update.clone();
    let u4 = update.clone();
    let u5 = update.clone();
    let u6 = update.clone();
    let u7 = update.clone();
    let u8 = update.clone();
    let fetch_again = fetch.clone();

    view! {
        <section class="ncc-page" aria-labelledby="ncc-list-title">
            <div class="ncc-page__head">
                <h1 id="ncc-list-title">"Clients"</h1>
                <span class="ncc-muted" role="status">
                    {move || view_state.with(|v| match v {
                        Some((clients, view)) if view.matches.len() == clients.len() => format!("{} clients", clients.len()),
                        Some((clients, view)) => format!("{} of {} clients match", view.matches.len(), clients.len()),
                        None => String::new(),
                    })}
                </span>
                <span class="ncc-page__spacer"></span>
                <GuardedLink label="New client" href=href(path::NEW) decision=create_decision />
            </div>
            <div class="ncc-toolbar" role="search">
                <div class="ncc-field ncc-field--inline ncc-toolbar__search">
                    <label class="ncc-field__label" for="ncc-search">"Search clients"</label>
                    <input
                        id="ncc-search"
                        class="ncc-input"
                        type="search"
                        placeholder="Name, client ID, product or application"
                        autocomplete="off"
                        prop:value=move || search_text.get()
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            search_text.set(v.clone());
                            u1(&move |q: &mut ListQuery| { q.q = v.clone(); q.page = 0; }, true);
                        }
                    />
                </div>
                <div class="ncc-field ncc-field--inline">
                    <label class="ncc-field__label" for="ncc-filter-type">"Type"</label>
                    <select
                        id="ncc-filter-type"
                        class="ncc-input"
                        prop:value=move || query.with(|q| q.client_type.clone().unwrap_or_default())
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            u2(&move |q: &mut ListQuery| { q.client_type = (!v.is_empty()).then(|| v.clone()); q.page = 0; }, false);
                        }
                    >
                        <option value="">"All types"</option>
                        {ClientType::CREATABLE.iter().map(|t| view! { <option value=t.as_str().to_string()>{t.label().to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="ncc-field ncc-field--inline">
                    <label class="ncc-field__label" for="ncc-filter-managed">"Managed by"</label>
                    <select
                        id="ncc-filter-managed"
                        class="ncc-input"
                        prop:value=move || match query.with(|q| q.managed) {
                            Some(Managed::Manual) => "manual",
                            Some(Managed::Terraform) => "terraform",
                            None => "",
                        }
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            u3(&move |q: &mut ListQuery| {
                                q.managed = match v.as_str() { "manual" => Some(Managed::Manual), "terraform" => Some(Managed::Terraform), _ => None };
                                q.page = 0;
                            }, false);
                        }
                    >
                        <option value="">"Anyone"</option>
                        <option value="manual">"Manual"</option>
                        <option value="terraform">"Terraform"</option>
                    </select>
                </div>
                <div class="ncc-field ncc-field--inline">
                    <label class="ncc-field__label" for="ncc-sort">"Sort by"</label>
                    <select
                        id="ncc-sort"
                        class="ncc-input"
                        prop:value=move || query.with(|q| q.sort.as_str())
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            u4(&move |q: &mut ListQuery| {
                                q.sort = match v.as_str() { "type" => SortKey::Type, "product" => SortKey::Product, _ => SortKey::Name };
                            }, false);
                        }
                    >
                        <option value="name">"Name"</option>
                        <option value="type">"Type"</option>
                        <option value="product">"Product"</option>
                    </select>
                </div>
                <button
                    type="button"
                    class="ncc-btn ncc-btn--secondary ncc-btn--small"
                    aria-label=move || if query.with(|q| q.descending) { "Sort order: descending (switch to ascending)" } else { "Sort order: ascending (switch to descending)" }
                    on:click=move |_| u5(&|q: &mut ListQuery| q.descending = !q.descending, false)
                >
                    {move || if query.with(|q| q.descending) { "Z\u{2192}A" } else { "A\u{2192}Z" }}
                </button>
            </div>
            {move || match load.get() {
                Load::Loading => view! { <Skeleton label="Loading clients\u{2026}" rows=8 /> }.into_any(),
                Load::Failed(e) => {
                    let again = fetch_again.clone();
                    view! {
                        <ProblemView problem=e.problem()>
                            <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| again()>"Try again"</button>
                        </ProblemView>
                    }.into_any()
                }
                Load::Ready { clients, skipped, .. } if clients.is_empty() => view! {
                    <div class="ncc-empty">
                        <h2>"No clients yet"</h2>
                        <p>"This tenant has no auth clients. Create the first one."</p>
                        {(skipped > 0).then(|| view! { <p class="ncc-muted">{format!("{skipped} unreadable entries in the server's answer were left out.")}</p> })}
                    </div>
                }.into_any(),
                Load::Ready { skipped, incomplete, .. } => {
                    let u6 = u6.clone();
                    view! {
                        {incomplete.map(|m| view! { <p class="ncc-notice">{m}</p> })}
                        {(skipped > 0).then(|| view! {
                            <p class="ncc-notice">{format!("{skipped} entries in the server's answer could not be read and are not shown.")}</p>
                        })}
                        <Show
                            when=move || view_state.with(|v| v.as_ref().is_some_and(|(_, view)| !view.matches.is_empty()))
                            fallback={
                                let u6 = u6.clone();
                                move || {
                                    let u6 = u6.clone();
                                    view! {
                                        <div class="ncc-empty">
                                            <h2>"No clients match"</h2>
                                            <p>"Nothing matches the search and filters."</p>
                                            <button type="button" class="ncc-btn ncc-btn--secondary"
                                                on:click=move |_| u6(&|q: &mut ListQuery| *q = ListQuery { per_page: q.per_page, ..ListQuery::default() }, false)>
                                                "Clear search and filters"
                                            </button>
                                        </div>
                                    }
                                }
                            }
                        >
                            <ClientsTable rows=page_rows sort=sort_signal on_open=open />
                        </Show>
                    }.into_any()
                }
            }}
            <nav class="ncc-pager" aria-label="Pages">
                <button
                    type="button"
                    class="ncc-btn ncc-btn--secondary ncc-btn--small"
                    aria-disabled=move || view_state.with(|v| v.as_ref().is_none_or(|(_, view)| view.page == 0)).then_some("true")
                    on:click=move |_| {
                        if let Some(page) = view_state.with_untracked(|v| v.as_ref().map(|(_, view)| view.page)) {
                            if page > 0 {
                                u7(&move |q: &mut ListQuery| q.page = page - 1, false);
                            }
                        }
                    }
                >
                    "Previous page"
                </button>
                <span>
                    {move || view_state.with(|v| v.as_ref().map(|(_, view)| format!("Page {} of {}", view.page + 1, view.page_count)))}
                </span>
                <button
                    type="button"
                    class="ncc-btn ncc-btn--secondary ncc-btn--small"
                    aria-disabled=move || view_state.with(|v| v.as_ref().is_none_or(|(_, view)| view.page + 1 >= view.page_count)).then_some("true")
                    on:click={
                        let u7 = update.clone();
                        move |_| {
                            if let Some((page, count)) = view_state.with_untracked(|v| v.as_ref().map(|(_, view)| (view.page, view.page_count))) {
                                if page + 1 < count {
                                    u7(&move |q: &mut ListQuery| q.page = page + 1, false);
                                }
                            }
                        }
                    }
                >
                    "Next page"
                </button>
                <label class="ncc-field__label" for="ncc-per-page">"Rows per page"</label>
                <select
                    id="ncc-per-page"
                    class="ncc-input ncc-input--narrow"
                    prop:value=move || query.with(|q| q.per_page.to_string())
                    on:change:target=move |ev| {
                        let n = ev.target().value().parse().unwrap_or(nexus_domain::list_query::DEFAULT_PER_PAGE);
                        u8(&move |q: &mut ListQuery| { q.per_page = n; q.page = 0; }, false);
                    }
                >
                    {PER_PAGE_CHOICES.iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                </select>
            </nav>
        </section>
    }
}
