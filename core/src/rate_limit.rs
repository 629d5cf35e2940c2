//! Reading `Retry-After` and the `X-RateLimit-*` headers.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

use crate::error::RateLimitInfo;

/// The longest duration read from any header: a day. Longer values (`1e20`,
/// a date in the year 9999) are clamped to it, never a panic.
pub(crate) const MAX_HEADER_WAIT: Duration = Duration::from_secs(86_400);

/// Reads `X-RateLimit-Limit`, `-Remaining` and `-Reset` (an ISO timestamp, or
/// unix seconds from older servers).
pub(crate) fn rate_limit_info(headers: &HeaderMap) -> RateLimitInfo {
    RateLimitInfo {
        limit: header_str(headers, "x-ratelimit-limit").and_then(count),
        remaining: header_str(headers, "x-ratelimit-remaining").and_then(count),
        reset_at: header_str(headers, "x-ratelimit-reset").and_then(parse_reset),
    }
}

/// Reads `Retry-After` as delta-seconds or an HTTP date, relative to `now`,
/// clamped to [`MAX_HEADER_WAIT`]. Negative, infinite or unreadable values
/// are ignored.
pub(crate) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let value = header_str(headers, "retry-after")?.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        if !seconds.is_finite() || seconds.is_sign_negative() && seconds != 0.0 {
            return None;
        }
        let seconds = seconds.abs().min(MAX_HEADER_WAIT.as_secs_f64());
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let date = DateTime::parse_from_rfc2822(value).ok()?;
    Some(until(date.with_timezone(&Utc), now))
}

/// The time from `now` until `then`: zero when `then` has passed, at most
/// [`MAX_HEADER_WAIT`].
pub(crate) fn until(then: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    then.signed_duration_since(now)
        .to_std()
        .unwrap_or(Duration::ZERO)
        .min(MAX_HEADER_WAIT)
}

/// A request count: a non-negative integer, else nothing.
fn count(value: &str) -> Option<i64> {
    value.trim().parse::<i64>().ok().filter(|n| *n >= 0)
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
    fn hostile_values_are_clamped_never_a_panic() {
        let now = DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        for value in [
            "1e20",
            "1e308",
            "18446744073709551616",
            "Fri, 31 Dec 9999 23:59:59 GMT",
        ] {
            let h = headers(&[("retry-after", value)]);
            assert_eq!(retry_after(&h, now), Some(MAX_HEADER_WAIT), "{value}");
        }
        for value in ["inf", "-inf", "NaN", "-1", "-1e20", ""] {
            let h = headers(&[("retry-after", value)]);
            assert_eq!(retry_after(&h, now), None, "{value}");
        }
        for value in [
            "99999999999999999999",
            "-99999999999999",
            "+275760-09-13T00:00:00Z",
        ] {
            let h = headers(&[("x-ratelimit-reset", value)]);
            let info = rate_limit_info(&h);
            if let Some(at) = info.reset_at {
                assert!(until(at, now) <= MAX_HEADER_WAIT);
            }
        }
        let far = DateTime::<Utc>::MAX_UTC;
        assert_eq!(until(far, DateTime::<Utc>::MIN_UTC), MAX_HEADER_WAIT);
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
        let odd = headers(&[
            ("x-ratelimit-limit", "-5"),
            ("x-ratelimit-remaining", "99999999999999999999"),
        ]);
        let info = rate_limit_info(&odd);
        assert_eq!((info.limit, info.remaining), (None, None));
    }
}
