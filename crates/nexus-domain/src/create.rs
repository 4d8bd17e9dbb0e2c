//! The create body (`CreateClientRequest`, snake_case) and the form draft
//! that produces it.

use crate::client::{ClientType, Mobile, MobileAndroid, MobileIos, NexusClient};
use crate::diff::EditDraft;
use crate::field::{Field, FieldSlots, Kind};
use crate::i18n::Catalog;
use crate::lenient;
use crate::permissions::{decide, may_change, Caller, Operation, WRITE, WRITE_ALL};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// `client_metadata` of the create body. Auth0 stores these as metadata
/// strings: at most 10 keys, values of at most 255 characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientMetadata {
    /// Owners as one comma-separated string (the response has an array).
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub owners: Option<String>,
    #[serde(
        rename = "productName",
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_name: Option<String>,
    #[serde(
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
        rename = "manuallyCreated",
        default,
        deserialize_with = "lenient::boolean",
        skip_serializing_if = "Option::is_none"
    )]
    pub manually_created: Option<bool>,
}

impl ClientMetadata {
    /// The set (key, value) pairs, as Auth0 would store them.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut push = |k: &'static str, v: &Option<String>| {
            if let Some(v) = v {
                out.push((k, v.clone()));
            }
        };
        push("owners", &self.owners);
        push("productName", &self.product_name);
        push("client_upn_key", &self.client_upn_key);
        push("applicationName", &self.application_name);
        if let Some(m) = self.manually_created {
            out.push(("manuallyCreated", m.to_string()));
        }
        out
    }
}

/// The POST body. The console never sends `id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateClientRequest {
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub app_type: String,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo_uri: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub callbacks: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_origins: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub web_origins: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_logout_urls: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "lenient::string_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub grant_types: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "lenient::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub initiate_login_uri: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile: Option<Mobile>,
    #[serde(
        default,
        deserialize_with = "lenient::object",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_metadata: Option<ClientMetadata>,
    /// The owners as the form's lines (trimmed, blanks kept), for
    /// validation to point at a line, as it does for the edit form; the wire
    /// carries them joined in `client_metadata.owners`. Not sent, and empty
    /// in a body read from the wire.
    #[serde(skip)]
    pub owner_lines: Option<Vec<String>>,
}

impl CreateClientRequest {
    /// A text field's value in the body, when sent (for validation).
    pub fn text(&self, field: Field) -> Option<&str> {
        let meta = || self.client_metadata.as_ref();
        match field {
            Field::Name => Some(&self.name),
            Field::AppType => Some(&self.app_type),
            Field::Description => self.description.as_deref(),
            Field::LogoUri => self.logo_uri.as_deref(),
            Field::InitiateLoginUri => self.initiate_login_uri.as_deref(),
            Field::ProductName => meta()?.product_name.as_deref(),
            Field::ApplicationName => meta()?.application_name.as_deref(),
            Field::ClientUpnKey => meta()?.client_upn_key.as_deref(),
            _ => self.mobile.as_ref()?.text(field),
        }
    }

    /// A list field's items in the body, when sent (for validation); owners
    /// are stored as one comma-separated metadata value and split here.
    pub fn list(&self, field: Field) -> Option<Cow<'_, [String]>> {
        let list = match field {
            Field::CallbackUrls => &self.callbacks,
            Field::LogoutUrls => &self.allowed_logout_urls,
            Field::WebOrigins => &self.web_origins,
            Field::CorsOrigins => &self.allowed_origins,
            Field::GrantTypes => &self.grant_types,
            Field::Owners => {
                if let Some(lines) = &self.owner_lines {
                    return Some(Cow::Borrowed(lines));
                }
                let joined = self.client_metadata.as_ref()?.owners.as_ref()?;
                return Some(Cow::Owned(joined.split(',').map(String::from).collect()));
            }
            _ => return None,
        };
        list.as_deref().map(Cow::Borrowed)
    }
}

/// The grant types Auth0 accepts (seed 000).
pub const AUTH0_GRANT_TYPES: [&str; 12] = [
    "authorization_code",
    "implicit",
    "refresh_token",
    "client_credentials",
    "password",
    "http://auth0.com/oauth/grant-type/password-realm",
    "http://auth0.com/oauth/grant-type/mfa-oob",
    "http://auth0.com/oauth/grant-type/mfa-otp",
    "http://auth0.com/oauth/grant-type/mfa-recovery-code",
    "urn:openid:params:grant-type:ciba",
    "urn:ietf:params:oauth:grant-type:device_code",
    "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token",
];

/// Auth0's default grant types for a new client of a type.
pub fn default_grant_types(kind: &ClientType) -> Vec<String> {
    let list: &[&str] = match kind {
        ClientType::RegularWeb => &[
            "authorization_code",
            "implicit",
            "refresh_token",
            "client_credentials",
        ],
        ClientType::Spa | ClientType::Native => {
            &["authorization_code", "implicit", "refresh_token"]
        }
        ClientType::NonInteractive => &["client_credentials"],
        ClientType::Other(_) => &[],
    };
    list.iter().map(|s| s.to_string()).collect()
}

/// What the create form holds, as typed: the fields only a create sets,
/// and those an update can change later, as the edit form holds them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateDraft {
    pub app_type: Option<ClientType>,
    pub name: String,
    pub description: String,
    pub logo_uri: String,
    pub initiate_login_uri: String,
    pub grant_types: Vec<String>,
    pub editable: EditDraft,
}

field_slots!(CreateDraft {
    text: [
        Name => name,
        Description => description,
        LogoUri => logo_uri,
        InitiateLoginUri => initiate_login_uri,
    ],
    list: [GrantTypes => grant_types],
    rest: editable
});

pub(crate) fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

pub(crate) fn list(items: &[String]) -> Vec<String> {
    items.iter().map(|s| s.trim().to_string()).collect()
}

pub(crate) fn mobile_from(
    team: &str,
    bundle: &str,
    keystore: &str,
    package: &str,
) -> Option<Mobile> {
    let ios = (opt(team).is_some() || opt(bundle).is_some()).then(|| MobileIos {
        team_id: opt(team),
        app_bundle_identifier: opt(bundle),
    });
    let android = (opt(keystore).is_some() || opt(package).is_some()).then(|| MobileAndroid {
        keystore_hash: opt(keystore),
        app_package_name: opt(package),
    });
    (ios.is_some() || android.is_some()).then_some(Mobile { ios, android })
}

impl CreateDraft {
    /// Whether the user has entered anything worth keeping: more than a
    /// chosen type with its preset grant types (blank entries do not count).
    /// The form asks before such a draft is left behind.
    pub fn has_input(&self) -> bool {
        let typed = |s: &String| !s.trim().is_empty();
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        let preset = self
            .app_type
            .as_ref()
            .map(default_grant_types)
            .unwrap_or_default();
        Field::ALL.into_iter().any(|f| match f.kind() {
            // Grant types count when they differ from the type's preset.
            Kind::List if f == Field::GrantTypes => {
                sorted(self.grant_types.clone()) != sorted(preset.clone())
            }
            Kind::List => self.list(f).is_some_and(|l| l.iter().any(typed)),
            Kind::Text => self.text(f).is_some_and(typed),
            Kind::Map => false,
        })
    }

    /// Whether the draft holds input beyond `start` (the owners and product
    /// a form was prefilled with count as nothing typed): what the leave
    /// guard asks about.
    pub fn has_input_beyond(&self, start: &CreateDraft) -> bool {
        let mut typed = self.clone();
        let (t, s) = (&mut typed.editable, &start.editable);
        if t.owners == s.owners {
            t.owners.clear();
        }
        if t.product_name == s.product_name {
            t.product_name.clear();
        }
        typed.has_input()
    }

    /// The draft a caller starts from: a caller who may change only the
    /// clients they own or have in product scope (`client.write`) starts as
    /// an owner (their user id) with their product, when they have exactly
    /// one, so that what they create stays theirs to manage. Anyone else
    /// starts empty.
    pub fn for_caller(caller: &Caller) -> Self {
        let Caller::Known(claims) = caller else {
            return CreateDraft::default();
        };
        if claims.has(WRITE_ALL) || !claims.has(WRITE) {
            return CreateDraft::default();
        }
        CreateDraft {
            editable: EditDraft {
                owners: claims.user_id.iter().cloned().collect(),
                product_name: match claims.products.as_slice() {
                    [only] => only.clone(),
                    _ => String::new(),
                },
                ..Default::default()
            },
            ..Default::default()
        }
    }

    /// Why the caller could not manage the client this draft creates, if
    /// so (the reason `decide()` would give for editing it), for a warning
    /// before it is created.
    pub fn unmanageable_by(&self, t: &Catalog, caller: &Caller) -> Option<String> {
        let e = &self.editable;
        let owners: Vec<String> = e.owners.iter().filter_map(|o| opt(o)).collect();
        let product = opt(&e.product_name);
        if may_change(caller, &owners, product.as_deref()) {
            return None;
        }
        let client = NexusClient {
            owners: Some(owners),
            product_name: product,
            ..Default::default()
        };
        decide(t, caller, Operation::Edit, Some(&client))
            .reason()
            .map(str::to_string)
    }

    /// A fresh draft for a type, with that type's default grant types.
    pub fn for_type(kind: ClientType) -> Self {
        CreateDraft {
            grant_types: default_grant_types(&kind),
            app_type: Some(kind),
            ..Default::default()
        }
    }

    /// The POST body for this draft. Blank optional fields are left out;
    /// list items are trimmed but kept, so validation can point at a blank one.
    /// Fields the chosen type does not use (URIs of a machine-to-machine
    /// client, mobile settings of a non-native one) are left out too, so a
    /// value typed before switching type is neither sent nor validated.
    pub fn to_request(&self) -> CreateClientRequest {
        let interactive = Field::CallbackUrls.applies_to(self.app_type.as_ref());
        let native = Field::IosTeamId.applies_to(self.app_type.as_ref());
        let nonempty = |v: Vec<String>| (interactive && !v.is_empty()).then_some(v);
        let e = &self.editable;
        // Blank lines are kept, as in the URL lists: validation asks to fill
        // or remove them (the edit form does the same).
        let owners = list(&e.owners);
        let metadata = ClientMetadata {
            owners: (!owners.is_empty()).then(|| owners.join(",")),
            product_name: opt(&e.product_name),
            client_upn_key: opt(&e.client_upn_key),
            application_name: opt(&e.application_name),
            manually_created: Some(true),
        };
        CreateClientRequest {
            id: None,
            name: self.name.trim().to_string(),
            app_type: self
                .app_type
                .as_ref()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default(),
            description: opt(&self.description),
            logo_uri: opt(&self.logo_uri),
            callbacks: nonempty(list(&e.callback_urls)),
            allowed_origins: nonempty(list(&e.cors_origins)),
            web_origins: nonempty(list(&e.web_origins)),
            allowed_logout_urls: nonempty(list(&e.logout_urls)),
            // Every type has grant types (machine to machine: client_credentials).
            grant_types: (!self.grant_types.is_empty()).then(|| self.grant_types.clone()),
            initiate_login_uri: opt(&self.initiate_login_uri).filter(|_| interactive),
            mobile: mobile_from(
                &e.ios_team_id,
                &e.ios_bundle_id,
                &e.android_keystore_hash,
                &e.android_package_name,
            )
            .filter(|_| native),
            client_metadata: Some(metadata),
            owner_lines: (!owners.is_empty()).then_some(owners),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    fn caller(user: &str, products: &[&str], perms: &[&str]) -> Caller {
        Caller::Known(crate::permissions::Claims {
            user_id: Some(user.into()),
            name: None,
            roles: vec![],
            products: products.iter().map(|p| p.to_string()).collect(),
            permissions: perms.iter().map(|p| p.to_string()).collect(),
            expires_at: None,
        })
    }

    #[test]
    fn a_product_owner_starts_as_owner_with_their_product_and_is_warned_when_they_leave_it() {
        let po = caller("po-1", &["Shop"], &[WRITE]);
        let start = CreateDraft::for_caller(&po);
        assert_eq!(
            (
                start.editable.owners.clone(),
                start.editable.product_name.as_str()
            ),
            (vec!["po-1".to_string()], "Shop")
        );
        assert_eq!(start.unmanageable_by(&EN, &po), None);
        // The prefill is not input: an untouched form may be left.
        assert!(!start.has_input_beyond(&start));
        let mut typed = start.clone();
        typed.name = "x".into();
        assert!(typed.has_input_beyond(&start));
        // Neither owner nor product: a warning with decide()'s reason.
        let mut lost = start.clone();
        lost.editable.owners.clear();
        lost.editable.product_name = "Billing".into();
        let why = lost.unmanageable_by(&EN, &po).unwrap();
        assert!(why.contains("not in your product scope"), "{why}");
        // Owner alone is enough; so is the product alone.
        lost.editable.owners = vec![" po-1 ".into()];
        assert_eq!(lost.unmanageable_by(&EN, &po), None);
        // An admin, a viewer or an unknown caller starts empty and is not warned.
        for other in [
            caller("a", &[], &[WRITE_ALL]),
            caller("v", &[], &["client.read"]),
            Caller::Unknown,
        ] {
            assert_eq!(CreateDraft::for_caller(&other), CreateDraft::default());
        }
        assert_eq!(
            CreateDraft::default().unmanageable_by(&EN, &caller("a", &[], &[WRITE_ALL])),
            None
        );
        // Two products: the owner is prefilled, the product is theirs to pick.
        assert_eq!(
            CreateDraft::for_caller(&caller("p", &["A", "B"], &[WRITE]))
                .editable
                .product_name,
            ""
        );
    }

    #[test]
    fn a_draft_has_input_beyond_its_type_and_preset_grants() {
        assert!(!CreateDraft::default().has_input());
        let chosen = CreateDraft::for_type(ClientType::Spa);
        assert!(!chosen.has_input());
        let mut blank_entry = chosen.clone();
        blank_entry.editable.callback_urls = vec!["  ".into()];
        assert!(!blank_entry.has_input());
        for edited in [
            CreateDraft {
                name: "x".into(),
                ..chosen.clone()
            },
            CreateDraft {
                editable: EditDraft {
                    owners: vec!["team-a".into()],
                    ..Default::default()
                },
                ..chosen.clone()
            },
            CreateDraft {
                grant_types: vec!["implicit".into()],
                ..chosen.clone()
            },
        ] {
            assert!(edited.has_input(), "{edited:?}");
        }
    }

    #[test]
    fn draft_to_request_omits_blanks() {
        let mut d = CreateDraft::for_type(ClientType::Spa);
        d.name = "  Shop  ".into();
        d.editable.callback_urls = vec![" https://shop.example.com/cb ".into()];
        d.editable.owners = vec!["alice".into(), " team-a ".into()];
        let r = d.to_request();
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["name"], "Shop");
        assert_eq!(v["app_type"], "spa");
        assert_eq!(v["callbacks"][0], "https://shop.example.com/cb");
        assert_eq!(v["client_metadata"]["owners"], "alice,team-a");
        assert!(v.get("description").is_none());
        assert!(v.get("id").is_none());
        assert!(v.get("mobile").is_none());
        assert_eq!(v["grant_types"].as_array().unwrap().len(), 3);
        assert!(v.get("owner_lines").is_none());
    }

    /// Create treats an owner line as edit does: a blank line or one holding
    /// a comma is pointed at, not dropped or split.
    #[test]
    fn owner_lines_are_validated_as_typed() {
        use crate::validation::validate_create;
        let mut d = CreateDraft::for_type(ClientType::Spa);
        d.name = "Shop".into();
        d.editable.callback_urls = vec!["https://shop.example.com/cb".into()];
        d.editable.owners = vec!["alice".into(), " ".into(), "a,b".into()];
        let issues: Vec<_> = validate_create(&EN, &d.to_request())
            .into_iter()
            .filter(|i| i.field == Field::Owners)
            .map(|i| i.index)
            .collect();
        assert_eq!(issues, vec![Some(1), Some(2)]);
    }

    #[test]
    fn fields_of_other_types_are_not_sent() {
        let mut d = CreateDraft::for_type(ClientType::Native);
        d.name = "App".into();
        d.editable.callback_urls = vec!["myapp://cb".into()];
        d.editable.ios_team_id = "T1".into();
        d.initiate_login_uri = "https://x.example.com".into();
        let native = d.to_request();
        assert!(
            native.mobile.is_some()
                && native.callbacks.is_some()
                && native.initiate_login_uri.is_some()
        );
        d.app_type = Some(ClientType::NonInteractive);
        let m2m = d.to_request();
        assert!(
            m2m.mobile.is_none() && m2m.callbacks.is_none() && m2m.initiate_login_uri.is_none()
        );
        // The grant types the form shows for every type are sent for every type.
        let mut machine = CreateDraft::for_type(ClientType::NonInteractive);
        machine.grant_types.push("password".into());
        assert_eq!(
            machine.to_request().grant_types,
            Some(vec![
                "client_credentials".to_string(),
                "password".to_string()
            ])
        );
        d.app_type = Some(ClientType::Spa);
        let spa = d.to_request();
        assert!(spa.mobile.is_none() && spa.callbacks.is_some());
    }

    #[test]
    fn every_field_the_create_form_shows_has_a_slot_in_the_draft() {
        let mut d = CreateDraft::default();
        for f in Field::for_create(None)
            .into_iter()
            .chain(Field::for_create(Some(&ClientType::Native)))
        {
            // The type chooser holds a type, not text: the form sets it.
            if f == Field::AppType {
                continue;
            }
            let slot = match f.kind() {
                Kind::List => d.list_mut(f).is_some(),
                Kind::Text => d.text_mut(f).is_some(),
                Kind::Map => false,
            };
            assert!(slot, "{f:?}");
        }
    }
}
