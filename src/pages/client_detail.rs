use super::client_loader::ClientLoader;
use super::write::{problem_of, refusal_of, Write};
use crate::api::{use_api, ApiError};
use crate::auth::use_auth;
use crate::components::{
    shortened, use_leave_guard, use_toasts, ClientLogo, ConfirmDialog, CopyButton, ExportLinks,
    GuardedButton, GuardedLink, LogoOnRequest, LongText, ProblemView, SecretField, Toasts,
};
use crate::config::AppConfig;
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use nexus_domain::export;
use nexus_domain::field::Kind;
use nexus_domain::permissions::decide;
use nexus_domain::url_rules::{is_allowed_logo, is_displayable_logo, logo_host};
use nexus_domain::{Catalog, ClientAuthMethod, Decision, Field, NexusClient, Operation};

fn text(t: &'static Catalog, label: &'static str, v: Option<&str>) -> AnyView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <LongText text=s.to_string() label=label /> }.into_any(),
        None => view! { <span class="ncc-not-set">{t.detail.not_set}</span> }.into_any(),
    }
}

fn list(t: &'static Catalog, label: &'static str, v: Option<&Vec<String>>) -> AnyView {
    match v.filter(|l| !l.is_empty()) {
        Some(items) => view! {
            <ul class="ncc-plain-list">{items.iter().map(|i| view! { <li><LongText text=i.clone() label=label code=true /></li> }).collect_view()}</ul>
        }
        .into_any(),
        None => view! { <span class="ncc-not-set">{t.detail.not_set}</span> }.into_any(),
    }
}

fn flag(t: &'static Catalog, v: Option<bool>) -> AnyView {
    match v {
        Some(true) => view! { <span>{t.detail.enabled}</span> }.into_any(),
        Some(false) => view! { <span>{t.detail.disabled}</span> }.into_any(),
        None => view! { <span class="ncc-not-set">{t.detail.not_set}</span> }.into_any(),
    }
}

fn seconds(t: &'static Catalog, v: Option<i64>) -> AnyView {
    match v {
        Some(s) => view! { <span>{nexus_domain::display::lifetime(t, s)}</span> }.into_any(),
        None => view! { <span class="ncc-not-set">{t.detail.not_set}</span> }.into_any(),
    }
}

fn row(label: &'static str, value: AnyView) -> impl IntoView {
    view! {
        <div class="ncc-dl__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// A field's row: its registry label, and its value as the kind of field
/// it is (a list one item a line, or a text).
fn field_row(t: &'static Catalog, field: Field, c: &NexusClient) -> impl IntoView {
    let label = field.label(t);
    let value = match field.kind() {
        Kind::List => list(t, label, c.list(field)),
        Kind::Text | Kind::Map => text(t, label, c.text(field)),
    };
    row(label, value)
}

/// The rows of `fields`, in that order.
fn field_rows(t: &'static Catalog, fields: &[Field], c: &NexusClient) -> impl IntoView {
    fields.iter().map(|f| field_row(t, *f, c)).collect_view()
}

/// A rotated secret, with the id of the client it belongs to: it is shown
/// under that client only.
type NewSecret = Option<(String, String)>;

/// Tells of an action on a client that failed after the user left it: its
/// view, where the problem would show, is gone.
fn failed_after_leaving(t: &Catalog, toasts: Toasts, doing: &str, name: &str, e: &ApiError) {
    let why = e.problem(t).title.unwrap_or_default();
    toasts.show((t.detail.failed_after_leaving)(
        doing,
        &shortened(name),
        &why,
    ));
}

/// `/clients/:id`: every field, grouped; secret masked; rotate and delete.
#[component]
pub fn ClientDetailPage() -> impl IntoView {
    // A rotated secret outlives the re-render that shows the rotated client
    // (it is shown once, until the user leaves this client).
    let new_secret = RwSignal::new(NewSecret::None);
    view! {
        <ClientLoader
            on_id_change=Callback::new(move |()| new_secret.set(None))
            render=move |client, replace| view! { <ClientDetail client=client new_secret=new_secret on_changed=replace /> }.into_any()
        />
    }
}

#[component]
fn ClientDetail(
    client: NexusClient,
    new_secret: RwSignal<NewSecret>,
    on_changed: Callback<NexusClient>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let d = &t.detail;
    let api = use_api();
    let auth = use_auth();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let id = client.id.clone().unwrap_or_default();
    let name = client.display_name();
    // Headings and the breadcrumb show a long name cut; Basics shows it whole.
    let short_name = shortened(&name);
    let rotate_open = RwSignal::new(false);
    let delete_open = RwSignal::new(false);
    // Rotate and delete are actions: pending is their busy state, and their
    // last answer gives the problem and any refusal to show. After the
    // await, this view may be gone: the user went back or forward to
    // another client (or elsewhere) meanwhile. `try_set` on one of its
    // signals says so (`Some`: disposed), and the answer is then reported in
    // a toast, never rendered under whatever is on screen now.
    let rotate: Write = {
        let (id, name) = (id.clone(), name.clone());
        Action::new_local(move |_: &()| {
            let (id, name) = (id.clone(), name.clone());
            async move {
                let r = api.rotate_secret(&id).await;
                let left = rotate_open.try_set(false).is_some();
                match &r {
                    Ok(c) if !left => {
                        new_secret.try_set(c.secret.clone().map(|s| (id.clone(), s)));
                        toasts.show(t.detail.rotated);
                        on_changed.try_run(c.clone());
                    }
                    Ok(_) => toasts.show((t.detail.rotated_after_leaving)(&shortened(&name))),
                    Err(e) if left => {
                        failed_after_leaving(t, toasts, t.detail.rotating_of, &name, e)
                    }
                    Err(_) => {}
                }
                r.map(Some)
            }
        })
    };
    let delete: Write = {
        let (id, name) = (id.clone(), name.clone());
        // Resolved now: after the await there is no reactive owner to read context from.
        let list_href = crate::routes::list_href().get_untracked();
        Action::new_local(move |_: &()| {
            let (id, name, list_href) = (id.clone(), name.clone(), list_href.clone());
            let navigate = navigate.clone();
            async move {
                let r = api.delete_client(&id).await;
                let left = delete_open.try_set(false).is_some();
                match &r {
                    Ok(()) => {
                        toasts.show((t.detail.deleted)(&shortened(&name)));
                        // Only from the deleted client's own page: whoever
                        // moved on to another client stays there.
                        if !left {
                            navigate(&list_href, crate::routes::nav(false));
                        }
                    }
                    Err(e) if left => failed_after_leaving(t, toasts, t.detail.deleting, &name, e),
                    Err(_) => {}
                }
                r.map(|()| None)
            }
        })
    };
    let rotating = rotate.pending();
    let deleting = delete.pending();
    // A 403 from the server overrides the local decision for that action.
    let decision = {
        let client = client.clone();
        move |operation: Operation, refused: Option<Memo<Option<String>>>| {
            let client = client.clone();
            Signal::derive(move || match refused.and_then(|r| r.get()) {
                Some(reason) => Decision::Denied(reason),
                None => decide(t, &auth.caller().get(), operation, Some(&client)),
            })
        }
    };
    let edit_decision = decision(Operation::Edit, None);
    let rotate_permission = decision(Operation::RotateSecret, Some(refusal_of(rotate)));
    // Whoever asks, a public or Private Key JWT client has no secret to
    // rotate: the button says so instead of sending a request that fails.
    let no_rotation = client.rotation_unavailable(t);
    let rotate_decision = Signal::derive(move || match no_rotation {
        Some(why) => Decision::Denied(why.to_string()),
        None => rotate_permission.get(),
    });
    let delete_decision = decision(Operation::Delete, Some(refusal_of(delete)));
    // Duplicating is creating: the create permission decides.
    let duplicate_decision =
        Signal::derive(move || decide(t, &auth.caller().get(), Operation::Create, None));
    // Seeing a secret takes what rotating it takes (as on the stand-in).
    let secret_decision = Signal::derive(move || match rotate_permission.get() {
        Decision::Denied(why) => Decision::Denied((t.detail.only_rotators_see)(&why)),
        allowed => allowed,
    });
    // One problem at a time: that of the action asked for last.
    let last_asked = RwSignal::new(None::<Operation>);
    let (rotate_problem, delete_problem) = (
        problem_of(rotate, Operation::RotateSecret),
        problem_of(delete, Operation::Delete),
    );
    let action_problem = Signal::derive(move || match last_asked.get() {
        Some(Operation::RotateSecret) => rotate_problem.get(),
        Some(Operation::Delete) => delete_problem.get(),
        _ => None,
    });

    // Leaving while a rotation is on its way asks first: its answer carries
    // the new secret, shown once and only here.
    use_leave_guard(Signal::derive(move || {
        rotating.get().then_some(t.detail.rotating_question)
    }));

    let do_rotate = move || {
        last_asked.set(Some(Operation::RotateSecret));
        rotate.dispatch(());
    };
    let do_delete = move || {
        last_asked.set(Some(Operation::Delete));
        delete.dispatch(());
    };

    let c = client.clone();
    // A logo loads by itself only from the deployment's logo hosts.
    let logo = c.logo_url.clone().filter(|l| is_displayable_logo(l));
    let logo_allowed = logo.as_deref().is_some_and(|l| {
        with_context::<AppConfig, _>(|cfg| is_allowed_logo(l, &cfg.logo_hosts)).unwrap_or(false)
    });
    let logo_request = logo
        .clone()
        .filter(|_| !logo_allowed)
        .map(|l| (logo_host(&l).unwrap_or_else(|| l.clone()), l));
    let mobile = c.mobile.clone().unwrap_or_default();
    // The Mobile card only where it applies (native apps), or where the
    // server holds mobile values anyway (nothing it sent is hidden).
    let show_mobile = Field::IosTeamId.applies_to(c.kind().as_ref()) || !mobile.is_empty();
    let auth_method = c.client_auth_method.clone();
    let is_pkj = auth_method == Some(ClientAuthMethod::PrivateKeyJwt);
    // What to type to confirm: the name, unless it is too long to type.
    let delete_name = nexus_domain::display::delete_confirmation(&name, &id);
    let secret_for = id.clone();
    view! {
        <section class="ncc-page" aria-labelledby=crate::dom::id("detail-title")>
            <nav class="ncc-breadcrumb" aria-label=d.breadcrumb>
                <a href=crate::routes::list_href()>{d.clients}</a>
                <span aria-hidden="true">" / "</span>
                <span aria-current="page">{short_name.clone()}</span>
            </nav>
            <div class="ncc-page__head">
                {logo.filter(|_| logo_allowed).map(|l| view! { <ClientLogo url=l /> })}
                <h1 id=crate::dom::id("detail-title")>{short_name.clone()}</h1>
                {c.is_terraform_managed().then(|| view! { <span class="ncc-badge ncc-badge--warn">{d.terraform_managed}</span> })}
                <span class="ncc-page__spacer"></span>
                <GuardedLink label=d.edit href=href(&path::edit(&id)) decision=edit_decision />
                <GuardedLink label=d.duplicate href=format!("{}?from={}", href(path::NEW), crate::routes::encode_query(&id))
                    decision=duplicate_decision class="ncc-btn ncc-btn--secondary" />
                <GuardedButton label=d.rotate_secret decision=rotate_decision busy=rotating class="ncc-btn ncc-btn--secondary"
                    on_click=move || rotate_open.set(true) />
                <GuardedButton label=d.delete decision=delete_decision busy=deleting class="ncc-btn ncc-btn--danger"
                    on_click=move || delete_open.set(true) />
            </div>
            {c.is_terraform_managed().then(|| view! {
                <p class="ncc-warning" role="note">
                    <strong>{d.terraform_strong}</strong>
                    {d.terraform_warning}
                </p>
            })}
            {move || action_problem.get().map(|p| view! { <ProblemView problem=p /> })}
            {move || new_secret.get().filter(|(for_id, _)| *for_id == secret_for).map(|(_, s)| view! {
                // A region, not an alert: an alert would read the secret aloud.
                <section class="ncc-secret-once" aria-labelledby=crate::dom::id("new-secret-title")>
                    <h2 id=crate::dom::id("new-secret-title")>{d.new_secret}</h2>
                    <p role="alert"><strong>{d.copy_now}</strong></p>
                    <div class="ncc-secret-once__row">
                        <code class="ncc-secret-once__value">{s.clone()}</code>
                        <CopyButton text=s label=d.copy_new_secret />
                    </div>
                </section>
            })}
            <div class="ncc-groups">
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-basics")>
                    <h2 id=crate::dom::id("g-basics")>{d.basics}</h2>
                    <dl class="ncc-dl">
                        {field_row(t, Field::Name, &c)}
                        <div class="ncc-dl__row">
                            <dt>{d.client_id}</dt>
                            <dd>
                                <LongText text=id.clone() label=d.client_id code=true />
                                <CopyButton text=id.clone() label=d.copy_client_id />
                            </dd>
                        </div>
                        <div class="ncc-dl__row">
                            <dt>{d.client_secret}</dt>
                            <dd>
                                {
                                    let secret = c.secret.clone().filter(|s| !s.is_empty());
                                    let public = c.is_public();
                                    move || match (secret.clone(), secret_decision.with(Decision::is_allowed)) {
                                        (None, _) if public => view! { <span class="ncc-not-set">{d.public_no_secret}</span> }.into_any(),
                                        (Some(s), _) => view! { <SecretField secret=s decision=secret_decision /> }.into_any(),
                                        // Left out by the server for a caller who may not rotate it.
                                        (None, false) => view! { <SecretField secret="" decision=secret_decision /> }.into_any(),
                                        (None, true) => view! { <span class="ncc-not-set">{t.detail.not_set}</span> }.into_any(),
                                    }
                                }
                            </dd>
                        </div>
                        {row(d.type_, match c.kind() { Some(k) => view! { <span>{format!("{} ({})", k.label(t), k.as_str())}</span> }.into_any(), None => text(t, d.type_, None) })}
                        {row(d.auth_method, text(t, d.auth_method, auth_method.as_ref().map(|m| m.label(t)).as_deref()))}
                        {field_rows(t, &[Field::ProductName, Field::ApplicationName, Field::Owners], &c)}
                        {row(d.managed_by, view! { <span>{match c.manually_created { Some(false) => d.terraform, Some(true) => d.manual, None => d.manual_unstated }}</span> }.into_any())}
                        {row(Field::LogoUri.label(t), view! {
                            {text(t, Field::LogoUri.label(t), c.text(Field::LogoUri))}
                            {logo_request.map(|(host, url)| view! { <LogoOnRequest url=url host=host /> })}
                        }.into_any())}
                    </dl>
                </section>
                <section class="ncc-card ncc-card--wide" aria-labelledby=crate::dom::id("g-uris")>
                    <h2 id=crate::dom::id("g-uris")>{d.app_uris}</h2>
                    <dl class="ncc-dl">
                        {field_rows(t, &[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins], &c)}
                        {row(d.cross_origin, flag(t, c.allow_cross_origin_authentication))}
                    </dl>
                </section>
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-grants")>
                    <h2 id=crate::dom::id("g-grants")>{d.grant_types}</h2>
                    <dl class="ncc-dl">{field_row(t, Field::GrantTypes, &c)}</dl>
                </section>
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-tokens")>
                    <h2 id=crate::dom::id("g-tokens")>{d.tokens}</h2>
                    <dl class="ncc-dl">
                        {row(d.id_token_lifetime, seconds(t, c.id_token_expiration))}
                        {row(d.refresh_rotation, flag(t, c.is_refresh_token_rotation_enabled))}
                        {row(d.reuse_interval, seconds(t, c.refresh_token_reuse_interval))}
                        {row(d.absolute_expiration, flag(t, c.is_refresh_token_absolute_expiration_enabled))}
                        {row(d.absolute_lifetime, seconds(t, c.refresh_token_absolute_lifetime))}
                        {row(d.inactivity_expiration, flag(t, c.is_refresh_token_inactivity_lifetime_enabled))}
                        {row(d.inactivity_lifetime, seconds(t, c.refresh_token_inactivity_lifetime))}
                    </dl>
                </section>
                {show_mobile.then(|| view! {
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-mobile")>
                    <h2 id=crate::dom::id("g-mobile")>{d.mobile}</h2>
                    <dl class="ncc-dl">
                        {field_rows(t, &[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName], &c)}
                    </dl>
                </section>
                })}
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-meta")>
                    <h2 id=crate::dom::id("g-meta")>{d.metadata}</h2>
                    <dl class="ncc-dl">
                        {field_row(t, Field::ClientUpnKey, &c)}
                    </dl>
                </section>
                <section class="ncc-card" aria-labelledby=crate::dom::id("g-export")>
                    <h2 id=crate::dom::id("g-export")>{d.export}</h2>
                    <p class="ncc-muted">{d.export_hint}</p>
                    <ExportLinks text=export::client_json(&c) file_name=export::file_name(&c.display_name(), "client.json")
                        mime="application/json" what="JSON" />
                </section>
            </div>
            <ConfirmDialog open=rotate_open title=d.rotate_title confirm_label=d.rotate_secret busy=rotating danger=true on_confirm=do_rotate>
                {move || if is_pkj {
                    view! { <p>{t.detail.rotate_pkj}</p> }.into_any()
                } else {
                    view! { <p>{t.detail.rotate_text}</p> }.into_any()
                }}
            </ConfirmDialog>
            <ConfirmDialog open=delete_open title=d.delete_title confirm_label=d.delete_client confirm_text=delete_name busy=deleting danger=true on_confirm=do_delete>
                <p>{d.delete_text}</p>
            </ConfirmDialog>
        </section>
    }
}
