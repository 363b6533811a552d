//! The render pool: at most `workers` documents rendered at once (each on a
//! blocking thread, off the async workers), at most `queue` requests
//! waiting for a turn; past that a request is refused at once (503), so a
//! flood costs memory for the queue only.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::problem::Problem;

pub struct Pool {
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
}

/// Leaves the queue when the waiting request gets its turn, or gives up
/// (its client went away or its time ran out).
struct InQueue<'a>(&'a AtomicUsize);

impl Drop for InQueue<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Pool {
    pub fn new(workers: usize, queue: usize) -> Pool {
        Pool {
            slots: Arc::new(Semaphore::new(workers.max(1))),
            waiting: AtomicUsize::new(0),
            queue,
        }
    }

    /// Runs `job` on a blocking thread once a slot is free. The slot is held
    /// until the job ends, even if the request is dropped meanwhile, so the
    /// number of jobs at once never passes `workers`.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Problem> {
        let slot = match self.slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(Problem::busy(1, vanban_i18n::msg!("serve-busy")));
                }
                let _queued = InQueue(&self.waiting);
                self.slots
                    .clone()
                    .acquire_owned()
                    .await
                    .map_err(|_| Problem::internal("the render pool is closed"))?
            }
        };
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            job()
        })
        .await
        .map_err(|_| Problem::internal("the renderer failed on this input"))
    }

    /// Requests waiting for a slot now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread")]
    async fn past_the_queue_a_request_is_refused_with_retry_after() {
        let pool = Arc::new(Pool::new(1, 1));
        let (hold_tx, hold_rx) = std::sync::mpsc::channel::<()>();
        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        // The one worker, held busy until told.
        let busy = {
            let pool = pool.clone();
            tokio::spawn(async move {
                pool.run(move || {
                    let _ = started_tx.send(());
                    hold_rx.recv().ok();
                })
                .await
            })
        };
        started_rx.await.unwrap();
        // One request waits in the queue …
        let queued = {
            let pool = pool.clone();
            tokio::spawn(async move { pool.run(|| 7).await })
        };
        while pool.waiting() == 0 {
            tokio::task::yield_now().await;
        }
        // … and the next is refused at once.
        let refused = pool.run(|| 8).await.unwrap_err();
        assert_eq!(refused.status, 503);
        assert_eq!(refused.retry_after, Some(1));
        hold_tx.send(()).unwrap();
        busy.await.unwrap().unwrap();
        assert_eq!(queued.await.unwrap().unwrap(), 7);
        assert_eq!(pool.waiting(), 0);
        // With the queue free again, a request is served.
        assert_eq!(pool.run(|| 9).await.unwrap(), 9);
    }
}
