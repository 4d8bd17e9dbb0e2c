use super::client_loader::ClientLoader;
use crate::api::{use_api, ApiError};
use crate::auth::use_auth;
use crate::components::{
    shortened, use_leave_guard, use_toasts, ClientLogo, ConfirmDialog, CopyButton, ExportLinks,
    GuardedButton, GuardedLink, LogoOnRequest, LongText, ProblemView, SecretField, Toasts,
};
use crate::config::AppConfig;
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use nexus_domain::export;
use nexus_domain::field::Kind;
use nexus_domain::permissions::decide;
use nexus_domain::url_rules::{is_allowed_logo, is_displayable_logo, logo_host};
use nexus_domain::{ClientAuthMethod, Decision, Field, NexusClient, Operation};
use std::collections::HashMap;

fn text(label: &'static str, v: Option<&str>) -> AnyView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <LongText text=s.to_string() label=label /> }.into_any(),
        None => view! { <span class="ncc-not-set">"not set"</span> }.into_any(),
    }
}

fn list(label: &'static str, v: Option<&Vec<String>>) -> AnyView {
    match v.filter(|l| !l.is_empty()) {
        Some(items) => view! {
            <ul class="ncc-plain-list">{items.iter().map(|i| view! { <li><LongText text=i.clone() label=label code=true /></li> }).collect_view()}</ul>
        }
        .into_any(),
        None => view! { <span class="ncc-not-set">"not set"</span> }.into_any(),
    }
}

fn flag(v: Option<bool>) -> AnyView {
    match v {
        Some(true) => view! { <span>"Enabled"</span> }.into_any(),
        Some(false) => view! { <span>"Disabled"</span> }.into_any(),
        None => view! { <span class="ncc-not-set">"not set"</span> }.into_any(),
    }
}

fn seconds(v: Option<i64>) -> AnyView {
    match v {
        Some(s) => view! { <span>{nexus_domain::display::lifetime(s)}</span> }.into_any(),
        None => view! { <span class="ncc-not-set">"not set"</span> }.into_any(),
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
fn field_row(field: Field, c: &NexusClient) -> impl IntoView {
    let label = field.label();
    let value = match field.kind() {
        Kind::List => list(label, c.list(field)),
        Kind::Text | Kind::Map => text(label, c.text(field)),
    };
    row(label, value)
}

/// The rows of `fields`, in that order.
fn field_rows(fields: &[Field], c: &NexusClient) -> impl IntoView {
    fields.iter().map(|f| field_row(*f, c)).collect_view()
}

/// The question while a rotation is on its way: its answer is the only
/// place the new secret will ever be shown.
const ROTATING: &str = "The client secret is being rotated. The new secret will be shown only once, on this page: leave anyway, and lose it?";

/// A rotated secret, with the id of the client it belongs to: it is shown
/// under that client only.
type NewSecret = Option<(String, String)>;

/// Tells of an action on a client that failed after the user left it: its
/// view, where the problem would show, is gone.
fn failed_after_leaving(toasts: Toasts, doing: &str, name: &str, e: &ApiError) {
    let why = e.problem().title.unwrap_or_default();
    toasts.show(format!(
        "{doing} \u{201c}{}\u{201d} failed after you left it: {why}",
        shortened(name)
    ));
}

/// `/clients/:id`: every field, grouped; secret masked; rotate and delete.
#[component]
pub fn ClientDetailPage() -> impl IntoView {
    // A rotated secret outlives the re-render that shows the rotated client
    // (it is shown once, until the user leaves this client).
    let new_secret = RwSignal::new(None::<(String, String)>);
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
    let api = use_api();
    let auth = use_auth();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let id = client.id.clone().unwrap_or_default();
    let name = client.display_name();
    // Headings and the breadcrumb show a long name cut; Basics shows it whole.
    let short_name = shortened(&name);
    // A 403 from the server overrides the local decision for that action.
    let server_denied = RwSignal::new(HashMap::<&'static str, String>::new());
    let decision = {
        let client = client.clone();
        move |operation: Operation, key: &'static str| {
            let client = client.clone();
            Signal::derive(move || match server_denied.with(|m| m.get(key).cloned()) {
                Some(reason) => Decision::Denied(reason),
                None => decide(&auth.caller().get(), operation, Some(&client)),
            })
        }
    };
    let edit_decision = decision(Operation::Edit, "edit");
    let rotate_permission = decision(Operation::RotateSecret, "rotate");
    // Whoever asks, a public or Private Key JWT client has no secret to
    // rotate: the button says so instead of sending a request that fails.
    let no_rotation = client.rotation_unavailable();
    let rotate_decision = Signal::derive(move || match no_rotation {
        Some(why) => Decision::Denied(why.to_string()),
        None => rotate_permission.get(),
    });
    let delete_decision = decision(Operation::Delete, "delete");
    // Duplicating is creating: the create permission decides.
    let duplicate_decision =
        Signal::derive(move || decide(&auth.caller().get(), Operation::Create, None));
    // Seeing a secret takes what rotating it takes (as on the stand-in).
    let secret_decision = Signal::derive(move || match rotate_permission.get() {
        Decision::Denied(why) => Decision::Denied(format!(
            "Only callers who may rotate this secret may see or copy it. {why}"
        )),
        allowed => allowed,
    });
    let action_problem = RwSignal::new(None::<nexus_domain::ProblemDetails>);
    let rotate_open = RwSignal::new(false);
    let delete_open = RwSignal::new(false);
    let rotating = RwSignal::new(false);
    let deleting = RwSignal::new(false);

    let handle_error = move |operation: Operation, key: &'static str, e: ApiError| {
        if let Some(reason) = e.forbidden_reason() {
            server_denied.update(|m| {
                m.insert(key, reason);
            });
        }
        action_problem.set(Some(e.problem_after(operation)));
    };

    // Leaving while a rotation is on its way asks first: its answer carries
    // the new secret, shown once and only here.
    use_leave_guard(Signal::derive(move || rotating.get().then_some(ROTATING)));

    // After an await, this view may be gone: the user went back or forward to
    // another client (or elsewhere) meanwhile. `try_set` on one of its
    // signals says so (`Some`: disposed), and the answer is then reported in
    // a toast, never rendered under whatever is on screen now.
    let do_rotate = {
        let id = id.clone();
        let name = name.clone();
        move || {
            rotating.set(true);
            action_problem.set(None);
            let id = id.clone();
            let name = name.clone();
            spawn_local(async move {
                let r = api.rotate_secret(&id).await;
                let left = rotating.try_set(false).is_some();
                rotate_open.try_set(false);
                match r {
                    Ok(c) if !left => {
                        new_secret.try_set(c.secret.clone().map(|s| (id.clone(), s)));
                        toasts.show("Secret rotated. Copy the new secret now.");
                        on_changed.try_run(c);
                    }
                    Ok(_) => toasts.show(format!(
                        "The secret of \u{201c}{}\u{201d} was rotated after you left it, so the new secret cannot be shown. Open the client and rotate again to get one you can copy.",
                        shortened(&name)
                    )),
                    Err(e) if !left => handle_error(Operation::RotateSecret, "rotate", e),
                    Err(e) => failed_after_leaving(toasts, "Rotating the secret of", &name, &e),
                }
            });
        }
    };
    let do_delete = {
        let id = id.clone();
        let name = name.clone();
        move || {
            deleting.set(true);
            action_problem.set(None);
            let id = id.clone();
            let name = name.clone();
            let navigate = navigate.clone();
            // Resolved now: after the await there is no reactive owner to read context from.
            let list_href = crate::routes::list_href().get_untracked();
            spawn_local(async move {
                let r = api.delete_client(&id).await;
                let left = deleting.try_set(false).is_some();
                delete_open.try_set(false);
                match r {
                    Ok(()) => {
                        toasts.show(format!(
                            "Client \u{201c}{}\u{201d} deleted.",
                            shortened(&name)
                        ));
                        // Only from the deleted client's own page: whoever
                        // moved on to another client stays there.
                        if !left {
                            navigate(&list_href, crate::routes::nav(false));
                        }
                    }
                    Err(e) if !left => handle_error(Operation::Delete, "delete", e),
                    Err(e) => failed_after_leaving(toasts, "Deleting", &name, &e),
                }
            });
        }
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
        <section class="ncc-page" aria-labelledby="ncc-detail-title">
            <nav class="ncc-breadcrumb" aria-label="Breadcrumb">
                <a href=crate::routes::list_href()>"Clients"</a>
                <span aria-hidden="true">" / "</span>
                <span aria-current="page">{short_name.clone()}</span>
            </nav>
            <div class="ncc-page__head">
                {logo.filter(|_| logo_allowed).map(|l| view! { <ClientLogo url=l /> })}
                <h1 id="ncc-detail-title">{short_name.clone()}</h1>
                {c.is_terraform_managed().then(|| view! { <span class="ncc-badge ncc-badge--warn">"Terraform-managed"</span> })}
                <span class="ncc-page__spacer"></span>
                <GuardedLink label="Edit" href=href(&path::edit(&id)) decision=edit_decision />
                <GuardedLink label="Duplicate" href=format!("{}?from={}", href(path::NEW), crate::routes::encode_query(&id))
                    decision=duplicate_decision class="ncc-btn ncc-btn--secondary" />
                <GuardedButton label="Rotate secret" decision=rotate_decision busy=rotating class="ncc-btn ncc-btn--secondary"
                    on_click=move || rotate_open.set(true) />
                <GuardedButton label="Delete" decision=delete_decision busy=deleting class="ncc-btn ncc-btn--danger"
                    on_click=move || delete_open.set(true) />
            </div>
            {c.is_terraform_managed().then(|| view! {
                <p class="ncc-warning" role="note">
                    <strong>"Managed by Terraform. "</strong>
                    "Changes made here may be overwritten by the next terraform apply; change the Terraform configuration instead where you can."
                </p>
            })}
            {move || action_problem.get().map(|p| view! { <ProblemView problem=p /> })}
            {move || new_secret.get().filter(|(for_id, _)| *for_id == secret_for).map(|(_, s)| view! {
                // A region, not an alert: an alert would read the secret aloud.
                <section class="ncc-secret-once" aria-labelledby="ncc-new-secret-title">
                    <h2 id="ncc-new-secret-title">"New client secret"</h2>
                    <p role="alert"><strong>"Copy it now: this panel shows it once. Later, only callers who may rotate this secret can reveal it on this page."</strong></p>
                    <div class="ncc-secret-once__row">
                        <code class="ncc-secret-once__value">{s.clone()}</code>
                        <CopyButton text=s label="Copy new client secret" />
                    </div>
                </section>
            })}
            <div class="ncc-groups">
                <section class="ncc-card" aria-labelledby="g-basics">
                    <h2 id="g-basics">"Basics"</h2>
                    <dl class="ncc-dl">
                        {field_row(Field::Name, &c)}
                        <div class="ncc-dl__row">
                            <dt>"Client ID"</dt>
                            <dd>
                                <LongText text=id.clone() label="Client ID" code=true />
                                <CopyButton text=id.clone() label="Copy client ID" />
                            </dd>
                        </div>
                        <div class="ncc-dl__row">
                            <dt>"Client secret"</dt>
                            <dd>
                                {
                                    let secret = c.secret.clone().filter(|s| !s.is_empty());
                                    let public = c.is_public();
                                    move || match (secret.clone(), secret_decision.with(Decision::is_allowed)) {
                                        (None, _) if public => view! { <span class="ncc-not-set">"none: a public client has no secret"</span> }.into_any(),
                                        (Some(s), _) => view! { <SecretField secret=s decision=secret_decision /> }.into_any(),
                                        // Left out by the server for a caller who may not rotate it.
                                        (None, false) => view! { <SecretField secret="" decision=secret_decision /> }.into_any(),
                                        (None, true) => view! { <span class="ncc-not-set">"not set"</span> }.into_any(),
                                    }
                                }
                            </dd>
                        </div>
                        {row("Type", match c.kind() { Some(k) => view! { <span>{format!("{} ({})", k.label(), k.as_str())}</span> }.into_any(), None => text("Type", None) })}
                        {row("Authentication method", text("Authentication method", auth_method.as_ref().map(ClientAuthMethod::label).as_deref()))}
                        {field_rows(&[Field::ProductName, Field::ApplicationName, Field::Owners], &c)}
                        {row("Managed by", view! { <span>{match c.manually_created { Some(false) => "Terraform", Some(true) => "Manual", None => "Manual (not stated)" }}</span> }.into_any())}
                        {row(Field::LogoUri.label(), view! {
                            {text(Field::LogoUri.label(), c.text(Field::LogoUri))}
                            {logo_request.map(|(host, url)| view! { <LogoOnRequest url=url host=host /> })}
                        }.into_any())}
                    </dl>
                </section>
                <section class="ncc-card ncc-card--wide" aria-labelledby="g-uris">
                    <h2 id="g-uris">"Application URIs"</h2>
                    <dl class="ncc-dl">
                        {field_rows(&[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins], &c)}
                        {row("Cross-origin authentication", flag(c.allow_cross_origin_authentication))}
                    </dl>
                </section>
                <section class="ncc-card" aria-labelledby="g-grants">
                    <h2 id="g-grants">"Grant types"</h2>
                    <dl class="ncc-dl">{field_row(Field::GrantTypes, &c)}</dl>
                </section>
                <section class="ncc-card" aria-labelledby="g-tokens">
                    <h2 id="g-tokens">"Tokens"</h2>
                    <dl class="ncc-dl">
                        {row("ID token lifetime", seconds(c.id_token_expiration))}
                        {row("Refresh token rotation", flag(c.is_refresh_token_rotation_enabled))}
                        {row("Reuse interval", seconds(c.refresh_token_reuse_interval))}
                        {row("Absolute expiration", flag(c.is_refresh_token_absolute_expiration_enabled))}
                        {row("Absolute lifetime", seconds(c.refresh_token_absolute_lifetime))}
                        {row("Inactivity expiration", flag(c.is_refresh_token_inactivity_lifetime_enabled))}
                        {row("Inactivity lifetime", seconds(c.refresh_token_inactivity_lifetime))}
                    </dl>
                </section>
                {show_mobile.then(|| view! {
                <section class="ncc-card" aria-labelledby="g-mobile">
                    <h2 id="g-mobile">"Mobile"</h2>
                    <dl class="ncc-dl">
                        {field_rows(&[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName], &c)}
                    </dl>
                </section>
                })}
                <section class="ncc-card" aria-labelledby="g-meta">
                    <h2 id="g-meta">"Metadata"</h2>
                    <dl class="ncc-dl">
                        {field_row(Field::ClientUpnKey, &c)}
                    </dl>
                </section>
                <section class="ncc-card" aria-labelledby="g-export">
                    <h2 id="g-export">"Export"</h2>
                    <p class="ncc-muted">"This client as JSON, to keep, compare or create again in another tenant: without its client ID, its secret or its Terraform flag."</p>
                    <ExportLinks text=export::client_json(&c) file_name=export::file_name(&c.display_name(), "client.json")
                        mime="application/json" what="JSON" />
                </section>
            </div>
            <ConfirmDialog open=rotate_open title="Rotate the client secret?" confirm_label="Rotate secret" busy=rotating danger=true on_confirm=do_rotate>
                {move || if is_pkj {
                    view! { <p>"This client authenticates with Private Key JWT; the server will refuse to rotate a secret it does not use."</p> }.into_any()
                } else {
                    view! { <p>"A new secret is generated and the current one stops working at once. Every application using it must be updated."</p> }.into_any()
                }}
            </ConfirmDialog>
            <ConfirmDialog open=delete_open title="Delete this client?" confirm_label="Delete client" confirm_text=delete_name busy=deleting danger=true on_confirm=do_delete>
                <p>"Applications using this client will no longer be able to sign users in or get tokens."</p>
            </ConfirmDialog>
        </section>
    }
}
