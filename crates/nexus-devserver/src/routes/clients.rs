//! The contract: list, create, get, patch, delete, rotate-secret.

use crate::auth::{authenticate, decide_strictly};
use crate::config::TENANT_ID;
use crate::problems::Problem;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use nexus_domain::create::default_grant_types;
use nexus_domain::validation::{to_errors_map, validate_create, validate_update, Body};
use nexus_domain::{
    Caller, ClientAuthMethod, ClientType, CreateClientRequest, Mobile, NexusClient, Operation,
    UpdateClientRequest,
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

fn internal(e: String) -> Problem {
    Problem::new(StatusCode::INTERNAL_SERVER_ERROR, e)
}

fn check_tenant(tenant: &str) -> Result<(), Problem> {
    if tenant == TENANT_ID {
        Ok(())
    } else {
        Err(Problem::not_found(format!(
            "Tenant '{tenant}' was not found."
        )))
    }
}

fn allow(caller: &Caller, action: Operation, client: Option<&NexusClient>) -> Result<(), Problem> {
    match decide_strictly(caller, action, client).reason() {
        None => Ok(()),
        Some(reason) => Err(Problem::forbidden(reason)),
    }
}

fn load(state: &AppState, tenant: &str, id: &str) -> Result<NexusClient, Problem> {
    state
        .store()
        .get(tenant, id)
        .map_err(internal)?
        .ok_or_else(|| {
            Problem::not_found(format!("Client '{id}' was not found in tenant '{tenant}'."))
        })
}

/// The client as JSON, honouring `--auth-method-as-int`.
/// A client as the list shows it: without its secret (the list never needs
/// it, and 10,000 secrets in one response is a leak waiting to happen).
pub fn list_json(state: &AppState, client: &NexusClient) -> Value {
    let mut v = client_json(state, client);
    if let Some(obj) = v.as_object_mut() {
        obj.remove("secret");
    }
    v
}

pub fn client_json(state: &AppState, client: &NexusClient) -> Value {
    let mut v = serde_json::to_value(client).unwrap_or(Value::Null);
    if state.config().auth_method_as_int {
        let n = match &client.client_auth_method {
            Some(ClientAuthMethod::None) => Some(0),
            Some(ClientAuthMethod::ClientSecretPost) => Some(1),
            Some(ClientAuthMethod::ClientSecretBasic) => Some(2),
            Some(ClientAuthMethod::PrivateKeyJwt) => Some(3),
            _ => None,
        };
        if let (Some(n), Some(obj)) = (n, v.as_object_mut()) {
            obj.insert("clientAuthMethod".into(), json!(n));
        }
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

fn sort_key(c: &NexusClient) -> (String, String) {
    (
        c.display_name().to_lowercase(),
        c.id.clone().unwrap_or_default(),
    )
}

fn matches(c: &NexusClient, needle: &str) -> bool {
    [&c.name, &c.id, &c.product_name, &c.application_name]
        .iter()
        .any(|f| {
            f.as_deref()
                .is_some_and(|v| v.to_lowercase().contains(needle))
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
    headers: HeaderMap,
    Path(tenant): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    allow(&caller, Operation::Read, None)?;
    let page = query_number(&params, "page")?;
    let per_page = query_number(&params, "per_page")?.or(query_number(&params, "pageSize")?);
    let needle = params
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().to_lowercase())
        .filter(|v| !v.is_empty());
    let mut clients = state.store().list(&tenant).map_err(internal)?;
    if let Some(n) = &needle {
        clients.retain(|c| matches(c, n));
    }
    clients.sort_by_cached_key(sort_key);
    let total = clients.len();
    let forced = state.config().page_size;
    if page.is_some() || per_page.is_some() || forced.is_some() {
        let page = page.unwrap_or(0);
        let per_page = per_page.or(forced).unwrap_or(50).clamp(1, 1000);
        let items: Vec<Value> = clients
            .iter()
            .skip(page.saturating_mul(per_page))
            .take(per_page)
            .map(|c| list_json(&state, c))
            .collect();
        return Ok(Json(
            json!({"items": items, "total": total, "page": page, "per_page": per_page}),
        )
        .into_response());
    }
    let items: Vec<Value> = clients.iter().map(|c| list_json(&state, c)).collect();
    Ok(match state.config().list_shape.key() {
        None => Json(Value::Array(items)).into_response(),
        Some(key) => Json(json!({ key: items, "total": total })).into_response(),
    })
}

/// The client a valid create body describes.
pub fn client_from_create(req: &CreateClientRequest, id: String, secret: String) -> NexusClient {
    let kind = ClientType::parse(&req.app_type);
    let meta = req.client_metadata.clone().unwrap_or_default();
    let owners = meta
        .owners
        .as_deref()
        .map(|o| {
            o.split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let auth = match kind {
        ClientType::Spa | ClientType::Native => ClientAuthMethod::None,
        _ => ClientAuthMethod::ClientSecretPost,
    };
    let mobile = req.mobile.clone().filter(|m| !m.is_empty());
    NexusClient {
        id: Some(id),
        name: Some(req.name.trim().to_string()),
        client_type: Some(kind.as_str().to_string()),
        mobile,
        owners: Some(owners),
        secret: Some(secret),
        logo_url: req.logo_uri.clone().filter(|u| !u.trim().is_empty()),
        grant_types: Some(
            req.grant_types
                .clone()
                .unwrap_or_else(|| default_grant_types(&kind)),
        ),
        product_name: meta.product_name.filter(|p| !p.is_empty()),
        callback_urls: Some(req.callbacks.clone().unwrap_or_default()),
        client_upn_key: meta.client_upn_key.filter(|p| !p.is_empty()),
        application_name: meta.application_name.filter(|p| !p.is_empty()),
        manually_created: Some(meta.manually_created.unwrap_or(true)),
        client_auth_method: Some(auth),
        allowed_logout_urls: Some(req.allowed_logout_urls.clone().unwrap_or_default()),
        allowed_web_origins: Some(req.web_origins.clone().unwrap_or_default()),
        allowed_cors_origins: Some(req.allowed_origins.clone().unwrap_or_default()),
        ..crate::demo_data::token_defaults()
    }
}

/// `POST /v1/tenants/{tenantId}/clients`
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(tenant): Path<String>,
    body: Bytes,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    allow(&caller, Operation::Create, None)?;
    let req: CreateClientRequest = parse_body(&body)?;
    let issues = validate_create(&req);
    if !issues.is_empty() {
        return Err(Problem::validation(to_errors_map(&issues, Body::Create)));
    }
    let client = client_from_create(&req, new_client_id(), new_secret());
    state.store().put(&tenant, &client).map_err(internal)?;
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
pub async fn get_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, id)): Path<(String, String)>,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    // Read permission first, so a caller without it cannot probe which ids exist.
    allow(&caller, Operation::Read, None)?;
    let client = load(&state, &tenant, &id)?;
    Ok(json_answer(
        StatusCode::OK,
        client_json_for(&state, &caller, &client),
    ))
}

fn set_string(target: &mut Option<String>, value: &Option<String>) {
    if let Some(v) = value {
        *target = (!v.is_empty()).then(|| v.clone());
    }
}

fn set_list(target: &mut Option<Vec<String>>, value: &Option<Vec<String>>) {
    if let Some(v) = value {
        *target = Some(v.clone());
    }
}

fn merge_mobile(target: &mut Option<Mobile>, patch: &Mobile) {
    let m = target.get_or_insert_with(Mobile::default);
    if let Some(p) = &patch.ios {
        let ios = m.ios.get_or_insert_with(Default::default);
        set_string(&mut ios.team_id, &p.team_id);
        set_string(&mut ios.app_bundle_identifier, &p.app_bundle_identifier);
        if ios.team_id.is_none() && ios.app_bundle_identifier.is_none() {
            m.ios = None;
        }
    }
    if let Some(p) = &patch.android {
        let android = m.android.get_or_insert_with(Default::default);
        set_string(&mut android.keystore_hash, &p.keystore_hash);
        set_string(&mut android.app_package_name, &p.app_package_name);
        if android.keystore_hash.is_none() && android.app_package_name.is_none() {
            m.android = None;
        }
    }
    if m.ios.is_none() && m.android.is_none() {
        *target = None;
    }
}

/// Applies a PATCH body: absent/null = unchanged, `[]` clears a list, `""`
/// clears a string, each present mobile sub-field replaces.
pub fn apply_update(client: &mut NexusClient, req: &UpdateClientRequest) {
    if let Some(m) = &req.mobile {
        merge_mobile(&mut client.mobile, m);
    }
    set_list(&mut client.owners, &req.owners);
    set_string(&mut client.product_name, &req.product_name);
    set_list(&mut client.callback_urls, &req.callback_urls);
    set_string(&mut client.client_upn_key, &req.client_upn_key);
    set_string(&mut client.application_name, &req.application_name);
    set_list(&mut client.allowed_logout_urls, &req.allowed_logout_urls);
    set_list(&mut client.allowed_web_origins, &req.allowed_web_origins);
    set_list(&mut client.allowed_cors_origins, &req.allowed_cors_origins);
}

/// `PATCH /v1/tenants/{tenantId}/clients/{clientId}`
pub async fn patch(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    let mut client = load(&state, &tenant, &id)?;
    allow(&caller, Operation::Edit, Some(&client))?;
    let req: UpdateClientRequest = parse_body(&body)?;
    let issues = validate_update(&req);
    if !issues.is_empty() {
        return Err(Problem::validation(to_errors_map(&issues, Body::Update)));
    }
    apply_update(&mut client, &req);
    state.store().put(&tenant, &client).map_err(internal)?;
    Ok(json_answer(
        StatusCode::OK,
        client_json_for(&state, &caller, &client),
    ))
}

/// `DELETE /v1/tenants/{tenantId}/clients/{clientId}`
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, id)): Path<(String, String)>,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    let client = load(&state, &tenant, &id)?;
    allow(&caller, Operation::Delete, Some(&client))?;
    state.store().delete(&tenant, &id).map_err(internal)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /v1/tenants/{tenantId}/clients/{clientId}/rotate-secret`
pub async fn rotate_secret(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, id)): Path<(String, String)>,
) -> ApiResult {
    let caller = authenticate(&state, &headers)?;
    check_tenant(&tenant)?;
    let mut client = load(&state, &tenant, &id)?;
    allow(&caller, Operation::RotateSecret, Some(&client))?;
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
        if let Some(why) = client.rotation_unavailable() {
            return Err(Problem::bad_request(format!(
                "The secret of client '{id}' cannot be rotated. {why}"
            )));
        }
    }
    client.secret = Some(new_secret());
    state.store().put(&tenant, &client).map_err(internal)?;
    Ok(json_answer(StatusCode::OK, client_json(&state, &client)))
}
