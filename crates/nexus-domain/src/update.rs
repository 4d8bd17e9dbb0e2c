//! The PATCH body (`UpdateClientRequest`, camelCase). Absent means
//! "unchanged", so every field is optional and omitted when `None`.

use crate::client::Mobile;
use crate::lenient;
use serde::{Deserialize, Serialize};

/// The PATCH body: only the fields that changed are present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateClientRequest {
    #[serde(
        default,
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile: Option<Mobile>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub owners: Option<Vec<String>>,
    #[serde(
        rename = "productName",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_name: Option<String>,
    #[serde(
        rename = "callbackUrls",
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_urls: Option<Vec<String>>,
    #[serde(
        rename = "client_upn_key",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_upn_key: Option<String>,
    #[serde(
        rename = "applicationName",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub application_name: Option<String>,
    #[serde(
        rename = "allowedLogoutUrls",
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_logout_urls: Option<Vec<String>>,
    #[serde(
        rename = "allowedWebOrigins",
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_web_origins: Option<Vec<String>>,
    #[serde(
        rename = "allowedCorsOrigins",
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_cors_origins: Option<Vec<String>>,
}

impl UpdateClientRequest {
    /// True when nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == UpdateClientRequest::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_fields_are_omitted() {
        let r = UpdateClientRequest {
            product_name: Some("Shop".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"productName":"Shop"}"#
        );
        assert_eq!(
            serde_json::to_string(&UpdateClientRequest::default()).unwrap(),
            "{}"
        );
        let cleared = UpdateClientRequest {
            callback_urls: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&cleared).unwrap(),
            r#"{"callbackUrls":[]}"#
        );
    }
}
