//! An export's two ways out: a download link and a Copy button.

use crate::components::CopyButton;
use crate::dom::data_url;
use leptos::prelude::*;

/// Download `text` as `file_name`, or copy it. `what` names the export for
/// the controls' labels ("JSON").
#[component]
pub fn ExportLinks(
    text: String,
    file_name: String,
    mime: &'static str,
    what: &'static str,
) -> impl IntoView {
    let href = data_url(mime, &text);
    view! {
        <div class="ncc-export">
            <a class="ncc-btn ncc-btn--secondary ncc-btn--small" href=href download=file_name data-guard-exempt="">
                {format!("Download {what}")}
            </a>
            <CopyButton text=text label=format!("Copy {what}") />
        </div>
    }
}
