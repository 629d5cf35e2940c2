//! JSON in the API's wire form for every data type of the SDK: camelCase
//! names, ISO 8601 timestamps, unknown enum values kept as sent. Bindings
//! build `to_json()` / `toJSON()` / `toJson()` on these, without logic of
//! their own.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

/// The value as JSON text, e.g. a [`crate::Model`] as
/// `{"modelId":"m_1","status":"active",…}`.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::invalid(format!("cannot write JSON: {e}")))
}

/// The value as a JSON tree (for bindings that build dicts or objects).
pub fn to_json_value<T: Serialize + ?Sized>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| Error::invalid(format!("cannot write JSON: {e}")))
}

/// A value read back from JSON text in the wire form.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::invalid(format!("cannot read JSON: {e}")))
}

/// A value read back from a JSON tree.
pub fn from_json_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|e| Error::invalid(format!("cannot read JSON: {e}")))
}
