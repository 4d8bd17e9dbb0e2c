use leptos::prelude::*;

/// Placeholder rows while something loads; `label` is what a screen reader hears.
#[component]
pub fn Skeleton(#[prop(into)] label: String, #[prop(default = 6)] rows: usize) -> impl IntoView {
    view! {
        <div class="ncc-skeleton" aria-busy="true">
            <span class="ncc-visually-hidden" role="status">{label}</span>
            {(0..rows).map(|_| view! { <div class="ncc-skeleton__row" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// A spinner and a line while the console or a page's code loads.
#[component]
pub fn Splash(label: &'static str) -> impl IntoView {
    view! {
        <div class="ncc-splash" role="status" aria-live="polite">
            <span class="ncc-spinner" aria-hidden="true"></span>
            {label}
        </div>
    }
}

/// "Try again" (runs `retry`) and the way back to the list, under a problem.
#[component]
pub fn RetryOrBack(retry: Callback<()>, back: &'static str) -> impl IntoView {
    let t = crate::i18n::t();
    view! {
        <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| retry.run(())>
            {t.form.try_again}
        </button>
        " "
        <a class="ncc-btn ncc-btn--ghost" href=crate::routes::list_href()>{back}</a>
    }
}
