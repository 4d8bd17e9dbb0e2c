//! The field rules of the seeds, applied to the request bodies themselves so
//! that the console (as the user types) and the stand-in (on every request)
//! judge by the same code.

use crate::client::ClientType;
use crate::create::{CreateClientRequest, AUTH0_GRANT_TYPES};
use crate::field::{Field, Rule};
use crate::i18n::Catalog;
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

pub use crate::field::Body;

/// Issues as a ValidationProblemDetails `errors` map (`callbacks[1]` style keys).
pub fn to_errors_map(issues: &[Issue], body: Body) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in issues {
        let base = i.field.wire_key(body);
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
pub fn check_name(t: &Catalog, name: &str) -> Result<(), String> {
    let chars = name.chars().count();
    if name.trim().is_empty() {
        Err(t.rules.name_empty.into())
    } else if chars > NAME_MAX_CHARS {
        Err((t.rules.name_too_long)(NAME_MAX_CHARS, chars))
    } else if name.contains(['<', '>']) {
        Err(t.rules.name_angle.into())
    } else {
        Ok(())
    }
}

fn check_urls(
    t: &Catalog,
    out: &mut Vec<Issue>,
    field: Field,
    urls: Option<&[String]>,
    kind: UrlKind,
) {
    let Some(urls) = urls else { return };
    let mut seen = HashSet::new();
    for (i, u) in urls.iter().enumerate() {
        if let Err(message) = check_url(t, u, kind) {
            out.push(Issue {
                field,
                index: Some(i),
                message,
            });
        } else if !seen.insert(u.trim().to_ascii_lowercase()) {
            out.push(Issue {
                field,
                index: Some(i),
                message: t.rules.url_twice.into(),
            });
        }
    }
}

fn check_metadata_value(t: &Catalog, out: &mut Vec<Issue>, field: Field, value: Option<&str>) {
    if let Some(v) = value {
        let n = v.chars().count();
        if n > METADATA_VALUE_MAX {
            out.push(Issue::new(
                field,
                (t.rules.metadata_too_long)(METADATA_VALUE_MAX, n),
            ));
        }
    }
}

fn check_owners(t: &Catalog, out: &mut Vec<Issue>, owners: Option<&[String]>) {
    let Some(owners) = owners else { return };
    let mut seen = HashSet::new();
    for (i, o) in owners.iter().enumerate() {
        let o = o.trim();
        if o.is_empty() {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: t.rules.owner_blank.into(),
            });
        } else if o.contains(',') {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: t.rules.owner_comma.into(),
            });
        } else if !seen.insert(o.to_string()) {
            out.push(Issue {
                field: Field::Owners,
                index: Some(i),
                message: t.rules.owner_twice.into(),
            });
        }
    }
    let joined = owners
        .iter()
        .map(|o| o.trim())
        .collect::<Vec<_>>()
        .join(",");
    check_metadata_value(t, out, Field::Owners, Some(&joined));
}

/// A mobile identifier: no spaces, at most [`METADATA_VALUE_MAX`] characters.
fn check_mobile_value(t: &Catalog, out: &mut Vec<Issue>, field: Field, value: Option<&str>) {
    if let Some(v) = value {
        if v.chars().any(char::is_whitespace) {
            out.push(Issue::new(field, t.rules.no_spaces));
        } else if v.chars().count() > METADATA_VALUE_MAX {
            out.push(Issue::new(field, (t.rules.at_most)(METADATA_VALUE_MAX)));
        }
    }
}

/// Checks one field's value in a body (`None`: not sent) by its registry
/// rule.
fn check_field(
    t: &Catalog,
    out: &mut Vec<Issue>,
    field: Field,
    text: Option<&str>,
    list: Option<&[String]>,
) {
    match field.rule() {
        Rule::Name => {
            if let Some(Err(m)) = text.map(|n| check_name(t, n)) {
                out.push(Issue::new(field, m));
            }
        }
        Rule::AppType => match text {
            Some(v) if v.trim().is_empty() => {
                out.push(Issue::new(field, t.rules.choose_type));
            }
            Some(v) if matches!(ClientType::parse(v), ClientType::Other(_)) => {
                out.push(Issue::new(field, t.rules.choose_known_type));
            }
            _ => {}
        },
        Rule::MaxChars(max) => {
            let n = text.map_or(0, |d| d.chars().count());
            if n > max {
                out.push(Issue::new(field, (t.rules.too_long)(max, n)));
            }
        }
        Rule::Url(kind) => {
            if let Some(Err(m)) = text.map(|u| check_url(t, u, kind)) {
                out.push(Issue::new(field, m));
            }
        }
        Rule::Urls(kind) => check_urls(t, out, field, list, kind),
        Rule::GrantTypes => {
            for (i, g) in list.unwrap_or_default().iter().enumerate() {
                if !AUTH0_GRANT_TYPES.contains(&g.as_str()) {
                    out.push(Issue {
                        field,
                        index: Some(i),
                        message: (t.rules.unknown_grant)(g),
                    });
                }
            }
        }
        Rule::Owners => check_owners(t, out, list),
        Rule::MetadataValue => check_metadata_value(t, out, field, text),
        Rule::MobileValue => check_mobile_value(t, out, field, text),
        // The number of keys is a rule of the create body as a whole (below).
        Rule::Metadata => {}
    }
}

/// Every rule the create body breaks.
pub fn validate_create(t: &Catalog, req: &CreateClientRequest) -> Vec<Issue> {
    let mut out = Vec::new();
    for f in Field::ALL {
        check_field(t, &mut out, f, req.text(f), req.list(f).as_deref());
    }
    if let Some(meta) = &req.client_metadata {
        if meta.entries().len() > METADATA_KEYS_MAX {
            out.push(Issue::new(
                Field::Metadata,
                (t.rules.too_many_metadata)(METADATA_KEYS_MAX),
            ));
        }
    }
    out
}

/// Every rule the PATCH body breaks.
pub fn validate_update(t: &Catalog, req: &UpdateClientRequest) -> Vec<Issue> {
    let mut out = Vec::new();
    for f in Field::for_edit() {
        check_field(t, &mut out, f, req.text(f), req.list(f).map(Vec::as_slice));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::create::CreateDraft;
    use crate::i18n::EN;

    fn base() -> CreateClientRequest {
        let mut d = CreateDraft::for_type(ClientType::RegularWeb);
        d.name = "Shop".into();
        d.to_request()
    }

    /// The fields a create body is faulted on, in order.
    fn faulted_fields(r: &CreateClientRequest) -> Vec<Field> {
        validate_create(&EN, r)
            .into_iter()
            .map(|i| i.field)
            .collect()
    }

    #[test]
    fn valid_minimal_create() {
        assert_eq!(validate_create(&EN, &base()), vec![]);
    }

    #[test]
    fn name_rules() {
        let too_long = "n".repeat(NAME_MAX_CHARS + 1);
        for bad in ["", "   ", "a<b", "x>y", too_long.as_str()] {
            let r = CreateClientRequest {
                name: bad.into(),
                ..base()
            };
            let issues = validate_create(&EN, &r);
            assert_eq!(issues.len(), 1, "{bad}");
            assert_eq!(issues[0].field, Field::Name);
        }
        let map = to_errors_map(
            &validate_create(
                &EN,
                &CreateClientRequest {
                    name: "a<b".into(),
                    ..base()
                },
            ),
            Body::Create,
        );
        assert!(map.contains_key("name"));
        // The limit counts characters, not bytes.
        assert_eq!(check_name(&EN, &"é".repeat(NAME_MAX_CHARS)), Ok(()));
        assert_eq!(
            check_name(&EN, &"x".repeat(1000)),
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
        assert_eq!(
            faulted_fields(&r),
            vec![Field::Description, Field::InitiateLoginUri]
        );
        let ok = CreateClientRequest {
            description: Some("é".repeat(140)),
            ..base()
        };
        assert!(validate_create(&EN, &ok).is_empty());
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
        let issues = validate_create(&EN, &r);
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
        let map = to_errors_map(&validate_update(&EN, &u), Body::Update);
        assert!(map.contains_key("allowedWebOrigins[0]"));
    }

    #[test]
    fn metadata_limits() {
        let u = UpdateClientRequest {
            product_name: Some("p".repeat(256)),
            ..Default::default()
        };
        assert_eq!(validate_update(&EN, &u)[0].field, Field::ProductName);
        let owners: Vec<String> = (0..30).map(|i| format!("owner-number-{i}")).collect();
        let u = UpdateClientRequest {
            owners: Some(owners),
            ..Default::default()
        };
        assert!(validate_update(&EN, &u)
            .iter()
            .any(|i| i.field == Field::Owners && i.index.is_none()));
        let u = UpdateClientRequest {
            owners: Some(vec!["a".into(), "a".into(), "".into()]),
            ..Default::default()
        };
        assert_eq!(validate_update(&EN, &u).len(), 2);
    }

    #[test]
    fn app_type_and_grants() {
        let r = CreateClientRequest {
            app_type: "".into(),
            grant_types: Some(vec!["magic".into()]),
            ..base()
        };
        assert_eq!(faulted_fields(&r), vec![Field::AppType, Field::GrantTypes]);
    }
}
