use crate::routes::{href, path};
use leptos::prelude::*;

/// No route matches, or the client does not exist.
#[component]
pub fn NotFoundPage(#[prop(optional, into)] message: Option<String>) -> impl IntoView {
    let t = crate::i18n::t();
    let message = message.unwrap_or_else(|| t.shell.not_found_text.into());
    view! {
        <section class="ncc-card ncc-not-found" aria-labelledby=crate::dom::id("nf-title")>
            <h1 id=crate::dom::id("nf-title")>{t.shell.not_found_title}</h1>
            <p>{message}</p>
            <a class="ncc-btn" href=href(path::LIST)>{t.shell.back_to_list}</a>
        </section>
    }
}
