//! The batch pool: N workers render items while one thread reads them, so a
//! data file is read as it is rendered and memory stays flat in the number
//! of items (at most `2 × jobs` items wait between reader and workers).
//! Results come back to the calling thread, which reports progress; a
//! [`Cancel`] token (set by a signal handler, by Python's Ctrl-C check …)
//! stops the reading and the workers after the items under way.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often the calling thread wakes while it waits, for [`Pool::on_idle`].
const IDLE_EVERY: Duration = Duration::from_millis(50);

/// A shared stop flag; cloning shares it.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// The flag itself, for `signal_hook::flag::register`.
    pub fn flag(&self) -> &Arc<AtomicBool> {
        &self.0
    }
}

/// How far a run has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Items finished (written or failed).
    pub done: usize,
    /// Items in all, when known.
    pub total: Option<usize>,
}

/// The worker count for `jobs` (0: one per core), never more than the items.
pub fn workers(jobs: usize, total: Option<usize>) -> usize {
    let jobs = match jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    total.map_or(jobs, |t| jobs.min(t)).max(1)
}

/// A run's settings: workers, item count, stop flag, idle hook.
pub struct Pool<'a> {
    jobs: usize,
    total: Option<usize>,
    cancel: Cancel,
    idle: Option<Box<dyn FnMut() + 'a>>,
}

impl<'a> Pool<'a> {
    /// `jobs` workers (0: one per core).
    pub fn new(jobs: usize) -> Pool<'a> {
        Pool {
            jobs,
            total: None,
            cancel: Cancel::new(),
            idle: None,
        }
    }

    /// The number of items, for progress.
    pub fn total(mut self, total: usize) -> Self {
        self.total = Some(total);
        self
    }

    pub fn cancel(mut self, cancel: &Cancel) -> Self {
        self.cancel = cancel.clone();
        self
    }

    /// Called on the calling thread whenever it has waited a while (e.g. to
    /// look for Ctrl-C where only that thread may).
    pub fn on_idle(mut self, idle: impl FnMut() + 'a) -> Self {
        self.idle = Some(Box::new(idle));
        self
    }

    /// Runs `work` on every item, `jobs` at once; `each` gets every result
    /// on the calling thread with the progress so far, in the order items
    /// finish. Returns false if the run was cancelled before all items ran.
    pub fn run<T, R>(
        mut self,
        items: impl IntoIterator<Item = T, IntoIter: Send>,
        work: impl Fn(T) -> R + Sync,
        mut each: impl FnMut(R, Progress),
    ) -> bool
    where
        T: Send,
        R: Send,
    {
        let jobs = workers(self.jobs, self.total);
        let items = items.into_iter();
        let cancel = &self.cancel;
        let (job_sender, job_receiver) = mpsc::sync_channel::<T>(jobs * 2);
        // An Option so the calling thread can drop it and free a reader that
        // waits to hand over an item nobody will take.
        let job_receiver = Mutex::new(Some(job_receiver));
        let (result_sender, results) = mpsc::channel::<R>();
        let mut finished = true;
        std::thread::scope(|scope| {
            scope.spawn(move || {
                for item in items {
                    if cancel.is_cancelled() || job_sender.send(item).is_err() {
                        break;
                    }
                }
            });
            for _ in 0..jobs {
                let (result_sender, job_receiver, work) =
                    (result_sender.clone(), &job_receiver, &work);
                scope.spawn(move || loop {
                    if cancel.is_cancelled() {
                        break;
                    }
                    let next = {
                        let receiver = job_receiver.lock().unwrap_or_else(|p| p.into_inner());
                        match receiver.as_ref() {
                            Some(receiver) => receiver.recv(),
                            None => break,
                        }
                    };
                    let Ok(item) = next else { break };
                    if result_sender.send(work(item)).is_err() {
                        break;
                    }
                });
            }
            drop(result_sender);
            let mut done = 0;
            let mut last_idle = Instant::now();
            loop {
                match results.recv_timeout(IDLE_EVERY) {
                    Ok(result) => {
                        done += 1;
                        each(
                            result,
                            Progress {
                                done,
                                total: self.total,
                            },
                        );
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => break,
                }
                // Also while results keep coming: Ctrl-C must not wait for a lull.
                if last_idle.elapsed() >= IDLE_EVERY {
                    last_idle = Instant::now();
                    if let Some(idle) = self.idle.as_mut() {
                        idle();
                    }
                }
            }
            // Every worker has stopped; the reader may still wait on a full queue.
            let _ = job_receiver.lock().map(|mut r| r.take());
            finished = !cancel.is_cancelled();
        });
        finished
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn every_item_runs_once_and_progress_counts_up() {
        let mut seen = Vec::new();
        let mut progress = Vec::new();
        let finished = Pool::new(3).total(100).run(
            0..100usize,
            |i| i * 2,
            |r, p| {
                seen.push(r);
                progress.push(p.done);
            },
        );
        assert!(finished);
        seen.sort();
        assert_eq!(seen, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(progress, (1..=100).collect::<Vec<_>>());
    }

    #[test]
    fn cancelling_stops_reading_and_the_workers() {
        let cancel = Cancel::new();
        let read = AtomicUsize::new(0);
        let items = (0..1_000_000usize).inspect(|_| {
            read.fetch_add(1, Ordering::SeqCst);
        });
        let mut done = 0;
        let finished = Pool::new(2).cancel(&cancel).run(
            items,
            |i| {
                std::thread::sleep(Duration::from_millis(1));
                i
            },
            |_, p| {
                done = p.done;
                if p.done == 10 {
                    cancel.cancel();
                }
            },
        );
        assert!(!finished);
        assert!(done < 20, "{done} items finished after cancelling at 10");
        // The reader stops too: at most the queue's worth past the workers.
        assert!(read.load(Ordering::SeqCst) < 30);
    }

    #[test]
    fn the_idle_hook_can_cancel() {
        let cancel = Cancel::new();
        let mut ran = 0;
        let finished = Pool::new(1)
            .cancel(&cancel)
            .on_idle(|| cancel.cancel())
            .run(
                0..1000,
                |i| {
                    std::thread::sleep(Duration::from_millis(20));
                    i
                },
                |_, _| ran += 1,
            );
        assert!(!finished && ran < 10, "{ran}");
    }
}
