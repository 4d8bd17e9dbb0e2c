//! Components rendered in a real browser (headless Chromium through
//! wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nexus_clients_console::components::ProblemView;
use nexus_clients_console::components::{ClientsTable, TableRows};
use nexus_domain::ProblemDetails;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

#[wasm_bindgen_test]
fn problem_view_renders_validation_problem_details_with_field_errors() {
    let body = r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Name":["The name cannot contain < or >."],"callbacks[1]":["Not a valid URL."],"Frobnicate":["Unknown thing."]},"traceId":"00-4bf92f3577b34da6-01"}"#;
    let problem = ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        400,
        Some("application/problem+json"),
        body,
    );
    let el = mount(move || view! { <ProblemView problem=problem /> });
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("the problem is an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("HTTP 400"), "{text}");
    assert!(
        text.contains("One or more validation errors occurred."),
        "{text}"
    );
    assert!(
        text.contains("Name: The name cannot contain < or >."),
        "{text}"
    );
    assert!(
        text.contains("Allowed callback URLs (item 2): Not a valid URL."),
        "{text}"
    );
    assert!(text.contains("Frobnicate: Unknown thing."), "{text}");
    assert!(text.contains("00-4bf92f3577b34da6-01"), "{text}");
    let items = alert
        .query_selector_all("ul[aria-label='Field errors'] li")
        .unwrap();
    assert_eq!(items.length(), 3);
}

#[wasm_bindgen_test]
fn problem_view_in_a_form_lists_only_errors_without_a_field() {
    let body = r#"{"title":"Invalid","errors":{"name":["taken"],"Frobnicate":["Unknown thing."]}}"#;
    let problem = ProblemDetails::from_response(&nexus_domain::i18n::EN, 400, None, body);
    let el = mount(
        move || view! { <ProblemView problem=problem shown=vec![nexus_domain::Field::Name] /> },
    );
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Frobnicate"), "{text}");
    assert!(!text.contains("taken"), "{text}");
}

#[wasm_bindgen_test]
fn problem_view_survives_an_html_error_page() {
    let problem = ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        502,
        Some("text/html"),
        "<html><title>Bad Gateway</title></html>",
    );
    let el = mount(move || view! { <ProblemView problem=problem /> });
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("HTTP 502") && text.contains("Bad gateway") && text.contains("HTML page"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn clients_table_renders_rows_from_decoded_clients() {
    let page = nexus_domain::decode_client_list(
        r#"{"items":[
            {"id":"c1","name":"Shop Storefront","type":"regular_web","productName":"Shop","manuallyCreated":true,"applicationName":"storefront"},
            {"id":"c2","name":null,"type":null,"productName":null,"manuallyCreated":false,"clientAuthMethod":2},
            {"id":"c3","name":"Café <Kiosk>","type":"SPA"}
        ],"total":3}"#,
    )
    .unwrap();
    let rows = TableRows::all(page.clients);
    let el = mount(move || view! { <ClientsTable rows=rows /> });
    let body_rows = el.query_selector_all("tbody tr").unwrap();
    assert_eq!(body_rows.length(), 3);
    let cells = |i: u32| -> Vec<String> {
        let row: web_sys::Element = body_rows.item(i).unwrap().unchecked_into();
        let tds = row.query_selector_all("td").unwrap();
        (0..tds.length())
            .map(|j| tds.item(j).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    let first = cells(0);
    assert!(
        first[0].contains("Shop Storefront") && first[0].contains("storefront"),
        "{first:?}"
    );
    assert_eq!(first[1], "Regular web app");
    assert!(first[2].starts_with("c1"));
    assert_eq!(first[3], "Shop");
    assert_eq!(first[4], "Manual");
    let second = cells(1);
    assert!(
        second[0].contains("c2"),
        "the id stands in for a missing name: {second:?}"
    );
    assert_eq!(second[1], "not set");
    assert_eq!(second[3], "not set");
    assert_eq!(second[4], "Terraform");
    let third = cells(2);
    assert!(
        third[0].contains("Café <Kiosk>"),
        "text is escaped, not parsed: {third:?}"
    );
    assert_eq!(third[1], "Single-page app");
    let link = el.query_selector("tbody tr a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/clients/c1"));
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_notice_with_a_way_out_instead_of_a_frozen_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    root.set_class_name("ncc");
    root.set_inner_html("<p>the console's view</p>");
    document.body().unwrap().append_child(&root).unwrap();
    nexus_clients_console::fatal::show(&root);
    nexus_clients_console::fatal::show(&root); // once, however often it is asked
    let notices = root.query_selector_all(".ncc-fatal").unwrap();
    assert_eq!(notices.length(), 1);
    let notice: web_sys::HtmlElement = root.first_element_child().unwrap().unchecked_into();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap();
    assert!(text.contains("stopped after an internal error"), "{text}");
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.text_content().as_deref(), Some("Reload the page"));
    // rel=external: the router lets the browser load the page for real.
    assert_eq!(link.get_attribute("rel").as_deref(), Some("external"));
    assert_eq!(
        link.get_attribute("href"),
        web_sys::window().unwrap().location().href().ok()
    );
    assert_eq!(document.active_element().as_ref(), Some(notice.as_ref()));
}

/// Lets Leptos' effects run (they are scheduled, not synchronous).
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn clients_table_rewrites_row_slots_in_place_and_creates_none_for_clients_that_stay() {
    let page = nexus_domain::decode_client_list(
        r#"[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta"},{"id":"c","name":"Gamma"},{"id":"d","name":"Delta"}]"#,
    )
    .unwrap();
    let all = TableRows::all(page.clients);
    let rows = RwSignal::new(TableRows {
        shown: vec![0, 1, 2],
        ..all.clone()
    });
    let el = mount(move || view! { <ClientsTable rows=rows /> });
    let trs = || {
        let list = el.query_selector_all("tbody tr").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .collect::<Vec<_>>()
    };
    let names = || {
        trs()
            .iter()
            .map(|tr| {
                tr.query_selector("a")
                    .unwrap()
                    .unwrap()
                    .text_content()
                    .unwrap()
            })
            .collect::<Vec<_>>()
    };
    let before = trs();
    assert_eq!(names(), ["Alpha", "Beta", "Gamma"]);

    // Narrowing (as typing does): Beta and Gamma stay; no row is created,
    // the first two slots now show them, the third is gone.
    rows.update(|r| r.shown = vec![1, 2]);
    settle().await;
    let after = trs();
    assert_eq!(names(), ["Beta", "Gamma"]);
    assert!(
        after[0] == before[0] && after[1] == before[1],
        "the same <tr> elements, rewritten"
    );
    let link = after[0].query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/clients/b"));
    let copy = after[0].query_selector("button").unwrap().unwrap();
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy client ID of Beta")
    );

    // A new page of the same size rewrites every slot and creates none.
    rows.update(|r| r.shown = vec![3, 0]);
    settle().await;
    assert_eq!(names(), ["Delta", "Alpha"]);
    assert!(trs()[0] == before[0] && trs()[1] == before[1]);
}

#[wasm_bindgen_test]
async fn the_boot_scripts_list_request_is_taken_only_when_it_is_exactly_the_consoles() {
    use js_sys::{Object, Promise, Reflect};
    use wasm_bindgen::JsValue;
    let set = |o: &JsValue, k: &str, v: &JsValue| {
        Reflect::set(o, &JsValue::from_str(k), v).unwrap();
    };
    let boot = |auth: &str| {
        let answer = Object::new();
        set(&answer, "status", &JsValue::from_f64(200.0));
        set(
            &answer,
            "contentType",
            &JsValue::from_str("application/json"),
        );
        set(&answer, "body", &JsValue::from_str("[]"));
        let headers = Object::new();
        set(&headers, "Accept", &JsValue::from_str("application/json"));
        set(&headers, "Authorization", &JsValue::from_str(auth));
        let controller = web_sys::AbortController::new().unwrap();
        let list = Object::new();
        set(&list, "url", &JsValue::from_str("/v1/tenants/t/clients"));
        set(&list, "headers", &headers);
        set(&list, "controller", &controller);
        set(&list, "response", &Promise::resolve(&answer));
        let b = Object::new();
        set(&b, "list", &list);
        set(&js_sys::global(), "__nccBoot", &b);
        controller
    };
    let ours = [
        ("Accept".to_string(), "application/json".to_string()),
        ("Authorization".to_string(), "Bearer t1".to_string()),
    ];
    let take = nexus_clients_console::boot::take_request;

    // Another token (the session changed): not taken, and aborted.
    let controller = boot("Bearer old");
    assert!(take("GET", "/v1/tenants/t/clients", &ours).is_none());
    assert!(controller.signal().aborted());

    // Another URL or method: not taken.
    boot("Bearer t1");
    assert!(take("GET", "/v1/tenants/other/clients", &ours).is_none());
    boot("Bearer t1");
    assert!(take("POST", "/v1/tenants/t/clients", &ours).is_none());

    // Exactly the request: taken once, with its answer.
    let controller = boot("Bearer t1");
    let p = take("GET", "/v1/tenants/t/clients", &ours).expect("taken");
    assert!(!controller.signal().aborted());
    let answer = p.answer().await.expect("answered");
    assert_eq!((answer.status, answer.body.as_str()), (200, "[]"));
    assert!(
        take("GET", "/v1/tenants/t/clients", &ours).is_none(),
        "taken once"
    );
}

#[wasm_bindgen(inline_js = r#"
// navigator.clipboard as on a plain-http page (not a secure context): absent.
export function hide_clipboard() {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
}
export function restore_clipboard() {
  delete navigator.clipboard;
}
"#)]
extern "C" {
    fn hide_clipboard();
    fn restore_clipboard();
}

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen_test]
async fn copying_without_a_clipboard_says_it_needs_https_instead_of_throwing() {
    hide_clipboard();
    let r = nexus_clients_console::dom::copy_text(&nexus_domain::i18n::EN, "secret").await;
    restore_clipboard();
    assert_eq!(
        r,
        Err(nexus_domain::i18n::EN.common.no_clipboard.to_string())
    );
    assert!(nexus_domain::i18n::EN
        .common
        .no_clipboard
        .starts_with("Copying needs a secure (https) page"));
}

#[wasm_bindgen_test]
fn problem_view_says_when_to_try_again_and_counts_any_item_index() {
    let body = format!(
        r#"{{"title":"Too many requests","errors":{{"callbackUrls[{}]":["Not a URL."]}}}}"#,
        usize::MAX
    );
    let mut problem = ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        429,
        Some("application/problem+json"),
        &body,
    );
    problem.retry_after = Some(30);
    let el = mount(move || view! { <ProblemView problem=problem /> });
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Too many requests"), "{text}");
    assert!(text.contains("Try again in 30 seconds."), "{text}");
    assert!(
        text.contains(&format!("Allowed callback URLs (item {})", usize::MAX)),
        "{text}"
    );
}

/// The text of the element with this id in `el`, or "" when there is none.
/// The text of the element whose id is this console's `id` (outside a
/// console, ids carry a console number: `ncc<n>-<id>`).
fn text_of(el: &web_sys::HtmlElement, id: &str) -> String {
    el.query_selector(&format!("[id$=\"-{id}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn create_and_edit_controls_show_the_registrys_hint_for_every_field_they_share() {
    use nexus_clients_console::pages::client_form::Form;
    use nexus_domain::{CreateDraft, EditDraft, Field};
    let server: Signal<Option<ProblemDetails>> = RwSignal::new(None).into();
    let issues = Signal::derive(Vec::new);
    let shared = Field::for_edit();
    let create = Form {
        draft: RwSignal::new(CreateDraft::default()),
        issues,
        server,
    };
    let edit = Form {
        draft: RwSignal::new(EditDraft::default()),
        issues,
        server,
    };
    let on_create = mount(move || create.controls(&Field::for_edit()));
    let on_edit = mount(move || edit.controls(&Field::for_edit()));
    for f in shared {
        let id = format!("field-{}-hint", f.key());
        let (c, e) = (text_of(&on_create, &id), text_of(&on_edit, &id));
        assert_eq!(c, f.hint(&nexus_domain::i18n::EN), "{f:?} on create");
        assert_eq!(e, f.hint(&nexus_domain::i18n::EN), "{f:?} on edit");
    }
    // The three that used to differ between the forms.
    assert!(text_of(&on_edit, "field-callback-urls-hint")
        .starts_with("Where users may be sent after signing in."));
    assert!(text_of(&on_edit, "field-web-origins-hint")
        .starts_with("Origins for cross-origin authentication"));
    assert!(text_of(&on_edit, "field-cors-origins-hint")
        .starts_with("Extra origins allowed to call the API"));
}

#[wasm_bindgen_test]
async fn typing_in_one_field_of_a_form_re_renders_no_other() {
    use nexus_clients_console::pages::client_form::Form;
    use nexus_domain::{EditDraft, Field};
    let draft = RwSignal::new(EditDraft {
        callback_urls: vec!["https://a.example.com/cb".into()],
        ..Default::default()
    });
    let form = Form {
        draft,
        issues: Signal::derive(Vec::new),
        server: RwSignal::new(None::<ProblemDetails>).into(),
    };
    let el = mount(move || {
        form.controls(&[
            Field::ProductName,
            Field::ApplicationName,
            Field::CallbackUrls,
        ])
    });
    let input = |id: &str| -> web_sys::HtmlInputElement {
        el.query_selector(&format!("[id$=\"-{id}\"]"))
            .unwrap()
            .expect("the control")
            .unchecked_into()
    };
    // Once the first render has settled, marks in two other controls' DOM
    // values: a control whose value binding
    // ran again would put the draft's value back over its mark.
    settle().await;
    input("field-product-name").set_value("mark");
    input("field-callback-urls-0").set_value("mark");
    // Types as a user does: the value changes, then an input event.
    let type_into = |id: &str, value: &str| {
        let el = input(id);
        el.set_value(value);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    type_into("field-application-name", "Storefront");
    settle().await;
    assert_eq!(
        draft.with_untracked(|d| d.application_name.clone()),
        "Storefront"
    );
    assert_eq!(input("field-product-name").value(), "mark");
    assert_eq!(input("field-callback-urls-0").value(), "mark");
    // Typing in a list item writes the draft and leaves the text fields alone.
    type_into("field-callback-urls-0", "https://b.example.com/cb");
    settle().await;
    assert_eq!(
        draft.with_untracked(|d| d.callback_urls.clone()),
        vec!["https://b.example.com/cb".to_string()]
    );
    assert_eq!(input("field-product-name").value(), "mark");
    // A change to the field itself does reach its control.
    draft.update(|d| d.product_name = "Shop".into());
    settle().await;
    assert_eq!(input("field-product-name").value(), "Shop");
}

#[wasm_bindgen_test]
async fn clients_table_checkboxes_follow_the_selection_by_id_through_slot_rewrites() {
    use nexus_domain::bulk::Selection;
    let page = nexus_domain::decode_client_list(
        r#"[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta"},{"id":"c","name":"Gamma"}]"#,
    )
    .unwrap();
    let all = TableRows::all(page.clients);
    let rows = RwSignal::new(TableRows {
        shown: vec![0, 1],
        ..all.clone()
    });
    let selection = RwSignal::new(Selection::default());
    let el = mount(move || view! { <ClientsTable rows=rows selection=selection /> });
    let boxes = || {
        let list = el.query_selector_all("tbody input[type=checkbox]").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlInputElement>()
            })
            .collect::<Vec<_>>()
    };
    let head = el
        .query_selector("thead input[type=checkbox]")
        .unwrap()
        .expect("the page's box")
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(
        boxes()[1].get_attribute("aria-label").as_deref(),
        Some("Select Beta")
    );
    let tr_before = el.query_selector("tbody tr").unwrap().unwrap();

    // Ticking a row's box selects its client's id; the page's box is mixed.
    boxes()[1].click();
    settle().await;
    assert!(selection.with_untracked(|s| s.contains("b") && s.len() == 1));
    assert!(head.indeterminate() && !head.checked());

    // The slot now shows another client: its box follows the id, not the slot.
    rows.update(|r| r.shown = vec![1, 2]);
    settle().await;
    let b = boxes();
    assert!(
        b[0].checked() && !b[1].checked(),
        "Beta stays ticked in its new slot"
    );
    assert!(
        el.query_selector("tbody tr").unwrap().unwrap() == tr_before,
        "no row created"
    );

    // The page's box selects the whole shown page, and again unselects it.
    head.click();
    settle().await;
    assert!(selection.with_untracked(|s| s.contains("b") && s.contains("c") && s.len() == 2));
    assert!(head.checked() && !head.indeterminate());
    head.click();
    settle().await;
    assert!(selection.with_untracked(Selection::is_empty));
    assert!(boxes().iter().all(|b| !b.checked()));
}

#[wasm_bindgen_test]
fn two_consoles_in_one_document_number_their_ids_apart_and_find_their_own_elements() {
    use nexus_clients_console::dom::ConsoleRoot;
    use std::cell::RefCell;
    use std::rc::Rc;
    let document = web_sys::window().unwrap().document().unwrap();
    // Mounts a "console" whose page is a <main id="ncc-main"> holding one
    // generated id; returns its element, ConsoleRoot, that id and its mount
    // handle (dropping it unmounts).
    let console = |text: &'static str| {
        let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&el).unwrap();
        let out = Rc::new(RefCell::new(None));
        let (slot, root_el) = (out.clone(), el.clone());
        let handle = leptos::mount::mount_to(el.clone(), move || {
            let root = ConsoleRoot::provide(&root_el);
            let id = root.unique_id("x");
            *slot.borrow_mut() = Some((root, id.clone()));
            view! { <main id="ncc-main"><p id=id>{text}</p></main> }
        });
        let taken = out.borrow_mut().take().unwrap();
        (el, taken.0, taken.1, handle)
    };
    let (a_el, a, a_id, a_handle) = console("A");
    let (b_el, b, b_id, b_handle) = console("B");
    assert_eq!(a_id, "ncc-x-1");
    assert_eq!(b_id, "ncc1-x-1");
    // Each finds its own, although the fixed id is in the document twice.
    let main_text = |root: ConsoleRoot| {
        root.element_by_id("ncc-main")
            .and_then(|m| m.text_content())
            .unwrap_or_default()
    };
    assert_eq!(main_text(a), "A");
    assert_eq!(main_text(b), "B");
    assert_eq!(
        b.element_by_id(&b_id)
            .and_then(|p| p.text_content())
            .as_deref(),
        Some("B")
    );
    assert!(
        b.element_by_id(&a_id).is_none(),
        "B must not find A's element"
    );
    // A is unmounted: its number is free again, B keeps its own.
    drop(a_handle);
    a_el.remove();
    let (_, _, c_id, c_handle) = console("C");
    assert_eq!(c_id, "ncc-x-1");
    assert_eq!(
        b_el.get_attribute("data-ncc-instance").as_deref(),
        Some("1")
    );
    b_handle.forget();
    c_handle.forget();
}
