//! The list's view state (search, filters, sort, page, rows per page) and
//! its address. The page owns the state while shown: a change sets it and
//! writes the address itself, instead of a router navigation that would
//! re-match every route for a change only this page reads. Back and forward
//! bring the state back from the address.

use crate::routes::{encode_query, href, path};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use nexus_domain::list_query::{ListQuery, SortKey};

/// The list's view state and the one way to change it. `Copy`: handlers
/// take it by value.
#[derive(Clone, Copy)]
pub struct ListAddress {
    /// The state shown (read it; change it through the methods).
    pub query: RwSignal<ListQuery>,
    /// Counts back/forward moves: an address write still waiting from
    /// before one is dropped.
    epoch: StoredValue<u64>,
    /// The console's address: the page's, or its own in memory.
    address: crate::routes::Address,
}

fn read(m: &ParamsMap) -> ListQuery {
    ListQuery::from_pairs(m.into_iter().map(|(k, v)| (k.as_ref(), v)))
}

/// The list's address for `q`: an href under the base.
fn list_url(q: &ListQuery) -> String {
    let mut url = href(path::LIST);
    for (i, (k, v)) in q.to_pairs().iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(k);
        url.push('=');
        url.push_str(&encode_query(v));
    }
    url
}

impl ListAddress {
    /// The state from the address, kept in step with the router's own
    /// changes (a "Clients" link while on the list) and with back/forward.
    pub fn new() -> Self {
        let query_map = use_query_map();
        let address = ListAddress {
            query: RwSignal::new(query_map.with_untracked(read)),
            epoch: StoredValue::new(0),
            address: crate::routes::use_address(),
        };
        Effect::new(move |_| address.adopt(query_map.with(read)));
        let back_forward = window_event_listener(leptos::ev::popstate, move |_| {
            address.epoch.try_update_value(|e| *e += 1);
            let pairs = address.address.query();
            address.adopt(ListQuery::from_pairs(
                pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            ));
        });
        on_cleanup(move || back_forward.remove());
        // Where "Clients" links elsewhere come back to.
        Effect::new(move |_| {
            address
                .query
                .with(|q| crate::routes::remember_list(list_url(q)))
        });
        address
    }

    fn adopt(self, q: ListQuery) {
        // try_: a popstate that leaves the page may come after its disposal.
        if self
            .query
            .try_with_untracked(|cur| *cur != q)
            .unwrap_or(false)
        {
            self.query.try_set(q);
        }
    }

    /// Shows `q`. The rows change first; the address is written once that
    /// frame has painted (a history write can take milliseconds, and the
    /// person is waiting for the rows). Every change is a new history entry
    /// unless `replace` (typing), so back does not step through keystrokes.
    pub fn go(self, q: ListQuery, replace: bool) {
        let url = list_url(&q);
        self.adopt(q);
        let epoch = self.epoch.get_value();
        self.address.write_after_paint(url, replace, move || {
            self.epoch.try_get_value() == Some(epoch)
        });
    }

    /// Changes the shown state with `f` (a new history entry).
    pub fn change(self, f: impl FnOnce(&mut ListQuery)) {
        let mut q = self.query.get_untracked();
        f(&mut q);
        self.go(q, false);
    }

    /// One query key's value as the address carries it ("" by default): what
    /// a filter control shows.
    pub fn shown(self, key: &'static str) -> Signal<String> {
        Signal::derive(move || self.query.with(|q| q.value(key)))
    }

    /// Sets one query key as a link would; a new filter starts at the first
    /// page.
    pub fn filter_by(self, key: &'static str) -> Callback<String> {
        Callback::new(move |v: String| {
            self.change(|q| {
                q.set(key, &v);
                q.page = 0;
            })
        })
    }

    /// A column header sorts by its column; again, the other way round.
    pub fn sort_by(self, key: SortKey) {
        self.change(|q| {
            q.descending = q.sort == key && !q.descending;
            q.sort = key;
        })
    }

    /// Back to every client, keeping the rows per page.
    pub fn clear(self) {
        let per_page = self.query.with_untracked(|q| q.per_page);
        self.go(
            ListQuery {
                per_page,
                ..ListQuery::default()
            },
            false,
        );
    }
}
