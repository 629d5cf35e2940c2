//! Numeric settings taken from Python: a value that is not usable (negative,
//! too large, NaN, a bool, a string…) raises `InvalidArgumentError` naming the
//! setting, never `OverflowError` or `TypeError`.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

use crate::error::to_pyerr;

fn invalid(name: &str, expected: &str, obj: &Borrowed<'_, '_, PyAny>) -> PyErr {
    let shown = obj
        .repr()
        .map_or_else(|_| "an unprintable value".to_owned(), |r| r.to_string());
    to_pyerr(
        obj.py(),
        &headshotpro::Error::InvalidArgument {
            message: format!("{name} must be {expected}, not {shown}"),
        },
    )
}

/// A number of seconds: an `int` or `float` that is finite and not negative.
fn seconds(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<Duration> {
    let number = if obj.is_instance_of::<PyFloat>()
        || (obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>())
    {
        obj.extract::<f64>().ok()
    } else {
        None
    };
    number
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| invalid(name, "a non-negative number of seconds", &obj))
}

/// A count: an `int` (not a bool) from 0 to 4294967295.
pub(crate) fn count(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<u32> {
    let number = if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        obj.extract::<u32>().ok()
    } else {
        None
    };
    number.ok_or_else(|| invalid(name, "an integer from 0 to 4294967295", &obj))
}

/// An integer argument the core checks for range (`limit`, `offset`,
/// `concurrency`): an `int` (not a bool) that fits in 64 bits.
pub(crate) fn integer(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<i64> {
    let number = if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        obj.extract::<i64>().ok()
    } else {
        None
    };
    number.ok_or_else(|| invalid(name, "an integer", &obj))
}

/// Milliseconds: an `int` (not a bool) from 0 up.
pub(crate) fn millis(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<Duration> {
    let number = if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        obj.extract::<u64>().ok()
    } else {
        None
    };
    number
        .map(Duration::from_millis)
        .ok_or_else(|| invalid(name, "a non-negative integer number of milliseconds", &obj))
}

/// A flag: exactly `True` or `False`.
pub(crate) fn flag(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<bool> {
    if obj.is_instance_of::<PyBool>() {
        obj.extract::<bool>()
    } else {
        Err(invalid(name, "True or False", &obj))
    }
}

/// Text: a `str`.
pub(crate) fn text(name: &str, obj: Borrowed<'_, '_, PyAny>) -> PyResult<String> {
    if obj.is_instance_of::<PyString>() {
        obj.extract::<String>()
    } else {
        Err(invalid(name, "a str", &obj))
    }
}

/// Declares a setting type that extracts itself with `$parse`, naming itself
/// `$name` in the error.
macro_rules! setting {
    ($(#[$meta:meta])* $ty:ident($inner:ty) = $parse:ident($name:literal)) => {
        $(#[$meta])*
        pub(crate) struct $ty(pub(crate) $inner);

        impl<'a, 'py> FromPyObject<'a, 'py> for $ty {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                $parse($name, obj).map(Self)
            }
        }
    };
}

setting!(
    /// `timeout`: seconds per attempt (or for the whole `models.wait`).
    Timeout(Duration) = seconds("timeout")
);
setting!(
    /// `connect_timeout`: seconds allowed to connect.
    ConnectTimeout(Duration) = seconds("connect_timeout")
);
setting!(
    /// `tolerance`: the accepted age of a webhook, in seconds.
    Tolerance(Duration) = seconds("tolerance")
);
setting!(
    /// `max_retries`: retries after the first attempt.
    MaxRetries(u32) = count("max_retries")
);
setting!(
    /// `max_requests_per_minute`: the local cap on requests in any 60 seconds.
    RequestsPerMinute(u32) = count("max_requests_per_minute")
);
setting!(
    /// `limit`: items per page (the core checks 1..=200).
    Limit(i64) = integer("limit")
);
setting!(
    /// `offset`: items to skip (the core checks it is not negative).
    Offset(i64) = integer("offset")
);
setting!(
    /// `concurrency`: downloads at once in `photos.save` (the core checks 1..=32).
    Concurrency(i64) = integer("concurrency")
);
