//! Who is calling: a verified bearer token or demo Basic credentials.
//!
//! The server only ever answers for a caller whose permissions it knows: the
//! domain's [`Caller::Unknown`] (a token without permission claims) lets the
//! console enable its controls and defer to the server, so the server must
//! not defer in turn. Such a token is refused here with 403, and
//! [`decide_strictly`] refuses an unknown caller should one get past.
//!
//! The seed documents list Bearer AND an `ApplicationToken` header. A real
//! Nexus may require the application token; this stand-in accepts it but does
//! not require it (so the console works whether or not it is configured).

use crate::personas::basic_claims;
use crate::problems::Problem;
use crate::state::AppState;
use crate::tokens::{now_ms, verify};
use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use nexus_domain::permissions::{decide, Decision, Operation};
use nexus_domain::{caller_from_jwt, Caller, ClaimNames, NexusClient};

/// The name of the (accepted, not required) application token header.
pub const APPLICATION_TOKEN_HEADER: &str = "ApplicationToken";

/// Authenticates the request; a 401 problem says what is wrong.
pub fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Caller, Problem> {
    let Some(raw) = headers.get(header::AUTHORIZATION) else {
        return Err(Problem::unauthorized(
            "No Authorization header: send 'Authorization: Bearer <token>' (dev tokens: GET /dev/personas) or Basic credentials.",
        ));
    };
    let Ok(raw) = raw.to_str() else {
        return Err(Problem::unauthorized(
            "The Authorization header is not valid text.",
        ));
    };
    let raw = raw.trim();
    let (scheme, rest) = raw.split_once(' ').unwrap_or((raw, ""));
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        if rest.is_empty() {
            return Err(Problem::unauthorized(
                "The bearer token is missing after 'Bearer'.",
            ));
        }
        verify(
            state.token_secret(),
            rest,
            now_ms(),
            state.revoked_before_ms(),
        )
        .map_err(|e| Problem::unauthorized(e.detail()))?;
        match caller_from_jwt(rest, &ClaimNames::default()) {
            Caller::Unknown => Err(Problem::forbidden(unknown_permissions_reason())),
            known => Ok(known),
        }
    } else if scheme.eq_ignore_ascii_case("basic") {
        let decoded = STANDARD
            .decode(rest)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| {
                Problem::unauthorized(
                    "The Basic credentials are not valid base64 of 'user:password'.",
                )
            })?;
        let (user, pass) = decoded.split_once(':').unwrap_or((&decoded, ""));
        basic_claims(user, pass).map(Caller::Known).ok_or_else(|| {
            Problem::unauthorized("Invalid Basic credentials (unknown user or wrong password).")
        })
    } else {
        Err(Problem::unauthorized(format!(
            "Unsupported Authorization scheme '{scheme}': use Bearer or Basic."
        )))
    }
}

/// Why a caller whose permissions the server cannot read is refused.
fn unknown_permissions_reason() -> String {
    let claims = ClaimNames::default().permissions.join(", ");
    format!(
        "The bearer token carries no permission claims ({claims}), so this server cannot tell what it may do and refuses it. Sign in with a token that lists its permissions (dev tokens: GET /dev/personas)."
    )
}

/// The domain's [`decide`], with the server's stance on an unknown caller:
/// refused (the console, which cannot know, leaves that to the server).
pub fn decide_strictly(
    caller: &Caller,
    action: Operation,
    client: Option<&NexusClient>,
) -> Decision {
    match caller {
        Caller::Unknown => Decision::Denied(unknown_permissions_reason()),
        Caller::Known(_) => decide(&nexus_domain::i18n::EN, caller, action, client),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_caller_is_refused_every_action() {
        for action in [
            Operation::Read,
            Operation::Create,
            Operation::Edit,
            Operation::RotateSecret,
            Operation::Delete,
        ] {
            let d = decide_strictly(&Caller::Unknown, action, Some(&NexusClient::default()));
            assert!(!d.is_allowed(), "{action:?}");
            assert!(d.reason().unwrap_or_default().contains("permission claims"));
        }
        // The console's view is unchanged: it still enables and defers.
        assert!(decide(
            &nexus_domain::i18n::EN,
            &Caller::Unknown,
            Operation::Delete,
            None
        )
        .is_allowed());
    }
}
