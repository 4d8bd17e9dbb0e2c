use super::CopyButton;
use crate::dom::unique_id;
use leptos::prelude::*;
use nexus_domain::Decision;

/// A client secret: masked until revealed, with a copy button. Reveal and
/// Copy follow `decision` (the rotate decision: only a caller who may rotate
/// a secret may see it); when denied they stay visible, `aria-disabled`, with
/// the reason as their description. `secret` may be empty when the server
/// left it out for this caller.
#[component]
pub fn SecretField(
    #[prop(into)] secret: String,
    #[prop(into, default = crate::i18n::t().common.client_secret.to_string())] label: String,
    #[prop(into, default = Signal::stored(Decision::Allowed))] decision: Signal<Decision>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let (revealed, set_revealed) = signal(false);
    let value_id = unique_id("secret");
    let reason_id = unique_id("reason");
    let denied = move || !decision.with(Decision::is_allowed);
    let reason = move || decision.with(|d| d.reason().map(String::from));
    // A denied caller never sees it, even if it was revealed before.
    let shown_now = move || revealed.get() && !denied();
    // A fixed-length mask: it fits its column and does not tell the length.
    let masked: String = "\u{2022}".repeat(12);
    let shown = secret.clone();
    let rid = reason_id.clone();
    let rid2 = reason_id.clone();
    view! {
        <div class="ncc-secret">
            <span class="ncc-visually-hidden">{move || if shown_now() { format!("{label}: ") } else { (t.common.hidden)(&label) }}</span>
            <code id=value_id.clone() class="ncc-secret__value" aria-hidden=move || (!shown_now()).then_some("true")>
                {move || if shown_now() { shown.clone() } else { masked.clone() }}
            </code>
            <span class="ncc-guard">
                <button
                    type="button"
                    class="ncc-btn ncc-btn--ghost ncc-btn--small"
                    aria-controls=value_id
                    aria-pressed=move || shown_now().to_string()
                    aria-disabled=move || denied().then_some("true")
                    aria-describedby=move || denied().then(|| rid.clone())
                    on:click=move |_| {
                        if !denied() {
                            set_revealed.update(|r| *r = !*r);
                        }
                    }
                >
                    {move || if shown_now() { t.common.hide_secret } else { t.common.reveal_secret }}
                </button>
                <Show when=denied>
                    <span id=reason_id.clone() role="tooltip" class="ncc-guard__reason">{reason}</span>
                </Show>
            </span>
            {move || if denied() {
                view! {
                    <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label=t.common.copy_client_secret
                        aria-disabled="true" aria-describedby=rid2.clone()>
                        {t.common.copy}
                    </button>
                }.into_any()
            } else {
                view! { <CopyButton text=secret.clone() label=t.common.copy_client_secret /> }.into_any()
            }}
        </div>
    }
}
