//! A JSON text to paste, or a file to choose whose text fills the box: the
//! single import of the New client page and the list import of the list.

use leptos::prelude::*;
use std::rc::Rc;

/// The box and the file chooser; ids are `{id}-text`, `{id}-file` and the
/// hint's `{id}-hint`. `on_file` runs once a chosen file's text is in
/// `text`; a file that cannot be read sets `error`.
#[component]
pub fn JsonSource(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
    on_file: impl Fn() + 'static,
) -> impl IntoView {
    let on_file = Rc::new(on_file);
    let read = move |input: web_sys::HtmlInputElement| {
        let on_file = on_file.clone();
        leptos::task::spawn_local(async move {
            let read = crate::dom::chosen_file_text(&input).await;
            // try_set gives the value back when the page is gone.
            let kept = match read {
                Some(Ok(t)) => text.try_set(t).is_none(),
                Some(Err(e)) => {
                    error.try_set(Some(e));
                    false
                }
                None => false,
            };
            if kept {
                on_file();
            }
        });
    };
    let hint_id = format!("{id}-hint");
    view! {
        <p class="ncc-field__hint" id=hint_id.clone()>{hint}</p>
        <div class="ncc-field">
            <label class="ncc-field__label" for=format!("{id}-text")>{label}</label>
            <textarea id=format!("{id}-text") class="ncc-input ncc-input--code" rows="6" aria-describedby=hint_id
                prop:value=move || text.get()
                on:input:target=move |ev| text.set(ev.target().value())></textarea>
        </div>
        <div class="ncc-field">
            <label class="ncc-field__label" for=format!("{id}-file")>{crate::i18n::t().common.or_choose_file}</label>
            <input id=format!("{id}-file") type="file" accept="application/json,.json"
                on:change:target=move |ev| read(ev.target()) />
        </div>
    }
}
