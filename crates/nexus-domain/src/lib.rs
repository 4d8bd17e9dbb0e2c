//! Pure domain core of the Nexus Clients Console.
//!
//! Everything here compiles and is tested on the host: no browser types, no
//! server types. The console (wasm) and the local stand-in (`nexus-devserver`)
//! both build on it, so the permission rules and validation are one piece of
//! code on both sides.

// First: its `field_slots!` macro is used by the modules below.
#[macro_use]
pub mod field;
pub mod base_path;
pub mod bulk;
pub mod claims;
pub mod client;
pub mod create;
pub mod diff;
pub mod display;
pub mod export;
pub mod i18n;
pub mod import;
#[macro_use]
mod lenient;
pub mod list;
pub mod list_query;
pub mod paging;
pub mod percent;
pub mod permissions;
pub mod problem;
pub mod retry_after;
pub mod update;
pub mod url_rules;
pub mod validation;

pub use base_path::{BasePath, BasePathError};
pub use claims::{caller_from_jwt, ClaimNames};
pub use client::{ClientAuthMethod, ClientType, Mobile, MobileAndroid, MobileIos, NexusClient};
pub use create::{ClientMetadata, CreateClientRequest, CreateDraft};
pub use diff::{Change, EditDraft};
pub use field::Field;
pub use i18n::{Catalog, Locale};
pub use list::decode_client_list;
pub use permissions::{Caller, Decision, Operation};
pub use problem::{FieldError, ProblemDetails};
pub use update::UpdateClientRequest;
