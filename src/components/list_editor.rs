use crate::dom::unique_id;
use leptos::prelude::*;

/// Items longer than this (in characters) are edited only on request.
const LONG_ITEM_CHARS: usize = 2_000;

/// Splits pasted text into items: one per line, or comma/space separated.
fn split_pasted(text: &str) -> Vec<String> {
    text.split(['\n', '\r', ',', ' ', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Changes a list through its setter: a copy of the items, changed, set
/// back (the list is a slice of a form's draft, not a signal of its own).
fn change(
    items: Signal<Vec<String>>,
    set_items: SignalSetter<Vec<String>>,
    how: impl FnOnce(&mut Vec<String>),
) {
    let mut v = items.get_untracked();
    how(&mut v);
    set_items.set(v);
}

/// Edits a list of strings (URLs, owners): one input per item, add, remove,
/// and paste several at once. `item_errors` gives messages per index;
/// `errors` the messages about the whole list.
#[component]
pub fn ListEditor(
    /// The list's label, e.g. "Allowed callback URLs".
    #[prop(into)]
    label: String,
    /// A stable DOM id stem (from `Field::key`).
    #[prop(into)]
    id: String,
    /// The items (a form's slice of its draft).
    items: Signal<Vec<String>>,
    /// Writes the items back.
    set_items: SignalSetter<Vec<String>>,
    #[prop(into)] hint: String,
    #[prop(into)] placeholder: String,
    /// Messages per item index.
    #[prop(into)]
    item_errors: Signal<Vec<(usize, String)>>,
    /// Messages about the list as a whole.
    #[prop(into)]
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let hint_id = format!("{id}-hint");
    let list_errors_id = format!("{id}-errors");
    let (pasting, set_pasting) = signal(false);
    let paste_text = RwSignal::new(String::new());
    let paste_id = unique_id("paste");
    let root = crate::dom::use_root();
    let label_for_items = label.clone();
    let id_for_items = id.clone();
    let hint_for_items = hint_id.clone();
    let row = move |index: usize| {
        let input_id = format!("{id_for_items}-{index}");
        let err_id = format!("{input_id}-error");
        let item_label = (t.form.item)(&label_for_items, index + 1);
        let remove_label = (t.form.remove_item)(&label_for_items, index + 1);
        let messages = move || {
            item_errors
                .get()
                .into_iter()
                .filter(|(i, _)| *i == index)
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
        };
        let invalid = move || (!messages().is_empty()).then_some("true");
        let describedby = format!("{hint_for_items} {err_id}");
        // An item too long to lay out at once (a server may send 100,000
        // characters) waits behind a button until asked for (issue 9, item 4).
        let long = items.with_untracked(|v| {
            v.get(index).and_then(|s| {
                nexus_domain::display::preview(s, LONG_ITEM_CHARS).map(|p| p.total_chars)
            })
        });
        let opened = RwSignal::new(long.is_none());
        let open_label = long
            .map(|n| (t.form.edit_all)(&t.num(n), &item_label))
            .unwrap_or_default();
        let focus_target = input_id.clone();
        view! {
            <li class="ncc-list-editor__item">
                <div class="ncc-list-editor__row">
                    <Show when=move || !opened.get()>
                        <button type="button" class="ncc-btn ncc-btn--secondary ncc-btn--small"
                            on:click={
                                let focus_target = focus_target.clone();
                                move |_| {
                                    opened.set(true);
                                    let focus_target = focus_target.clone();
                                    request_animation_frame(move || root.focus_id(&focus_target));
                                }
                            }>
                            {open_label.clone()}
                        </button>
                    </Show>
                    <input
                        class:ncc-hidden=move || !opened.get()
                        id=input_id
                        class="ncc-input"
                        type="text"
                        spellcheck="false"
                        autocomplete="off"
                        aria-label=item_label
                        aria-invalid=invalid
                        aria-describedby=describedby
                        placeholder=placeholder.clone()
                        prop:value=move || items.with(|v| v.get(index).cloned().unwrap_or_default())
                        on:input:target=move |ev| {
                            let value = ev.target().value();
                            change(items, set_items, |v| {
                                if let Some(slot) = v.get_mut(index) {
                                    *slot = value;
                                }
                            });
                        }
                    />
                    <button
                        type="button"
                        class="ncc-btn ncc-btn--ghost ncc-btn--small"
                        aria-label=remove_label
                        on:click=move |_| change(items, set_items, |v| {
                            if index < v.len() {
                                v.remove(index);
                            }
                        })
                    >
                        {t.form.remove}
                    </button>
                </div>
                <div id=err_id class="ncc-field__errors">
                    {move || messages().into_iter().map(|m| view! { <p class="ncc-field__error">{m}</p> }).collect_view()}
                </div>
            </li>
        }
    };
    let item_count = Memo::new(move |_| items.with(Vec::len));
    let add_label = (t.form.add_to)(&label);
    let paste_label = (t.form.paste_into)(&label);
    let id_for_add = id.clone();
    view! {
        <fieldset class="ncc-field ncc-list-editor" id=id.clone()>
            <legend class="ncc-field__label">{label.clone()}</legend>
            <p id=hint_id class="ncc-field__hint">{hint}</p>
            <ul class="ncc-list-editor__items">
                // Rows are rebuilt only when the number of items changes, so
                // typing in one keeps its focus.
                {move || (0..item_count.get()).map(row.clone()).collect_view()}
            </ul>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="ncc-muted">{t.form.none_yet}</p>
            </Show>
            <div class="ncc-list-editor__actions">
                <button
                    type="button"
                    class="ncc-btn ncc-btn--secondary ncc-btn--small"
                    aria-label=add_label
                    on:click=move |_| {
                        let next = items.with(Vec::len);
                        change(items, set_items, |v| v.push(String::new()));
                        // The new row is rendered after this handler returns.
                        let new_id = format!("{id_for_add}-{next}");
                        request_animation_frame(move || root.focus_id(&new_id));
                    }
                >
                    {t.form.add}
                </button>
                <button
                    type="button"
                    class="ncc-btn ncc-btn--ghost ncc-btn--small"
                    aria-label=paste_label
                    aria-expanded=move || pasting.get().to_string()
                    on:click={
                        let paste_id = paste_id.clone();
                        move |_| {
                            set_pasting.update(|p| *p = !*p);
                            if pasting.get_untracked() {
                                // The textarea is rendered after this handler returns.
                                let paste_id = paste_id.clone();
                                request_animation_frame(move || root.focus_id(&paste_id));
                            }
                        }
                    }
                >
                    {t.form.paste_several}
                </button>
            </div>
            <Show when=move || pasting.get()>
                <div class="ncc-list-editor__paste">
                    <label for=paste_id.clone() class="ncc-field__label">
                        {(t.form.paste_how)(&label)}
                    </label>
                    <textarea
                        id=paste_id.clone()
                        class="ncc-input"
                        rows="4"
                        prop:value=move || paste_text.get()
                        on:input:target=move |ev| paste_text.set(ev.target().value())
                    ></textarea>
                    <button
                        type="button"
                        class="ncc-btn ncc-btn--secondary ncc-btn--small"
                        on:click=move |_| {
                            let new_items = split_pasted(&paste_text.get_untracked());
                            change(items, set_items, |v| {
                                v.retain(|s| !s.trim().is_empty());
                                for n in new_items {
                                    if !v.contains(&n) {
                                        v.push(n);
                                    }
                                }
                            });
                            paste_text.set(String::new());
                            set_pasting.set(false);
                        }
                    >
                        {t.form.add_these}
                    </button>
                </div>
            </Show>
            <div id=list_errors_id class="ncc-field__errors" aria-live="polite">
                {move || errors.get().into_iter().map(|m| view! { <p class="ncc-field__error">{m}</p> }).collect_view()}
            </div>
        </fieldset>
    }
}
