use super::client_form::Form;
use super::client_loader::ClientLoader;
use crate::api::use_api;
use crate::auth::use_auth;
use crate::components::{
    shortened, use_toasts, use_unsaved_guard, GuardedButton, LongText, ProblemView,
};
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use nexus_domain::diff::{changes, diff, Change, ItemMark};
use nexus_domain::permissions::decide;
use nexus_domain::validation::validate_update;
use nexus_domain::{Decision, EditDraft, Field, NexusClient, Operation, ProblemDetails};

/// `/clients/:id/edit`: the PATCH-able fields; only changes are sent, after a review.
#[component]
pub fn EditClientPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <ClientLoader render=move |client, _| {
            // A caller who may not edit gets the reason, not a form whose
            // review stays disabled and whose leave prompt nags.
            match decide(&auth.caller().get_untracked(), Operation::Edit, Some(&client)) {
                Decision::Denied(why) => view! { <EditNotAllowed client=client why=why /> }.into_any(),
                Decision::Allowed => view! { <EditForm client=client /> }.into_any(),
            }
        } />
    }
}

/// Clients / {name} / Edit.
#[component]
fn EditBreadcrumb(id: String, name: String) -> impl IntoView {
    view! {
        <nav class="ncc-breadcrumb" aria-label="Breadcrumb">
            <a href=crate::routes::list_href()>"Clients"</a>
            <span aria-hidden="true">" / "</span>
            <a href=href(&path::detail(&id))>{name}</a>
            <span aria-hidden="true">" / "</span>
            <span aria-current="page">"Edit"</span>
        </nav>
    }
}

/// The edit route for a caller who may not edit this client: why, and the
/// way back to the client (read-only there).
#[component]
fn EditNotAllowed(client: NexusClient, why: String) -> impl IntoView {
    let id = client.id.clone().unwrap_or_default();
    let name = shortened(&client.display_name());
    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby="ncc-edit-title">
            <EditBreadcrumb id=id.clone() name=name.clone() />
            <h1 id="ncc-edit-title">{format!("You cannot edit {name}")}</h1>
            <p class="ncc-notice" role="note">{why}</p>
            <p><a class="ncc-btn" href=href(&path::detail(&id))>"View the client"</a></p>
        </section>
    }
}

/// A value in the review: one line per list item, each cut when long.
fn review_value(value: &str, label: String) -> AnyView {
    value
        .lines()
        .map(|line| view! { <div><LongText text=line.to_string() label=label.clone() /></div> })
        .collect_view()
        .into_any()
}

/// One side of a list field in the review, item by item: before shows the
/// kept and removed items, after the kept and added ones, each marked in
/// words (for screen readers) and by style.
fn review_items(ch: &Change, after: bool, label: String) -> AnyView {
    let shown: Vec<_> = ch
        .items
        .iter()
        .filter(|i| match i.mark {
            ItemMark::Added => after,
            ItemMark::Removed => !after,
            ItemMark::Kept => true,
        })
        .cloned()
        .collect();
    if shown.is_empty() {
        return "none".into_any();
    }
    shown
        .into_iter()
        .map(|i| {
            let (class, word) = match i.mark {
                ItemMark::Added => ("ncc-review__item ncc-review__item--added", "added: "),
                ItemMark::Removed => ("ncc-review__item ncc-review__item--removed", "removed: "),
                ItemMark::Kept => ("ncc-review__item", "kept: "),
            };
            view! {
                <div class=class>
                    <span class="ncc-visually-hidden">{word}</span>
                    <LongText text=i.value label=label.clone() />
                </div>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn EditForm(client: NexusClient) -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let id = client.id.clone().unwrap_or_default();
    // The heading and breadcrumb show a long name cut (issue 9, item 4).
    let name = shortened(&client.display_name());
    let original = RwSignal::new(EditDraft::from_client(&client));
    // The whole form in one signal; each control reads its own slice.
    let draft = RwSignal::new(original.get_untracked());
    let patch = Memo::new(move |_| original.with(|o| draft.with(|d| diff(o, d))));
    let review_rows = Memo::new(move |_| original.with(|o| draft.with(|d| changes(o, d))));
    let dirty = Signal::derive(move || !patch.with(|p| p.is_empty()));
    use_unsaved_guard(dirty);
    let issues_memo = Memo::new(move |_| validate_update(&patch.get()));
    let issues = Signal::derive(move || issues_memo.get());
    let server_problem = RwSignal::new(None::<ProblemDetails>);
    let server_denied = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let reviewing = RwSignal::new(false);
    let client_for_rule = client.clone();
    let decision = Signal::derive(move || match server_denied.get() {
        Some(r) => Decision::Denied(r),
        None => decide(
            &auth.caller().get(),
            Operation::Edit,
            Some(&client_for_rule),
        ),
    });
    let form = Form {
        draft,
        issues,
        server: server_problem,
    };

    let review_decision = Signal::derive(move || {
        let d = decision.get();
        if !d.is_allowed() {
            d
        } else if !dirty.get() {
            Decision::Denied("Nothing has changed yet.".into())
        } else if !issues.with(Vec::is_empty) {
            Decision::Denied(format!(
                "Fix the {} problem(s) marked in the form first.",
                issues.with(Vec::len)
            ))
        } else {
            Decision::Allowed
        }
    });

    // The review replaces the form: focus follows, so keyboard and screen
    // reader users land on it (the button they pressed is gone).
    let open_review = move || {
        reviewing.set(true);
        request_animation_frame(|| crate::dom::focus_id("ncc-review-title"));
    };

    let save = {
        let id = id.clone();
        move || {
            // Checked again here, not only on the button: a save already on
            // its way, or a caller who may not edit, sends nothing.
            if busy.get_untracked() || !decision.get_untracked().is_allowed() {
                return;
            }
            let body = patch.get_untracked();
            if body.is_empty() {
                return;
            }
            // The draft this body was made from: once saved, it is the new
            // baseline. Not the draft at the time the answer comes: what the
            // user typed meanwhile was not sent (issue 9, item 7).
            let sent = draft.get_untracked();
            busy.set(true);
            server_problem.set(None);
            let id = id.clone();
            let navigate = navigate.clone();
            // Resolved now: after the await there is no reactive owner to read context from.
            let detail_href = href(&path::detail(&id));
            spawn_local(async move {
                let r = api.update_client(&id, &body).await;
                busy.try_set(false);
                match r {
                    Ok(_) => {
                        // What was sent is the new baseline (try_*: the user
                        // may have left the page meanwhile).
                        let Some(now) = draft.try_get_untracked() else {
                            return;
                        };
                        let typed_meanwhile = now != sent;
                        original.try_set(sent);
                        if typed_meanwhile {
                            // Later edits stay in the form, still unsaved (the
                            // guard keeps them), ready to review and save.
                            reviewing.try_set(false);
                            toasts.show(
                                "Changes saved. What you typed while saving is not saved yet.",
                            );
                        } else {
                            toasts.show("Changes saved.");
                            navigate(&detail_href, crate::routes::nav(false));
                        }
                    }
                    Err(e) => {
                        // Field errors send the user back to the form, where they
                        // show at their fields. Anything else keeps the review
                        // open: Save stays in view, to try again in one click, or
                        // disabled with the server's reason after a 403.
                        if let Some(reason) = e.forbidden_reason() {
                            server_denied.try_set(Some(reason));
                        }
                        let problem = e.problem_after(Operation::Edit);
                        if !problem.errors.is_empty() {
                            reviewing.try_set(false);
                        }
                        server_problem.try_set(Some(problem));
                    }
                }
            });
        }
    };

    let c = client.clone();
    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby="ncc-edit-title">
            <EditBreadcrumb id=id.clone() name=name.clone() />
            <h1 id="ncc-edit-title">{format!("Edit {name}")}</h1>
            {c.is_terraform_managed().then(|| view! {
                <p class="ncc-warning" role="note"><strong>"Managed by Terraform. "</strong>"Changes saved here may be overwritten by the next terraform apply."</p>
            })}
            {move || decision.get().reason().map(|r| view! { <p class="ncc-notice">{r.to_string()}</p> })}
            {move || server_problem.get().map(|p| view! { <ProblemView problem=p shown=Field::for_edit() /> })}
            <Show when=move || reviewing.get()>
                <section class="ncc-card ncc-review" aria-labelledby="ncc-review-title">
                    <h2 id="ncc-review-title" tabindex="-1">"Review changes"</h2>
                    <table class="ncc-table ncc-review__table">
                        <thead><tr><th scope="col">"Field"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                        <tbody>
                            {move || review_rows.get().into_iter().map(|ch| view! {
                                <tr>
                                    <th scope="row">{ch.field.label()}</th>
                                    <td class="ncc-review__old" class:ncc-review__list=!ch.items.is_empty()>{if !ch.items.is_empty() { review_items(&ch, false, format!("{} (before)", ch.field.label())) } else if ch.old.is_empty() { "not set".to_string().into_any() } else { review_value(&ch.old, format!("{} (before)", ch.field.label())) }}</td>
                                    <td class="ncc-review__new">{if !ch.items.is_empty() { review_items(&ch, true, format!("{} (after)", ch.field.label())) } else if ch.new.is_empty() { "not set".to_string().into_any() } else { review_value(&ch.new, format!("{} (after)", ch.field.label())) }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <div class="ncc-form__actions">
                        <GuardedButton label="Save changes" busy=busy busy_label="Saving\u{2026}" decision=decision on_click=save.clone() />
                        <button type="button" class="ncc-btn ncc-btn--ghost" on:click=move |_| reviewing.set(false)>"Back to editing"</button>
                    </div>
                </section>
            </Show>
            <form class="ncc-form" class:ncc-hidden=move || reviewing.get() novalidate
                on:submit=move |ev| { ev.prevent_default(); if review_decision.get_untracked().is_allowed() { open_review(); } }>
                <h2 class="ncc-section-title">"Ownership"</h2>
                {form.controls(&[Field::Owners, Field::ProductName, Field::ApplicationName, Field::ClientUpnKey])}
                <h2 class="ncc-section-title">"Application URIs"</h2>
                {form.controls(&[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins])}
                <h2 class="ncc-section-title">"Mobile"</h2>
                {form.controls(&[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName])}
                <section class="ncc-card ncc-readonly" aria-labelledby="ncc-ro-title">
                    <h2 id="ncc-ro-title">"Not editable here"</h2>
                    <p class="ncc-muted">"The Nexus update API cannot change the name, type, grant types, logo or token settings. They are set when the client is created (or by Terraform)."</p>
                    <dl class="ncc-dl">
                        <div class="ncc-dl__row"><dt>{Field::Name.label()}</dt><dd><LongText text=c.display_name() label=Field::Name.label() /></dd></div>
                        <div class="ncc-dl__row"><dt>"Type"</dt><dd>{c.kind().map(|k| k.label().to_string()).unwrap_or_else(|| "not set".into())}</dd></div>
                        <div class="ncc-dl__row"><dt>{Field::GrantTypes.label()}</dt><dd><LongText text=c.grant_types.clone().filter(|g| !g.is_empty()).map(|g| g.join(", ")).unwrap_or_else(|| "not set".into()) label=Field::GrantTypes.label() /></dd></div>
                    </dl>
                </section>
                <div class="ncc-form__actions">
                    <GuardedButton label="Review changes" decision=review_decision
                        on_click=open_review />
                    <a class="ncc-btn ncc-btn--ghost" href=href(&path::detail(&id))>"Cancel"</a>
                </div>
            </form>
        </section>
    }
}
