//! The list's bulk actions (delete the selected, add or remove an owner on
//! them) and its list import. Each says first who would be skipped and why
//! (the domain's plan, by `decide()`), then hands the requests to a
//! [`BulkRun`].

use crate::api::{use_api, NexusApi};
use crate::auth::{use_auth, Auth};
use crate::bulk_runner::{BulkRun, Job};
use crate::chunks::{split_fn, ChunkError};
use crate::components::{use_toasts, ConfirmDialog, GuardedButton, JsonSource};
use leptos::prelude::*;
use nexus_domain::bulk::{
    import_list, owner_input, plan, BulkAction, BulkItem, Outcome, Plan, Selection,
};
use nexus_domain::list::ClientSummary;
use nexus_domain::list_query::count_phrase;
use nexus_domain::permissions::decide;
use nexus_domain::{Catalog, Decision, Operation, ProblemDetails};
use std::rc::Rc;
use std::sync::Arc;

/// An action that needs `op`, to ask the plan for its reason.
fn probe(op: Operation) -> BulkAction {
    match op {
        Operation::Delete => BulkAction::Delete,
        _ => BulkAction::AddOwner(String::new()),
    }
}

/// Which dialog is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Delete,
    AddOwner,
    RemoveOwner,
}

/// The selection bar over the list: how many are selected, "select all
/// matching", clear, and the actions on the selected clients (delete, add an
/// owner, remove an owner), each planned and confirmed in a dialog.
#[component]
pub fn SelectionBar(
    #[prop(into)] clients: Signal<Option<Arc<Vec<ClientSummary>>>>,
    selection: RwSignal<Selection>,
    /// Of the clients matching the search and filters: (selected, all).
    #[prop(into)]
    matching: Signal<(usize, usize)>,
    select_matching: Callback<()>,
    run: BulkRun,
    on_finish: Callback<()>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let api = use_api();
    let auth = use_auth();
    // Enabled when the caller may change at least one selected client (the
    // rest are skipped); otherwise the first one's reason from decide().
    // One scan of the list per selection or list change, shared by the
    // three buttons: whether any selected client may be changed, and the
    // first selected (whose reason a denial gives).
    let scan = Memo::new(move |_| {
        let caller = auth.caller().get();
        clients.with(|c| {
            c.as_ref().map(|c| {
                selection.with(|s| {
                    let mut picked = s.of(c).peekable();
                    let first = picked.peek().copied().cloned();
                    (picked.any(|row| row.may_change(&caller)), first)
                })
            })
        })
    });
    let decision = move |op: Operation| {
        Signal::derive(move || {
            let n = selection.with(Selection::len);
            if n == 0 {
                return Decision::Denied(t.bulk.select_first.into());
            }
            if run.running.get() {
                return Decision::Denied(t.bulk.under_way.into());
            }
            let Some((any, first)) = scan.get() else {
                return Decision::Allowed;
            };
            if any {
                return Decision::Allowed;
            }
            let caller = auth.caller().get();
            let reason = first
                .map(|row| plan(t, &caller, &probe(op), [&row]))
                .and_then(|p| p.skipped.into_iter().next())
                .and_then(|i| match i.outcome {
                    Outcome::Skipped(r) => Some(r),
                    _ => None,
                })
                .unwrap_or_default();
            Decision::Denied((t.bulk.none_changeable)(&count_phrase(t, n, n), &reason))
        })
    };
    // The dialog's chunk (which holds the run's results too) is fetched as
    // soon as something is selected, so the first action opens at once. A
    // fetch that fails is tried again at the next selection or on opening.
    let fetched = StoredValue::new(false);
    Effect::new(move |_| {
        if !selection.with(Selection::is_empty) && !fetched.get_value() {
            fetched.set_value(true);
            leptos::task::spawn_local(async move {
                if preload_bulk_dialog().await.is_err() {
                    fetched.try_set_value(false);
                }
            });
        }
    });
    let ask = RwSignal::new(None::<Ask>);
    // The plan as the dialog opens: who is attempted and who skipped.
    let preview = RwSignal::new(Plan::default());
    let open = move |which: Ask| {
        // The permission part of the plan: an owner action's skips for
        // "nothing would change" depend on the owner, and are in the results.
        let op = if which == Ask::Delete {
            Operation::Delete
        } else {
            Operation::Edit
        };
        preview.set(planned(t, auth, clients, selection, &probe(op)));
        ask.set(Some(which));
    };
    let toasts = use_toasts();
    let buttons = [
        (t.bulk.delete_selected, Operation::Delete, Ask::Delete),
        (t.bulk.add_owner, Operation::Edit, Ask::AddOwner),
        (t.bulk.remove_owner, Operation::Edit, Ask::RemoveOwner),
    ];
    view! {
        <div class="ncc-bulkbar" role="group" aria-label=t.bulk.selection>
            <span class="ncc-muted" role="status">{move || match selection.with(Selection::len) {
                0 => t.bulk.none_selected.to_string(),
                n => (t.bulk.selected)(&count_phrase(t, n, n)),
            }}</span>
            <Show when=move || { let (on, all) = matching.get(); on < all }>
                <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" on:click=move |_| select_matching.run(())>
                    {move || (t.bulk.select_all_matching)(&t.num(matching.get().1))}
                </button>
            </Show>
            <Show when=move || !selection.with(Selection::is_empty)>
                <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" on:click=move |_| selection.update(Selection::clear)>{t.bulk.clear_selection}</button>
            </Show>
            <div class="ncc-bulkbar__actions">
                {buttons.into_iter().map(|(label, op, which)| view! {
                    <GuardedButton label=label class="ncc-btn ncc-btn--secondary ncc-btn--small" decision=decision(op) on_click=move || open(which) />
                }).collect_view()}
            </div>
        </div>
        // One dialog for the three actions, its code fetched at the first
        // tick (above), or here if that fetch failed.
        {move || ask.get().map(|which| {
            let dialog = Dialog { which, ask, preview, clients, selection, run, on_finish, api, auth, t };
            Suspend::new(async move {
                match bulk_dialog(dialog).await {
                    Ok(view) => view,
                    Err(ChunkError) => {
                        toasts.show(t.shell.chunk_failed);
                        ask.set(None);
                        ().into_any()
                    }
                }
            })
        })}
    }
}

// Reading the list (serde_json's tree, the importer's mapping and checks)
// comes when first asked for: the title, the items and the job of the run,
// or why the text is not a list of clients.
split_fn!(
    list_import,
    fn prepare_import(
        t: &'static Catalog,
        api: NexusApi,
        text: String,
    ) -> Result<(String, Vec<BulkItem>, Job), String> {
        match import_list(t, &text) {
            Err(e) => Err(e),
            Ok(list) => {
                let items: Vec<BulkItem> = list
                    .iter()
                    .map(|i| BulkItem {
                        id: None,
                        name: i.name.clone(),
                        // Not valid: skipped with why, never sent; "Retry failed"
                        // does not offer it (a retry could never succeed).
                        outcome: match &i.request {
                            Ok(_) => Outcome::Waiting,
                            Err(why) => Outcome::Skipped((t.bulk.not_valid_skipped)(why)),
                        },
                        secret: None,
                    })
                    .collect();
                let n = list.len();
                let requests = Rc::new(list);
                let job: Job = Rc::new(move |i| {
                    let req = requests.get(i).map(|i| i.request.clone());
                    Box::pin(async move {
                        match req {
                            Some(Ok(body)) => api
                                .create_client(&body)
                                .await
                                .map(Some)
                                .map_err(|e| e.problem_after(t, Operation::Create)),
                            // Not valid: never sent, not even on a retry.
                            Some(Err(why)) => Err(not_valid(t, &why)),
                            None => Err(not_valid(t, t.bulk.not_in_list)),
                        }
                    })
                });
                Ok(((t.bulk.import_n)(&count_phrase(t, n, n)), items, job))
            }
        }
    }
);

/// Creates clients from a JSON list, one by one, with per-item results.
#[component]
pub fn ImportList(run: BulkRun, on_finish: Callback<()>) -> impl IntoView {
    let t = crate::i18n::t();
    let api = use_api();
    let auth = use_auth();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let decision = Signal::derive(move || {
        if run.running.get() {
            return Decision::Denied(t.bulk.under_way.into());
        }
        decide(t, &auth.caller().get(), Operation::Create, None)
    });
    let create = move || {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            match prepare_import(t, api, text).await {
                Err(ChunkError) => error.set(Some(t.shell.chunk_failed.into())),
                Ok(Err(e)) => error.set(Some(e)),
                Ok(Ok((title, items, job))) => {
                    error.set(None);
                    run.start(title, items, false, job, on_finish);
                }
            }
        });
    };
    view! {
        <details class="ncc-import">
            <summary>{t.bulk.import_summary}</summary>
            <JsonSource id=crate::dom::id("import-list") label=t.bulk.import_label text=text error=error on_file=|| ()
                hint=t.bulk.import_hint />
            <GuardedButton label=t.bulk.create_clients class="ncc-btn ncc-btn--secondary" decision=decision on_click=create />
            {move || error.get().map(|e| view! { <p class="ncc-field__error" role="alert">{e}</p> })}
        </details>
    }
}

/// The failure of an item that does not validate (never sent).
fn not_valid(t: &Catalog, why: &str) -> ProblemDetails {
    ProblemDetails::local(t.bulk.not_valid, why)
}

/// What the bulk dialog works on (all `Copy`: it crosses into its chunk).
#[derive(Clone, Copy)]
struct Dialog {
    which: Ask,
    ask: RwSignal<Option<Ask>>,
    preview: RwSignal<Plan>,
    clients: Signal<Option<Arc<Vec<ClientSummary>>>>,
    selection: RwSignal<Selection>,
    run: BulkRun,
    on_finish: Callback<()>,
    api: NexusApi,
    auth: Auth,
    t: &'static Catalog,
}

/// The plan for `action` on the selected clients, as the caller stands now.
fn planned(
    t: &'static Catalog,
    auth: Auth,
    clients: Signal<Option<Arc<Vec<ClientSummary>>>>,
    selection: RwSignal<Selection>,
    action: &BulkAction,
) -> Plan {
    let caller = auth.caller().get_untracked();
    clients.with_untracked(|c| {
        selection.with_untracked(|s| match c {
            Some(c) => plan(t, &caller, action, s.of(c)),
            None => Plan::default(),
        })
    })
}

split_fn!(
    bulk_dialog,
    preload preload_bulk_dialog,
    fn bulk_dialog(d: Dialog) -> AnyView {
        dialog_view(d).into_any()
    }
);

/// The dialog: the plan (who is skipped and why), the owner for an owner
/// action, the typed count for a delete; confirming starts the run.
fn dialog_view(d: Dialog) -> impl IntoView {
    let Dialog {
        which,
        ask,
        preview,
        clients,
        selection,
        run,
        on_finish,
        api,
        auth,
        t,
    } = d;
    let owner = RwSignal::new(String::new());
    let owner_error = RwSignal::new(None::<String>);
    let go = move |action: BulkAction| {
        let p = planned(t, auth, clients, selection, &action);
        let n = p.attempt.len();
        let title = match &action {
            BulkAction::Delete => (t.bulk.delete_n)(&count_phrase(t, n, n)),
            BulkAction::AddOwner(o) => (t.bulk.add_owner_to)(o, &count_phrase(t, n, n)),
            BulkAction::RemoveOwner(o) => (t.bulk.remove_owner_from)(o, &count_phrase(t, n, n)),
        };
        let targets = Rc::new(p.attempt);
        let items: Vec<BulkItem> = targets
            .iter()
            .map(|t| BulkItem {
                id: Some(t.id.clone()),
                name: t.name.clone(),
                outcome: Outcome::Waiting,
                secret: None,
            })
            .chain(p.skipped)
            .collect();
        let job: Job = Rc::new(move |i| {
            let target = targets.get(i).cloned();
            Box::pin(async move {
                let Some(target) = target else {
                    return Err(ProblemDetails::local(
                        t.bulk.nothing_to_send,
                        t.bulk.not_in_run,
                    ));
                };
                match &target.patch {
                    None => api
                        .delete_client(&target.id)
                        .await
                        .map(|()| None)
                        .map_err(|e| e.problem_after(t, Operation::Delete)),
                    Some(body) => api
                        .update_client(&target.id, body)
                        .await
                        .map(|_| None)
                        .map_err(|e| e.problem_after(t, Operation::Edit)),
                }
            })
        });
        ask.set(None);
        run.start(title, items, action == BulkAction::Delete, job, on_finish);
    };
    let owner_action = move |remove: bool| match owner_input(t, &owner.get_untracked()) {
        Ok(o) => go(if remove {
            BulkAction::RemoveOwner(o)
        } else {
            BulkAction::AddOwner(o)
        }),
        Err(e) => owner_error.set(Some(e)),
    };
    let skipped_note = move || {
        preview.with(|p| {
            let n = p.attempt.len() + p.skipped.len();
            let reasons = p
                .skipped
                .iter()
                .map(|i| {
                    let why = match &i.outcome {
                        Outcome::Skipped(r) => r.clone(),
                        _ => String::new(),
                    };
                    view! { <li><strong>{i.name.clone()}</strong>{format!(": {why}")}</li> }
                })
                .collect_view();
            view! {
                <p>{(t.bulk.n_selected)(&count_phrase(t, n, n))}</p>
                {(p.denied > 0).then(|| view! {
                    <p class="ncc-notice" role="note">{(t.bulk.may_not_change)(&t.num(p.denied))}</p>
                    <details>
                        <summary>{t.bulk.why_each}</summary>
                        <ul class="ncc-bulk__list">{reasons}</ul>
                    </details>
                })}
            }
        })
    };
    let attempted = move || preview.with(|p| p.attempt.len());
    let dialog_open = move |which: Ask| {
        let open = RwSignal::new(true);
        Effect::new(move |_| {
            if !open.get() && ask.get_untracked() == Some(which) {
                ask.set(None);
            }
        });
        open
    };
    let owner_field = move || {
        view! {
            <div class="ncc-field">
                <label class="ncc-field__label" for=crate::dom::id("bulk-owner")>{t.bulk.owner_label}</label>
                <input id=crate::dom::id("bulk-owner") class="ncc-input" type="text" autocomplete="off" spellcheck="false"
                    aria-invalid=move || owner_error.with(Option::is_some).then_some("true")
                    aria-describedby=crate::dom::id("bulk-owner-error")
                    prop:value=move || owner.get()
                    on:input:target=move |ev| { owner.set(ev.target().value()); owner_error.set(None); } />
                <p id=crate::dom::id("bulk-owner-error") class="ncc-field__error" role="alert">{move || owner_error.get()}</p>
                <p class="ncc-field__hint">{t.bulk.owner_hint}</p>
            </div>
        }
    };
    let confirm = move |which: Ask| match which {
        Ask::Delete => go(BulkAction::Delete),
        Ask::AddOwner => owner_action(false),
        Ask::RemoveOwner => owner_action(true),
    };

    let n = attempted();
    let all = count_phrase(t, n, n);
    let b = &t.bulk;
    let (title, label, typed) = match which {
        Ask::Delete => (
            (b.delete_q)(&all),
            (b.delete_n)(&all),
            Some((b.delete_typed)(&all)),
        ),
        Ask::AddOwner => (b.add_owner_title.to_string(), (b.add_to)(&all), None),
        Ask::RemoveOwner => (
            b.remove_owner_title.to_string(),
            (b.remove_from)(&all),
            None,
        ),
    };
    view! {
        <ConfirmDialog open=dialog_open(which) title=title confirm_label=label confirm_text=typed
            danger=which == Ask::Delete on_confirm=move || confirm(which)>
            {skipped_note}
            {(which != Ask::Delete).then(owner_field)}
        </ConfirmDialog>
    }
}
