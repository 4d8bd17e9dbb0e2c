//! The field registry: every field a person fills in (create) or changes
//! (edit) has one entry here, read by the create and edit forms, the detail
//! view, the review, the diff and validation: its DOM key, label, hint,
//! placeholder, wire keys, the client types that use it, whether it can be
//! changed after create, its kind of value and the rule that checks it. Also
//! every name a server may use for it in a ValidationProblemDetails `errors`
//! map.
//!
//! Adding a field: a variant here and an arm in each `match` below (the
//! compiler lists them), a slot in the drafts and request bodies that carry
//! it (`field_slots!` in `diff.rs` and `create.rs`, `UpdateClientRequest::
//! text_slot`/`list_slot`, the client's `text`/`list`), then the form shows
//! it by `Field` alone. The tests below fail for an entry left half-filled.

use crate::client::ClientType;
use crate::i18n::{Catalog, FieldText};
use crate::url_rules::UrlKind;

/// Which request body a wire key is for: the create body is snake_case
/// (Auth0's), the update body camelCase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Create,
    Update,
}

/// The kind of value a field holds, which decides its control (a text input
/// or a list editor) and how the diff compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    List,
    /// Metadata: a map with no control of its own (its keys are fields).
    Map,
}

/// How a field's value is checked (the validation hook; see
/// `validation::validate_create` / `validate_update`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// At least one character, at most `NAME_MAX_CHARS`, no `<` or `>`.
    Name,
    /// One of the creatable types.
    AppType,
    /// Free text of at most this many characters.
    MaxChars(usize),
    /// One URL of this kind.
    Url(UrlKind),
    /// A list of URLs of this kind, none twice.
    Urls(UrlKind),
    /// Known grant types only.
    GrantTypes,
    /// User ids or roles: none blank, none with a comma, none twice; stored
    /// joined as one metadata value.
    Owners,
    /// A metadata value: at most 255 characters.
    MetadataValue,
    /// A mobile identifier: no spaces, at most 255 characters.
    MobileValue,
    /// The metadata map: at most 10 keys.
    Metadata,
}

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

    /// What a form shows for it, in `t`'s language.
    pub fn text(self, t: &Catalog) -> &FieldText {
        let f = &t.fields;
        match self {
            Field::Name => &f.name,
            Field::AppType => &f.app_type,
            Field::Description => &f.description,
            Field::LogoUri => &f.logo_uri,
            Field::InitiateLoginUri => &f.initiate_login_uri,
            Field::GrantTypes => &f.grant_types,
            Field::CallbackUrls => &f.callback_urls,
            Field::CorsOrigins => &f.cors_origins,
            Field::WebOrigins => &f.web_origins,
            Field::LogoutUrls => &f.logout_urls,
            Field::Owners => &f.owners,
            Field::ProductName => &f.product_name,
            Field::ApplicationName => &f.application_name,
            Field::ClientUpnKey => &f.client_upn_key,
            Field::IosTeamId => &f.ios_team_id,
            Field::IosBundleId => &f.ios_bundle_id,
            Field::AndroidKeystoreHash => &f.android_keystore_hash,
            Field::AndroidPackageName => &f.android_package_name,
            Field::Metadata => &f.metadata,
        }
    }

    /// The label a person sees.
    pub fn label(self, t: &Catalog) -> &'static str {
        self.text(t).label
    }

    /// The hint under the field's label, the same wherever it is edited.
    pub fn hint(self, t: &Catalog) -> &'static str {
        self.text(t).hint
    }

    /// The example shown in an empty input ("" for none).
    pub fn placeholder(self, t: &Catalog) -> &'static str {
        self.text(t).placeholder
    }

    /// The kind of value the field holds.
    pub fn kind(self) -> Kind {
        match self {
            Field::GrantTypes
            | Field::CallbackUrls
            | Field::CorsOrigins
            | Field::WebOrigins
            | Field::LogoutUrls
            | Field::Owners => Kind::List,
            Field::Metadata => Kind::Map,
            Field::Name
            | Field::AppType
            | Field::Description
            | Field::LogoUri
            | Field::InitiateLoginUri
            | Field::ProductName
            | Field::ApplicationName
            | Field::ClientUpnKey
            | Field::IosTeamId
            | Field::IosBundleId
            | Field::AndroidKeystoreHash
            | Field::AndroidPackageName => Kind::Text,
        }
    }

    /// The rule its value must keep (the validation hook).
    pub fn rule(self) -> Rule {
        match self {
            Field::Name => Rule::Name,
            Field::AppType => Rule::AppType,
            Field::Description => Rule::MaxChars(crate::validation::DESCRIPTION_MAX),
            Field::LogoUri => Rule::Url(UrlKind::Logo),
            Field::InitiateLoginUri => Rule::Url(UrlKind::InitiateLogin),
            Field::GrantTypes => Rule::GrantTypes,
            Field::CallbackUrls => Rule::Urls(UrlKind::Callback),
            Field::LogoutUrls => Rule::Urls(UrlKind::Logout),
            Field::WebOrigins | Field::CorsOrigins => Rule::Urls(UrlKind::Origin),
            Field::Owners => Rule::Owners,
            Field::ProductName | Field::ApplicationName | Field::ClientUpnKey => {
                Rule::MetadataValue
            }
            Field::IosTeamId
            | Field::IosBundleId
            | Field::AndroidKeystoreHash
            | Field::AndroidPackageName => Rule::MobileValue,
            Field::Metadata => Rule::Metadata,
        }
    }

    /// The most characters the field takes, when its rule says (the form
    /// counts them as the user types).
    pub fn max_chars(self) -> Option<usize> {
        match self.rule() {
            Rule::MaxChars(n) => Some(n),
            _ => None,
        }
    }

    /// Whether a create must have it.
    pub fn required(self) -> bool {
        matches!(self, Field::Name | Field::AppType)
    }

    /// Whether the update (PATCH) body can change it after create: the edit
    /// form shows these and the diff compares them.
    pub fn editable(self) -> bool {
        match self {
            Field::Owners
            | Field::ProductName
            | Field::ApplicationName
            | Field::ClientUpnKey
            | Field::CallbackUrls
            | Field::LogoutUrls
            | Field::WebOrigins
            | Field::CorsOrigins
            | Field::IosTeamId
            | Field::IosBundleId
            | Field::AndroidKeystoreHash
            | Field::AndroidPackageName => true,
            Field::Name
            | Field::AppType
            | Field::Description
            | Field::LogoUri
            | Field::InitiateLoginUri
            | Field::GrantTypes
            | Field::Metadata => false,
        }
    }

    /// The editable fields, in form order.
    pub fn for_edit() -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| f.editable()).collect()
    }

    /// The field's name in a request body (and in a ValidationProblemDetails
    /// key for that body).
    pub fn wire_key(self, body: Body) -> &'static str {
        match (self, body) {
            (Field::Name, _) => "name",
            (Field::AppType, _) => "app_type",
            (Field::Description, _) => "description",
            (Field::LogoUri, _) => "logo_uri",
            (Field::InitiateLoginUri, _) => "initiate_login_uri",
            (Field::GrantTypes, _) => "grant_types",
            (Field::CallbackUrls, Body::Create) => "callbacks",
            (Field::CallbackUrls, Body::Update) => "callbackUrls",
            (Field::CorsOrigins, Body::Create) => "allowed_origins",
            (Field::CorsOrigins, Body::Update) => "allowedCorsOrigins",
            (Field::WebOrigins, Body::Create) => "web_origins",
            (Field::WebOrigins, Body::Update) => "allowedWebOrigins",
            (Field::LogoutUrls, Body::Create) => "allowed_logout_urls",
            (Field::LogoutUrls, Body::Update) => "allowedLogoutUrls",
            (Field::Owners, Body::Create) => "client_metadata.owners",
            (Field::Owners, Body::Update) => "owners",
            (Field::ProductName, Body::Create) => "client_metadata.productName",
            (Field::ProductName, Body::Update) => "productName",
            (Field::ApplicationName, Body::Create) => "client_metadata.applicationName",
            (Field::ApplicationName, Body::Update) => "applicationName",
            (Field::ClientUpnKey, Body::Create) => "client_metadata.client_upn_key",
            (Field::ClientUpnKey, Body::Update) => "client_upn_key",
            (Field::IosTeamId, _) => "mobile.ios.team_id",
            (Field::IosBundleId, _) => "mobile.ios.app_bundle_identifier",
            (Field::AndroidKeystoreHash, _) => "mobile.android.keystore_hash",
            (Field::AndroidPackageName, _) => "mobile.android.app_package_name",
            (Field::Metadata, _) => "client_metadata",
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

/// A form's draft (or a client), read and written field by field: the
/// forms bind their controls through it, the diff compares through it.
/// `None`: this value has no such field (or not of that kind).
pub trait FieldSlots {
    /// A text field's value.
    fn text(&self, field: Field) -> Option<&String>;
    /// A text field's value, to change.
    fn text_mut(&mut self, field: Field) -> Option<&mut String>;
    /// A list field's items.
    fn list(&self, field: Field) -> Option<&Vec<String>>;
    /// A list field's items, to change.
    fn list_mut(&mut self, field: Field) -> Option<&mut Vec<String>>;
}

/// Implements [`FieldSlots`] for a draft struct from its field → member
/// pairs, and, with `rest`, hands every other field to a member that holds
/// them (a create draft's editable part). Fields it does not name have no
/// slot in it (the registry tests check that every field a form edits has
/// one).
macro_rules! field_slots {
    ($ty:ty { text: [$($tf:ident => $tm:ident),* $(,)?], list: [$($lf:ident => $lm:ident),* $(,)?] $(, rest: $rest:ident)? }) => {
        impl $crate::field::FieldSlots for $ty {
            fn text(&self, field: $crate::field::Field) -> Option<&String> {
                match field {
                    $($crate::field::Field::$tf => Some(&self.$tm),)*
                    _ => field_slots!(@rest self field text $($rest)?),
                }
            }
            fn text_mut(&mut self, field: $crate::field::Field) -> Option<&mut String> {
                match field {
                    $($crate::field::Field::$tf => Some(&mut self.$tm),)*
                    _ => field_slots!(@rest self field text_mut $($rest)?),
                }
            }
            fn list(&self, field: $crate::field::Field) -> Option<&Vec<String>> {
                match field {
                    $($crate::field::Field::$lf => Some(&self.$lm),)*
                    _ => field_slots!(@rest self field list $($rest)?),
                }
            }
            fn list_mut(&mut self, field: $crate::field::Field) -> Option<&mut Vec<String>> {
                match field {
                    $($crate::field::Field::$lf => Some(&mut self.$lm),)*
                    _ => field_slots!(@rest self field list_mut $($rest)?),
                }
            }
        }
    };
    (@rest $s:tt $f:tt $m:ident) => { None };
    (@rest $s:tt $f:tt $m:ident $rest:ident) => { $s.$rest.$m($f) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{DE, EN};

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

    #[test]
    fn every_field_has_a_label_a_hint_a_key_and_wire_keys() {
        for f in Field::ALL {
            assert!(!f.label(&EN).trim().is_empty(), "{f:?} label");
            assert!(!f.hint(&EN).trim().is_empty(), "{f:?} hint");
            assert!(!f.label(&DE).trim().is_empty(), "{f:?} German label");
            assert!(!f.hint(&DE).trim().is_empty(), "{f:?} German hint");
            assert!(!f.key().is_empty(), "{f:?} key");
            for body in [Body::Create, Body::Update] {
                let key = f.wire_key(body);
                // A server's error key for the field finds the field again.
                assert_eq!(
                    Field::from_error_key(key).map(|(g, _)| g),
                    Some(f),
                    "{f:?} {key}"
                );
            }
        }
        // One entry per field: keys, labels and hints are not shared.
        for (i, a) in Field::ALL.iter().enumerate() {
            for b in &Field::ALL[i + 1..] {
                assert_ne!(a.key(), b.key());
                assert_ne!(a.label(&EN), b.label(&EN));
                assert_ne!(a.hint(&EN), b.hint(&EN), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn list_fields_are_url_lists_owners_or_grants_and_take_examples() {
        for f in Field::ALL {
            match f.kind() {
                Kind::List => assert!(
                    matches!(f.rule(), Rule::Urls(_) | Rule::Owners | Rule::GrantTypes),
                    "{f:?}"
                ),
                Kind::Text => assert!(
                    !matches!(
                        f.rule(),
                        Rule::Urls(_) | Rule::Owners | Rule::GrantTypes | Rule::Metadata
                    ),
                    "{f:?}"
                ),
                Kind::Map => assert_eq!(f.rule(), Rule::Metadata),
            }
            // Every URL field shows an example of what it takes.
            if matches!(f.rule(), Rule::Urls(_) | Rule::Url(UrlKind::InitiateLogin)) {
                assert!(f.placeholder(&EN).starts_with("https://"), "{f:?}");
            }
        }
        assert_eq!(Field::Description.max_chars(), Some(140));
        assert_eq!(Field::Name.max_chars(), None);
    }

    #[test]
    fn the_edit_form_has_the_patchable_fields() {
        assert_eq!(
            Field::for_edit(),
            vec![
                Field::CallbackUrls,
                Field::LogoutUrls,
                Field::WebOrigins,
                Field::CorsOrigins,
                Field::Owners,
                Field::ProductName,
                Field::ApplicationName,
                Field::ClientUpnKey,
                Field::IosTeamId,
                Field::IosBundleId,
                Field::AndroidKeystoreHash,
                Field::AndroidPackageName,
            ]
        );
        // What cannot be PATCHed is set at create only.
        for f in [
            Field::Name,
            Field::AppType,
            Field::GrantTypes,
            Field::LogoUri,
        ] {
            assert!(!f.editable(), "{f:?}");
        }
    }
}
