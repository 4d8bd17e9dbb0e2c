//! The api layer in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): real `fetch`, `Request`, `Response`,
//! `AbortController` and timers. `window.fetch` is replaced by a script of
//! answers, so every error path (HTML error pages, malformed bodies, hangs,
//! dropped connections, 401 then a fresh token) is reached without a server.
#![cfg(target_arch = "wasm32")]

use futures::FutureExt;
use nexus_clients_console::api::{ApiError, NexusApi};
use nexus_clients_console::auth::{Auth, HostTokenSource, Persist};
use nexus_clients_console::config::parse_config;
use nexus_domain::{ClaimNames, UpdateClientRequest};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// Replaces window.fetch with a script: each call takes the next answer.
//   {status, type, body, headers}  a response (headers: extra ones, optional)
//   {hang: true}          never answers; rejects with AbortError when aborted
//   {reject: true}        a network failure (TypeError), as a dropped connection
export function script_fetch(json) {
  const answers = JSON.parse(json);
  const calls = [];
  window.__nccCalls = calls;
  window.fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const call = { method: req.method, url: req.url, authorization: req.headers.get('authorization'), aborted: false };
    calls.push(call);
    const a = answers.shift();
    if (!a) return Promise.reject(new TypeError('unscripted fetch: ' + req.url));
    if (a.reject) return Promise.reject(new TypeError('Failed to fetch'));
    if (a.hang) {
      return new Promise((_, reject) => {
        req.signal.addEventListener('abort', () => {
          call.aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    const headers = Object.assign(a.type ? { 'content-type': a.type } : {}, a.headers || {});
    return Promise.resolve(new Response(a.body ?? null, { status: a.status, headers }));
  };
}
// The calls fetch received so far, as JSON.
export function fetch_calls() {
  return JSON.stringify(window.__nccCalls || []);
}
"#)]
extern "C" {
    fn script_fetch(json: &str);
    fn fetch_calls() -> String;
}

#[derive(serde::Deserialize, Debug)]
struct Call {
    method: String,
    url: String,
    authorization: Option<String>,
    aborted: bool,
}

fn calls() -> Vec<Call> {
    serde_json::from_str(&fetch_calls()).unwrap()
}

const CONFIG: &str = r#"{"apiBaseUrl": "https://nexus.example.test", "tenantId": "acme/eu", "requestTimeoutMs": 1000}"#;

/// An api whose token comes from a host `getToken` that hands out "t1", "t2", …
/// and records each call's `forceRefresh`.
fn api_with_host_tokens() -> (NexusApi, Rc<RefCell<Vec<bool>>>) {
    let asked = Rc::new(RefCell::new(Vec::<bool>::new()));
    let log = asked.clone();
    let host: HostTokenSource = send_wrapper::SendWrapper::new(Rc::new(move |force: bool| {
        log.borrow_mut().push(force);
        let n = log.borrow().len();
        async move { Some(format!("t{n}")) }.boxed_local()
    }));
    let config = parse_config(&nexus_domain::i18n::EN, CONFIG).unwrap();
    let auth = Auth::new(ClaimNames::default(), Some(host), Persist::Nothing);
    (
        NexusApi::new(
            &config,
            config.tenant_id.clone(),
            auth,
            &nexus_domain::i18n::EN,
        ),
        asked,
    )
}

fn script(answers: serde_json::Value) {
    script_fetch(&answers.to_string());
}

#[wasm_bindgen_test]
async fn an_html_error_page_becomes_a_problem_with_its_status() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([{
        "status": 502, "type": "text/html",
        "body": "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    }]));
    let err = api.get_client("cl_1").await.unwrap_err();
    assert_eq!(err.status(), Some(502));
    let p = err.problem(&nexus_domain::i18n::EN);
    let text = format!("{:?} {:?}", p.title, p.detail);
    assert!(
        !text.contains('<'),
        "markup leaked into the problem: {text}"
    );
    assert!(p.title.is_some_and(|t| !t.is_empty()));
    // Ids are path segments, encoded: the tenant holds a slash.
    assert_eq!(
        calls()[0].url,
        "https://nexus.example.test/v1/tenants/acme%2Feu/clients/cl_1"
    );
}

#[wasm_bindgen_test]
async fn a_truncated_json_body_is_a_decode_error_not_a_panic() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "application/json", "body": "{\"clientId\": \"cl_1\", \"name\": \"Shop" }
    ]));
    match api.get_client("cl_1").await {
        Err(ApiError::Decode(d)) => assert!(d.contains("not valid JSON"), "{d}"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_sign_in_page_with_status_200_is_a_decode_error_that_says_html() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "text/html; charset=utf-8", "body": "<!doctype html><form>Sign in</form>" },
        { "status": 200, "type": "text/html", "body": "<!doctype html><p>portal</p>" }
    ]));
    match api.get_client("cl_1").await {
        Err(ApiError::Decode(d)) => assert!(d.contains("HTML page"), "{d}"),
        other => panic!("expected Decode, got {other:?}"),
    }
    match api.list_clients().await {
        Err(ApiError::Decode(d)) => assert!(d.contains("HTML page"), "{d}"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_server_that_never_answers_times_out_and_the_fetch_is_aborted() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([{ "hang": true }]));
    let err = api.list_clients().await.unwrap_err();
    assert_eq!(err, ApiError::Timeout { seconds: 1 });
    assert!(err
        .problem(&nexus_domain::i18n::EN)
        .title
        .unwrap()
        .contains("too long"));
    assert!(calls()[0].aborted, "the hanging fetch was not aborted");
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([{ "reject": true }]));
    match api.delete_client("cl_1").await {
        Err(ApiError::Network(d)) => assert!(d.contains("dropped") || d.contains("failed"), "{d}"),
        other => panic!("expected Network, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_401_asks_the_host_for_a_fresh_token_once_and_retries_with_it() {
    let (api, asked) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 401, "type": "application/problem+json", "body": "{\"title\":\"Token expired\",\"status\":401}" },
        { "status": 200, "type": "application/json", "body": "{\"clientId\":\"cl_1\",\"name\":\"Shop\",\"unknownField\":1}" }
    ]));
    let client = api.get_client("cl_1").await.unwrap();
    assert_eq!(client.name.as_deref(), Some("Shop"));
    // Asked before the request, then forced after the 401.
    assert_eq!(*asked.borrow(), vec![false, true]);
    let seen: Vec<_> = calls().into_iter().map(|c| c.authorization).collect();
    assert_eq!(
        seen,
        vec![Some("Bearer t1".into()), Some("Bearer t2".into())]
    );
}

#[wasm_bindgen_test]
async fn a_second_401_is_unauthorized_with_the_servers_words() {
    let (api, _) = api_with_host_tokens();
    let denied = serde_json::json!({ "status": 401, "type": "application/problem+json",
        "body": "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The token was revoked.\"}" });
    script(serde_json::json!([denied, denied]));
    match api.rotate_secret("cl_1").await {
        Err(ApiError::Unauthorized(p)) => {
            assert_eq!(p.detail.as_deref(), Some("The token was revoked."))
        }
        other => panic!("expected Unauthorized, got {other:?}"),
    }
    assert_eq!(calls().len(), 2, "retried more than once");
    assert!(calls().iter().all(|c| c.method == "POST"));
}

#[wasm_bindgen_test]
async fn validation_problem_details_keep_their_field_errors() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([{
        "status": 400, "type": "application/problem+json; charset=utf-8",
        "body": "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"CallbackUrls[1]\":[\"Not a URL.\"]},\"traceId\":\"00-abc-01\"}"
    }]));
    let body = UpdateClientRequest {
        product_name: Some("Shop".into()),
        ..Default::default()
    };
    let err = api.update_client("cl_1", &body).await.unwrap_err();
    let p = err.problem(&nexus_domain::i18n::EN);
    assert_eq!(p.trace_id.as_deref(), Some("00-abc-01"));
    assert_eq!(
        p.errors.get("CallbackUrls[1]"),
        Some(&vec!["Not a URL.".to_string()])
    );
    assert_eq!(calls()[0].method, "PATCH");
}

#[wasm_bindgen_test]
async fn a_429_says_when_to_try_again_in_seconds_or_by_date() {
    // Three minutes ahead of the browser's clock, as an HTTP date (whole
    // seconds: 179 or 180 seconds from now, both "3 minutes").
    let later = js_sys::Date::new_0();
    later.set_time(later.get_time() + 180_000.0);
    let date = String::from(later.to_utc_string());
    for (retry_after, want) in [
        ("30", Some("Try again in 30 seconds.")),
        (date.as_str(), Some("Try again in 3 minutes.")),
        ("soon", None),
    ] {
        let (api, _) = api_with_host_tokens();
        script(serde_json::json!([{
            "status": 429, "type": "application/problem+json",
            "headers": { "retry-after": retry_after },
            "body": "{\"title\":\"Too many requests\",\"status\":429}"
        }]));
        let err = api.get_client("cl_1").await.unwrap_err();
        assert_eq!(err.status(), Some(429));
        let advice = err
            .problem(&nexus_domain::i18n::EN)
            .retry_advice(&nexus_domain::i18n::EN);
        assert_eq!(advice.as_deref(), want, "Retry-After: {retry_after}");
    }
}

#[wasm_bindgen_test]
async fn a_token_with_an_invisible_character_fails_before_any_request() {
    let asked = Rc::new(RefCell::new(0));
    let log = asked.clone();
    let host: HostTokenSource = send_wrapper::SendWrapper::new(Rc::new(move |_force: bool| {
        *log.borrow_mut() += 1;
        async { Some("abc\u{200b}def".to_string()) }.boxed_local()
    }));
    let config = parse_config(&nexus_domain::i18n::EN, CONFIG).unwrap();
    let api = NexusApi::new(
        &config,
        config.tenant_id.clone(),
        Auth::new(ClaimNames::default(), Some(host), Persist::Nothing),
        &nexus_domain::i18n::EN,
    );
    script(serde_json::json!([]));
    match api.list_clients().await {
        Err(ApiError::NotSent(d)) => assert!(d.contains("Authorization header"), "{d}"),
        other => panic!("expected NotSent, got {other:?}"),
    }
    assert!(calls().is_empty(), "a request went out");
}

#[wasm_bindgen_test]
async fn a_next_link_to_another_origin_is_not_followed_and_the_list_is_partial() {
    for next in [
        "https://evil.example/steal",
        "http://nexus.example.test/v1/tenants/acme%2Feu/clients?page=2",
        "//evil.example/steal",
    ] {
        let (api, _) = api_with_host_tokens();
        script(serde_json::json!([
            { "status": 200, "type": "application/json",
              "body": serde_json::json!({"items":[{"id":"a"},{"id":"b"}],"next": next}).to_string() },
            { "status": 200, "type": "application/json",
              "body": "{\"items\":[{\"id\":\"stolen\"}]}" }
        ]));
        let page = api.list_clients().await.unwrap().list;
        let urls: Vec<_> = calls().into_iter().map(|c| c.url).collect();
        assert_eq!(urls.len(), 1, "{next}: credentials went to {urls:?}");
        let ids: Vec<_> = page.clients.iter().filter_map(|c| c.id.clone()).collect();
        assert_eq!(ids, ["a", "b"], "{next}");
        assert!(
            page.next.is_some(),
            "{next}: the list must say it is partial"
        );
    }
}

#[wasm_bindgen_test]
async fn same_origin_next_links_are_followed_once_each_and_ids_deduplicated() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"next\":\"/v1/tenants/acme%2Feu/clients?cursor=2\"}" },
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"b\"},{\"id\":\"c\"}],\"next\":\"https://nexus.example.test/v1/tenants/acme%2Feu/clients?cursor=2\"}" }
    ]));
    let page = api.list_clients().await.unwrap().list;
    let urls: Vec<_> = calls().into_iter().map(|c| c.url).collect();
    assert_eq!(
        urls,
        [
            "https://nexus.example.test/v1/tenants/acme%2Feu/clients",
            "https://nexus.example.test/v1/tenants/acme%2Feu/clients?cursor=2"
        ]
    );
    let ids: Vec<_> = page.clients.iter().filter_map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(page.next.is_some(), "a loop leaves the list partial");
}

#[wasm_bindgen_test]
async fn a_later_page_that_fails_keeps_the_pages_already_read() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"a\"}],\"next\":\"?cursor=2\"}" },
        { "reject": true }
    ]));
    let read = api.list_clients().await.unwrap();
    let ids: Vec<_> = read
        .list
        .clients
        .iter()
        .filter_map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, ["a"]);
    assert!(read.list.next.is_some());
    // No answer (a dropped connection, or the CSP refusing the address) is
    // named as such, not as "check your connection".
    let notice = read
        .partial_notice(&nexus_domain::i18n::EN)
        .unwrap_or_default();
    assert!(
        notice.contains("security policy (CSP)") && !notice.contains("Check your connection"),
        "{notice}"
    );
}

#[wasm_bindgen_test]
async fn a_paging_server_is_followed_until_total() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"total\":5}" },
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"c\"},{\"id\":\"d\"}],\"total\":5}" },
        { "status": 200, "type": "application/json",
          "body": "{\"items\":[{\"id\":\"e\"}],\"total\":5}" }
    ]));
    let page = api.list_clients().await.unwrap().list;
    let ids: Vec<_> = page.clients.iter().filter_map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let urls: Vec<_> = calls().into_iter().map(|c| c.url).collect();
    assert!(urls[1].ends_with("/clients?page=1&per_page=2"), "{urls:?}");
    assert!(urls[2].ends_with("/clients?page=2&per_page=2"), "{urls:?}");
}

#[wasm_bindgen_test]
fn what_a_failure_means_depends_on_whether_the_request_took_effect() {
    use nexus_clients_console::api::Outcome;
    use nexus_domain::{Operation, ProblemDetails};
    let timeout = ApiError::Timeout { seconds: 15 };
    let lost = ApiError::Decode("Expected the new client as JSON.".into());
    let gateway = ApiError::Problem(Box::new(ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        504,
        Some("text/html"),
        "<html><title>504 Gateway Time-out</title></html>",
    )));
    let refused = ApiError::Problem(Box::new(ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        400,
        Some("application/problem+json"),
        r#"{"title":"Bad","status":400,"detail":"Name is taken."}"#,
    )));
    assert_eq!(timeout.outcome(), Outcome::Unknown);
    assert_eq!(gateway.outcome(), Outcome::Unknown);
    assert_eq!(lost.outcome(), Outcome::Applied);
    assert_eq!(refused.outcome(), Outcome::NotApplied);
    assert_eq!(ApiError::NotSent("x".into()).outcome(), Outcome::NotApplied);

    let detail = |e: &ApiError, a: Operation| {
        e.problem_after(&nexus_domain::i18n::EN, a)
            .detail
            .unwrap_or_default()
    };
    // No contradiction: an unknown create does not also say "try again".
    let d = detail(&timeout, Operation::Create);
    assert!(
        d.contains("may have been created") && !d.contains("Try again"),
        "{d}"
    );
    assert!(detail(&timeout, Operation::Edit).contains("Try again"));
    assert!(detail(&gateway, Operation::RotateSecret).contains("may have been rotated"));
    assert!(detail(&lost, Operation::Create).contains("most likely created"));
    assert!(detail(&lost, Operation::RotateSecret).contains("rotate again"));
    assert_eq!(detail(&refused, Operation::Create), "Name is taken.");
}

/// `NexusApi` is `Copy` because its settings live in the arena of the
/// console that made it: once that console is unmounted (its owner cleaned
/// up), a call that had not started yet is not sent, and nothing panics.
#[wasm_bindgen_test]
async fn a_call_after_the_console_is_unmounted_is_not_sent() {
    let owner = leptos::prelude::Owner::new();
    let (api, _) = owner.with(api_with_host_tokens);
    script(serde_json::json!([
        { "status": 200, "type": "application/json", "body": "{\"id\":\"cl_1\",\"name\":\"One\"}" }
    ]));
    assert!(api.get_client("cl_1").await.is_ok());
    owner.cleanup();
    script(serde_json::json!([]));
    assert!(matches!(
        api.get_client("cl_1").await,
        Err(ApiError::NotSent(_))
    ));
    assert!(matches!(
        api.list_clients().await,
        Err(ApiError::NotSent(_))
    ));
    assert_eq!(api.base(), "");
    assert!(calls().is_empty(), "a request went out: {:?}", calls());
}

#[wasm_bindgen_test]
async fn empty_and_dot_segment_ids_never_become_a_request_path() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([]));
    for id in ["", " ", ".", ".."] {
        assert!(
            matches!(api.get_client(id).await, Err(ApiError::NotSent(_))),
            "get {id:?}"
        );
        assert!(
            matches!(
                api.update_client(id, &UpdateClientRequest::default()).await,
                Err(ApiError::NotSent(_))
            ),
            "patch {id:?}"
        );
        assert!(
            matches!(api.delete_client(id).await, Err(ApiError::NotSent(_))),
            "delete {id:?}"
        );
        assert!(
            matches!(api.rotate_secret(id).await, Err(ApiError::NotSent(_))),
            "rotate {id:?}"
        );
    }
    assert!(calls().is_empty(), "a request went out: {:?}", calls());
}

#[wasm_bindgen_test]
async fn an_answer_for_another_client_is_refused() {
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        { "status": 200, "type": "application/json", "body": "{\"id\":\"other\",\"name\":\"Other\"}" },
        { "status": 200, "type": "application/json", "body": "{\"id\":\"other\",\"secret\":\"s\"}" },
        { "status": 200, "type": "application/json", "body": "{\"name\":\"No id\"}" }
    ]));
    assert!(matches!(
        api.get_client("cl_1").await,
        Err(ApiError::Decode(_))
    ));
    assert!(matches!(
        api.rotate_secret("cl_1").await,
        Err(ApiError::Decode(_))
    ));
    let c = api.get_client("cl_1").await.unwrap();
    assert_eq!(c.id.as_deref(), Some("cl_1"));
}

#[wasm_bindgen_test]
async fn a_rotation_answered_without_a_secret_says_so() {
    let (api, _) = api_with_host_tokens();
    for body in [
        "{\"id\":\"cl_1\"}",
        "{\"id\":\"cl_1\",\"secret\":null}",
        "{\"id\":\"cl_1\",\"secret\":\"\"}",
    ] {
        script(serde_json::json!([{ "status": 200, "type": "application/json", "body": body }]));
        let err = api.rotate_secret("cl_1").await.unwrap_err();
        let p = err.problem_after(
            &nexus_domain::i18n::EN,
            nexus_domain::Operation::RotateSecret,
        );
        let detail = p.detail.unwrap_or_default();
        assert!(detail.contains("no new secret"), "{body}: {detail}");
        assert!(detail.contains("rotate again"), "{body}: {detail}");
    }
}

#[wasm_bindgen_test]
async fn concurrent_401s_share_one_forced_refresh() {
    let asked = Rc::new(RefCell::new(Vec::<bool>::new()));
    let log = asked.clone();
    let host: HostTokenSource = send_wrapper::SendWrapper::new(Rc::new(move |force: bool| {
        log.borrow_mut().push(force);
        async move {
            if force {
                // A refresh that takes a while: the second 401 lands meanwhile.
                gloo_timers::future::TimeoutFuture::new(100).await;
                Some("fresh".to_string())
            } else {
                Some("stale".to_string())
            }
        }
        .boxed_local()
    }));
    let config = parse_config(&nexus_domain::i18n::EN, CONFIG).unwrap();
    let api = NexusApi::new(
        &config,
        config.tenant_id.clone(),
        Auth::new(ClaimNames::default(), Some(host), Persist::Nothing),
        &nexus_domain::i18n::EN,
    );
    let client = |id: &str| {
        serde_json::json!({
            "status": 200, "type": "application/json",
            "body": serde_json::json!({"clientId": id, "name": id}).to_string()
        })
    };
    let unauthorized = serde_json::json!({ "status": 401, "type": "application/problem+json", "body": "{\"title\":\"Unauthorized\"}" });
    script(serde_json::json!([
        unauthorized,
        unauthorized,
        client("a"),
        client("b")
    ]));
    let (a, b) = futures::join!(api.get_client("a"), api.get_client("b"));
    assert!(a.is_ok() && b.is_ok(), "{a:?} {b:?}");
    let forced = asked.borrow().iter().filter(|f| **f).count();
    assert_eq!(
        forced,
        1,
        "getToken calls (forceRefresh): {:?}",
        asked.borrow()
    );
    let retried: Vec<_> = calls()
        .into_iter()
        .skip(2)
        .map(|c| c.authorization)
        .collect();
    assert_eq!(
        retried,
        vec![Some("Bearer fresh".into()), Some("Bearer fresh".into())]
    );
}

#[wasm_bindgen_test]
fn debug_prints_leave_tokens_passwords_and_secrets_out() {
    use nexus_clients_console::api::{BasicAccount, Persona};
    let persona = Persona {
        id: "admin".into(),
        label: "Ada Admin".into(),
        description: None,
        token: "eyJ.secret-token.sig".into(),
    };
    let basic = BasicAccount {
        id: "b".into(),
        label: "Basic".into(),
        username: "demo-admin".into(),
        password: "hunter2-password".into(),
    };
    let client = nexus_domain::NexusClient {
        secret: Some("client-secret-value".into()),
        ..Default::default()
    };
    let bearer = nexus_clients_console::auth::Credentials::Bearer {
        token: "eyJ.session-token.sig".into(),
        app_token: Some("app-token-value".into()),
    };
    let basic_session = nexus_clients_console::auth::Credentials::Basic {
        username: "demo-admin".into(),
        password: "session-password".into(),
    };
    let printed = format!("{persona:?} {basic:#?} {client:?} {bearer:?} {basic_session:?}");
    for secret in [
        "secret-token",
        "hunter2-password",
        "client-secret-value",
        "session-token",
        "app-token-value",
        "session-password",
    ] {
        assert!(!printed.contains(secret), "{secret} printed: {printed}");
    }
    assert!(printed.contains("[redacted]") && printed.contains("demo-admin"));
}

#[wasm_bindgen_test]
async fn a_2xx_answer_that_is_not_a_client_is_not_taken_for_one() {
    let not_a_client =
        |body: &str| serde_json::json!({ "status": 200, "type": "application/json", "body": body });
    // Create: an object with none of a client's fields, then one without an id.
    let (api, _) = api_with_host_tokens();
    script(serde_json::json!([
        not_a_client("{\"items\":[{\"id\":\"x\"}]}"),
        not_a_client("{\"name\":\"Made\"}")
    ]));
    let body = nexus_domain::CreateClientRequest::default();
    match api.create_client(&body).await {
        Err(ApiError::Decode(d)) => assert!(d.contains("none of a client's fields"), "{d}"),
        other => panic!("expected Decode, got {other:?}"),
    }
    match api.create_client(&body).await {
        Err(e @ ApiError::Decode(_)) => {
            assert!(format!("{e:?}").contains("no client ID"), "{e:?}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    // Update and read: the same object is not "the client with every field gone".
    script(serde_json::json!([
        not_a_client("{\"items\":[]}"),
        not_a_client("{\"items\":[]}")
    ]));
    assert!(matches!(
        api.update_client("cl_1", &UpdateClientRequest::default())
            .await,
        Err(ApiError::Decode(_))
    ));
    assert!(matches!(
        api.get_client("cl_1").await,
        Err(ApiError::Decode(_))
    ));
}
