//! One HTTP exchange with a timeout: status, content type and body text.

use super::ApiError;
use crate::deadline::within_aborting;
use crate::fetch;
use nexus_domain::Catalog;

/// The HTTP methods the console sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
pub enum Method {
    GET,
    POST,
    PATCH,
    DELETE,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::GET => "GET",
            Method::POST => "POST",
            Method::PATCH => "PATCH",
            Method::DELETE => "DELETE",
        }
    }
}

/// A response as read off the wire.
pub struct RawResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// The `Retry-After` header, as sent (a 429 or 503 may carry one).
    pub retry_after: Option<String>,
    pub body: String,
}

/// Whether `name` is an HTTP header name (an RFC 9110 token).
fn valid_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Whether `value` can be sent as a header value: visible ASCII, spaces and
/// tabs (the browser throws on anything else, e.g. a pasted zero-width space).
fn valid_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

/// The boot script's answer to exactly this request, if it made it (see
/// [`crate::boot`]): `Ok(None)` means send it yourself.
pub async fn prefetched(
    method: Method,
    url: &str,
    headers: &[(String, String)],
    timeout_ms: u32,
) -> Result<Option<RawResponse>, ApiError> {
    let Some(p) = crate::boot::take_request(method.as_str(), url, headers) else {
        return Ok(None);
    };
    match crate::deadline::within(timeout_ms, p.answer()).await {
        Some(answer) => Ok(answer.map(|a| RawResponse {
            status: a.status,
            content_type: a.content_type,
            retry_after: a.retry_after,
            body: a.body,
        })),
        None => {
            p.abort();
            Err(ApiError::Timeout {
                seconds: timeout_ms.div_ceil(1000),
            })
        }
    }
}

/// Sends one request and reads the whole body, giving up after `timeout_ms`
/// (the fetch is aborted then, so nothing lingers).
pub async fn exchange(
    t: &Catalog,
    method: Method,
    url: &str,
    headers: &[(String, String)],
    body: Option<String>,
    timeout_ms: u32,
) -> Result<RawResponse, ApiError> {
    if let Some((name, _)) = headers
        .iter()
        .find(|(k, v)| !valid_header_name(k) || !valid_header_value(v))
    {
        return Err(ApiError::NotSent((t.api.header_invalid)(name)));
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let request = fetch::request(
        method.as_str(),
        url,
        headers,
        body.as_deref(),
        signal.as_ref(),
    )
    .map_err(|e| ApiError::NotSent((t.api.not_prepared)(&e.to_string())))?;
    let (failed, dropped) = (t.api.connection_failed, t.api.connection_dropped);
    let work = async move {
        let resp = fetch::send(&request)
            .await
            .map_err(|_| ApiError::Network(failed.into()))?;
        let status = resp.status();
        let content_type = fetch::header(&resp, "content-type");
        let retry_after = fetch::header(&resp, "retry-after");
        let body = fetch::text(&resp)
            .await
            .map_err(|_| ApiError::Network(dropped.into()))?;
        Ok(RawResponse {
            status,
            content_type,
            retry_after,
            body,
        })
    };
    within_aborting(timeout_ms, controller.as_ref(), work)
        .await
        .unwrap_or(Err(ApiError::Timeout {
            seconds: timeout_ms.div_ceil(1000),
        }))
}
