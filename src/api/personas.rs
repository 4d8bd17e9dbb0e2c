//! The local stand-in's demo personas (`GET /dev/personas`). A real Nexus
//! has no such route: any failure simply means "no personas".

use super::http::{exchange, Method};
use nexus_domain::client::REDACTED;
use serde::Deserialize;
use std::fmt;

/// One demo persona with a signed token (left out of its `Debug`).
#[derive(Clone, PartialEq, Deserialize)]
pub struct Persona {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
    pub token: String,
}

/// Demo Basic credentials (the password left out of its `Debug`).
#[derive(Clone, PartialEq, Deserialize)]
pub struct BasicAccount {
    pub id: String,
    pub label: String,
    pub username: String,
    pub password: String,
}

impl fmt::Debug for Persona {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Persona")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("description", &self.description)
            .field("token", &REDACTED)
            .finish()
    }
}

impl fmt::Debug for BasicAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasicAccount")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("username", &self.username)
            .field("password", &REDACTED)
            .finish()
    }
}

/// The stand-in's answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DevPersonas {
    #[serde(default)]
    pub tenant_id: Option<String>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub basic: Vec<BasicAccount>,
}

/// Asks `{api_base}/dev/personas`; `None` when it is not there.
pub async fn fetch_personas(api_base: &str) -> Option<DevPersonas> {
    let url = format!("{api_base}/dev/personas");
    let headers = [("Accept".to_string(), "application/json".to_string())];
    let resp = exchange(
        &nexus_domain::i18n::EN,
        Method::GET,
        &url,
        &headers,
        None,
        5000,
    )
    .await
    .ok()?;
    if resp.status != 200 {
        return None;
    }
    serde_json::from_str::<DevPersonas>(&resp.body)
        .ok()
        .filter(|p| !p.personas.is_empty() || !p.basic.is_empty())
}
