use crate::api::{fetch_personas, use_api, DevPersonas};
use crate::auth::{check_basic, check_bearer, use_auth, Credentials};
use crate::chunks::split_fn;
use crate::components::chunk_view;
use crate::config::AppConfig;
use crate::dom::{now_seconds, unique_id};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Bearer,
    Basic,
}

/// The sign-in form: demo personas (when the local stand-in offers them),
/// a bearer token with optional application token, or Basic credentials.
#[component]
fn SignInForm(#[prop(into)] heading_id: String) -> impl IntoView {
    let t = crate::i18n::t();
    let s = &t.sign_in;
    let auth = use_auth();
    let config = expect_context::<AppConfig>();
    let api = use_api();
    let personas = RwSignal::new(None::<DevPersonas>);
    if config.dev_personas {
        let base = api.base();
        spawn_local(async move {
            let p = fetch_personas(&base).await;
            personas.try_set(p);
        });
    }
    let method = RwSignal::new(Method::Bearer);
    let token = RwSignal::new(String::new());
    let app_token = RwSignal::new(String::new());
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let ids = (
        unique_id("token"),
        unique_id("app-token"),
        unique_id("user"),
        unique_id("pass"),
        unique_id("signin-error"),
    );
    let (token_id, app_id, user_id, pass_id, err_id) = ids;
    let err_box_id = err_id.clone();
    let claim_names = config.claim_names;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = match method.get_untracked() {
            Method::Bearer => check_bearer(
                &token.get_untracked(),
                &app_token.get_untracked(),
                &claim_names,
                now_seconds(),
            ),
            Method::Basic => check_basic(&username.get_untracked(), &password.get_untracked()),
        };
        match checked {
            Ok(credentials) => {
                error.set(None);
                auth.sign_in(credentials, None);
            }
            Err(problem) => error.set(Some(problem.message(t))),
        }
    };
    // Unique: the page and the "sign in again" dialog may both be on screen.
    let personas_title = unique_id("personas-title");
    let persona_list = move || {
        personas.get().map(|p| {
            view! {
                <section class="ncc-personas" aria-labelledby=personas_title.clone()>
                    <h3 id=personas_title.clone() class="ncc-section-title">{t.sign_in.personas}</h3>
                    <ul class="ncc-personas__list">
                        {p.personas.into_iter().map(|persona| view! {
                            <DemoAccount
                                credentials=Credentials::Bearer { token: persona.token, app_token: None }
                                label=persona.label.clone()
                                button_text=(t.sign_in.sign_in_as)(&persona.label)
                                description=persona.description />
                        }).collect_view()}
                        {p.basic.into_iter().map(|b| view! {
                            <DemoAccount
                                credentials=Credentials::Basic { username: b.username, password: b.password }
                                label=b.label.clone()
                                button_text=(t.sign_in.sign_in_basic_as)(&b.label)
                                description=Some(t.sign_in.basic_explained.to_string()) />
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    let own_title = unique_id("own-credentials-title");
    let own_heading = {
        let own_title = own_title.clone();
        move || {
            personas.with(Option::is_some).then(|| {
                view! { <h3 id=own_title.clone() class="ncc-section-title">{t.sign_in.own_credentials}</h3> }
            })
        }
    };
    view! {
        {persona_list}
        {own_heading}
        <form class="ncc-form ncc-signin-form" on:submit=submit novalidate
            aria-labelledby=move || if personas.with(Option::is_some) { own_title.clone() } else { heading_id.clone() }>
            <fieldset class="ncc-segmented">
                <legend class="ncc-field__label">{s.credentials}</legend>
                <label>
                    <input type="radio" name="ncc-method" prop:checked=move || method.get() == Method::Bearer on:change=move |_| method.set(Method::Bearer) />
                    {s.bearer}
                </label>
                <label>
                    <input type="radio" name="ncc-method" prop:checked=move || method.get() == Method::Basic on:change=move |_| method.set(Method::Basic) />
                    {s.basic}
                </label>
            </fieldset>
            <Show
                when=move || method.get() == Method::Bearer
                fallback={
                    let (user_id, pass_id) = (user_id.clone(), pass_id.clone());
                    move || view! {
                        <div class="ncc-field">
                            <label class="ncc-field__label" for=user_id.clone()>{t.sign_in.username}</label>
                            <input id=user_id.clone() class="ncc-input" type="text" autocomplete="username"
                                prop:value=move || username.get() on:input:target=move |ev| username.set(ev.target().value()) />
                        </div>
                        <div class="ncc-field">
                            <label class="ncc-field__label" for=pass_id.clone()>{t.sign_in.password}</label>
                            <input id=pass_id.clone() class="ncc-input" type="password" autocomplete="current-password"
                                prop:value=move || password.get() on:input:target=move |ev| password.set(ev.target().value()) />
                        </div>
                    }
                }
            >
                <div class="ncc-field">
                    <label class="ncc-field__label" for=token_id.clone()>{s.bearer}</label>
                    <textarea id=token_id.clone() class="ncc-input ncc-input--mono" rows="3" spellcheck="false"
                        aria-describedby=err_id.clone()
                        prop:value=move || token.get() on:input:target=move |ev| token.set(ev.target().value())></textarea>
                </div>
                <div class="ncc-field">
                    <label class="ncc-field__label" for=app_id.clone()>{s.app_token}</label>
                    <input id=app_id.clone() class="ncc-input ncc-input--mono" type="text" spellcheck="false" autocomplete="off"
                        prop:value=move || app_token.get() on:input:target=move |ev| app_token.set(ev.target().value()) />
                </div>
            </Show>
            <div id=err_box_id class="ncc-field__errors" aria-live="polite">
                {move || error.get().map(|e| view! { <p class="ncc-field__error">{e}</p> })}
            </div>
            <button type="submit" class="ncc-btn">{s.submit}</button>
        </form>
    }
}

/// What a Basic demo account means for the controls.
/// One demo account of the stand-in: a button that signs in with it, and
/// its description as the button's accessible description.
#[component]
fn DemoAccount(
    credentials: Credentials,
    /// Shown in the header once signed in.
    label: String,
    button_text: String,
    description: Option<String>,
) -> impl IntoView {
    let auth = use_auth();
    let desc_id = description.is_some().then(|| unique_id("persona-desc"));
    view! {
        <li>
            <button
                type="button"
                class="ncc-btn ncc-btn--secondary ncc-persona"
                aria-describedby=desc_id.clone()
                on:click=move |_| auth.sign_in(credentials.clone(), Some(label.clone()))
            >
                {button_text}
            </button>
            {description.map(|d| view! { <span id=desc_id class="ncc-muted ncc-persona__desc">{d}</span> })}
        </li>
    }
}

/// A sign-in form's view, labelled by the heading with the given id.
pub type SignInFormView = fn(String) -> AnyView;

split_fn!(
    sign_in,
    fn sign_in_form() -> SignInFormView {
        |heading_id| view! { <SignInForm heading_id=heading_id /> }.into_any()
    }
);

/// The sign-in form, its code in a chunk of its own: a signed-in reader
/// never loads it. The standalone page's boot script preloads it when no
/// session is stored (hooks/boot.js), so a new reader waits for no second
/// round trip.
#[component]
fn ChunkedSignInForm(heading_id: String) -> impl IntoView {
    chunk_view(
        LocalResource::new(sign_in_form),
        move |form: SignInFormView| form(heading_id.clone()),
        crate::i18n::t().shell.loading_page,
        crate::i18n::t().shell.page_load_failed,
        false,
    )
}

/// The standalone sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = crate::i18n::t();
    let config = expect_context::<AppConfig>();
    view! {
        <div class="ncc-center">
            <section class="ncc-card ncc-signin">
                <h1 id=crate::dom::id("signin-title")>{t.sign_in.title}</h1>
                <p class="ncc-muted">{t.sign_in.tenant} <code>{config.tenant_id.clone()}</code></p>
                <ChunkedSignInForm heading_id=crate::dom::id("signin-title") />
            </section>
        </div>
    }
}

/// Asks the user to sign in again after a 401, over the current page (so a
/// draft stays where it is); the waiting request is then retried.
#[component]
pub fn ReauthDialog() -> impl IntoView {
    let t = crate::i18n::t();
    let auth = use_auth();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog_ref.get() else { return };
        if auth.reauth_open() {
            if !d.open() {
                let _ = d.show_modal();
            }
        } else if d.open() {
            d.close();
        }
    });
    view! {
        <dialog node_ref=dialog_ref class="ncc-dialog ncc-reauth" aria-labelledby=crate::dom::id("reauth-title")
            on:cancel=move |_: leptos::ev::Event| auth.cancel_reauth()>
            <h2 id=crate::dom::id("reauth-title") class="ncc-dialog__title">{t.sign_in.again_title}</h2>
            <p>{t.sign_in.again_text}</p>
            <Show when=move || auth.reauth_open()>
                <ChunkedSignInForm heading_id=crate::dom::id("reauth-title") />
            </Show>
            <div class="ncc-dialog__actions">
                <button type="button" class="ncc-btn ncc-btn--ghost" on:click=move |_| auth.cancel_reauth()>{t.sign_in.cancel}</button>
            </div>
        </dialog>
    }
}
