//! Typed calls to the Nexus clients API.

use super::http::{exchange, prefetched, Method, RawResponse};
use super::paths::{client_url, clients_url};
use super::ApiError;
use crate::auth::Auth;
use crate::config::AppConfig;
use leptos::prelude::*;
use nexus_domain::i18n::EN;
use nexus_domain::list::{decode_client_list, ClientPage};
use nexus_domain::paging::{NextPage, PagedList, Pager};
use nexus_domain::{
    Catalog, CreateClientRequest, NexusClient, ProblemDetails, UpdateClientRequest,
};
use serde::de::DeserializeOwned;

/// The Nexus API for one tenant, with the session's credentials. `Copy`:
/// closures and tasks take it as they take a signal, with no clone.
///
/// Its settings live in the reactive arena, owned by whoever called
/// [`NexusApi::new`] (the mounted console): they go when that console is
/// unmounted, and a call that starts after that fails as not sent.
#[derive(Clone, Copy)]
pub struct NexusApi {
    settings: StoredValue<Settings>,
    auth: Auth,
}

/// What the API needs of the configuration.
struct Settings {
    /// The console's catalog: the words of problems made on this side.
    t: &'static Catalog,
    base: String,
    tenant: String,
    app_token_header: String,
    timeout_ms: u32,
}

/// A client answered for route `id` must be that client: a body with another
/// id is refused; one with no id takes the route's.
fn same_client(t: &Catalog, c: NexusClient, id: &str, what: &str) -> Result<NexusClient, ApiError> {
    let mut c = a_client(t, c, what)?;
    match c.id.as_deref() {
        Some(got) if got != id => Err(ApiError::Decode((t.api.other_client)(what, got, id))),
        Some(_) => Ok(c),
        None => {
            c.id = Some(id.to_string());
            Ok(c)
        }
    }
}

/// A JSON object with none of a client's fields (`{"items": …}`, say) is
/// not a client: taking it for one showed "Client “(unnamed client)”
/// created" with no id, or an "updated" client with every field gone.
fn a_client(t: &Catalog, c: NexusClient, what: &str) -> Result<NexusClient, ApiError> {
    if c == NexusClient::default() {
        return Err(ApiError::Decode((t.api.no_fields)(what)));
    }
    Ok(c)
}

/// The problem an error answer carries: its body read as a problem, and
/// the wait its `Retry-After` header asks for (seconds, or an HTTP date
/// measured against the browser's clock).
fn problem_of(t: &Catalog, resp: &RawResponse) -> ProblemDetails {
    let mut p =
        ProblemDetails::from_response(t, resp.status, resp.content_type.as_deref(), &resp.body);
    p.retry_after = resp
        .retry_after
        .as_deref()
        .and_then(|v| nexus_domain::retry_after::seconds_to_wait(v, crate::dom::now_seconds()));
    p
}

/// Why a page after the first could not be read, for the partial-list
/// notice. No answer at all is a dropped connection, or the browser refusing
/// the address (a `next` link, or a redirect, to a place the page's CSP
/// `connect-src` does not allow): fetch cannot tell the two apart.
fn later_page_failure(t: &Catalog, e: &ApiError) -> String {
    match e {
        ApiError::Network(_) => t.api.later_page_no_answer.into(),
        _ => {
            let p = e.problem(t);
            p.detail.or(p.title).unwrap_or_default()
        }
    }
}

/// The API from context.
pub fn use_api() -> NexusApi {
    expect_context::<NexusApi>()
}

fn looks_like_html(r: &RawResponse) -> bool {
    r.content_type
        .as_deref()
        .is_some_and(|c| c.contains("html"))
        || r.body.trim_start().starts_with('<')
}

fn decode<T: DeserializeOwned>(t: &Catalog, r: &RawResponse, what: &str) -> Result<T, ApiError> {
    let a = &t.api;
    if looks_like_html(r) {
        return Err(ApiError::Decode((a.html_instead)(what)));
    }
    // Straight into the type (no `serde_json::Value` in between): every
    // field decodes tolerantly, so only a body that is not a JSON object fails.
    if !r.body.trim_start().starts_with('{') {
        return Err(
            match serde_json::from_str::<serde::de::IgnoredAny>(&r.body) {
                Err(e) => ApiError::Decode((a.not_json)(what, &e.to_string())),
                Ok(_) => ApiError::Decode((a.not_object)(what)),
            },
        );
    }
    serde_json::from_str(&r.body).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ApiError::Decode((a.not_json)(what, &e.to_string()))
        } else {
            ApiError::Decode((a.unreadable)(what, &e.to_string()))
        }
    })
}

impl NexusApi {
    /// The API for `tenant`, as `config` describes it, sending `auth`'s
    /// credentials. Call it once per mounted console, under its owner.
    pub fn new(config: &AppConfig, tenant: String, auth: Auth, t: &'static Catalog) -> Self {
        NexusApi {
            settings: StoredValue::new(Settings {
                t,
                base: config.api_base(),
                tenant,
                app_token_header: config.application_token_header.clone(),
                timeout_ms: config.request_timeout_ms,
            }),
            auth,
        }
    }

    /// Reads the settings; `NotSent` once the console that owns them is gone.
    fn with_settings<R>(&self, f: impl FnOnce(&Settings) -> R) -> Result<R, ApiError> {
        self.settings
            .try_with_value(f)
            .ok_or_else(|| ApiError::NotSent(EN.api.console_closed.into()))
    }

    /// The console's catalog (English once the console is gone).
    fn t(&self) -> &'static Catalog {
        self.settings.try_with_value(|s| s.t).unwrap_or(&EN)
    }

    fn clients_url(&self) -> Result<String, ApiError> {
        self.with_settings(|s| clients_url(&s.base, &s.tenant))
    }

    fn client_url(&self, id: &str) -> Result<String, ApiError> {
        self.with_settings(|s| client_url(&s.base, &s.tenant, id))?
    }

    /// Sends with credentials; on 401 asks the session to renew them once and
    /// retries (the rejected request changed nothing, so a retry is safe).
    async fn send(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
    ) -> Result<RawResponse, ApiError> {
        let (app_token_header, timeout_ms, t) =
            self.with_settings(|s| (s.app_token_header.clone(), s.timeout_ms, s.t))?;
        let mut renewed = false;
        loop {
            let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
            if body.is_some() {
                headers.push(("Content-Type".into(), "application/json".into()));
            }
            // After a renewal the fresh credentials are in the session already
            // (a host was just asked with forceRefresh: don't ask it again).
            let used = if renewed {
                self.auth.credentials_now()
            } else {
                self.auth.credentials_for_request().await
            };
            if let Some(c) = &used {
                headers.push(("Authorization".into(), c.authorization()));
                if let Some(app) = c.app_token() {
                    headers.push((app_token_header.clone(), app.to_string()));
                }
            }
            let resp = match prefetched(method, url, &headers, timeout_ms).await? {
                Some(resp) => resp,
                None => exchange(t, method, url, &headers, body.clone(), timeout_ms).await?,
            };
            if resp.status == 401 {
                if !renewed && self.auth.renew(used.as_ref()).await {
                    renewed = true;
                    continue;
                }
                return Err(ApiError::Unauthorized(Box::new(problem_of(t, &resp))));
            }
            if !(200..300).contains(&resp.status) {
                return Err(ApiError::Problem(Box::new(problem_of(t, &resp))));
            }
            return Ok(resp);
        }
    }

    fn json<B: serde::Serialize>(&self, body: &B) -> Result<String, ApiError> {
        serde_json::to_string(body)
            .map_err(|e| ApiError::NotSent((self.t().api.not_encoded)(&e.to_string())))
    }

    /// Every client of the tenant, searched in the browser. A server that
    /// pages (a wrapped list with `total`, or `next` links) is followed page by
    /// page as [`Pager`] decides: only links on the API's own origin, no URL
    /// twice, clients de-duplicated by id, within [`nexus_domain::paging`]'s
    /// caps. When it stops early, or a later page fails, the pages already
    /// read are kept, the list stays marked partial (`total`/`next` set) and
    /// `stopped` says why.
    pub async fn list_clients(&self) -> Result<PagedList, ApiError> {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let first = self.clients_url()?;
        let mut pager = Pager::new(&first, &origin);
        // The first page at the URL as configured (the pager keeps it
        // absolute only for its own bookkeeping): exactly the request the
        // boot script may have started already (crate::boot).
        let mut step = pager.absorb(self.list_page(&first).await?);
        while let NextPage::Fetch(url) = step {
            match self.list_page(&url).await {
                Ok(more) => step = pager.absorb(more),
                Err(e @ ApiError::Unauthorized(_)) => return Err(e),
                Err(e) => {
                    pager.fail(later_page_failure(self.t(), &e));
                    break;
                }
            }
        }
        Ok(pager.finish())
    }

    async fn list_page(&self, url: &str) -> Result<ClientPage, ApiError> {
        let resp = self.send(Method::GET, url, None).await?;
        if looks_like_html(&resp) {
            let t = self.t();
            return Err(ApiError::Decode((t.api.html_instead)(
                t.api.the_client_list,
            )));
        }
        decode_client_list(&resp.body).map_err(|e| ApiError::Decode(e.message(self.t())))
    }

    /// One client.
    pub async fn get_client(&self, id: &str) -> Result<NexusClient, ApiError> {
        let resp = self.send(Method::GET, &self.client_url(id)?, None).await?;
        let t = self.t();
        let what = t.api.the_client;
        same_client(t, decode(t, &resp, what)?, id, what)
    }

    /// Creates a client; the answer carries the new secret.
    pub async fn create_client(&self, body: &CreateClientRequest) -> Result<NexusClient, ApiError> {
        let resp = self
            .send(Method::POST, &self.clients_url()?, Some(self.json(body)?))
            .await?;
        let t = self.t();
        let what = t.api.the_new_client;
        let created = a_client(t, decode(t, &resp, what)?, what)?;
        if created.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
            // Created (2xx), but there is no way to open it from here.
            return Err(ApiError::Decode(t.api.created_no_id.into()));
        }
        Ok(created)
    }

    /// Updates the changed fields of a client.
    pub async fn update_client(
        &self,
        id: &str,
        body: &UpdateClientRequest,
    ) -> Result<NexusClient, ApiError> {
        let resp = self
            .send(Method::PATCH, &self.client_url(id)?, Some(self.json(body)?))
            .await?;
        let t = self.t();
        let what = t.api.the_updated_client;
        same_client(t, decode(t, &resp, what)?, id, what)
    }

    /// Deletes a client.
    pub async fn delete_client(&self, id: &str) -> Result<(), ApiError> {
        self.send(Method::DELETE, &self.client_url(id)?, None)
            .await
            .map(|_| ())
    }

    /// Rotates a client's secret; the answer carries the new one.
    pub async fn rotate_secret(&self, id: &str) -> Result<NexusClient, ApiError> {
        let url = format!("{}/rotate-secret", self.client_url(id)?);
        let resp = self.send(Method::POST, &url, None).await?;
        let t = self.t();
        let c = same_client(
            t,
            decode(t, &resp, t.api.the_client_new_secret)?,
            id,
            t.api.the_rotated_client,
        )?;
        if c.secret.as_deref().is_none_or(|s| s.trim().is_empty()) {
            // The rotation happened, but the new secret never reached us.
            return Err(ApiError::Decode(t.api.rotated_no_secret.into()));
        }
        Ok(c)
    }

    /// The API base, for the dev personas lookup (empty once the console
    /// is gone).
    pub fn base(&self) -> String {
        self.with_settings(|s| s.base.clone()).unwrap_or_default()
    }
}
