//! The CDN the photo URLs point at: served by the mock on another host name than the API
//! (`localhost` instead of `127.0.0.1`), no API key, HMAC-signed URLs that expire.

use std::net::SocketAddr;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, TimeZone, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::ApiError;
use crate::ids;
use crate::image::{self, Variant};

/// Where CDN paths start.
pub const PREFIX: &str = "/cdn/";

/// Signs photo URLs and checks them.
#[derive(Debug, Clone)]
pub struct Cdn {
    base: String,
    key: String,
}

/// Why a CDN request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Malformed,
    BadSignature,
    Expired,
}

impl Cdn {
    /// A CDN for a server listening on `addr` with this scheme, and a fresh signing key.
    pub fn new(scheme: &str, addr: SocketAddr) -> Self {
        let ip = addr.ip();
        let host = if ip.is_loopback() || ip.is_unspecified() {
            "localhost".to_owned()
        } else {
            match addr {
                SocketAddr::V4(v4) => v4.ip().to_string(),
                SocketAddr::V6(v6) => format!("[{}]", v6.ip()),
            }
        };
        Self {
            base: format!("{scheme}://{host}:{}", addr.port()),
            key: format!("{}{}", ids::token(), ids::token()),
        }
    }

    /// The CDN's base URL, e.g. `http://localhost:41234`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A signed URL for one size of a photo, valid until `expires`.
    pub fn url(&self, photo_id: &str, variant: Variant, expires: DateTime<Utc>) -> String {
        let path = path(photo_id, variant);
        let expires = expires.timestamp_millis();
        let signature = hex::encode(self.mac(&path, expires).finalize().into_bytes());
        format!(
            "{}{path}?expires={expires}&signature={signature}",
            self.base
        )
    }

    fn mac(&self, path: &str, expires: i64) -> Hmac<Sha256> {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.key.as_bytes()) else {
            unreachable!("HMAC accepts keys of any length")
        };
        mac.update(path.as_bytes());
        mac.update(b"?expires=");
        mac.update(expires.to_string().as_bytes());
        mac
    }

    /// Checks a request's path and query: the photo id and size it names.
    fn check(&self, path: &str, query: &str) -> Result<(String, Variant), Refusal> {
        let rest = path
            .strip_prefix("/cdn/photos/")
            .ok_or(Refusal::Malformed)?;
        let (photo_id, file) = rest.split_once('/').ok_or(Refusal::Malformed)?;
        let variant = file
            .strip_suffix(".png")
            .and_then(Variant::parse)
            .ok_or(Refusal::Malformed)?;
        let mut expires = None;
        let mut signature = None;
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("expires", v)) => expires = v.parse::<i64>().ok(),
                Some(("signature", v)) => signature = hex::decode(v).ok(),
                _ => {}
            }
        }
        let (Some(expires), Some(signature)) = (expires, signature) else {
            return Err(Refusal::BadSignature);
        };
        self.mac(path, expires)
            .verify_slice(&signature)
            .map_err(|_| Refusal::BadSignature)?;
        let expiry = Utc
            .timestamp_millis_opt(expires)
            .single()
            .ok_or(Refusal::BadSignature)?;
        if Utc::now() >= expiry {
            return Err(Refusal::Expired);
        }
        Ok((photo_id.to_owned(), variant))
    }

    /// Answers a CDN request: the image, 403 for a bad or expired signature, 404 for a
    /// photo that no longer exists (`exists` asks the state).
    pub fn serve(&self, path: &str, query: &str, exists: impl FnOnce(&str) -> bool) -> Response {
        let (photo_id, variant) = match self.check(path, query) {
            Ok(found) => found,
            Err(Refusal::Malformed) => {
                return ApiError::not_found("No such CDN object").into_response()
            }
            Err(Refusal::BadSignature) => {
                return ApiError::forbidden("Invalid signature").into_response()
            }
            Err(Refusal::Expired) => {
                return ApiError::forbidden("Request has expired").into_response()
            }
        };
        if !exists(&photo_id) {
            return ApiError::not_found("No such CDN object").into_response();
        }
        let bytes = image::png(&photo_id, variant);
        let mut response = Response::new(Body::from(bytes));
        *response.status_mut() = StatusCode::OK;
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=86400"),
        );
        response
    }
}

/// The path of one size of a photo.
fn path(photo_id: &str, variant: Variant) -> String {
    format!("{PREFIX}photos/{photo_id}/{}.png", variant.as_str())
}

/// Whether a request path belongs to the CDN.
pub fn is_cdn(path: &str) -> bool {
    path.starts_with(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(url: &str) -> (String, String) {
        let path_and_query = url.split_once(":1234").map(|(_, r)| r).unwrap_or_default();
        let (p, q) = path_and_query.split_once('?').unwrap_or_default();
        (p.to_owned(), q.to_owned())
    }

    #[test]
    fn signed_urls_verify_and_tampering_or_expiry_is_refused() {
        let cdn = Cdn::new(
            "http",
            "127.0.0.1:1234".parse().unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(cdn.base(), "http://localhost:1234");
        let later = Utc::now() + chrono::Duration::hours(1);
        let (p, q) = split(&cdn.url("abc", Variant::Main, later));
        assert_eq!(cdn.check(&p, &q), Ok(("abc".to_owned(), Variant::Main)));
        let other = p.replace("abc", "abd");
        assert_eq!(cdn.check(&other, &q), Err(Refusal::BadSignature));
        let longer = q.replace("expires=", "expires=9");
        assert_eq!(cdn.check(&p, &longer), Err(Refusal::BadSignature));
        let (p, q) = split(&cdn.url("abc", Variant::Main, Utc::now()));
        assert_eq!(cdn.check(&p, &q), Err(Refusal::Expired));
    }
}
