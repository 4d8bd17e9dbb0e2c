//! The console's routes, as paths relative to the router base, and the
//! helpers that turn them into hrefs under the base path.

use leptos::prelude::*;

/// The base path the console is served under ("" at the root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath(pub String);

/// The route paths.
pub mod path {
    pub const LIST: &str = "/clients";
    pub const NEW: &str = "/clients/new";

    pub fn detail(id: &str) -> String {
        format!("/clients/{}", super::encode_segment(id))
    }

    pub fn edit(id: &str) -> String {
        format!("/clients/{}/edit", super::encode_segment(id))
    }
}

/// Percent-encodes a path segment (client ids are opaque strings).
pub fn encode_segment(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Percent-encodes a query component.
pub fn encode_query(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// An href under the base path for a route path.
pub fn href(route: &str) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    format!("{base}{route}")
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

/// The path (with query and fragment) to navigate to in the app for a click
/// on a link whose resolved `href` is given, or `None` to let the browser (or
/// the router) have it: another origin, or outside the base path.
///
/// The path is kept exactly as written, still percent-encoded. leptos_router
/// 0.8's own link handler passes the path through `decodeURI` before
/// navigating, and its params are decoded again when matched: an id holding
/// `%` was decoded twice (`%253C` → `%3C` → `<`). Navigating with the raw
/// path leaves the single decode of the params.
pub fn internal_link_target(href: &str, origin: &str, base: &str) -> Option<String> {
    let rest = href.strip_prefix(origin)?;
    if !(rest.is_empty() || rest.starts_with(['/', '?', '#'])) {
        return None; // `https://host.evil` is not `https://host`
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];
    let base = base.trim_end_matches('/');
    let under_base = base.is_empty()
        || path == base
        || path.strip_prefix(base).is_some_and(|r| r.starts_with('/'));
    (under_base && path.starts_with('/')).then(|| rest.to_string())
}

/// A click handler for the app's root: follows in-app links itself, with the
/// path as written (see [`internal_link_target`]), before the router's
/// window-level handler would decode it; it skips what the router skips.
pub fn follow_links_once_decoded() -> impl Fn(web_sys::MouseEvent) + 'static {
    use wasm_bindgen::JsCast;
    let navigate = leptos_router::hooks::use_navigate();
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let path = ev.composed_path();
        let Some(a) = (0..path.length())
            .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let raw = a.get_attribute("href").unwrap_or_default();
        let rel = a.get_attribute("rel").unwrap_or_default();
        if raw.is_empty()
            || raw.starts_with('#')
            || !a.target().is_empty()
            || a.has_attribute("download")
            || rel.split_ascii_whitespace().any(|r| r == "external")
        {
            return;
        }
        let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
            return;
        };
        if let Some(to) = internal_link_target(&a.href(), &origin, &base) {
            ev.prevent_default();
            navigate(&to, nav(false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::internal_link_target as t;

    #[test]
    fn in_app_links_keep_their_encoding() {
        let o = "https://c.example";
        assert_eq!(
            t("https://c.example/clients/%253C%2F%3F%23%20%C3%A9", o, "").as_deref(),
            Some("/clients/%253C%2F%3F%23%20%C3%A9")
        );
        assert_eq!(
            t("https://c.example/admin/clients/a?q=1#x", o, "/admin").as_deref(),
            Some("/admin/clients/a?q=1#x")
        );
        assert_eq!(t("https://c.example/admin-old/x", o, "/admin"), None);
        assert_eq!(t("https://c.example.evil/clients", o, ""), None);
        assert_eq!(t("https://other.example/clients", o, ""), None);
    }
}
