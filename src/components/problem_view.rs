use super::{shortened, CopyButton, LongText};

/// A problem's detail or field message is prose: shown whole up to a long
/// paragraph, cut beyond (a hostile or broken server may send megabytes).
const PROSE_CHARS: usize = 1_000;
use leptos::prelude::*;
use nexus_domain::ProblemDetails;

/// A problem as the user sees it: status, title, detail, trace id, and field
/// errors. In a form, `shown` names the fields it displays, so the problem lists only the errors whose field the
/// form does not show (the others appear at their fields).
#[component]
pub fn ProblemView(
    problem: ProblemDetails,
    /// In a form: the fields it shows. Errors for those appear at the fields;
    /// the rest (unknown keys, fields not on this form) are listed here.
    #[prop(optional)]
    shown: Option<Vec<nexus_domain::Field>>,
    /// Extra guidance under the detail ("sign in again", "back to the list").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let status = problem.status_code();
    let title = problem
        .title
        .clone()
        .unwrap_or_else(|| "Something went wrong".into());
    let detail = problem.detail.clone();
    // When the server said when to come back (Retry-After on a 429 or 503).
    let retry = problem.retry_advice();
    let trace = problem.trace_id.clone();
    let errors: Vec<(String, Vec<String>)> = if let Some(shown) = &shown {
        problem
            .errors_outside(shown)
            .into_iter()
            .map(|e| {
                (
                    e.field.map(|f| f.label().to_string()).unwrap_or(e.key),
                    e.messages,
                )
            })
            .collect()
    } else {
        problem
            .field_errors()
            .into_iter()
            .map(|e| {
                let name = e.field.map(|f| {
                    let label = f.label().to_string();
                    match e.item_number() {
                        Some(n) => format!("{label} (item {n})"),
                        None => label,
                    }
                });
                (name.unwrap_or(e.key), e.messages)
            })
            .collect()
    };
    let has_errors = !errors.is_empty();
    view! {
        <div class="ncc-problem" role="alert" aria-live="assertive">
            <div class="ncc-problem__head">
                {status.map(|s| view! { <span class="ncc-badge ncc-badge--danger">{format!("HTTP {s}")}</span> })}
                <strong class="ncc-problem__title">{shortened(&title)}</strong>
            </div>
            {detail.map(|d| view! { <div class="ncc-problem__detail"><LongText text=d label="the details" max=PROSE_CHARS /></div> })}
            {retry.map(|r| view! { <p class="ncc-problem__retry"><strong>{r}</strong></p> })}
            {has_errors.then(|| view! {
                <ul class="ncc-problem__errors" aria-label="Field errors">
                    {errors.into_iter().map(|(name, msgs)| view! {
                        <li><span class="ncc-problem__field">{shortened(&name)}</span>": " <LongText text=msgs.join(" ") label="this message" max=PROSE_CHARS /></li>
                    }).collect_view()}
                </ul>
            })}
            {trace.map(|t| {
                let copy = t.clone();
                view! {
                    <p class="ncc-problem__trace">
                        "Trace id: " <LongText text=t label="the trace id" code=true />
                        <CopyButton text=copy label="Copy trace id" />
                    </p>
                }
            })}
            {children.map(|c| c())}
        </div>
    }
}
