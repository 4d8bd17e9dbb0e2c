//! Fault injection for the API routes: latency, error statuses with various
//! bodies, truncated JSON, dropped connections. Queued with `POST /dev/faults`
//! or asked per request with the `X-Nexus-Fault` header.

use crate::problems::Problem;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde::Deserialize;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// The per-request fault header.
pub const FAULT_HEADER: &str = "x-nexus-fault";

/// At most this many faults may be queued at once (the sum of the queued
/// rules' remaining counts), so the queue cannot grow without bound.
pub const MAX_QUEUED_FAULTS: u32 = 100;

/// A fault may add at most this much latency (60 s): more would only hang
/// the server's connections (and a large sum would overflow).
pub const MAX_LATENCY_MS: u64 = 60_000;

/// What the faulty response body looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FaultBody {
    /// An `application/problem+json` problem.
    #[default]
    Problem,
    /// An nginx-like HTML error page (`text/html`).
    Html,
    /// No body.
    Empty,
    /// 200 (unless a status is given) with truncated JSON.
    Malformed,
    /// Plain text.
    Text,
}

impl FaultBody {
    /// Parses `problem|html|empty|malformed|text` (lenient).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "problem" | "json" => Some(Self::Problem),
            "html" => Some(Self::Html),
            "empty" | "none" => Some(Self::Empty),
            "malformed" | "truncated" => Some(Self::Malformed),
            "text" | "plain" => Some(Self::Text),
            _ => None,
        }
    }
}

/// One fault: what happens to a matching request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fault {
    /// Answer with this status instead of the real one.
    pub status: Option<u16>,
    /// Body of the faulty answer.
    pub body: Option<FaultBody>,
    /// Wait this long first.
    pub latency_ms: u64,
    /// Close the connection without a response.
    pub drop: bool,
    /// A `Retry-After` header on the faulty answer (`30`, or an HTTP date).
    pub retry_after: Option<String>,
}

/// A queued fault with its matching rules and remaining count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// The fault.
    pub fault: Fault,
    /// How many more matching requests it applies to.
    pub remaining: u32,
    /// Only this method (any case), when set.
    pub method: Option<String>,
    /// Only paths containing this, when set.
    pub path_contains: Option<String>,
}

/// The `POST /dev/faults` body (every field optional).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FaultRequest {
    /// Status to answer with.
    pub status: Option<u16>,
    /// `problem|html|empty|malformed|text`.
    pub body: Option<String>,
    /// Added latency (at most [`MAX_LATENCY_MS`]).
    pub latency_ms: Option<u64>,
    /// Drop the connection.
    pub drop: Option<bool>,
    /// Number of matching requests (default 1, at most [`MAX_QUEUED_FAULTS`]).
    pub count: Option<u32>,
    /// Method filter.
    pub method: Option<String>,
    /// Path filter.
    pub path_contains: Option<String>,
    /// `Retry-After` value for the answer (seconds, or an HTTP date).
    pub retry_after: Option<String>,
}

impl FaultRequest {
    /// The queued rule, or an error message for a bad `body` or `status`, or
    /// a `count` or `latencyMs` over its cap.
    pub fn into_rule(self) -> Result<FaultRule, String> {
        let body = match &self.body {
            Some(b) => Some(FaultBody::parse(b).ok_or_else(|| {
                format!("Unknown fault body '{b}': use problem, html, empty, malformed or text.")
            })?),
            None => None,
        };
        if let Some(s) = self.status {
            if !(100..=599).contains(&s) {
                return Err(format!("Fault status {s} is not an HTTP status (100-599)."));
            }
        }
        if let Some(n) = self.count.filter(|n| *n > MAX_QUEUED_FAULTS) {
            return Err(format!(
                "Fault count {n} is over the cap: at most {MAX_QUEUED_FAULTS} faults may be queued."
            ));
        }
        if let Some(ms) = self.latency_ms.filter(|ms| *ms > MAX_LATENCY_MS) {
            return Err(format!(
                "Fault latencyMs {ms} is over the cap of {MAX_LATENCY_MS} ms (60 s)."
            ));
        }
        if let Some(r) = &self.retry_after {
            if HeaderValue::from_str(r).is_err() {
                return Err(format!("Retry-After '{r}' is not a header value."));
            }
        }
        Ok(FaultRule {
            fault: Fault {
                status: self.status,
                body,
                latency_ms: self.latency_ms.unwrap_or(0),
                drop: self.drop.unwrap_or(false),
                retry_after: self.retry_after.filter(|r| !r.trim().is_empty()),
            },
            remaining: self.count.unwrap_or(1).max(1),
            method: self.method.filter(|m| !m.trim().is_empty()),
            path_contains: self.path_contains.filter(|p| !p.is_empty()),
        })
    }
}

/// Parses `status=503;body=html;latency=2000;drop=true` leniently: separators
/// `;` or `,`, keys in any case, unknown or bad parts ignored, a latency over
/// [`MAX_LATENCY_MS`] cut to it. A bare number is a status; a bare word a
/// body kind or `drop`.
pub fn parse_fault_header(raw: &str) -> Fault {
    let mut f = Fault::default();
    for part in raw.split([';', ',']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (k, v) = match part.split_once(['=', ':']) {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim()),
            None => {
                if let Ok(s) = part.parse::<u16>() {
                    f.status = Some(s);
                } else if part.eq_ignore_ascii_case("drop") {
                    f.drop = true;
                } else if let Some(b) = FaultBody::parse(part) {
                    f.body = Some(b);
                }
                continue;
            }
        };
        match k.as_str() {
            "status" | "code" => f.status = v.parse().ok().filter(|s| (100..=599).contains(s)),
            "body" => f.body = FaultBody::parse(v),
            "latency" | "latencyms" | "latency_ms" | "delay" => {
                f.latency_ms = v.parse().unwrap_or(0).min(MAX_LATENCY_MS)
            }
            "drop" => f.drop = matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes" | ""),
            "retry-after" | "retryafter" | "retry_after" => {
                f.retry_after = Some(v.to_string()).filter(|v| !v.is_empty())
            }
            _ => {}
        }
    }
    f
}

fn next_queued(state: &AppState, method: &str, path: &str) -> Option<Fault> {
    let mut rules = state.faults();
    let pos = rules.iter().position(|r| {
        r.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && r.path_contains.as_deref().is_none_or(|p| path.contains(p))
    })?;
    let fault = rules[pos].fault.clone();
    rules[pos].remaining = rules[pos].remaining.saturating_sub(1);
    if rules[pos].remaining == 0 {
        rules.remove(pos);
    }
    Some(fault)
}

/// An nginx-style error page for `status`, as a proxy in front of the API sends.
fn nginx_page(status: StatusCode) -> String {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    format!("<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n")
}

/// A response whose body fails at once, so hyper closes the connection
/// without having written a response (headers are only buffered until the
/// first body frame).
fn dropped() -> Response {
    Response::new(Body::from_stream(OnceErr(false)))
}

/// A stream whose first item is an I/O error.
struct OnceErr(bool);

impl futures_core::Stream for OnceErr {
    type Item = Result<Vec<u8>, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.0 {
            Poll::Ready(None)
        } else {
            self.0 = true;
            Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "fault: drop",
            ))))
        }
    }
}

fn text_response(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Body>,
) -> Response {
    let mut res = Response::new(body.into());
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

/// The faulty response for `fault` (status and body); `None` when the fault
/// only adds latency.
pub fn fault_response(fault: &Fault, path: &str) -> Option<Response> {
    if fault.drop {
        return Some(dropped());
    }
    if fault.status.is_none() && fault.body.is_none() {
        return None;
    }
    let kind = fault.body.unwrap_or_default();
    let default_status = if kind == FaultBody::Malformed {
        200
    } else {
        500
    };
    let status = StatusCode::from_u16(fault.status.unwrap_or(default_status))
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = match kind {
        FaultBody::Problem => {
            let mut p = Problem::new(
                status,
                format!("Injected fault: the server answered {}.", status.as_u16()),
            );
            p.title = status
                .canonical_reason()
                .unwrap_or("Injected fault")
                .to_string();
            p.render(Some(path))
        }
        FaultBody::Html => text_response(status, "text/html", nginx_page(status)),
        FaultBody::Empty => {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = status;
            res
        }
        FaultBody::Malformed => text_response(
            status,
            "application/json",
            r#"[{"id":"cl_shop_storefront_01","name":"Shop Storefront","type":"regular_web","owners":["po-shop-1","#,
        ),
        FaultBody::Text => text_response(
            status,
            "text/plain; charset=utf-8",
            format!(
                "Injected fault: {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            ),
        ),
    };
    if let Some(v) = fault
        .retry_after
        .as_deref()
        .and_then(|r| HeaderValue::from_str(r).ok())
    {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    Some(res)
}

/// Middleware on the API routes: `--latency-ms`, then a fault from the
/// header or the queue, else the real handler.
pub async fn inject(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let header_fault = req
        .headers()
        .get(FAULT_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(parse_fault_header);
    let fault = header_fault.or_else(|| next_queued(&state, req.method().as_str(), &path));
    let latency = state
        .config()
        .latency_ms
        .saturating_add(fault.as_ref().map_or(0, |f| f.latency_ms));
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    if let Some(res) = fault.as_ref().and_then(|f| fault_response(f, &path)) {
        return res;
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_parsed_leniently() {
        let f = parse_fault_header("status=503;body=html;latency=2000");
        assert_eq!(
            (f.status, f.body, f.latency_ms, f.drop),
            (Some(503), Some(FaultBody::Html), 2000, false)
        );
        let f = parse_fault_header(" 502 , Malformed ; junk=1; drop ");
        assert_eq!(
            (f.status, f.body, f.drop),
            (Some(502), Some(FaultBody::Malformed), true)
        );
        assert_eq!(parse_fault_header("status=abc"), Fault::default());
        let f = parse_fault_header("status=429;retry-after=30");
        assert_eq!(
            (f.status, f.retry_after.as_deref()),
            (Some(429), Some("30"))
        );
    }

    #[test]
    fn a_fault_can_say_when_to_try_again() {
        let rule = FaultRequest {
            status: Some(429),
            retry_after: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
            ..Default::default()
        }
        .into_rule()
        .unwrap();
        let res = fault_response(&rule.fault, "/v1/x").unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            res.headers().get(header::RETRY_AFTER).unwrap(),
            "Wed, 21 Oct 2015 07:28:00 GMT"
        );
        let bad = FaultRequest {
            retry_after: Some("30\r\nX-Evil: 1".into()),
            ..Default::default()
        };
        assert!(bad.into_rule().is_err());
    }
}
