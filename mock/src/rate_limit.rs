//! A fixed-window rate limit per api key: N requests a window (a minute by default).

use std::collections::HashMap;
use std::sync::Mutex;

use axum::http::{HeaderMap, HeaderValue};
use chrono::{DateTime, Duration, Utc};

use crate::ids;
use crate::lock::lock;

/// Where a key stands in its current window.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    /// Requests allowed per window.
    pub limit: u32,
    /// Requests left in this window.
    pub remaining: u32,
    /// When the window ends.
    pub reset: DateTime<Utc>,
    /// Whether this request is within the limit.
    pub allowed: bool,
}

impl Decision {
    /// Adds `X-RateLimit-Limit/Remaining/Reset` (and `Retry-After` when refused).
    pub fn apply(&self, headers: &mut HeaderMap) {
        let values = [
            ("x-ratelimit-limit", self.limit.to_string()),
            ("x-ratelimit-remaining", self.remaining.to_string()),
            ("x-ratelimit-reset", ids::iso(self.reset)),
        ];
        for (name, value) in values {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        if !self.allowed {
            let millis = (self.reset - Utc::now()).num_milliseconds().max(0);
            let seconds = (millis + 999) / 1000;
            headers.insert("retry-after", HeaderValue::from(seconds.max(1)));
        }
    }
}

/// The current window of every organization.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<usize, (DateTime<Utc>, u32)>>,
}

impl RateLimiter {
    /// Counts one request of organization `org` against `limit` per `window`.
    pub fn check(&self, org: usize, limit: u32, window: std::time::Duration) -> Decision {
        let now = Utc::now();
        let window = Duration::from_std(window)
            .unwrap_or(Duration::MAX)
            .max(Duration::milliseconds(1));
        let mut windows = lock(&self.windows);
        let (start, count) = windows.entry(org).or_insert((now, 0));
        let end = start
            .checked_add_signed(window)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        if now >= end {
            *start = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        Decision {
            limit,
            remaining: limit.saturating_sub(*count),
            reset: start
                .checked_add_signed(window)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            allowed: *count <= limit,
        }
    }

    /// Starts every window afresh.
    pub fn reset(&self) {
        lock(&self.windows).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_past_the_limit() {
        let limiter = RateLimiter::default();
        let minute = std::time::Duration::from_secs(60);
        assert!(limiter.check(0, 2, minute).allowed);
        let second = limiter.check(0, 2, minute);
        assert!(second.allowed);
        assert_eq!(second.remaining, 0);
        assert!(!limiter.check(0, 2, minute).allowed);
        assert!(limiter.check(1, 2, minute).allowed);
    }
}
