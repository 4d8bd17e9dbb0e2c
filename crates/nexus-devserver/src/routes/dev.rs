//! Dev-only routes (never part of the console's contract with a real Nexus).

use crate::config::TENANT_ID;
use crate::faults::{FaultRequest, MAX_QUEUED_FAULTS};
use crate::personas::{personas, BASIC_USERS};
use crate::problems::Problem;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// `GET /dev/personas`: the personas with freshly signed tokens, and the Basic users.
pub async fn list_personas(State(state): State<AppState>) -> Response {
    let p = personas(state.token_secret(), state.issue_time_ms());
    Json(json!({ "tenantId": TENANT_ID, "personas": p, "basic": BASIC_USERS })).into_response()
}

/// `POST /dev/revoke-tokens`: every token issued before now is refused from now on.
pub async fn revoke_tokens(State(state): State<AppState>) -> Response {
    let cutoff = state.revoke_tokens();
    Json(json!({ "revokedBeforeMs": cutoff })).into_response()
}

/// `POST /dev/faults`: queue a fault for the next `count` matching API
/// requests; refused when the queue would then hold more than
/// [`MAX_QUEUED_FAULTS`].
pub async fn add_fault(State(state): State<AppState>, body: Bytes) -> Response {
    let req: FaultRequest = if body.iter().all(u8::is_ascii_whitespace) {
        FaultRequest::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(r) => r,
            Err(e) => {
                return Problem::bad_request(format!("Invalid fault JSON: {e}."))
                    .render(Some("/dev/faults"))
            }
        }
    };
    match req.into_rule() {
        Ok(rule) => {
            let mut faults = state.faults();
            let queued = faults
                .iter()
                .fold(0u32, |sum, r| sum.saturating_add(r.remaining));
            if queued.saturating_add(rule.remaining) > MAX_QUEUED_FAULTS {
                return Problem::bad_request(format!(
                    "At most {MAX_QUEUED_FAULTS} faults may be queued at once: {queued} are queued and this asks for {} more. DELETE /dev/faults clears the queue.",
                    rule.remaining
                ))
                .render(Some("/dev/faults"));
            }
            faults.push(rule);
            (StatusCode::CREATED, Json(json!({ "queued": faults.len() }))).into_response()
        }
        Err(e) => Problem::bad_request(e).render(Some("/dev/faults")),
    }
}

/// `DELETE /dev/faults`: clear the queue.
pub async fn clear_faults(State(state): State<AppState>) -> Response {
    state.faults().clear();
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /dev/health`
pub async fn health() -> &'static str {
    "ok"
}
