//! The table of clients. Rows are cheap: a fixed set of row slots rewritten
//! in place (see [`ClientsTable`]), and the row's click, its link and its
//! Copy button share one listener on the table.

use crate::components::shortened;
use crate::dom::copy_text;
use crate::routes::{href, path};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use nexus_domain::bulk::Selection;
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::SortKey;
use nexus_domain::Catalog;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows in the table's first render, and rows a change rewrites in its own
/// frame (the rest follow in the next): more than a tall screen shows.
const FIRST_ROWS: usize = 24;

/// The rows a table shows: the loaded clients, and which of them (indexes
/// into `clients`) in display order. `generation` tells one load from the
/// next, so a reloaded list never reuses a row of the previous one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRows {
    pub clients: Arc<Vec<ClientSummary>>,
    pub shown: Vec<u32>,
    pub generation: u64,
    /// Per client (by index), whether the caller may change it; the rows
    /// they may not are marked read-only. `None` marks no row (the caller may
    /// change all, or none, or is not known).
    pub editable: Option<Arc<Vec<bool>>>,
}

impl TableRows {
    /// All of `clients`, in their order (a fixed list).
    pub fn all(clients: Vec<ClientSummary>) -> Self {
        let shown = (0..clients.len() as u32).collect();
        TableRows {
            clients: Arc::new(clients),
            shown,
            generation: 0,
            editable: None,
        }
    }
}

/// What a click in the table asks for: copy a row's client id, open a
/// row, or nothing (its link or another control does its own thing).
enum RowClick {
    Copy(String),
    Open(String),
    None,
}

fn row_click(ev: &web_sys::MouseEvent) -> RowClick {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return RowClick::None;
    };
    let row = target.closest("tbody tr").ok().flatten();
    let in_row = |selector: &str| {
        row.as_ref()
            .and_then(|r| r.query_selector(selector).ok().flatten())
    };
    if target
        .closest("button.ncc-table__copy")
        .ok()
        .flatten()
        .is_some()
    {
        return in_row("code")
            .and_then(|c| c.text_content())
            .map_or(RowClick::None, RowClick::Copy);
    }
    if target
        .closest("a, button, input, label")
        .ok()
        .flatten()
        .is_some()
    {
        return RowClick::None;
    }
    in_row("a[href]")
        .and_then(|a| a.get_attribute("href"))
        .map_or(RowClick::None, RowClick::Open)
}

/// Where an arrow key moves the focus from a row's checkbox, link or Copy
/// button: Left and Right along the row (checkbox, name, Copy), Up and Down
/// to the same control of the row above or below.
fn arrow_target(ev: &web_sys::KeyboardEvent) -> Option<web_sys::HtmlElement> {
    const ALONG: [&str; 3] = [
        "input.ncc-table__pick",
        "a.ncc-table__name",
        "button.ncc-table__copy",
    ];
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let row = target.closest("tbody tr").ok()??;
    let at = ALONG
        .iter()
        .position(|sel| target.matches(sel).unwrap_or(false))?;
    let found = match ev.key().as_str() {
        "ArrowRight" => ALONG[at + 1..]
            .iter()
            .find_map(|sel| row.query_selector(sel).ok().flatten()),
        "ArrowLeft" => ALONG[..at]
            .iter()
            .rev()
            .find_map(|sel| row.query_selector(sel).ok().flatten()),
        "ArrowDown" => row
            .next_element_sibling()
            .and_then(|r| r.query_selector(ALONG[at]).ok().flatten()),
        "ArrowUp" => row
            .previous_element_sibling()
            .and_then(|r| r.query_selector(ALONG[at]).ok().flatten()),
        _ => None,
    };
    found?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// The table of clients; rows open the detail view by mouse and keyboard.
///
/// Rows are slots: the table keeps one `<tr>` per shown position and, when
/// the page, the search or the sort changes, rewrites only the slots whose
/// client changed. Typing that keeps a client on the page creates nothing;
/// slots are added or removed only when the number of shown rows changes.
#[component]
pub fn ClientsTable(
    #[prop(into)] rows: Signal<TableRows>,
    #[prop(into, optional)] sort: Option<Signal<(SortKey, bool)>>,
    /// Opens a detail href (the row's link is the keyboard way in).
    #[prop(optional)]
    on_open: Option<Callback<String>>,
    /// Sorts by a column (its header becomes a button).
    #[prop(optional)]
    on_sort: Option<Callback<SortKey>>,
    /// The selected clients: each row gets a checkbox, and the header one
    /// for the shown page.
    #[prop(optional)]
    selection: Option<RwSignal<Selection>>,
) -> impl IntoView {
    let tr = crate::i18n::t();
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
    // Which client's Copy button last copied, and how it went (one status
    // line for the table, not one per row).
    let copied = RwSignal::new(None::<(String, Result<(), String>)>);
    let on_click = move |ev: web_sys::MouseEvent| match row_click(&ev) {
        RowClick::Copy(id) => spawn_local(async move {
            let r = copy_text(tr, &id).await;
            copied.try_set(Some((id.clone(), r)));
            gloo_timers::future::TimeoutFuture::new(2000).await;
            copied.try_update(|c| {
                if c.as_ref().is_some_and(|(k, _)| *k == id) {
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
    // One tab stop per row (the name link): the arrows move within the
    // table, Right to the row's Copy button and Left back (and on to its
    // checkbox, which Space ticks), Up and Down to the row above or below.
    // Tab leaves for the next row or the pager.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        if let Some(next) = arrow_target(&ev) {
            ev.prevent_default();
            let _ = next.focus();
        }
    };
    // One signal per slot saying which client it shows, set only when that
    // changes: a slot's row listens to its own signal, not to the whole list.
    // Reference-counted: created inside the effect, they must outlive its runs.
    let slots = StoredValue::new(Vec::<ArcRwSignal<Option<Shown>>>::new());
    let shown_len = RwSignal::new(0usize);
    // The first render builds only the rows a tall screen shows; the rest of
    // the page follows once that frame has painted, so the first rows do not
    // wait for 100 rows of views (bench: "rows visible").
    let first_painted = RwSignal::new(false);
    let count = Memo::new(move |_| {
        let len = shown_len.get();
        if first_painted.get() {
            len
        } else {
            len.min(FIRST_ROWS)
        }
    });
    crate::dom::after_paint(move || {
        first_painted.try_set(true);
    });
    // A change (search, sort, page) rewrites the first rows at once and the
    // rest once that frame has painted: the rows a person sees come first.
    // A newer change drops the rest of an older one.
    let changes = StoredValue::new(0u64);
    let assign = move |r: &TableRows, defer: bool| {
        let change = changes.get_value() + 1;
        changes.set_value(change);
        let mut later = Vec::new();
        slots.update_value(|slots| {
            while slots.len() < r.shown.len() {
                slots.push(ArcRwSignal::new(None));
            }
            for (at, (slot, &i)) in slots.iter().zip(&r.shown).enumerate() {
                let want = Some(Shown {
                    read_only: r
                        .editable
                        .as_ref()
                        .is_some_and(|m| !m.get(i as usize).copied().unwrap_or(true)),
                    generation: r.generation,
                    index: i,
                    clients: r.clients.clone(),
                });
                if slot.with_untracked(|s| s != &want) {
                    if at < FIRST_ROWS || !defer {
                        slot.set(want);
                    } else {
                        later.push((slot.clone(), want));
                    }
                }
            }
        });
        if !later.is_empty() {
            crate::dom::after_paint(move || {
                if changes.try_get_value() == Some(change) {
                    for (slot, want) in later {
                        slot.set(want);
                    }
                }
            });
        }
        if shown_len.get_untracked() != r.shown.len() {
            shown_len.set(r.shown.len());
        }
    };
    // The first rows now, so they are in the first render; later changes
    // through the effect.
    rows.with_untracked(|r| assign(r, false));
    Effect::new(move |_| rows.with(|r| assign(r, true)));
    let base = href("");
    // The header box: how many of the shown page are selected, of how many.
    let page_picked = move || {
        selection.map_or((0, 0), |sel| {
            rows.with(|r| {
                sel.with(|s| s.count_in(r.shown.iter().filter_map(|&i| r.clients.get(i as usize))))
            })
        })
    };
    let pick_page = move |on: bool| {
        if let Some(sel) = selection {
            rows.with_untracked(|r| {
                let page = r.shown.iter().filter_map(|&i| r.clients.get(i as usize));
                sel.update(|s| if on { s.select(page) } else { s.unselect(page) });
            });
        }
    };
    let keys_help = if selection.is_some() {
        tr.list.keys_with_pick
    } else {
        tr.list.keys
    };
    view! {
        // On a narrow screen the table scrolls in this box, not the page.
        <div class="ncc-table-scroll">
        <p id=crate::dom::id("table-keys") class="ncc-visually-hidden">{keys_help}</p>
        // Explicit roles: the table lays out as grid rows (style/pages.css),
        // and its semantics must not depend on the table display.
        <table class="ncc-table ncc-table--clients" role="table" aria-label=tr.list.table on:click=on_click on:keydown=on_keydown>
            <thead role="rowgroup">
                <tr role="row">
                    {[SortKey::Name, SortKey::Type, SortKey::Id, SortKey::Product, SortKey::Managed]
                        .into_iter()
                        .map(|key| view! {
                            <th scope="col" role="columnheader" aria-sort=move || aria_sort(key)>
                                {(key == SortKey::Name && selection.is_some()).then(|| view! {
                                    <input type="checkbox" class="ncc-table__pick" aria-label=tr.list.select_page
                                        prop:checked=move || { let (on, all) = page_picked(); all > 0 && on == all }
                                        prop:indeterminate=move || { let (on, all) = page_picked(); on > 0 && on < all }
                                        on:change:target=move |ev| pick_page(ev.target().checked()) />
                                })}
                                {match on_sort {
                                    Some(cb) => view! {
                                        <button type="button" class="ncc-table__sort" on:click=move |_| cb.run(key)>
                                            {key.label(tr)}
                                            <span class="ncc-table__arrow" aria-hidden="true">
                                                {move || match aria_sort(key) {
                                                    Some("ascending") => "\u{2191}",
                                                    Some("descending") => "\u{2193}",
                                                    _ => "",
                                                }}
                                            </span>
                                        </button>
                                    }.into_any(),
                                    None => key.label(tr).into_any(),
                                }}
                            </th>
                        })
                        .collect_view()}
                </tr>
            </thead>
            <tbody role="rowgroup">
                <For each=move || 0..count.get() key=|at| *at let(at)>
                    {slots.with_value(|s| s.get(at).cloned()).map(|shown| view! { <SlotRow shown=shown copied=copied base=base.clone() selection=selection /> })}
                </For>
            </tbody>
        </table>
        </div>
        <span class="ncc-visually-hidden" role="status">
            {move || match copied.get() {
                Some((_, Ok(()))) => tr.common.copied_status.to_string(),
                Some((_, Err(e))) => e,
                None => String::new(),
            }}
        </span>
    }
}

/// The client a slot shows.
#[derive(Clone, Debug)]
struct Shown {
    read_only: bool,
    generation: u64,
    index: u32,
    clients: Arc<Vec<ClientSummary>>,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        (self.generation, self.index, self.read_only)
            == (other.generation, other.index, other.read_only)
    }
}

/// What a row shows of one client, ready for the DOM.
#[derive(Clone, Debug, Default, PartialEq)]
struct RowText {
    /// The whole id (what Copy copies).
    id: String,
    /// The id as shown (cut when very long).
    shown_id: String,
    href: String,
    name: String,
    application: Option<String>,
    kind: String,
    product: String,
    terraform: bool,
    /// The caller may not change it (marked only when some rows differ).
    read_only: bool,
    copy_label: String,
}

impl RowText {
    fn new(tr: &Catalog, client: &ClientSummary, base: &str) -> Self {
        let id = client.id.clone().unwrap_or_default();
        // Long values are cut here (the detail view shows them whole): a
        // 100,000-character name must not cost the page its layout time.
        let name = shortened(client.display_name());
        RowText {
            href: format!("{base}{}", path::detail(&id)),
            copy_label: (tr.list.copy_id_of)(&name),
            shown_id: shortened(&id),
            id,
            name,
            application: client.application_name.as_deref().map(shortened),
            kind: client.kind().map_or_else(
                || tr.detail.not_set.to_string(),
                |k| k.label(tr).to_string(),
            ),
            product: client
                .product_name
                .as_deref()
                .filter(|p| !p.is_empty())
                .map_or_else(|| tr.detail.not_set.into(), shortened),
            terraform: client.is_terraform_managed(),
            read_only: false,
        }
    }
}

/// What a row's cells show now: its client's text and its Copy button's word.
#[derive(Clone, Debug, Default, PartialEq)]
struct Written {
    text: RowText,
    copy: &'static str,
}

/// One row slot. Its view is built once with the slot's first client; after
/// that one effect per row rewrites the cells whose text changed, when the
/// slot's client or the Copy status changes. (A reactive binding per cell
/// cost about a dozen graph nodes per row, and their bookkeeping was most of
/// a page or sort change's script time.)
#[component]
fn SlotRow(
    shown: ArcRwSignal<Option<Shown>>,
    copied: RwSignal<Option<(String, Result<(), String>)>>,
    base: String,
    selection: Option<RwSignal<Selection>>,
) -> impl IntoView {
    let tr = crate::i18n::t();
    let text = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.clients
                        .get(s.index as usize)
                        .map(|c| RowText {
                            read_only: s.read_only,
                            ..RowText::new(tr, c, &base)
                        })
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        })
    });
    let copy_word = move |t: &RowText| {
        copied.with(|c| match c {
            Some((id, r)) if *id == t.id => {
                if r.is_ok() {
                    tr.common.copied
                } else {
                    tr.common.copy_failed
                }
            }
            _ => tr.common.copy,
        })
    };
    let first = text.with_untracked(|t| Written {
        copy: copy_word(t),
        text: t.clone(),
    });
    let name = NodeRef::<html::A>::new();
    let application = NodeRef::<html::Span>::new();
    let read_only = NodeRef::<html::Span>::new();
    let kind = NodeRef::<html::Td>::new();
    let id = NodeRef::<html::Code>::new();
    let copy = NodeRef::<html::Button>::new();
    let product = NodeRef::<html::Td>::new();
    let managed = NodeRef::<html::Span>::new();
    let pick_box = NodeRef::<html::Input>::new();
    let initial = first.clone();
    Effect::new(move |last: Option<Written>| {
        let now = text.with(|t| Written {
            copy: copy_word(t),
            text: t.clone(),
        });
        let last = last.unwrap_or_else(|| initial.clone());
        let (n, l) = (&now.text, &last.text);
        if n.name != l.name {
            set_text(name.get_untracked(), &n.name);
            if let Some(el) = pick_box.get_untracked() {
                let _ = el.set_attribute("aria-label", &(tr.list.select)(&n.name));
            }
        }
        if n.href != l.href {
            if let Some(a) = name.get_untracked() {
                let _ = a.set_attribute("href", &n.href);
            }
        }
        if n.application != l.application {
            if let Some(el) = application.get_untracked() {
                el.set_hidden(n.application.is_none());
                el.set_text_content(n.application.as_deref());
            }
        }
        if n.read_only != l.read_only {
            if let Some(el) = read_only.get_untracked() {
                el.set_hidden(!n.read_only);
            }
        }
        if n.kind != l.kind {
            set_text(kind.get_untracked(), &n.kind);
        }
        if n.shown_id != l.shown_id {
            set_text(id.get_untracked(), &n.shown_id);
        }
        if n.id != l.id {
            if let Some(el) = pick_box.get_untracked() {
                el.set_disabled(n.id.trim().is_empty());
            }
        }
        if let Some(b) = copy.get_untracked() {
            if n.id != l.id {
                let _ = b.set_attribute("data-copy", &n.id);
            }
            if n.copy_label != l.copy_label {
                let _ = b.set_attribute("aria-label", &n.copy_label);
            }
            if now.copy != last.copy {
                b.set_text_content(Some(now.copy));
            }
        }
        if n.product != l.product {
            set_text(product.get_untracked(), &n.product);
        }
        if n.terraform != l.terraform {
            if let Some(el) = managed.get_untracked() {
                el.set_class_name(managed_class(n.terraform));
                el.set_text_content(Some(managed_word(tr, n.terraform)));
            }
        }
        now
    });
    let Written {
        text: t,
        copy: copy_text,
    } = first;
    let no_application = t.application.is_none();
    // Checked while the slot's client is selected: a memo per slot, so a
    // tick rewrites one box and a keystroke in the search none that stay.
    let picked = Memo::new(move |_| {
        selection.is_some_and(|sel| text.with(|t| sel.with(|s| s.contains(&t.id))))
    });
    let pick = move |on: bool| {
        let id = text.with_untracked(|t| t.id.clone());
        if let Some(sel) = selection.filter(|_| !id.trim().is_empty()) {
            sel.update(|s| s.set(&id, on));
        }
    };
    let pick_view = selection.is_some().then(|| {
        view! {
            <input node_ref=pick_box type="checkbox" class="ncc-table__pick" tabindex="-1"
                aria-label=(tr.list.select)(&t.name)
                disabled=t.id.trim().is_empty()
                prop:checked=move || picked.get()
                on:change:target=move |ev| pick(ev.target().checked()) />
        }
    });
    view! {
        <tr class="ncc-table__row" role="row">
            <td role="cell">
                {pick_view}
                <a node_ref=name class="ncc-table__name" href=t.href aria-describedby=crate::dom::id("table-keys")>{t.name}</a>
                <span node_ref=application class="ncc-table__sub ncc-muted" hidden=no_application>{t.application}</span>
                <span node_ref=read_only class="ncc-badge ncc-table__read-only" hidden=!t.read_only>{tr.list.read_only}</span>
            </td>
            <td node_ref=kind role="cell">{t.kind}</td>
            <td role="cell">
                <div class="ncc-table__id">
                    <code node_ref=id>{t.shown_id}</code>
                    <button
                        node_ref=copy
                        type="button"
                        class="ncc-btn ncc-btn--ghost ncc-btn--small ncc-table__copy"
                        tabindex="-1"
                        data-copy=t.id
                        aria-label=t.copy_label
                    >
                        {copy_text}
                    </button>
                </div>
            </td>
            <td node_ref=product role="cell">{t.product}</td>
            <td role="cell">
                <span node_ref=managed class=managed_class(t.terraform)>{managed_word(tr, t.terraform)}</span>
            </td>
        </tr>
    }
}

fn set_text(el: Option<impl AsRef<web_sys::Node>>, text: &str) {
    if let Some(el) = el {
        el.as_ref().set_text_content(Some(text));
    }
}

fn managed_class(terraform: bool) -> &'static str {
    if terraform {
        "ncc-badge ncc-badge--warn"
    } else {
        "ncc-badge"
    }
}

fn managed_word(tr: &Catalog, terraform: bool) -> &'static str {
    if terraform {
        tr.list.terraform
    } else {
        tr.list.manual
    }
}
