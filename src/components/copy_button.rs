use crate::dom::copy_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A button that copies `text` and says so (or says why it could not).
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let t = crate::i18n::t();
    let (state, set_state) = signal(None::<Result<(), String>>);
    let on_click = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let r = copy_text(t, &value).await;
            set_state.set(Some(r));
            gloo_timers::future::TimeoutFuture::new(2000).await;
            set_state.try_set(None);
        });
    };
    let shown = move || match state.get() {
        Some(Ok(())) => t.common.copied,
        Some(Err(_)) => t.common.copy_failed,
        None => t.common.copy,
    };
    view! {
        <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label=label.clone() title=label on:click=on_click>
            {shown}
        </button>
        <span class="ncc-visually-hidden" role="status">
            {move || match state.get() {
                Some(Ok(())) => t.common.copied_status.to_string(),
                Some(Err(e)) => e,
                None => String::new(),
            }}
        </span>
    }
}
