//! The console's language: chosen once per mounted console and provided as
//! context, so two consoles on one page may speak differently. The catalog
//! itself is `nexus_domain::i18n` (its messages are the domain's too).
//!
//! Views call [`t`] once in their body and keep the `&'static Catalog` (it
//! is `Copy`) in their closures.

use crate::chunks::{split_fn, ChunkError};
use leptos::prelude::*;
pub use nexus_domain::i18n::{Catalog, Locale, EN};

/// The chosen catalog, as context.
#[derive(Clone, Copy)]
pub struct Lang(pub &'static Catalog);

/// The catalog of the console being rendered (English outside one).
pub fn t() -> &'static Catalog {
    use_context::<Lang>().map_or(&EN, |l| l.0)
}

/// Picks the locale: the host's choice (the `locale` option or the
/// element's `lang`), then config.json's `locale`, then, embedded, the host
/// page's `<html lang>`, then the browser's languages; English otherwise.
/// The standalone page's own `lang="en"` (index.html) is not a choice: it
/// would hide a German browser's languages.
pub fn choose(host: Option<&str>, config: Option<&str>, embedded: bool) -> Locale {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .filter(|_| embedded)
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    let preferred: Vec<String> = window
        .map(|w| w.navigator().languages())
        .map(|l| l.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Locale::choose(
        [host, config, page.as_deref()],
        preferred.iter().map(String::as_str),
    )
}

// German comes in a wasm chunk of its own (crate::chunks): an English
// reader never downloads it.
split_fn!(
    i18n_de,
    fn german() -> &'static Catalog {
        &nexus_domain::i18n::DE
    }
);

/// German's catalog once its chunk is in. Loaded code is the page's, not a
/// console's: a second German console finds it here.
static GERMAN: std::sync::OnceLock<&'static Catalog> = std::sync::OnceLock::new();

/// `locale`'s catalog if its code is here (English always is), else
/// English. For what must be said at once (a panic notice).
pub fn catalog_now(locale: Locale) -> &'static Catalog {
    match locale {
        Locale::En => &EN,
        Locale::De => GERMAN.get().copied().unwrap_or(&EN),
    }
}

/// `locale`'s catalog, its chunk fetched if need be. A chunk that does not
/// arrive leaves the console in English rather than not starting it.
pub async fn load(locale: Locale) -> &'static Catalog {
    match locale {
        Locale::En => &EN,
        Locale::De => match german().await {
            Ok(t) => *GERMAN.get_or_init(|| t),
            Err(ChunkError) => &EN,
        },
    }
}

/// Provides `catalog` to the views below and sets `lang` on the console's
/// root element.
pub fn provide(catalog: &'static Catalog, root: Option<&web_sys::Element>) -> &'static Catalog {
    provide_context(Lang(catalog));
    if let Some(el) = root {
        let _ = el.set_attribute("lang", catalog.tag);
    }
    catalog
}

/// A moment (Unix seconds) in the browser's time zone, as `t` writes it.
pub fn datetime(t: &Catalog, unix: i64) -> String {
    let offset = -(js_sys::Date::new(&((unix as f64) * 1000.0).into()).get_timezone_offset());
    let at = nexus_domain::i18n::CivilTime::from_unix(unix, offset as i32);
    (t.datetime)(&at)
}
