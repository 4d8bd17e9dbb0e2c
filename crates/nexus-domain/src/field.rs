//! The form fields of create and edit, with their labels and every name a
//! server may use for them in a ValidationProblemDetails `errors` map.

use crate::client::ClientType;

/// A field the user can fill in (create) or change (edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    AppType,
    Description,
    LogoUri,
    InitiateLoginUri,
    GrantTypes,
    CallbackUrls,
    CorsOrigins,
    WebOrigins,
    LogoutUrls,
    Owners,
    ProductName,
    ApplicationName,
    ClientUpnKey,
    IosTeamId,
    IosBundleId,
    AndroidKeystoreHash,
    AndroidPackageName,
    Metadata,
}

impl Field {
    /// Every field, in the order the create form shows them (top to bottom).
    pub const ALL: [Field; 19] = [
        Field::AppType,
        Field::Name,
        Field::Description,
        Field::CallbackUrls,
        Field::LogoutUrls,
        Field::WebOrigins,
        Field::CorsOrigins,
        Field::InitiateLoginUri,
        Field::GrantTypes,
        Field::Owners,
        Field::ProductName,
        Field::ApplicationName,
        Field::ClientUpnKey,
        Field::LogoUri,
        Field::IosTeamId,
        Field::IosBundleId,
        Field::AndroidKeystoreHash,
        Field::AndroidPackageName,
        Field::Metadata,
    ];

    /// Whether the create form asks for this field for a client of `kind`
    /// (`None`: no type chosen yet). Application URIs belong to clients that
    /// sign users in, mobile settings to native apps; metadata has no control.
    pub fn applies_to(self, kind: Option<&ClientType>) -> bool {
        match self {
            Field::CallbackUrls
            | Field::LogoutUrls
            | Field::WebOrigins
            | Field::CorsOrigins
            | Field::InitiateLoginUri => kind.is_none_or(ClientType::is_interactive),
            Field::IosTeamId
            | Field::IosBundleId
            | Field::AndroidKeystoreHash
            | Field::AndroidPackageName => kind == Some(&ClientType::Native),
            Field::Metadata => false,
            _ => true,
        }
    }

    /// The create form's fields for a client of `kind`, top to bottom.
    pub fn for_create(kind: Option<&ClientType>) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.applies_to(kind))
            .collect()
    }

    /// A stable DOM id stem for the field's control.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::AppType => "app-type",
            Field::Description => "description",
            Field::LogoUri => "logo-uri",
            Field::InitiateLoginUri => "initiate-login-uri",
            Field::GrantTypes => "grant-types",
            Field::CallbackUrls => "callback-urls",
            Field::CorsOrigins => "cors-origins",
            Field::WebOrigins => "web-origins",
            Field::LogoutUrls => "logout-urls",
            Field::Owners => "owners",
            Field::ProductName => "product-name",
            Field::ApplicationName => "application-name",
            Field::ClientUpnKey => "client-upn-key",
            Field::IosTeamId => "ios-team-id",
            Field::IosBundleId => "ios-bundle-id",
            Field::AndroidKeystoreHash => "android-keystore-hash",
            Field::AndroidPackageName => "android-package-name",
            Field::Metadata => "metadata",
        }
    }

    /// The label a person sees.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::AppType => "Application type",
            Field::Description => "Description",
            Field::LogoUri => "Logo URL",
            Field::InitiateLoginUri => "Initiate login URI",
            Field::GrantTypes => "Grant types",
            Field::CallbackUrls => "Allowed callback URLs",
            Field::CorsOrigins => "Allowed CORS origins",
            Field::WebOrigins => "Allowed web origins",
            Field::LogoutUrls => "Allowed logout URLs",
            Field::Owners => "Owners",
            Field::ProductName => "Product",
            Field::ApplicationName => "Application name",
            Field::ClientUpnKey => "Client UPN key",
            Field::IosTeamId => "iOS team ID",
            Field::IosBundleId => "iOS app bundle identifier",
            Field::AndroidKeystoreHash => "Android keystore hash",
            Field::AndroidPackageName => "Android app package name",
            Field::Metadata => "Metadata",
        }
    }

    /// Names a server may use for this field, normalised (lower case, no
    /// `_`, `-` or `.`): the create body's snake_case, the update body's
    /// camelCase, the response's names and nested metadata/mobile paths.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["name"],
            Field::AppType => &["apptype", "type"],
            Field::Description => &["description"],
            Field::LogoUri => &["logouri", "logourl"],
            Field::InitiateLoginUri => &["initiateloginuri"],
            Field::GrantTypes => &["granttypes"],
            Field::CallbackUrls => &["callbacks", "callbackurls"],
            Field::CorsOrigins => &["allowedorigins", "allowedcorsorigins"],
            Field::WebOrigins => &["weborigins", "allowedweborigins"],
            Field::LogoutUrls => &["allowedlogouturls"],
            Field::Owners => &["owners", "clientmetadataowners"],
            Field::ProductName => &["productname", "clientmetadataproductname"],
            Field::ApplicationName => &["applicationname", "clientmetadataapplicationname"],
            Field::ClientUpnKey => &["clientupnkey", "clientmetadataclientupnkey"],
            Field::IosTeamId => &["mobileiosteamid", "teamid"],
            Field::IosBundleId => &["mobileiosappbundleidentifier", "appbundleidentifier"],
            Field::AndroidKeystoreHash => &["mobileandroidkeystorehash", "keystorehash"],
            Field::AndroidPackageName => &["mobileandroidapppackagename", "apppackagename"],
            Field::Metadata => &["clientmetadata", "metadata"],
        }
    }

    /// Finds the field a server's error key names, and the list index if the
    /// key points at one item (`callbackUrls[2]` → `(CallbackUrls, Some(2))`).
    ///
    /// Accepts any casing, a `$.` JSON-path prefix, a leading `request.` /
    /// `body.` / `dto.` segment, and bracketed indexes.
    pub fn from_error_key(key: &str) -> Option<(Field, Option<usize>)> {
        let mut rest = key.trim();
        rest = rest
            .strip_prefix("$.")
            .or_else(|| rest.strip_prefix('$'))
            .unwrap_or(rest);
        let mut index = None;
        let mut flat = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '[' {
                let mut digits = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    digits.push(d);
                }
                if let Ok(i) = digits.trim().parse::<usize>() {
                    index.get_or_insert(i);
                }
            } else if c.is_ascii_alphanumeric() || c == '.' {
                flat.push(c.to_ascii_lowercase());
            }
        }
        let segments: Vec<&str> = flat.split('.').filter(|s| !s.is_empty()).collect();
        let skip = match segments.first() {
            Some(&("request" | "body" | "dto" | "model" | "input")) if segments.len() > 1 => 1,
            _ => 0,
        };
        let joined: String = segments[skip..].concat();
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().contains(&joined.as_str()))
            .map(|f| (f, index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_keys_in_every_form() {
        let cases = [
            ("name", Some((Field::Name, None))),
            ("Name", Some((Field::Name, None))),
            ("$.name", Some((Field::Name, None))),
            ("request.Name", Some((Field::Name, None))),
            ("callbacks[0]", Some((Field::CallbackUrls, Some(0)))),
            ("CallbackUrls[2]", Some((Field::CallbackUrls, Some(2)))),
            ("$.callbackUrls[1]", Some((Field::CallbackUrls, Some(1)))),
            ("allowed_logout_urls", Some((Field::LogoutUrls, None))),
            ("AllowedCorsOrigins", Some((Field::CorsOrigins, None))),
            ("allowed_origins[3]", Some((Field::CorsOrigins, Some(3)))),
            ("initiate_login_uri", Some((Field::InitiateLoginUri, None))),
            ("client_metadata.owners", Some((Field::Owners, None))),
            (
                "ClientMetadata.ProductName",
                Some((Field::ProductName, None)),
            ),
            ("mobile.ios.team_id", Some((Field::IosTeamId, None))),
            (
                "Mobile.Android.AppPackageName",
                Some((Field::AndroidPackageName, None)),
            ),
            ("app_type", Some((Field::AppType, None))),
            ("somethingElse", None),
            ("", None),
        ];
        for (key, want) in cases {
            assert_eq!(Field::from_error_key(key), want, "{key}");
        }
    }
}
