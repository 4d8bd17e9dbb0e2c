//! SQLite storage: one table of client JSON documents per tenant.

use crate::config::Storage;
use nexus_domain::NexusClient;
use rusqlite::{params, Connection, OptionalExtension};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

/// The client store. rusqlite is synchronous: each call takes the lock for
/// one short statement and never across an await.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    /// Writes made through this store; counted while the lock is held, so a
    /// [`Version`] read under the lock matches the rows read with it.
    writes: AtomicU64,
}

/// Where the store's data stands: what was read at one version is current
/// for as long as [`Store::version`] answers the same. Kept answers (the
/// list) are keyed by it instead of being dropped by each write's handler,
/// so no write can forget to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    /// Writes through this store (put, delete, reseed).
    writes: u64,
    /// SQLite's `data_version`, which moves when another connection (another
    /// stand-in, a sqlite3 shell) commits to the same database file.
    others: i64,
}

/// A tenant's clients (unsorted) and the version they were read at.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The store's version when the rows were read.
    pub version: Version,
    /// The clients whose rows decode.
    pub clients: Vec<NexusClient>,
}

/// A storage failure, as text for a 500 problem.
pub type StoreResult<T> = Result<T, String>;

fn err(e: rusqlite::Error) -> String {
    format!("storage error: {e}")
}

impl Store {
    /// Opens (and creates) the store. With `reset`, a database file is wiped first.
    pub fn open(storage: &Storage, reset: bool) -> StoreResult<Store> {
        let conn = match storage {
            Storage::Memory => Connection::open_in_memory().map_err(err)?,
            Storage::File(path) => {
                if reset {
                    for suffix in ["", "-wal", "-shm", "-journal"] {
                        let mut p = path.clone().into_os_string();
                        p.push(suffix);
                        let _ = std::fs::remove_file(p);
                    }
                }
                Connection::open(path).map_err(err)?
            }
        };
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=NORMAL;
             CREATE TABLE IF NOT EXISTS clients (
                 tenant TEXT NOT NULL,
                 id TEXT NOT NULL,
                 body TEXT NOT NULL,
                 PRIMARY KEY (tenant, id)
             );
             CREATE TABLE IF NOT EXISTS seeds (
                 tenant TEXT PRIMARY KEY,
                 seed TEXT NOT NULL
             );",
        )
        .map_err(err)?;
        Ok(Store {
            conn: Mutex::new(conn),
            writes: AtomicU64::new(0),
        })
    }

    /// Counts a write; called with the lock held (the guard proves it).
    fn wrote(&self, _held: &MutexGuard<'_, Connection>) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }

    fn version_at(&self, conn: &Connection) -> StoreResult<Version> {
        let others = conn
            .prepare_cached("PRAGMA data_version")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)))
            .map_err(err)?;
        Ok(Version {
            writes: self.writes.load(Ordering::SeqCst),
            others,
        })
    }

    /// The store's current version (one cheap statement).
    pub fn version(&self) -> StoreResult<Version> {
        self.version_at(&self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A poisoned lock only means another request panicked mid-statement;
        // SQLite itself stays consistent, so keep serving.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Number of clients of a tenant.
    pub fn count(&self, tenant: &str) -> StoreResult<usize> {
        let n: i64 = self
            .lock()
            .query_row(
                "SELECT COUNT(*) FROM clients WHERE tenant = ?1",
                params![tenant],
                |r| r.get(0),
            )
            .map_err(err)?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// What the tenant's clients were seeded as ("demo", "generated:N"), if
    /// this database recorded it (older files did not).
    pub fn seeded_as(&self, tenant: &str) -> StoreResult<Option<String>> {
        self.lock()
            .query_row(
                "SELECT seed FROM seeds WHERE tenant = ?1",
                params![tenant],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)
    }

    /// Replaces every client of a tenant with `clients`, and records `seed`
    /// as what they were seeded as, in one transaction.
    pub fn reseed(&self, tenant: &str, seed: &str, clients: &[NexusClient]) -> StoreResult<()> {
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM clients WHERE tenant = ?1", params![tenant])
            .map_err(err)?;
        {
            let mut stmt = tx
                .prepare("INSERT OR REPLACE INTO clients (tenant, id, body) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            for c in clients {
                let body = serde_json::to_string(c).map_err(|e| e.to_string())?;
                stmt.execute(params![tenant, c.id.as_deref().unwrap_or_default(), body])
                    .map_err(err)?;
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO seeds (tenant, seed) VALUES (?1, ?2)",
            params![tenant, seed],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        self.wrote(&conn);
        Ok(())
    }

    /// Every client of a tenant (unsorted), with the version they were read
    /// at. Rows that no longer decode are skipped.
    pub fn list(&self, tenant: &str) -> StoreResult<Snapshot> {
        let (version, bodies) = {
            let conn = self.lock();
            let mut stmt = conn
                .prepare("SELECT body FROM clients WHERE tenant = ?1")
                .map_err(err)?;
            let rows = stmt
                .query_map(params![tenant], |r| r.get::<_, String>(0))
                .map_err(err)?;
            let bodies: Vec<String> = rows.collect::<Result<_, _>>().map_err(err)?;
            (self.version_at(&conn)?, bodies)
        };
        Ok(Snapshot {
            version,
            clients: bodies
                .iter()
                .filter_map(|b| serde_json::from_str(b).ok())
                .collect(),
        })
    }

    /// One client, if it exists.
    pub fn get(&self, tenant: &str, id: &str) -> StoreResult<Option<NexusClient>> {
        let body: Option<String> = self
            .lock()
            .query_row(
                "SELECT body FROM clients WHERE tenant = ?1 AND id = ?2",
                params![tenant, id],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }

    /// Inserts or replaces a client (keyed by its id).
    pub fn put(&self, tenant: &str, client: &NexusClient) -> StoreResult<()> {
        let body = serde_json::to_string(client).map_err(|e| e.to_string())?;
        let conn = self.lock();
        conn.execute(
            "INSERT OR REPLACE INTO clients (tenant, id, body) VALUES (?1, ?2, ?3)",
            params![tenant, client.id.as_deref().unwrap_or_default(), body],
        )
        .map_err(err)?;
        self.wrote(&conn);
        Ok(())
    }

    /// Deletes a client; returns whether it existed.
    pub fn delete(&self, tenant: &str, id: &str) -> StoreResult<bool> {
        let conn = self.lock();
        let n = conn
            .execute(
                "DELETE FROM clients WHERE tenant = ?1 AND id = ?2",
                params![tenant, id],
            )
            .map_err(err)?;
        self.wrote(&conn);
        Ok(n > 0)
    }
}
