//! A deadline for anything the console waits on (a fetch, the host's
//! `getToken`): a promise that never settles must not hang the console.

use futures::future::{select, Either};
use std::future::Future;

/// `fut`'s output, or `None` when `ms` milliseconds pass first (`fut` is
/// dropped then; abort the underlying work yourself if it has a signal).
pub async fn within<T>(ms: u32, fut: impl Future<Output = T>) -> Option<T> {
    let work = std::pin::pin!(fut);
    match select(work, gloo_timers::future::TimeoutFuture::new(ms)).await {
        Either::Left((out, _)) => Some(out),
        Either::Right(_) => None,
    }
}

/// Like [`within`], and when the time runs out it also aborts `controller`,
/// whose signal the fetch behind `fut` carries, so nothing lingers.
pub async fn within_aborting<T>(
    ms: u32,
    controller: Option<&web_sys::AbortController>,
    fut: impl Future<Output = T>,
) -> Option<T> {
    let out = within(ms, fut).await;
    if let (None, Some(c)) = (&out, controller) {
        c.abort();
    }
    out
}
