//! Credentials and the signed-in caller. Tokens live in memory and, so a
//! reload keeps the session, in sessionStorage; never in localStorage.

mod checks;
mod credentials;
mod session;

pub use checks::{check_basic, check_bearer, CredentialsProblem};
pub use credentials::Credentials;
pub use session::{use_auth, Auth, HostTokenSource, Persist};
