//! Decodes every JSON example in the Nexus seed pages (003: PATCH, 004: POST),
//! copied under tests/fixtures from ../shared/seeds, and checks that no
//! documented field is lost on the way through the domain models.

use nexus_domain::{CreateClientRequest, NexusClient, ProblemDetails, UpdateClientRequest};
use serde_json::{Map, Value};

/// Every top-level `{ ... }` block that parses as a JSON object.
fn examples(page: &str) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for line in page.lines() {
        let t = line.trim();
        if depth == 0 && t != "{" {
            continue;
        }
        current.push_str(line);
        current.push('\n');
        depth += t.matches('{').count();
        depth = depth.saturating_sub(t.matches('}').count());
        if depth == 0 {
            if let Ok(Value::Object(m)) = serde_json::from_str(&current) {
                out.push(m);
            }
            current.clear();
        }
    }
    out
}

#[derive(Debug, PartialEq)]
enum Kind {
    Client,
    Create,
    Update,
    Problem,
}

fn kind(m: &Map<String, Value>) -> Kind {
    if m.contains_key("app_type") {
        Kind::Create
    } else if m.contains_key("grantTypes") {
        Kind::Client
    } else if m.contains_key("title") && m.contains_key("status") {
        Kind::Problem
    } else {
        Kind::Update
    }
}

/// Re-encodes `decoded` and checks that each key of `original` comes back
/// with the same value.
fn assert_round_trip(original: &Map<String, Value>, decoded: Value, what: &str) {
    let Value::Object(back) = decoded else {
        panic!("{what} did not encode to an object")
    };
    for (k, v) in original {
        if what == "create" && k == "id" {
            continue; // the console never sends id; the model keeps it only for reading
        }
        assert_eq!(back.get(k), Some(v), "{what}: field {k} lost or changed");
    }
}

fn check_page(page: &str) -> Vec<Kind> {
    let found = examples(page);
    assert!(!found.is_empty(), "no JSON examples found");
    let mut kinds = Vec::new();
    for m in found {
        let k = kind(&m);
        let v = Value::Object(m.clone());
        match k {
            Kind::Client => {
                let c: NexusClient = serde_json::from_value(v).expect("client example decodes");
                assert_eq!(c.manually_created, Some(false));
                assert_round_trip(&m, serde_json::to_value(&c).unwrap(), "client");
            }
            Kind::Create => {
                let c: CreateClientRequest =
                    serde_json::from_value(v).expect("create example decodes");
                assert_eq!(
                    c.client_metadata.as_ref().and_then(|m| m.owners.as_deref()),
                    Some("string")
                );
                let mut expected = m.clone();
                expected.remove("id");
                assert_round_trip(&expected, serde_json::to_value(&c).unwrap(), "create");
            }
            Kind::Update => {
                let u: UpdateClientRequest =
                    serde_json::from_value(v).expect("update example decodes");
                assert_round_trip(&m, serde_json::to_value(&u).unwrap(), "update");
            }
            Kind::Problem => {
                let body = serde_json::to_string(&m).unwrap();
                let p = ProblemDetails::from_response(
                    &nexus_domain::i18n::EN,
                    404,
                    Some("application/problem+json"),
                    &body,
                );
                assert_eq!(
                    (
                        p.title.as_deref(),
                        p.detail.as_deref(),
                        p.instance.as_deref()
                    ),
                    (Some("string"), Some("string"), Some("string"))
                );
                assert_eq!(
                    p.status,
                    Some(404),
                    "the HTTP status wins over the body's 0"
                );
            }
        }
        kinds.push(k);
    }
    kinds
}

/// Checks every example of a seed page, and that the page shows its
/// `request` kind, a client and a problem among them.
fn assert_seed_page(page: &str, request: Kind) {
    let kinds = check_page(page);
    for k in [request, Kind::Client, Kind::Problem] {
        assert!(kinds.contains(&k), "no {k:?} example");
    }
}

#[test]
fn seed_003_patch_examples() {
    assert_seed_page(include_str!("fixtures/seed-003-patch.txt"), Kind::Update);
}

#[test]
fn seed_004_post_examples() {
    assert_seed_page(include_str!("fixtures/seed-004-post.txt"), Kind::Create);
}

#[test]
fn tolerant_variants() {
    let cases = [
        (r#"{}"#, None),
        (
            r#"{"id":null,"name":null,"owners":null,"mobile":null,"clientAuthMethod":null}"#,
            None,
        ),
        (
            r#"{"clientAuthMethod":"client_secret_basic"}"#,
            Some("ClientSecretBasic"),
        ),
        (
            r#"{"clientAuthMethod":"CLIENTSECRETPOST"}"#,
            Some("ClientSecretPost"),
        ),
        (r#"{"clientAuthMethod":0}"#, Some("None")),
        (r#"{"clientAuthMethod":2}"#, Some("ClientSecretBasic")),
        (
            r#"{"clientAuthMethod":"None","extra":{"deep":[1,2]}}"#,
            Some("None"),
        ),
    ];
    for (json, method) in cases {
        let c: NexusClient = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(
            c.client_auth_method
                .as_ref()
                .map(|m| m.as_str().to_string())
                .as_deref(),
            method,
            "{json}"
        );
    }
    let mobile_partial: NexusClient =
        serde_json::from_str(r#"{"mobile":{"ios":null,"android":{"app_package_name":"com.x"}}}"#)
            .unwrap();
    assert_eq!(
        mobile_partial
            .mobile
            .unwrap()
            .android
            .unwrap()
            .app_package_name
            .as_deref(),
        Some("com.x")
    );
}
