use super::client_form::Form;
use super::client_loader::ClientLoader;
use super::write::{problem_of, refusal_of, Write};
use crate::api::use_api;
use crate::auth::use_auth;
use crate::components::{
    shortened, use_toasts, use_unsaved_guard, GuardedButton, LongText, ProblemView,
};
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use nexus_domain::diff::{changes, diff, Change, ItemMark};
use nexus_domain::permissions::decide;
use nexus_domain::validation::validate_update;
use nexus_domain::{
    Catalog, Decision, EditDraft, Field, NexusClient, Operation, UpdateClientRequest,
};

/// `/clients/:id/edit`: the PATCH-able fields; only changes are sent, after a review.
#[component]
pub fn EditClientPage() -> impl IntoView {
    let t = crate::i18n::t();
    let auth = use_auth();
    view! {
        <ClientLoader render=move |client, _| {
            // A caller who may not edit gets the reason, not a form whose
            // review stays disabled and whose leave prompt nags.
            match decide(t, &auth.caller().get_untracked(), Operation::Edit, Some(&client)) {
                Decision::Denied(why) => view! { <EditNotAllowed client=client why=why /> }.into_any(),
                Decision::Allowed => view! { <EditForm client=client /> }.into_any(),
            }
        } />
    }
}

/// Clients / {name} / Edit.
#[component]
fn EditBreadcrumb(id: String, name: String) -> impl IntoView {
    let t = crate::i18n::t();
    view! {
        <nav class="ncc-breadcrumb" aria-label=t.detail.breadcrumb>
            <a href=crate::routes::list_href()>{t.detail.clients}</a>
            <span aria-hidden="true">" / "</span>
            <a href=href(&path::detail(&id))>{name}</a>
            <span aria-hidden="true">" / "</span>
            <span aria-current="page">{t.edit.edit}</span>
        </nav>
    }
}

/// The edit route for a caller who may not edit this client: why, and the
/// way back to the client (read-only there).
#[component]
fn EditNotAllowed(client: NexusClient, why: String) -> impl IntoView {
    let t = crate::i18n::t();
    let id = client.id.clone().unwrap_or_default();
    let name = shortened(&client.display_name());
    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby=crate::dom::id("edit-title")>
            <EditBreadcrumb id=id.clone() name=name.clone() />
            <h1 id=crate::dom::id("edit-title")>{(t.edit.cannot_edit)(&name)}</h1>
            <p class="ncc-notice" role="note">{why}</p>
            <p><a class="ncc-btn" href=href(&path::detail(&id))>{t.edit.view_client}</a></p>
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
fn review_items(t: &'static Catalog, ch: &Change, after: bool, label: String) -> AnyView {
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
        return t.edit.none.into_any();
    }
    shown
        .into_iter()
        .map(|i| {
            let (class, word) = match i.mark {
                ItemMark::Added => ("ncc-review__item ncc-review__item--added", t.edit.added),
                ItemMark::Removed => ("ncc-review__item ncc-review__item--removed", t.edit.removed),
                ItemMark::Kept => ("ncc-review__item", t.edit.kept),
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
    let t = crate::i18n::t();
    let e = &t.edit;
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
    let issues: Signal<_> = Memo::new(move |_| patch.with(|p| validate_update(t, p))).into();
    // The save: sends the patch. The draft it was made from is kept: once
    // saved, it is the new baseline; not the draft at the time the answer
    // comes: what the user typed meanwhile was not sent (issue 9, item 7).
    let sent = StoredValue::new(EditDraft::default());
    let save_write: Write = {
        let id = id.clone();
        Action::new_local(move |_: &()| {
            sent.set_value(draft.get_untracked());
            let (id, body) = (id.clone(), patch.get_untracked());
            async move { api.update_client(&id, &body).await.map(Some) }
        })
    };
    let busy = save_write.pending();
    let server_problem = problem_of(save_write, Operation::Edit);
    let server_denied = refusal_of(save_write);
    let reviewing = RwSignal::new(false);
    let client_for_rule = client.clone();
    let decision = Signal::derive(move || match server_denied.get() {
        Some(r) => Decision::Denied(r),
        None => decide(
            t,
            &auth.caller().get(),
            Operation::Edit,
            Some(&client_for_rule),
        ),
    });
    let form = Form {
        draft,
        issues,
        server: server_problem.into(),
    };

    let review_decision = Signal::derive(move || {
        let d = decision.get();
        if !d.is_allowed() {
            d
        } else if !dirty.get() {
            Decision::Denied(t.edit.nothing_changed.into())
        } else if !issues.with(Vec::is_empty) {
            Decision::Denied((t.edit.fix_first)(&t.num(issues.with(Vec::len))))
        } else {
            Decision::Allowed
        }
    });

    let root = crate::dom::use_root();
    // The review replaces the form: focus follows, so keyboard and screen
    // reader users land on it (the button they pressed is gone).
    let open_review = move || {
        reviewing.set(true);
        request_animation_frame(move || root.focus_id(&root.id("review-title")));
    };

    let save = move || {
        // Checked again here, not only on the button: a save already on
        // its way, or a caller who may not edit, sends nothing.
        if busy.get_untracked() || !decision.get_untracked().is_allowed() {
            return;
        }
        if patch.with_untracked(UpdateClientRequest::is_empty) {
            return;
        }
        save_write.dispatch(());
    };
    // What an answer does to the form. An effect of this view: when the user
    // has left it meanwhile, it does nothing.
    let detail_href = href(&path::detail(&id));
    let (answer, version) = (save_write.value(), save_write.version());
    Effect::watch(
        move || version.get(),
        move |_, _, _| {
            answer.with_untracked(|a| match a {
                Some(Ok(_)) => {
                    let sent = sent.get_value();
                    let typed_meanwhile = draft.with_untracked(|now| *now != sent);
                    original.set(sent);
                    if typed_meanwhile {
                        // Later edits stay in the form, still unsaved (the
                        // guard keeps them), ready to review and save.
                        reviewing.set(false);
                        toasts.show(t.edit.saved_typed);
                    } else {
                        toasts.show(t.edit.saved);
                        navigate(&detail_href, crate::routes::nav(false));
                    }
                }
                // Field errors send the user back to the form, where they
                // show at their fields. Anything else keeps the review open:
                // Save stays in view, to try again in one click, or disabled
                // with the server's reason after a 403.
                Some(Err(e)) if !e.problem_after(t, Operation::Edit).errors.is_empty() => {
                    reviewing.set(false);
                }
                Some(Err(_)) | None => {}
            })
        },
        false,
    );

    let c = client.clone();
    view! {
        <section class="ncc-page ncc-page--narrow" aria-labelledby=crate::dom::id("edit-title")>
            <EditBreadcrumb id=id.clone() name=name.clone() />
            <h1 id=crate::dom::id("edit-title")>{(e.title)(&name)}</h1>
            {c.is_terraform_managed().then(|| view! {
                <p class="ncc-warning" role="note"><strong>{t.detail.terraform_strong}</strong>{t.edit.terraform_warning}</p>
            })}
            {move || decision.get().reason().map(|r| view! { <p class="ncc-notice">{r.to_string()}</p> })}
            {move || server_problem.get().map(|p| view! { <ProblemView problem=p shown=Field::for_edit() /> })}
            <Show when=move || reviewing.get()>
                <section class="ncc-card ncc-review" aria-labelledby=crate::dom::id("review-title")>
                    <h2 id=crate::dom::id("review-title") tabindex="-1">{e.review_title}</h2>
                    <table class="ncc-table ncc-review__table">
                        <thead><tr><th scope="col">{e.field}</th><th scope="col">{e.before}</th><th scope="col">{e.after}</th></tr></thead>
                        <tbody>
                            {move || review_rows.get().into_iter().map(|ch| view! {
                                <tr>
                                    <th scope="row">{ch.field.label(t)}</th>
                                    <td class="ncc-review__old" class:ncc-review__list=!ch.items.is_empty()>{if !ch.items.is_empty() { review_items(t, &ch, false, (t.edit.label_before)(ch.field.label(t))) } else if ch.old.is_empty() { t.detail.not_set.into_any() } else { review_value(&ch.old, (t.edit.label_before)(ch.field.label(t))) }}</td>
                                    <td class="ncc-review__new">{if !ch.items.is_empty() { review_items(t, &ch, true, (t.edit.label_after)(ch.field.label(t))) } else if ch.new.is_empty() { t.detail.not_set.into_any() } else { review_value(&ch.new, (t.edit.label_after)(ch.field.label(t))) }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <div class="ncc-form__actions">
                        <GuardedButton label=e.save busy=busy busy_label=e.saving decision=decision on_click=save />
                        <button type="button" class="ncc-btn ncc-btn--ghost" on:click=move |_| reviewing.set(false)>{e.back_to_editing}</button>
                    </div>
                </section>
            </Show>
            <form class="ncc-form" class:ncc-hidden=move || reviewing.get() novalidate
                on:submit=move |ev| { ev.prevent_default(); if review_decision.get_untracked().is_allowed() { open_review(); } }>
                <h2 class="ncc-section-title">{t.create.ownership}</h2>
                {form.controls(&[Field::Owners, Field::ProductName, Field::ApplicationName, Field::ClientUpnKey])}
                <h2 class="ncc-section-title">{t.create.app_uris}</h2>
                {form.controls(&[Field::CallbackUrls, Field::LogoutUrls, Field::WebOrigins, Field::CorsOrigins])}
                <h2 class="ncc-section-title">{t.create.mobile}</h2>
                {form.controls(&[Field::IosTeamId, Field::IosBundleId, Field::AndroidKeystoreHash, Field::AndroidPackageName])}
                <section class="ncc-card ncc-readonly" aria-labelledby=crate::dom::id("ro-title")>
                    <h2 id=crate::dom::id("ro-title")>{e.not_editable}</h2>
                    <p class="ncc-muted">{e.not_editable_text}</p>
                    <dl class="ncc-dl">
                        <div class="ncc-dl__row"><dt>{Field::Name.label(t)}</dt><dd><LongText text=c.display_name() label=Field::Name.label(t) /></dd></div>
                        <div class="ncc-dl__row"><dt>{t.detail.type_}</dt><dd>{c.kind().map(|k| k.label(t).to_string()).unwrap_or_else(|| t.detail.not_set.into())}</dd></div>
                        <div class="ncc-dl__row"><dt>{Field::GrantTypes.label(t)}</dt><dd><LongText text=c.grant_types.clone().filter(|g| !g.is_empty()).map(|g| g.join(", ")).unwrap_or_else(|| t.detail.not_set.into()) label=Field::GrantTypes.label(t) /></dd></div>
                    </dl>
                </section>
                <div class="ncc-form__actions">
                    <GuardedButton label=e.review decision=review_decision
                        on_click=open_review />
                    <a class="ncc-btn ncc-btn--ghost" href=href(&path::detail(&id))>{t.create.cancel}</a>
                </div>
            </form>
        </section>
    }
}
