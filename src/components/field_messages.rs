use super::LongText;
use leptos::prelude::*;

/// Error messages under a field; `id` is what the control's
/// `aria-describedby` points at.
#[component]
pub fn FieldMessages(
    #[prop(into)] id: String,
    #[prop(into)] messages: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div id=id class="ncc-field__errors" aria-live="polite">
            {move || messages.get().into_iter().map(|m| view! { <p class="ncc-field__error"><LongText text=m label=crate::i18n::t().common.this_message /></p> }).collect_view()}
        </div>
    }
}
