//! Runs the requests of a bulk action or list import a few at a time, with
//! per-client outcomes, a cancel and a retry of the failed.
//!
//! At most [`IN_FLIGHT`] requests are in flight. Cancel stops starting new
//! ones; the requests already sent finish and their outcome is kept (an
//! aborted DELETE or POST could not say whether it took effect), and those
//! never sent are marked cancelled. A 401 on any request is handled by the
//! api layer (one sign-in for all the waiting requests, then each is sent
//! again), so the run carries on where it was.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use nexus_domain::bulk::{BulkItem, Outcome};
use nexus_domain::{NexusClient, ProblemDetails};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Requests in flight at once.
pub const IN_FLIGHT: usize = 4;

/// What one item's request gives: a created client (an import), nothing (an
/// action), or the problem.
pub type JobResult = Result<Option<NexusClient>, ProblemDetails>;

/// The request for item `i` of the run.
pub type Job = Rc<dyn Fn(usize) -> LocalBoxFuture<'static, JobResult>>;

/// One bulk run's state: its title, its items (those to send first, then
/// the skipped), and whether it runs. `Copy`, like a signal.
#[derive(Clone, Copy)]
pub struct BulkRun {
    /// What the run does ("Delete 12 clients").
    pub title: RwSignal<String>,
    pub items: RwSignal<Vec<BulkItem>>,
    pub running: RwSignal<bool>,
    /// The run deletes: a client done is gone (no link to it).
    pub deletes: RwSignal<bool>,
    stop: RwSignal<bool>,
    job: StoredValue<Option<Job>, LocalStorage>,
    on_finish: StoredValue<Option<Callback<()>>>,
}

impl Default for BulkRun {
    fn default() -> Self {
        Self::new()
    }
}

impl BulkRun {
    /// An empty run (nothing shown).
    pub fn new() -> Self {
        BulkRun {
            title: RwSignal::new(String::new()),
            items: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            deletes: RwSignal::new(false),
            stop: RwSignal::new(false),
            job: StoredValue::new_local(None),
            on_finish: StoredValue::new(None),
        }
    }

    /// Starts a run: `items` (those `job` sends, as `Waiting`, then the
    /// skipped), `on_finish` after the last answer (the list reloads).
    pub fn start(
        &self,
        title: String,
        items: Vec<BulkItem>,
        deletes: bool,
        job: Job,
        on_finish: Callback<()>,
    ) {
        if self.running.get_untracked() {
            return;
        }
        let queue: VecDeque<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.outcome == Outcome::Waiting)
            .map(|(n, _)| n)
            .collect();
        self.title.set(title);
        self.deletes.set(deletes);
        self.items.set(items);
        self.job.set_value(Some(job));
        self.on_finish.set_value(Some(on_finish));
        self.launch(queue);
    }

    /// Sends the failed items again, and those a cancel left unsent.
    pub fn retry_failed(&self) {
        if self.running.get_untracked() {
            return;
        }
        let mut queue = VecDeque::new();
        self.items.update(|items| {
            for (n, i) in items.iter_mut().enumerate() {
                if matches!(i.outcome, Outcome::Failed(_) | Outcome::Cancelled) {
                    i.outcome = Outcome::Waiting;
                    queue.push_back(n);
                }
            }
        });
        self.launch(queue);
    }

    /// Stops starting requests (those in flight finish).
    pub fn cancel(&self) {
        self.stop.set(true);
    }

    /// Whether cancel was asked for in the run going on.
    pub fn cancelling(&self) -> bool {
        self.stop.get() && self.running.get()
    }

    fn launch(&self, queue: VecDeque<usize>) {
        let Some(job) = self.job.get_value() else {
            return;
        };
        if queue.is_empty() {
            self.finish();
            return;
        }
        self.stop.set(false);
        self.running.set(true);
        let workers = IN_FLIGHT.min(queue.len());
        let queue = Rc::new(RefCell::new(queue));
        let active = Rc::new(Cell::new(workers));
        let run = *self;
        for _ in 0..workers {
            let (queue, active, job) = (queue.clone(), active.clone(), job.clone());
            spawn_local(async move {
                loop {
                    // try_: the list page may be gone (the run then just ends).
                    if run.stop.try_get_untracked().unwrap_or(true) {
                        break;
                    }
                    let Some(n) = queue.borrow_mut().pop_front() else {
                        break;
                    };
                    let (outcome, created) = match job(n).await {
                        Ok(created) => (Outcome::Done, created),
                        Err(p) => (Outcome::Failed(Box::new(p)), None),
                    };
                    let kept = run.items.try_update(|items| {
                        if let Some(item) = items.get_mut(n) {
                            item.outcome = outcome;
                            if let Some(c) = created {
                                item.id = c.id;
                                item.secret = c.secret.filter(|s| !s.is_empty());
                            }
                        }
                    });
                    if kept.is_none() {
                        return;
                    }
                }
                active.set(active.get() - 1);
                if active.get() == 0 {
                    let never_sent: Vec<usize> = queue.borrow_mut().drain(..).collect();
                    run.items.try_update(|items| {
                        for n in never_sent {
                            if let Some(item) = items.get_mut(n) {
                                item.outcome = Outcome::Cancelled;
                            }
                        }
                    });
                    run.finish();
                }
            });
        }
    }

    fn finish(&self) {
        self.running.try_set(false);
        if let Some(cb) = self.on_finish.try_get_value().flatten() {
            cb.run(());
        }
    }
}
