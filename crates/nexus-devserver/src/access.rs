//! Who may do what to which client: one extractor, [`Allowed`], runs the
//! checks every API route needs before its handler, in one fixed order.
//!
//! 1. Who is calling: 401, or 403 for a token that names no permissions
//!    ([`authenticate`]).
//! 2. The tenant: 404.
//! 3. For reading and creating, the permission (403) before the client is
//!    looked up (404), so a caller who may not read cannot probe which ids
//!    exist. For the per-client writes (edit, rotate, delete) the client is
//!    looked up first (404): the decision depends on its owners and product.
//!
//! The request body is read after all of that (axum extracts it last), so a
//! refused caller's body is never parsed.

use crate::auth::{authenticate, decide_strictly};
use crate::config::TENANT_ID;
use crate::problems::Problem;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use nexus_domain::{Caller, NexusClient, Operation};
use std::collections::HashMap;
use std::marker::PhantomData;

/// An API route: the action its caller must be allowed, and what it acts on.
pub trait Route {
    /// The action checked with the domain's rules.
    const ACTION: Operation;
    /// What the handler gets: [`Collection`] or [`OneClient`].
    type Target: Target;
}

/// What a route acts on, found from the path's parameters.
pub trait Target: Sized + Send {
    /// Looks it up in `tenant` (already checked); a 404 when it is not there.
    fn load(
        state: &AppState,
        tenant: &str,
        params: &mut HashMap<String, String>,
    ) -> Result<Self, Problem>;

    /// The client, when the route is about one.
    fn client(&self) -> Option<&NexusClient>;
}

/// The tenant's clients as a whole (list, create): nothing to look up.
#[derive(Debug, Clone, Copy)]
pub struct Collection;

impl Target for Collection {
    fn load(_: &AppState, _: &str, _: &mut HashMap<String, String>) -> Result<Self, Problem> {
        Ok(Collection)
    }

    fn client(&self) -> Option<&NexusClient> {
        None
    }
}

/// The client the path's `{id}` names, as stored.
#[derive(Debug, Clone)]
pub struct OneClient {
    /// The id, as the path gave it.
    pub id: String,
    /// The stored client.
    pub client: NexusClient,
}

impl Target for OneClient {
    fn load(
        state: &AppState,
        tenant: &str,
        params: &mut HashMap<String, String>,
    ) -> Result<Self, Problem> {
        let id = params
            .remove("id")
            .ok_or_else(|| Problem::internal("The route has no {id} parameter."))?;
        let client = state
            .store()
            .get(tenant, &id)
            .map_err(Problem::internal)?
            .ok_or_else(|| {
                Problem::not_found(format!("Client '{id}' was not found in tenant '{tenant}'."))
            })?;
        Ok(OneClient { id, client })
    }

    fn client(&self) -> Option<&NexusClient> {
        Some(&self.client)
    }
}

/// Declares a route marker: its action and target.
macro_rules! routes {
    ($($(#[$doc:meta])* $name:ident: $action:ident on $target:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Route for $name {
            const ACTION: Operation = Operation::$action;
            type Target = $target;
        }
    )*};
}

routes! {
    /// `GET /v1/tenants/{tenant}/clients`
    ListClients: Read on Collection;
    /// `POST /v1/tenants/{tenant}/clients`
    CreateClient: Create on Collection;
    /// `GET /v1/tenants/{tenant}/clients/{id}`
    ReadClient: Read on OneClient;
    /// `PATCH /v1/tenants/{tenant}/clients/{id}`
    EditClient: Edit on OneClient;
    /// `DELETE /v1/tenants/{tenant}/clients/{id}`
    DeleteClient: Delete on OneClient;
    /// `POST /v1/tenants/{tenant}/clients/{id}/rotate-secret`
    RotateClientSecret: RotateSecret on OneClient;
}

/// A request that passed route `R`'s checks: who is calling, in which
/// tenant, and what it acts on.
#[derive(Debug)]
pub struct Allowed<R: Route> {
    /// The authenticated caller.
    pub caller: Caller,
    /// The tenant (the one this stand-in knows).
    pub tenant: String,
    /// What the route acts on.
    pub target: R::Target,
    route: PhantomData<R>,
}

/// Whether the domain decides `action` on a given client (its owners and
/// product) rather than on the caller's permissions alone.
fn decided_per_client(action: Operation) -> bool {
    match action {
        Operation::Edit | Operation::RotateSecret | Operation::Delete => true,
        Operation::Read | Operation::Create => false,
    }
}

fn allow(caller: &Caller, action: Operation, client: Option<&NexusClient>) -> Result<(), Problem> {
    match decide_strictly(caller, action, client).reason() {
        None => Ok(()),
        Some(reason) => Err(Problem::forbidden(reason)),
    }
}

impl<R: Route> Allowed<R> {
    /// The checks, in the order the module comment gives.
    fn check(
        state: &AppState,
        parts: &Parts,
        mut params: HashMap<String, String>,
    ) -> Result<Self, Problem> {
        let caller = authenticate(state, &parts.headers)?;
        let tenant = params
            .remove("tenant")
            .ok_or_else(|| Problem::internal("The route has no {tenant} parameter."))?;
        if tenant != TENANT_ID {
            return Err(Problem::not_found(format!(
                "Tenant '{tenant}' was not found."
            )));
        }
        let per_client = decided_per_client(R::ACTION);
        if !per_client {
            allow(&caller, R::ACTION, None)?;
        }
        let target = R::Target::load(state, &tenant, &mut params)?;
        if per_client {
            allow(&caller, R::ACTION, target.client())?;
        }
        Ok(Allowed {
            caller,
            tenant,
            target,
            route: PhantomData,
        })
    }
}

impl<R: Route> FromRequestParts<AppState> for Allowed<R> {
    /// A problem, or axum's own answer for a path it cannot read (which
    /// [`crate::problems::fill_instance`] turns into a problem).
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Self::check(state, parts, params).map_err(IntoResponse::into_response)
    }
}
