//! Shared helpers for the host tests: an in-memory app and request helpers.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use nexus_devserver::{app, AppState, Config};
use serde_json::Value;
use std::ops::Deref;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};
use tower::ServiceExt;

pub const CLIENTS: &str = "/v1/tenants/demo-tenant/clients";

/// The `Host` every helper request carries, as a local client sends it (the
/// dev routes answer only loopback hosts).
pub const HOST: &str = "127.0.0.1:8081";

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }

    pub fn content_type(&self) -> String {
        self.header("content-type").unwrap_or_default()
    }

    /// Asserts a problem with this status and returns it.
    pub fn problem(&self, status: u16) -> Value {
        let excerpt: String = self.text.chars().take(400).collect();
        assert_eq!(self.status.as_u16(), status, "{excerpt}");
        assert_eq!(
            self.content_type(),
            "application/problem+json",
            "{}",
            self.text
        );
        let p = self.json();
        for k in ["type", "title", "status", "detail", "instance", "traceId"] {
            assert!(p.get(k).is_some(), "problem without {k}: {p}");
        }
        assert_eq!(p["status"], status);
        p
    }
}

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
}

impl TestApp {
    pub fn new() -> Self {
        Self::with(Config::in_memory())
    }

    pub fn with(config: Config) -> Self {
        let state = AppState::new(config).expect("state");
        TestApp {
            router: app(state.clone()),
            state,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        auth: Option<&str>,
        body: Option<&str>,
    ) -> Reply {
        let mut b = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::HOST, HOST);
        if let Some(a) = auth {
            b = b.header(header::AUTHORIZATION, a);
        }
        let body = match body {
            Some(s) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(s.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).unwrap()).await
    }

    /// A POST to a dev route as the e2e helper sends it: JSON, even when
    /// there is no body.
    pub async fn dev_post(&self, uri: &str, body: Option<&str>) -> Reply {
        let req = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.unwrap_or_default().to_string()))
            .unwrap();
        self.send(req).await
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, None, None).await
    }

    /// A GET with this `Authorization` header (a bearer or a basic).
    pub async fn get_as(&self, uri: &str, auth: &str) -> Reply {
        self.call(Method::GET, uri, Some(auth), None).await
    }

    /// A DELETE with this `Authorization` header.
    pub async fn delete_as(&self, uri: &str, auth: &str) -> Reply {
        self.call(Method::DELETE, uri, Some(auth), None).await
    }

    /// A POST of this JSON body with this `Authorization` header.
    pub async fn post_as(&self, uri: &str, auth: &str, body: &str) -> Reply {
        self.call(Method::POST, uri, Some(auth), Some(body)).await
    }

    /// A secret rotation (a POST with no body) of client `id` with this
    /// `Authorization` header.
    pub async fn rotate_secret_as(&self, id: &str, auth: &str) -> Reply {
        let uri = format!("{}/rotate-secret", client_url(id));
        self.call(Method::POST, &uri, Some(auth), None).await
    }

    /// A PATCH of this JSON body with this `Authorization` header.
    pub async fn patch_as(&self, uri: &str, auth: &str, body: &str) -> Reply {
        self.call(Method::PATCH, uri, Some(auth), Some(body)).await
    }

    pub async fn personas(&self) -> Value {
        let r = self.call(Method::GET, "/dev/personas", None, None).await;
        assert_eq!(r.status, 200);
        r.json()
    }

    /// `Bearer <token>` of a persona (`admin`, `owner`, `viewer`).
    pub async fn bearer(&self, id: &str) -> String {
        let p = self.personas().await;
        let token = p["personas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .unwrap_or_else(|| panic!("persona {id}"))["token"]
            .as_str()
            .unwrap()
            .to_string();
        format!("Bearer {token}")
    }
}

/// Asserts that a problem's `detail` mentions `words`.
pub fn assert_detail(p: &Value, words: &str) {
    let detail = p["detail"].as_str().unwrap_or_default();
    assert!(detail.contains(words), "{words:?} not in {p}");
}

pub fn basic(user: &str, pass: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"))
    )
}

/// A fresh directory under the system temp dir, removed when dropped: at
/// the end of the test, a failed one too.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "nexus-devserver-test-{tag}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Deref for TempDir {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn client_url(id: &str) -> String {
    format!("{CLIENTS}/{id}")
}
