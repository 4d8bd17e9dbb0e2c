//! The root: configuration, then the session, the API and the routes.

use crate::api::NexusApi;
use crate::auth::{use_auth, Auth, HostTokenSource, Persist};
use crate::components::{provide_toasts, ToastRegion};
use crate::config::{load_config, parse_config, AppConfig, AuthMode, ConfigError, Routing};
use crate::embed::ConfigSource;
use crate::pages::{
    ClientsListPage, ConfigErrorPage, NotFoundPage, ReauthDialog, SignInPage, SplitCreatePage,
    SplitDetailPage, SplitEditPage,
};
use crate::routes::{href, path, BasePath, RedirectToList};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::location::InMemory;
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
    // Standalone, the console lives as long as the page.
    std::mem::forget(crate::fatal::install(&el));
    el.set_inner_html("");
    let root = el.clone();
    leptos::mount::mount_to(el, move || view! { <Root root=root host=None /> }).forget();
}

/// What an embedding host passes to `mount(element, options)`.
pub struct HostOptions {
    pub config: crate::embed::ConfigSource,
    pub get_token: Option<HostTokenSource>,
    /// `locale` (or the custom element's `lang`).
    pub locale: Option<String>,
}

/// Loads the configuration, then renders the console or the error page.
/// `root` is the element the console is mounted into: its per-console
/// state ([`crate::dom::ConsoleRoot`]) starts here.
#[component]
pub fn Root(root: web_sys::HtmlElement, host: Option<HostOptions>) -> impl IntoView {
    crate::dom::ConsoleRoot::provide(&root);
    let embedded = host.is_some();
    let (source, get_token, locale) = match host {
        Some(h) => (h.config, h.get_token, h.locale),
        None => (ConfigSource::Url("config.json".into()), None, None),
    };
    // Until config.json is read: the host's choice or the page's language
    // (English while German's code is on its way: a moment, on a first
    // visit only).
    let first = crate::i18n::choose(locale.as_deref(), None, embedded);
    let t = crate::i18n::provide(crate::i18n::catalog_now(first), Some(&root));
    let config = LocalResource::new(move || {
        let source = source.clone();
        let locale = locale.clone();
        async move {
            let t = crate::i18n::load(first).await;
            let cfg = read_config(t, source, embedded).await;
            // config.json may name another language.
            let lang = match &cfg {
                Ok(cfg) => crate::i18n::choose(locale.as_deref(), cfg.locale.as_deref(), embedded),
                Err(_) => first,
            };
            (cfg, crate::i18n::load(lang).await)
        }
    });
    move || match config.get() {
        None => view! { <crate::components::Splash label=t.shell.loading_console /> }.into_any(),
        Some((Err(e), t)) => {
            crate::i18n::provide(t, Some(&root));
            view! { <ConfigErrorPage error=e /> }.into_any()
        }
        Some((Ok(cfg), t)) => {
            view! { <Console config=cfg get_token=get_token.clone() embedded=embedded t=t /> }
                .into_any()
        }
    }
}

/// The configuration from the host's options or from config.json, worded
/// in `t`. Embedded in the page's address, the console routes only under
/// its base path: without one, the router would take every same-origin link
/// of the host page. (Routed in memory, it takes only its own links.)
async fn read_config(
    t: &'static crate::i18n::Catalog,
    source: ConfigSource,
    embedded: bool,
) -> Result<AppConfig, ConfigError> {
    let cfg = match source {
        ConfigSource::Given(json) => parse_config(t, &json).map_err(|mut e| {
            e.title = t.shell.embedding_invalid.into();
            e
        }),
        ConfigSource::Url(url) => load_config(t, &url).await,
    }?;
    match cfg.base_path {
        None if embedded && cfg.routing() == Routing::Browser => Err(ConfigError {
            title: t.shell.embedding_invalid.into(),
            details: vec![t.shell.base_path_required.into()],
        }),
        _ => Ok(cfg),
    }
}

/// The console once configured: session, API, router.
#[component]
fn Console(
    config: AppConfig,
    get_token: Option<HostTokenSource>,
    embedded: bool,
    /// The console's language, its code already here.
    t: &'static crate::i18n::Catalog,
) -> impl IntoView {
    let root = crate::dom::use_root().element();
    let t = crate::i18n::provide(t, root.as_deref());
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
    let routing = config.routing();
    let auth = Auth::new(config.claim_names.clone(), get_token, persist);
    provide_context(auth);
    provide_context(NexusApi::new(&config, config.tenant_id.clone(), auth, t));
    provide_context(config);
    provide_toasts();
    crate::routes::provide_list_return();
    // Routed in memory, the router keeps its location to itself and
    // follows the links clicked inside this console only.
    let memory = match routing {
        Routing::Memory => root.clone().map(|el| InMemory {
            start: format!("{base}{}", path::LIST),
            links: send_wrapper::SendWrapper::new(el.into()),
        }),
        Routing::Browser => None,
    };
    // Before <Router>: its popstate listener must come second.
    crate::components::provide_leave_guards(memory.is_none());
    view! {
        <Router base=base memory=memory>
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
    let t = crate::i18n::t();
    let who = move || {
        let caller = auth.caller().get();
        let label = auth.label();
        match (&caller, label) {
            (_, Some(l)) => l,
            (nexus_domain::Caller::Known(c), None) => c
                .name
                .clone()
                .or_else(|| c.user_id.clone())
                .unwrap_or_else(|| t.shell.signed_in.into()),
            (nexus_domain::Caller::Unknown, None) => {
                auth.describe(t).unwrap_or_else(|| t.shell.signed_in.into())
            }
        }
    };
    let perms = move || match auth.caller().get() {
        nexus_domain::Caller::Known(c) if !c.permissions.is_empty() => c.permissions.join(", "),
        nexus_domain::Caller::Known(_) => t.shell.no_permissions.into(),
        nexus_domain::Caller::Unknown => t.shell.permissions_unknown.into(),
    };
    let session = move || match auth.caller().get() {
        nexus_domain::Caller::Known(c) => c
            .expires_at
            .map(|exp| (t.shell.session_until)(&crate::i18n::datetime(t, exp))),
        nexus_domain::Caller::Unknown => None,
    };
    let host_managed = auth.is_host_managed();
    crate::components::use_page_heading(embedded);
    crate::pages::provide_list_selection();
    let home = href(path::LIST);
    // The skip link moves focus itself: a "#…" link is the host page's
    // address plus a fragment, which no router of an embedded console owns,
    // and a fragment does not reach into a shadow root.
    let root = crate::dom::use_root();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        root.focus_id(&root.id("main"));
    };
    view! {
        <div class="ncc-app">
            <a class="ncc-skip" href=format!("#{}", crate::dom::id("main")) data-guard-exempt="" on:click=skip>{t.shell.skip}</a>
            <header class="ncc-header">
                <a class="ncc-brand" href=home>
                    <span class="ncc-brand__mark" aria-hidden="true">"N"</span>
                    {t.shell.brand}
                </a>
                <span class="ncc-header__tenant">
                    <span class="ncc-muted">{t.shell.tenant}</span>
                    <code>{tenant}</code>
                </span>
                <span class="ncc-header__spacer"></span>
                <span class="ncc-header__caller">
                    <span class="ncc-visually-hidden">{t.shell.signed_in_as}</span>
                    <span class="ncc-header__who">{who}</span>
                    <span class="ncc-header__perms ncc-muted">{perms}</span>
                    <span class="ncc-header__perms ncc-header__session ncc-muted">{session}</span>
                </span>
                {(!host_managed).then(|| view! {
                    <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small" data-leaves-page="true" on:click=move |_| auth.sign_out()>
                        {t.shell.sign_out}
                    </button>
                })}
            </header>
            <main id=crate::dom::id("main") class="ncc-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("") view=RedirectToList />
                    <Route path=path!("/") view=RedirectToList />
                    <Route path=path!("/clients") view=ClientsListPage />
                    <Route path=path!("/clients/new") view=SplitCreatePage />
                    <Route path=path!("/clients/:id") view=SplitDetailPage />
                    <Route path=path!("/clients/:id/edit") view=SplitEditPage />
                </Routes>
            </main>
        </div>
    }
}
