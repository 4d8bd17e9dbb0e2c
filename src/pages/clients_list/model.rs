//! The loaded list and what the page derives from it: who may change which
//! client, the searched, filtered, sorted and paged view, and the counts.

use crate::api::{use_api, ApiError};
use crate::auth::use_auth;
use crate::components::{PageAt, TableRows};
use leptos::prelude::*;
use nexus_domain::bulk::Selection;
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::{apply, ListQuery, ListView, SearchIndex, SortKey};
use nexus_domain::paging::PagedList;
use nexus_domain::{Caller, Catalog};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A loaded list, ready to search.
#[derive(Clone)]
pub struct Loaded {
    pub clients: Arc<Vec<ClientSummary>>,
    index: Arc<SearchIndex>,
    generation: u64,
    /// How many entries of the answer were not clients.
    pub skipped: usize,
    /// Set when the list is not all the tenant's clients: how many were
    /// read, and why paging stopped, when it stopped early.
    pub incomplete: Option<String>,
}

/// Tells one load from the next (rows are keyed by it).
static GENERATION: AtomicU64 = AtomicU64::new(0);

impl Loaded {
    fn new(t: &Catalog, read: PagedList) -> Self {
        let incomplete = read.partial_notice(t);
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

/// Memo equality that stays cheap at 10,000 clients: a loaded list is the
/// same when it is the same load; a computed view when its matches and page
/// are (so a keystroke that changes nothing re-renders nothing).
#[derive(Clone)]
pub struct ArcEq<T>(pub T);

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

/// The list and its derived state. `Copy`: every part is a handle.
#[derive(Clone, Copy)]
pub struct ListModel {
    pub list: LocalResource<Result<Loaded, ApiError>>,
    pub loaded: Memo<Option<ArcEq<Loaded>>>,
    /// Per client, whether the caller may change it (the rule of decide());
    /// None when the caller is not known (Basic credentials: the server
    /// decides, so nothing is filtered or marked).
    pub editable: Memo<Option<ArcEq<Arc<Vec<bool>>>>>,
    /// The mask the table marks rows by: `editable` only when the caller may
    /// change some but not all (a viewer is told once, above the list).
    /// A memo, so a keystroke does not scan 10,000 flags again.
    marked: Memo<Option<ArcEq<Arc<Vec<bool>>>>>,
    view: Memo<Option<ArcEq<Arc<ListView>>>>,
    query: RwSignal<ListQuery>,
}

impl ListModel {
    /// Loads the list and derives the view of `query` from it.
    pub fn new(query: RwSignal<ListQuery>) -> Self {
        let api = use_api();
        let auth = use_auth();
        let t = crate::i18n::t();
        let list = LocalResource::new(move || async move {
            api.list_clients().await.map(|read| Loaded::new(t, read))
        });
        let loaded = Memo::new(move |_| list.get().and_then(Result::ok).map(ArcEq));
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
        let view = Memo::new(move |_| {
            let mask = editable.get();
            loaded.with(|l| {
                let l = l.as_ref()?;
                let mask = mask.as_ref().map(|m| m.0.as_slice());
                Some(ArcEq(Arc::new(
                    query.with(|q| apply(&l.0.clients, &l.0.index, q, mask)),
                )))
            })
        });
        let marked = Memo::new(move |_| {
            editable
                .get()
                .filter(|m| m.0.iter().any(|e| *e) && m.0.iter().any(|e| !*e))
        });
        let model = ListModel {
            list,
            loaded,
            editable,
            marked,
            view,
            query,
        };
        model.prepare_when_idle();
        model
    }

    /// The search text and every sort's order are built in the idle moments
    /// after the rows show, one at a time, so no keystroke or sort change
    /// pays for building them.
    fn prepare_when_idle(self) {
        Effect::new(move |_| {
            if let Some(l) = self.loaded.get() {
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
    }

    /// (matching, all), once loaded.
    pub fn counts(self) -> Option<(usize, usize)> {
        self.view.with(|v| {
            let all = self
                .loaded
                .with(|l| l.as_ref().map_or(0, |l| l.0.clients.len()));
            v.as_ref().map(|v| (v.0.matches.len(), all))
        })
    }

    /// Whether anything matches the search and filters.
    pub fn any_match(self) -> bool {
        self.counts().is_some_and(|(m, _)| m > 0)
    }

    /// The shown page and the page count.
    pub fn page_at(self) -> Option<PageAt> {
        self.view.with(|v| {
            v.as_ref().map(|v| PageAt {
                page: v.0.page,
                count: v.0.page_count,
            })
        })
    }

    /// The rows of the shown page, with the read-only mask (`marked`).
    pub fn rows(self) -> TableRows {
        let per_page = self.query.with(|q| q.per_page);
        let marked = self.marked.get();
        self.loaded.with(|l| match (l, self.view.get()) {
            (Some(l), Some(v)) => TableRows {
                clients: l.0.clients.clone(),
                shown: v.0.page_rows(per_page).to_vec(),
                generation: l.0.generation,
                editable: marked.map(|m| m.0),
            },
            _ => TableRows::default(),
        })
    }

    /// The caller may read these clients but change none of them.
    pub fn may_change_none(self) -> bool {
        self.editable.with(|m| {
            m.as_ref()
                .is_some_and(|m| !m.0.is_empty() && m.0.iter().all(|e| !e))
        })
    }

    /// (selected, all) of the clients that match the search and filters. A
    /// memo on the matching *set*: a sort or page change reorders or pages
    /// the same matches, so it does not count 10,000 clients again (that
    /// count was a third of a sort change's script time; `node
    /// bench/profile.mjs sort`).
    pub fn matching_selected(self, selection: RwSignal<Selection>) -> Memo<(usize, usize)> {
        let filters = Memo::new(move |_| self.query.with(ListQuery::filters));
        Memo::new(move |_| {
            // Read, not only tracked: a memo that was never read has never
            // run, so it follows nothing and never changes.
            filters.with(|_| ());
            self.loaded.with(|_| ());
            self.editable.with(|_| ());
            selection
                .with(|s| self.with_matches(|m| s.count_in(m)))
                .unwrap_or((0, 0))
        })
    }

    /// Runs `f` over every client that matches the search and filters, in
    /// the shown order (not only the page); `None` until loaded. Untracked:
    /// a caller that must re-run tracks what it depends on itself.
    pub fn with_matches<R>(
        self,
        f: impl FnOnce(&mut dyn Iterator<Item = &ClientSummary>) -> R,
    ) -> Option<R> {
        self.loaded.with_untracked(|l| {
            self.view.with_untracked(|v| {
                let (l, v) = (l.as_ref()?, v.as_ref()?);
                let clients = &l.0.clients;
                Some(f(&mut v
                    .0
                    .matches
                    .iter()
                    .filter_map(|&i| clients.get(i as usize))))
            })
        })
    }
}
