//! HS256 dev tokens: signing for the personas, verification on every request.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;
use std::time::{SystemTime, UNIX_EPOCH};

type HmacSha256 = Hmac<Sha256>;

/// The `iss` of every dev token.
pub const ISSUER: &str = "nexus-devserver";

/// Why a token was refused (the 401 detail says which).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// Not three base64url segments of JSON.
    Malformed,
    /// Header names another algorithm.
    WrongAlgorithm,
    /// The signature does not match.
    BadSignature,
    /// `exp` is missing.
    NoExpiry,
    /// `exp` is in the past.
    Expired,
    /// Issued before the last `/dev/revoke-tokens`.
    Revoked,
}

impl TokenError {
    /// The 401 `detail`.
    pub fn detail(&self) -> &'static str {
        match self {
            Self::Malformed => "The bearer token is malformed (expected a JWT: three base64url segments of JSON).",
            Self::WrongAlgorithm => "The bearer token is invalid: only HS256 tokens signed by this server are accepted.",
            Self::BadSignature => "The bearer token is invalid: its signature does not verify.",
            Self::NoExpiry => "The bearer token is invalid: it has no exp claim.",
            Self::Expired => "The bearer token has expired; sign in again.",
            Self::Revoked => "token revoked: this token was issued before the server revoked all tokens; sign in again.",
        }
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length; this cannot fail.
    <HmacSha256 as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"))
}

/// Signs `claims` as an HS256 JWT.
pub fn sign(secret: &[u8], claims: &Map<String, Value>) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signing_input = format!("{header}.{payload}");
    let mut m = mac(secret);
    m.update(signing_input.as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(m.finalize().into_bytes());
    format!("{signing_input}.{sig}")
}

/// Verifies signature, `exp` and revocation; returns the payload.
///
/// `revoked_before_ms`: tokens whose issue time (`iat_ms`, else `iat`) is
/// earlier are refused.
pub fn verify(
    secret: &[u8],
    token: &str,
    now_ms: i64,
    revoked_before_ms: i64,
) -> Result<Map<String, Value>, TokenError> {
    let mut parts = token.trim().split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let header: Value = URL_SAFE_NO_PAD
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(TokenError::Malformed)?;
    let payload: Map<String, Value> = URL_SAFE_NO_PAD
        .decode(p)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(TokenError::Malformed)?;
    let sig = URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|_| TokenError::Malformed)?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(TokenError::WrongAlgorithm);
    }
    let mut m = mac(secret);
    m.update(h.as_bytes());
    m.update(b".");
    m.update(p.as_bytes());
    m.verify_slice(&sig).map_err(|_| TokenError::BadSignature)?;
    let exp = payload
        .get("exp")
        .and_then(Value::as_i64)
        .ok_or(TokenError::NoExpiry)?;
    if exp.saturating_mul(1000) <= now_ms {
        return Err(TokenError::Expired);
    }
    let issued_ms = payload
        .get("iat_ms")
        .and_then(Value::as_i64)
        .or_else(|| {
            payload
                .get("iat")
                .and_then(Value::as_i64)
                .map(|s| s.saturating_mul(1000))
        })
        .unwrap_or(0);
    if issued_ms < revoked_before_ms {
        return Err(TokenError::Revoked);
    }
    Ok(payload)
}

/// The standard claims of a dev token issued at `issued_ms`, valid for `ttl_secs`.
pub fn dev_claims(
    sub: &str,
    name: &str,
    permissions: &[&str],
    roles: &[&str],
    products: &[&str],
    issued_ms: i64,
    ttl_secs: i64,
) -> Map<String, Value> {
    let iat = issued_ms / 1000;
    let v = json!({
        "iss": ISSUER,
        "sub": sub,
        "name": name,
        "permissions": permissions,
        "roles": roles,
        "products": products,
        "iat": iat,
        "iat_ms": issued_ms,
        "exp": iat + ttl_secs,
    });
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify() {
        let now = now_ms();
        let t = sign(
            b"k",
            &dev_claims("u", "U", &["client.read"], &[], &[], now, 60),
        );
        assert!(verify(b"k", &t, now, 0).is_ok());
        assert_eq!(verify(b"other", &t, now, 0), Err(TokenError::BadSignature));
        assert_eq!(verify(b"k", &t, now + 61_000, 0), Err(TokenError::Expired));
        assert_eq!(verify(b"k", &t, now, now + 1), Err(TokenError::Revoked));
        assert_eq!(verify(b"k", "abc", now, 0), Err(TokenError::Malformed));
    }
}
