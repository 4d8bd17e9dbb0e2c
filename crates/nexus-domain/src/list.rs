//! The list response: a bare array, or an object wrapping the array
//! (`items`, `clients` or `data`) with optional paging fields.

use crate::client::NexusClient;
use serde_json::Value;

/// One page of clients as decoded from a list response.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClientPage {
    pub clients: Vec<NexusClient>,
    /// The server's total, when it says.
    pub total: Option<u64>,
    /// A page token or URL for the next page, when the server pages.
    pub next: Option<String>,
    /// Items that were not objects and were left out.
    pub skipped: usize,
}

/// Decodes a list body. Errors only when the body is not JSON or holds no
/// list at all; single malformed items are skipped and counted.
pub fn decode_client_list(body: &str) -> Result<ClientPage, String> {
    let value: Value = serde_json::from_str(body)
        .map_err(|e| format!("The client list is not valid JSON ({e})."))?;
    let (items, wrapper) = match value {
        Value::Array(items) => (items, None),
        Value::Object(mut map) => {
            let items = ["items", "clients", "data", "results", "value"]
                .iter()
                .find_map(|k| match map.remove(*k) {
                    Some(Value::Array(a)) => Some(a),
                    _ => None,
                })
                .ok_or_else(|| "The client list response holds no list of clients.".to_string())?;
            (items, Some(map))
        }
        _ => return Err("The client list response is neither a list nor an object.".into()),
    };
    let mut page = ClientPage::default();
    for item in items {
        match item {
            v @ Value::Object(_) => match serde_json::from_value::<NexusClient>(v) {
                Ok(c) => page.clients.push(c),
                Err(_) => page.skipped += 1,
            },
            _ => page.skipped += 1,
        }
    }
    if let Some(map) = wrapper {
        page.total = ["total", "totalCount", "total_count", "count"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_u64));
        page.next = ["next", "nextPageToken", "next_page_token", "nextLink"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .map(String::from);
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_and_wrapped() {
        let bare = decode_client_list(r#"[{"id":"a"},{"id":"b","name":null}]"#).unwrap();
        assert_eq!(bare.clients.len(), 2);
        for key in ["items", "clients", "data"] {
            let body = format!(
                r#"{{"{key}":[{{"id":"a"}}],"total":10,"page":0,"per_page":1,"next":"t2"}}"#
            );
            let page = decode_client_list(&body).unwrap();
            assert_eq!(page.clients.len(), 1, "{key}");
            assert_eq!(page.total, Some(10));
            assert_eq!(page.next.as_deref(), Some("t2"));
        }
        let page =
            decode_client_list(r#"{"data":[1,null,{"id":"x"}],"nextPageToken":""}"#).unwrap();
        assert_eq!((page.clients.len(), page.skipped, page.next), (1, 2, None));
    }

    #[test]
    fn not_a_list() {
        assert!(decode_client_list("<html>").is_err());
        assert!(decode_client_list(r#"{"id":"a"}"#).is_err());
        assert!(decode_client_list("42").is_err());
    }
}
