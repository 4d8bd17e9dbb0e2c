use super::client_form::{field_messages, Form};
use crate::api::use_api;
use crate::auth::use_auth;
use crate::components::{
    shortened, use_leave_guard, CopyButton, GuardedButton, JsonSource, ProblemView, UNSAVED_CHANGES,
};
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use nexus_domain::create::{CreateDraft, AUTH0_GRANT_TYPES};
use nexus_domain::import;
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
    // A caller who may manage only their own clients starts as an owner,
    // with their product (the domain's rule); that prefill is not input.
    let start = StoredValue::new(CreateDraft::for_caller(&auth.caller().get_untracked()));
    // The whole form in one signal; each control reads its own slice.
    let draft = RwSignal::new(start.get_value());
    let app_type = Memo::new(move |_| draft.with(|d| d.app_type.clone()));
    let attempted = RwSignal::new(false);
    let all_issues = Memo::new(move |_| draft.with(|d| validate_create(&d.to_request())));
    // Before the first submit, "required" complaints wait; format errors show as typed.
    let issues = Signal::derive(move || {
        let all = all_issues.get();
        if attempted.get() {
            all
        } else {
            all.into_iter()
                .filter(|i| {
                    !(i.field == Field::AppType
                        || (i.field == Field::Name && draft.with(|d| d.name.trim().is_empty())))
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
            None => start
                .with_value(|start| draft.with(|d| d.has_input_beyond(start)))
                .then_some(UNSAVED_CHANGES),
            Some(c) => c.secret.is_some().then_some(SECRET_NOT_COPIED),
        })
    }));
    let server_denied = RwSignal::new(None::<String>);
    let decision = Signal::derive(move || match server_denied.get() {
        Some(r) => Decision::Denied(r),
        None => decide(&auth.caller().get(), Operation::Create, None),
    });
    let form = Form {
        draft,
        issues,
        server: server_problem,
    };
    // Said before the create: a client its creator could not manage
    // afterwards (neither an owner nor its product in their scope).
    let unmanageable = Memo::new(move |_| {
        if !decision.get().is_allowed() {
            return None;
        }
        let caller = auth.caller().get();
        draft.with(|d| d.unmanageable_by(&caller))
    });

    // Starting from a client that exists: `?from=<id>` duplicates it; the
    // import box reads a client JSON. Either fills the form, says what it
    // did (and what it could not carry), and sends nothing.
    let start_note = RwSignal::new(None::<String>);
    let start_problem = RwSignal::new(None::<ProblemDetails>);
    let import_error = RwSignal::new(None::<String>);
    let fill = move |d: CreateDraft, note: String| {
        // `try_`: a duplicate's client may arrive after the page has gone.
        draft.try_set(d);
        start_note.try_set(Some(note));
        import_error.try_set(None);
        crate::dom::focus_id(&format!("field-{}", Field::Name.key()));
    };
    let from = use_query_map().with_untracked(|q| q.get("from"));
    if let Some(id) = from.filter(|id| !id.is_empty()) {
        spawn_local(async move {
            match api.get_client(&id).await {
                // Typed into already: what the user typed stays.
                Ok(_)
                    if start
                        .try_with_value(|start| {
                            draft.try_with_untracked(|d| d.has_input_beyond(start))
                        })
                        .flatten()
                        .unwrap_or(true) => {}
                Ok(c) => fill(
                    import::duplicate(&c),
                    format!(
                        "A copy of \u{201c}{}\u{201d}: check every field, then create. The copy gets its own client ID and secret.",
                        shortened(&c.display_name())
                    ),
                ),
                Err(e) => {
                    start_problem.try_set(Some(e.problem()));
                }
            }
        });
    }
    let import_text = RwSignal::new(String::new());
    let apply_import = move || match import::draft_from_json(&import_text.get_untracked()) {
        Ok(i) => {
            let mut note = "Filled from the JSON: check every field, then create.".to_string();
            if !i.ignored.is_empty() {
                note.push_str(&format!(
                    " Not carried over (a create does not take them): {}.",
                    i.ignored.join(", ")
                ));
            }
            fill(i.draft, note);
        }
        Err(e) => import_error.set(Some(e)),
    };
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
        draft.update(|d| {
            d.grant_types = CreateDraft::for_type(t.clone()).grant_types;
            d.app_type = Some(t);
        });
    };
    let (grant_types, set_grant_types) = form.list(Field::GrantTypes);
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
                        // What was sent, once: Nexus never returns a description.
                        {Some(draft.with_untracked(|d| d.description.clone())).filter(|d| !d.trim().is_empty()).map(|d| view! {
                            <p class="ncc-muted">"Description sent: \u{201c}" {crate::components::shortened(&d)} "\u{201d}. Nexus does not return it, so the client's page cannot show it."</p>
                        })}
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
                {move || start_problem.get().map(|p| view! {
                    <ProblemView problem=p>
                        <p>"The client to duplicate could not be loaded; the form starts empty."</p>
                    </ProblemView>
                })}
                <details class="ncc-import">
                    <summary>"Start from a client JSON (import)"</summary>
                    <JsonSource id="ncc-import" label="Client JSON" text=import_text error=import_error on_file=apply_import
                        hint="Paste a client as the detail view exports it, or a Nexus- or Auth0-shaped client, or choose its file. Its fields fill this form, and the fields a create cannot carry are listed. Nothing is sent until you create." />
                    <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| apply_import()>"Fill the form"</button>
                    {move || import_error.get().map(|e| view! { <p class="ncc-field__error" role="alert">{e}</p> })}
                </details>
                {move || start_note.get().map(|n| view! { <p class="ncc-notice" role="status">{n}</p> })}
                <form class="ncc-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <fieldset class="ncc-field ncc-type-chooser" id="field-app-type" aria-describedby="field-app-type-errors">
                        <legend class="ncc-field__label">{Field::AppType.label()} <span class="ncc-required" aria-hidden="true">" *"</span></legend>
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
                        <crate::components::FieldMessages id="field-app-type-errors" messages=field_messages(issues, server_problem, Field::AppType) />
                    </fieldset>
                    {form.controls(&[Field::Name, Field::Description])}
                    <Show when=interactive>
                        <h2 class="ncc-section-title">"Application URIs"</h2>
                        {form.controls(&[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins, Field::InitiateLoginUri])}
                    </Show>
                    <fieldset class="ncc-field" id="field-grant-types">
                        <legend class="ncc-field__label">{Field::GrantTypes.label()}</legend>
                        <p class="ncc-field__hint">{Field::GrantTypes.hint()}</p>
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
                                                let mut v = grant_types.get_untracked();
                                                v.retain(|x| *x != g);
                                                if on { v.push(g); }
                                                set_grant_types.set(v);
                                            } />
                                        <code>{g}</code>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <h2 class="ncc-section-title">"Ownership"</h2>
                    {form.controls(&[Field::Owners, Field::ProductName, Field::ApplicationName, Field::ClientUpnKey, Field::LogoUri])}
                    <Show when=is_native>
                        <h2 class="ncc-section-title">"Mobile"</h2>
                        {form.controls(&[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName])}
                    </Show>
                    {move || unmanageable.get().map(|why| view! {
                        <p class="ncc-warning" role="note" id="ncc-create-unmanageable">
                            <strong>"You could not manage this client after creating it. "</strong>{why}
                            " Add yourself as an owner, or choose a product in your scope, to keep it yours."
                        </p>
                    })}
                    <div class="ncc-form__actions">
                        <GuardedButton label="Create client" busy=busy busy_label="Creating\u{2026}" decision=decision on_click=submit />
                        <a class="ncc-btn ncc-btn--ghost" href=crate::routes::list_href()>"Cancel"</a>
                    </div>
                </form>
            </Show>
        </section>
    }
}
