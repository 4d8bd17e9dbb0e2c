use nexus_domain::{caller_from_jwt, Caller, ClaimNames};
use serde::{Deserialize, Serialize};

/// What the console sends to prove who the user is. `Debug` leaves the
/// token and the password out (a log line must not carry them).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Credentials {
    /// A bearer token (a JWT, or an opaque token), plus the optional
    /// application token the Nexus API pairs with it.
    Bearer {
        token: String,
        app_token: Option<String>,
    },
    /// HTTP Basic credentials.
    Basic { username: String, password: String },
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::Bearer { app_token, .. } => f
                .debug_struct("Bearer")
                .field("token", &"[redacted]")
                .field("app_token", &app_token.as_ref().map(|_| "[redacted]"))
                .finish(),
            Credentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &"[redacted]")
                .finish(),
        }
    }
}

impl Credentials {
    /// The `Authorization` header value.
    pub fn authorization(&self) -> String {
        match self {
            Credentials::Bearer { token, .. } => format!("Bearer {}", token.trim()),
            Credentials::Basic { username, password } => {
                use base64::Engine;
                // UTF-8 bytes (RFC 7617), not btoa, which fails outside Latin-1.
                let encoded = base64::engine::general_purpose::STANDARD
                    .encode(format!("{username}:{password}"));
                format!("Basic {encoded}")
            }
        }
    }

    /// The application token, when one goes with the bearer token.
    pub fn app_token(&self) -> Option<&str> {
        match self {
            Credentials::Bearer { app_token, .. } => {
                app_token.as_deref().filter(|t| !t.trim().is_empty())
            }
            Credentials::Basic { .. } => None,
        }
    }

    /// The caller these credentials describe: claims from a JWT, or unknown.
    pub fn caller(&self, names: &ClaimNames) -> Caller {
        match self {
            Credentials::Bearer { token, .. } => caller_from_jwt(token, names),
            Credentials::Basic { .. } => Caller::Unknown,
        }
    }

    /// A short description for the header ("Basic: demo-admin").
    pub fn describe(&self, t: &nexus_domain::Catalog) -> String {
        match self {
            Credentials::Bearer { .. } => t.sign_in.bearer_described.into(),
            Credentials::Basic { username, .. } => (t.sign_in.basic_described)(username),
        }
    }
}
