//! Field widgets shared by the create and edit forms.

use crate::components::{FieldMessages, ListEditor};
use leptos::prelude::*;
use nexus_domain::validation::Issue;
use nexus_domain::{Field, ProblemDetails};

/// Messages for a field: the domain's checks (once the user has touched the
/// form or tried to submit) plus the server's field errors.
pub fn field_messages(
    issues: Signal<Vec<Issue>>,
    server: RwSignal<Option<ProblemDetails>>,
    field: Field,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        let mut out: Vec<String> = issues.with(|i| {
            i.iter()
                .filter(|x| x.field == field && x.index.is_none())
                .map(|x| x.message.clone())
                .collect()
        });
        if let Some(p) = server.get() {
            out.extend(
                p.field_errors()
                    .into_iter()
                    .filter(|e| e.field == Some(field) && e.index.is_none())
                    .flat_map(|e| e.messages),
            );
        }
        out
    })
}

/// Per-item messages for a list field.
pub fn item_messages(
    issues: Signal<Vec<Issue>>,
    server: RwSignal<Option<ProblemDetails>>,
    field: Field,
) -> Signal<Vec<(usize, String)>> {
    Signal::derive(move || {
        let mut out: Vec<(usize, String)> = issues.with(|i| {
            i.iter()
                .filter(|x| x.field == field)
                .filter_map(|x| x.index.map(|n| (n, x.message.clone())))
                .collect()
        });
        if let Some(p) = server.get() {
            for e in p.field_errors() {
                if e.field == Some(field) {
                    if let Some(n) = e.index {
                        out.extend(e.messages.into_iter().map(|m| (n, m)));
                    }
                }
            }
        }
        out
    })
}

/// Values longer than this (in characters) are edited only on request.
pub const LONG_INPUT_CHARS: usize = 2_000;

/// A labelled text input (or textarea) bound to `value`.
#[component]
pub fn TextField(
    field: Field,
    value: RwSignal<String>,
    #[prop(into)] messages: Signal<Vec<String>>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] max_chars: Option<usize>,
    #[prop(into, optional)] placeholder: Option<String>,
) -> impl IntoView {
    let id = format!("field-{}", field.key());
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-errors");
    let count_id = format!("{id}-count");
    let describedby = format!(
        "{hint_id} {err_id}{}",
        if max_chars.is_some() {
            format!(" {count_id}")
        } else {
            String::new()
        }
    );
    let invalid = move || (!messages.with(Vec::is_empty)).then_some("true");
    let placeholder = placeholder.unwrap_or_default();
    // A value too long to lay out at once (a server may send 100,000
    // characters) waits behind a button until the user asks to edit it
    // (issue 9, item 4).
    let long = value.with_untracked(|v| {
        nexus_domain::display::preview(v, LONG_INPUT_CHARS).map(|p| p.total_chars)
    });
    let opened = RwSignal::new(long.is_none());
    let control_id = id.clone();
    let input_id = id.clone();
    let make_control = move || {
        if multiline {
            view! {
            <textarea id=input_id.clone() class="ncc-input" rows="3" aria-describedby=describedby.clone() aria-invalid=invalid
                aria-required=required.then_some("true") placeholder=placeholder.clone()
                prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())></textarea>
        }
        .into_any()
        } else {
            view! {
            <input id=input_id.clone() class="ncc-input" type="text" autocomplete="off" spellcheck="false" aria-describedby=describedby.clone()
                aria-invalid=invalid aria-required=required.then_some("true") placeholder=placeholder.clone()
                prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value()) />
        }
        .into_any()
        }
    };
    let open_label = long
        .map(|n| {
            format!(
                "Edit all {} characters of {}",
                nexus_domain::display::group_thousands(n),
                field.label()
            )
        })
        .unwrap_or_default();
    let control = move || {
        if opened.get() {
            make_control()
        } else {
            let open_label = open_label.clone();
            let control_id = control_id.clone();
            view! {
                <div class="ncc-longinput">
                    <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small"
                        on:click=move |_| {
                            opened.set(true);
                            let control_id = control_id.clone();
                            request_animation_frame(move || crate::dom::focus_id(&control_id));
                        }>
                        {open_label}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="ncc-field">
            <label class="ncc-field__label" for=id.clone()>
                {field.label()}
                {required.then(|| view! { <span class="ncc-required" aria-hidden="true">" *"</span> })}
            </label>
            <p id=hint_id class="ncc-field__hint">{hint.unwrap_or_default()}</p>
            {control}
            {max_chars.map(|max| view! {
                <p id=count_id.clone() class="ncc-field__count">{move || format!("{} of {max} characters", value.with(|v| v.trim().chars().count()))}</p>
            })}
            <FieldMessages id=err_id messages=messages />
        </div>
    }
}

/// A list editor for one of the form's list fields.
#[component]
pub fn ListField(
    field: Field,
    items: RwSignal<Vec<String>>,
    issues: Signal<Vec<Issue>>,
    server: RwSignal<Option<ProblemDetails>>,
    #[prop(into)] hint: String,
    #[prop(into)] placeholder: String,
) -> impl IntoView {
    view! {
        <ListEditor
            label=field.label()
            id=format!("field-{}", field.key())
            items=items
            hint=hint
            placeholder=placeholder
            item_errors=item_messages(issues, server, field)
            errors=field_messages(issues, server, field)
        />
    }
}
