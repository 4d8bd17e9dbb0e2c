//! The only layer that knows URLs, headers and status codes. Every call
//! returns a typed value or an [`ApiError`]; nothing here panics on any body.

mod error;
mod http;
mod nexus;
mod paths;
mod personas;

pub use error::{ApiError, Outcome};
pub use nexus::{use_api, NexusApi};
pub use personas::{fetch_personas, BasicAccount, DevPersonas, Persona};
