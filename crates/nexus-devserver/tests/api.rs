//! Every contract route and rule, through `app(...)` with an in-memory store.

mod common;

use axum::http::Method;
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn personas_shape_and_tokens_verify() {
    let app = TestApp::new();
    let p = app.personas().await;
    assert_eq!(p["tenantId"], "demo-tenant");
    let personas = p["personas"].as_array().unwrap();
    let ids: Vec<&str> = personas.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["admin", "owner", "viewer"]);
    for x in personas {
        for k in ["label", "description", "token"] {
            assert!(x[k].is_string(), "{k} in {x}");
        }
        let token = x["token"].as_str().unwrap();
        let claims = nexus_domain::claims::jwt_payload(token).unwrap();
        for k in [
            "sub",
            "name",
            "permissions",
            "roles",
            "products",
            "iat",
            "exp",
            "iss",
        ] {
            assert!(claims.contains_key(k), "{k}");
        }
        let ttl = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
        assert_eq!(ttl, 12 * 3600);
        let r = app.get_as(CLIENTS, &format!("Bearer {token}")).await;
        assert_eq!(r.status, 200, "{}", x["id"]);
    }
    let owner = nexus_domain::claims::jwt_payload(personas[1]["token"].as_str().unwrap()).unwrap();
    assert_eq!(owner["sub"], "po-shop-1");
    assert_eq!(owner["products"], json!(["Shop"]));
    assert_eq!(owner["roles"], json!(["team-shop"]));
    assert_eq!(owner["permissions"], json!(["client.read", "client.write"]));
    let basic_users = p["basic"].as_array().unwrap();
    assert_eq!(basic_users.len(), 2);
    assert_eq!(basic_users[0]["username"], "demo-admin");
    assert_eq!(basic_users[1]["password"], "demo-password");
}

#[tokio::test]
async fn list_bare_sorted_and_paged() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let r = app.get_as(CLIENTS, &admin).await;
    assert_eq!(r.status, 200);
    assert!(r.content_type().starts_with("application/json"));
    let all = r.json();
    let all = all.as_array().expect("bare array");
    assert!(all.len() >= 30);
    let names: Vec<String> = all
        .iter()
        .map(|c| {
            c["name"]
                .as_str()
                .or(c["id"].as_str())
                .unwrap()
                .to_lowercase()
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    let r = app
        .get_as(&format!("{CLIENTS}?page=1&per_page=10"), &admin)
        .await;
    let v = r.json();
    assert_eq!(v["items"].as_array().unwrap().len(), 10);
    assert_eq!(v["total"], all.len());
    assert_eq!(
        (v["page"].clone(), v["per_page"].clone()),
        (json!(1), json!(10))
    );
    assert_eq!(v["items"][0]["id"], all[10]["id"]);

    let r = app.get_as(&format!("{CLIENTS}?q=SHOP%20st"), &admin).await;
    let found = r.json();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["id"], "cl_shop_storefront_01");
    let r = app
        .get_as(&format!("{CLIENTS}?q=payments&page=0&per_page=2"), &admin)
        .await;
    let v = r.json();
    assert!(v["total"].as_u64().unwrap() > 2);
    assert_eq!(v["items"].as_array().unwrap().len(), 2);

    let r = app.get_as(&format!("{CLIENTS}?page=x"), &admin).await;
    r.problem(400);
}

#[tokio::test]
async fn list_shapes_and_auth_method_as_int() {
    let app = TestApp::with(nexus_devserver::Config {
        list_shape: nexus_devserver::ListShape::Clients,
        auth_method_as_int: true,
        ..nexus_devserver::Config::in_memory()
    });
    let admin = app.bearer("admin").await;
    let v = app.get_as(CLIENTS, &admin).await.json();
    let items = v["clients"].as_array().unwrap();
    assert_eq!(v["total"], items.len());
    let storefront = items
        .iter()
        .find(|c| c["id"] == "cl_shop_storefront_01")
        .unwrap();
    assert_eq!(storefront["clientAuthMethod"], 1);
    let spa = items
        .iter()
        .find(|c| c["id"] == "cl_shop_checkout_spa_04")
        .unwrap();
    assert_eq!(spa["clientAuthMethod"], 0);
}

#[tokio::test]
async fn generated_clients_seed() {
    let app = TestApp::with(nexus_devserver::Config {
        seed_clients: Some(250),
        ..nexus_devserver::Config::in_memory()
    });
    let admin = app.bearer("admin").await;
    let v = app
        .get_as(&format!("{CLIENTS}?page=0&per_page=5"), &admin)
        .await
        .json();
    assert_eq!(v["total"], 250);
    assert_eq!(v["items"][0]["id"], "gen_00001");
    assert_eq!(v["items"][0]["name"], "Generated client 00001 (Shop)");
}

#[tokio::test]
async fn unauthenticated_tampered_revoked() {
    let app = TestApp::new();
    let r = app.get(CLIENTS).await;
    let p = r.problem(401);
    assert_detail(&p, "Authorization");
    assert_eq!(
        r.header("www-authenticate").as_deref(),
        Some("Bearer realm=\"nexus\"")
    );

    let admin = app.bearer("admin").await;
    // Tamper with the payload: claim more rights, keep the signature.
    let token = admin.trim_start_matches("Bearer ");
    let parts: Vec<&str> = token.split('.').collect();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut payload: Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    payload["sub"] = json!("someone-else");
    let forged = format!(
        "Bearer {}.{}.{}",
        parts[0],
        b64.encode(payload.to_string()),
        parts[2]
    );
    let p = app.get_as(CLIENTS, &forged).await.problem(401);
    assert_detail(&p, "signature");

    let p = app.get_as(CLIENTS, "Bearer not-a-jwt").await.problem(401);
    assert_detail(&p, "malformed");

    // A token signed with the right secret but expired.
    let now = nexus_devserver::tokens::now_ms();
    let claims = nexus_devserver::tokens::dev_claims(
        "u",
        "U",
        &["client.read"],
        &[],
        &[],
        now - 7_200_000,
        3600,
    );
    let expired = nexus_devserver::tokens::sign(
        nexus_devserver::config::DEFAULT_TOKEN_SECRET.as_bytes(),
        &claims,
    );
    let p = app
        .get_as(CLIENTS, &format!("Bearer {expired}"))
        .await
        .problem(401);
    assert_detail(&p, "expired");

    // Revocation: the old token fails, a freshly issued one works.
    assert_eq!(app.dev_post("/dev/revoke-tokens", None).await.status, 200);
    let p = app.get_as(CLIENTS, &admin).await.problem(401);
    assert_detail(&p, "token revoked");
    let fresh = app.bearer("admin").await;
    assert_eq!(app.get_as(CLIENTS, &fresh).await.status, 200);
}

#[tokio::test]
async fn basic_credentials() {
    let app = TestApp::new();
    let r = app
        .get_as(CLIENTS, &basic("demo-viewer", "demo-password"))
        .await;
    assert_eq!(r.status, 200);
    let p = app
        .patch_as(
            &client_url("cl_shop_storefront_01"),
            &basic("demo-viewer", "demo-password"),
            "{}",
        )
        .await
        .problem(403);
    assert_detail(&p, "client.write");
    let r = app
        .patch_as(
            &client_url("cl_billing_service_11"),
            &basic("demo-admin", "demo-password"),
            r#"{"productName":"Billing"}"#,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    app.get_as(CLIENTS, &basic("demo-admin", "wrong"))
        .await
        .problem(401);
}

#[tokio::test]
async fn patch_permission_rules() {
    let app = TestApp::new();
    let viewer = app.bearer("viewer").await;
    let owner = app.bearer("owner").await;
    let admin = app.bearer("admin").await;
    let body = r#"{"applicationName":"changed"}"#;

    let p = app
        .patch_as(&client_url("cl_shop_storefront_01"), &viewer, body)
        .await
        .problem(403);
    assert_detail(&p, "client.write");

    // Owned by the owner persona, product Billing.
    let r = app
        .patch_as(&client_url("cl_billing_invoice_export_08"), &owner, body)
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json()["applicationName"], "changed");
    // Shop product, owned by others.
    let r = app
        .patch_as(&client_url("cl_shop_catalog_sync_05"), &owner, body)
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    // Neither.
    let p = app
        .patch_as(&client_url("cl_billing_service_11"), &owner, body)
        .await
        .problem(403);
    let detail = p["detail"].as_str().unwrap();
    assert!(
        detail.contains("owners") && detail.contains("product"),
        "{detail}"
    );
    // Admin: anything, including null-heavy clients.
    for id in [
        "cl_billing_service_11",
        "cl_legacy_import_29",
        "cl_nameless_31",
    ] {
        let r = app.patch_as(&client_url(id), &admin, body).await;
        assert_eq!(r.status, 200, "{id}: {}", r.text);
    }
}

#[tokio::test]
async fn patch_semantics() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let url = client_url("cl_shop_storefront_01");
    let before = app.get_as(&url, &admin).await.json();
    // Absent and null leave fields unchanged.
    let after = app
        .patch_as(&url, &admin, r#"{"productName":null}"#)
        .await
        .json();
    assert_eq!(after, before);
    // [] clears a list, "" clears a string, present lists replace.
    let after = app
        .patch_as(&url, &admin, r#"{"callbackUrls":[],"client_upn_key":"","owners":["team-x"],"allowedCorsOrigins":["https://a.example.com"]}"#)
        .await
        .json();
    assert_eq!(after["callbackUrls"], json!([]));
    assert_eq!(after["client_upn_key"], Value::Null);
    assert_eq!(after["owners"], json!(["team-x"]));
    assert_eq!(
        after["allowedCorsOrigins"],
        json!(["https://a.example.com"])
    );
    assert_eq!(after["allowedLogoutUrls"], before["allowedLogoutUrls"]);
    assert_eq!(after["name"], before["name"]);
    // Persisted.
    assert_eq!(app.get_as(&url, &admin).await.json(), after);

    // Mobile: each present sub-field replaces; "" clears.
    let m = client_url("cl_payments_wallet_17");
    let after = app
        .patch_as(
            &m,
            &admin,
            r#"{"mobile":{"ios":{"team_id":"NEWTEAM123"},"android":{"keystore_hash":""}}}"#,
        )
        .await
        .json();
    assert_eq!(after["mobile"]["ios"]["team_id"], "NEWTEAM123");
    assert_eq!(
        after["mobile"]["ios"]["app_bundle_identifier"],
        "com.example.wallet"
    );
    assert!(
        after["mobile"]["android"].get("keystore_hash").is_none(),
        "{after}"
    );
    assert_eq!(
        after["mobile"]["android"]["app_package_name"],
        "com.example.wallet"
    );
}

#[tokio::test]
async fn patch_validation_and_malformed() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let url = client_url("cl_shop_storefront_01");
    let r = app
        .patch_as(
            &url,
            &admin,
            r#"{"callbackUrls":["https://ok.example.com/cb","not a url"],"owners":["a","a"]}"#,
        )
        .await;
    let p = r.problem(400);
    assert_eq!(p["title"], "One or more validation errors occurred.");
    assert_eq!(
        p["type"],
        "https://tools.ietf.org/html/rfc9110#section-15.5.1"
    );
    assert!(p["errors"]["callbackUrls[1]"].is_array(), "{p}");
    assert!(p["errors"]["owners[1]"].is_array(), "{p}");
    let p = app.patch_as(&url, &admin, "{not json").await.problem(400);
    assert!(p["errors"].is_null());
    assert_eq!(p["instance"], url);
    app.patch_as(&client_url("nope"), &admin, "{}")
        .await
        .problem(404);
}

#[tokio::test]
async fn create_rules() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let viewer = app.bearer("viewer").await;
    let owner = app.bearer("owner").await;

    let p = app
        .post_as(CLIENTS, &admin, r#"{"name":"a<b","app_type":"spa"}"#)
        .await
        .problem(400);
    assert!(p["errors"]["name"].is_array(), "{p}");
    assert!(p["traceId"].is_string());

    // A name longer than the domain's maximum (255 characters) is refused
    // with the same words the console's form shows.
    let long = format!(r#"{{"name":"{}","app_type":"spa"}}"#, "n".repeat(256));
    let p = app.post_as(CLIENTS, &admin, &long).await.problem(400);
    assert_eq!(
        p["errors"]["name"][0], "A name can be at most 255 characters; this one has 256.",
        "{p}"
    );

    let p = app
        .post_as(CLIENTS, &viewer, r#"{"name":"x","app_type":"spa"}"#)
        .await
        .problem(403);
    assert_detail(&p, "client.write");

    app.post_as(CLIENTS, &admin, "[1,").await.problem(400);
    app.post_as(CLIENTS, &admin, "").await.problem(400);

    let body = json!({
        "name": "New Shop App",
        "app_type": "Regular_Web",
        "logo_uri": "https://cdn.example.com/new.png",
        "callbacks": ["https://new.example.com/cb"],
        "allowed_origins": ["https://new.example.com"],
        "web_origins": ["https://web.example.com"],
        "allowed_logout_urls": ["https://new.example.com/bye"],
        "client_metadata": {"owners": "po-shop-1, team-shop", "productName": "Shop", "applicationName": "new-app", "client_upn_key": "upn"}
    });
    let r = app.post_as(CLIENTS, &owner, &body.to_string()).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let c = r.json();
    let id = c["id"].as_str().unwrap();
    assert_eq!(id.len(), 32);
    assert!(id.chars().all(|ch| ch.is_ascii_alphanumeric()));
    assert!(c["secret"].as_str().unwrap().len() >= 48);
    assert_eq!(c["type"], "regular_web");
    assert_eq!(c["owners"], json!(["po-shop-1", "team-shop"]));
    assert_eq!(c["productName"], "Shop");
    assert_eq!(c["applicationName"], "new-app");
    assert_eq!(c["client_upn_key"], "upn");
    assert_eq!(c["manuallyCreated"], true);
    assert_eq!(c["clientAuthMethod"], "ClientSecretPost");
    assert_eq!(c["callbackUrls"], json!(["https://new.example.com/cb"]));
    assert_eq!(c["allowedCorsOrigins"], json!(["https://new.example.com"]));
    assert_eq!(c["allowedWebOrigins"], json!(["https://web.example.com"]));
    assert_eq!(
        c["allowedLogoutUrls"],
        json!(["https://new.example.com/bye"])
    );
    assert_eq!(c["logoUrl"], "https://cdn.example.com/new.png");
    assert_eq!(c["idTokenExpiration"], 36000);
    assert_eq!(c["refreshTokenAbsoluteLifetime"], 2592000);
    assert_eq!(c["refreshTokenInactivityLifetime"], 1296000);
    assert_eq!(c["isRefreshTokenRotationEnabled"], false);
    assert_eq!(
        c["grantTypes"],
        json!([
            "authorization_code",
            "implicit",
            "refresh_token",
            "client_credentials"
        ])
    );
    assert_eq!(r.header("location").unwrap(), client_url(id));
    // It is there, with its secret.
    let got = app.get_as(&client_url(id), &admin).await.json();
    assert_eq!(got, c);

    let r = app
        .post_as(
            CLIENTS,
            &admin,
            r#"{"name":"My SPA","app_type":"spa","grant_types":["implicit"]}"#,
        )
        .await;
    let c = r.json();
    assert_eq!(
        (c["clientAuthMethod"].clone(), c["grantTypes"].clone()),
        (json!("None"), json!(["implicit"]))
    );
}

#[tokio::test]
async fn get_delete_and_tenant() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let viewer = app.bearer("viewer").await;
    let p = app
        .get_as(&client_url("missing"), &admin)
        .await
        .problem(404);
    assert_eq!(
        p["detail"],
        "Client 'missing' was not found in tenant 'demo-tenant'."
    );
    let r = app
        .get_as(&client_url("cl_legacy_import_29"), &viewer)
        .await;
    assert_eq!(r.status, 200);
    let bare = r.json();
    assert_eq!(bare["name"], "Legacy Import");
    assert!(
        bare.get("owners").is_some() && bare["owners"].is_null(),
        "explicit nulls: {bare}"
    );

    let p = app
        .get_as("/v1/tenants/other/clients", &admin)
        .await
        .problem(404);
    assert_eq!(p["detail"], "Tenant 'other' was not found.");
    app.get_as("/v1/tenants/other/clients/cl_shop_storefront_01", &admin)
        .await
        .problem(404);

    let url = client_url("cl_monitoring_probe_24");
    app.delete_as(&url, &viewer).await.problem(403);
    let r = app.delete_as(&url, &admin).await;
    assert_eq!(r.status, 204);
    assert!(r.text.is_empty());
    app.delete_as(&url, &admin).await.problem(404);
    app.get_as(&url, &admin).await.problem(404);
}

#[tokio::test]
async fn rotate_secret() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let owner = app.bearer("owner").await;
    let id = "cl_shop_storefront_01";
    let before = app.get_as(&client_url(id), &admin).await.json();
    let r = app.rotate_secret_as(id, &owner).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let after = r.json();
    assert_ne!(after["secret"], before["secret"]);
    assert!(after["secret"].as_str().unwrap().len() >= 48);
    let again = app.rotate_secret_as(id, &admin).await.json();
    assert_ne!(again["secret"], after["secret"]);

    let p = app
        .rotate_secret_as("cl_partner_pkjwt_15", &admin)
        .await
        .problem(400);
    assert_detail(&p, "Private Key JWT");
    app.rotate_secret_as("cl_billing_service_11", &owner)
        .await
        .problem(403);
    app.rotate_secret_as("nope", &admin).await.problem(404);
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let p = app.get_as("/v1/whatever/else", &admin).await.problem(404);
    assert_eq!(p["instance"], "/v1/whatever/else");
    app.call(Method::PUT, CLIENTS, Some(&admin), Some("{}"))
        .await
        .problem(405);
    app.post_as(&client_url("cl_shop_storefront_01"), &admin, "{}")
        .await
        .problem(405);
    let r = app.get("/dev/health").await;
    assert_eq!((r.status.as_u16(), r.text.as_str()), (200, "ok"));
}

#[tokio::test]
async fn secrets_stay_out_of_the_list_but_not_the_detail() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let list = app.get_as(CLIENTS, &admin).await.json();
    let list = list.as_array().expect("bare array");
    assert!(
        list.iter().all(|c| c.get("secret").is_none()),
        "no secret in the list"
    );
    let one = app
        .get_as(&client_url("cl_shop_storefront_01"), &admin)
        .await
        .json();
    assert!(
        one["secret"].as_str().is_some_and(|s| !s.is_empty()),
        "the detail carries it"
    );
}

#[tokio::test]
async fn read_permission_is_checked_before_the_client_is_looked_up() {
    let app = TestApp::new();
    // A token with no read permission must not learn which ids exist.
    let claims = nexus_devserver::tokens::dev_claims(
        "nobody",
        "No One",
        &[],
        &[],
        &[],
        nexus_devserver::tokens::now_ms(),
        3600,
    );
    let no_perms = format!(
        "Bearer {}",
        nexus_devserver::tokens::sign(app.state.token_secret(), &claims)
    );
    for id in ["cl_shop_storefront_01", "does-not-exist"] {
        let r = app.get_as(&client_url(id), &no_perms).await;
        assert_eq!(r.status, 403, "{id}");
    }
}

#[tokio::test]
async fn page_size_pages_an_unpaged_request() {
    let app = TestApp::with(nexus_devserver::config::Config {
        page_size: Some(10),
        ..nexus_devserver::config::Config::in_memory()
    });
    let admin = app.bearer("admin").await;
    let first = app.get_as(CLIENTS, &admin).await.json();
    assert_eq!(first["items"].as_array().map(Vec::len), Some(10));
    assert_eq!(first["page"], 0);
    let total = first["total"].as_u64().expect("total");
    assert!(total > 10);
    let last_page = (total - 1) / 10;
    let last = app
        .get_as(&format!("{CLIENTS}?page={last_page}&per_page=10"), &admin)
        .await
        .json();
    assert_eq!(
        last["items"].as_array().map(Vec::len),
        Some((total - last_page * 10) as usize)
    );
}

#[tokio::test]
async fn secrets_go_only_to_callers_who_may_rotate_and_are_never_cached() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let owner = app.bearer("owner").await;
    let viewer = app.bearer("viewer").await;
    let id = "cl_shop_storefront_01";
    let url = client_url(id);
    // The viewer may read but not rotate: no secret.
    let r = app.get_as(&url, &viewer).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.json().get("secret").is_none(), "viewer got {}", r.text);
    // The product owner may not rotate a client outside their scope.
    let other = app
        .get_as(&client_url("cl_billing_service_11"), &owner)
        .await;
    assert_eq!(other.status, 200);
    assert!(other.json().get("secret").is_none(), "{}", other.text);
    // Those who may rotate get it, marked no-store.
    for who in [&admin, &owner] {
        let r = app.get_as(&url, who).await;
        assert!(r.json()["secret"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    }
    // Rotate, create and patch answers that carry a secret are no-store too.
    let create = r#"{"name":"Cache test","app_type":"regular_web"}"#;
    let patch = r#"{"applicationName":"x"}"#;
    for (status, r) in [
        (200, app.rotate_secret_as(id, &admin).await),
        (201, app.post_as(CLIENTS, &admin, create).await),
        (200, app.patch_as(&url, &admin, patch).await),
    ] {
        assert_eq!(r.status, status, "{}", r.text);
        assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    }
}

#[tokio::test]
async fn redirect_urls_that_run_code_or_leave_localhost_over_http_are_refused() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    for bad in [
        r#"{"name":"x","app_type":"spa","callbacks":["javascript:alert(1)"]}"#,
        r#"{"name":"x","app_type":"spa","allowed_logout_urls":["data:text/html,hi"]}"#,
        r#"{"name":"x","app_type":"spa","callbacks":["http://app.example.com/cb"]}"#,
        r#"{"name":"x","app_type":"spa","logo_uri":"http://cdn.example.com/l.png"}"#,
    ] {
        let r = app.post_as(CLIENTS, &admin, bad).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
    }
    let patch = app
        .patch_as(
            &client_url("cl_shop_storefront_01"),
            &admin,
            r#"{"callbackUrls":["vbscript:msgbox(1)"]}"#,
        )
        .await;
    assert_eq!(patch.status, 400, "{}", patch.text);
    let ok = app
        .post_as(
            CLIENTS,
            &admin,
            r#"{"name":"x","app_type":"spa","callbacks":["http://localhost:3000/cb"]}"#,
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text);
}
