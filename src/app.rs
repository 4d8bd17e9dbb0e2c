//! The root: configuration, then the session, the API and the routes.

use crate::api::NexusApi;
use crate::auth::{use_auth, Auth, HostTokenSource, Persist};
use crate::components::{provide_toasts, ToastRegion};
use crate::config::{load_config, AppConfig, AuthMode, ConfigError};
use crate::embed::ConfigSource;
use crate::pages::{
    ClientDetailPage, ClientsListPage, ConfigErrorPage, CreateClientPage, EditClientPage,
    NotFoundPage, ReauthDialog, SignInPage,
};
use crate::routes::{href, path, BasePath, RedirectToList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

/// Mounts the console into `#nexus-clients-console` (index.html).
pub fn start_standalone() {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("nexus-clients-console"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        // Not the console's own index.html: a host page embeds it via mount().
        return;
    };
    crate::fatal::install(&el);
    el.set_inner_html("");
    leptos::mount::mount_to(el, || view! { <Root host=None /> }).forget();
}

/// What an embedding host passes to `mount(element, options)`.
pub struct HostOptions {
    pub config: crate::embed::ConfigSource,
    pub get_token: Option<HostTokenSource>,
}

#[derive(Clone)]
enum ConfigState {
    Loading,
    Ready(AppConfig),
    Failed(ConfigError),
}

/// Loads the configuration, then renders the console or the error page.
#[component]
pub fn Root(host: Option<HostOptions>) -> impl IntoView {
    let state = RwSignal::new_local(ConfigState::Loading);
    let embedded = host.is_some();
    let (source, get_token) = match host {
        Some(h) => (h.config, h.get_token),
        None => (ConfigSource::Url("config.json".into()), None),
    };
    // Embedded, the console routes only under its base path: without one,
    // the router would take every same-origin link of the host page.
    let checked = move |cfg: AppConfig| {
        match cfg.base_path {
        None if embedded => ConfigState::Failed(ConfigError {
            title: "The embedding options are invalid".into(),
            details: vec![
                "basePath is required when the console is embedded: the path under which the host page shows it, such as /portal/clients (links outside it stay the host page's)."
                    .into(),
            ],
        }),
        _ => ConfigState::Ready(cfg),
    }
    };
    match source {
        ConfigSource::Given(given) => match *given {
            Ok(cfg) => state.set(checked(cfg)),
            Err(mut e) => {
                e.title = "The embedding options are invalid".into();
                state.set(ConfigState::Failed(e));
            }
        },
        ConfigSource::Url(url) => spawn_local(async move {
            let loaded = load_config(&url).await;
            state.try_set(match loaded {
                Ok(c) => checked(c),
                Err(e) => ConfigState::Failed(e),
            });
        }),
    }
    move || match state.get() {
        ConfigState::Loading => view! {
            <div class="ncc-splash" role="status" aria-live="polite">
                <span class="ncc-spinner" aria-hidden="true"></span>
                "Loading the console\u{2026}"
            </div>
        }
        .into_any(),
        ConfigState::Failed(e) => view! { <ConfigErrorPage error=e /> }.into_any(),
        ConfigState::Ready(cfg) => {
            view! { <Console config=cfg get_token=get_token.clone() embedded=embedded /> }
                .into_any()
        }
    }
}

/// The console once configured: session, API, router.
#[component]
fn Console(config: AppConfig, get_token: Option<HostTokenSource>, embedded: bool) -> impl IntoView {
    // Standalone, the base comes from index.html's <base href>. Embedded, the
    // host page's URL says nothing about it: the host must pass basePath
    // (`Root` refuses an embedding without one).
    let base = match config.base_path.clone() {
        Some(b) => b.trim_end_matches('/').to_string(),
        None => crate::dom::base_path(),
    };
    provide_context(BasePath(base.clone()));
    let host_mode = config.auth_mode == AuthMode::Host || get_token.is_some();
    let persist = if embedded {
        Persist::Nothing
    } else {
        Persist::Session {
            api_base: config.api_base(),
            tenant: config.tenant_id.clone(),
        }
    };
    let auth = Auth::new(config.claim_names.clone(), get_token, persist);
    provide_context(auth);
    provide_context(NexusApi::new(&config, config.tenant_id.clone(), auth));
    provide_context(config);
    provide_toasts();
    crate::routes::provide_list_return();
    // Before <Router>: its popstate listener must come second.
    crate::components::install_history_guard();
    view! {
        <Router base=base>
            <Show when=move || host_mode || auth.is_signed_in() fallback=|| view! { <SignInPage /> }>
                <Shell embedded=embedded />
            </Show>
            <ReauthDialog />
            <ToastRegion />
        </Router>
    }
}

/// Header (tenant, caller, sign out) and the routed page.
#[component]
fn Shell(embedded: bool) -> impl IntoView {
    let auth = use_auth();
    let config = expect_context::<AppConfig>();
    let tenant = config.tenant_id.clone();
    let who = move || {
        let caller = auth.caller().get();
        let label = auth.label();
        match (&caller, label) {
            (_, Some(l)) => l,
            (nexus_domain::Caller::Known(c), None) => c
                .name
                .clone()
                .or_else(|| c.user_id.clone())
                .unwrap_or_else(|| "Signed in".into()),
            (nexus_domain::Caller::Unknown, None) => {
                auth.describe().unwrap_or_else(|| "Signed in".into())
            }
        }
    };
    let perms = move || match auth.caller().get() {
        nexus_domain::Caller::Known(c) if !c.permissions.is_empty() => c.permissions.join(", "),
        nexus_domain::Caller::Known(_) => "no permissions in token".into(),
        nexus_domain::Caller::Unknown => "permissions unknown (checked by the server)".into(),
    };
    let host_managed = auth.is_host_managed();
    crate::components::use_page_heading(embedded);
    let home = href(path::LIST);
    view! {
        <div class="ncc-app">
            <a class="ncc-skip" href="#ncc-main">"Skip to content"</a>
            <header class="ncc-header">
                <a class="ncc-brand" href=home>
                    <span class="ncc-brand__mark" aria-hidden="true">"N"</span>
                    "Nexus Clients"
                </a>
                <span class="ncc-header__tenant">
                    <span class="ncc-muted">"Tenant "</span>
                    <code>{tenant}</code>
                </span>
                <span class="ncc-header__spacer"></span>
                <span class="ncc-header__caller">
                    <span class="ncc-visually-hidden">"Signed in as "</span>
                    <span class="ncc-header__who">{who}</span>
                    <span class="ncc-header__perms ncc-muted">{perms}</span>
                </span>
                {(!host_managed).then(|| view! {
                    <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small" data-leaves-page="true" on:click=move |_| auth.sign_out()>
                        "Sign out"
                    </button>
                })}
            </header>
            <main id="ncc-main" class="ncc-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("") view=RedirectToList />
                    <Route path=path!("/") view=RedirectToList />
                    <Route path=path!("/clients") view=ClientsListPage />
                    <Route path=path!("/clients/new") view=CreateClientPage />
                    <Route path=path!("/clients/:id") view=ClientDetailPage />
                    <Route path=path!("/clients/:id/edit") view=EditClientPage />
                </Routes>
            </main>
        </div>
    }
}
