//! Durations in JSON: milliseconds as a number, to the microsecond
//! (`"durationMs": 12.345`), so a value read back serialises identically.

use std::time::Duration;

use serde::{Deserialize, Deserializer, Serializer};

/// Milliseconds to the microsecond.
fn to_ms(duration: Duration) -> f64 {
    // Exact for any duration below 2^53 µs (285 years).
    duration.as_micros() as f64 / 1000.0
}

/// Milliseconds back to a duration; negative, infinite or NaN values are refused.
fn from_ms<E: serde::de::Error>(ms: f64) -> Result<Duration, E> {
    let micros = (ms * 1000.0).round();
    if !micros.is_finite() || micros < 0.0 {
        return Err(E::custom(format!("{ms} is not a duration in milliseconds")));
    }
    // Saturates at u64::MAX µs (half a million years).
    Ok(Duration::from_micros(micros as u64))
}

pub(crate) fn serialize<S: Serializer>(duration: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(to_ms(*duration))
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    from_ms(f64::deserialize(d)?)
}

/// The same for an optional duration (`null` when absent).
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        duration: &Option<Duration>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match duration {
            Some(duration) => s.serialize_some(&to_ms(*duration)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Duration>, D::Error> {
        Option::<f64>::deserialize(d)?.map(from_ms).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_to_the_microsecond() {
        let d = Duration::from_nanos(12_345_678);
        let ms = to_ms(d);
        assert_eq!(ms, 12.345);
        let back: Duration = from_ms::<serde_json::Error>(ms).unwrap();
        assert_eq!(back, Duration::from_micros(12_345));
        assert_eq!(to_ms(back), ms);
        assert!(from_ms::<serde_json::Error>(-1.0).is_err());
        assert!(from_ms::<serde_json::Error>(f64::NAN).is_err());
    }
}
