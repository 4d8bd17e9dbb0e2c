//! A bulk run's progress and, once it ends, its per-client results: what
//! failed (the problem and its trace id), what was skipped and why, what a
//! cancel left unsent, what was done, and any secret a create issued (shown
//! here once, like the single create's).

use crate::bulk_runner::BulkRun;
use crate::chunks::split_fn;
use crate::components::{chunk_view, shortened, use_leave_guard, CopyButton};
use crate::routes::{href, path};
use leptos::prelude::*;
use nexus_domain::bulk::{BulkItem, Outcome, Tally};

/// The progress bar, status line, Cancel, and the results of `run`. Their
/// views come in the bulk dialog's chunk (fetched when a run first starts;
/// usually already there, since the dialog started it); the leave guard
/// stays here, live from the run's first moment.
#[component]
pub fn BulkResults(run: BulkRun) -> impl IntoView {
    let tr = crate::i18n::t();
    // Which items hold an issued secret (indexes: an answer clones no item;
    // the rows are redrawn only when a new secret comes).
    let secrets = Memo::new(move |_| {
        run.items.with(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.secret.is_some())
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        })
    });
    // Leaving mid-run would stop it with its results unseen; leaving with
    // secrets on screen would lose them.
    use_leave_guard(Signal::derive(move || {
        if run.running.get() {
            Some(tr.bulk.run_not_finished)
        } else {
            secrets.with(|s| (!s.is_empty()).then_some(tr.bulk.secrets_not_copied))
        }
    }));
    view! {
        <Show when=move || !run.items.with(Vec::is_empty)>
            {chunk_view(
                LocalResource::new(results_view),
                move |results: ResultsView| results(run, secrets),
                tr.bulk.loading_results,
                tr.bulk.results_load_failed,
                false,
            )}
        </Show>
    }
}

/// Builds a run's results view. In a split build it points into the chunk.
type ResultsView = fn(BulkRun, Memo<Vec<usize>>) -> AnyView;

split_fn!(
    bulk_dialog,
    fn results_view() -> ResultsView {
        |run, secrets| results(run, secrets).into_any()
    }
);

/// The results section of a run that has items.
fn results(run: BulkRun, secrets: Memo<Vec<usize>>) -> impl IntoView {
    let tr = crate::i18n::t();
    let b = &tr.bulk;
    let tally = Memo::new(move |_| run.items.with(|i| Tally::of(i)));
    // The results are drawn once the run ends, not at every answer: a
    // 1,000-client run updates only the bar and the status line.
    let ended = move || !run.running.get();
    // One group of results: a heading with its count and the clients;
    // the done ones folded (a 1,000-client run lists them on request).
    let group = move |heading: &'static str, pick: fn(&Outcome) -> bool, folded: bool| {
        // Tracked: read only once the run has ended, so the groups are
        // drawn then (and again after a retry), not at every answer.
        run.items.with(|items| {
            let deletes = run.deletes.get_untracked();
            let lines: Vec<_> = items
                .iter()
                .filter(|i| pick(&i.outcome))
                .map(|i| result_line(tr, i, deletes))
                .collect();
            let title = (tr.bulk.group_title)(heading, &tr.num(lines.len()));
            match (lines.is_empty(), folded) {
                (true, _) => ().into_any(),
                (false, true) => view! {
                    <details class="ncc-bulk__done">
                        <summary>{title}</summary>
                        <ul class="ncc-bulk__list">{lines}</ul>
                    </details>
                }
                .into_any(),
                (false, false) => view! {
                    <h3>{title}</h3>
                    <ul class="ncc-bulk__list">{lines}</ul>
                }
                .into_any(),
            }
        })
    };
    let retry_label = move || {
        let t = tally.get();
        match (t.failed, t.cancelled) {
            (0, _) => tr.bulk.send_not_started,
            (_, 0) => tr.bulk.retry_failed,
            _ => tr.bulk.retry_both,
        }
    };
    view! {
        <section class="ncc-bulk" aria-labelledby=crate::dom::id("bulk-title")>
            <h2 id=crate::dom::id("bulk-title")>{move || run.title.get()}</h2>
            <progress
                class="ncc-bulk__bar"
                aria-labelledby=crate::dom::id("bulk-title")
                max=move || tally.get().attempted.max(1)
                value=move || tally.get().finished()
            ></progress>
            <p role="status" class="ncc-bulk__status">
                {move || {
                    let t = tally.get();
                    if run.running.get() {
                        let waiting = if run.cancelling() { tr.bulk.cancelling } else { "" };
                        format!("{}{waiting}", t.phrase(tr))
                    } else {
                        (tr.bulk.finished)(&t.phrase(tr))
                    }
                }}
            </p>
            <div class="ncc-bulk__actions">
                <Show when=move || run.running.get()>
                    <button type="button" class="ncc-btn ncc-btn--secondary"
                        aria-disabled=move || run.cancelling().then_some("true")
                        on:click=move |_| run.cancel()>{b.cancel}</button>
                </Show>
                <Show when=move || ended() && tally.with(|t| t.failed + t.cancelled > 0)>
                    <button type="button" class="ncc-btn" on:click=move |_| run.retry_failed()>{retry_label}</button>
                </Show>
                <Show when=ended>
                    <button type="button" class="ncc-btn ncc-btn--ghost" on:click=move |_| run.items.set(Vec::new())>{b.close_results}</button>
                </Show>
            </div>
            <Show when=move || !secrets.with(Vec::is_empty)>
                <div class="ncc-secret-once">
                    <h3>{b.secrets_issued}</h3>
                    <p><strong>{b.copy_each}</strong></p>
                    <ul class="ncc-bulk__list">
                        {move || secrets.with(|at| run.items.with_untracked(|items| at.iter().filter_map(|&at| items.get(at)).map(|i| {
                            let secret = i.secret.clone().unwrap_or_default();
                            view! {
                                <li class="ncc-secret-once__row">
                                    <span>{(tr.bulk.secret_issued)(&i.name)}</span>
                                    <code class="ncc-secret-once__value">{secret.clone()}</code>
                                    <CopyButton text=secret label=(tr.bulk.copy_secret_of)(&i.name) />
                                </li>
                            }
                        }).collect_view()))}
                    </ul>
                </div>
            </Show>
            {move || ended().then(|| view! {
                {group(tr.bulk.g_failed, |o| matches!(o, Outcome::Failed(_)), false)}
                {group(tr.bulk.g_skipped, |o| matches!(o, Outcome::Skipped(_)), false)}
                {group(tr.bulk.g_cancelled, |o| matches!(o, Outcome::Cancelled), false)}
                {group(tr.bulk.g_done, |o| matches!(o, Outcome::Done), true)}
            })}
        </section>
    }
}

/// One client's line: its name, and what happened to it.
fn result_line(tr: &nexus_domain::Catalog, item: &BulkItem, deletes: bool) -> AnyView {
    let b = &tr.bulk;
    let said = match &item.outcome {
        Outcome::Done => b.o_done.to_string(),
        Outcome::Waiting => b.o_waiting.to_string(),
        Outcome::Cancelled => b.o_cancelled.to_string(),
        Outcome::Skipped(why) => (b.o_skipped)(why),
        Outcome::Failed(p) => {
            let mut s = (b.o_failed)(p.title.as_deref().unwrap_or(b.error));
            if let Some(status) = p.status_code() {
                s.push_str(&format!(" ({status})"));
            }
            // Cut as the problem view cuts it: a hostile server's detail
            // may be megabytes, once per failed client.
            if let Some(d) = &p.detail {
                s.push_str(&format!(". {}", shortened(d)));
            }
            if let Some(t) = &p.trace_id {
                s.push_str(&(b.trace)(t));
            }
            s
        }
    };
    // A deleted client has no page to link to.
    let link = item
        .id
        .clone()
        .filter(|_| !(deletes && matches!(item.outcome, Outcome::Done)));
    let name = item.name.clone();
    view! {
        <li>
            {match link {
                Some(id) => view! { <a href=href(&path::detail(&id))>{name}</a> }.into_any(),
                None => view! { <strong>{name}</strong> }.into_any(),
            }}
            {format!(" \u{2014} {said}")}
        </li>
    }
    .into_any()
}
