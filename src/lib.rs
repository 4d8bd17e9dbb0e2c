//! Nexus Clients Console: a Leptos (CSR) admin console for the auth clients
//! of a Nexus tenant.
//!
//! One direction of flow: `config` → `auth` → `api` → domain (the
//! `nexus-domain` crate) → `components` / `pages`. Only `api` knows URLs,
//! headers and status codes; views ask the domain for every rule.

pub mod api;
pub mod app;
pub mod auth;
pub mod boot;
pub mod bulk_runner;
pub mod chunks;
pub mod components;
pub mod config;
pub mod deadline;
pub mod dom;
pub mod embed;
pub mod fatal;
pub mod fetch;
pub mod i18n;
pub mod pages;
pub mod routes;

pub use app::start_standalone;
