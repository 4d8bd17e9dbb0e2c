//! The stand-in's authority: who may call the API, who may call the dev
//! routes, and how far a dev route may be pushed.

mod common;

use axum::http::Method;
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
    let r = app.call(Method::GET, &one, Some(&admin), None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_ne!(r.json()["owners"], json!(["me"]));
    let list = app.call(Method::GET, CLIENTS, Some(&admin), None).await;
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
        app.call(Method::GET, CLIENTS, Some(&t), None)
            .await
            .problem(403);
    }
    // A scope claim is a permission claim too.
    let t = signed(json!({"sub": "u", "scope": "client.read openid"}));
    assert_eq!(
        app.call(Method::GET, CLIENTS, Some(&t), None).await.status,
        200
    );
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
        assert_eq!(
            app.call(Method::GET, CLIENTS, Some(&t), None).await.status,
            read,
            "{who}"
        );
        assert_eq!(
            app.call(Method::GET, &one, Some(&t), None).await.status,
            read,
            "{who}"
        );
        assert_eq!(
            app.call(Method::POST, CLIENTS, Some(&t), Some(create))
                .await
                .status,
            write,
            "{who}"
        );
    }
    let viewer = basic("demo-viewer", "demo-password");
    assert_eq!(
        app.call(Method::GET, CLIENTS, Some(&viewer), None)
            .await
            .status,
        200
    );
    app.call(Method::DELETE, &one, Some(&viewer), None)
        .await
        .problem(403);
    let admin = basic("demo-admin", "demo-password");
    assert_eq!(
        app.call(Method::DELETE, &one, Some(&admin), None)
            .await
            .status,
        204
    );
}
