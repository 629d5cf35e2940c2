//! Reading `Retry-After` and the `X-RateLimit-*` headers.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

use crate::error::RateLimitInfo;

/// Reads `X-RateLimit-Limit`, `-Remaining` and `-Reset` (an ISO timestamp, or
/// unix seconds from older servers).
pub(crate) fn rate_limit_info(headers: &HeaderMap) -> RateLimitInfo {
    RateLimitInfo {
        limit: header_str(headers, "x-ratelimit-limit").and_then(|v| v.trim().parse().ok()),
        remaining: header_str(headers, "x-ratelimit-remaining").and_then(|v| v.trim().parse().ok()),
        reset_at: header_str(headers, "x-ratelimit-reset").and_then(parse_reset),
    }
}

/// Reads `Retry-After` as delta-seconds or an HTTP date, relative to `now`.
pub(crate) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let value = header_str(headers, "retry-after")?.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let date = DateTime::parse_from_rfc2822(value).ok()?;
    Some(until(date.with_timezone(&Utc), now))
}

/// The time from `now` until `then`, zero when `then` has passed.
pub(crate) fn until(then: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    (then - now).to_std().unwrap_or(Duration::ZERO)
}

fn parse_reset(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(date) = DateTime::parse_from_rfc3339(value) {
        return Some(date.with_timezone(&Utc));
    }
    value
        .parse::<i64>()
        .ok()
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let h = headers(&[("retry-after", "3")]);
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(3)));
        let h = headers(&[("retry-after", "Wed, 01 Jan 2025 00:00:05 GMT")]);
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(5)));
        let h = headers(&[("retry-after", "soon")]);
        assert_eq!(retry_after(&h, now), None);
    }

    #[test]
    fn rate_limit_headers() {
        let h = headers(&[
            ("x-ratelimit-limit", "300"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "2025-01-01T00:01:00.000Z"),
        ]);
        let info = rate_limit_info(&h);
        assert_eq!(info.limit, Some(300));
        assert_eq!(info.remaining, Some(0));
        assert_eq!(info.reset_at.map(|d| d.timestamp()), Some(1_735_689_660));
    }
}
