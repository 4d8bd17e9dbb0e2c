use leptos::prelude::*;

/// One short message, e.g. "Client saved".
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: String,
}

/// The toast queue, shared through context.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Toasts {
    /// Shows `text` for a few seconds in a polite live region.
    pub fn show(&self, text: impl Into<String>) {
        // try_*: a request may finish after an embedding host unmounted us.
        let Some(id) = self.next.try_get_value() else {
            return;
        };
        self.next.try_set_value(id + 1);
        self.items.try_update(|v| {
            v.push(Toast {
                id,
                text: text.into(),
            })
        });
        let items = self.items;
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(5000).await;
            items.try_update(|v| v.retain(|t| t.id != id));
        });
    }
}

/// Creates the toast queue and provides it.
pub fn provide_toasts() -> Toasts {
    let t = Toasts {
        items: RwSignal::new(Vec::new()),
        next: StoredValue::new(0),
    };
    provide_context(t);
    t
}

/// The toast queue from context.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Where toasts appear.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="ncc-toasts" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|t| t.id let(t)>
                <div class="ncc-toast">{t.text}</div>
            </For>
        </div>
    }
}
