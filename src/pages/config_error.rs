use crate::config::ConfigError;
use leptos::prelude::*;

/// Shown when config.json is missing, unreachable or invalid.
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let t = crate::i18n::t();
    view! {
        <div class="ncc-center">
            <section class="ncc-card ncc-config-error" role="alert" aria-labelledby=crate::dom::id("config-error-title")>
                <h1 id=crate::dom::id("config-error-title")>{error.title}</h1>
                <ul>
                    {error.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
                <p class="ncc-muted">
                    {t.shell.config_intro}
                </p>
            </section>
        </div>
    }
}
