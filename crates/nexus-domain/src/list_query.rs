//! Search, filter, sort and paging of the client list, and their round trip
//! through the query string (so a link or reload restores the view).

use crate::client::ClientType;
use crate::i18n::Catalog;
use crate::list::ClientSummary;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Managed-by filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Managed {
    Manual,
    Terraform,
}

impl Managed {
    /// The query-string (and form) value.
    pub fn as_str(self) -> &'static str {
        match self {
            Managed::Manual => "manual",
            Managed::Terraform => "terraform",
        }
    }

    /// Reads a query-string value; anything else is no filter.
    pub fn parse(v: &str) -> Option<Self> {
        match v {
            "manual" => Some(Managed::Manual),
            "terraform" => Some(Managed::Terraform),
            _ => None,
        }
    }
}

/// Sort column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Type,
    Id,
    Product,
    Managed,
}

impl SortKey {
    /// Every sort key, in the order the sort menu offers them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Type,
        SortKey::Id,
        SortKey::Product,
        SortKey::Managed,
    ];

    /// Reads a query-string value; anything unknown sorts by name.
    pub fn parse(v: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == v)
            .unwrap_or_default()
    }

    /// Words for a person.
    pub fn label(self, t: &Catalog) -> &'static str {
        let l = &t.list;
        match self {
            SortKey::Name => l.sort_name,
            SortKey::Type => l.sort_type,
            SortKey::Id => l.sort_id,
            SortKey::Product => l.sort_product,
            SortKey::Managed => l.sort_managed,
        }
    }

    /// The query-string value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Type => "type",
            SortKey::Id => "id",
            SortKey::Product => "product",
            SortKey::Managed => "managed",
        }
    }
}

/// What the list's status line says: how many clients there are, or how
/// many of them match ("1 client", "10,000 clients", "3 of 36 clients match").
pub fn count_phrase(t: &Catalog, matching: usize, all: usize) -> String {
    (t.list.count)(t, matching, all)
}

/// The 0-based page a typed page number asks for, among `count` pages: a
/// number is kept within 1..=count (0 is the first page, 99 of 12 the last);
/// anything that is not a number (or no pages at all) asks for nothing.
pub fn page_to_jump(typed: &str, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let digits: String = typed
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '.' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Beyond usize: as far as it goes.
    let n = digits.parse::<usize>().unwrap_or(usize::MAX);
    Some(n.clamp(1, count) - 1)
}

/// Default rows per page.
pub const DEFAULT_PER_PAGE: usize = 50;
/// Page sizes offered.
pub const PER_PAGE_CHOICES: [usize; 4] = [25, 50, 100, 200];

/// The list view's state, as kept in the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub q: String,
    /// A wire type (`spa`, ...) or `None` for all.
    pub client_type: Option<String>,
    pub managed: Option<Managed>,
    /// Only the clients the caller may change ("Editable by me").
    pub editable: bool,
    pub sort: SortKey,
    pub descending: bool,
    /// 0-based page (shown and kept 1-based in the URL).
    pub page: usize,
    pub per_page: usize,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            q: String::new(),
            client_type: None,
            managed: None,
            editable: false,
            sort: SortKey::Name,
            descending: false,
            page: 0,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

/// The parts of a [`ListQuery`] that decide which clients match (not their
/// order or page): two queries with equal filters match the same set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    q: String,
    client_type: Option<String>,
    managed: Option<Managed>,
    editable: bool,
}

impl ListQuery {
    /// What decides the matching set; a sort or page change leaves it equal,
    /// so what counts over every match need not count again.
    pub fn filters(&self) -> Filters {
        Filters {
            q: self.q.trim().to_lowercase(),
            client_type: self.client_type.clone(),
            managed: self.managed,
            editable: self.editable,
        }
    }

    /// Reads the state from query pairs; unknown or malformed values fall back
    /// to defaults (a hand-edited URL never breaks the view).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = ListQuery::default();
        for (k, v) in pairs {
            q.set(k, v);
        }
        q
    }

    /// Sets one query-string key from its URL value, as a link would: a
    /// filter control and the address parse alike. Unknown keys are ignored.
    pub fn set(&mut self, key: &str, v: &str) {
        match key {
            "q" => self.q = v.to_string(),
            "type" => {
                let t = ClientType::parse(v);
                self.client_type =
                    (!matches!(t, ClientType::Other(_))).then(|| t.as_str().to_string());
            }
            "managed" => self.managed = Managed::parse(v),
            "editable" => self.editable = v == "me",
            "sort" => {
                let (desc, key) = match v.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, v),
                };
                self.descending = desc;
                self.sort = SortKey::parse(key);
            }
            "page" => {
                self.page = v
                    .parse::<usize>()
                    .ok()
                    .filter(|p| *p >= 1)
                    .map_or(0, |p| p - 1)
            }
            "per_page" => {
                self.per_page = v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| PER_PAGE_CHOICES.contains(n))
                    .unwrap_or(DEFAULT_PER_PAGE)
            }
            _ => {}
        }
    }

    /// One key's value as the address carries it ("" when it is the default):
    /// what a filter control shows.
    pub fn value(&self, key: &str) -> String {
        self.to_pairs()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    /// The non-default parts as query pairs, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        if let Some(t) = &self.client_type {
            out.push(("type", t.clone()));
        }
        if let Some(m) = self.managed {
            out.push(("managed", m.as_str().into()));
        }
        if self.editable {
            out.push(("editable", "me".into()));
        }
        if self.sort != SortKey::Name || self.descending {
            let dash = if self.descending { "-" } else { "" };
            out.push(("sort", format!("{dash}{}", self.sort.as_str())));
        }
        if self.page > 0 {
            out.push(("page", (self.page + 1).to_string()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            out.push(("per_page", self.per_page.to_string()));
        }
        out
    }
}

/// What searching and sorting need of a loaded list, built once per list so
/// that a keystroke only scans prepared strings and walks a prepared order:
/// lower-cased search text per client (built on the first search, or ahead
/// of it by [`SearchIndex::prepare_search`]), and per sort the order of every
/// client (built on first use of that sort, then kept). Only the names are
/// built with the index: the first render sorts by name.
#[derive(Debug, Default)]
pub struct SearchIndex {
    haystacks: OnceLock<Vec<String>>,
    /// Lower-cased display names: the name sort, and every sort's tie-break.
    names: Vec<String>,
    /// The order of all clients per (sort key, descending).
    orders: [OnceLock<Vec<u32>>; 2 * SortKey::ALL.len()],
}

impl SearchIndex {
    pub fn new(clients: &[ClientSummary]) -> Self {
        let names = clients
            .iter()
            .map(|c| c.display_name().to_lowercase())
            .collect();
        SearchIndex {
            haystacks: OnceLock::new(),
            names,
            orders: Default::default(),
        }
    }

    /// Each client's search text: name, id, product and application name,
    /// lower-cased, built on first use.
    fn haystacks(&self, clients: &[ClientSummary]) -> &[String] {
        self.haystacks.get_or_init(|| {
            clients
                .iter()
                .map(|c| {
                    let mut hay = String::new();
                    for f in [&c.name, &c.id, &c.product_name, &c.application_name]
                        .into_iter()
                        .flatten()
                    {
                        if !hay.is_empty() {
                            hay.push('\u{1}');
                        }
                        hay.push_str(f);
                    }
                    hay.to_lowercase()
                })
                .collect()
        })
    }

    /// Builds the search text now, if not yet built (in an idle moment after
    /// a load, so the first keystroke does not pay for it).
    pub fn prepare_search(&self, clients: &[ClientSummary]) {
        self.haystacks(clients);
    }

    /// Every client's index, in the order `key` (and direction) sorts them.
    /// Both directions of a key are built together, on its first use (or
    /// ahead of it, by [`SearchIndex::prepare`]), then kept.
    fn order(&self, clients: &[ClientSummary], key: SortKey, descending: bool) -> &[u32] {
        let slot = key as usize * 2 + usize::from(descending);
        if self.orders[slot].get().is_none() {
            let (ascending, descending) = self.both_orders(clients, key);
            let _ = self.orders[key as usize * 2].set(ascending);
            let _ = self.orders[key as usize * 2 + 1].set(descending);
        }
        self.orders[slot].get().map_or(&[], Vec::as_slice)
    }

    /// Builds the orders of `key` now, if not yet built: spread over idle
    /// moments after a load, so that no sort change pays for a sort.
    pub fn prepare(&self, clients: &[ClientSummary], key: SortKey) {
        self.order(clients, key, false);
    }

    /// The ascending and descending orders of `key`: empty keys ("not set")
    /// last in either direction, ties by name, then by position.
    fn both_orders(&self, clients: &[ClientSummary], key: SortKey) -> (Vec<u32>, Vec<u32>) {
        let own: Vec<String>;
        let keys: &[String] = match key {
            SortKey::Name => &self.names,
            _ => {
                own = clients.iter().map(|c| sort_text(c, key)).collect();
                &own
            }
        };
        let key_of = |i: u32| keys.get(i as usize).map_or("", String::as_str);
        let name_of = |i: u32| self.names.get(i as usize).map_or("", String::as_str);
        let mut ascending: Vec<u32> = (0..clients.len() as u32).collect();
        ascending.sort_unstable_by(|&a, &b| {
            let (ka, kb) = (key_of(a), key_of(b));
            match (ka.is_empty(), kb.is_empty()) {
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => ka
                    .cmp(kb)
                    .then_with(|| name_of(a).cmp(name_of(b)))
                    .then(a.cmp(&b)),
            }
        });
        // Descending is the ascending runs of equal keys in reverse order,
        // each run still by name, the empty run still last: O(n), no sort.
        let mut runs: Vec<&[u32]> = Vec::new();
        let mut empty: &[u32] = &[];
        let mut start = 0;
        while start < ascending.len() {
            let k = key_of(ascending[start]);
            let len = ascending[start..]
                .iter()
                .take_while(|&&i| key_of(i) == k)
                .count();
            let run = &ascending[start..start + len];
            if k.is_empty() {
                empty = run;
            } else {
                runs.push(run);
            }
            start += len;
        }
        let mut descending = Vec::with_capacity(ascending.len());
        for run in runs.iter().rev() {
            descending.extend_from_slice(run);
        }
        descending.extend_from_slice(empty);
        (ascending, descending)
    }
}

/// What a client sorts by under `key` (lower-cased; empty when not set).
fn sort_text(c: &ClientSummary, key: SortKey) -> String {
    match key {
        SortKey::Name => c.display_name().to_lowercase(),
        SortKey::Type => c
            .kind()
            .map(|k| k.label(&crate::i18n::EN).to_lowercase())
            .unwrap_or_default(),
        SortKey::Product => c.product_name.as_deref().unwrap_or("").to_lowercase(),
        SortKey::Id => c.id.as_deref().unwrap_or("").to_lowercase(),
        SortKey::Managed => if c.is_terraform_managed() {
            "terraform"
        } else {
            "manual"
        }
        .to_string(),
    }
}

/// The result of applying a query: matching indexes (sorted) and the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListView {
    /// Indexes into the client slice of every match, in display order.
    pub matches: Vec<u32>,
    /// The page actually shown (clamped to the last page).
    pub page: usize,
    pub page_count: usize,
}

impl ListView {
    /// The indexes on the shown page.
    pub fn page_rows(&self, per_page: usize) -> &[u32] {
        let start = (self.page * per_page).min(self.matches.len());
        let end = (start + per_page).min(self.matches.len());
        &self.matches[start..end]
    }
}

/// Filters, sorts and pages `clients` by `query`. `index` must have been
/// built from the same `clients`; `editable`, when given, says per client
/// whether the caller may change it (for "Editable by me"; without it that
/// filter keeps every client, since the server decides).
pub fn apply(
    clients: &[ClientSummary],
    index: &SearchIndex,
    query: &ListQuery,
    editable: Option<&[bool]>,
) -> ListView {
    let mine = editable.filter(|_| query.editable);
    let needle = query.q.trim().to_lowercase();
    let words: Vec<&str> = needle.split_whitespace().collect();
    let order = index.order(clients, query.sort, query.descending);
    let haystacks: &[String] = if words.is_empty() {
        &[]
    } else {
        index.haystacks(clients)
    };
    let matches: Vec<u32> = if words.is_empty()
        && query.client_type.is_none()
        && query.managed.is_none()
        && mine.is_none()
    {
        order.to_vec()
    } else {
        order
            .iter()
            .copied()
            .filter(|&i| {
                let c = &clients[i as usize];
                let hay = haystacks.get(i as usize).map(String::as_str).unwrap_or("");
                words.iter().all(|w| hay.contains(w))
                    && query
                        .client_type
                        .as_deref()
                        .is_none_or(|t| c.kind().is_some_and(|k| k.as_str() == t))
                    && match query.managed {
                        None => true,
                        Some(Managed::Terraform) => c.is_terraform_managed(),
                        Some(Managed::Manual) => !c.is_terraform_managed(),
                    }
                    && mine.is_none_or(|m| m.get(i as usize).copied().unwrap_or(false))
            })
            .collect()
    };
    let per_page = query.per_page.max(1);
    let page_count = matches.len().div_ceil(per_page).max(1);
    ListView {
        page: query.page.min(page_count - 1),
        page_count,
        matches,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_count_reads_as_words() {
        assert_eq!(count_phrase(&crate::i18n::EN, 1, 1), "1 client");
        assert_eq!(count_phrase(&crate::i18n::EN, 0, 0), "0 clients");
        assert_eq!(
            count_phrase(&crate::i18n::EN, 10_000, 10_000),
            "10,000 clients"
        );
        assert_eq!(
            count_phrase(&crate::i18n::EN, 3, 1_200),
            "3 of 1,200 clients match"
        );
    }

    #[test]
    fn a_typed_page_number_is_kept_within_the_pages() {
        assert_eq!(page_to_jump("3", 12), Some(2));
        assert_eq!(page_to_jump(" 1,000 ", 2000), Some(999));
        assert_eq!(page_to_jump("0", 12), Some(0));
        assert_eq!(page_to_jump("99", 12), Some(11));
        assert_eq!(page_to_jump("99999999999999999999999", 12), Some(11));
        assert_eq!(page_to_jump("", 12), None);
        assert_eq!(page_to_jump("-2", 12), None);
        assert_eq!(page_to_jump("two", 12), None);
        assert_eq!(page_to_jump("3", 0), None);
    }

    use super::*;

    fn clients() -> Vec<ClientSummary> {
        crate::list::decode_client_list(
            r#"[
            {"id":"c1","name":"Shop Web","type":"regular_web","productName":"Shop","manuallyCreated":true},
            {"id":"c2","name":"billing api","type":"non_interactive","productName":"Billing","manuallyCreated":false},
            {"id":"c3","name":"Admin SPA","type":"spa","applicationName":"Backoffice"},
            {"id":"c4","name":null,"type":null}
        ]"#,
        )
        .unwrap()
        .clients
    }

    /// Both directions of every key, as built (descending derived from
    /// ascending without a sort), equal a plain sort by the rule: empty keys
    /// last, the key (reversed when descending), then name, then position.
    #[test]
    fn every_order_equals_a_plain_sort_by_the_rule() {
        let types = ["spa", "native", "m2m", "regular_web", "", "box"];
        let products = ["Shop", "shop", "", "Billing", "Zeta"];
        let names = ["b", "A", "a", "", "c", "B"];
        let items: Vec<String> = (0..90)
            .map(|i| {
                let terraform = if i % 4 == 0 { "false" } else { "true" };
                format!(
                    r#"{{"id":"id{}","name":"{}","type":"{}","productName":"{}","manuallyCreated":{}}}"#,
                    (i * 37) % 23,
                    names[i % names.len()],
                    types[i % types.len()],
                    products[(i / 3) % products.len()],
                    terraform
                )
            })
            .collect();
        let cs = crate::list::decode_client_list(&format!("[{}]", items.join(",")))
            .unwrap()
            .clients;
        let idx = SearchIndex::new(&cs);
        for key in SortKey::ALL {
            for descending in [false, true] {
                let keys: Vec<String> = cs.iter().map(|c| sort_text(c, key)).collect();
                let mut want: Vec<u32> = (0..cs.len() as u32).collect();
                want.sort_by(|&a, &b| {
                    let (ka, kb) = (&keys[a as usize], &keys[b as usize]);
                    match (ka.is_empty(), kb.is_empty()) {
                        (true, false) => Ordering::Greater,
                        (false, true) => Ordering::Less,
                        _ => {
                            let p = ka.cmp(kb);
                            if descending { p.reverse() } else { p }
                                .then_with(|| idx.names[a as usize].cmp(&idx.names[b as usize]))
                                .then(a.cmp(&b))
                        }
                    }
                });
                assert_eq!(
                    idx.order(&cs, key, descending),
                    want.as_slice(),
                    "{key:?} descending={descending}"
                );
            }
        }
    }

    #[test]
    fn editable_by_me_keeps_the_clients_the_caller_may_change() {
        let cs = clients();
        let idx = SearchIndex::new(&cs);
        let mine = ListQuery {
            editable: true,
            ..ListQuery::default()
        };
        let mask = [true, false, true, false];
        let ids = |v: ListView| {
            v.matches
                .iter()
                .map(|&i| cs[i as usize].id.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        // By name: Admin SPA (c3), billing api (c2), Shop Web (c1), c4.
        assert_eq!(ids(apply(&cs, &idx, &mine, Some(&mask))), vec!["c3", "c1"]);
        // Without the mask (the caller is not known) nothing is filtered.
        assert_eq!(ids(apply(&cs, &idx, &mine, None)).len(), 4);
        assert_eq!(
            ids(apply(&cs, &idx, &ListQuery::default(), Some(&mask))).len(),
            4
        );
    }

    #[test]
    fn a_key_sets_and_reads_as_the_address_carries_it() {
        let mut q = ListQuery::default();
        q.set("type", "spa");
        q.set("managed", "terraform");
        q.set("editable", "me");
        assert_eq!(
            (q.value("type"), q.value("managed"), q.value("editable")),
            ("spa".into(), "terraform".into(), "me".into())
        );
        q.set("type", "");
        q.set("managed", "nope");
        assert_eq!(
            (q.value("type"), q.value("managed"), q.value("q")),
            (String::new(), String::new(), String::new())
        );
    }

    #[test]
    fn query_string_round_trip() {
        let q = ListQuery {
            q: "shop".into(),
            client_type: Some("spa".into()),
            managed: Some(Managed::Terraform),
            editable: true,
            sort: SortKey::Product,
            descending: true,
            page: 2,
            per_page: 100,
        };
        let pairs = q.to_pairs();
        let back = ListQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q);
        assert!(ListQuery::default().to_pairs().is_empty());
        let junk = ListQuery::from_pairs([
            ("page", "-3"),
            ("per_page", "7"),
            ("type", "box"),
            ("sort", "zzz"),
        ]);
        assert_eq!(junk, ListQuery::default());
    }

    #[test]
    fn search_filter_sort_page() {
        let cs = clients();
        let idx = SearchIndex::new(&cs);
        let ids = |v: &ListView| {
            v.matches
                .iter()
                .map(|&i| cs[i as usize].id.clone().unwrap())
                .collect::<Vec<_>>()
        };
        let q = |f: fn(&mut ListQuery)| {
            let mut q = ListQuery::default();
            f(&mut q);
            q
        };
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "SHOP".into()), None)),
            vec!["c1"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "backoffice".into()), None)),
            vec!["c3"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "c2".into()), None)),
            vec!["c2"]
        );
        assert_eq!(
            ids(&apply(
                &cs,
                &idx,
                &q(|q| q.managed = Some(Managed::Terraform)),
                None
            )),
            vec!["c2"]
        );
        assert_eq!(
            ids(&apply(
                &cs,
                &idx,
                &q(|q| q.client_type = Some("spa".into())),
                None
            )),
            vec!["c3"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|_| {}), None)),
            vec!["c3", "c2", "c4", "c1"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.sort = SortKey::Product), None)),
            vec!["c2", "c1", "c3", "c4"]
        );
        let v = apply(
            &cs,
            &idx,
            &q(|q| {
                q.per_page = 25;
                q.page = 9;
            }),
            None,
        );
        assert_eq!((v.page, v.page_count, v.page_rows(25).len()), (0, 1, 4));
    }

    #[test]
    fn descending_keeps_not_set_last_and_ties_by_name() {
        let cs = clients();
        let idx = SearchIndex::new(&cs);
        let mut q = ListQuery {
            sort: SortKey::Product,
            descending: true,
            ..ListQuery::default()
        };
        let ids = |v: ListView| -> Vec<String> {
            v.matches
                .iter()
                .map(|&i| cs[i as usize].id.clone().unwrap())
                .collect()
        };
        assert_eq!(
            ids(apply(&cs, &idx, &q, None)),
            vec!["c1", "c2", "c3", "c4"]
        );
        q.sort = SortKey::Name;
        assert_eq!(
            ids(apply(&cs, &idx, &q, None)),
            vec!["c1", "c4", "c2", "c3"]
        );
        // The same query twice walks the same kept order.
        assert_eq!(
            ids(apply(&cs, &idx, &q, None)),
            vec!["c1", "c4", "c2", "c3"]
        );
    }

    #[test]
    fn sort_and_page_leave_the_filters_equal() {
        let base = ListQuery::from_pairs([("q", "Shop"), ("type", "spa")]);
        let mut moved = base.clone();
        moved.sort = SortKey::Product;
        moved.descending = true;
        moved.page = 3;
        moved.per_page = 100;
        assert_eq!(base.filters(), moved.filters());
        // The search as apply() reads it: case and outer blanks do not matter.
        moved.q = " shop ".into();
        assert_eq!(base.filters(), moved.filters());
        for (k, v) in [
            ("q", "shopx"),
            ("type", "native"),
            ("managed", "terraform"),
            ("editable", "me"),
        ] {
            let mut other = base.clone();
            other.set(k, v);
            assert_ne!(base.filters(), other.filters(), "{k}");
        }
    }

    #[test]
    fn keys_parse_what_they_print() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::parse(k.as_str()), k);
        }
        for m in [Managed::Manual, Managed::Terraform] {
            assert_eq!(Managed::parse(m.as_str()), Some(m));
        }
        assert_eq!(Managed::parse("x"), None);
    }

    #[test]
    fn sort_by_id_and_managed_by() {
        let cs = clients();
        let idx = SearchIndex::new(&cs);
        let ids = |q: ListQuery| -> Vec<String> {
            apply(&cs, &idx, &q, None)
                .matches
                .iter()
                .map(|&i| cs[i as usize].id.clone().unwrap())
                .collect()
        };
        let by = |sort, descending| ListQuery {
            sort,
            descending,
            ..ListQuery::default()
        };
        assert_eq!(ids(by(SortKey::Id, true)), vec!["c4", "c3", "c2", "c1"]);
        // Manual before Terraform; ties by name.
        assert_eq!(
            ids(by(SortKey::Managed, false)),
            vec!["c3", "c4", "c1", "c2"]
        );
    }

    #[test]
    fn counts_are_grouped() {
        for (n, s) in [
            (0, "0"),
            (36, "36"),
            (999, "999"),
            (1000, "1,000"),
            (10000, "10,000"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(crate::i18n::EN.num(n), s);
        }
    }
}
