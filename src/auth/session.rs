use super::Credentials;
use crate::dom::session_storage;
use futures::channel::oneshot;
use leptos::prelude::*;
use nexus_domain::{Caller, ClaimNames};
use std::rc::Rc;

/// Where a standalone session is kept: sessionStorage, under a key named
/// for the API and the tenant, so two consoles on one origin (or one console
/// pointed at another tenant) never pick up each other's session.
fn storage_key(api_base: &str, tenant: &str) -> String {
    format!("ncc.session:{api_base}|{tenant}")
}
/// How long the host's `getToken` may take.
const HOST_TOKEN_TIMEOUT_MS: u32 = 15_000;

/// An embedding host's token source: `getToken({ forceRefresh })`.
/// Wrapped so it can sit in reactive state; it is only ever used on the
/// browser's one thread.
pub type HostTokenSource = send_wrapper::SendWrapper<
    Rc<dyn Fn(bool) -> futures::future::LocalBoxFuture<'static, Option<String>>>,
>;

/// The session: who is signed in, and the way to get fresh credentials when
/// the server answers 401. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Auth {
    credentials: RwSignal<Option<Credentials>>,
    /// A label for the sign-in (persona name) shown in the header.
    label: RwSignal<Option<String>>,
    caller: Memo<Caller>,
    /// True while a 401 waits for the user to sign in again.
    reauth_open: RwSignal<bool>,
    waiters: StoredValue<Vec<oneshot::Sender<bool>>>,
    host: StoredValue<Option<HostTokenSource>, LocalStorage>,
    /// The sessionStorage key, or `None` when nothing may be persisted
    /// (embedded: the host page owns the session).
    storage: StoredValue<Option<String>>,
    /// Requests waiting for the host's forced refresh in flight (`Some`
    /// while one runs): one `getToken({ forceRefresh: true })` for every
    /// request that got a 401 meanwhile, not one per request.
    refreshing: StoredValue<Option<Vec<oneshot::Sender<Option<String>>>>>,
}

/// Where a session is kept between reloads.
pub enum Persist {
    /// In sessionStorage under a key named for this API and tenant.
    Session { api_base: String, tenant: String },
    /// Nowhere: memory only (embedded in a host page).
    Nothing,
}

/// The session from context.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

impl Auth {
    /// Creates the session, restoring a previous one from sessionStorage
    /// when `persist` allows it and no host supplies tokens.
    pub fn new(names: ClaimNames, host: Option<HostTokenSource>, persist: Persist) -> Self {
        let storage = match persist {
            Persist::Session { api_base, tenant } if host.is_none() => {
                Some(storage_key(&api_base, &tenant))
            }
            _ => None,
        };
        let restored: Option<(Credentials, Option<String>)> = storage.as_deref().and_then(|key| {
            session_storage()
                .and_then(|s| s.get_item(key).ok().flatten())
                .and_then(|json| serde_json::from_str(&json).ok())
        });
        let (creds, label) = match restored {
            Some((c, l)) => (Some(c), l),
            None => (None, None),
        };
        let credentials = RwSignal::new(creds);
        let caller = Memo::new(move |_| {
            credentials.with(|c| c.as_ref().map_or(Caller::Unknown, |c| c.caller(&names)))
        });
        Auth {
            credentials,
            label: RwSignal::new(label),
            caller,
            reauth_open: RwSignal::new(false),
            waiters: StoredValue::new(Vec::new()),
            host: StoredValue::new_local(host),
            storage: StoredValue::new(storage),
            refreshing: StoredValue::new(None),
        }
    }

    /// Whether someone is signed in (reactive).
    pub fn is_signed_in(&self) -> bool {
        self.credentials.with(Option::is_some)
    }

    /// The caller, for permission decisions (reactive).
    pub fn caller(&self) -> Memo<Caller> {
        self.caller
    }

    /// The persona or account label (reactive).
    pub fn label(&self) -> Option<String> {
        self.label.get()
    }

    /// The credentials type in words (reactive).
    pub fn describe(&self, t: &nexus_domain::Catalog) -> Option<String> {
        self.credentials.with(|c| c.as_ref().map(|c| c.describe(t)))
    }

    /// Whether the host supplies tokens.
    pub fn is_host_managed(&self) -> bool {
        self.host.with_value(Option::is_some)
    }

    /// Signs in and wakes every request waiting on a 401.
    ///
    /// A bearer token is kept in sessionStorage (it expires, and the tab
    /// forgets it when closed); a Basic password never leaves memory, so a
    /// reload asks for it again.
    pub fn sign_in(&self, credentials: Credentials, label: Option<String>) {
        let key = self.storage.get_value();
        if let (Some(key), Some(s)) = (key, session_storage()) {
            match credentials {
                Credentials::Bearer { .. } => {
                    if let Ok(json) = serde_json::to_string(&(&credentials, &label)) {
                        let _ = s.set_item(&key, &json);
                    }
                }
                Credentials::Basic { .. } => {
                    let _ = s.remove_item(&key);
                }
            }
        }
        self.credentials.set(Some(credentials));
        self.label.set(label);
        self.finish_reauth(true);
    }

    /// Signs out and forgets the stored session.
    pub fn sign_out(&self) {
        if let (Some(key), Some(s)) = (self.storage.get_value(), session_storage()) {
            let _ = s.remove_item(&key);
        }
        self.credentials.set(None);
        self.label.set(None);
        self.finish_reauth(false);
    }

    /// Whether the "sign in again" dialog should show (reactive).
    pub fn reauth_open(&self) -> bool {
        self.reauth_open.get()
    }

    /// The user gave up on signing in again: waiting requests fail with 401.
    pub fn cancel_reauth(&self) {
        self.finish_reauth(false);
    }

    fn finish_reauth(&self, ok: bool) {
        self.reauth_open.set(false);
        let waiters = self
            .waiters
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for w in waiters {
            let _ = w.send(ok);
        }
    }

    /// Gets fresh credentials after a 401 for a request sent with `used`:
    /// from the host's `getToken`, or by asking the user to sign in again (the
    /// page and its draft stay as they are underneath). Resolves to true when
    /// the request should be retried. If the session already changed since
    /// `used` (another request got the user to sign in), it retries at once.
    pub async fn renew(&self, used: Option<&Credentials>) -> bool {
        let Some(current) = self.credentials.try_get_untracked() else {
            return false; // unmounted
        };
        if current.as_ref() != used && current.is_some() {
            return true;
        }
        if let Some(host) = self.host.try_with_value(Clone::clone).flatten() {
            return self.take_host_token(&host, true).await.is_some();
        }
        let (tx, rx) = oneshot::channel();
        if self.waiters.try_update_value(|w| w.push(tx)).is_none() {
            return false;
        }
        self.reauth_open.try_set(true);
        rx.await.unwrap_or(false)
    }

    /// The session's credentials as they are now, without asking a host.
    pub fn credentials_now(&self) -> Option<Credentials> {
        self.credentials.try_get_untracked().flatten()
    }

    /// The credentials for the next request: in host mode the host's
    /// `getToken` is asked every time (it owns caching and refresh).
    pub async fn credentials_for_request(&self) -> Option<Credentials> {
        match self.host.try_with_value(Clone::clone).flatten() {
            Some(host) => match self.take_host_token(&host, false).await {
                Some(fresh) => Some(fresh),
                None => self.credentials_now(),
            },
            None => self.credentials_now(),
        }
    }

    /// Asks the host for a token, giving up after 15 s (a host promise that
    /// never settles must not hang the console), and keeps it.
    async fn take_host_token(&self, host: &HostTokenSource, force: bool) -> Option<Credentials> {
        let token = if force {
            self.refresh_once(host).await?
        } else {
            crate::deadline::within(HOST_TOKEN_TIMEOUT_MS, host(false)).await??
        };
        if token.trim().is_empty() {
            return None;
        }
        let fresh = Credentials::Bearer {
            token,
            app_token: None,
        };
        if self.credentials.try_get_untracked().flatten().as_ref() != Some(&fresh) {
            self.credentials.try_set(Some(fresh.clone()));
        }
        Some(fresh)
    }

    /// One forced refresh at a time: requests that get a 401 while the host
    /// is refreshing wait for that answer instead of asking again.
    async fn refresh_once(&self, host: &HostTokenSource) -> Option<String> {
        let (tx, rx) = oneshot::channel();
        let mut first = false;
        self.refreshing.try_update_value(|r| match r {
            Some(waiting) => waiting.push(tx),
            None => {
                first = true;
                *r = Some(Vec::new());
            }
        });
        if !first {
            return rx.await.ok().flatten();
        }
        let token = crate::deadline::within(HOST_TOKEN_TIMEOUT_MS, host(true))
            .await
            .flatten();
        let waiting = self
            .refreshing
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_default();
        for w in waiting {
            let _ = w.send(token.clone());
        }
        token
    }
}
