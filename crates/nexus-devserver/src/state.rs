//! Shared server state: configuration, store, revocation time, fault queue.

use crate::config::{Config, TENANT_ID};
use crate::demo_data::{demo_clients, generated_clients};
use crate::faults::FaultRule;
use crate::listing::{ListCache, Listing};
use crate::store::{Store, StoreResult};
use crate::tokens::now_ms;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Cheap-to-clone handle on everything the handlers share.
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    store: Store,
    revoked_before_ms: AtomicI64,
    faults: Mutex<Vec<FaultRule>>,
    /// Each tenant's list answer, kept while the store is unchanged.
    lists: ListCache,
    /// The logo hosts the CSP lists: `--logo-hosts`, else the served
    /// config.json's `logoHosts` as it was at start-up.
    logo_hosts: Vec<String>,
}

impl AppState {
    /// Opens the store (wiping it with `--reset`) and seeds it when empty.
    pub fn new(config: Config) -> Result<AppState, String> {
        let store = Store::open(&config.storage, config.reset)?;
        if let Some(said) = seed(&store, &config)? {
            eprintln!("nexus-devserver: {said}");
        }
        let logo_hosts = match (&config.logo_hosts, &config.static_dir) {
            (Some(hosts), _) => hosts.clone(),
            (None, Some(dir)) => std::fs::read_to_string(dir.join("config.json"))
                .map(|doc| crate::static_files::logo_hosts_in(&doc))
                .unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        Ok(AppState {
            inner: Arc::new(Inner {
                lists: ListCache::new(config.auth_method_as_int),
                logo_hosts,
                config,
                store,
                revoked_before_ms: AtomicI64::new(0),
                faults: Mutex::new(Vec::new()),
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The hosts a client's logo may load from (the CSP's `img-src`).
    pub fn logo_hosts(&self) -> &[String] {
        &self.inner.logo_hosts
    }

    /// The client store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The tenant's list, sorted and serialised, as the store stands now
    /// (made again only after a write).
    pub fn listing(&self, tenant: &str) -> StoreResult<Arc<Listing>> {
        self.inner.lists.get(&self.inner.store, tenant)
    }

    /// The HS256 secret.
    pub fn token_secret(&self) -> &[u8] {
        self.inner.config.token_secret.as_bytes()
    }

    /// Tokens issued before this time (ms) are refused.
    pub fn revoked_before_ms(&self) -> i64 {
        self.inner.revoked_before_ms.load(Ordering::SeqCst)
    }

    /// Revokes every token issued until now (this millisecond included);
    /// returns the cut-off (ms): tokens stamped earlier are refused.
    pub fn revoke_tokens(&self) -> i64 {
        let cutoff = now_ms() + 1;
        self.inner
            .revoked_before_ms
            .fetch_max(cutoff, Ordering::SeqCst);
        self.revoked_before_ms()
    }

    /// The time to stamp on a new token: never earlier than the revocation
    /// cut-off, so a token issued right after a revocation is valid.
    pub fn issue_time_ms(&self) -> i64 {
        now_ms().max(self.revoked_before_ms())
    }

    /// The queued fault rules.
    pub fn faults(&self) -> MutexGuard<'_, Vec<FaultRule>> {
        self.inner.faults.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Seeds the tenant as the command line asks, and says what it did when that
/// is not plain: an empty store gets the demo set or `--clients N`; a store
/// holding clients is kept, unless `--clients N` asks for something other
/// than what it was seeded as, which reseeds it (a second
/// `dev.sh --clients 10000` after a first plain run used to serve the old 36
/// silently).
pub fn seed(store: &Store, config: &Config) -> Result<Option<String>, String> {
    let wanted = match config.seed_clients {
        Some(n) => format!("generated:{n}"),
        None => "demo".to_string(),
    };
    let clients = || match config.seed_clients {
        Some(n) => generated_clients(n),
        None => demo_clients(),
    };
    let have = store.count(TENANT_ID)?;
    let seeded_as = store.seeded_as(TENANT_ID)?;
    let where_ = match &config.storage {
        crate::config::Storage::File(p) => p.display().to_string(),
        crate::config::Storage::Memory => "memory".to_string(),
    };
    if have == 0 {
        store.reseed(TENANT_ID, &wanted, &clients())?;
        return Ok(None);
    }
    match (config.seed_clients, seeded_as.as_deref()) {
        (Some(n), was) if was != Some(wanted.as_str()) => {
            store.reseed(TENANT_ID, &wanted, &clients())?;
            Ok(Some(format!(
                "{where_} held {have} clients ({}); --clients {n} asked for {n} generated ones, so it was reseeded (changes made there are gone).",
                describe(was)
            )))
        }
        _ => Ok(Some(format!(
            "serving the {have} clients already in {where_} ({}); --reset starts again from the {}.",
            describe(seeded_as.as_deref()),
            match config.seed_clients {
                Some(n) => format!("{n} generated clients"),
                None => "demo set".to_string(),
            }
        ))),
    }
}

/// A seed label in words.
fn describe(seed: Option<&str>) -> String {
    match seed {
        Some("demo") => "seeded with the demo set".into(),
        Some(s) => match s.strip_prefix("generated:") {
            Some(n) => format!("seeded with {n} generated clients"),
            None => format!("seeded as {s}"),
        },
        None => "seeded before seeds were recorded".into(),
    }
}

#[cfg(test)]
mod seed_tests {
    use super::*;
    use crate::config::Storage;

    fn config(db: &std::path::Path, clients: Option<usize>) -> Config {
        Config {
            storage: Storage::File(db.to_path_buf()),
            seed_clients: clients,
            ..Config::default()
        }
    }

    #[test]
    fn clients_n_after_a_plain_run_reseeds_and_says_so_and_a_plain_run_keeps_what_is_there() {
        let dir = std::env::temp_dir().join(format!("ncc-seed-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let db = dir.join("seed.db");
        let _ = std::fs::remove_file(&db);
        let open = |n| {
            let c = config(&db, n);
            let store = Store::open(&c.storage, false).unwrap();
            let said = seed(&store, &c).unwrap();
            (store.count(TENANT_ID).unwrap(), said)
        };
        let (first, said) = open(None);
        assert!(first > 0 && said.is_none(), "{first} {said:?}");
        let (n, said) = open(Some(50));
        assert_eq!(n, 50);
        assert!(said.unwrap().contains("reseeded"));
        // Same again: kept, and it says what it serves.
        let (n, said) = open(Some(50));
        assert_eq!(n, 50);
        assert!(said.unwrap().contains("serving the 50 clients"));
        // A plain run keeps the 50 (it does not undo a --clients run).
        let (n, said) = open(None);
        assert_eq!(n, 50);
        assert!(said.unwrap().contains("--reset"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
