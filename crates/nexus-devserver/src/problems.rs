//! RFC 9457 problem details as this server writes them
//! (`application/problem+json`, with `instance` and `traceId`).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The problem media type.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem a handler answers with. Rendered with `instance` filled in by
/// [`fill_instance`] (the request path).
#[derive(Debug, Clone)]
pub struct Problem {
    /// HTTP status.
    pub status: StatusCode,
    /// Short summary (`title`).
    pub title: String,
    /// What happened and what to do (`detail`).
    pub detail: String,
    /// ASP.NET ValidationProblemDetails `errors`, when about fields.
    pub errors: Option<BTreeMap<String, Vec<String>>>,
    /// Extra response headers (e.g. `WWW-Authenticate`).
    pub headers: Vec<(header::HeaderName, HeaderValue)>,
}

/// The RFC 9110 section URI for a status, as ASP.NET writes `type`.
pub fn type_uri(status: StatusCode) -> String {
    let section = match status.as_u16() {
        400 => "15.5.1",
        401 => "15.5.2",
        403 => "15.5.4",
        404 => "15.5.5",
        405 => "15.5.6",
        406 => "15.5.7",
        408 => "15.5.9",
        409 => "15.5.10",
        413 => "15.5.14",
        415 => "15.5.16",
        422 => "15.5.21",
        500 => "15.6.1",
        501 => "15.6.2",
        502 => "15.6.3",
        503 => "15.6.4",
        504 => "15.6.5",
        s if s >= 500 => "15.6",
        _ => "15.5",
    };
    format!("https://tools.ietf.org/html/rfc9110#section-{section}")
}

/// A W3C-traceparent-like trace id, as ASP.NET writes `traceId`.
pub fn trace_id() -> String {
    let a: u128 = rand::random();
    let b: u64 = rand::random();
    format!("00-{a:032x}-{b:016x}-00")
}

impl Problem {
    /// A problem with the standard title for `status`.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            status,
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            detail: detail.into(),
            errors: None,
            headers: Vec::new(),
        }
    }

    /// 500 Internal Server Error (a storage failure, a route without a
    /// parameter it needs).
    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, detail)
    }

    /// 400 Bad Request.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 401 with `WWW-Authenticate: Bearer realm="nexus"`.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        let mut p = Self::new(StatusCode::UNAUTHORIZED, detail);
        p.headers.push((
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"nexus\""),
        ));
        p
    }

    /// 403 Forbidden.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }

    /// 404 Not Found.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }

    /// ASP.NET's ValidationProblemDetails (400 with an `errors` map).
    pub fn validation(errors: BTreeMap<String, Vec<String>>) -> Self {
        let n: usize = errors.values().map(Vec::len).sum();
        let mut p = Self::bad_request(format!(
            "The request breaks {n} field rule{}; see errors.",
            if n == 1 { "" } else { "s" }
        ));
        p.title = "One or more validation errors occurred.".into();
        p.errors = Some(errors);
        p
    }

    /// The JSON body, with `instance` when known.
    pub fn to_json(&self, instance: Option<&str>) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), json!(type_uri(self.status)));
        m.insert("title".into(), json!(self.title));
        m.insert("status".into(), json!(self.status.as_u16()));
        m.insert("detail".into(), json!(self.detail));
        if let Some(i) = instance {
            m.insert("instance".into(), json!(i));
        }
        if let Some(e) = &self.errors {
            m.insert("errors".into(), json!(e));
        }
        m.insert("traceId".into(), json!(trace_id()));
        Value::Object(m)
    }

    /// The full response, with `instance` when known.
    pub fn render(&self, instance: Option<&str>) -> Response {
        let body = serde_json::to_vec(&self.to_json(instance)).unwrap_or_default();
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = self.status;
        res.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        for (k, v) in &self.headers {
            res.headers_mut().insert(k.clone(), v.clone());
        }
        res
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut res = self.render(None);
        res.extensions_mut().insert(self);
        res
    }
}

/// Middleware for the API routes: renders handler problems with the request
/// path as `instance`, and turns any other error response (axum's own 404,
/// 405, extractor rejections) into a problem too.
pub async fn fill_instance(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let res = next.run(req).await;
    if let Some(p) = res.extensions().get::<Problem>() {
        return p.render(Some(&path));
    }
    let status = res.status();
    if status.as_u16() < 400 {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return res;
    }
    let allow = res.headers().get(header::ALLOW).cloned();
    let body = axum::body::to_bytes(res.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&body).trim().to_string();
    let detail = match status {
        StatusCode::METHOD_NOT_ALLOWED => format!("'{path}' does not accept the {method} method."),
        StatusCode::NOT_FOUND if text.is_empty() => format!("No API route matches '{path}'."),
        _ if text.is_empty() => status.canonical_reason().unwrap_or("Error").to_string(),
        _ => text,
    };
    let mut p = Problem::new(status, detail);
    if let Some(a) = allow {
        p.headers.push((header::ALLOW, a));
    }
    p.render(Some(&path))
}
