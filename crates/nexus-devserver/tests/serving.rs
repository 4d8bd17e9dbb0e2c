//! Faults, CORS, static serving and file persistence.

mod common;

use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use nexus_devserver::{Config, Storage};
use serde_json::json;

/// The client list as `auth` asks for it, with one more header.
async fn list_with_header(app: &TestApp, auth: &str, name: &str, value: &str) -> Reply {
    let req = Request::builder()
        .uri(CLIENTS)
        .header("authorization", auth)
        .header(name, value)
        .body(Body::empty())
        .unwrap();
    app.send(req).await
}

async fn with_fault_header(app: &TestApp, fault: &str, auth: &str) -> Reply {
    list_with_header(app, auth, "x-nexus-fault", fault).await
}

#[tokio::test]
async fn faults_by_header() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let r = with_fault_header(&app, "status=503", &admin).await;
    r.problem(503);
    let r = with_fault_header(&app, "status=502;body=html", &admin).await;
    assert_eq!(r.status, 502);
    assert!(r.content_type().starts_with("text/html"));
    assert!(r.text.contains("<title>502 Bad Gateway</title>") && r.text.contains("nginx"));
    // The page names the status it comes with.
    let r = with_fault_header(&app, "status=504;body=html", &admin).await;
    assert!(
        r.text.contains("<title>504 Gateway Timeout</title>"),
        "{}",
        r.text
    );
    let r = with_fault_header(&app, "body=malformed", &admin).await;
    assert_eq!(r.status, 200);
    assert!(r.content_type().starts_with("application/json"));
    assert!(serde_json::from_str::<serde_json::Value>(&r.text).is_err());
    let r = with_fault_header(&app, "status=500;body=empty", &admin).await;
    assert_eq!((r.status.as_u16(), r.text.as_str()), (500, ""));
    let r = with_fault_header(&app, " STATUS = 429 ; body = text ", &admin).await;
    assert_eq!(r.status, 429);
    assert!(r.content_type().starts_with("text/plain"));
    // Latency only: the real answer, later.
    let t = std::time::Instant::now();
    let r = with_fault_header(&app, "latency=150", &admin).await;
    assert_eq!(r.status, 200);
    assert!(t.elapsed().as_millis() >= 150);
    // Nonsense is ignored.
    assert_eq!(
        with_fault_header(&app, "garbage;;=", &admin).await.status,
        200
    );
}

#[tokio::test]
async fn dropped_connection_body_errors() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let req = Request::builder()
        .uri(CLIENTS)
        .header("authorization", &admin)
        .header("x-nexus-fault", "drop=true")
        .body(Body::empty())
        .unwrap();
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let res = app.router.clone().oneshot(req).await.unwrap();
    assert!(res.into_body().collect().await.is_err());
}

#[tokio::test]
async fn queued_faults_match_count_method_and_path() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let rule = json!({"status": 500, "count": 2, "method": "patch", "pathContains": "/clients/"})
        .to_string();
    let r = app
        .call(Method::POST, "/dev/faults", None, Some(&rule))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    // GET does not match.
    assert_eq!(app.get_as(CLIENTS, &admin).await.status, 200);
    let url = client_url("cl_shop_storefront_01");
    for _ in 0..2 {
        app.patch_as(&url, &admin, "{}").await.problem(500);
    }
    assert_eq!(app.patch_as(&url, &admin, "{}").await.status, 200);
    // Clearing.
    app.call(
        Method::POST,
        "/dev/faults",
        None,
        Some(r#"{"status":503,"count":5}"#),
    )
    .await;
    assert_eq!(
        app.call(Method::DELETE, "/dev/faults", None, None)
            .await
            .status,
        204
    );
    assert_eq!(app.get_as(CLIENTS, &admin).await.status, 200);
    // A 429 that says when to try again.
    let rule = json!({"status": 429, "retryAfter": "30"}).to_string();
    app.call(Method::POST, "/dev/faults", None, Some(&rule))
        .await;
    let r = app.get_as(CLIENTS, &admin).await;
    r.problem(429);
    assert_eq!(r.header("retry-after").as_deref(), Some("30"));
    // Bad fault bodies are refused.
    app.call(
        Method::POST,
        "/dev/faults",
        None,
        Some(r#"{"body":"weird"}"#),
    )
    .await
    .problem(400);
}

#[tokio::test]
async fn cors_preflight_and_simple() {
    let app = TestApp::new();
    let req = Request::builder()
        .method(Method::OPTIONS)
        .uri(client_url("cl_shop_storefront_01"))
        .header("origin", "http://localhost:8080")
        .header("access-control-request-method", "PATCH")
        .header(
            "access-control-request-headers",
            "authorization, content-type, applicationtoken, x-nexus-fault",
        )
        .body(Body::empty())
        .unwrap();
    let r = app.send(req).await;
    assert!(r.status.is_success(), "{:?}", r.status);
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("http://localhost:8080")
    );
    let methods = r.header("access-control-allow-methods").unwrap();
    assert!(
        methods.contains("PATCH") && methods.contains("DELETE"),
        "{methods}"
    );
    let headers = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    for h in [
        "authorization",
        "content-type",
        "applicationtoken",
        "x-nexus-fault",
    ] {
        assert!(headers.contains(h), "{headers}");
    }

    let admin = app.bearer("admin").await;
    let r = list_with_header(&app, &admin, "origin", "http://127.0.0.1:5173").await;
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("http://127.0.0.1:5173")
    );
    assert!(r
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase()
        .contains("location"));

    let r = list_with_header(&app, &admin, "origin", "https://evil.example.com").await;
    assert!(r.header("access-control-allow-origin").is_none());
    assert!(!nexus_devserver::is_local_origin(
        b"http://localhost.evil.com"
    ));
    assert!(!nexus_devserver::is_local_origin(b"http://127.0.0.1:80x"));
}

/// A built console's files in a temporary directory.
fn dist() -> TempDir {
    let dir = TempDir::new("dist");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(dir.join("config.json"), r#"{"tenantId":"demo-tenant"}"#).unwrap();
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js"), "export default 1;").unwrap();
    std::fs::write(dir.join("style-fedcba9876543210.css"), "body{}").unwrap();
    std::fs::write(dir.join("robots.txt"), "User-agent: *").unwrap();
    dir
}

/// The Content-Security-Policy the console's index.html is served with.
async fn index_csp(app: &TestApp) -> String {
    app.get("/")
        .await
        .header("content-security-policy")
        .expect("a CSP")
}

#[tokio::test]
async fn static_serving_with_headers_and_fallback() {
    let dir = dist();
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::in_memory()
    });

    let r = app.get("/").await;
    assert_eq!(r.status, 200);
    assert!(r.content_type().starts_with("text/html"));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-cache"));
    let csp = r.header("content-security-policy").unwrap();
    assert_eq!(
        csp,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'none'"
    );
    assert_eq!(
        r.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(r.header("referrer-policy").as_deref(), Some("no-referrer"));

    let r = app.get("/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(r.content_type(), "application/wasm");
    assert_eq!(
        r.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        app.get("/app-0123456789abcdef.js").await.content_type(),
        "text/javascript"
    );
    assert_eq!(
        app.get("/style-fedcba9876543210.css").await.content_type(),
        "text/css"
    );
    let r = app.get("/config.json").await;
    assert_eq!(
        (
            r.content_type().as_str(),
            r.header("cache-control").as_deref()
        ),
        ("application/json", Some("no-cache"))
    );
    assert!(app
        .get("/robots.txt")
        .await
        .header("cache-control")
        .is_none());

    // SPA fallback for routes; 404 for missing assets.
    let r = app.get("/clients/cl_shop_storefront_01/edit").await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("<title>console</title>"));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-cache"));
    let r = app.get("/missing-0123456789abcdef.js").await;
    assert_eq!(r.status, 404);
    assert!(r.header("content-security-policy").is_some());
    assert_eq!(app.get("/../etc/passwd.txt").await.status, 404);
    // API and dev routes are not shadowed.
    assert_eq!(app.get("/dev/health").await.text, "ok");
    app.get("/v1/nothing").await.problem(404);
}

#[tokio::test]
async fn logo_hosts_feed_the_csp_img_src_and_config_json() {
    // From the served config.json.
    let dir = dist();
    std::fs::write(
        dir.join("config.json"),
        r#"{"tenantId":"demo-tenant","logoHosts":["cdn.example.com"]}"#,
    )
    .unwrap();
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::in_memory()
    });
    let csp = index_csp(&app).await;
    assert!(
        csp.contains("; img-src 'self' https://cdn.example.com; "),
        "{csp}"
    );
    // From --logo-hosts: the served config.json says the same.
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        logo_hosts: Some(vec!["logos.example.test".into()]),
        csp_img_src: Some("https:".into()),
        ..Config::in_memory()
    });
    let csp = index_csp(&app).await;
    assert!(
        csp.contains("; img-src 'self' https://logos.example.test https:; "),
        "{csp}"
    );
    let config = app.get("/config.json").await;
    let doc: serde_json::Value = serde_json::from_str(&config.text).unwrap();
    assert_eq!(doc["logoHosts"], json!(["logos.example.test"]));
    assert_eq!(doc["tenantId"], json!("demo-tenant"));
    assert_eq!(
        config.header("content-length").as_deref(),
        Some(config.text.len().to_string().as_str())
    );
}

#[tokio::test]
async fn static_under_base_path_and_extra_connect_src() {
    let dir = dist();
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        base_path: nexus_domain::BasePath::parse("/admin/clients").unwrap(),
        csp_connect_src: Some("http://127.0.0.1:8081 https://api.example.com".into()),
        ..Config::in_memory()
    });
    let r = app.get("/").await;
    assert!(r.status.is_redirection());
    assert_eq!(r.header("location").as_deref(), Some("/admin/clients/"));
    assert!(app.get("/admin/clients").await.status.is_redirection());
    let r = app.get("/admin/clients/").await;
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("connect-src 'self' http://127.0.0.1:8081 https://api.example.com;"),
        "{csp}"
    );
    assert_eq!(
        app.get("/admin/clients/app-0123456789abcdef_bg.wasm")
            .await
            .content_type(),
        "application/wasm"
    );
    assert!(app
        .get("/admin/clients/some/route")
        .await
        .text
        .contains("console"));
    assert_eq!(app.get("/app-0123456789abcdef_bg.wasm").await.status, 404);
    let admin = app.bearer("admin").await;
    assert_eq!(app.get_as(CLIENTS, &admin).await.status, 200);
}

#[tokio::test]
async fn no_static_dir_means_plain_404() {
    let app = TestApp::new();
    assert_eq!(app.get("/index.html").await.status, 404);
}

#[tokio::test]
async fn edits_survive_a_restart_and_reset_wipes() {
    let dir = TempDir::new("db");
    let config = Config {
        storage: Storage::File(dir.join("nexus.db")),
        ..Config::default()
    };
    let url = client_url("cl_shop_storefront_01");
    {
        let app = TestApp::with(config.clone());
        let admin = app.bearer("admin").await;
        let r = app
            .patch_as(&url, &admin, r#"{"productName":"Persisted"}"#)
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(
            app.delete_as(&client_url("cl_dev_cli_23"), &admin)
                .await
                .status,
            204
        );
    }
    {
        let app = TestApp::with(config.clone());
        let admin = app.bearer("admin").await;
        assert_eq!(
            app.get_as(&url, &admin).await.json()["productName"],
            "Persisted"
        );
        app.get_as(&client_url("cl_dev_cli_23"), &admin)
            .await
            .problem(404);
    }
    {
        let app = TestApp::with(Config {
            reset: true,
            ..config
        });
        let admin = app.bearer("admin").await;
        assert_eq!(app.get_as(&url, &admin).await.json()["productName"], "Shop");
    }
}

#[tokio::test]
async fn gzip_when_asked_for_static_files_and_the_api() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let dir = dist();
    // Big enough to be worth compressing.
    std::fs::write(
        dir.join("big-0123456789abcdef.js"),
        "export const x = 1;\n".repeat(200),
    )
    .unwrap();
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::in_memory()
    });
    let admin = app.bearer("admin").await;
    for (uri, auth) in [("/big-0123456789abcdef.js", None), (CLIENTS, Some(&admin))] {
        let mut req = Request::builder()
            .uri(uri)
            .header("accept-encoding", "gzip");
        if let Some(a) = auth {
            req = req.header("authorization", a.as_str());
        }
        let res = app
            .router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{uri}");
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            Some("gzip"),
            "{uri}"
        );
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..2], &[0x1f, 0x8b], "{uri}: not a gzip stream");
    }
    // Without Accept-Encoding, plain (the other tests read bodies as text).
    let r = app.get("/big-0123456789abcdef.js").await;
    assert!(r.header("content-encoding").is_none());
    assert!(r.text.starts_with("export const x"));
}

#[tokio::test]
async fn a_hashed_asset_with_a_brotli_copy_is_sent_as_brotli_to_a_browser_that_takes_it() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let dir = dist();
    let raw = "export const y = 2;\n".repeat(200);
    // Not real brotli: the stand-in sends the copy as it is, never decodes it.
    let copy = b"precompressed copy".to_vec();
    std::fs::write(dir.join("app-0123456789abcdef.js"), &raw).unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js.br"), &copy).unwrap();
    // An unhashed file's copy is not used: index.html and config.json are
    // rewritten per server.
    std::fs::write(dir.join("config.json.br"), b"stale").unwrap();
    let app = TestApp::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::in_memory()
    });
    let get = |uri: &'static str, accept: Option<&'static str>| {
        let router = app.router.clone();
        async move {
            let mut req = Request::builder().uri(uri);
            if let Some(a) = accept {
                req = req.header("accept-encoding", a);
            }
            let res = router
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let encoding = res
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_string());
            let vary = res
                .headers()
                .get("vary")
                .map(|v| v.to_str().unwrap().to_string());
            let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
            (encoding, vary, body)
        }
    };
    let (enc, vary, body) = get("/app-0123456789abcdef.js", Some("gzip, deflate, br, zstd")).await;
    assert_eq!(enc.as_deref(), Some("br"));
    assert_eq!(vary.as_deref(), Some("accept-encoding"));
    assert_eq!(body, copy);
    // Brotli refused: gzip on the fly from the file itself.
    let (enc, _, body) = get("/app-0123456789abcdef.js", Some("gzip, br;q=0")).await;
    assert_eq!(enc.as_deref(), Some("gzip"));
    assert_eq!(&body[..2], &[0x1f, 0x8b]);
    // Nothing accepted: the file as it is, still marked as varying.
    let (enc, vary, body) = get("/app-0123456789abcdef.js", None).await;
    assert_eq!(enc, None);
    assert_eq!(vary.as_deref(), Some("accept-encoding"));
    assert_eq!(body, raw.as_bytes());
    let (enc, _, body) = get("/config.json", Some("br")).await;
    assert_ne!(enc.as_deref(), Some("br"));
    assert_ne!(body, b"stale");
}

#[test]
fn brotli_is_accepted_unless_refused() {
    use nexus_devserver::static_files::accepts_br;
    assert!(accepts_br("gzip, deflate, br, zstd"));
    assert!(accepts_br("BR;q=0.5"));
    assert!(!accepts_br("gzip, br;q=0"));
    assert!(!accepts_br("gzip, brotli"));
    assert!(!accepts_br(""));
}
