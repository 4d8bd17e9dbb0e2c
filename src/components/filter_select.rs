//! A list's filter (or sort) select.

use leptos::prelude::*;

/// A labelled select whose options are (value, label) pairs; `on_change`
/// gets the chosen value.
#[component]
pub fn FilterSelect(
    id: String,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    options: Vec<(&'static str, &'static str)>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="ncc-field ncc-field--inline">
            <label class="ncc-field__label" for=id.clone()>{label}</label>
            <select
                id=id
                class="ncc-input"
                prop:value=move || value.get()
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}
