//! The table of clients. Rows are cheap: each is static markup built once
//! per client and kept while it stays on the page (keyed), and the row's
//! click, its link and its Copy button share one listener on the table.

use crate::dom::copy_text;
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::SortKey;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Text for a missing value.
const NOT_SET: &str = "not set";

/// The rows a table shows: the loaded clients, and which of them (indexes
/// into `clients`) in display order. `generation` tells one load from the
/// next, so a reloaded list never reuses a row of the previous one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRows {
    pub clients: Arc<Vec<ClientSummary>>,
    pub shown: Vec<u32>,
    pub generation: u64,
}

impl TableRows {
    /// All of `clients`, in their order (a fixed list).
    pub fn all(clients: Vec<ClientSummary>) -> Self {
        let shown = (0..clients.len() as u32).collect();
        TableRows {
            clients: Arc::new(clients),
            shown,
            generation: 0,
        }
    }
}

/// The client id behind a click on a row, its link or its Copy button.
enum RowClick {
    Copy { key: u32, id: String },
    Open(String),
    None,
}

fn row_click(ev: &web_sys::MouseEvent) -> RowClick {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return RowClick::None;
    };
    if let Ok(Some(button)) = target.closest("button[data-copy]") {
        let key = button
            .get_attribute("data-key")
            .and_then(|k| k.parse().ok())
            .unwrap_or(u32::MAX);
        return RowClick::Copy {
            key,
            id: button.get_attribute("data-copy").unwrap_or_default(),
        };
    }
    // Links and other controls do their own thing.
    if target.closest("a, button").ok().flatten().is_some() {
        return RowClick::None;
    }
    match target.closest("tr[data-href]") {
        Ok(Some(tr)) => tr
            .get_attribute("data-href")
            .map_or(RowClick::None, RowClick::Open),
        _ => RowClick::None,
    }
}

/// The table of clients; rows open the detail view by mouse and keyboard.
#[component]
pub fn ClientsTable(
    #[prop(into)] rows: Signal<TableRows>,
    #[prop(into, optional)] sort: Option<Signal<(SortKey, bool)>>,
    /// Opens a detail href (the row's link is the keyboard way in).
    #[prop(optional)]
    on_open: Option<Callback<String>>,
) -> impl IntoView {
    let aria_sort = move |key: SortKey| {
        sort.map(|s| {
            let (k, desc) = s.get();
            match (k == key, desc) {
                (false, _) => "none",
                (true, true) => "descending",
                (true, false) => "ascending",
            }
        })
    };
    // Which row's Copy button last copied, and how it went (one status line
    // for the table, not one per row).
    let copied = RwSignal::new(None::<(u32, Result<(), String>)>);
    let on_click = move |ev: web_sys::MouseEvent| match row_click(&ev) {
        RowClick::Copy { key, id } => spawn_local(async move {
            let r = copy_text(&id).await;
            copied.try_set(Some((key, r)));
            gloo_timers::future::TimeoutFuture::new(2000).await;
            copied.try_update(|c| {
                if c.as_ref().is_some_and(|(k, _)| *k == key) {
                    *c = None;
                }
            });
        }),
        RowClick::Open(to) => {
            if let Some(cb) = on_open {
                cb.run(to);
            }
        }
        RowClick::None => {}
    };
    let keyed = move || {
        rows.with(|r| {
            r.shown
                .iter()
                .map(|&i| (r.generation, i, r.clients.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="ncc-table" on:click=on_click>
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
                <For each=keyed key=|(g, i, _)| (*g, *i) let((_, i, clients))>
                    {clients.get(i as usize).map(|c| view! { <ClientRow client=c.clone() row=i copied=copied /> })}
                </For>
            </tbody>
        </table>
        <span class="ncc-visually-hidden" role="status">
            {move || match copied.get() {
                Some((_, Ok(()))) => "Copied to the clipboard.".to_string(),
                Some((_, Err(e))) => e,
                None => String::new(),
            }}
        </span>
    }
}

/// One row: static but for its Copy button's label.
#[component]
fn ClientRow(
    client: ClientSummary,
    row: u32,
    copied: RwSignal<Option<(u32, Result<(), String>)>>,
) -> impl IntoView {
    let id = client.id.clone().unwrap_or_default();
    let detail = href(&path::detail(&id));
    let row_href = detail.clone();
    let name = client.display_name().to_string();
    let copy_label = format!("Copy client ID of {name}");
    let kind = client
        .kind()
        .map_or_else(|| NOT_SET.to_string(), |k| k.label().to_string());
    let product = client
        .product_name
        .clone()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| NOT_SET.into());
    let (badge_class, badge) = if client.is_terraform_managed() {
        ("ncc-badge ncc-badge--warn", "Terraform")
    } else {
        ("ncc-badge", "Manual")
    };
    let copy_text = move || match copied.with(|c| c.as_ref().filter(|(k, _)| *k == row).map(|(_, r)| r.is_ok())) {
        Some(true) => "Copied",
        Some(false) => "Copy failed",
        None => "Copy",
    };
    view! {
        <tr class="ncc-table__row" data-href=row_href>
            <td>
                <a class="ncc-table__name" href=detail>{name}</a>
                {client.application_name.map(|a| view! { <span class="ncc-table__sub ncc-muted">{a}</span> })}
            </td>
            <td>{kind}</td>
            <td class="ncc-table__id">
                <code>{id.clone()}</code>
                <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" data-copy=id data-key=row.to_string() aria-label=copy_label.clone() title=copy_label>
                    {copy_text}
                </button>
            </td>
            <td>{product}</td>
            <td><span class=badge_class>{badge}</span></td>
        </tr>
    }
}
