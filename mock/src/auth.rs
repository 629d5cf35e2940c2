//! `Authorization: Bearer <key>`.

use axum::http::{header, HeaderMap};

/// The key of an `Authorization: Bearer <key>` header (the scheme in any case).
pub fn bearer_key(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, key) = value.split_once(' ')?;
    let key = key.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &'static str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
        map
    }

    #[test]
    fn reads_bearer_keys_only() {
        assert_eq!(bearer_key(&headers("Bearer abc")), Some("abc"));
        assert_eq!(bearer_key(&headers("bearer  abc ")), Some("abc"));
        assert_eq!(bearer_key(&headers("Basic abc")), None);
        assert_eq!(bearer_key(&headers("Bearer ")), None);
        assert_eq!(bearer_key(&HeaderMap::new()), None);
    }
}
