//! uniffi support (feature `uniffi`): timestamps cross as uniffi's
//! `SystemTime`, which arrives as the platform date type (Swift `Date`,
//! Kotlin `java.time.Instant`); response headers cross as a map (Swift
//! `[String: String]`, Kotlin `Map<String, String>`), repeated names joined.

use std::collections::HashMap;
use std::time::SystemTime;

use chrono::{DateTime, Utc};

use crate::response::Headers;

/// A UTC timestamp: the name uniffi gives `DateTime<Utc>` in the bindings.
pub type Timestamp = DateTime<Utc>;

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |at| SystemTime::from(at),
    try_lift: |at| Ok(DateTime::<Utc>::from(at)),
});

uniffi::custom_type!(Headers, HashMap<String, String>, {
    lower: |headers| headers.to_map().into_iter().collect(),
    try_lift: |map| Ok(Headers::from_pairs(map)),
});
