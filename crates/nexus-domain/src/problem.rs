//! RFC 9457 problem details, including ASP.NET's ValidationProblemDetails,
//! read from whatever an error response carries.

use crate::field::Field;
use crate::i18n::Catalog;
use crate::lenient;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A problem as the user sees it: status, title, detail, trace id and field
/// errors. Built from any body (JSON problem, plain JSON, HTML, empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProblemDetails {
    #[serde(
        rename = "type",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub problem_type: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<i64>,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub detail: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub instance: Option<String>,
    /// Field name (any casing or JSON-path form) to messages.
    #[serde(
        default,
        deserialize_with = "errors_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub errors: BTreeMap<String, Vec<String>>,
    #[serde(
        rename = "traceId",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub trace_id: Option<String>,
    /// Seconds the server asked to wait before trying again (its
    /// `Retry-After` header, read by the api layer); not part of the body.
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

/// One server field error, resolved to a form field where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form field, or `None` when the key names nothing the form shows.
    pub field: Option<Field>,
    /// The list item the error is about, when the key points at one.
    pub index: Option<usize>,
    /// The key as the server sent it.
    pub key: String,
    pub messages: Vec<String>,
}

impl FieldError {
    /// The list item as people count it (the first is 1), when the key
    /// points at one. The index comes from the server's key, so it may be
    /// anything up to `usize::MAX`: counting saturates rather than overflows.
    pub fn item_number(&self) -> Option<usize> {
        self.index.map(|i| i.saturating_add(1))
    }
}

/// `errors` as a map of key → messages, or a list of `{field|name|key, message}`
/// objects, or a map of key → single message. Anything else is ignored.
fn errors_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Vec<String>>, D::Error> {
    fn messages(v: Value) -> Vec<String> {
        match v {
            Value::String(s) => vec![s],
            Value::Array(items) => items
                .into_iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s),
                    Value::Object(o) => o
                        .get("message")
                        .or_else(|| o.get("errorMessage"))
                        .and_then(Value::as_str)
                        .map(String::from),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    let mut out = BTreeMap::new();
    match Option::<Value>::deserialize(d)? {
        Some(Value::Object(map)) => {
            for (k, v) in map {
                let m = messages(v);
                if !m.is_empty() {
                    out.insert(k, m);
                }
            }
        }
        Some(Value::Array(items)) => {
            for item in items {
                if let Value::Object(o) = item {
                    let key = ["field", "name", "key", "propertyName", "path"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(Value::as_str))
                        .unwrap_or("")
                        .to_string();
                    let msg = ["message", "errorMessage", "detail"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(Value::as_str));
                    if let Some(msg) = msg {
                        out.entry(key)
                            .or_insert_with(Vec::new)
                            .push(msg.to_string());
                    }
                }
            }
        }
        _ => {}
    }
    Ok(out)
}

/// The standard phrase for a status, used when the body gives no title.
pub fn status_title(status: u16) -> &'static str {
    (crate::i18n::EN.problems.status_title)(status)
}

fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let close = lower[open_end..].find("</title>")? + open_end;
    let t = body
        .get(open_end..close)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

impl ProblemDetails {
    /// Builds the problem for an error response. Never fails: a body that is
    /// not a problem still yields the status and a title.
    pub fn from_response(t: &Catalog, status: u16, content_type: Option<&str>, body: &str) -> Self {
        let trimmed = body.trim();
        let mut p = if trimmed.starts_with('{') {
            match serde_json::from_str::<Map<String, Value>>(trimmed) {
                Ok(map) => Self::from_json_object(map),
                Err(_) => ProblemDetails {
                    detail: Some(t.problems.invalid_json.into()),
                    ..Default::default()
                },
            }
        } else if trimmed.is_empty() {
            ProblemDetails::default()
        } else if content_type.is_some_and(|c| c.contains("html")) || trimmed.starts_with('<') {
            let page = html_title(trimmed)
                .map(|t| format!(" (\u{201c}{t}\u{201d})"))
                .unwrap_or_default();
            ProblemDetails {
                detail: Some((t.problems.html_page)(&page)),
                ..Default::default()
            }
        } else {
            // Plain text: show a bounded excerpt.
            let excerpt: String = trimmed.chars().take(300).collect();
            ProblemDetails {
                detail: Some(excerpt),
                ..Default::default()
            }
        };
        // The HTTP status is the truth; a body's status is only a claim.
        p.status = Some(i64::from(status));
        if p.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            p.title = Some((t.problems.status_title)(status).to_string());
        }
        p
    }

    fn from_json_object(mut map: Map<String, Value>) -> Self {
        // Some servers wrap the problem (`{"error": {...}}`) or use other names.
        if let Some(Value::Object(inner)) = map.get("error").cloned() {
            if inner.contains_key("message")
                || inner.contains_key("title")
                || inner.contains_key("detail")
            {
                map = inner;
            }
        }
        if !map.contains_key("detail") {
            if let Some(m) = map
                .get("message")
                .cloned()
                .or_else(|| map.get("error_description").cloned())
            {
                map.insert("detail".into(), m);
            }
        }
        if !map.contains_key("title") {
            if let Some(Value::String(e)) = map.get("error").cloned() {
                map.insert("title".into(), Value::String(e));
            }
        }
        if !map.contains_key("traceId") {
            if let Some(t) = map.get("trace_id").or_else(|| map.get("traceID")).cloned() {
                map.insert("traceId".into(), t);
            }
        }
        serde_json::from_value(Value::Object(map)).unwrap_or_default()
    }

    /// A problem made on this side (network failure, timeout, bad body).
    pub fn local(title: &str, detail: &str) -> Self {
        ProblemDetails {
            title: Some(title.to_string()),
            detail: Some(detail.to_string()),
            ..Default::default()
        }
    }

    /// The field errors, each resolved to a form field where the key names one.
    pub fn field_errors(&self) -> Vec<FieldError> {
        self.errors
            .iter()
            .map(|(key, messages)| {
                let found = Field::from_error_key(key);
                FieldError {
                    field: found.map(|(f, _)| f),
                    index: found.and_then(|(_, i)| i),
                    key: key.clone(),
                    messages: messages.clone(),
                }
            })
            .collect()
    }

    /// Messages for one field (all items), for showing at the field.
    pub fn messages_for(&self, t: &Catalog, field: Field) -> Vec<String> {
        self.field_errors()
            .into_iter()
            .filter(|e| e.field == Some(field))
            .flat_map(|e| {
                let prefix = e.item_number().map(t.problems.item).unwrap_or_default();
                e.messages.into_iter().map(move |m| format!("{prefix}{m}"))
            })
            .collect()
    }

    /// Field errors whose key names no form field: shown with the problem.
    pub fn unplaced_errors(&self) -> Vec<FieldError> {
        self.errors_outside(&Field::ALL)
    }

    /// Field errors that no field in `shown` displays (unknown keys, and
    /// fields the current form does not have): shown with the problem.
    pub fn errors_outside(&self, shown: &[Field]) -> Vec<FieldError> {
        self.field_errors()
            .into_iter()
            .filter(|e| e.field.is_none_or(|f| !shown.contains(&f)))
            .collect()
    }

    /// What to tell the user about trying again, when the server said when
    /// ("Try again in 30 seconds.").
    pub fn retry_advice(&self, t: &Catalog) -> Option<String> {
        self.retry_after.map(|s| crate::retry_after::advice(t, s))
    }

    /// The status as a number, if known.
    pub fn status_code(&self) -> Option<u16> {
        self.status.and_then(|s| u16::try_from(s).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_problem_details() {
        let body = r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Name":["The name must not contain < or >."],"callbackUrls[1]":["Not a URL."]},"traceId":"00-abc-01"}"#;
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            400,
            Some("application/problem+json"),
            body,
        );
        assert_eq!(p.status, Some(400));
        assert_eq!(
            p.title.as_deref(),
            Some("One or more validation errors occurred.")
        );
        assert_eq!(p.trace_id.as_deref(), Some("00-abc-01"));
        assert_eq!(
            p.messages_for(&crate::i18n::EN, Field::Name),
            vec!["The name must not contain < or >."]
        );
        assert_eq!(
            p.messages_for(&crate::i18n::EN, Field::CallbackUrls),
            vec!["Item 2: Not a URL."]
        );
        assert!(p.unplaced_errors().is_empty());
        // On a form without a name field, the name error is listed with the problem.
        let outside = p.errors_outside(&[Field::CallbackUrls]);
        assert_eq!(outside.len(), 1);
        assert_eq!(outside[0].field, Some(Field::Name));
    }

    #[test]
    fn html_from_a_proxy() {
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            502,
            Some("text/html"),
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        );
        assert_eq!(p.status, Some(502));
        assert_eq!(p.title.as_deref(), Some("Bad gateway"));
        assert!(p.detail.unwrap().contains("502 Bad Gateway"));
    }

    #[test]
    fn empty_and_garbage_bodies() {
        let p = ProblemDetails::from_response(&crate::i18n::EN, 503, None, "");
        assert_eq!(
            (p.status, p.title.as_deref()),
            (Some(503), Some("Service unavailable"))
        );
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            500,
            Some("application/json"),
            "{not json",
        );
        assert_eq!(p.status, Some(500));
        assert!(p.detail.is_some());
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            418,
            Some("text/plain"),
            "I'm a teapot",
        );
        assert_eq!(p.detail.as_deref(), Some("I'm a teapot"));
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            400,
            None,
            r#"{"title": 5, "status": "x", "errors": 7}"#,
        );
        assert_eq!(p.title.as_deref(), Some("5"));
        assert!(p.errors.is_empty());
    }

    #[test]
    fn plain_json_variants() {
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            403,
            Some("application/json"),
            r#"{"message":"nope","trace_id":"t1"}"#,
        );
        assert_eq!(p.detail.as_deref(), Some("nope"));
        assert_eq!(p.trace_id.as_deref(), Some("t1"));
        assert_eq!(p.title.as_deref(), Some("Not allowed"));
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            400,
            None,
            r#"{"errors":[{"field":"name","message":"required"},{"message":"general"}]}"#,
        );
        assert_eq!(
            p.messages_for(&crate::i18n::EN, Field::Name),
            vec!["required"]
        );
        assert_eq!(p.unplaced_errors().len(), 1);
    }

    #[test]
    fn an_item_index_at_the_top_of_usize_is_counted_without_overflow() {
        let key = format!("callbackUrls[{}]", usize::MAX);
        let body = format!(r#"{{"errors":{{"{key}":["Not a URL."]}}}}"#);
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            400,
            Some("application/problem+json"),
            &body,
        );
        let errors = p.field_errors();
        assert_eq!(errors[0].index, Some(usize::MAX));
        assert_eq!(errors[0].item_number(), Some(usize::MAX));
        assert_eq!(
            p.messages_for(&crate::i18n::EN, Field::CallbackUrls),
            vec![format!("Item {}: Not a URL.", usize::MAX)]
        );
    }

    #[test]
    fn seed_problem_example() {
        let body = r#"{"type":"string","title":"string","detail":"string","status":0,"instance":"string"}"#;
        let p = ProblemDetails::from_response(
            &crate::i18n::EN,
            404,
            Some("application/problem+json"),
            body,
        );
        assert_eq!(p.status, Some(404));
        assert_eq!(p.instance.as_deref(), Some("string"));
    }
}
