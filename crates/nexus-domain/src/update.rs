//! The PATCH body (`UpdateClientRequest`, camelCase). Absent means
//! "unchanged", so every field is optional and omitted when `None`.

use crate::client::Mobile;
use crate::field::Field;
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

    /// Where a changed text field goes in the body (the diff writes there);
    /// `None` for a field the update cannot change (the diff's tests check
    /// that every editable field has a slot of its own). A mobile value
    /// creates its platform, and only that one, on the way.
    pub fn text_slot(&mut self, field: Field) -> Option<&mut Option<String>> {
        let mobile = &mut self.mobile;
        match field {
            Field::ProductName => Some(&mut self.product_name),
            Field::ApplicationName => Some(&mut self.application_name),
            Field::ClientUpnKey => Some(&mut self.client_upn_key),
            Field::IosTeamId => Some(&mut ios(mobile).team_id),
            Field::IosBundleId => Some(&mut ios(mobile).app_bundle_identifier),
            Field::AndroidKeystoreHash => Some(&mut android(mobile).keystore_hash),
            Field::AndroidPackageName => Some(&mut android(mobile).app_package_name),
            _ => None,
        }
    }

    /// Where a changed list field goes in the body, as [`Self::text_slot`].
    pub fn list_slot(&mut self, field: Field) -> Option<&mut Option<Vec<String>>> {
        match field {
            Field::Owners => Some(&mut self.owners),
            Field::CallbackUrls => Some(&mut self.callback_urls),
            Field::LogoutUrls => Some(&mut self.allowed_logout_urls),
            Field::WebOrigins => Some(&mut self.allowed_web_origins),
            Field::CorsOrigins => Some(&mut self.allowed_cors_origins),
            _ => None,
        }
    }

    /// A text field's value in the body, when sent (for validation).
    pub fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::ProductName => self.product_name.as_deref(),
            Field::ApplicationName => self.application_name.as_deref(),
            Field::ClientUpnKey => self.client_upn_key.as_deref(),
            _ => self.mobile.as_ref()?.text(field),
        }
    }

    /// A list field's items in the body, when sent (for validation).
    pub fn list(&self, field: Field) -> Option<&Vec<String>> {
        let list = match field {
            Field::Owners => &self.owners,
            Field::CallbackUrls => &self.callback_urls,
            Field::LogoutUrls => &self.allowed_logout_urls,
            Field::WebOrigins => &self.allowed_web_origins,
            Field::CorsOrigins => &self.allowed_cors_origins,
            _ => return None,
        };
        list.as_ref()
    }
}

fn ios(mobile: &mut Option<Mobile>) -> &mut crate::client::MobileIos {
    mobile.get_or_insert_default().ios.get_or_insert_default()
}

fn android(mobile: &mut Option<Mobile>) -> &mut crate::client::MobileAndroid {
    mobile
        .get_or_insert_default()
        .android
        .get_or_insert_default()
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
