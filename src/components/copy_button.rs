use crate::dom::copy_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A button that copies `text` and says so (or says why it could not).
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let (state, set_state) = signal(None::<Result<(), String>>);
    let on_click = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let r = copy_text(&value).await;
            set_state.set(Some(r));
            gloo_timers::future::TimeoutFuture::new(2000).await;
            set_state.try_set(None);
        });
    };
    let shown = move || match state.get() {
        Some(Ok(())) => "Copied".to_string(),
        Some(Err(_)) => "Copy failed".to_string(),
        None => "Copy".to_string(),
    };
    view! {
        <button type="button" class="ncc-btn ncc-btn--ghost ncc-btn--small" aria-label=label.clone() title=label on:click=on_click>
            {shown}
        </button>
        <span class="ncc-visually-hidden" role="status">
            {move || match state.get() {
                Some(Ok(())) => "Copied to the clipboard.".to_string(),
                Some(Err(e)) => e,
                None => String::new(),
            }}
        </span>
    }
}
