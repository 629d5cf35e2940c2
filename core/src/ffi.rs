//! uniffi support (feature `uniffi`): timestamps cross as uniffi's
//! `SystemTime`, which arrives as the platform date type (Swift `Date`,
//! Kotlin `java.time.Instant`).

use std::time::SystemTime;

use chrono::{DateTime, Utc};

/// A UTC timestamp: the name uniffi gives `DateTime<Utc>` in the bindings.
pub type Timestamp = DateTime<Utc>;

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |at| SystemTime::from(at),
    try_lift: |at| Ok(DateTime::<Utc>::from(at)),
});
