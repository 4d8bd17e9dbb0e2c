use crate::dom::unique_id;
use leptos::html;
use leptos::prelude::*;

/// A modal confirmation using the native `<dialog>` (focus trap and Escape
/// for free). `confirm_text`, when set, must be typed before confirming.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] confirm_label: String,
    #[prop(into, optional_no_strip)] confirm_text: Option<String>,
    #[prop(into, optional)] busy: Signal<bool>,
    #[prop(optional, into)] danger: bool,
    on_confirm: impl Fn() + 'static,
    children: ChildrenFn,
) -> impl IntoView {
    let tr = crate::i18n::t();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    let typed = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(d) = dialog_ref.get() else { return };
        if open.get() {
            typed.set(String::new());
            if !d.open() {
                let _ = d.show_modal();
            }
        } else if d.open() {
            d.close();
        }
    });
    let expected = confirm_text.clone();
    let matches = move || {
        expected
            .as_deref()
            .is_none_or(|t| typed.get().trim() == t.trim())
    };
    let input_id = unique_id("confirm-input");
    let hint_id = unique_id("confirm-hint");
    let class = if danger {
        "ncc-btn ncc-btn--danger"
    } else {
        "ncc-btn"
    };
    // Confirming is one rule for the button and for Enter in the typed
    // confirmation: only once the text matches, never twice while busy.
    let matches_now = matches.clone();
    let confirm = std::rc::Rc::new(move || {
        if matches_now() && !busy.get_untracked() {
            on_confirm();
        }
    });
    let confirm_on_enter = confirm.clone();
    view! {
        <dialog
            node_ref=dialog_ref
            class="ncc-dialog"
            aria-labelledby=title_id.clone()
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id.clone() class="ncc-dialog__title">{title}</h2>
            <div class="ncc-dialog__body">{children()}</div>
            {confirm_text.clone().map(|t| view! {
                <div class="ncc-field">
                    <label for=input_id.clone() class="ncc-field__label">{(tr.common.type_to_confirm)(&t)}</label>
                    <input
                        id=input_id.clone()
                        class="ncc-input"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=hint_id.clone()
                        prop:value=move || typed.get()
                        on:input:target=move |ev| typed.set(ev.target().value())
                        on:keydown={
                            let confirm = confirm_on_enter.clone();
                            move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" && !ev.is_composing() {
                                    ev.prevent_default();
                                    confirm();
                                }
                            }
                        }
                    />
                    <p id=hint_id.clone() class="ncc-field__hint">{tr.common.cannot_be_undone}</p>
                </div>
            })}
            <div class="ncc-dialog__actions">
                <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| open.set(false)>
                    {tr.common.cancel}
                </button>
                <button
                    type="button"
                    class=class
                    aria-disabled=move || (!matches() || busy.get()).then_some("true")
                    aria-busy=move || busy.get().then_some("true")
                    on:click=move |_| confirm()
                >
                    {move || if busy.get() { tr.common.working.to_string() } else { confirm_label.clone() }}
                </button>
            </div>
        </dialog>
    }
}
