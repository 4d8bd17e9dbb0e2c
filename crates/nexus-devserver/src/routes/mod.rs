//! HTTP handlers: the contract's client routes and the dev-only routes.

pub mod clients;
pub mod dev;
