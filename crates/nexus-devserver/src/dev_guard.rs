//! The gate in front of the dev routes (`/dev/*`).
//!
//! Every dev request must be addressed to a loopback name (see
//! [`crate::loopback`]): 403 otherwise, which defeats DNS rebinding. A dev
//! request that carries a body (POST and the like) must say
//! `Content-Type: application/json`: 415 otherwise. A web page can send a
//! cross-site form POST without asking first, but not a JSON one: that
//! needs a CORS preflight, which only local origins pass. (DELETE carries no
//! body and already needs a preflight, so it is let through without one.)

use crate::loopback::{is_loopback_host_header, LOOPBACK_NAMES};
use crate::problems::Problem;
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// The host a request is addressed to: its `Host` header, else the URI's
/// authority (HTTP/2, absolute-form requests); `None` when neither is there
/// or the header is not text.
fn addressed_host(req: &Request) -> Option<&str> {
    match req.headers().get(header::HOST) {
        Some(v) => v.to_str().ok(),
        None => req.uri().authority().map(|a| a.as_str()),
    }
}

/// Whether a `Content-Type` value is `application/json` (any case, with or
/// without parameters such as `charset`).
pub fn is_json_media_type(value: &str) -> bool {
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// Whether `method` must come with a JSON body type.
fn needs_json(method: &Method) -> bool {
    ![Method::GET, Method::HEAD, Method::OPTIONS, Method::DELETE].contains(method)
}

/// Middleware on the dev routes: refuses a non-loopback `Host` (403) and a
/// body that is not declared as JSON (415), as problem details.
pub async fn guard(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let host = addressed_host(&req);
    if !host.is_some_and(is_loopback_host_header) {
        let shown = match host {
            Some(h) => format!("'{h}'"),
            None => "no host".to_string(),
        };
        return Problem::forbidden(format!(
            "The dev routes answer only requests addressed to a loopback name ({LOOPBACK_NAMES}); this one was addressed to {shown}."
        ))
        .render(Some(&path));
    }
    if needs_json(req.method()) {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        if !content_type.is_some_and(is_json_media_type) {
            let shown = match content_type {
                Some(c) => format!("'{c}'"),
                None => "none".to_string(),
            };
            return Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "A {} to a dev route must be sent with Content-Type: application/json (an empty body is fine); this one had {shown}.",
                    req.method()
                ),
            )
            .render(Some(&path));
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            " application/json ;charset=UTF-8",
        ] {
            assert!(is_json_media_type(ok), "{ok}");
        }
        for bad in [
            "",
            "text/plain",
            "application/jsonp",
            "application/json-seq",
            "application/problem+json",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
        ] {
            assert!(!is_json_media_type(bad), "{bad}");
        }
    }

    #[test]
    fn which_methods_need_json() {
        assert!(needs_json(&Method::POST));
        assert!(needs_json(&Method::PUT));
        assert!(needs_json(&Method::PATCH));
        assert!(!needs_json(&Method::GET));
        assert!(!needs_json(&Method::DELETE));
    }
}
