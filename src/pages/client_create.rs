use super::client_form::{field_messages, ListField, TextField};
use crate::api::use_api;
use crate::auth::use_auth;
use crate::components::{use_leave_guard, CopyButton, GuardedButton, ProblemView, UNSAVED_CHANGES};
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nexus_domain::create::{CreateDraft, AUTH0_GRANT_TYPES};
use nexus_domain::permissions::decide;
use nexus_domain::validation::{validate_create, Issue};
use nexus_domain::{ClientType, Decision, Field, NexusClient, Operation, ProblemDetails};

/// The question while the new secret is on screen.
const SECRET_NOT_COPIED: &str =
    "The new client secret is shown only here and only once. Leave without copying it?";

/// Where a field sits in the create form, top to bottom.
fn form_position(field: Field) -> usize {
    Field::ALL
        .iter()
        .position(|f| *f == field)
        .unwrap_or(Field::ALL.len())
}

/// `/clients/new`: type first, required fields first, the seed's rules
/// checked as the user types and on submit; the secret shown once after 201.
#[component]
pub fn CreateClientPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let app_type = RwSignal::new(None::<ClientType>);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let logo_uri = RwSignal::new(String::new());
    let initiate_login_uri = RwSignal::new(String::new());
    let grant_types = RwSignal::new(Vec::<String>::new());
    let callbacks = RwSignal::new(Vec::<String>::new());
    let logout_urls = RwSignal::new(Vec::<String>::new());
    let web_origins = RwSignal::new(Vec::<String>::new());
    let cors_origins = RwSignal::new(Vec::<String>::new());
    let owners = RwSignal::new(Vec::<String>::new());
    let product_name = RwSignal::new(String::new());
    let application_name = RwSignal::new(String::new());
    let client_upn_key = RwSignal::new(String::new());
    let ios_team_id = RwSignal::new(String::new());
    let ios_bundle_id = RwSignal::new(String::new());
    let android_keystore_hash = RwSignal::new(String::new());
    let android_package_name = RwSignal::new(String::new());

    let draft = Memo::new(move |_| CreateDraft {
        app_type: app_type.get(),
        name: name.get(),
        description: description.get(),
        logo_uri: logo_uri.get(),
        initiate_login_uri: initiate_login_uri.get(),
        grant_types: grant_types.get(),
        callbacks: callbacks.get(),
        logout_urls: logout_urls.get(),
        web_origins: web_origins.get(),
        cors_origins: cors_origins.get(),
        owners: owners.get(),
        product_name: product_name.get(),
        application_name: application_name.get(),
        client_upn_key: client_upn_key.get(),
        ios_team_id: ios_team_id.get(),
        ios_bundle_id: ios_bundle_id.get(),
        android_keystore_hash: android_keystore_hash.get(),
        android_package_name: android_package_name.get(),
    });
    let attempted = RwSignal::new(false);
    let all_issues = Memo::new(move |_| validate_create(&draft.get().to_request()));
    // Before the first submit, "required" complaints wait; format errors show as typed.
    let issues = Signal::derive(move || {
        let all = all_issues.get();
        if attempted.get() {
            all
        } else {
            all.into_iter()
                .filter(|i| {
                    !(i.field == Field::AppType
                        || (i.field == Field::Name && name.with(|n| n.trim().is_empty())))
                })
                .collect::<Vec<Issue>>()
        }
    });
    let server_problem = RwSignal::new(None::<ProblemDetails>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<NexusClient>);
    // Ask before a typed draft is left behind, and, once created, before the
    // secret shown only this once is (the "I have copied it" link is exempt).
    use_leave_guard(Signal::derive(move || {
        created.with(|c| match c {
            None => draft
                .with(CreateDraft::has_input)
                .then_some(UNSAVED_CHANGES),
            Some(c) => c.secret.is_some().then_some(SECRET_NOT_COPIED),
        })
    }));
    let server_denied = RwSignal::new(None::<String>);
    let decision = Signal::derive(move || match server_denied.get() {
        Some(r) => Decision::Denied(r),
        None => decide(&auth.caller().get(), Operation::Create, None),
    });
    let msgs = move |f: Field| field_messages(issues, server_problem, f);

    let submit = move || {
        // Checked again here, not only on the button: the form can be
        // submitted without it (Enter, requestSubmit). A create already on
        // its way, or a caller who may not create, sends nothing.
        if busy.get_untracked() || !decision.get_untracked().is_allowed() {
            return;
        }
        attempted.set(true);
        let problems = all_issues.get_untracked();
        // The first problem as the user reads the form, not as the rules run.
        if let Some(first) = problems
            .iter()
            .min_by_key(|i| (form_position(i.field), i.index.unwrap_or(0)))
        {
            let id = match (first.field, first.index) {
                // The type chooser is a fieldset: focus its first option.
                (Field::AppType, _) => "field-app-type-0".to_string(),
                (f, Some(i)) => format!("field-{}-{i}", f.key()),
                (f, None) => format!("field-{}", f.key()),
            };
            crate::dom::focus_id(&id);
            return;
        }
        busy.set(true);
        server_problem.set(None);
        let body = draft.get_untracked().to_request();
        spawn_local(async move {
            let r = api.create_client(&body).await;
            busy.try_set(false);
            match r {
                Ok(c) => {
                    created.try_set(Some(c));
                }
                Err(e) => {
                    if let Some(reason) = e.forbidden_reason() {
                        server_denied.try_set(Some(reason));
                    }
                    server_problem.try_set(Some(e.problem_after(Operation::Create)));
                }
            }
        });
    };

    let choose = move |t: ClientType| {
        grant_types.set(CreateDraft::for_type(t.clone()).grant_types);
        app_type.set(Some(t));
    };
    // Which sections show for the chosen type is the domain's rule.
    let applies = move |f: Field| app_type.with(|t| f.applies_to(t.as_ref()));
    let interactive = move || applies(Field::CallbackUrls);
    let is_native = move || applies(Field::IosTeamId);
    // The fields on screen (server errors for others are listed above the form).
    let shown_fields = move || app_type.with(|t| Field::for_create(t.as_ref()));

    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby="ncc-create-title">
            <nav class="ncc-breadcrumb" aria-label="Breadcrumb">
                <a href=crate::routes::list_href()>"Clients"</a>
                <span aria-hidden="true">" / "</span>
                <span aria-current="page">"New client"</span>
            </nav>
            <h1 id="ncc-create-title">"New client"</h1>
            {move || created.get().map(|c| {
                let id = c.id.clone().unwrap_or_default();
                view! {
                    // A region, not an alert: an alert would read the secret aloud.
                    <section class="ncc-secret-once" aria-labelledby="ncc-created-title">
                        <h2 id="ncc-created-title">{format!("Client \u{201c}{}\u{201d} created", crate::components::shortened(&c.display_name()))}</h2>
                        <p>"Client ID " <code>{id.clone()}</code> <CopyButton text=id.clone() label="Copy client ID" /></p>
                        {match c.secret.clone().filter(|_| !c.is_public()) {
                            Some(s) => view! {
                                <p role="alert"><strong>"This is the client secret. Copy it now: this panel shows it once. Later, only callers who may rotate this secret can reveal it on the client's page."</strong></p>
                                <div class="ncc-secret-once__row">
                                    <code class="ncc-secret-once__value">{s.clone()}</code>
                                    <CopyButton text=s label="Copy client secret" />
                                </div>
                            }.into_any(),
                            None if c.is_public() => view! { <p class="ncc-muted">"A single-page or native app is a public client: it has no secret to copy."</p> }.into_any(),
                            None => view! { <p class="ncc-muted">"The server returned no secret for this client."</p> }.into_any(),
                        }}
                        <p><a class="ncc-btn" href=href(&path::detail(&id)) data-guard-exempt="">"I have copied it \u{2014} open the client"</a></p>
                    </section>
                }
            })}
            <Show when=move || created.with(Option::is_none)>
                {move || decision.get().reason().map(|r| view! { <p class="ncc-notice">{r.to_string()}</p> })}
                {move || server_problem.get().map(|p| view! { <ProblemView problem=p shown=shown_fields() /> })}
                <Show when=move || attempted.get() && !all_issues.with(Vec::is_empty)>
                    <p class="ncc-notice" role="alert">{move || format!("Fix {} problem(s) marked below, then create again.", all_issues.with(Vec::len))}</p>
                </Show>
                <form class="ncc-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <fieldset class="ncc-field ncc-type-chooser" id="field-app-type" aria-describedby="field-app-type-errors">
                        <legend class="ncc-field__label">"Application type" <span class="ncc-required" aria-hidden="true">" *"</span></legend>
                        {ClientType::CREATABLE.into_iter().enumerate().map(|(n, t)| {
                            let value = t.clone();
                            let checked = t.clone();
                            view! {
                                <label class="ncc-type-option">
                                    <input type="radio" name="app-type" id=format!("field-app-type-{n}") value=t.as_str().to_string()
                                        prop:checked=move || app_type.with(|a| a.as_ref() == Some(&checked))
                                        on:change=move |_| choose(value.clone()) />
                                    <span class="ncc-type-option__label">{t.label().to_string()}</span>
                                    <span class="ncc-type-option__hint">{t.explanation()}</span>
                                </label>
                            }
                        }).collect_view()}
                        <crate::components::FieldMessages id="field-app-type-errors" messages=msgs(Field::AppType) />
                    </fieldset>
                    <TextField field=Field::Name value=name messages=msgs(Field::Name) required=true
                        hint="At least one character; < and > are not allowed." />
                    <TextField field=Field::Description value=description messages=msgs(Field::Description) multiline=true
                        max_chars=140 hint="What the client is for (optional, at most 140 characters)." />
                    <Show when=interactive>
                        <h2 class="ncc-section-title">"Application URIs"</h2>
                        <ListField field=Field::CallbackUrls items=callbacks issues=issues server=server_problem
                            hint="Where users may be sent after signing in. Wildcards only as the first part of the host: https://*.example.com."
                            placeholder="https://app.example.com/callback" />
                        <ListField field=Field::LogoutUrls items=logout_urls issues=issues server=server_problem
                            hint="Where users may be sent after signing out." placeholder="https://app.example.com/" />
                        <ListField field=Field::WebOrigins items=web_origins issues=issues server=server_problem
                            hint="Origins (scheme, host, port) for cross-origin authentication and web message mode." placeholder="https://app.example.com" />
                        <ListField field=Field::CorsOrigins items=cors_origins issues=issues server=server_problem
                            hint="Extra origins allowed to call the API from JavaScript." placeholder="https://app.example.com" />
                        <TextField field=Field::InitiateLoginUri value=initiate_login_uri messages=msgs(Field::InitiateLoginUri)
                            hint="Must use https." placeholder="https://app.example.com/login" />
                    </Show>
                    <fieldset class="ncc-field" id="field-grant-types">
                        <legend class="ncc-field__label">"Grant types"</legend>
                        <p class="ncc-field__hint">"Preset for the chosen type; change only if you know you need to."</p>
                        <div class="ncc-checks">
                            {AUTH0_GRANT_TYPES.iter().map(|g| {
                                let g = g.to_string();
                                let g2 = g.clone();
                                let g3 = g.clone();
                                view! {
                                    <label class="ncc-check">
                                        <input type="checkbox"
                                            prop:checked=move || grant_types.with(|v| v.contains(&g2))
                                            on:change:target=move |ev| {
                                                let on = ev.target().checked();
                                                let g = g3.clone();
                                                grant_types.update(|v| { v.retain(|x| *x != g); if on { v.push(g); } });
                                            } />
                                        <code>{g}</code>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <h2 class="ncc-section-title">"Ownership"</h2>
                    <ListField field=Field::Owners items=owners issues=issues server=server_problem
                        hint="User ids or roles who may manage this client." placeholder="user-id or role" />
                    <TextField field=Field::ProductName value=product_name messages=msgs(Field::ProductName) hint="The product this client belongs to." />
                    <TextField field=Field::ApplicationName value=application_name messages=msgs(Field::ApplicationName) hint="The application this client serves." />
                    <TextField field=Field::ClientUpnKey value=client_upn_key messages=msgs(Field::ClientUpnKey) hint="User principal name mapping key (optional)." />
                    <TextField field=Field::LogoUri value=logo_uri messages=msgs(Field::LogoUri) hint="An https image URL (optional)." />
                    <Show when=is_native>
                        <h2 class="ncc-section-title">"Mobile"</h2>
                        <TextField field=Field::IosTeamId value=ios_team_id messages=msgs(Field::IosTeamId) />
                        <TextField field=Field::IosBundleId value=ios_bundle_id messages=msgs(Field::IosBundleId) />
                        <TextField field=Field::AndroidKeystoreHash value=android_keystore_hash messages=msgs(Field::AndroidKeystoreHash) />
                        <TextField field=Field::AndroidPackageName value=android_package_name messages=msgs(Field::AndroidPackageName) />
                    </Show>
                    <div class="ncc-form__actions">
                        <GuardedButton label="Create client" busy=busy busy_label="Creating\u{2026}" decision=decision on_click=submit />
                        <a class="ncc-btn ncc-btn--ghost" href=crate::routes::list_href()>"Cancel"</a>
                    </div>
                </form>
            </Show>
        </section>
    }
}
