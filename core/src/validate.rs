//! Local checks that fail before any request, and safe path segments.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{Error, Result};

/// Everything but RFC 3986 unreserved characters is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An email the API will accept: non-empty and containing `@`.
pub(crate) fn email(value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid("email must not be empty"));
    }
    if !value.contains('@') {
        return Err(Error::invalid(format!(
            "email {value:?} is not valid: it must contain '@'"
        )));
    }
    Ok(())
}

/// A non-empty list of valid emails.
pub(crate) fn emails(values: &[String]) -> Result<()> {
    if values.is_empty() {
        return Err(Error::invalid("emails must not be empty"));
    }
    values.iter().try_for_each(|e| email(e))
}

/// A required text field (a team name, …) that must not be blank.
pub(crate) fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(format!("{field} must not be empty")));
    }
    Ok(())
}

/// An optional id: absent is fine, present must not be blank.
pub(crate) fn optional_id(field: &str, value: Option<&str>) -> Result<()> {
    value.map_or(Ok(()), |v| non_empty(field, v))
}

/// An id for use as one path segment, percent-encoded so it can never change
/// the path. `.` and `..`, which no encoding makes safe, are rejected.
pub(crate) fn path_segment(field: &str, value: &str) -> Result<String> {
    non_empty(field, value)?;
    if value == "." || value == ".." {
        return Err(Error::invalid(format!("{field} must not be {value:?}")));
    }
    Ok(utf8_percent_encode(value, SEGMENT).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_hostile_ids() {
        assert_eq!(
            path_segment("id", "a/../b?c#d").unwrap(),
            "a%2F..%2Fb%3Fc%23d"
        );
        assert_eq!(path_segment("id", "ok-ID_1.2~").unwrap(), "ok-ID_1.2~");
        assert_eq!(path_segment("id", "ü %").unwrap(), "%C3%BC%20%25");
        assert!(path_segment("id", "..").is_err());
        assert!(path_segment("id", " ").is_err());
    }

    #[test]
    fn emails_need_an_at() {
        assert!(email("a@b.co").is_ok());
        assert!(email("nope").is_err());
        assert!(emails(&[]).is_err());
        assert!(emails(&["a@b.co".into(), "bad".into()]).is_err());
    }
}
