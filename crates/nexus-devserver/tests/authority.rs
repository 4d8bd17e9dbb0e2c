//! The stand-in's authority: who may call the API, who may call the dev
//! routes, and how far a dev route may be pushed.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request};
use common::*;
use nexus_devserver::config::DEFAULT_TOKEN_SECRET;
use nexus_devserver::tokens::{now_ms, sign};
use serde_json::{json, Map, Value};

/// A token this server signed, valid now, whose payload is `claims` plus
/// `iss`, `iat`, `iat_ms` and `exp`.
fn signed(claims: Value) -> String {
    let mut m: Map<String, Value> = match claims {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let now = now_ms();
    m.insert("iss".into(), json!("nexus-devserver"));
    m.insert("iat".into(), json!(now / 1000));
    m.insert("iat_ms".into(), json!(now));
    m.insert("exp".into(), json!(now / 1000 + 600));
    format!("Bearer {}", sign(DEFAULT_TOKEN_SECRET.as_bytes(), &m))
}

#[tokio::test]
async fn a_token_without_permission_claims_is_refused_everywhere() {
    let app = TestApp::new();
    // Signed by this server, unexpired, but says nothing about permissions:
    // the domain reads it as an unknown caller, which the UI may enable but
    // the server must refuse.
    let bare = signed(json!({"sub": "admin-1", "name": "No Claims", "roles": ["team-shop"]}));
    let one = client_url("cl_shop_storefront_01");
    let calls: [(Method, String, Option<&str>); 6] = [
        (Method::GET, CLIENTS.to_string(), None),
        (
            Method::POST,
            CLIENTS.to_string(),
            Some(r#"{"name":"Sneaky","app_type":"spa"}"#),
        ),
        (Method::GET, one.clone(), None),
        (Method::PATCH, one.clone(), Some(r#"{"owners":["me"]}"#)),
        (Method::POST, format!("{one}/rotate-secret"), None),
        (Method::DELETE, one.clone(), None),
    ];
    for (method, uri, body) in calls {
        let r = app.call(method.clone(), &uri, Some(&bare), body).await;
        let p = r.problem(403);
        let detail = p["detail"].as_str().unwrap_or_default();
        assert!(
            detail.contains("permission"),
            "{method} {uri}: the detail should say what is missing: {p}"
        );
        assert!(!r.text.contains("\"secret\""), "{method} {uri}: {}", r.text);
    }
    // Nothing changed: the client is still there, unpatched, same secret.
    let admin = app.bearer("admin").await;
    let r = app.get_as(&one, &admin).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_ne!(r.json()["owners"], json!(["me"]));
    let list = app.get_as(CLIENTS, &admin).await;
    assert!(!list.text.contains("Sneaky"));
}

#[tokio::test]
async fn empty_permission_claims_are_known_and_refused() {
    let app = TestApp::new();
    for claims in [
        json!({"sub": "u", "permissions": []}),
        json!({"sub": "u", "scope": ""}),
    ] {
        let t = signed(claims.clone());
        app.get_as(CLIENTS, &t).await.problem(403);
    }
    // A scope claim is a permission claim too.
    let t = signed(json!({"sub": "u", "scope": "client.read openid"}));
    assert_eq!(app.get_as(CLIENTS, &t).await.status, 200);
}

#[tokio::test]
async fn personas_and_basic_users_keep_their_rights() {
    let app = TestApp::new();
    let one = client_url("cl_billing_service_11");
    let create = r#"{"name":"Persona check","app_type":"spa"}"#;
    for (who, read, write) in [
        ("admin", 200, 201),
        ("owner", 200, 201),
        ("viewer", 200, 403),
    ] {
        let t = app.bearer(who).await;
        assert_eq!(app.get_as(CLIENTS, &t).await.status, read, "{who}");
        assert_eq!(app.get_as(&one, &t).await.status, read, "{who}");
        assert_eq!(
            app.post_as(CLIENTS, &t, create).await.status,
            write,
            "{who}"
        );
    }
    let viewer = basic("demo-viewer", "demo-password");
    assert_eq!(app.get_as(CLIENTS, &viewer).await.status, 200);
    app.delete_as(&one, &viewer).await.problem(403);
    let admin = basic("demo-admin", "demo-password");
    assert_eq!(app.delete_as(&one, &admin).await.status, 204);
}
/// A dev request with an explicit `Host` (or none) and `Content-Type` (or none).
async fn dev(
    app: &TestApp,
    method: Method,
    uri: &str,
    host: Option<&str>,
    content_type: Option<&str>,
    body: &str,
) -> Reply {
    let mut b = Request::builder().method(method).uri(uri);
    if let Some(h) = host {
        b = b.header(header::HOST, h);
    }
    if let Some(c) = content_type {
        b = b.header(header::CONTENT_TYPE, c);
    }
    app.send(b.body(Body::from(body.to_string())).unwrap())
        .await
}

async fn queued_fault_hits(app: &TestApp) -> bool {
    let admin = app.bearer("admin").await;
    let r = app.get_as(CLIENTS, &admin).await;
    r.status == 503
}

#[tokio::test]
async fn dev_routes_answer_only_loopback_hosts() {
    let app = TestApp::new();
    for host in [
        "127.0.0.1",
        "127.0.0.1:8081",
        "localhost",
        "LocalHost:80",
        "[::1]",
        "[::1]:5173",
    ] {
        let r = dev(&app, Method::GET, "/dev/personas", Some(host), None, "").await;
        assert_eq!(r.status, 200, "{host}: {}", r.text);
    }
    for host in [
        "evil.example.com",
        "evil.example.com:8081",
        "localhost.evil.example.com",
        "127.0.0.1.nip.io",
        "127.0.0.1:8081@evil.example.com",
        "127.0.0.1:80x",
        "127.0.0.2",
        "0.0.0.0:8081",
        "192.168.1.20:8081",
        "::1",
        "[::1]x",
        "",
    ] {
        let r = dev(&app, Method::GET, "/dev/personas", Some(host), None, "").await;
        let p = r.problem(403);
        assert!(
            !r.text.contains("token\""),
            "{host}: tokens leaked: {}",
            r.text
        );
        assert!(
            p["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("loopback"),
            "{host}: {p}"
        );
    }
    // No Host at all is refused too.
    dev(&app, Method::GET, "/dev/health", None, None, "")
        .await
        .problem(403);
    // A rebinding page cannot queue faults or revoke tokens either.
    let fault = r#"{"status":503}"#;
    let r = dev(
        &app,
        Method::POST,
        "/dev/faults",
        Some("evil.example.com:8081"),
        Some("application/json"),
        fault,
    )
    .await;
    r.problem(403);
    assert!(!queued_fault_hits(&app).await);
    let admin = app.bearer("admin").await;
    dev(
        &app,
        Method::POST,
        "/dev/revoke-tokens",
        Some("evil.example.com"),
        Some("application/json"),
        "",
    )
    .await
    .problem(403);
    assert_eq!(app.get_as(CLIENTS, &admin).await.status, 200);
    dev(
        &app,
        Method::DELETE,
        "/dev/faults",
        Some("evil.example.com"),
        None,
        "",
    )
    .await
    .problem(403);
}

#[tokio::test]
async fn dev_posts_need_a_json_content_type() {
    let app = TestApp::new();
    let fault = r#"{"status":503}"#;
    for ct in [
        None,
        Some("text/plain"),
        Some("text/plain;charset=UTF-8"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonp"),
        Some("application/json-seq"),
    ] {
        let r = dev(
            &app,
            Method::POST,
            "/dev/faults",
            Some("127.0.0.1:8081"),
            ct,
            fault,
        )
        .await;
        let p = r.problem(415);
        assert!(
            p["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("application/json"),
            "{ct:?}: {p}"
        );
        assert!(!queued_fault_hits(&app).await, "{ct:?} queued a fault");
        let admin = app.bearer("admin").await;
        dev(
            &app,
            Method::POST,
            "/dev/revoke-tokens",
            Some("localhost"),
            ct,
            "",
        )
        .await
        .problem(415);
        assert_eq!(
            app.get_as(CLIENTS, &admin).await.status,
            200,
            "{ct:?} revoked the tokens"
        );
    }
    for ct in ["application/json", "Application/JSON; charset=utf-8"] {
        let r = dev(
            &app,
            Method::POST,
            "/dev/faults",
            Some("localhost:8081"),
            Some(ct),
            fault,
        )
        .await;
        assert_eq!(r.status, 201, "{ct}: {}", r.text);
        assert!(queued_fault_hits(&app).await);
    }
    // An empty JSON POST (as the e2e helper sends) revokes.
    let admin = app.bearer("admin").await;
    let r = dev(
        &app,
        Method::POST,
        "/dev/revoke-tokens",
        Some("[::1]:8081"),
        Some("application/json"),
        "",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    app.get_as(CLIENTS, &admin).await.problem(401);
}

#[tokio::test]
async fn fault_counts_and_latency_are_capped() {
    let app = TestApp::new();
    let post = |body: &'static str| {
        let app = &app;
        async move {
            dev(
                app,
                Method::POST,
                "/dev/faults",
                Some("127.0.0.1"),
                Some("application/json"),
                body,
            )
            .await
        }
    };
    let p = post(r#"{"status":503,"count":101}"#).await.problem(400);
    assert_detail(&p, "100");
    let p = post(r#"{"latencyMs":60001}"#).await.problem(400);
    assert_detail(&p, "60000");
    let p = post(r#"{"latencyMs":18446744073709551615}"#)
        .await
        .problem(400);
    assert_detail(&p, "60000");
    assert_eq!(
        post(r#"{"latencyMs":60000,"count":1,"method":"DELETE"}"#)
            .await
            .status,
        201
    );
    // At most 100 faults queued in all (the sum of the counts).
    assert_eq!(
        post(r#"{"status":503,"count":60,"method":"PUT"}"#)
            .await
            .status,
        201
    );
    let p = post(r#"{"status":503,"count":40,"method":"PUT"}"#)
        .await
        .problem(400);
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.contains("100") && detail.contains("61"), "{p}");
    assert_eq!(
        post(r#"{"status":503,"count":39,"method":"PUT"}"#)
            .await
            .status,
        201
    );
    post(r#"{"status":503,"method":"PUT"}"#).await.problem(400);
    // Clearing makes room again.
    let r = dev(
        &app,
        Method::DELETE,
        "/dev/faults",
        Some("127.0.0.1"),
        None,
        "",
    )
    .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        post(r#"{"status":503,"count":100,"method":"PUT"}"#)
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn per_request_fault_latency_is_capped_and_cannot_overflow() {
    let f = nexus_devserver::faults::parse_fault_header("latency=18446744073709551615");
    assert_eq!(f.latency_ms, 60_000);
    let f = nexus_devserver::faults::parse_fault_header("latency=60001");
    assert_eq!(f.latency_ms, 60_000);
}

/// Which refusal a request gets when several apply: who is calling (401, or
/// 403 for a token that names no permissions), then the tenant (404), then,
/// for reading and creating, the permission (403) before the client is
/// looked up (404), so that a caller who may not read cannot probe ids; for
/// the per-client writes the client (404) before the permission (403), which
/// depends on it; the body (400) last.
#[tokio::test]
async fn refusals_come_in_a_fixed_order() {
    let app = TestApp::new();
    let viewer = app.bearer("viewer").await;
    let no_perms = signed(json!({"sub": "u", "permissions": []}));
    let no_claims = signed(json!({"sub": "u"}));
    let other = "/v1/tenants/other-tenant/clients";
    let existing = "cl_billing_service_11";
    let missing = "no_such_client";
    let tenant_404 = "Tenant 'other-tenant' was not found.";
    let client_404 = format!("Client '{missing}' was not found in tenant 'demo-tenant'.");
    let client_routes: [(Method, &str); 4] = [
        (Method::GET, ""),
        (Method::PATCH, ""),
        (Method::DELETE, ""),
        (Method::POST, "/rotate-secret"),
    ];
    let body_for = |m: &Method| (m == Method::PATCH).then_some("{not json");

    // Who is calling comes first, whatever else is wrong.
    for (m, tail) in &client_routes {
        let uri = format!("{other}/{missing}{tail}");
        app.call(m.clone(), &uri, None, body_for(m))
            .await
            .problem(401);
        let p = app
            .call(m.clone(), &uri, Some(&no_claims), body_for(m))
            .await
            .problem(403);
        assert_detail(&p, "permission claims");
    }
    app.get(other).await.problem(401);
    app.call(Method::POST, other, None, Some("["))
        .await
        .problem(401);

    // Then the tenant, before any permission or client.
    for (m, tail) in &client_routes {
        let uri = format!("{other}/{missing}{tail}");
        let p = app
            .call(m.clone(), &uri, Some(&no_perms), body_for(m))
            .await
            .problem(404);
        assert_eq!(p["detail"], tenant_404, "{m} {uri}");
    }
    for m in [Method::GET, Method::POST] {
        let body = (m == Method::POST).then_some("[");
        let p = app
            .call(m.clone(), other, Some(&no_perms), body)
            .await
            .problem(404);
        assert_eq!(p["detail"], tenant_404, "{m}");
    }

    // Reading and creating: the permission, before the client and the body.
    let p = app
        .get_as(&client_url(missing), &no_perms)
        .await
        .problem(403);
    assert_detail(&p, "Reading");
    app.get_as(CLIENTS, &no_perms).await.problem(403);
    let p = app.post_as(CLIENTS, &viewer, "[").await.problem(403);
    assert_detail(&p, "Creating");
    let p = app.get_as(&client_url(missing), &viewer).await.problem(404);
    assert_eq!(p["detail"], client_404.as_str());

    // Per-client writes: the client, then the permission, then the body.
    for (m, tail) in client_routes.iter().skip(1) {
        let uri = format!("{}{tail}", client_url(missing));
        let p = app
            .call(m.clone(), &uri, Some(&viewer), body_for(m))
            .await
            .problem(404);
        assert_eq!(p["detail"], client_404.as_str(), "{m} {uri}");
        let uri = format!("{}{tail}", client_url(existing));
        let p = app
            .call(m.clone(), &uri, Some(&viewer), body_for(m))
            .await
            .problem(403);
        assert!(
            p["detail"].as_str().unwrap().contains("client.write"),
            "{m} {uri}: {p}"
        );
    }
    let admin = app.bearer("admin").await;
    let p = app
        .patch_as(&client_url(existing), &admin, "{not json")
        .await
        .problem(400);
    assert_detail(&p, "not valid JSON");
    let p = app.post_as(CLIENTS, &admin, "[").await.problem(400);
    assert_detail(&p, "not valid JSON");
}

/// The body is read only once the caller, the tenant, the client and the
/// permission have passed: an oversized body (over axum's 2 MB) from a
/// refused caller is refused for who sends it, not read.
#[tokio::test]
async fn a_refused_callers_body_is_not_read() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let viewer = app.bearer("viewer").await;
    let big = format!(
        r#"{{"name":"{}","app_type":"spa"}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    let missing = client_url("no_such_client");
    app.call(Method::POST, CLIENTS, None, Some(&big))
        .await
        .problem(401);
    app.post_as(CLIENTS, &viewer, &big).await.problem(403);
    app.patch_as(&missing, &admin, &big).await.problem(404);
    let p = app.post_as(CLIENTS, &admin, &big).await.problem(413);
    assert_detail(&p, "length limit");
}
