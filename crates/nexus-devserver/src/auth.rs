//! Who is calling: a verified bearer token or demo Basic credentials.
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
use nexus_domain::{caller_from_jwt, Caller, ClaimNames};

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
        Ok(caller_from_jwt(rest, &ClaimNames::default()))
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
