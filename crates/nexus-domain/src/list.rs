//! The list response: a bare array, or an object wrapping the array
//! (`items`, `clients`, `data`, `results` or `value`) with optional paging
//! fields.
//!
//! Decoded in one pass straight into [`ClientSummary`] rows, with no
//! `serde_json::Value` tree in between: a 10,000-client list is about 9 MB of
//! JSON, and the list view needs six fields of each client. A field of the
//! wrong shape becomes `None`; an item that is not an object is skipped and
//! counted; only a body that is not JSON, or holds no list, is an error.

use crate::client::{self, ClientType, NexusClient};
use crate::i18n::Catalog;
use crate::lenient::{drain_map, drain_seq, Lenient};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What the list view shows of a client. The detail view loads the whole
/// client ([`NexusClient`]) by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientSummary {
    pub id: Option<String>,
    pub name: Option<String>,
    /// The wire type (`type`), as sent.
    pub client_type: Option<String>,
    pub product_name: Option<String>,
    pub application_name: Option<String>,
    pub manually_created: Option<bool>,
    /// Who may manage it (user ids or roles): with the product, what
    /// "editable by me" reads.
    pub owners: Option<Vec<String>>,
}

impl ClientSummary {
    /// Whether `caller` may change this client ([`crate::permissions::may_change`]).
    pub fn may_change(&self, caller: &crate::permissions::Caller) -> bool {
        crate::permissions::may_change(
            caller,
            self.owners.as_deref().unwrap_or(&[]),
            self.product_name.as_deref(),
        )
    }

    /// The client's type, parsed.
    pub fn kind(&self) -> Option<ClientType> {
        client::kind_of(self.client_type.as_deref())
    }

    /// Terraform-managed, as [`NexusClient::is_terraform_managed`].
    pub fn is_terraform_managed(&self) -> bool {
        client::terraform_managed(self.manually_created)
    }

    /// The name to show; falls back to the id, then to a placeholder.
    pub fn display_name(&self) -> &str {
        client::name_to_show(self.name.as_deref(), self.id.as_deref())
    }
}

impl From<&NexusClient> for ClientSummary {
    fn from(c: &NexusClient) -> Self {
        ClientSummary {
            id: c.id.clone(),
            name: c.name.clone(),
            client_type: c.client_type.clone(),
            product_name: c.product_name.clone(),
            application_name: c.application_name.clone(),
            manually_created: c.manually_created,
            owners: c.owners.clone(),
        }
    }
}

/// One page of clients as decoded from a list response.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClientPage {
    pub clients: Vec<ClientSummary>,
    /// The server's total, when it says.
    pub total: Option<u64>,
    /// A page token or URL for the next page, when the server pages.
    pub next: Option<String>,
    /// Items that were not objects and were left out.
    pub skipped: usize,
}

/// Why a list body could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// An object with no list in it.
    NoList,
    /// Neither a list nor an object.
    Neither,
    /// Not JSON (serde's words).
    Json(String),
}

impl ListError {
    /// The message, in `t`'s language.
    pub fn message(&self, t: &Catalog) -> String {
        match self {
            ListError::NoList => t.api.list_no_list.into(),
            ListError::Neither => t.api.list_neither.into(),
            ListError::Json(e) => (t.api.list_not_json)(e),
        }
    }
}

/// Decodes a list body. Errors only when the body is not JSON or holds no
/// list at all; single malformed items are skipped and counted.
pub fn decode_client_list(body: &str) -> Result<ClientPage, ListError> {
    let mut de = serde_json::Deserializer::from_str(body);
    let page = match Body::deserialize(&mut de) {
        Ok(Body::Page(page)) => page,
        Ok(Body::NoList) => return Err(ListError::NoList),
        Ok(Body::Other) => return Err(ListError::Neither),
        Err(e) => return Err(ListError::Json(e.to_string())),
    };
    de.end().map_err(|e| ListError::Json(e.to_string()))?;
    Ok(page)
}

/// Keys that may hold the list in a wrapper object, in order of preference.
pub(crate) const LIST_KEYS: [&str; 5] = ["items", "clients", "data", "results", "value"];
const TOTAL_KEYS: [&str; 4] = ["total", "totalCount", "total_count", "count"];
const NEXT_KEYS: [&str; 4] = ["next", "nextPageToken", "next_page_token", "nextLink"];

enum Body {
    Page(ClientPage),
    NoList,
    Other,
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = Body;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of clients, or an object wrapping one")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Body, A::Error> {
        let (clients, skipped) = items(seq)?;
        Ok(Body::Page(ClientPage {
            clients,
            skipped,
            ..ClientPage::default()
        }))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Body, A::Error> {
        // (preference, items, skipped) of the best list key seen so far.
        let mut list: Option<(usize, Vec<ClientSummary>, usize)> = None;
        let mut total = None;
        let mut next = None;
        while let Some(key) = map.next_key::<Key>()? {
            let k = key.0.as_str();
            if let Some(pref) = LIST_KEYS.iter().position(|l| *l == k) {
                if let MaybeItems(Some((clients, skipped))) = map.next_value()? {
                    if list.as_ref().is_none_or(|(p, ..)| pref < *p) {
                        list = Some((pref, clients, skipped));
                    }
                }
            } else if let Some(pref) = TOTAL_KEYS.iter().position(|t| *t == k) {
                if let Some(n) = map.next_value::<Lenient<u64>>()?.0 {
                    if total.as_ref().is_none_or(|(p, _)| pref < *p) {
                        total = Some((pref, n));
                    }
                }
            } else if let Some(pref) = NEXT_KEYS.iter().position(|t| *t == k) {
                if let Some(s) = map.next_value::<Lenient<String>>()?.0 {
                    if !s.is_empty() && next.as_ref().is_none_or(|(p, _)| pref < *p) {
                        next = Some((pref, s));
                    }
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(match list {
            Some((_, clients, skipped)) => Body::Page(ClientPage {
                clients,
                skipped,
                total: total.map(|t| t.1),
                next: next.map(|n| n.1),
            }),
            None => Body::NoList,
        })
    }

    fn visit_bool<E>(self, _: bool) -> Result<Body, E> {
        Ok(Body::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Body, E> {
        Ok(Body::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Body, E> {
        Ok(Body::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Body, E> {
        Ok(Body::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Body, E> {
        Ok(Body::Other)
    }
    fn visit_unit<E>(self) -> Result<Body, E> {
        Ok(Body::Other)
    }
}

/// The items of a list (clients, and how many items were not objects), or
/// `None` when the value is not a list.
struct MaybeItems(Option<(Vec<ClientSummary>, usize)>);

fn items<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(Vec<ClientSummary>, usize), A::Error> {
    let mut clients = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(100_000));
    let mut skipped = 0;
    while let Some(item) = seq.next_element::<Item>()? {
        match item {
            Item::Client(c) => clients.push(c),
            Item::Skipped => skipped += 1,
        }
    }
    Ok((clients, skipped))
}

impl<'de> Deserialize<'de> for MaybeItems {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MaybeItems;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                items(seq).map(|i| MaybeItems(Some(i)))
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Self::Value, A::Error> {
                drain_map(m).map(|()| MaybeItems(None))
            }
            scalars_give!(MaybeItems(None));
        }
        d.deserialize_any(V)
    }
}

/// One list item: a client, or anything else (skipped).
enum Item {
    Client(ClientSummary),
    Skipped,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a client object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                summary(map).map(Item::Client)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Item, A::Error> {
                drain_seq(s).map(|()| Item::Skipped)
            }
            scalars_give!(Item::Skipped);
        }
        d.deserialize_any(V)
    }
}

/// The list view's fields of one client object; any other key is skipped
/// unread, a repeated key keeps its last value.
fn summary<'de, A: MapAccess<'de>>(mut map: A) -> Result<ClientSummary, A::Error> {
    let mut c = ClientSummary::default();
    while let Some(field) = map.next_key::<Field>()? {
        match field {
            Field::Id => c.id = map.next_value::<Lenient<String>>()?.0,
            Field::Name => c.name = map.next_value::<Lenient<String>>()?.0,
            Field::Type => c.client_type = map.next_value::<Lenient<String>>()?.0,
            Field::ProductName => c.product_name = map.next_value::<Lenient<String>>()?.0,
            Field::ApplicationName => c.application_name = map.next_value::<Lenient<String>>()?.0,
            Field::ManuallyCreated => c.manually_created = map.next_value::<Lenient<bool>>()?.0,
            Field::Owners => c.owners = map.next_value::<StringList>()?.0,
            Field::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(c)
}

/// A client object's key, as far as the list reads it. Matched on the
/// borrowed key text: a 10,000-client list holds some 300,000 keys, and an
/// allocated `String` per key was a large part of the decode.
enum Field {
    Id,
    Name,
    Type,
    ProductName,
    ApplicationName,
    ManuallyCreated,
    Owners,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, k: &str) -> Result<Field, E> {
                Ok(match k {
                    "id" => Field::Id,
                    "name" => Field::Name,
                    "type" => Field::Type,
                    "productName" => Field::ProductName,
                    "applicationName" => Field::ApplicationName,
                    "manuallyCreated" => Field::ManuallyCreated,
                    "owners" => Field::Owners,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// A lenient list of strings ([`crate::lenient::string_list`]) as a value.
struct StringList(Option<Vec<String>>);

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::lenient::string_list(d).map(StringList)
    }
}

/// An object key. Keys are short; most borrow nothing and allocate once.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_and_wrapped() {
        let bare = decode_client_list(r#"[{"id":"a"},{"id":"b","name":null}]"#).unwrap();
        assert_eq!(bare.clients.len(), 2);
        for key in ["items", "clients", "data", "results", "value"] {
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
    fn owners_are_read_as_a_list_or_one_comma_separated_string() {
        let page = decode_client_list(
            r#"[{"id":"a","owners":["x",null,"y"]},{"id":"b","owners":"x, y"},{"id":"c","owners":{}}]"#,
        )
        .unwrap();
        let owners: Vec<_> = page.clients.iter().map(|c| c.owners.clone()).collect();
        let xy = Some(vec!["x".to_string(), "y".to_string()]);
        assert_eq!(owners, vec![xy.clone(), xy, None]);
    }

    #[test]
    fn not_a_list() {
        assert!(decode_client_list("<html>").is_err());
        assert!(decode_client_list(r#"{"id":"a"}"#).is_err());
        assert!(decode_client_list(r#"{"items":"nope"}"#).is_err());
        assert!(decode_client_list("42").is_err());
        assert!(decode_client_list("[]  x").is_err(), "trailing garbage");
        assert!(decode_client_list(r#"[{"id":"a"}"#).is_err(), "truncated");
    }

    #[test]
    fn a_bad_item_skips_only_itself() {
        let page = decode_client_list(
            r#"[[1,{"id":"in-a-list"}], "x", 3.5, true, null,
                {"id":"ok","name":{"nested":[1,2,{"deep":true}]},"type":["spa"],"manuallyCreated":"FALSE"},
                {"id":7,"name":"seven","productName":12,"manuallyCreated":1,"extra":{"a":[{}]}},
                {"id":"dup","id":"dup2","name":"n","name":null}]"#,
        )
        .unwrap();
        assert_eq!(page.skipped, 5);
        let ids: Vec<_> = page.clients.iter().map(|c| c.id.clone()).collect();
        assert_eq!(
            ids,
            vec![Some("ok".into()), Some("7".into()), Some("dup2".into())]
        );
        let ok = &page.clients[0];
        assert_eq!(
            (ok.name.as_deref(), ok.client_type.as_deref()),
            (None, None)
        );
        assert!(ok.is_terraform_managed());
        assert_eq!(ok.display_name(), "ok");
        let seven = &page.clients[1];
        assert_eq!(seven.product_name.as_deref(), Some("12"));
        assert_eq!(seven.manually_created, Some(true));
        assert_eq!(page.clients[2].name, None, "the last repeated key wins");
    }

    #[test]
    fn keys_written_with_escapes_are_read_as_their_text() {
        let page = decode_client_list(
            r#"[{"\u0069d":"esc","n\u0061me":"Named","productN\u0061me":"Shop","own\u0065rs":["a"],"\u00fcber":1}]"#,
        )
        .unwrap();
        let c = &page.clients[0];
        assert_eq!(c.id.as_deref(), Some("esc"));
        assert_eq!(c.name.as_deref(), Some("Named"));
        assert_eq!(c.product_name.as_deref(), Some("Shop"));
        assert_eq!(c.owners.as_deref(), Some(&["a".to_string()][..]));
    }

    #[test]
    fn the_preferred_list_key_wins_and_odd_paging_fields_are_ignored() {
        let page = decode_client_list(
            r#"{"data":[{"id":"d"}],"total":"many","items":[{"id":"i"}],"count":4,"next":7,"nextLink":"/p2"}"#,
        )
        .unwrap();
        assert_eq!(page.clients[0].id.as_deref(), Some("i"));
        assert_eq!(page.total, Some(4));
        assert_eq!(page.next.as_deref(), Some("7"), "numbers read as text");
    }

    #[test]
    fn summary_matches_the_full_client() {
        let json = r#"{"id":"c1","name":"Shop","type":"spa","productName":"P","applicationName":"A","manuallyCreated":false,"owners":["u"],"callbackUrls":["https://x"]}"#;
        let full: NexusClient = serde_json::from_str(json).unwrap();
        let page = decode_client_list(&format!("[{json}]")).unwrap();
        assert_eq!(page.clients[0], ClientSummary::from(&full));
    }
}
