use crate::dom::unique_id;
use leptos::prelude::*;
use nexus_domain::Decision;

/// A button gated by a permission decision. When denied it stays visible and
/// focusable but `aria-disabled`, and its reason is its accessible
/// description, shown on hover and keyboard focus.
#[component]
pub fn GuardedButton(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] decision: Signal<Decision>,
    #[prop(into, optional)] busy: Signal<bool>,
    #[prop(into, optional)] busy_label: Option<String>,
    #[prop(into, default = "ncc-btn".to_string())] class: String,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    let reason_id = unique_id("reason");
    let denied = move || !decision.with(Decision::is_allowed);
    let reason = move || decision.with(|d| d.reason().map(String::from));
    let busy_label = busy_label.unwrap_or_else(|| crate::i18n::t().common.working.into());
    let rid = reason_id.clone();
    view! {
        <span class="ncc-guard">
            <button
                type="button"
                class=class
                class:ncc-btn--busy=move || busy.get()
                aria-disabled=move || (denied() || busy.get()).then_some("true")
                aria-busy=move || busy.get().then_some("true")
                aria-describedby=move || denied().then(|| rid.clone())
                on:click=move |_| {
                    if !denied() && !busy.get_untracked() {
                        on_click();
                    }
                }
            >
                {move || if busy.get() { busy_label.clone() } else { label.get() }}
            </button>
            <Show when=denied>
                <span id=reason_id.clone() role="tooltip" class="ncc-guard__reason">{reason}</span>
            </Show>
        </span>
    }
}

/// A link styled as a button, gated like [`GuardedButton`]: when denied it is
/// a disabled button with the reason, since a link cannot be disabled.
#[component]
pub fn GuardedLink(
    #[prop(into)] label: String,
    #[prop(into)] href: String,
    #[prop(into)] decision: Signal<Decision>,
    #[prop(into, default = "ncc-btn".to_string())] class: String,
) -> impl IntoView {
    let reason_id = unique_id("reason");
    move || {
        let d = decision.get();
        match d.reason() {
            None => view! { <a class=class.clone() href=href.clone()>{label.clone()}</a> }.into_any(),
            Some(reason) => view! {
                <span class="ncc-guard">
                    <button type="button" class=class.clone() aria-disabled="true" aria-describedby=reason_id.clone()>
                        {label.clone()}
                    </button>
                    <span id=reason_id.clone() role="tooltip" class="ncc-guard__reason">{reason.to_string()}</span>
                </span>
            }
            .into_any(),
        }
    }
}
