//! Reading (never verifying) a JWT's payload into a [`Caller`]. Claim names
//! are configurable because a real Nexus may name them differently.

use crate::permissions::{Caller, Claims};
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The claim names to read, configurable at run time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ClaimNames {
    pub user_id: String,
    /// Claims holding permissions: an array, or a space-separated string.
    pub permissions: Vec<String>,
    pub roles: String,
    pub products: String,
    pub name: String,
}

impl Default for ClaimNames {
    fn default() -> Self {
        ClaimNames {
            user_id: "sub".into(),
            permissions: vec!["permissions".into(), "scope".into(), "scp".into()],
            roles: "roles".into(),
            products: "products".into(),
            name: "name".into(),
        }
    }
}

/// An array of strings, or one string split on `separators` (scopes are
/// space-separated; a product name may contain spaces, so products and roles
/// split on commas only).
fn strings(v: Option<&Value>, separators: &[char]) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(String::from))
            .collect(),
        Some(Value::String(s)) => s
            .split(separators)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

/// Decodes the payload segment of a JWT into its JSON object.
pub fn jwt_payload(token: &str) -> Option<Map<String, Value>> {
    let mut parts = token.trim().split('.');
    let (_header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    let trimmed = payload.trim_end_matches('=');
    let bytes = URL_SAFE_NO_PAD
        .decode(trimmed)
        .or_else(|_| STANDARD_NO_PAD.decode(trimmed))
        .ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// The caller a bearer token describes; `Unknown` for an opaque token.
pub fn caller_from_jwt(token: &str, names: &ClaimNames) -> Caller {
    let Some(map) = jwt_payload(token) else {
        return Caller::Unknown;
    };
    // A token that carries none of the permission claims says nothing about
    // permissions: the caller is unknown and the server decides.
    if !names.permissions.iter().any(|c| map.contains_key(c)) {
        return Caller::Unknown;
    }
    let mut permissions = Vec::new();
    for claim in &names.permissions {
        for p in strings(map.get(claim), &[' ', ',']) {
            if !permissions.contains(&p) {
                permissions.push(p);
            }
        }
    }
    Caller::Known(Claims {
        user_id: map.get(&names.user_id).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        name: map
            .get(&names.name)
            .and_then(Value::as_str)
            .map(String::from),
        roles: strings(map.get(&names.roles), &[',']),
        products: strings(map.get(&names.products), &[',']),
        permissions,
        expires_at: map.get("exp").and_then(Value::as_i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(payload: &str) -> String {
        format!("e30.{}.sig", URL_SAFE_NO_PAD.encode(payload))
    }

    #[test]
    fn reads_claims_in_both_forms() {
        let t = token(
            r#"{"sub":"po-1","permissions":["client.write"],"scope":"client.read openid","roles":["team-shop"],"products":"Shop Web, Billing","exp":99}"#,
        );
        let Caller::Known(c) = caller_from_jwt(&t, &ClaimNames::default()) else {
            panic!("known")
        };
        assert_eq!(c.user_id.as_deref(), Some("po-1"));
        assert_eq!(c.permissions, vec!["client.write", "client.read", "openid"]);
        assert_eq!(c.roles, vec!["team-shop"]);
        assert_eq!(c.products, vec!["Shop Web", "Billing"]);
        assert_eq!(c.expires_at, Some(99));
    }

    #[test]
    fn configurable_names() {
        let t = token(r#"{"oid":"u1","perms":"client.write.all","grp":["g"]}"#);
        let names = ClaimNames {
            user_id: "oid".into(),
            permissions: vec!["perms".into()],
            roles: "grp".into(),
            ..Default::default()
        };
        let Caller::Known(c) = caller_from_jwt(&t, &names) else {
            panic!("known")
        };
        assert_eq!(
            (c.user_id.as_deref(), c.permissions.len(), c.roles.len()),
            (Some("u1"), 1, 1)
        );
    }

    #[test]
    fn opaque_tokens_are_unknown() {
        for t in [
            "",
            "opaque",
            "a.b.c",
            "a.!!!.c",
            &token(r#"{"sub":"u1","roles":["r"]}"#),
            &token("[1]"),
            &token("not json"),
        ] {
            assert_eq!(
                caller_from_jwt(t, &ClaimNames::default()),
                Caller::Unknown,
                "{t}"
            );
        }
    }
}
