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
