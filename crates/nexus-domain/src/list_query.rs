//! Search, filter, sort and paging of the client list, and their round trip
//! through the query string (so a link or reload restores the view).

use crate::client::{ClientType, NexusClient};
use std::cmp::Ordering;

/// Managed-by filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Managed {
    Manual,
    Terraform,
}

/// Sort column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Type,
    Product,
}

impl SortKey {
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Type => "type",
            SortKey::Product => "product",
        }
    }
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
            sort: SortKey::Name,
            descending: false,
            page: 0,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl ListQuery {
    /// Reads the state from query pairs; unknown or malformed values fall back
    /// to defaults (a hand-edited URL never breaks the view).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = ListQuery::default();
        for (k, v) in pairs {
            match k {
                "q" => q.q = v.to_string(),
                "type" => {
                    let t = ClientType::parse(v);
                    q.client_type =
                        (!matches!(t, ClientType::Other(_))).then(|| t.as_str().to_string());
                }
                "managed" => {
                    q.managed = match v {
                        "manual" => Some(Managed::Manual),
                        "terraform" => Some(Managed::Terraform),
                        _ => None,
                    }
                }
                "sort" => {
                    let (desc, key) = match v.strip_prefix('-') {
                        Some(rest) => (true, rest),
                        None => (false, v),
                    };
                    q.descending = desc;
                    q.sort = match key {
                        "type" => SortKey::Type,
                        "product" => SortKey::Product,
                        _ => SortKey::Name,
                    };
                }
                "page" => {
                    q.page = v
                        .parse::<usize>()
                        .ok()
                        .filter(|p| *p >= 1)
                        .map_or(0, |p| p - 1)
                }
                "per_page" => {
                    q.per_page = v
                        .parse::<usize>()
                        .ok()
                        .filter(|n| PER_PAGE_CHOICES.contains(n))
                        .unwrap_or(DEFAULT_PER_PAGE)
                }
                _ => {}
            }
        }
        q
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
        match self.managed {
            Some(Managed::Manual) => out.push(("managed", "manual".into())),
            Some(Managed::Terraform) => out.push(("managed", "terraform".into())),
            None => {}
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

/// Lower-cased search text per client, built once per loaded list so each
/// keystroke only scans strings.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(clients: &[NexusClient]) -> Self {
        let haystacks = clients
            .iter()
            .map(|c| {
                [&c.name, &c.id, &c.product_name, &c.application_name]
                    .iter()
                    .filter_map(|f| f.as_deref())
                    .collect::<Vec<_>>()
                    .join("\u{1}")
                    .to_lowercase()
            })
            .collect();
        SearchIndex { haystacks }
    }
}

fn key_text(c: &NexusClient, key: SortKey) -> String {
    match key {
        SortKey::Name => c.display_name().to_lowercase(),
        SortKey::Type => c
            .kind()
            .map(|k| k.label().to_lowercase())
            .unwrap_or_default(),
        SortKey::Product => c.product_name.clone().unwrap_or_default().to_lowercase(),
    }
}

/// The result of applying a query: matching indexes (sorted) and the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListView {
    /// Indexes into the client slice of every match, in display order.
    pub matches: Vec<usize>,
    /// The page actually shown (clamped to the last page).
    pub page: usize,
    pub page_count: usize,
}

impl ListView {
    /// The indexes on the shown page.
    pub fn page_rows(&self, per_page: usize) -> &[usize] {
        let start = (self.page * per_page).min(self.matches.len());
        let end = (start + per_page).min(self.matches.len());
        &self.matches[start..end]
    }
}

/// Filters, sorts and pages `clients` by `query`.
pub fn apply(clients: &[NexusClient], index: &SearchIndex, query: &ListQuery) -> ListView {
    let needle = query.q.trim().to_lowercase();
    let words: Vec<&str> = needle.split_whitespace().collect();
    let mut matches: Vec<usize> = (0..clients.len())
        .filter(|&i| {
            let c = &clients[i];
            let hay = index.haystacks.get(i).map(String::as_str).unwrap_or("");
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
        })
        .collect();
    let mut keyed: Vec<(String, String, usize)> = matches
        .drain(..)
        .map(|i| {
            (
                key_text(&clients[i], query.sort),
                clients[i].display_name().to_lowercase(),
                i,
            )
        })
        .collect();
    keyed.sort_by(|a, b| {
        // Empty keys ("not set") sort last in either direction.
        let primary = match (a.0.is_empty(), b.0.is_empty()) {
            (true, false) => return Ordering::Greater,
            (false, true) => return Ordering::Less,
            _ => a.0.cmp(&b.0),
        };
        let primary = if query.descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    let matches: Vec<usize> = keyed.into_iter().map(|k| k.2).collect();
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
    use super::*;

    fn clients() -> Vec<NexusClient> {
        serde_json::from_str(
            r#"[
            {"id":"c1","name":"Shop Web","type":"regular_web","productName":"Shop","manuallyCreated":true},
            {"id":"c2","name":"billing api","type":"non_interactive","productName":"Billing","manuallyCreated":false},
            {"id":"c3","name":"Admin SPA","type":"spa","applicationName":"Backoffice"},
            {"id":"c4","name":null,"type":null}
        ]"#,
        )
        .unwrap()
    }

    #[test]
    fn query_string_round_trip() {
        let q = ListQuery {
            q: "shop".into(),
            client_type: Some("spa".into()),
            managed: Some(Managed::Terraform),
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
                .map(|&i| cs[i].id.clone().unwrap())
                .collect::<Vec<_>>()
        };
        let q = |f: fn(&mut ListQuery)| {
            let mut q = ListQuery::default();
            f(&mut q);
            q
        };
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "SHOP".into()))),
            vec!["c1"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "backoffice".into()))),
            vec!["c3"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.q = "c2".into()))),
            vec!["c2"]
        );
        assert_eq!(
            ids(&apply(
                &cs,
                &idx,
                &q(|q| q.managed = Some(Managed::Terraform))
            )),
            vec!["c2"]
        );
        assert_eq!(
            ids(&apply(
                &cs,
                &idx,
                &q(|q| q.client_type = Some("spa".into()))
            )),
            vec!["c3"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|_| {}))),
            vec!["c3", "c2", "c4", "c1"]
        );
        assert_eq!(
            ids(&apply(&cs, &idx, &q(|q| q.sort = SortKey::Product))),
            vec!["c2", "c1", "c3", "c4"]
        );
        let v = apply(
            &cs,
            &idx,
            &q(|q| {
                q.per_page = 25;
                q.page = 9;
            }),
        );
        assert_eq!((v.page, v.page_count, v.page_rows(25).len()), (0, 1, 4));
    }
}
