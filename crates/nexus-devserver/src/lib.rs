//! `nexus-devserver`: a local stand-in for the Nexus clients API.
//!
//! Same routes, permission rules (from `nexus-domain`) and problem details as
//! the contract (`/work/shared/api/nexus-clients.openapi.yaml`), with SQLite
//! storage, demo personas with signed dev tokens, fault injection, and an
//! optional CDN-like static server for a built console.

pub mod access;
pub mod auth;
pub mod client_rules;
pub mod config;
pub mod demo_data;
pub mod dev_guard;
pub mod faults;
pub mod listing;
pub mod loopback;
pub mod personas;
pub mod problems;
pub mod routes;
pub mod state;
pub mod static_files;
pub mod store;
pub mod tokens;

pub use config::{Command, Config, ListShape, Storage};
pub use state::AppState;

use axum::http::{header, HeaderValue, Method};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{any, get, post};
use axum::Router;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Whether a browser origin is local (`http://127.0.0.1:*` or `http://localhost:*`).
pub fn is_local_origin(origin: &[u8]) -> bool {
    let Ok(o) = std::str::from_utf8(origin) else {
        return false;
    };
    ["http://127.0.0.1", "http://localhost"]
        .iter()
        .any(|prefix| {
            o.strip_prefix(prefix).is_some_and(|rest| {
                rest.is_empty()
                    || rest
                        .strip_prefix(':')
                        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            })
        })
}

fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin: &HeaderValue, _| {
            is_local_origin(origin.as_bytes())
        }))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        // Mirrored: a console may name its application-token header anything.
        .allow_headers(tower_http::cors::AllowHeaders::mirror_request())
        .expose_headers([header::LOCATION, header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// The whole application: API routes under `/v1`, dev routes under `/dev`
/// (loopback hosts and JSON bodies only: [`dev_guard`]), and the static
/// console (if configured) for everything else.
pub fn app(state: AppState) -> Router {
    use routes::{clients, dev};
    let api = Router::new()
        .route(
            "/v1/tenants/{tenant}/clients",
            get(clients::list).post(clients::create),
        )
        .route(
            "/v1/tenants/{tenant}/clients/{id}",
            get(clients::get_one)
                .patch(clients::patch)
                .delete(clients::delete),
        )
        .route(
            "/v1/tenants/{tenant}/clients/{id}/rotate-secret",
            post(clients::rotate_secret),
        )
        .route("/v1", any(not_found))
        .route("/v1/", any(not_found))
        .route("/v1/{*rest}", any(not_found))
        .layer(from_fn(problems::fill_instance))
        .layer(from_fn_with_state(state.clone(), faults::inject));
    let dev = Router::new()
        .route("/dev/personas", get(dev::list_personas))
        .route("/dev/revoke-tokens", post(dev::revoke_tokens))
        .route(
            "/dev/faults",
            post(dev::add_fault).delete(dev::clear_faults),
        )
        .route("/dev/health", get(dev::health))
        .layer(from_fn(dev_guard::guard));
    Router::new()
        .merge(api)
        .merge(dev)
        .fallback(static_files::serve)
        // gzip when the client asks, as a CDN or nginx in front would: the
        // preview's transfer sizes (and a 10,000-client list) are then real.
        // At the fastest level, as nginx's default (gzip_comp_level 1): the
        // default level spent about 0.4 s per 7.5 MB list, which made the
        // stand-in, not the console, the slowest part of a 10,000-client
        // first render (bash scripts/bench.sh prints its time per request).
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest),
        )
        .layer(cors())
        .with_state(state)
}

async fn not_found(uri: axum::http::Uri) -> problems::Problem {
    problems::Problem::not_found(format!("No API route matches '{}'.", uri.path()))
}
