use super::client_form::{field_messages, Form};
use super::write::{problem_of, refusal_of, Write};
use crate::api::use_api;
use crate::auth::use_auth;
use crate::components::{
    shortened, use_leave_guard, CopyButton, GuardedButton, JsonSource, ProblemView,
};
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use nexus_domain::create::{CreateDraft, AUTH0_GRANT_TYPES};
use nexus_domain::import;
use nexus_domain::permissions::decide;
use nexus_domain::validation::{validate_create, Issue};
use nexus_domain::{ClientType, Decision, Field, Operation, ProblemDetails};

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
    let t = crate::i18n::t();
    let c = &t.create;
    let api = use_api();
    let auth = use_auth();
    // A caller who may manage only their own clients starts as an owner,
    // with their product (the domain's rule); that prefill is not input.
    let start = StoredValue::new(CreateDraft::for_caller(&auth.caller().get_untracked()));
    // The whole form in one signal; each control reads its own slice.
    let draft = RwSignal::new(start.get_value());
    let app_type = Memo::new(move |_| draft.with(|d| d.app_type.clone()));
    let attempted = RwSignal::new(false);
    let all_issues = Memo::new(move |_| draft.with(|d| validate_create(t, &d.to_request())));
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
    // The create: its pending state is the busy state, its answer is the
    // created client or the problem to show.
    let create: Write = Action::new_local(move |_: &()| {
        let body = draft.with_untracked(CreateDraft::to_request);
        async move { api.create_client(&body).await.map(Some) }
    });
    let busy = create.pending();
    let server_problem = problem_of(create, Operation::Create);
    let created = {
        let answer = create.value();
        Memo::new(move |_| {
            answer.with(|a| a.as_ref().and_then(|r| r.as_ref().ok().cloned().flatten()))
        })
    };
    // Ask before a typed draft is left behind, and, once created, before the
    // secret shown only this once is (the "I have copied it" link is exempt).
    use_leave_guard(Signal::derive(move || {
        created.with(|c| match c {
            None => start
                .with_value(|start| draft.with(|d| d.has_input_beyond(start)))
                .then_some(t.common.unsaved),
            Some(c) => c.secret.is_some().then_some(t.create.secret_not_copied),
        })
    }));
    let server_denied = refusal_of(create);
    let decision = Signal::derive(move || match server_denied.get() {
        Some(r) => Decision::Denied(r),
        None => decide(t, &auth.caller().get(), Operation::Create, None),
    });
    let form = Form {
        draft,
        issues,
        server: server_problem.into(),
    };
    // Said before the create: a client its creator could not manage
    // afterwards (neither an owner nor its product in their scope).
    let unmanageable = Memo::new(move |_| {
        if !decision.get().is_allowed() {
            return None;
        }
        let caller = auth.caller().get();
        draft.with(|d| d.unmanageable_by(t, &caller))
    });

    // Starting from a client that exists: `?from=<id>` duplicates it; the
    // import box reads a client JSON. Either fills the form, says what it
    // did (and what it could not carry), and sends nothing.
    let start_note = RwSignal::new(None::<String>);
    let start_problem = RwSignal::new(None::<ProblemDetails>);
    let import_error = RwSignal::new(None::<String>);
    let root = crate::dom::use_root();
    let fill = move |d: CreateDraft, note: String| {
        // `try_`: a duplicate's client may arrive after the page has gone.
        draft.try_set(d);
        start_note.try_set(Some(note));
        import_error.try_set(None);
        root.focus_id(&root.id(&format!("field-{}", Field::Name.key())));
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
                    import::duplicate(t, &c),
                    (t.create.copy_of_note)(&shortened(&c.display_name())),
                ),
                Err(e) => {
                    start_problem.try_set(Some(e.problem(t)));
                }
            }
        });
    }
    let import_text = RwSignal::new(String::new());
    let apply_import = move || match import::draft_from_json(t, &import_text.get_untracked()) {
        Ok(i) => {
            let mut note = t.create.filled.to_string();
            if !i.ignored.is_empty() {
                note.push_str(&(t.create.not_carried)(&i.ignored.join(", ")));
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
            root.focus_id(&root.id(&id));
            return;
        }
        create.dispatch(());
    };

    let choose = move |kind: ClientType| {
        draft.update(|d| {
            d.grant_types = CreateDraft::for_type(kind.clone()).grant_types;
            d.app_type = Some(kind);
        });
    };
    let (grant_types, set_grant_types) = form.list(Field::GrantTypes);
    // Which sections show for the chosen type is the domain's rule.
    let applies = move |f: Field| app_type.with(|k| f.applies_to(k.as_ref()));
    let interactive = move || applies(Field::CallbackUrls);
    let is_native = move || applies(Field::IosTeamId);
    // The fields on screen (server errors for others are listed above the form).
    let shown_fields = move || app_type.with(|k| Field::for_create(k.as_ref()));

    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby=crate::dom::id("create-title")>
            <nav class="ncc-breadcrumb" aria-label=t.detail.breadcrumb>
                <a href=crate::routes::list_href()>{t.detail.clients}</a>
                <span aria-hidden="true">" / "</span>
                <span aria-current="page">{c.new_client}</span>
            </nav>
            <h1 id=crate::dom::id("create-title")>{c.new_client}</h1>
            {move || created.get().map(|c| {
                let tc = &t.create;
                let id = c.id.clone().unwrap_or_default();
                view! {
                    // A region, not an alert: an alert would read the secret aloud.
                    <section class="ncc-secret-once" aria-labelledby=crate::dom::id("created-title")>
                        <h2 id=crate::dom::id("created-title")>{(tc.created)(&shortened(&c.display_name()))}</h2>
                        <p>{tc.client_id} <code>{id.clone()}</code> <CopyButton text=id.clone() label=t.detail.copy_client_id /></p>
                        // What was sent, once: Nexus never returns a description.
                        {Some(draft.with_untracked(|d| d.description.clone())).filter(|d| !d.trim().is_empty()).map(|d| view! {
                            <p class="ncc-muted">{(tc.description_sent)(&shortened(&d))}</p>
                        })}
                        {match c.secret.clone().filter(|_| !c.is_public()) {
                            Some(s) => view! {
                                <p role="alert"><strong>{tc.secret_once}</strong></p>
                                <div class="ncc-secret-once__row">
                                    <code class="ncc-secret-once__value">{s.clone()}</code>
                                    <CopyButton text=s label=t.common.copy_client_secret />
                                </div>
                            }.into_any(),
                            None if c.is_public() => view! { <p class="ncc-muted">{tc.public_no_secret}</p> }.into_any(),
                            None => view! { <p class="ncc-muted">{tc.no_secret_returned}</p> }.into_any(),
                        }}
                        <p><a class="ncc-btn" href=href(&path::detail(&id)) data-guard-exempt="">{tc.copied_open}</a></p>
                    </section>
                }
            })}
            <Show when=move || created.with(Option::is_none)>
                {move || decision.get().reason().map(|r| view! { <p class="ncc-notice">{r.to_string()}</p> })}
                {move || server_problem.get().map(|p| view! { <ProblemView problem=p shown=shown_fields() /> })}
                <Show when=move || attempted.get() && !all_issues.with(Vec::is_empty)>
                    <p class="ncc-notice" role="alert">{move || (t.create.fix_problems)(&t.num(all_issues.with(Vec::len)))}</p>
                </Show>
                {move || start_problem.get().map(|p| view! {
                    <ProblemView problem=p>
                        <p>{t.create.duplicate_failed}</p>
                    </ProblemView>
                })}
                <details class="ncc-import">
                    <summary>{c.import_summary}</summary>
                    <JsonSource id=crate::dom::id("import") label=c.client_json text=import_text error=import_error on_file=apply_import
                        hint=c.import_hint />
                    <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| apply_import()>{c.fill_form}</button>
                    {move || import_error.get().map(|e| view! { <p class="ncc-field__error" role="alert">{e}</p> })}
                </details>
                {move || start_note.get().map(|n| view! { <p class="ncc-notice" role="status">{n}</p> })}
                <form class="ncc-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <fieldset class="ncc-field ncc-type-chooser" id=crate::dom::id("field-app-type") aria-describedby=crate::dom::id("field-app-type-errors")>
                        <legend class="ncc-field__label">{Field::AppType.label(t)} <span class="ncc-required" aria-hidden="true">" *"</span></legend>
                        {ClientType::CREATABLE.into_iter().enumerate().map(|(n, kind)| {
                            let value = kind.clone();
                            let checked = kind.clone();
                            view! {
                                <label class="ncc-type-option">
                                    <input type="radio" name="app-type" id=crate::dom::id(&format!("field-app-type-{n}")) value=kind.as_str().to_string()
                                        prop:checked=move || app_type.with(|a| a.as_ref() == Some(&checked))
                                        on:change=move |_| choose(value.clone()) />
                                    <span class="ncc-type-option__label">{kind.label(t).to_string()}</span>
                                    <span class="ncc-type-option__hint">{kind.explanation(t)}</span>
                                </label>
                            }
                        }).collect_view()}
                        <crate::components::FieldMessages id=crate::dom::id("field-app-type-errors") messages=field_messages(issues, server_problem.into(), Field::AppType) />
                    </fieldset>
                    {form.controls(&[Field::Name, Field::Description])}
                    <Show when=interactive>
                        <h2 class="ncc-section-title">{c.app_uris}</h2>
                        {form.controls(&[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins, Field::InitiateLoginUri])}
                    </Show>
                    <fieldset class="ncc-field" id=crate::dom::id("field-grant-types")>
                        <legend class="ncc-field__label">{Field::GrantTypes.label(t)}</legend>
                        <p class="ncc-field__hint">{Field::GrantTypes.hint(t)}</p>
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
                    <h2 class="ncc-section-title">{c.ownership}</h2>
                    {form.controls(&[Field::Owners, Field::ProductName, Field::ApplicationName, Field::ClientUpnKey, Field::LogoUri])}
                    <Show when=is_native>
                        <h2 class="ncc-section-title">{c.mobile}</h2>
                        {form.controls(&[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName])}
                    </Show>
                    {move || unmanageable.get().map(|why| view! {
                        <p class="ncc-warning" role="note" id=crate::dom::id("create-unmanageable")>
                            <strong>{t.create.unmanageable}</strong>{why}
                            {t.create.unmanageable_fix}
                        </p>
                    })}
                    <div class="ncc-form__actions">
                        <GuardedButton label=c.submit busy=busy busy_label=c.creating decision=decision on_click=submit />
                        <a class="ncc-btn ncc-btn--ghost" href=crate::routes::list_href()>{c.cancel}</a>
                    </div>
                </form>
            </Show>
        </section>
    }
}
