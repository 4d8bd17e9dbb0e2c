//! An export's two ways out: a download and a Copy button.

use crate::components::CopyButton;
use crate::dom::download;
use leptos::prelude::*;

/// Download `text` as `file_name`, or copy it. `what` names the export for
/// the controls' labels ("JSON"). The download is a button that makes the
/// file when pressed: no `data:` URL sits in the page's links.
#[component]
pub fn ExportLinks(
    text: String,
    file_name: String,
    mime: &'static str,
    what: &'static str,
) -> impl IntoView {
    let t = crate::i18n::t();
    let saved = StoredValue::new((text.clone(), file_name));
    view! {
        <div class="ncc-export">
            <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small"
                on:click=move |_| saved.with_value(|(text, name)| download(name, mime, text))>
                {(t.common.download)(what)}
            </button>
            <CopyButton text=text label=(t.common.copy_what)(what) />
        </div>
    }
}
