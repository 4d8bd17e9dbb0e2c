//! Import and duplicate: a create draft from a client that exists elsewhere.
//!
//! Import reads a client JSON, in the shape this console exports (and Nexus
//! answers with: `callbackUrls`, `productName`, …) or in Auth0's Management
//! API shape (`callbacks`, `app_type`, `client_metadata`, …), and maps what a
//! create can carry to a [`CreateDraft`]. Everything else is named as
//! ignored, so nothing is dropped in silence. Duplicate does the same from a
//! loaded client. The draft then goes through the create form: validated as
//! any create, reviewed, sent once.

use crate::client::{ClientType, NexusClient};
use crate::create::CreateDraft;
use crate::field::{Body, Field, FieldSlots, Rule};
use crate::i18n::Catalog;
use crate::validation::NAME_MAX_CHARS;
use serde_json::{Map, Value};

/// A draft read from a client JSON, and the keys it could not carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: CreateDraft,
    /// Keys present in the file that a create does not take (server-made
    /// ones such as `id` and `secret`, settings Nexus sets itself, unknown
    /// ones), in alphabetical order; nested keys as `parent.key`.
    pub ignored: Vec<String>,
}

/// What a client JSON may hold per create field: the Nexus (export) key and
/// the Auth0 key; the value goes to the field's slot in the draft.
const TEXTS: [(&str, &str, Field); 4] = [
    ("name", "name", Field::Name),
    ("description", "description", Field::Description),
    ("logoUrl", "logo_uri", Field::LogoUri),
    (
        "initiateLoginUri",
        "initiate_login_uri",
        Field::InitiateLoginUri,
    ),
];

const LISTS: [(&str, &str, Field); 5] = [
    ("callbackUrls", "callbacks", Field::CallbackUrls),
    (
        "allowedLogoutUrls",
        "allowed_logout_urls",
        Field::LogoutUrls,
    ),
    ("allowedWebOrigins", "web_origins", Field::WebOrigins),
    ("allowedCorsOrigins", "allowed_origins", Field::CorsOrigins),
    ("grantTypes", "grant_types", Field::GrantTypes),
];

/// Metadata fields: at the top level (Nexus) or in `client_metadata` (Auth0).
const METADATA: [(&str, Field); 3] = [
    ("productName", Field::ProductName),
    ("applicationName", Field::ApplicationName),
    ("client_upn_key", Field::ClientUpnKey),
];

/// Puts a text in the draft's slot for `field`; false when it has none.
fn put_text(d: &mut CreateDraft, field: Field, value: &str) -> bool {
    d.text_mut(field)
        .map(|slot| *slot = value.to_string())
        .is_some()
}

/// A list value: an array of strings (non-strings are skipped), or one
/// comma-separated string (Auth0 keeps owners so).
fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
        ),
        Value::String(s) => Some(
            s.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        ),
        _ => None,
    }
}

/// Parses pasted or uploaded JSON (a byte-order mark ignored); the error
/// says what is wrong, for the person who pasted it.
pub(crate) fn parse_json(t: &Catalog, text: &str) -> Result<Value, String> {
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| (t.import.invalid_json)(&e.to_string()))
}

/// Reads one client JSON object into a create draft. An error only when the
/// text is not JSON or not one object (a list is told apart, with a hint).
pub fn draft_from_json(t: &Catalog, text: &str) -> Result<Imported, String> {
    let value = parse_json(t, text)?;
    match value {
        Value::Object(map) => Ok(draft_from_map(&map)),
        Value::Array(_) => Err(t.import.is_list.into()),
        _ => Err(t.import.not_client.into()),
    }
}

/// One client object read into a draft (also each item of a list import,
/// [`crate::bulk::import_list`]).
pub(crate) fn draft_from_map(map: &Map<String, Value>) -> Imported {
    let mut draft = CreateDraft::default();
    let mut ignored = Vec::new();
    let mut type_set = false;
    for (key, value) in map {
        let k = key.as_str();
        let named = |(n, a, _): &&(&str, &str, Field)| *n == k || *a == k;
        if let Some((_, _, field)) = TEXTS.iter().find(named) {
            if value
                .as_str()
                .is_some_and(|s| put_text(&mut draft, *field, s))
            {
                continue;
            }
        } else if let Some((_, _, field)) = LISTS.iter().find(named) {
            if let (Some(items), Some(slot)) = (strings(value), draft.list_mut(*field)) {
                *slot = items;
                continue;
            }
        } else if let Some((_, field)) = METADATA.iter().find(|(n, _)| *n == k) {
            if value
                .as_str()
                .is_some_and(|s| put_text(&mut draft, *field, s))
            {
                continue;
            }
        } else if k == "owners" {
            if let Some(items) = strings(value) {
                draft.editable.owners = items;
                continue;
            }
        } else if k == "type" || k == "app_type" {
            if let Some(t) = value.as_str().map(ClientType::parse) {
                if ClientType::CREATABLE.contains(&t) {
                    draft.app_type = Some(t);
                    type_set = true;
                    continue;
                }
            }
        } else if k == "client_metadata" {
            if let Value::Object(meta) = value {
                for (mk, mv) in meta {
                    let taken = match (mk.as_str(), mv) {
                        ("owners", v) => strings(v).map(|o| draft.editable.owners = o).is_some(),
                        (m, Value::String(s)) => METADATA
                            .iter()
                            .find(|(n, _)| *n == m)
                            .is_some_and(|(_, field)| put_text(&mut draft, *field, s)),
                        _ => false,
                    };
                    if !taken {
                        ignored.push(format!("client_metadata.{mk}"));
                    }
                }
                continue;
            }
        } else if k == "mobile" {
            if let Value::Object(mobile) = value {
                read_mobile(mobile, &mut draft, &mut ignored);
                continue;
            }
        }
        ignored.push(key.clone());
    }
    // A type without grant types of its own gets the type's defaults.
    if type_set && draft.grant_types.is_empty() {
        if let Some(t) = &draft.app_type {
            draft.grant_types = crate::create::default_grant_types(t);
        }
    }
    Imported { draft, ignored }
}

fn read_mobile(mobile: &Map<String, Value>, draft: &mut CreateDraft, ignored: &mut Vec<String>) {
    for (platform, fields) in mobile {
        let Value::Object(fields) = fields else {
            ignored.push(format!("mobile.{platform}"));
            continue;
        };
        for (k, v) in fields {
            // The registry's wire key of each mobile field is its path.
            let path = format!("mobile.{platform}.{k}");
            let field = Field::ALL
                .into_iter()
                .find(|f| f.rule() == Rule::MobileValue && f.wire_key(Body::Create) == path);
            let taken = match (field, v.as_str()) {
                (Some(field), Some(s)) => put_text(draft, field, s),
                _ => false,
            };
            if !taken {
                ignored.push(path);
            }
        }
    }
}

/// The name of a duplicate: "Copy of …", cut to the longest name allowed.
pub fn copy_name(t: &Catalog, name: &str) -> String {
    (t.import.copy_of)(name.trim())
        .chars()
        .take(NAME_MAX_CHARS)
        .collect()
}

/// A create draft that duplicates `client`: every field a create can carry,
/// named "Copy of …"; no id, no secret (the server makes new ones).
pub fn duplicate(t: &Catalog, client: &NexusClient) -> CreateDraft {
    let json = crate::export::client_json(client);
    let mut draft = draft_from_json(t, &json)
        .map(|i| i.draft)
        .unwrap_or_default();
    draft.name = copy_name(t, client.name.as_deref().unwrap_or(""));
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn an_exported_client_imports_whole() {
        let client: NexusClient = serde_json::from_value(serde_json::json!({
            "id": "c1", "name": "Shop Web", "type": "regular_web", "secret": "s",
            "owners": ["alice", "team-shop"], "productName": "Shop", "applicationName": "web",
            "client_upn_key": "upn", "callbackUrls": ["https://a.example.com/cb"],
            "allowedLogoutUrls": ["https://a.example.com/bye"], "allowedWebOrigins": ["https://a.example.com"],
            "allowedCorsOrigins": ["https://b.example.com"], "grantTypes": ["authorization_code"],
            "logoUrl": "https://cdn.example.com/l.png", "idTokenExpiration": 3600,
            "mobile": {"ios": {"team_id": "T1", "app_bundle_identifier": "com.x"}}
        }))
        .unwrap();
        let imported = draft_from_json(&EN, &crate::export::client_json(&client)).unwrap();
        let d = &imported.draft;
        assert_eq!(d.name, "Shop Web");
        assert_eq!(d.app_type, Some(ClientType::RegularWeb));
        assert_eq!(d.editable.owners, vec!["alice", "team-shop"]);
        assert_eq!(
            (
                d.editable.product_name.as_str(),
                d.editable.application_name.as_str(),
                d.editable.client_upn_key.as_str()
            ),
            ("Shop", "web", "upn")
        );
        assert_eq!(d.editable.callback_urls, vec!["https://a.example.com/cb"]);
        assert_eq!(d.editable.logout_urls, vec!["https://a.example.com/bye"]);
        assert_eq!(d.editable.web_origins, vec!["https://a.example.com"]);
        assert_eq!(d.editable.cors_origins, vec!["https://b.example.com"]);
        assert_eq!(d.grant_types, vec!["authorization_code"]);
        assert_eq!(d.logo_uri, "https://cdn.example.com/l.png");
        assert_eq!(
            (
                d.editable.ios_team_id.as_str(),
                d.editable.ios_bundle_id.as_str()
            ),
            ("T1", "com.x")
        );
        // Token settings are Nexus's to set: named, not carried.
        assert_eq!(imported.ignored, vec!["idTokenExpiration"]);
    }

    #[test]
    fn an_auth0_client_imports_and_its_extras_are_named() {
        let imported = draft_from_json(&EN,
            r#"{"client_id":"abc","name":"Billing","app_type":"spa","callbacks":["https://b.example.com/cb"],
                "allowed_origins":["https://b.example.com"],"web_origins":["https://b.example.com"],
                "allowed_logout_urls":["https://b.example.com"],"description":"Pays",
                "initiate_login_uri":"https://b.example.com/login",
                "client_metadata":{"owners":"alice, bob","productName":"Billing","colour":"red"},
                "jwt_configuration":{"alg":"RS256"},
                "mobile":{"android":{"app_package_name":"com.b","sha256_cert_fingerprints":["x"]}}}"#,
        )
        .unwrap();
        let d = &imported.draft;
        assert_eq!(d.app_type, Some(ClientType::Spa));
        assert_eq!(d.description, "Pays");
        assert_eq!(d.editable.owners, vec!["alice", "bob"]);
        assert_eq!(d.editable.product_name, "Billing");
        assert_eq!(d.initiate_login_uri, "https://b.example.com/login");
        assert_eq!(d.editable.android_package_name, "com.b");
        // The type's default grant types, since the file names none.
        assert!(!d.grant_types.is_empty());
        assert_eq!(
            imported.ignored,
            vec![
                "client_id",
                "client_metadata.colour",
                "jwt_configuration",
                "mobile.android.sha256_cert_fingerprints"
            ]
        );
    }

    #[test]
    fn what_is_not_one_client_is_a_clear_error() {
        assert!(draft_from_json(&EN, "{")
            .unwrap_err()
            .starts_with("This is not valid JSON"));
        assert!(draft_from_json(&EN, "[{}]")
            .unwrap_err()
            .starts_with("This is a list"));
        assert!(draft_from_json(&EN, "42")
            .unwrap_err()
            .contains("expected an object"));
        // A field of the wrong shape is named, not taken.
        let i = draft_from_json(&EN, r#"{"name": 7, "type": "box", "owners": {}}"#).unwrap();
        assert_eq!(i.ignored, vec!["name", "owners", "type"]);
        assert_eq!(i.draft, CreateDraft::default());
    }

    #[test]
    fn a_duplicate_is_named_copy_of_and_has_no_id_or_secret() {
        let client: NexusClient = serde_json::from_value(serde_json::json!({
            "id": "c1", "name": "Shop Web", "type": "spa", "secret": "s", "productName": "Shop"
        }))
        .unwrap();
        let d = duplicate(&EN, &client);
        assert_eq!(d.name, "Copy of Shop Web");
        assert_eq!(d.editable.product_name, "Shop");
        assert_eq!(d.app_type, Some(ClientType::Spa));
        let body = serde_json::to_string(&d.to_request()).unwrap();
        assert!(!body.contains("\"c1\"") && !body.contains("secret"));
        assert_eq!(
            copy_name(&EN, &"n".repeat(300)).chars().count(),
            NAME_MAX_CHARS
        );
    }
}
