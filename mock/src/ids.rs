//! Identifiers and timestamps shaped like the real API's.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use chrono::{DateTime, SecondsFormat, Utc};

/// A fresh 64-bit random number from the standard library's hasher seed.
fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed).into());
    hasher.finish()
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The per-process random part of an ObjectId.
fn process_random() -> u64 {
    static RANDOM: OnceLock<u64> = OnceLock::new();
    *RANDOM.get_or_init(random_u64)
}

/// A 24-character lowercase hex id, laid out like a MongoDB ObjectId:
/// 4 bytes of unix seconds, 5 random bytes, a 3-byte counter.
pub fn object_id() -> String {
    let seconds = u32::try_from(Utc::now().timestamp()).unwrap_or(u32::MAX);
    let random = process_random() & 0xff_ffff_ffff;
    let counter = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xff_ffff;
    format!("{seconds:08x}{random:010x}{counter:06x}")
}

/// A webhook event id: `evt_` followed by 24 hex characters.
pub fn event_id() -> String {
    format!("evt_{}", object_id())
}

/// A random token for signed URLs (48 hex characters).
pub fn token() -> String {
    format!(
        "{:016x}{:016x}{:016x}",
        random_u64(),
        random_u64(),
        random_u64()
    )
}

/// A timestamp in the API's format: ISO 8601, UTC, milliseconds (`2024-01-15T10:30:00.000Z`).
pub fn iso(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The current time in the API's format.
pub fn now_iso() -> String {
    iso(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_ids_are_24_lowercase_hex_and_unique() {
        let a = object_id();
        let b = object_id();
        assert_eq!(a.len(), 24);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));
        assert_ne!(a, b);
    }

    #[test]
    fn timestamps_have_milliseconds_and_z() {
        let t = DateTime::parse_from_rfc3339("2024-01-15T10:30:00Z")
            .map(|t| t.with_timezone(&Utc))
            .ok();
        assert_eq!(t.map(iso).as_deref(), Some("2024-01-15T10:30:00.000Z"));
    }
}
