//! Shared server state: configuration, store, revocation time, fault queue.

use crate::config::{Config, TENANT_ID};
use crate::demo_data::{demo_clients, generated_clients};
use crate::faults::FaultRule;
use crate::store::Store;
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
    /// The logo hosts the CSP lists: `--logo-hosts`, else the served
    /// config.json's `logoHosts` as it was at start-up.
    logo_hosts: Vec<String>,
}

impl AppState {
    /// Opens the store (wiping it with `--reset`) and seeds it when empty.
    pub fn new(config: Config) -> Result<AppState, String> {
        let store = Store::open(&config.storage, config.reset)?;
        let n = config.seed_clients;
        store.seed_if_empty(TENANT_ID, || match n {
            Some(n) => generated_clients(n),
            None => demo_clients(),
        })?;
        let logo_hosts = match (&config.logo_hosts, &config.static_dir) {
            (Some(hosts), _) => hosts.clone(),
            (None, Some(dir)) => std::fs::read_to_string(dir.join("config.json"))
                .map(|doc| crate::static_files::logo_hosts_in(&doc))
                .unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        Ok(AppState {
            inner: Arc::new(Inner {
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
