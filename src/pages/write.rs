//! A write (create, save, rotate, delete) is an `Action::new_local`: its
//! `pending()` is the busy state, its `value()` the last answer. These derive
//! what a view shows from that answer, so no view keeps a busy flag or sets
//! an answer into signals of its own after an await.

use crate::api::ApiError;
use leptos::prelude::*;
use nexus_domain::{NexusClient, Operation, ProblemDetails};

/// A write. Each reads what it sends when dispatched, and answers with the
/// client as the server now has it (`None` after a delete): one type for
/// every write, so that Leptos' action machinery is compiled into the wasm
/// once, not once per write.
pub type Write = Action<(), Result<Option<NexusClient>, ApiError>>;

/// The problem of the write's last answer, if it failed; none while the
/// next attempt is on its way (its answer replaces it).
pub fn problem_of(write: Write, operation: Operation) -> Memo<Option<ProblemDetails>> {
    let t = crate::i18n::t();
    let (pending, value) = (write.pending(), write.value());
    Memo::new(move |_| {
        if pending.get() {
            return None;
        }
        value.with(|v| match v {
            Some(Err(e)) => Some(e.problem_after(t, operation)),
            _ => None,
        })
    })
}

/// The server's reason for refusing the write's last attempt (a 403): it
/// overrides the local permission decision for that control.
pub fn refusal_of(write: Write) -> Memo<Option<String>> {
    let t = crate::i18n::t();
    let value = write.value();
    Memo::new(move |_| {
        value.with(|v| match v {
            Some(Err(e)) => e.forbidden_reason(t),
            _ => None,
        })
    })
}
