//! Following a paged client list: which URL is the next page, or why to stop.
//!
//! Pure: the api layer fetches, this module decides. Credentials travel with
//! every page request, so a `next` link is followed only when it is relative
//! or has exactly the API's origin (scheme, host and port); anything else
//! stops paging and the list is reported partial, keeping the pages read.

use crate::i18n::Catalog;
use crate::list::ClientPage;
use std::collections::HashSet;
use url::Url;

/// Most pages followed before the list is reported partial.
pub const MAX_PAGES: usize = 500;
/// Most clients kept before the list is reported partial.
pub const MAX_ITEMS: usize = 100_000;

/// Why paging stopped before the server's last page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageStop {
    /// The `next` link points at another origin (credentials would go there).
    ForeignOrigin(String),
    /// The `next` link is neither a URL nor a path (a page token, say).
    UnusableLink(String),
    /// The server sent a URL already read: it would loop.
    RepeatedUrl,
    /// [`MAX_PAGES`] pages read.
    TooManyPages,
    /// [`MAX_ITEMS`] clients read.
    TooManyItems,
    /// A later page failed; the message says how.
    PageFailed(String),
}

impl PageStop {
    /// A sentence for the user, saying why the list is partial.
    pub fn describe(&self, t: &Catalog) -> String {
        let l = &t.list;
        match self {
            PageStop::ForeignOrigin(o) => (l.stop_foreign)(o),
            PageStop::UnusableLink(_) => l.stop_unusable.into(),
            PageStop::RepeatedUrl => l.stop_repeated.into(),
            PageStop::TooManyPages => (l.stop_pages)(&t.num(MAX_PAGES)),
            PageStop::TooManyItems => (l.stop_items)(&t.num(MAX_ITEMS)),
            PageStop::PageFailed(why) => (l.stop_failed)(why),
        }
    }
}

/// A whole list as read: every page's clients, and why paging stopped before
/// the server's last page, when it did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PagedList {
    /// The accumulated list; `next` or `total` say when there is more.
    pub list: ClientPage,
    /// Why the console stopped early, if it did.
    pub stopped: Option<PageStop>,
}

impl PagedList {
    /// A list read in one go (no paging involved).
    pub fn whole(list: ClientPage) -> Self {
        PagedList {
            list,
            stopped: None,
        }
    }

    /// The notice for a list that is not all the tenant's clients: how many
    /// were read, and why the rest were not. `None` for a whole list.
    pub fn partial_notice(&self, t: &Catalog) -> Option<String> {
        let got = self.list.clients.len() + self.list.skipped;
        let sent = match (self.list.total, &self.list.next) {
            (Some(total), _) if total > got as u64 => {
                (t.list.sent_of)(&t.num(got), &crate::i18n::group(total, t.thousands))
            }
            (_, Some(_)) => (t.list.sent_more)(&t.num(got)),
            _ => return None,
        };
        let why = self
            .stopped
            .as_ref()
            .map(|s| format!(" {}", s.describe(t)))
            .unwrap_or_default();
        Some((t.list.partial)(&sent, &why))
    }
}

/// What to do after a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    /// Fetch this absolute URL next.
    Fetch(String),
    /// The list is complete (or the server says no more).
    Done,
    /// Stop: the list is partial, for this reason.
    Stop(PageStop),
}

/// The state of one list load: the pages and ids already seen.
#[derive(Debug, Clone)]
pub struct Pager {
    /// The first page's URL, absolute.
    list_url: Option<Url>,
    seen: HashSet<String>,
    ids: HashSet<String>,
    pages: usize,
    per_page: usize,
    /// The accumulated list.
    pub list: ClientPage,
    /// Why paging stopped early, if it did.
    pub stopped: Option<PageStop>,
}

/// The list URL made absolute: `list_url` may be a path when the API is on
/// the page's own origin (`page_origin`, e.g. `https://console.example`).
fn absolute(list_url: &str, page_origin: &str) -> Option<Url> {
    Url::parse(list_url)
        .ok()
        .or_else(|| Url::parse(page_origin).ok()?.join(list_url).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

impl Pager {
    /// Starts a load of `list_url` (absolute, or a path on `page_origin`).
    pub fn new(list_url: &str, page_origin: &str) -> Self {
        let list_url = absolute(list_url, page_origin);
        let mut seen = HashSet::new();
        if let Some(u) = &list_url {
            seen.insert(u.to_string());
        }
        Pager {
            list_url,
            seen,
            ids: HashSet::new(),
            pages: 0,
            per_page: 0,
            list: ClientPage::default(),
            stopped: None,
        }
    }

    /// The URL of the first page (absolute when it could be resolved).
    pub fn first_url(&self) -> Option<String> {
        self.list_url.as_ref().map(Url::to_string)
    }

    /// Adds a page read from the server, dropping clients whose id was seen
    /// on an earlier page, and decides what comes next.
    pub fn absorb(&mut self, page: ClientPage) -> NextPage {
        let got = page.clients.len() + page.skipped;
        if self.pages == 0 {
            self.per_page = got;
        }
        self.pages += 1;
        let empty = got == 0;
        self.list.skipped += page.skipped;
        for c in page.clients {
            if self.list.clients.len() >= MAX_ITEMS {
                return self.stop(PageStop::TooManyItems);
            }
            let fresh = match &c.id {
                Some(id) => self.ids.insert(id.clone()),
                None => true,
            };
            if fresh {
                self.list.clients.push(c);
            }
        }
        if self.pages == 1 {
            self.list.total = page.total;
        }
        self.list.next = page.next;
        if empty && self.pages > 1 {
            // An empty later page: the server has nothing more, whatever it says.
            self.list.next = None;
            self.list.total = None;
            return NextPage::Done;
        }
        self.decide()
    }

    /// The list as read so far, with the reason paging stopped, if it did.
    pub fn finish(self) -> PagedList {
        PagedList {
            list: self.list,
            stopped: self.stopped,
        }
    }

    /// A later page failed: keep what was read and say why.
    pub fn fail(&mut self, why: String) {
        self.mark_partial();
        self.stopped = Some(PageStop::PageFailed(why));
    }

    fn stop(&mut self, why: PageStop) -> NextPage {
        self.mark_partial();
        self.stopped = Some(why.clone());
        NextPage::Stop(why)
    }

    /// A partial list keeps `next` (or a `total` above what was read) set,
    /// which is how [`ClientPage`] says "there is more".
    fn mark_partial(&mut self) {
        let have = (self.list.clients.len() + self.list.skipped) as u64;
        if self.list.next.is_none() && self.list.total.is_none_or(|t| t <= have) {
            self.list.next = Some(String::new());
        }
    }

    fn decide(&mut self) -> NextPage {
        let Some(list_url) = self.list_url.clone() else {
            return NextPage::Done;
        };
        let have = (self.list.clients.len() + self.list.skipped) as u64;
        let url = match (self.list.total, self.list.next.as_deref()) {
            (Some(total), _) if have < total && self.per_page > 0 => {
                let mut u = list_url;
                u.set_query(Some(&format!(
                    "page={}&per_page={}",
                    self.pages, self.per_page
                )));
                u
            }
            (Some(_), _) => return NextPage::Done,
            (None, Some(next)) => match follow(&list_url, next) {
                Ok(u) => u,
                Err(stop) => return self.stop(stop),
            },
            (None, None) => return NextPage::Done,
        };
        if self.pages >= MAX_PAGES {
            return self.stop(PageStop::TooManyPages);
        }
        if self.list.clients.len() >= MAX_ITEMS {
            return self.stop(PageStop::TooManyItems);
        }
        if !self.seen.insert(url.to_string()) {
            return self.stop(PageStop::RepeatedUrl);
        }
        NextPage::Fetch(url.to_string())
    }
}

/// Resolves a `next` link against the list URL, or says why not: only an
/// absolute http(s) URL with exactly the list's origin, or a path (`/…`) or
/// query (`?…`) on it, is followed. A page token is not a link.
pub fn follow(list_url: &Url, next: &str) -> Result<Url, PageStop> {
    let next = next.trim();
    let lower = next.to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    let relative = (next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\"))
        || next.starts_with('?');
    if !absolute && !relative {
        return Err(
            if lower.contains(':') || next.starts_with("//") || next.starts_with("/\\") {
                PageStop::ForeignOrigin(next.to_string())
            } else {
                PageStop::UnusableLink(next.to_string())
            },
        );
    }
    let url = list_url
        .join(next)
        .map_err(|_| PageStop::UnusableLink(next.to_string()))?;
    if url.origin() != list_url.origin() {
        return Err(PageStop::ForeignOrigin(url.origin().ascii_serialization()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(PageStop::ForeignOrigin(url.origin().ascii_serialization()));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::ClientSummary;

    fn page(ids: &[&str], total: Option<u64>, next: Option<&str>) -> ClientPage {
        ClientPage {
            clients: ids
                .iter()
                .map(|id| ClientSummary {
                    id: Some(id.to_string()),
                    ..Default::default()
                })
                .collect(),
            total,
            next: next.map(String::from),
            skipped: 0,
        }
    }

    const LIST: &str = "https://api.example.test/nexus/v1/tenants/t/clients";

    #[test]
    fn follows_relative_and_same_origin_links() {
        let mut p = Pager::new(LIST, "https://console.example.test");
        assert_eq!(
            p.absorb(page(
                &["a"],
                None,
                Some("/nexus/v1/tenants/t/clients?cursor=2")
            )),
            NextPage::Fetch("https://api.example.test/nexus/v1/tenants/t/clients?cursor=2".into())
        );
        assert_eq!(
            p.absorb(page(&["b"], None, Some("?cursor=3"))),
            NextPage::Fetch("https://api.example.test/nexus/v1/tenants/t/clients?cursor=3".into())
        );
        assert_eq!(
            p.absorb(page(
                &["c"],
                None,
                Some("HTTPS://API.example.test:443/nexus/v1/tenants/t/clients?cursor=4")
            )),
            NextPage::Fetch("https://api.example.test/nexus/v1/tenants/t/clients?cursor=4".into())
        );
        assert_eq!(p.absorb(page(&["d"], None, None)), NextPage::Done);
        assert_eq!(p.list.clients.len(), 4);
        assert_eq!(p.stopped, None);
    }

    #[test]
    fn a_relative_api_base_resolves_on_the_page_origin() {
        let mut p = Pager::new("/api/v1/tenants/t/clients", "http://127.0.0.1:8080");
        assert_eq!(
            p.first_url().as_deref(),
            Some("http://127.0.0.1:8080/api/v1/tenants/t/clients")
        );
        assert_eq!(
            p.absorb(page(&["a"], None, Some("/api/v1/tenants/t/clients?p=2"))),
            NextPage::Fetch("http://127.0.0.1:8080/api/v1/tenants/t/clients?p=2".into())
        );
        assert!(matches!(
            p.absorb(page(&["b"], None, Some("http://127.0.0.1:9999/x"))),
            NextPage::Stop(PageStop::ForeignOrigin(_))
        ));
    }

    #[test]
    fn refuses_every_other_origin_and_keeps_the_pages_read() {
        for next in [
            "https://evil.example/steal",
            "http://api.example.test/nexus/v1/tenants/t/clients?page=2",
            "https://api.example.test:8443/nexus/v1/tenants/t/clients",
            "https://api.example.test.evil.example/x",
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example/x",
            "https://user:pw@api.example.test/nexus/v1/tenants/t/clients",
            "javascript:alert(1)",
            "data:text/plain,x",
            "ftp://api.example.test/x",
        ] {
            let mut p = Pager::new(LIST, "https://console.example.test");
            let step = p.absorb(page(&["a", "b"], None, Some(next)));
            assert!(
                matches!(
                    step,
                    NextPage::Stop(PageStop::ForeignOrigin(_) | PageStop::UnusableLink(_))
                ),
                "{next}: {step:?}"
            );
            assert_eq!(p.list.clients.len(), 2, "{next}");
            assert!(p.stopped.is_some(), "{next}");
            assert!(
                p.list.next.is_some(),
                "{next}: the list must stay marked partial"
            );
        }
    }

    #[test]
    fn a_page_token_is_not_followed() {
        let mut p = Pager::new(LIST, "");
        assert_eq!(
            p.absorb(page(&["a"], None, Some("t2"))),
            NextPage::Stop(PageStop::UnusableLink("t2".into()))
        );
    }

    #[test]
    fn stops_on_a_repeated_url_and_deduplicates_by_id() {
        let mut p = Pager::new(LIST, "");
        assert!(matches!(
            p.absorb(page(&["a", "b"], None, Some("?c=2"))),
            NextPage::Fetch(_)
        ));
        assert_eq!(
            p.absorb(page(&["b", "c"], None, Some("?c=2"))),
            NextPage::Stop(PageStop::RepeatedUrl)
        );
        let ids: Vec<_> = p
            .list
            .clients
            .iter()
            .filter_map(|c| c.id.as_deref())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        // The first page's own URL counts as read.
        let mut p = Pager::new(LIST, "");
        assert_eq!(
            p.absorb(page(&["a"], None, Some(LIST))),
            NextPage::Stop(PageStop::RepeatedUrl)
        );
    }

    #[test]
    fn follows_total_with_page_numbers() {
        let mut p = Pager::new(LIST, "");
        assert_eq!(
            p.absorb(page(&["a", "b"], Some(5), None)),
            NextPage::Fetch(format!("{LIST}?page=1&per_page=2"))
        );
        assert_eq!(
            p.absorb(page(&["c", "d"], Some(5), None)),
            NextPage::Fetch(format!("{LIST}?page=2&per_page=2"))
        );
        assert_eq!(p.absorb(page(&["e"], Some(5), None)), NextPage::Done);
        assert_eq!(p.list.clients.len(), 5);
    }

    #[test]
    fn caps_pages_and_items() {
        let mut p = Pager::new(LIST, "");
        let mut last = NextPage::Done;
        for i in 0..MAX_PAGES + 5 {
            last = p.absorb(page(&[&format!("c{i}")], None, Some(&format!("?c={i}"))));
            if !matches!(last, NextPage::Fetch(_)) {
                break;
            }
        }
        assert_eq!(last, NextPage::Stop(PageStop::TooManyPages));
        assert_eq!(p.list.clients.len(), MAX_PAGES);

        let mut p = Pager::new(LIST, "");
        let ids: Vec<String> = (0..MAX_ITEMS + 1).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(
            p.absorb(page(&refs, None, None)),
            NextPage::Stop(PageStop::TooManyItems)
        );
        assert_eq!(p.list.clients.len(), MAX_ITEMS);
    }

    #[test]
    fn a_partial_list_says_why_it_is_partial() {
        let mut p = Pager::new(LIST, "");
        p.absorb(page(&["a", "b"], None, Some("http://127.0.0.1:9/next")));
        let notice = p
            .finish()
            .partial_notice(&crate::i18n::EN)
            .unwrap_or_default();
        assert!(notice.starts_with("The server sent 2 clients and says there are more; search, filters and sorting cover only those."), "{notice}");
        assert!(
            notice.contains("points at another site (http://127.0.0.1:9)"),
            "{notice}"
        );

        let mut p = Pager::new(LIST, "");
        p.absorb(page(&["a"], None, Some("?c=2")));
        p.fail("the browser got no answer.".into());
        let notice = p
            .finish()
            .partial_notice(&crate::i18n::EN)
            .unwrap_or_default();
        assert!(
            notice.ends_with("A later page could not be read: the browser got no answer."),
            "{notice}"
        );

        // A whole list, read in one page or many, has no notice.
        let mut p = Pager::new(LIST, "");
        p.absorb(page(&["a"], None, Some("?c=2")));
        p.absorb(page(&["b"], None, None));
        assert_eq!(p.finish().partial_notice(&crate::i18n::EN), None);
        // A server that says there is more, unasked, is partial without a reason.
        let notice = PagedList::whole(page(&["a"], Some(3), None)).partial_notice(&crate::i18n::EN);
        assert_eq!(
            notice.as_deref(),
            Some("The server sent 1 of 3 clients; search, filters and sorting cover only those.")
        );
    }

    #[test]
    fn an_empty_later_page_ends_the_list() {
        let mut p = Pager::new(LIST, "");
        assert!(matches!(
            p.absorb(page(&["a"], None, Some("?c=2"))),
            NextPage::Fetch(_)
        ));
        assert_eq!(p.absorb(page(&[], None, Some("?c=3"))), NextPage::Done);
        assert_eq!(p.list.next, None);
    }
}
