//! The auth client as the API returns it (`NexusClient` in the contract).

use crate::field::Field;
use crate::i18n::Catalog;
use crate::lenient;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// iOS settings of a native client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MobileIos {
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team_id: Option<String>,
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_bundle_identifier: Option<String>,
}

impl MobileIos {
    /// True when neither iOS value is set.
    pub fn is_empty(&self) -> bool {
        self.team_id.is_none() && self.app_bundle_identifier.is_none()
    }
}

/// Android settings of a native client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MobileAndroid {
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub keystore_hash: Option<String>,
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_package_name: Option<String>,
}

impl MobileAndroid {
    /// True when neither Android value is set.
    pub fn is_empty(&self) -> bool {
        self.keystore_hash.is_none() && self.app_package_name.is_none()
    }
}

/// Mobile device settings (same shape in responses, create and update bodies).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mobile {
    #[serde(
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub ios: Option<MobileIos>,
    #[serde(
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub android: Option<MobileAndroid>,
}

impl Mobile {
    /// A mobile field's value (`None`: not set, or not a mobile field). The
    /// same shape in responses and in both bodies, so each reads it here.
    pub fn text(&self, field: Field) -> Option<&str> {
        let (ios, android) = (self.ios.as_ref(), self.android.as_ref());
        match field {
            Field::IosTeamId => ios?.team_id.as_deref(),
            Field::IosBundleId => ios?.app_bundle_identifier.as_deref(),
            Field::AndroidKeystoreHash => android?.keystore_hash.as_deref(),
            Field::AndroidPackageName => android?.app_package_name.as_deref(),
            _ => None,
        }
    }

    /// True when no mobile value is set at all.
    pub fn is_empty(&self) -> bool {
        self.ios.as_ref().is_none_or(MobileIos::is_empty)
            && self.android.as_ref().is_none_or(MobileAndroid::is_empty)
    }
}

/// How the client authenticates at the token endpoint.
///
/// Arrives as a string in any spelling ("ClientSecretPost", "client_secret_post",
/// "CLIENTSECRETPOST") or as the ASP.NET enum integer 0/1/2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientAuthMethod {
    None,
    ClientSecretPost,
    ClientSecretBasic,
    /// Auth0's Private Key JWT: the secret cannot be rotated.
    PrivateKeyJwt,
    /// A value this console does not know, kept as sent.
    Other(String),
}

impl ClientAuthMethod {
    /// Parses any known spelling; unknown text is kept as `Other`.
    pub fn parse(raw: &str) -> Self {
        let key: String = raw
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "none" | "0" => Self::None,
            "clientsecretpost" | "1" => Self::ClientSecretPost,
            "clientsecretbasic" | "2" => Self::ClientSecretBasic,
            "privatekeyjwt" | "3" => Self::PrivateKeyJwt,
            _ => Self::Other(raw.to_string()),
        }
    }

    /// The contract's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::None => "None",
            Self::ClientSecretPost => "ClientSecretPost",
            Self::ClientSecretBasic => "ClientSecretBasic",
            Self::PrivateKeyJwt => "PrivateKeyJwt",
            Self::Other(s) => s,
        }
    }

    /// Words for a person.
    pub fn label(&self, t: &Catalog) -> String {
        match self {
            Self::None => t.types.auth_none.into(),
            Self::ClientSecretPost => t.types.auth_post.into(),
            Self::ClientSecretBasic => t.types.auth_basic.into(),
            Self::PrivateKeyJwt => t.types.auth_private_key_jwt.into(),
            Self::Other(s) => s.clone(),
        }
    }
}

impl Serialize for ClientAuthMethod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

fn auth_method<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ClientAuthMethod>, D::Error> {
    // Text or a number (read as its text); booleans are not a method.
    Ok(lenient::string(d)?
        .filter(|s| !s.trim().is_empty() && s != "true" && s != "false")
        .map(|s| ClientAuthMethod::parse(&s)))
}

/// The application types the console offers (Auth0 knows more; those are
/// shown as `Other`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClientType {
    RegularWeb,
    Spa,
    Native,
    NonInteractive,
    Other(String),
}

impl ClientType {
    /// The four types a new client can have, in the order the chooser shows them.
    pub const CREATABLE: [ClientType; 4] = [
        ClientType::RegularWeb,
        ClientType::Spa,
        ClientType::Native,
        ClientType::NonInteractive,
    ];

    /// Parses the wire value, tolerating case and `-`/space for `_`.
    pub fn parse(raw: &str) -> Self {
        match raw
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "regular_web" | "regularweb" => Self::RegularWeb,
            "spa" => Self::Spa,
            "native" => Self::Native,
            "non_interactive" | "noninteractive" => Self::NonInteractive,
            _ => Self::Other(raw.to_string()),
        }
    }

    /// The wire value (`app_type`).
    pub fn as_str(&self) -> &str {
        match self {
            Self::RegularWeb => "regular_web",
            Self::Spa => "spa",
            Self::Native => "native",
            Self::NonInteractive => "non_interactive",
            Self::Other(s) => s,
        }
    }

    /// Short name for a person.
    pub fn label<'a>(&'a self, t: &Catalog) -> &'a str {
        match self {
            Self::RegularWeb => t.types.regular_web,
            Self::Spa => t.types.spa,
            Self::Native => t.types.native,
            Self::NonInteractive => t.types.non_interactive,
            Self::Other(s) => s,
        }
    }

    /// One line on when to choose it.
    pub fn explanation(&self, t: &Catalog) -> &'static str {
        match self {
            Self::RegularWeb => t.types.regular_web_why,
            Self::Spa => t.types.spa_why,
            Self::Native => t.types.native_why,
            Self::NonInteractive => t.types.non_interactive_why,
            Self::Other(_) => t.types.other_why,
        }
    }

    /// Whether the type has users signing in through a browser (so callback
    /// and logout URLs matter).
    pub fn is_interactive(&self) -> bool {
        !matches!(self, Self::NonInteractive)
    }
}

impl fmt::Display for ClientType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(&crate::i18n::EN))
    }
}

/// An auth client as the API returns it. Every field may be null or absent;
/// unknown fields are ignored. Its `Debug` leaves the secret out (see
/// [`REDACTED`]).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
// camelCase on the wire, but for `type` and `client_upn_key`, which the
// contract spells as they are.
#[serde(default, rename_all = "camelCase")]
pub struct NexusClient {
    #[serde(deserialize_with = "lenient::string")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string")]
    pub name: Option<String>,
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub client_type: Option<String>,
    #[serde(deserialize_with = "lenient::object")]
    pub mobile: Option<Mobile>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub owners: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::string")]
    pub secret: Option<String>,
    #[serde(deserialize_with = "lenient::string")]
    pub logo_url: Option<String>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub grant_types: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::string")]
    pub product_name: Option<String>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub callback_urls: Option<Vec<String>>,
    #[serde(rename = "client_upn_key", deserialize_with = "lenient::string")]
    pub client_upn_key: Option<String>,
    #[serde(deserialize_with = "lenient::string")]
    pub application_name: Option<String>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub manually_created: Option<bool>,
    #[serde(deserialize_with = "auth_method")]
    pub client_auth_method: Option<ClientAuthMethod>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub allowed_logout_urls: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub allowed_web_origins: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::string_list")]
    pub allowed_cors_origins: Option<Vec<String>>,
    #[serde(deserialize_with = "lenient::int")]
    pub id_token_expiration: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub refresh_token_reuse_interval: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub refresh_token_absolute_lifetime: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub refresh_token_inactivity_lifetime: Option<i64>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_refresh_token_rotation_enabled: Option<bool>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_refresh_token_absolute_expiration_enabled: Option<bool>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_refresh_token_inactivity_lifetime_enabled: Option<bool>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub allow_cross_origin_authentication: Option<bool>,
}

/// What a `Debug` print shows instead of a secret, a token or a password:
/// logs, panic messages and test output must not carry them.
pub const REDACTED: &str = "[redacted]";

impl fmt::Debug for NexusClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NexusClient")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("client_type", &self.client_type)
            .field("mobile", &self.mobile)
            .field("owners", &self.owners)
            .field("secret", &self.secret.as_ref().map(|_| REDACTED))
            .field("logo_url", &self.logo_url)
            .field("grant_types", &self.grant_types)
            .field("product_name", &self.product_name)
            .field("callback_urls", &self.callback_urls)
            .field("client_upn_key", &self.client_upn_key)
            .field("application_name", &self.application_name)
            .field("manually_created", &self.manually_created)
            .field("client_auth_method", &self.client_auth_method)
            .field("allowed_logout_urls", &self.allowed_logout_urls)
            .field("allowed_web_origins", &self.allowed_web_origins)
            .field("allowed_cors_origins", &self.allowed_cors_origins)
            .field("id_token_expiration", &self.id_token_expiration)
            .field(
                "refresh_token_reuse_interval",
                &self.refresh_token_reuse_interval,
            )
            .field(
                "refresh_token_absolute_lifetime",
                &self.refresh_token_absolute_lifetime,
            )
            .field(
                "refresh_token_inactivity_lifetime",
                &self.refresh_token_inactivity_lifetime,
            )
            .field(
                "is_refresh_token_rotation_enabled",
                &self.is_refresh_token_rotation_enabled,
            )
            .field(
                "is_refresh_token_absolute_expiration_enabled",
                &self.is_refresh_token_absolute_expiration_enabled,
            )
            .field(
                "is_refresh_token_inactivity_lifetime_enabled",
                &self.is_refresh_token_inactivity_lifetime_enabled,
            )
            .field(
                "allow_cross_origin_authentication",
                &self.allow_cross_origin_authentication,
            )
            .finish()
    }
}

/// The type parsed from its wire value (shared by [`NexusClient`] and the
/// list's `ClientSummary`).
pub(crate) fn kind_of(wire: Option<&str>) -> Option<ClientType> {
    wire.map(ClientType::parse)
}

/// Terraform-managed: `manuallyCreated` is explicitly false. Unknown
/// (null/absent) counts as manual, since nothing says otherwise.
pub(crate) fn terraform_managed(manually_created: Option<bool>) -> bool {
    manually_created == Some(false)
}

/// The name to show: the name, else the id, else a placeholder.
pub(crate) fn name_to_show<'a>(name: Option<&'a str>, id: Option<&'a str>) -> &'a str {
    name.filter(|n| !n.trim().is_empty())
        .or(id)
        .unwrap_or("(unnamed client)")
}

impl NexusClient {
    /// The client's type, parsed.
    pub fn kind(&self) -> Option<ClientType> {
        kind_of(self.client_type.as_deref())
    }

    /// Terraform-managed (see [`terraform_managed`]).
    pub fn is_terraform_managed(&self) -> bool {
        terraform_managed(self.manually_created)
    }

    /// The name to show; falls back to the id, then to a placeholder.
    pub fn display_name(&self) -> String {
        name_to_show(self.name.as_deref(), self.id.as_deref()).to_string()
    }

    /// Whether this is a public client (a single-page or native app, or one
    /// that authenticates with no secret): it has no secret to keep.
    pub fn is_public(&self) -> bool {
        matches!(self.kind(), Some(ClientType::Spa | ClientType::Native))
            || self.client_auth_method == Some(ClientAuthMethod::None)
    }

    /// Why the secret cannot be rotated whoever asks, if so: a public client
    /// has none, and the rotate endpoint refuses a Private Key JWT client
    /// (seed 001: "cannot be used with clients configured with Private Key
    /// JWT authentication").
    pub fn rotation_unavailable(&self, t: &Catalog) -> Option<&'static str> {
        if self.client_auth_method == Some(ClientAuthMethod::PrivateKeyJwt) {
            Some(t.types.rotate_private_key_jwt)
        } else if self.is_public() {
            Some(t.types.rotate_public)
        } else {
            None
        }
    }

    /// A text field's value as the server sent it (`None`: not sent, or a
    /// field a client does not carry, such as the create-only description).
    /// The detail view and the edit draft read the client through this.
    pub fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Name => self.name.as_deref(),
            Field::AppType => self.client_type.as_deref(),
            Field::LogoUri => self.logo_url.as_deref(),
            Field::ProductName => self.product_name.as_deref(),
            Field::ApplicationName => self.application_name.as_deref(),
            Field::ClientUpnKey => self.client_upn_key.as_deref(),
            _ => self.mobile.as_ref()?.text(field),
        }
    }

    /// A list field's items as the server sent them.
    pub fn list(&self, field: Field) -> Option<&Vec<String>> {
        match field {
            Field::GrantTypes => self.grant_types.as_ref(),
            Field::CallbackUrls => self.callback_urls.as_ref(),
            Field::LogoutUrls => self.allowed_logout_urls.as_ref(),
            Field::WebOrigins => self.allowed_web_origins.as_ref(),
            Field::CorsOrigins => self.allowed_cors_origins.as_ref(),
            Field::Owners => self.owners.as_ref(),
            _ => None,
        }
    }

    /// Owners, or an empty slice when not set.
    pub fn owners_list(&self) -> &[String] {
        self.owners.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_and_private_key_jwt_clients_have_no_secret_to_rotate() {
        let client = |t: &str, m: Option<ClientAuthMethod>| NexusClient {
            client_type: Some(t.into()),
            client_auth_method: m,
            ..Default::default()
        };
        assert!(client("spa", None)
            .rotation_unavailable(&crate::i18n::EN)
            .is_some());
        assert!(client("native", None)
            .rotation_unavailable(&crate::i18n::EN)
            .is_some());
        assert!(client("regular_web", Some(ClientAuthMethod::None)).is_public());
        assert!(
            client("non_interactive", Some(ClientAuthMethod::PrivateKeyJwt))
                .rotation_unavailable(&crate::i18n::EN)
                .is_some_and(|r| r.contains("Private Key JWT"))
        );
        assert_eq!(
            client("regular_web", None).rotation_unavailable(&crate::i18n::EN),
            None
        );
        assert_eq!(
            client("non_interactive", Some(ClientAuthMethod::ClientSecretPost))
                .rotation_unavailable(&crate::i18n::EN),
            None
        );
    }

    #[test]
    fn auth_method_any_spelling() {
        for (raw, want) in [
            ("None", ClientAuthMethod::None),
            ("none", ClientAuthMethod::None),
            ("ClientSecretPost", ClientAuthMethod::ClientSecretPost),
            ("client_secret_post", ClientAuthMethod::ClientSecretPost),
            ("CLIENTSECRETBASIC", ClientAuthMethod::ClientSecretBasic),
            ("client_secret_basic", ClientAuthMethod::ClientSecretBasic),
            ("private_key_jwt", ClientAuthMethod::PrivateKeyJwt),
        ] {
            assert_eq!(ClientAuthMethod::parse(raw), want, "{raw}");
        }
        for (n, want) in [
            (0, ClientAuthMethod::None),
            (1, ClientAuthMethod::ClientSecretPost),
            (2, ClientAuthMethod::ClientSecretBasic),
        ] {
            let c: NexusClient =
                serde_json::from_value(serde_json::json!({ "clientAuthMethod": n })).unwrap();
            assert_eq!(c.client_auth_method, Some(want));
        }
        assert_eq!(
            ClientAuthMethod::parse("tls_client_auth"),
            ClientAuthMethod::Other("tls_client_auth".into())
        );
    }

    #[test]
    fn client_type_parse() {
        assert_eq!(ClientType::parse("Regular_Web"), ClientType::RegularWeb);
        assert_eq!(
            ClientType::parse("non-interactive"),
            ClientType::NonInteractive
        );
        assert_eq!(ClientType::parse("box"), ClientType::Other("box".into()));
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let c = NexusClient {
            id: Some("cl_1".into()),
            secret: Some("s3cr3t-value".into()),
            ..Default::default()
        };
        let printed = format!("{c:?} {c:#?}");
        assert!(!printed.contains("s3cr3t-value"), "{printed}");
        assert!(
            printed.contains("[redacted]") && printed.contains("cl_1"),
            "{printed}"
        );
        assert!(format!("{:?}", NexusClient::default()).contains("secret: None"));
    }

    #[test]
    fn wrong_shapes_become_none_not_errors() {
        let c: NexusClient = serde_json::from_value(serde_json::json!({
            "id": 42, "name": null, "owners": "a, b", "idTokenExpiration": "3600",
            "manuallyCreated": "FALSE", "mobile": "nope", "grantTypes": [null, "implicit", 3],
            "isRefreshTokenRotationEnabled": {"x": 1}, "unknown": [1, 2]
        }))
        .unwrap();
        assert_eq!(c.id.as_deref(), Some("42"));
        assert_eq!(c.name, None);
        assert_eq!(c.owners, Some(vec!["a".into(), "b".into()]));
        assert_eq!(c.id_token_expiration, Some(3600));
        assert!(c.is_terraform_managed());
        assert_eq!(c.mobile, None);
        assert_eq!(c.grant_types, Some(vec!["implicit".into(), "3".into()]));
        assert_eq!(c.is_refresh_token_rotation_enabled, None);
        assert_eq!(c.display_name(), "42");
    }
}
