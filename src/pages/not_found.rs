use crate::routes::{href, path};
use leptos::prelude::*;

/// No route matches, or the client does not exist.
#[component]
pub fn NotFoundPage(#[prop(optional, into)] message: Option<String>) -> impl IntoView {
    let message = message.unwrap_or_else(|| "There is no page at this address.".into());
    view! {
        <section class="ncc-card ncc-not-found" aria-labelledby="ncc-nf-title">
            <h1 id="ncc-nf-title">"Not found"</h1>
            <p>{message}</p>
            <a class="ncc-btn" href=href(path::LIST)>"Back to the client list"</a>
        </section>
    }
}
