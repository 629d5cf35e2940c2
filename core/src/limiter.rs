//! One rate limiter per client, shared by its clones, threads, tasks and
//! `with_options` children. It is fed by the `X-RateLimit-*` headers of every
//! answer: once `Remaining` reaches 0, calls wait in the client until `Reset`
//! instead of drawing 429s. An optional local cap allows at most N requests
//! in any 60-second span. Every wait is clamped and is an ordinary timer, so
//! dropping the call's future drops the wait.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::time::Instant;

use crate::error::RateLimitInfo;
use crate::rate_limit::until;
use crate::retry::MAX_SERVER_WAIT;

/// The span of the local `max_requests_per_minute` cap.
const WINDOW: Duration = Duration::from_secs(60);

/// The shared limiter.
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    /// At most this many requests in any [`WINDOW`].
    per_minute: Option<u32>,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// The rate-limit headers of the last answer that carried any.
    last: Option<RateLimitInfo>,
    /// Requests the server still allows in its window, less the ones sent
    /// since it said so.
    remaining: Option<i64>,
    /// When the server's window resets, as the server said it.
    reset_at: Option<DateTime<Utc>>,
    /// The same moment on this process's clock, at most [`MAX_SERVER_WAIT`]
    /// after the answer that gave it.
    reset: Option<Instant>,
    /// When each request of the last [`WINDOW`] was sent (local cap only).
    sent: VecDeque<Instant>,
}

impl Limiter {
    /// A limiter with an optional local cap.
    pub fn new(per_minute: Option<u32>) -> Self {
        Self {
            per_minute,
            state: Mutex::default(),
        }
    }

    /// Waits until a request may be sent, counts it, and says how long it
    /// waited.
    pub async fn acquire(&self) -> Duration {
        let mut started = None;
        loop {
            let wake = {
                let mut state = self.lock();
                let now = Instant::now();
                match state.ready_at(now, self.per_minute) {
                    None => {
                        state.count(now, self.per_minute.is_some());
                        return started
                            .map_or(Duration::ZERO, |at| now.saturating_duration_since(at));
                    }
                    Some(at) => at,
                }
            };
            started.get_or_insert_with(Instant::now);
            tokio::time::sleep_until(wake).await;
        }
    }

    /// Learns from an answer's rate-limit headers.
    pub fn observe(&self, info: &RateLimitInfo) {
        if info.limit.is_none() && info.remaining.is_none() && info.reset_at.is_none() {
            return;
        }
        let mut state = self.lock();
        state.last = Some(info.clone());
        let reset = info.reset_at.map(|at| {
            let wait = until(at, Utc::now()).min(MAX_SERVER_WAIT);
            Instant::now() + wait
        });
        match (info.reset_at, state.reset_at) {
            // The same window: answers may arrive out of order; keep the lowest.
            (Some(new), Some(old)) if new == old => {
                if let Some(remaining) = info.remaining {
                    state.remaining = Some(state.remaining.map_or(remaining, |r| r.min(remaining)));
                }
            }
            // An answer from a window already replaced.
            (Some(new), Some(old)) if new < old => {}
            _ => {
                state.remaining = info.remaining;
                state.reset_at = info.reset_at;
                state.reset = reset;
            }
        }
    }

    /// The rate-limit headers of the last answer that carried any.
    pub fn last(&self) -> Option<RateLimitInfo> {
        self.lock().last.clone()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    /// `None` when a request may go now, else when to look again.
    fn ready_at(&mut self, now: Instant, per_minute: Option<u32>) -> Option<Instant> {
        if self.reset.is_some_and(|reset| now >= reset) {
            self.remaining = None;
            self.reset = None;
        }
        let server = match (self.remaining, self.reset) {
            (Some(0), Some(reset)) => Some(reset),
            _ => None,
        };
        let local = per_minute.and_then(|cap| {
            while self.sent.front().is_some_and(|at| *at + WINDOW <= now) {
                self.sent.pop_front();
            }
            let cap = usize::try_from(cap).unwrap_or(usize::MAX).max(1);
            (self.sent.len() >= cap)
                .then(|| self.sent.front().map(|first| *first + WINDOW))
                .flatten()
        });
        server.max(local)
    }

    /// Counts a request being sent now.
    fn count(&mut self, now: Instant, capped: bool) {
        if let Some(remaining) = self.remaining.as_mut() {
            *remaining = remaining.saturating_sub(1);
        }
        if capped {
            self.sent.push_back(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(remaining: i64, reset_in: chrono::Duration) -> RateLimitInfo {
        RateLimitInfo {
            limit: Some(300),
            remaining: Some(remaining),
            reset_at: Some(Utc::now() + reset_in),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn waits_for_the_reset_once_remaining_is_zero() {
        let limiter = Limiter::new(None);
        assert!(limiter.last().is_none());
        limiter.acquire().await;
        limiter.observe(&info(0, chrono::Duration::seconds(10)));
        let started = Instant::now();
        limiter.acquire().await;
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(9_900), "{waited:?}");
        assert!(waited <= Duration::from_secs(11), "{waited:?}");
        assert_eq!(limiter.last().unwrap().remaining, Some(0));
    }

    #[tokio::test(start_paused = true)]
    async fn sends_are_counted_against_remaining_and_waits_are_clamped() {
        let limiter = Limiter::new(None);
        limiter.observe(&info(2, chrono::Duration::days(3650)));
        let started = Instant::now();
        limiter.acquire().await;
        limiter.acquire().await;
        assert_eq!(started.elapsed(), Duration::ZERO);
        limiter.acquire().await;
        let waited = started.elapsed();
        assert!(
            waited <= MAX_SERVER_WAIT + Duration::from_secs(1),
            "{waited:?}"
        );
        assert!(
            waited >= MAX_SERVER_WAIT - Duration::from_secs(1),
            "{waited:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn out_of_order_answers_keep_the_lowest_remaining() {
        let limiter = Limiter::new(None);
        let reset = Utc::now() + chrono::Duration::seconds(30);
        let at = |remaining| RateLimitInfo {
            limit: Some(10),
            remaining: Some(remaining),
            reset_at: Some(reset),
        };
        limiter.observe(&at(0));
        limiter.observe(&at(5));
        let started = Instant::now();
        limiter.acquire().await;
        assert!(started.elapsed() >= Duration::from_secs(29));
        // An answer from the previous window changes nothing.
        limiter.observe(&RateLimitInfo {
            reset_at: Some(reset - chrono::Duration::seconds(60)),
            ..at(0)
        });
        let started = Instant::now();
        limiter.acquire().await;
        assert_eq!(started.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn the_local_cap_allows_n_requests_in_any_minute() {
        let limiter = Limiter::new(Some(3));
        let started = Instant::now();
        for _ in 0..3 {
            limiter.acquire().await;
        }
        assert_eq!(started.elapsed(), Duration::ZERO);
        tokio::time::advance(Duration::from_secs(20)).await;
        limiter.acquire().await;
        assert_eq!(started.elapsed(), WINDOW);
        for _ in 0..2 {
            limiter.acquire().await;
        }
        assert_eq!(started.elapsed(), WINDOW);
        limiter.acquire().await;
        assert_eq!(started.elapsed(), WINDOW * 2);
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_a_waiting_acquire_drops_the_wait() {
        let limiter = Limiter::new(Some(1));
        limiter.acquire().await;
        let waiting = tokio::time::timeout(Duration::from_secs(1), limiter.acquire()).await;
        assert!(waiting.is_err());
        // The dropped wait counted nothing: the next request goes when the
        // first leaves the window.
        let started = Instant::now();
        limiter.acquire().await;
        assert_eq!(started.elapsed(), WINDOW - Duration::from_secs(1));
    }
}
