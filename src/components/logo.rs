//! A client's logo. It loads by itself only from a host the deployment lists
//! (config.json `logoHosts`, which the CSP's `img-src` lists too): loading an
//! image from anywhere else tells that host who viewed the client, and when.
//! Any other logo is shown as its URL, with a button to load it once.

use super::shortened;
use crate::dom::unique_id;
use leptos::prelude::*;

/// The logo of a listed host; hidden rather than shown broken.
#[component]
pub fn ClientLogo(#[prop(into)] url: String) -> impl IntoView {
    let failed = RwSignal::new(false);
    view! {
        <img class="ncc-logo" class:ncc-hidden=move || failed.get() src=url alt="" width="40" height="40"
            on:error=move |_| failed.set(true) />
    }
}

/// A logo on a host that is not listed: a "Load logo" button saying why it
/// did not load by itself; once pressed, the logo, or why it did not load.
#[component]
pub fn LogoOnRequest(
    #[prop(into)] url: String,
    /// The logo's host, as the user should read it (`logos.example.net`).
    #[prop(into)]
    host: String,
) -> impl IntoView {
    let hint_id = unique_id("logo-hint");
    let t = crate::i18n::t();
    let hint = (t.common.logo_not_loaded)(&shortened(&host));
    let wanted = RwSignal::new(false);
    let failed = RwSignal::new(false);
    move || {
        match (wanted.get(), failed.get()) {
        (false, _) => view! {
            <div class="ncc-logo-request">
                <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small" aria-describedby=hint_id.clone()
                    on:click=move |_| wanted.set(true)>
                    {t.common.load_logo}
                </button>
                <p id=hint_id.clone() class="ncc-field__hint">{hint.clone()}</p>
            </div>
        }
        .into_any(),
        (true, false) => view! {
            <div class="ncc-logo-request">
                <img class="ncc-logo" src=url.clone() alt="" width="40" height="40" on:error=move |_| failed.set(true) />
            </div>
        }
        .into_any(),
        (true, true) => view! {
            <p class="ncc-field__hint">
                {t.common.logo_failed}
            </p>
        }
        .into_any(),
    }
    }
}
