//! The contract: list, create, get, patch, delete, rotate-secret.

use crate::access::{
    Allowed, CreateClient, DeleteClient, EditClient, ListClients, OneClient, ReadClient,
    RotateClientSecret,
};
use crate::auth::decide_strictly;
use crate::client_rules::{apply_update, client_from_create};
use crate::listing::{auth_method_number, ListQuery, Paging};
use crate::problems::Problem;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use nexus_domain::i18n::EN;
use nexus_domain::validation::{to_errors_map, validate_create, validate_update, Body};
use nexus_domain::{
    Caller, ClientAuthMethod, CreateClientRequest, NexusClient, Operation, UpdateClientRequest,
};
use rand::distr::Alphanumeric;
use rand::Rng;
use serde_json::{json, Value};

type ApiResult = Result<Response, Problem>;

/// A new client id: 32 random alphanumerics (like Auth0's).
pub fn new_client_id() -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(32)
        .map(char::from)
        .collect()
}

/// A new secret: 48 random bytes, base64url (64 URL-safe characters).
pub fn new_secret() -> String {
    let bytes: [u8; 48] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The client as JSON, honouring `--auth-method-as-int`.
pub fn client_json(state: &AppState, client: &NexusClient) -> Value {
    let mut v = serde_json::to_value(client).unwrap_or(Value::Null);
    let number = client
        .client_auth_method
        .as_ref()
        .and_then(auth_method_number)
        .filter(|_| state.config().auth_method_as_int);
    if let (Some(n), Some(obj)) = (number, v.as_object_mut()) {
        obj.insert("clientAuthMethod".into(), json!(n));
    }
    v
}

/// The client as this caller may see it: the secret only for a caller who
/// may rotate it (the rules of the `decide()` that gates the console's Reveal
/// and Copy, with an unknown caller refused); a viewer gets the client
/// without it.
pub fn client_json_for(state: &AppState, caller: &Caller, client: &NexusClient) -> Value {
    let mut v = client_json(state, client);
    if !decide_strictly(caller, Operation::RotateSecret, Some(client)).is_allowed() {
        if let Some(obj) = v.as_object_mut() {
            obj.remove("secret");
        }
    }
    v
}

/// A JSON answer; one that carries a secret is marked `Cache-Control:
/// no-store`, so no browser or proxy cache keeps it.
pub fn json_answer(status: StatusCode, v: Value) -> Response {
    let carries_secret = v
        .get("secret")
        .is_some_and(|s| !s.is_null() && s.as_str() != Some(""));
    let mut res = (status, Json(v)).into_response();
    if carries_secret {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, Problem> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::bad_request(
            "The request body is empty; send a JSON object.",
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        Problem::bad_request(format!(
            "The request body is not valid JSON for this operation: {e}."
        ))
    })
}

fn query_number(params: &[(String, String)], key: &str) -> Result<Option<usize>, Problem> {
    match params.iter().find(|(k, _)| k == key) {
        None => Ok(None),
        Some((_, v)) if v.trim().is_empty() => Ok(None),
        Some((_, v)) => v.trim().parse().map(Some).map_err(|_| {
            Problem::bad_request(format!(
                "Query parameter '{key}' must be a non-negative integer; got '{v}'."
            ))
        }),
    }
}

/// `GET /v1/tenants/{tenantId}/clients`
pub async fn list(
    State(state): State<AppState>,
    access: Allowed<ListClients>,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult {
    let page = query_number(&params, "page")?;
    let per_page = query_number(&params, "per_page")?.or(query_number(&params, "pageSize")?);
    let forced = state.config().page_size;
    let query = ListQuery {
        needle: params
            .iter()
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v.trim().to_lowercase())
            .filter(|v| !v.is_empty()),
        paging: (page.is_some() || per_page.is_some() || forced.is_some()).then(|| Paging {
            page: page.unwrap_or(0),
            per_page: per_page.or(forced).unwrap_or(50).clamp(1, 1000),
        }),
    };
    let listing = state.listing(&access.tenant).map_err(Problem::internal)?;
    let body = listing.answer(&query, state.config().list_shape);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}

/// `POST /v1/tenants/{tenantId}/clients`
pub async fn create(
    State(state): State<AppState>,
    access: Allowed<CreateClient>,
    body: Bytes,
) -> ApiResult {
    let tenant = access.tenant;
    let req: CreateClientRequest = parse_body(&body)?;
    let issues = validate_create(&EN, &req);
    if !issues.is_empty() {
        return Err(Problem::validation(to_errors_map(&issues, Body::Create)));
    }
    let client = client_from_create(&req, new_client_id(), new_secret());
    state
        .store()
        .put(&tenant, &client)
        .map_err(Problem::internal)?;
    let location = format!(
        "/v1/tenants/{tenant}/clients/{}",
        client.id.as_deref().unwrap_or_default()
    );
    let mut res = json_answer(StatusCode::CREATED, client_json(&state, &client));
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// `GET /v1/tenants/{tenantId}/clients/{clientId}`
pub async fn get_one(State(state): State<AppState>, access: Allowed<ReadClient>) -> ApiResult {
    Ok(json_answer(
        StatusCode::OK,
        client_json_for(&state, &access.caller, &access.target.client),
    ))
}

/// `PATCH /v1/tenants/{tenantId}/clients/{clientId}`
pub async fn patch(
    State(state): State<AppState>,
    access: Allowed<EditClient>,
    body: Bytes,
) -> ApiResult {
    let mut client = access.target.client;
    let req: UpdateClientRequest = parse_body(&body)?;
    let issues = validate_update(&EN, &req);
    if !issues.is_empty() {
        return Err(Problem::validation(to_errors_map(&issues, Body::Update)));
    }
    apply_update(&mut client, &req);
    state
        .store()
        .put(&access.tenant, &client)
        .map_err(Problem::internal)?;
    Ok(json_answer(
        StatusCode::OK,
        client_json_for(&state, &access.caller, &client),
    ))
}

/// `DELETE /v1/tenants/{tenantId}/clients/{clientId}`
pub async fn delete(State(state): State<AppState>, access: Allowed<DeleteClient>) -> ApiResult {
    state
        .store()
        .delete(&access.tenant, &access.target.id)
        .map_err(Problem::internal)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /v1/tenants/{tenantId}/clients/{clientId}/rotate-secret`
pub async fn rotate_secret(
    State(state): State<AppState>,
    access: Allowed<RotateClientSecret>,
) -> ApiResult {
    let OneClient { id, mut client } = access.target;
    if client.client_auth_method == Some(ClientAuthMethod::PrivateKeyJwt) {
        return Err(Problem::bad_request(format!(
            "The secret of client '{id}' cannot be rotated because it authenticates with Private Key JWT: it has no \
             client secret to rotate. Rotate its key pair instead (register the new public key, then remove the old \
             one), or change its authentication method to a client-secret method first."
        )));
    }
    // The domain's rule, as the console applies it: a public client has no
    // secret to rotate.
    if client.is_public() {
        if let Some(why) = client.rotation_unavailable(&EN) {
            return Err(Problem::bad_request(format!(
                "The secret of client '{id}' cannot be rotated. {why}"
            )));
        }
    }
    client.secret = Some(new_secret());
    state
        .store()
        .put(&access.tenant, &client)
        .map_err(Problem::internal)?;
    Ok(json_answer(StatusCode::OK, client_json(&state, &client)))
}
