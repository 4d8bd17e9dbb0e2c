//! The field rules of the seeds, applied to the request bodies themselves so
//! that the console (as the user types) and the stand-in (on every request)
//! judge by the same code.

use crate::client::{ClientType, Mobile};
use crate::create::{CreateClientRequest, AUTH0_GRANT_TYPES};
use crate::field::Field;
use crate::update::UpdateClientRequest;
use crate::url_rules::{check_url, UrlKind};
use std::collections::{BTreeMap, HashSet};

/// Auth0: description at most 140 characters.
pub const DESCRIPTION_MAX: usize = 140;
/// Auth0: metadata values at most 255 characters.
pub const METADATA_VALUE_MAX: usize = 255;
/// Auth0: at most 10 metadata properties.
pub const METADATA_KEYS_MAX: usize = 10;

/// One broken rule, at a field (and a list item when it is about one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub field: Field,
    pub index: Option<usize>,
    pub message: String,
}

impl Issue {
    fn new(field: Field, message: impl Into<String>) -> Self {
        Issue {
            field,
            index: None,
            message: message.into(),
        }
    }
}

/// Which body an error map is for: decides the key spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Create,
    Update,
}

/// The name of a field in a request body, for a ValidationProblemDetails key.
pub fn wire_key(field: Field, body: Body) -> &'static str {
    match (field, body) {
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

/// Issues as a ValidationProblemDetails `errors` map (`callbacks[1]` style keys).
pub fn to_errors_map(issues: &[Issue], body: Body) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in issues {
        let base = wire_key(i.field, body);
        let key = match i.index {
            Some(n) => format!("{base}[{n}]"),
            None => base.to_string(),
        };
        map.entry(key).or_default().push(i.message.clone());
    }
    map
}

/// The longest name a client may have, in characters. The seeds give only a
/// minimum; 255 is assumed, the limit Auth0 puts on its other strings of a
/// client (metadata values and keys), and it keeps a name readable in every
/// list and title.
pub const NAME_MAX_CHARS: usize = 255;

/// Name: at least one character, at most [`NAME_MAX_CHARS`], no `<` or `>`
/// (Auth0).
pub fn check_name(name: &str) -> Result<(), String> {
    let chars = name.chars().count();
    if name.trim().is_empty() {
        Err("Enter a name (at least one character).".into())
    } else if chars > NAME_MAX_CHARS {
        Err(format!(
            "A name can be at most {NAME_MAX_CHARS} characters; this one has {}.",
            crate::list_query::grouped(chars)
        ))
    } else if name.contains(['<', '>']) {
        Err("The name cannot contain < or >.".into())
    } else {
        Ok(())
    }
}

fn check_urls(out: &mut Vec<Issue>, field: Field, urls: Option<&Vec<String>>, kind: UrlKind) {
    let Some(urls) = urls else { return };
    let mut seen = HashSet::new();
    for (i, u) in urls.iter().enumerate() {
        if let Err(message) = check_url(u, kind) {
            out.push(Issue {
                field,
                index: Some(i),
                message,
            });
        } else if !seen.insert(u.trim().to_ascii_lowercase()) {
            out.push(Issue {
                field,
                index: Some(i),
                message: "This URL is listed twice.".into(),
            });
        }
    }
}

/// The four URL lists in form order: callbacks, logout URLs, web origins,
/// CORS origins (each with its own rules).
fn check_url_lists(out: &mut Vec<Issue>, lists: [Option<&Vec<String>>; 4]) {
    let kinds = [
        (Field::CallbackUrls, UrlKind::Callback),
        (Field::LogoutUrls, UrlKind::Logout),
        (Field::WebOrigins, UrlKind::Origin),
        (Field::CorsOrigins, UrlKind::Origin),
    ];
    for ((field, kind), urls) in kinds.into_iter().zip(lists) {
        check_urls(out, field, urls, kind);
    }
}

fn check_metadata_value(out: &mut Vec<Issue>, field: Field, value: Option<&str>) {
    if let Some(v) = value {
        let n = v.chars().count();
        if n > METADATA_VALUE_MAX {
            out.push(Issue::new(
                field,
                format!("At most {METADATA_VALUE_MAX} characters (stored as client metadata); this has {n}."),
            ));
        }
    }
}

fn check_owners(out: &mut Vec<Issue>, owners: Option<&Vec<String>>) {
    let Some(owners) = owners else { return };
    let mut seen = HashSet::new();
    for (i, o) in owners.iter().enumerate() {
        let o = o.trim();
        if o.is_empty() {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: "Enter a user id or role, or remove this line.".into(),
            });
        } else if o.contains(',') {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: "An owner cannot contain a comma.".into(),
            });
        } else if !seen.insert(o.to_string()) {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: "This owner is listed twice.".into(),
            });
        }
    }
    let joined = owners
        .iter()
        .map(|o| o.trim())
        .collect::<Vec<_>>()
        .join(",");
    check_metadata_value(out, Field::Owners, Some(&joined));
}

fn check_mobile(out: &mut Vec<Issue>, mobile: Option<&Mobile>) {
    let Some(m) = mobile else { return };
    let fields = [
        (
            Field::IosTeamId,
            m.ios.as_ref().and_then(|i| i.team_id.as_deref()),
        ),
        (
            Field::IosBundleId,
            m.ios
                .as_ref()
                .and_then(|i| i.app_bundle_identifier.as_deref()),
        ),
        (
            Field::AndroidKeystoreHash,
            m.android.as_ref().and_then(|a| a.keystore_hash.as_deref()),
        ),
        (
            Field::AndroidPackageName,
            m.android
                .as_ref()
                .and_then(|a| a.app_package_name.as_deref()),
        ),
    ];
    for (field, value) in fields {
        if let Some(v) = value {
            if v.chars().any(char::is_whitespace) {
                out.push(Issue::new(field, "Cannot contain spaces."));
            } else if v.chars().count() > METADATA_VALUE_MAX {
                out.push(Issue::new(
                    field,
                    format!("At most {METADATA_VALUE_MAX} characters."),
                ));
            }
        }
    }
}

/// Every rule the create body breaks.
pub fn validate_create(req: &CreateClientRequest) -> Vec<Issue> {
    let mut out = Vec::new();
    if let Err(m) = check_name(&req.name) {
        out.push(Issue::new(Field::Name, m));
    }
    if req.app_type.trim().is_empty() {
        out.push(Issue::new(Field::AppType, "Choose an application type."));
    } else if matches!(ClientType::parse(&req.app_type), ClientType::Other(_)) {
        out.push(Issue::new(
            Field::AppType,
            "Choose one of regular_web, spa, native or non_interactive.",
        ));
    }
    if let Some(d) = &req.description {
        let n = d.chars().count();
        if n > DESCRIPTION_MAX {
            out.push(Issue::new(
                Field::Description,
                format!("At most {DESCRIPTION_MAX} characters; this has {n}."),
            ));
        }
    }
    if let Some(u) = &req.logo_uri {
        if let Err(m) = check_url(u, UrlKind::Logo) {
            out.push(Issue::new(Field::LogoUri, m));
        }
    }
    if let Some(u) = &req.initiate_login_uri {
        if let Err(m) = check_url(u, UrlKind::InitiateLogin) {
            out.push(Issue::new(Field::InitiateLoginUri, m));
        }
    }
    check_url_lists(
        &mut out,
        [
            req.callbacks.as_ref(),
            req.allowed_logout_urls.as_ref(),
            req.web_origins.as_ref(),
            req.allowed_origins.as_ref(),
        ],
    );
    if let Some(grants) = &req.grant_types {
        for (i, g) in grants.iter().enumerate() {
            if !AUTH0_GRANT_TYPES.contains(&g.as_str()) {
                out.push(Issue {
                    field: Field::GrantTypes,
                    index: Some(i),
                    message: format!("Unknown grant type \u{201c}{g}\u{201d}."),
                });
            }
        }
    }
    if let Some(meta) = &req.client_metadata {
        let entries = meta.entries();
        if entries.len() > METADATA_KEYS_MAX {
            out.push(Issue::new(
                Field::Metadata,
                format!("At most {METADATA_KEYS_MAX} metadata properties."),
            ));
        }
        if let Some(o) = &meta.owners {
            let owners: Vec<String> = o.split(',').map(String::from).collect();
            check_owners(&mut out, Some(&owners));
        }
        check_metadata_value(&mut out, Field::ProductName, meta.product_name.as_deref());
        check_metadata_value(
            &mut out,
            Field::ApplicationName,
            meta.application_name.as_deref(),
        );
        check_metadata_value(
            &mut out,
            Field::ClientUpnKey,
            meta.client_upn_key.as_deref(),
        );
    }
    check_mobile(&mut out, req.mobile.as_ref());
    out
}

/// Every rule the PATCH body breaks.
pub fn validate_update(req: &UpdateClientRequest) -> Vec<Issue> {
    let mut out = Vec::new();
    check_url_lists(
        &mut out,
        [
            req.callback_urls.as_ref(),
            req.allowed_logout_urls.as_ref(),
            req.allowed_web_origins.as_ref(),
            req.allowed_cors_origins.as_ref(),
        ],
    );
    check_owners(&mut out, req.owners.as_ref());
    check_metadata_value(&mut out, Field::ProductName, req.product_name.as_deref());
    check_metadata_value(
        &mut out,
        Field::ApplicationName,
        req.application_name.as_deref(),
    );
    check_metadata_value(&mut out, Field::ClientUpnKey, req.client_upn_key.as_deref());
    check_mobile(&mut out, req.mobile.as_ref());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::create::CreateDraft;

    fn base() -> CreateClientRequest {
        let mut d = CreateDraft::for_type(ClientType::RegularWeb);
        d.name = "Shop".into();
        d.to_request()
    }

    #[test]
    fn valid_minimal_create() {
        assert_eq!(validate_create(&base()), vec![]);
    }

    #[test]
    fn name_rules() {
        let too_long = "n".repeat(NAME_MAX_CHARS + 1);
        for bad in ["", "   ", "a<b", "x>y", too_long.as_str()] {
            let r = CreateClientRequest {
                name: bad.into(),
                ..base()
            };
            let issues = validate_create(&r);
            assert_eq!(issues.len(), 1, "{bad}");
            assert_eq!(issues[0].field, Field::Name);
        }
        let map = to_errors_map(
            &validate_create(&CreateClientRequest {
                name: "a<b".into(),
                ..base()
            }),
            Body::Create,
        );
        assert!(map.contains_key("name"));
        // The limit counts characters, not bytes.
        assert_eq!(check_name(&"é".repeat(NAME_MAX_CHARS)), Ok(()));
        assert_eq!(
            check_name(&"x".repeat(1000)),
            Err("A name can be at most 255 characters; this one has 1,000.".into())
        );
    }

    #[test]
    fn description_and_login_uri() {
        let r = CreateClientRequest {
            description: Some("x".repeat(141)),
            initiate_login_uri: Some("http://a.example.com".into()),
            ..base()
        };
        let fields: Vec<Field> = validate_create(&r).into_iter().map(|i| i.field).collect();
        assert_eq!(fields, vec![Field::Description, Field::InitiateLoginUri]);
        let ok = CreateClientRequest {
            description: Some("é".repeat(140)),
            ..base()
        };
        assert!(validate_create(&ok).is_empty());
    }

    #[test]
    fn url_lists_point_at_items() {
        let r = CreateClientRequest {
            callbacks: Some(vec![
                "https://a.example.com/cb".into(),
                "nope".into(),
                "https://a.example.com/cb".into(),
            ]),
            ..base()
        };
        let issues = validate_create(&r);
        assert_eq!(
            issues.iter().map(|i| i.index).collect::<Vec<_>>(),
            vec![Some(1), Some(2)]
        );
        let map = to_errors_map(&issues, Body::Create);
        assert!(map.contains_key("callbacks[1]"));
        let u = UpdateClientRequest {
            allowed_web_origins: Some(vec!["https://x.example.com/path".into()]),
            ..Default::default()
        };
        let map = to_errors_map(&validate_update(&u), Body::Update);
        assert!(map.contains_key("allowedWebOrigins[0]"));
    }

    #[test]
    fn metadata_limits() {
        let u = UpdateClientRequest {
            product_name: Some("p".repeat(256)),
            ..Default::default()
        };
        assert_eq!(validate_update(&u)[0].field, Field::ProductName);
        let owners: Vec<String> = (0..30).map(|i| format!("owner-number-{i}")).collect();
        let u = UpdateClientRequest {
            owners: Some(owners),
            ..Default::default()
        };
        assert!(validate_update(&u)
            .iter()
            .any(|i| i.field == Field::Owners && i.index.is_none()));
        let u = UpdateClientRequest {
            owners: Some(vec!["a".into(), "a".into(), "".into()]),
            ..Default::default()
        };
        assert_eq!(validate_update(&u).len(), 2);
    }

    #[test]
    fn app_type_and_grants() {
        let r = CreateClientRequest {
            app_type: "".into(),
            grant_types: Some(vec!["magic".into()]),
            ..base()
        };
        let fields: Vec<Field> = validate_create(&r).into_iter().map(|i| i.field).collect();
        assert_eq!(fields, vec![Field::AppType, Field::GrantTypes]);
    }
}
