//! The list answer: byte for byte what it has always been (a client as a
//! `serde_json::Value` without its secret, keys in order), in every shape,
//! and always current: each write shows in the next list, whatever answers
//! the stand-in keeps between requests.

mod common;

use common::*;
use nexus_devserver::config::{Storage, TENANT_ID};
use nexus_devserver::demo_data::{demo_clients, generated_clients};
use nexus_devserver::store::Store;
use nexus_devserver::{Config, ListShape};
use nexus_domain::{ClientAuthMethod, NexusClient};
use serde_json::{json, Value};

/// The list answer as the stand-in first wrote it, for `clients` (the seed):
/// sorted by shown name then id, filtered by `q`, each client a `Value`
/// without `secret`, `clientAuthMethod` as a number with
/// `--auth-method-as-int`, wrapped as configured.
fn expected(config: &Config, clients: &[NexusClient], query: &[(&str, &str)]) -> String {
    let param = |k: &str| {
        query
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let number = |k: &str| param(k).map(|v| v.parse::<usize>().expect("a number"));
    let needle = param("q").map(str::to_lowercase);
    let mut clients: Vec<&NexusClient> = clients
        .iter()
        .filter(|c| {
            needle.as_deref().is_none_or(|n| {
                [&c.name, &c.id, &c.product_name, &c.application_name]
                    .iter()
                    .any(|f| f.as_deref().is_some_and(|v| v.to_lowercase().contains(n)))
            })
        })
        .collect();
    clients.sort_by_cached_key(|c| {
        (
            c.display_name().to_lowercase(),
            c.id.clone().unwrap_or_default(),
        )
    });
    let as_listed = |c: &&NexusClient| {
        let mut v = serde_json::to_value(c).expect("a client serialises");
        let obj = v.as_object_mut().expect("an object");
        obj.remove("secret");
        if config.auth_method_as_int {
            let n = match &c.client_auth_method {
                Some(ClientAuthMethod::None) => Some(0),
                Some(ClientAuthMethod::ClientSecretPost) => Some(1),
                Some(ClientAuthMethod::ClientSecretBasic) => Some(2),
                Some(ClientAuthMethod::PrivateKeyJwt) => Some(3),
                _ => None,
            };
            if let Some(n) = n {
                obj.insert("clientAuthMethod".into(), json!(n));
            }
        }
        v
    };
    let total = clients.len();
    let (page, per_page) = (number("page"), number("per_page").or(number("pageSize")));
    let answer = if page.is_some() || per_page.is_some() || config.page_size.is_some() {
        let page = page.unwrap_or(0);
        let per_page = per_page.or(config.page_size).unwrap_or(50).clamp(1, 1000);
        let items: Vec<Value> = clients
            .iter()
            .skip(page.saturating_mul(per_page))
            .take(per_page)
            .map(as_listed)
            .collect();
        json!({"items": items, "total": total, "page": page, "per_page": per_page})
    } else {
        let items: Vec<Value> = clients.iter().map(as_listed).collect();
        match config.list_shape.key() {
            None => Value::Array(items),
            Some(key) => json!({ key: items, "total": total }),
        }
    };
    serde_json::to_string(&answer).expect("serialises")
}

fn url(query: &[(&str, &str)]) -> String {
    let q: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace(' ', "%20")))
        .collect();
    if q.is_empty() {
        CLIENTS.to_string()
    } else {
        format!("{CLIENTS}?{}", q.join("&"))
    }
}

const QUERIES: &[&[(&str, &str)]] = &[
    &[],
    &[("q", "shop")],
    &[("q", " SHOP st ")],
    &[("q", "nothing-matches-this")],
    &[("q", "")],
    &[("page", "2"), ("per_page", "10")],
    &[("pageSize", "5")],
    &[("q", "pay"), ("page", "0"), ("per_page", "3")],
    &[("per_page", "0")],
    &[("per_page", "5000")],
    &[("page", "99999")],
    &[("page", "")],
];

#[tokio::test]
async fn every_shape_and_query_answers_the_same_bytes_as_before() {
    let configs = [
        Config::in_memory(),
        Config {
            list_shape: ListShape::Items,
            ..Config::in_memory()
        },
        Config {
            list_shape: ListShape::Clients,
            auth_method_as_int: true,
            ..Config::in_memory()
        },
        Config {
            list_shape: ListShape::Data,
            ..Config::in_memory()
        },
        Config {
            auth_method_as_int: true,
            ..Config::in_memory()
        },
        Config {
            page_size: Some(7),
            ..Config::in_memory()
        },
        Config {
            seed_clients: Some(120),
            auth_method_as_int: true,
            ..Config::in_memory()
        },
    ];
    for config in configs {
        let seed = match config.seed_clients {
            Some(n) => generated_clients(n),
            None => demo_clients(),
        };
        let app = TestApp::with(config.clone());
        let viewer = app.bearer("viewer").await;
        for query in QUERIES {
            let r = app.get_as(&url(query), &viewer).await;
            assert_eq!(r.status, 200, "{query:?}: {}", r.text);
            assert_eq!(r.content_type(), "application/json", "{query:?}");
            let want = expected(&config, &seed, query);
            assert!(
                r.text == want,
                "{:?} {:?} {query:?}: the answer changed\n got: {}\nwant: {}",
                config.list_shape,
                config.page_size,
                r.text.chars().take(300).collect::<String>(),
                want.chars().take(300).collect::<String>()
            );
            assert_eq!(
                r.header("content-length"),
                Some(want.len().to_string()),
                "{query:?}"
            );
        }
    }
}

/// The ids a list answer shows, in order (bare or wrapped).
fn ids(list: &Value) -> Vec<String> {
    let items = list
        .as_array()
        .or_else(|| list["items"].as_array())
        .expect("a list");
    items
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn each_write_shows_in_the_next_list() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let list = |uri: String| {
        let (app, admin) = (&app, &admin);
        async move {
            let r = app.get_as(&uri, admin).await;
            assert_eq!(r.status, 200, "{}", r.text);
            assert!(!r.text.contains("\"secret\""), "a secret in the list");
            r.json()
        }
    };
    let all = || list(CLIENTS.to_string());
    let before = all().await;
    // The same answer twice, whatever is kept between requests.
    assert_eq!(all().await, before);
    let searched = list(format!("{CLIENTS}?q=zebra")).await;
    assert_eq!(ids(&searched).len(), 0);
    let paged = list(format!("{CLIENTS}?page=0&per_page=500")).await;

    // Create: the new client is listed, searched and paged.
    let r = app
        .post_as(
            CLIENTS,
            &admin,
            r#"{"name":"Zebra crossing","app_type":"regular_web"}"#,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.json()["id"].as_str().expect("an id").to_string();
    let after_create = all().await;
    assert!(ids(&after_create).contains(&id), "create not listed");
    assert_eq!(ids(&after_create).len(), ids(&before).len() + 1);
    assert_eq!(
        ids(&list(format!("{CLIENTS}?q=zebra")).await),
        [id.as_str()]
    );
    let paged_after = list(format!("{CLIENTS}?page=0&per_page=500")).await;
    assert_eq!(paged_after["total"], paged["total"].as_u64().unwrap() + 1);

    // Patch: the change is listed, and moves the client in the order.
    let r = app
        .patch_as(
            &client_url(&id),
            &admin,
            r#"{"applicationName":"striped-app","productName":"Aardvark"}"#,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let after_patch = all().await;
    let listed = after_patch
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id.as_str())
        .expect("still listed");
    assert_eq!(listed["applicationName"], "striped-app");
    assert_eq!(listed["productName"], "Aardvark");
    assert_eq!(
        ids(&list(format!("{CLIENTS}?q=aardvark")).await),
        [id.as_str()]
    );

    // Rotate: the list still carries no secret (checked in `list`), and is
    // otherwise the same.
    let r = app.rotate_secret_as(&id, &admin).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(all().await, after_patch);

    // Delete: gone from the list, the search and the pages.
    let r = app.delete_as(&client_url(&id), &admin).await;
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(all().await, before);
    assert_eq!(ids(&list(format!("{CLIENTS}?q=zebra")).await).len(), 0);
    assert_eq!(list(format!("{CLIENTS}?page=0&per_page=500")).await, paged);

    // A write straight to the store (as the seeding does) shows too.
    let mut direct = demo_clients().remove(0);
    direct.id = Some("direct_write".into());
    direct.name = Some("Written directly".into());
    app.state.store().put(TENANT_ID, &direct).expect("put");
    assert!(ids(&all().await).contains(&"direct_write".to_string()));
    app.state
        .store()
        .delete(TENANT_ID, "direct_write")
        .expect("delete");
    assert_eq!(all().await, before);
}

#[tokio::test]
async fn a_write_by_another_process_to_the_database_file_shows_in_the_next_list() {
    let dir = TempDir::new("list");
    let config = Config {
        storage: Storage::File(dir.join("list.db")),
        reset: true,
        ..Config::default()
    };
    let app = TestApp::with(config.clone());
    let admin = app.bearer("admin").await;
    let count = || async {
        let r = app.get_as(CLIENTS, &admin).await;
        ids(&r.json()).len()
    };
    let before = count().await;
    assert_eq!(count().await, before);
    // Another connection (another stand-in, a sqlite3 shell) adds a client.
    let other = Store::open(&config.storage, false).expect("a second connection");
    let mut c = demo_clients().remove(0);
    c.id = Some("from_elsewhere".into());
    other.put(TENANT_ID, &c).expect("put");
    assert_eq!(count().await, before + 1);
    other.delete(TENANT_ID, "from_elsewhere").expect("delete");
    assert_eq!(count().await, before);
}

/// The names a client goes by on the wire, as the contract spells them (the
/// byte-for-byte list test above compares with the domain's own
/// serialisation, so it would not see these change).
#[tokio::test]
async fn a_client_keeps_its_wire_names() {
    let app = TestApp::new();
    let admin = app.bearer("admin").await;
    let one = app
        .get_as(&client_url("cl_payments_wallet_17"), &admin)
        .await
        .json();
    let keys: Vec<&str> = one
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "allowCrossOriginAuthentication",
            "allowedCorsOrigins",
            "allowedLogoutUrls",
            "allowedWebOrigins",
            "applicationName",
            "callbackUrls",
            "clientAuthMethod",
            "client_upn_key",
            "grantTypes",
            "id",
            "idTokenExpiration",
            "isRefreshTokenAbsoluteExpirationEnabled",
            "isRefreshTokenInactivityLifetimeEnabled",
            "isRefreshTokenRotationEnabled",
            "logoUrl",
            "manuallyCreated",
            "mobile",
            "name",
            "owners",
            "productName",
            "refreshTokenAbsoluteLifetime",
            "refreshTokenInactivityLifetime",
            "refreshTokenReuseInterval",
            "secret",
            "type",
        ]
    );
    let mobile = &one["mobile"];
    assert!(mobile["ios"]["team_id"].is_string(), "{mobile}");
    assert!(
        mobile["ios"]["app_bundle_identifier"].is_string(),
        "{mobile}"
    );
    assert!(mobile["android"]["keystore_hash"].is_string(), "{mobile}");
    assert!(
        mobile["android"]["app_package_name"].is_string(),
        "{mobile}"
    );
}
