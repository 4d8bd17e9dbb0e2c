//! The list answer, made once per store version and kept until a write
//! changes the store.
//!
//! Each list request used to read every row from SQLite, parse it, turn each
//! client into a `serde_json::Value`, drop its secret and serialise the lot
//! again: about 300 ms for 10,000 clients in a release build, which made the
//! stand-in the slowest part of a large first render. Now the sorted clients
//! are serialised once, typed, into one buffer; a request only filters and
//! pages it, and the plain list is that buffer as it is.

use crate::config::ListShape;
use crate::store::{Snapshot, Store, StoreResult, Version};
use axum::body::Bytes;
use nexus_domain::{ClientAuthMethod, Mobile, MobileAndroid, MobileIos, NexusClient};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard};

/// What a list request asks for, its query read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// `q`, trimmed and lowercased; `None` when absent or blank.
    pub needle: Option<String>,
    /// The page, when the request or `--page-size` asks for one.
    pub paging: Option<Paging>,
}

/// One page of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Zero-based page number.
    pub page: usize,
    /// Clients per page (1 to 1000).
    pub per_page: usize,
}

/// `clientAuthMethod` as the ASP.NET enum number (`--auth-method-as-int`),
/// for the methods that have one.
pub fn auth_method_number(method: &ClientAuthMethod) -> Option<u8> {
    match method {
        ClientAuthMethod::None => Some(0),
        ClientAuthMethod::ClientSecretPost => Some(1),
        ClientAuthMethod::ClientSecretBasic => Some(2),
        ClientAuthMethod::PrivateKeyJwt => Some(3),
        ClientAuthMethod::Other(_) => None,
    }
}

/// The tenant's clients in list order, serialised, with what a search reads.
pub struct Listing {
    version: Version,
    /// Every client's JSON in list order, as one JSON array: the answer to
    /// a bare list with no search and no page, as it is.
    array: Bytes,
    entries: Vec<Entry>,
}

/// One client of a [`Listing`].
struct Entry {
    /// Where the client's JSON stands in `array`.
    span: Range<usize>,
    /// The fields `q` searches (name, id, product, application), lowercased.
    searched: Vec<String>,
}

/// The list's order: the name shown (lowercased), then the id.
fn sort_key(c: &NexusClient) -> (String, String) {
    (
        c.display_name().to_lowercase(),
        c.id.clone().unwrap_or_default(),
    )
}

impl Listing {
    /// Sorts and serialises a snapshot of the store.
    pub fn build(snapshot: Snapshot, auth_method_as_int: bool) -> Result<Listing, String> {
        let Snapshot {
            version,
            mut clients,
        } = snapshot;
        clients.sort_by_cached_key(sort_key);
        let mut array = Vec::with_capacity(clients.len() * 800 + 2);
        let mut entries = Vec::with_capacity(clients.len());
        array.push(b'[');
        for (i, c) in clients.iter().enumerate() {
            if i > 0 {
                array.push(b',');
            }
            let start = array.len();
            serde_json::to_writer(&mut array, &ListItem::new(c, auth_method_as_int))
                .map_err(|e| format!("cannot serialise client {:?}: {e}", c.id))?;
            let searched = [&c.name, &c.id, &c.product_name, &c.application_name]
                .into_iter()
                .flatten()
                .map(|v| v.to_lowercase())
                .collect();
            entries.push(Entry {
                span: start..array.len(),
                searched,
            });
        }
        array.push(b']');
        Ok(Listing {
            version,
            array: Bytes::from(array),
            entries,
        })
    }

    /// The store version this listing was made at.
    pub fn version(&self) -> Version {
        self.version
    }

    /// How many clients it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no client.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The JSON body answering `query`: a page `{"items","page","per_page",
    /// "total"}`, else the array bare or wrapped with `total` as `shape`
    /// says. Keys stand in the order they always have (sorted).
    pub fn answer(&self, query: &ListQuery, shape: ListShape) -> Bytes {
        let chosen: Vec<&Entry> = match &query.needle {
            None => self.entries.iter().collect(),
            Some(n) => self
                .entries
                .iter()
                .filter(|e| e.searched.iter().any(|f| f.contains(n.as_str())))
                .collect(),
        };
        let total = chosen.len();
        let mut out = Vec::new();
        match (query.paging, shape.key()) {
            (Some(Paging { page, per_page }), _) => {
                out.extend_from_slice(b"{\"items\":");
                let on_page = chosen
                    .into_iter()
                    .skip(page.saturating_mul(per_page))
                    .take(per_page);
                self.write_array(&mut out, on_page);
                out.extend_from_slice(
                    format!(",\"page\":{page},\"per_page\":{per_page},\"total\":{total}}}")
                        .as_bytes(),
                );
            }
            // The common case, and the large one: nothing to copy.
            (None, None) if query.needle.is_none() => return self.array.clone(),
            (None, None) => self.write_array(&mut out, chosen.into_iter()),
            (None, Some(key)) => {
                out.extend_from_slice(format!("{{\"{key}\":").as_bytes());
                self.write_array(&mut out, chosen.into_iter());
                out.extend_from_slice(format!(",\"total\":{total}}}").as_bytes());
            }
        }
        Bytes::from(out)
    }

    fn write_array<'a>(&self, out: &mut Vec<u8>, entries: impl Iterator<Item = &'a Entry>) {
        out.push(b'[');
        for (i, e) in entries.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.array[e.span.clone()]);
        }
        out.push(b']');
    }
}

impl fmt::Debug for Listing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not the clients: a 10,000-client listing is megabytes.
        f.debug_struct("Listing")
            .field("version", &self.version)
            .field("clients", &self.entries.len())
            .field("bytes", &self.array.len())
            .finish()
    }
}

/// The latest [`Listing`] of each tenant, remade when the store's version
/// has moved on since it was made.
#[derive(Debug)]
pub struct ListCache {
    auth_method_as_int: bool,
    by_tenant: Mutex<HashMap<String, Arc<Listing>>>,
}

impl ListCache {
    /// An empty cache whose listings write `clientAuthMethod` as a number
    /// when `auth_method_as_int` (`--auth-method-as-int`).
    pub fn new(auth_method_as_int: bool) -> Self {
        ListCache {
            auth_method_as_int,
            by_tenant: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Arc<Listing>>> {
        // A poisoned lock only means a request panicked while holding it;
        // the map still holds whole listings.
        self.by_tenant.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The tenant's listing as the store stands now: the kept one when the
    /// store has not changed since it was made, else a new one (kept).
    pub fn get(&self, store: &Store, tenant: &str) -> StoreResult<Arc<Listing>> {
        let now = store.version()?;
        if let Some(kept) = self.lock().get(tenant).filter(|l| l.version == now) {
            return Ok(Arc::clone(kept));
        }
        // Made without the map's lock held: a request racing a write may
        // make one that is already stale, and the next request remakes it.
        let fresh = Arc::new(Listing::build(
            store.list(tenant)?,
            self.auth_method_as_int,
        )?);
        self.lock().insert(tenant.to_string(), Arc::clone(&fresh));
        Ok(fresh)
    }
}

/// A client as the list shows it: every field but the secret (the list never
/// needs it, and 10,000 secrets in one answer is a leak waiting to happen).
///
/// Keys are declared in the order the list has always written them, that of
/// the sorted map a `serde_json::Value` is, so the answer is unchanged to the
/// byte (`tests/list.rs` holds it to that).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListItem<'a> {
    allow_cross_origin_authentication: Option<bool>,
    allowed_cors_origins: &'a Option<Vec<String>>,
    allowed_logout_urls: &'a Option<Vec<String>>,
    allowed_web_origins: &'a Option<Vec<String>>,
    application_name: &'a Option<String>,
    callback_urls: &'a Option<Vec<String>>,
    client_auth_method: Option<AuthMethod<'a>>,
    #[serde(rename = "client_upn_key")]
    client_upn_key: &'a Option<String>,
    grant_types: &'a Option<Vec<String>>,
    id: &'a Option<String>,
    id_token_expiration: Option<i64>,
    is_refresh_token_absolute_expiration_enabled: Option<bool>,
    is_refresh_token_inactivity_lifetime_enabled: Option<bool>,
    is_refresh_token_rotation_enabled: Option<bool>,
    logo_url: &'a Option<String>,
    manually_created: Option<bool>,
    mobile: Option<MobileItem<'a>>,
    name: &'a Option<String>,
    owners: &'a Option<Vec<String>>,
    product_name: &'a Option<String>,
    refresh_token_absolute_lifetime: Option<i64>,
    refresh_token_inactivity_lifetime: Option<i64>,
    refresh_token_reuse_interval: Option<i64>,
    #[serde(rename = "type")]
    client_type: &'a Option<String>,
}

/// `clientAuthMethod`: its contract spelling, or its number.
#[derive(Serialize)]
#[serde(untagged)]
enum AuthMethod<'a> {
    Number(u8),
    Text(&'a str),
}

/// [`Mobile`] with its keys sorted, as the list writes it.
#[derive(Serialize)]
struct MobileItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    android: Option<AndroidItem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ios: Option<IosItem<'a>>,
}

/// [`MobileAndroid`] with its keys sorted.
#[derive(Serialize)]
struct AndroidItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    app_package_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keystore_hash: Option<&'a str>,
}

/// [`MobileIos`] with its keys sorted.
#[derive(Serialize)]
struct IosItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    app_bundle_identifier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_id: Option<&'a str>,
}

impl<'a> ListItem<'a> {
    fn new(c: &'a NexusClient, auth_method_as_int: bool) -> Self {
        // Every field named, none skipped with `..`: a field added to
        // NexusClient stops the build here instead of going missing from the
        // list.
        let NexusClient {
            id,
            name,
            client_type,
            mobile,
            owners,
            secret: _,
            logo_url,
            grant_types,
            product_name,
            callback_urls,
            client_upn_key,
            application_name,
            manually_created,
            client_auth_method,
            allowed_logout_urls,
            allowed_web_origins,
            allowed_cors_origins,
            id_token_expiration,
            refresh_token_reuse_interval,
            refresh_token_absolute_lifetime,
            refresh_token_inactivity_lifetime,
            is_refresh_token_rotation_enabled,
            is_refresh_token_absolute_expiration_enabled,
            is_refresh_token_inactivity_lifetime_enabled,
            allow_cross_origin_authentication,
        } = c;
        let client_auth_method = client_auth_method.as_ref().map(|m| {
            match auth_method_number(m).filter(|_| auth_method_as_int) {
                Some(n) => AuthMethod::Number(n),
                None => AuthMethod::Text(m.as_str()),
            }
        });
        ListItem {
            allow_cross_origin_authentication: *allow_cross_origin_authentication,
            allowed_cors_origins,
            allowed_logout_urls,
            allowed_web_origins,
            application_name,
            callback_urls,
            client_auth_method,
            client_upn_key,
            grant_types,
            id,
            id_token_expiration: *id_token_expiration,
            is_refresh_token_absolute_expiration_enabled:
                *is_refresh_token_absolute_expiration_enabled,
            is_refresh_token_inactivity_lifetime_enabled:
                *is_refresh_token_inactivity_lifetime_enabled,
            is_refresh_token_rotation_enabled: *is_refresh_token_rotation_enabled,
            logo_url,
            manually_created: *manually_created,
            mobile: mobile.as_ref().map(MobileItem::new),
            name,
            owners,
            product_name,
            refresh_token_absolute_lifetime: *refresh_token_absolute_lifetime,
            refresh_token_inactivity_lifetime: *refresh_token_inactivity_lifetime,
            refresh_token_reuse_interval: *refresh_token_reuse_interval,
            client_type,
        }
    }
}

impl<'a> MobileItem<'a> {
    fn new(m: &'a Mobile) -> Self {
        let Mobile { ios, android } = m;
        MobileItem {
            android: android.as_ref().map(|a| {
                let MobileAndroid {
                    keystore_hash,
                    app_package_name,
                } = a;
                AndroidItem {
                    app_package_name: app_package_name.as_deref(),
                    keystore_hash: keystore_hash.as_deref(),
                }
            }),
            ios: ios.as_ref().map(|i| {
                let MobileIos {
                    team_id,
                    app_bundle_identifier,
                } = i;
                IosItem {
                    app_bundle_identifier: app_bundle_identifier.as_deref(),
                    team_id: team_id.as_deref(),
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_data::{demo_clients, generated_clients};
    use serde_json::Value;

    /// The old way: a `Value` (a sorted map) without the secret.
    fn as_value(c: &NexusClient, as_int: bool) -> String {
        let mut v = serde_json::to_value(c).unwrap();
        let obj = v.as_object_mut().unwrap();
        obj.remove("secret");
        if let Some(n) = c
            .client_auth_method
            .as_ref()
            .and_then(auth_method_number)
            .filter(|_| as_int)
        {
            obj.insert("clientAuthMethod".into(), Value::from(n));
        }
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn an_item_is_written_as_the_value_was_for_every_shape_of_client() {
        let full = NexusClient {
            id: Some("x\"1".into()),
            name: Some("Ünïcode \u{1F600} \\ \n".into()),
            client_type: Some("spa".into()),
            mobile: Some(Mobile {
                ios: Some(MobileIos {
                    team_id: Some("T".into()),
                    app_bundle_identifier: None,
                }),
                android: Some(MobileAndroid::default()),
            }),
            owners: Some(vec!["a".into(), "b".into()]),
            secret: Some("never listed".into()),
            logo_url: Some("https://l".into()),
            grant_types: Some(vec![]),
            product_name: Some("P".into()),
            callback_urls: Some(vec!["https://c".into()]),
            client_upn_key: Some("upn".into()),
            application_name: Some("app".into()),
            manually_created: Some(false),
            client_auth_method: Some(ClientAuthMethod::Other("tls".into())),
            allowed_logout_urls: Some(vec!["https://o".into()]),
            allowed_web_origins: Some(vec!["https://w".into()]),
            allowed_cors_origins: Some(vec!["https://k".into()]),
            id_token_expiration: Some(-1),
            refresh_token_reuse_interval: Some(i64::MAX),
            refresh_token_absolute_lifetime: Some(i64::MIN),
            refresh_token_inactivity_lifetime: Some(0),
            is_refresh_token_rotation_enabled: Some(true),
            is_refresh_token_absolute_expiration_enabled: Some(false),
            is_refresh_token_inactivity_lifetime_enabled: None,
            allow_cross_origin_authentication: Some(true),
        };
        let empty_mobile = NexusClient {
            mobile: Some(Mobile::default()),
            ..NexusClient::default()
        };
        let mut all = demo_clients();
        all.extend(generated_clients(20));
        all.extend([full, empty_mobile, NexusClient::default()]);
        for c in &all {
            for as_int in [false, true] {
                let typed = serde_json::to_string(&ListItem::new(c, as_int)).unwrap();
                assert_eq!(typed, as_value(c, as_int), "{:?} as_int={as_int}", c.id);
                assert!(!typed.contains("\"secret\""));
            }
        }
    }

    #[test]
    fn answers_search_page_and_wrap_the_kept_array() {
        let store = Store::open(&crate::config::Storage::Memory, false).unwrap();
        store.reseed("t", "demo", &generated_clients(12)).unwrap();
        let listing = Listing::build(store.list("t").unwrap(), false).unwrap();
        assert_eq!(listing.len(), 12);
        let all = listing.answer(&ListQuery::default(), ListShape::Bare);
        // The plain list is the kept buffer itself, not a copy.
        assert_eq!(all.as_ptr(), listing.array.as_ptr());
        let v: Value = serde_json::from_slice(&all).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 12);
        let q = ListQuery {
            needle: Some("gen_0001".into()),
            paging: Some(Paging {
                page: 1,
                per_page: 2,
            }),
        };
        let v: Value = serde_json::from_slice(&listing.answer(&q, ListShape::Bare)).unwrap();
        assert_eq!(v["total"], 3, "gen_00010..gen_00012: {v}");
        assert_eq!(v["items"].as_array().unwrap().len(), 1);
        let v: Value =
            serde_json::from_slice(&listing.answer(&ListQuery::default(), ListShape::Data))
                .unwrap();
        assert_eq!(v["total"], 12);
        assert_eq!(v["data"].as_array().unwrap().len(), 12);
    }

    #[test]
    fn the_cache_keeps_a_listing_until_the_store_changes() {
        let store = Store::open(&crate::config::Storage::Memory, false).unwrap();
        store.reseed("t", "demo", &generated_clients(3)).unwrap();
        let cache = ListCache::new(false);
        let first = cache.get(&store, "t").unwrap();
        assert!(Arc::ptr_eq(&first, &cache.get(&store, "t").unwrap()));
        // A delete of nothing still counts as a write: remade, same content.
        store.delete("t", "missing").unwrap();
        let second = cache.get(&store, "t").unwrap();
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(second.array, first.array);
        store.delete("t", "gen_00001").unwrap();
        assert_eq!(cache.get(&store, "t").unwrap().len(), 2);
        assert!(cache.get(&store, "other").unwrap().is_empty());
    }
}
