//! A client's logo. It loads by itself only from a host the deployment lists
//! (config.json `logoHosts`, which the CSP's `img-src` lists too): loading an
//! image from anywhere else tells that host who viewed the client, and when.
//! Any other logo is shown as its URL, with a button to load it once.

use crate::dom::unique_id;
use leptos::prelude::*;

/// Whether the logo is wanted on screen, and whether loading it failed.
#[derive(Clone, Copy)]
pub struct LogoState {
    /// True when the logo may load: its host is listed, or the user asked.
    pub wanted: RwSignal<bool>,
    /// True once the image failed (unreachable, or refused by the CSP).
    pub failed: RwSignal<bool>,
}

impl LogoState {
    /// `allowed`: the logo's host is one of the deployment's logo hosts.
    pub fn new(allowed: bool) -> Self {
        LogoState {
            wanted: RwSignal::new(allowed),
            failed: RwSignal::new(false),
        }
    }
}

/// The logo image, once it is wanted; hidden rather than shown broken.
#[component]
pub fn ClientLogo(#[prop(into)] url: String, state: LogoState) -> impl IntoView {
    let failed = state.failed;
    view! {
        <Show when=move || state.wanted.get()>
            <img class="ncc-logo" class:ncc-hidden=move || failed.get() src=url.clone() alt="" width="40" height="40"
                on:error=move |_| failed.set(true) />
        </Show>
    }
}

/// For a logo on a host that is not listed: the "Load logo" button, with
/// why it did not load by itself; then, if loading fails, why not.
#[component]
pub fn LogoOnRequest(
    /// The logo's host, as the user should read it (`logos.example.net`).
    #[prop(into)]
    host: String,
    state: LogoState,
) -> impl IntoView {
    let hint_id = unique_id("logo-hint");
    let hint = format!(
        "Not loaded: {host} is not one of this console's logo hosts, and loading the image tells that host who viewed this client, and when."
    );
    let LogoState { wanted, failed } = state;
    view! {
        <Show
            when=move || wanted.get()
            fallback=move || view! {
                <div class="ncc-logo-request">
                    <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small" aria-describedby=hint_id.clone()
                        on:click=move |_| wanted.set(true)>
                        "Load logo"
                    </button>
                    <p id=hint_id.clone() class="ncc-field__hint">{hint.clone()}</p>
                </div>
            }
        >
            <Show when=move || failed.get()>
                <p class="ncc-field__hint" role="status">
                    "The logo could not be loaded: its host did not answer, or this site's security policy does not allow images from it."
                </p>
            </Show>
        </Show>
    }
}
