//! Credentials and the signed-in caller. Tokens live in memory and, so a
//! reload keeps the session, in sessionStorage; never in localStorage.

mod credentials;
mod session;

pub use credentials::Credentials;
pub use session::{use_auth, Auth, HostTokenSource, Persist};
