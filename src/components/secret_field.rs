use super::CopyButton;
use crate::dom::unique_id;
use leptos::prelude::*;

/// A client secret: masked until revealed, with a copy button.
#[component]
pub fn SecretField(
    #[prop(into)] secret: String,
    #[prop(into, default = "Client secret".to_string())] label: String,
) -> impl IntoView {
    let (revealed, set_revealed) = signal(false);
    let value_id = unique_id("secret");
    // A fixed-length mask: it fits its column and does not tell the length.
    let masked: String = "\u{2022}".repeat(12);
    let shown = secret.clone();
    view! {
        <div class="ncc-secret">
            <span class="ncc-visually-hidden">{move || if revealed.get() { format!("{label}: ") } else { format!("{label} (hidden)") }}</span>
            <code id=value_id.clone() class="ncc-secret__value" aria-hidden=move || (!revealed.get()).then_some("true")>
                {move || if revealed.get() { shown.clone() } else { masked.clone() }}
            </code>
            <button
                type="button"
                class="ncc-btn ncc-btn--ghost ncc-btn--small"
                aria-controls=value_id
                aria-pressed=move || revealed.get().to_string()
                on:click=move |_| set_revealed.update(|r| *r = !*r)
            >
                {move || if revealed.get() { "Hide secret" } else { "Reveal secret" }}
            </button>
            <CopyButton text=secret label="Copy client secret" />
        </div>
    }
}
