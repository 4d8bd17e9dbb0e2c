//! Field widgets shared by the create and edit forms. Each takes a
//! [`Field`] and reads its label, hint, placeholder, limits and kind from the
//! domain's registry, so create and edit cannot word a field differently.

use crate::components::{FieldMessages, ListEditor};
use leptos::prelude::*;
use nexus_domain::field::{FieldSlots, Kind};
use nexus_domain::validation::Issue;
use nexus_domain::{Field, ProblemDetails};

/// One form's state, shared by its controls: the whole draft in one signal,
/// the domain's issues for it and the server's last problem. Copy: every
/// closure takes it as it is.
pub struct Form<D: 'static> {
    pub draft: RwSignal<D>,
    pub issues: Signal<Vec<Issue>>,
    pub server: Signal<Option<ProblemDetails>>,
}

impl<D> Clone for Form<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D> Copy for Form<D> {}

impl<D: FieldSlots + Send + Sync + 'static> Form<D> {
    /// One text field of the draft: read through a memo, so that a keystroke
    /// in another field re-renders nothing here, and written back into the
    /// draft.
    pub fn text(self, field: Field) -> (Signal<String>, SignalSetter<String>) {
        create_slice(
            self.draft,
            move |d| d.text(field).cloned().unwrap_or_default(),
            move |d, v| {
                if let Some(slot) = d.text_mut(field) {
                    *slot = v;
                }
            },
        )
    }

    /// One list field of the draft, as [`Form::text`].
    pub fn list(self, field: Field) -> (Signal<Vec<String>>, SignalSetter<Vec<String>>) {
        create_slice(
            self.draft,
            move |d| d.list(field).cloned().unwrap_or_default(),
            move |d, v| {
                if let Some(slot) = d.list_mut(field) {
                    *slot = v;
                }
            },
        )
    }

    /// The control for `field`, as its registry entry describes it: a list
    /// editor or a text input, with its label, hint, placeholder and limits.
    pub fn control(self, field: Field) -> AnyView {
        let Form { issues, server, .. } = self;
        match field.kind() {
            Kind::List => {
                let (items, set_items) = self.list(field);
                view! { <ListField field=field items=items set_items=set_items issues=issues server=server /> }.into_any()
            }
            // Metadata (a map) is never asked for: its keys are fields.
            Kind::Text | Kind::Map => {
                let (value, set) = self.text(field);
                view! { <TextField field=field value=value set=set messages=field_messages(issues, server, field) /> }
                    .into_any()
            }
        }
    }

    /// The controls for `fields`, in that order.
    pub fn controls(self, fields: &[Field]) -> impl IntoView {
        fields.iter().map(|f| self.control(*f)).collect_view()
    }
}

/// Messages for a field: the domain's checks (once the user has touched the
/// form or tried to submit) plus the server's field errors.
pub fn field_messages(
    issues: Signal<Vec<Issue>>,
    server: Signal<Option<ProblemDetails>>,
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
    server: Signal<Option<ProblemDetails>>,
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

/// A labelled text input bound to one field of a draft; a field with a
/// length limit (free text) gets a textarea and a character count.
#[component]
pub fn TextField(
    field: Field,
    value: Signal<String>,
    set: SignalSetter<String>,
    #[prop(into)] messages: Signal<Vec<String>>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let required = field.required();
    let max_chars = field.max_chars();
    let multiline = max_chars.is_some();
    let id = crate::dom::id(&format!("field-{}", field.key()));
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
    let placeholder = field.placeholder(t);
    // A value too long to lay out at once (a server may send 100,000
    // characters) waits behind a button until the user asks to edit it
    // (issue 9, item 4).
    let long = value.with_untracked(|v| {
        nexus_domain::display::preview(v, LONG_INPUT_CHARS).map(|p| p.total_chars)
    });
    let opened = RwSignal::new(long.is_none());
    let control_id = id.clone();
    let input_id = id.clone();
    let root = crate::dom::use_root();
    let make_control = move || {
        if multiline {
            view! {
            <textarea id=input_id.clone() class="ncc-input" rows="3" aria-describedby=describedby.clone() aria-invalid=invalid
                aria-required=required.then_some("true") placeholder=placeholder
                prop:value=move || value.get() on:input:target=move |ev| set.set(ev.target().value())></textarea>
        }
        .into_any()
        } else {
            view! {
            <input id=input_id.clone() class="ncc-input" type="text" autocomplete="off" spellcheck="false" aria-describedby=describedby.clone()
                aria-invalid=invalid aria-required=required.then_some("true") placeholder=placeholder
                prop:value=move || value.get() on:input:target=move |ev| set.set(ev.target().value()) />
        }
        .into_any()
        }
    };
    let open_label = long
        .map(|n| (t.form.edit_all)(&t.num(n), field.label(t)))
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
                            request_animation_frame(move || root.focus_id(&control_id));
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
                {field.label(t)}
                {required.then(|| view! { <span class="ncc-required" aria-hidden="true">" *"</span> })}
            </label>
            <p id=hint_id class="ncc-field__hint">{field.hint(t)}</p>
            {control}
            {max_chars.map(|max| view! {
                <p id=count_id.clone() class="ncc-field__count">{move || (t.form.char_count)(&t.num(value.with(|v| v.trim().chars().count())), max)}</p>
            })}
            <FieldMessages id=err_id messages=messages />
        </div>
    }
}

/// A list editor for one of the form's list fields.
#[component]
pub fn ListField(
    field: Field,
    items: Signal<Vec<String>>,
    set_items: SignalSetter<Vec<String>>,
    issues: Signal<Vec<Issue>>,
    server: Signal<Option<ProblemDetails>>,
) -> impl IntoView {
    let t = crate::i18n::t();
    view! {
        <ListEditor
            label=field.label(t)
            id=crate::dom::id(&format!("field-{}", field.key()))
            items=items
            set_items=set_items
            hint=field.hint(t)
            placeholder=field.placeholder(t)
            item_errors=item_messages(issues, server, field)
            errors=field_messages(issues, server, field)
        />
    }
}
