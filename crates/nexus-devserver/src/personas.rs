//! Demo personas (signed bearer tokens) and demo Basic credentials.

use crate::tokens::{dev_claims, sign};
use nexus_domain::permissions::{Claims, READ, WRITE, WRITE_ALL};
use serde::Serialize;

/// Lifetime of a persona token: 12 hours.
pub const PERSONA_TTL_SECS: i64 = 12 * 3600;

/// A persona as `GET /dev/personas` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Persona {
    /// `admin`, `owner` or `viewer`.
    pub id: &'static str,
    /// Short label for a picker.
    pub label: &'static str,
    /// What the persona may do.
    pub description: &'static str,
    /// A freshly signed bearer token.
    pub token: String,
}

/// Demo Basic credentials as `GET /dev/personas` lists them.
#[derive(Debug, Clone, Serialize)]
pub struct BasicUser {
    /// `basic-admin` or `basic-viewer`.
    pub id: &'static str,
    /// Short label.
    pub label: &'static str,
    /// The Basic user name.
    pub username: &'static str,
    /// The Basic password.
    pub password: &'static str,
}

struct Spec {
    id: &'static str,
    label: &'static str,
    description: &'static str,
    sub: &'static str,
    name: &'static str,
    permissions: &'static [&'static str],
    roles: &'static [&'static str],
    products: &'static [&'static str],
}

const SPECS: [Spec; 3] = [
    Spec {
        id: "admin",
        label: "Ada Admin (client.write.all)",
        description: "Reads and writes every client of the tenant.",
        sub: "admin-1",
        name: "Ada Admin",
        permissions: &[READ, WRITE_ALL],
        roles: &[],
        products: &[],
    },
    Spec {
        id: "owner",
        label: "Pat Product-Owner (client.write)",
        description: "Writes clients they own (user po-shop-1 or role team-shop) and clients of the Shop product; reads all.",
        sub: "po-shop-1",
        name: "Pat Product-Owner",
        permissions: &[READ, WRITE],
        roles: &["team-shop"],
        products: &["Shop"],
    },
    Spec {
        id: "viewer",
        label: "Vic Viewer (client.read)",
        description: "Reads clients; cannot create, edit, rotate or delete.",
        sub: "viewer-1",
        name: "Vic Viewer",
        permissions: &[READ],
        roles: &[],
        products: &[],
    },
];

/// The personas with tokens signed now with `secret`.
pub fn personas(secret: &[u8], issued_ms: i64) -> Vec<Persona> {
    SPECS
        .iter()
        .map(|s| Persona {
            id: s.id,
            label: s.label,
            description: s.description,
            token: sign(
                secret,
                &dev_claims(
                    s.sub,
                    s.name,
                    s.permissions,
                    s.roles,
                    s.products,
                    issued_ms,
                    PERSONA_TTL_SECS,
                ),
            ),
        })
        .collect()
}

/// The shared demo password of the Basic users.
pub const BASIC_PASSWORD: &str = "demo-password";

/// The demo Basic users.
pub const BASIC_USERS: [BasicUser; 2] = [
    BasicUser {
        id: "basic-admin",
        label: "demo-admin (full rights)",
        username: "demo-admin",
        password: BASIC_PASSWORD,
    },
    BasicUser {
        id: "basic-viewer",
        label: "demo-viewer (read only)",
        username: "demo-viewer",
        password: BASIC_PASSWORD,
    },
];

/// The claims the server enforces for a Basic user, if the credentials match.
pub fn basic_claims(username: &str, password: &str) -> Option<Claims> {
    let user = BASIC_USERS
        .iter()
        .find(|u| u.username == username && u.password == password)?;
    let permissions: &[&str] = if user.id == "basic-admin" {
        &[READ, WRITE_ALL]
    } else {
        &[READ]
    };
    Some(Claims {
        user_id: Some(user.username.to_string()),
        name: Some(user.label.to_string()),
        permissions: permissions.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    })
}
