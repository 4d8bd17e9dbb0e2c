//! The console's routes, as paths relative to the router base, and the
//! helpers that turn them into hrefs under the base path.

use leptos::prelude::*;

/// The base path the console is served under ("" at the root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath(pub String);

/// The route paths.
pub mod path {
    use nexus_domain::percent::encode_component;

    pub const LIST: &str = "/clients";
    pub const NEW: &str = "/clients/new";

    pub fn detail(id: &str) -> String {
        format!("/clients/{}", encode_component(id))
    }

    pub fn edit(id: &str) -> String {
        format!("/clients/{}/edit", encode_component(id))
    }
}

/// Percent-encodes a query component (the list's state in its URL): the
/// one encoding the api's request paths use too.
pub use nexus_domain::percent::encode_component as encode_query;

/// An href under the base path for a route path.
pub fn href(route: &str) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    format!("{base}{route}")
}

/// The client list as the user last left it (search, filters, sort, page,
/// rows per page), as an href: "Clients" links and the return after a
/// delete go back there, not to the list's first page unfiltered.
#[derive(Clone, Copy)]
pub struct ListReturn(RwSignal<Option<String>>);

/// Puts the list's return address in context (once, above the routes).
pub fn provide_list_return() {
    provide_context(ListReturn(RwSignal::new(None)));
}

/// Remembers `href` as where the list is (called by the list page).
pub fn remember_list(href: String) {
    if let Some(ListReturn(r)) = use_context::<ListReturn>() {
        r.set(Some(href));
    }
}

/// Where "Clients" goes: the list as last left, else its first page
/// (reactive).
pub fn list_href() -> Signal<String> {
    let plain = href(path::LIST);
    let remembered = use_context::<ListReturn>().map(|ListReturn(r)| r);
    Signal::derive(move || {
        remembered
            .and_then(|r| r.get())
            .unwrap_or_else(|| plain.clone())
    })
}

/// The console's address: the page's (`window.location` and history), or,
/// routed in memory, the router's own. Take it where a component is built
/// (it is this console's) and keep it for callbacks.
#[derive(Clone, Copy)]
pub struct Address(StoredValue<Option<leptos_router::location::BrowserUrl>>);

/// This console's address (see [`Address`]).
pub fn use_address() -> Address {
    // Holds the router's location only when it is kept in memory.
    Address(StoredValue::new(
        use_context::<leptos_router::location::BrowserUrl>().filter(|l| l.is_memory()),
    ))
}

impl Address {
    /// Writes `url` (an href under the base) as the address without a
    /// router navigation: a new history entry, or the current one replaced
    /// (in memory: the current address, as there are no entries). For a
    /// page that owns its own view state in the query string (the list):
    /// the router would re-match every route for a change only that page
    /// reads.
    pub fn write(self, url: &str, replace: bool) {
        match self.0.try_with_value(Clone::clone) {
            // The console is gone: nothing to write.
            None => return,
            // Kept in memory: the page's address is the host's.
            Some(Some(memory)) => {
                memory.set_address(url);
                return;
            }
            Some(None) => {}
        }
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&state, "", Some(url))
        } else {
            history.push_state_with_url(&state, "", Some(url))
        };
    }

    /// [`Address::write`] once the current frame has painted, if
    /// `still_wanted()` then says so.
    pub fn write_after_paint(
        self,
        url: String,
        replace: bool,
        still_wanted: impl Fn() -> bool + 'static,
    ) {
        crate::dom::after_paint(move || {
            if still_wanted() {
                self.write(&url, replace);
            }
        });
    }

    /// The address's query pairs, decoded (for a page that reads its state
    /// back on back and forward, after [`Address::write`] moved the address
    /// past the router's own idea of it).
    pub fn query(self) -> Vec<(String, String)> {
        let memory = self
            .0
            .try_with_value(|m| m.as_ref().and_then(|m| m.memory_address()));
        let search = match memory.flatten() {
            Some(url) => url.search().to_string(),
            None => web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default(),
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&params) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }
}

/// Navigation options for an href that already carries the base path (the
/// router would otherwise prefix the base a second time).
pub fn nav(replace: bool) -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        resolve: false,
        replace,
        ..Default::default()
    }
}

/// Sends `/` (and the bare base path) to the client list.
#[component]
pub fn RedirectToList() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let target = href(path::LIST);
    Effect::new(move |_| navigate(&target, nav(true)));
}
