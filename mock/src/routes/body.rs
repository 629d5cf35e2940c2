//! Reading JSON request bodies: any malformed or missing input is a 400, never a crash.

use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};

/// The body as a JSON object.
pub fn object(bytes: &[u8]) -> ApiResult<Map<String, Value>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::invalid("the request body must be a JSON object"));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::invalid("the request body must be a JSON object")),
        Err(e) => Err(ApiError::invalid(format!("invalid JSON body: {e}"))),
    }
}

/// A required, non-empty string field.
pub fn string(body: &Map<String, Value>, field: &str) -> ApiResult<String> {
    optional_string(body, field)?.ok_or_else(|| ApiError::invalid(format!("{field} is required")))
}

/// An optional string field; `null` counts as absent, an empty string is refused.
pub fn optional_string(body: &Map<String, Value>, field: &str) -> ApiResult<Option<String>> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => {
            Err(ApiError::invalid(format!("{field} must not be empty")))
        }
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::invalid(format!("{field} must be a string"))),
    }
}

/// An optional boolean field; `null` counts as absent.
pub fn optional_bool(body: &Map<String, Value>, field: &str) -> ApiResult<Option<bool>> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(ApiError::invalid(format!("{field} must be a boolean"))),
    }
}

/// An optional array of non-empty strings; `null` counts as absent, an empty array is
/// refused.
pub fn optional_strings(body: &Map<String, Value>, field: &str) -> ApiResult<Option<Vec<String>>> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.is_empty() => {
            Err(ApiError::invalid(format!("{field} must not be empty")))
        }
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                _ => Err(ApiError::invalid(format!(
                    "{field} must hold non-empty strings"
                ))),
            })
            .collect::<ApiResult<Vec<String>>>()
            .map(Some),
        Some(_) => Err(ApiError::invalid(format!(
            "{field} must be an array of strings"
        ))),
    }
}

/// The required `email` field; it must contain `@`.
pub fn email(body: &Map<String, Value>) -> ApiResult<String> {
    let email = string(body, "email")?;
    if email.contains('@') {
        Ok(email.trim().to_owned())
    } else {
        Err(ApiError::invalid_email(format!(
            "Invalid email format: {email}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_and_missing_inputs_are_invalid_requests() {
        assert_eq!(object(b"").err().map(|e| e.code), Some("INVALID_REQUEST"));
        assert_eq!(object(b"{").err().map(|e| e.code), Some("INVALID_REQUEST"));
        assert_eq!(object(b"[]").err().map(|e| e.code), Some("INVALID_REQUEST"));
        let body = object(br#"{"email": "nobody", "name": " ", "n": 1}"#).ok();
        let body = body.unwrap_or_default();
        assert_eq!(email(&body).err().map(|e| e.code), Some("INVALID_EMAIL"));
        assert_eq!(
            string(&body, "name").err().map(|e| e.code),
            Some("INVALID_REQUEST")
        );
        assert_eq!(
            string(&body, "n").err().map(|e| e.code),
            Some("INVALID_REQUEST")
        );
        assert_eq!(
            string(&body, "missing").err().map(|e| e.code),
            Some("INVALID_REQUEST")
        );
    }
}
