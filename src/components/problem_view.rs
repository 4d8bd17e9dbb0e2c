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
    let t = crate::i18n::t();
    let status = problem.status_code();
    // A title the console filled in from the status alone is said in the
    // reader's language; a server's own title is shown as sent.
    let title = match (problem.title.clone(), status) {
        (Some(title), Some(s)) if title == nexus_domain::problem::status_title(s) => {
            (t.problems.status_title)(s).to_string()
        }
        (Some(title), _) => title,
        (None, _) => t.common.something_went_wrong.into(),
    };
    let detail = problem.detail.clone();
    // When the server said when to come back (Retry-After on a 429 or 503).
    let retry = problem.retry_advice(t);
    let trace = problem.trace_id.clone();
    let errors: Vec<(String, Vec<String>)> = if let Some(shown) = &shown {
        problem
            .errors_outside(shown)
            .into_iter()
            .map(|e| {
                (
                    e.field.map(|f| f.label(t).to_string()).unwrap_or(e.key),
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
                    let label = f.label(t);
                    match e.item_number() {
                        Some(n) => (t.common.item_of)(label, n),
                        None => label.to_string(),
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
            {detail.map(|d| view! { <div class="ncc-problem__detail"><LongText text=d label=t.common.the_details max=PROSE_CHARS /></div> })}
            {retry.map(|r| view! { <p class="ncc-problem__retry"><strong>{r}</strong></p> })}
            {has_errors.then(|| view! {
                <ul class="ncc-problem__errors" aria-label=t.common.field_errors>
                    {errors.into_iter().map(|(name, msgs)| view! {
                        <li><span class="ncc-problem__field">{shortened(&name)}</span>": " <LongText text=msgs.join(" ") label=t.common.this_message max=PROSE_CHARS /></li>
                    }).collect_view()}
                </ul>
            })}
            {trace.map(|id| {
                let copy = id.clone();
                view! {
                    <p class="ncc-problem__trace">
                        {t.common.trace_id} <LongText text=id label=t.common.the_trace_id code=true />
                        <CopyButton text=copy label=t.common.copy_trace_id />
                    </p>
                }
            })}
            {children.map(|c| c())}
        </div>
    }
}
