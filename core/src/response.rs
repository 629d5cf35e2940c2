//! What an answer carried besides its data: status, headers, rate limit.

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::RateLimitInfo;

/// The headers of an answer, in the order received, names in lower case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// Copies an answer's headers (values that are not text are skipped).
    pub(crate) fn from_map(map: &HeaderMap) -> Self {
        Self(
            map.iter()
                .filter_map(|(name, value)| {
                    Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
                })
                .collect(),
        )
    }

    /// The first value of a header, by name in any case.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header, by name in any case.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every header as (lower-case name, value), repeated names included.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// How many header lines there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Headers from (name, value) pairs; names are kept in lower case.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), v))
                .collect(),
        )
    }

    /// One entry per name, repeated values joined with `, ` (as HTTP allows):
    /// the shape of a Python dict, a JS object or a Swift/Kotlin map.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        let mut map = BTreeMap::<String, String>::new();
        for (name, value) in &self.0 {
            map.entry(name.clone())
                .and_modify(|joined| {
                    joined.push_str(", ");
                    joined.push_str(value);
                })
                .or_insert_with(|| value.clone());
        }
        map
    }
}

impl Serialize for Headers {
    /// A JSON object, repeated names joined (see [`Headers::to_map`]).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Headers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from_pairs(BTreeMap::<String, String>::deserialize(
            d,
        )?))
    }
}

/// The facts of one answer: what [`crate::ResponseCapture`] holds and what a
/// [`Response`] carries beside its data. For a call that made several
/// requests (a `models.wait`, a create settled by a lookup) it describes the
/// last answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ResponseMeta {
    /// The operation that sent the request, e.g. `models.retrieve`.
    pub operation: String,
    /// The HTTP method.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// The HTTP status.
    pub status: u16,
    /// The answer's headers.
    pub headers: Headers,
    /// Its `X-RateLimit-*` headers.
    pub rate_limit: RateLimitInfo,
    /// Which attempt got this answer (1 unless retried).
    pub attempt: u32,
    /// How long that attempt took.
    #[serde(rename = "elapsedMs", with = "crate::duration_ms")]
    pub elapsed: Duration,
}

impl ResponseMeta {
    /// The server's request id (`X-Request-Id`), when it sends one.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.get("x-request-id")
    }
}

/// A call's data with the facts of its answer, from
/// [`crate::WithResponse::with_response`]:
///
/// ```no_run
/// use headshotpro::WithResponse;
/// # async fn demo(client: headshotpro::Client) -> headshotpro::Result<()> {
/// let answer = client.models().retrieve("m_1").with_response().await?;
/// println!("{} {:?}", answer.status, answer.rate_limit.remaining);
/// let model = answer.data;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response<T> {
    /// The parsed result, as the call alone returns it.
    pub data: T,
    /// The HTTP status.
    pub status: u16,
    /// The answer's headers.
    pub headers: Headers,
    /// Its `X-RateLimit-*` headers.
    pub rate_limit: RateLimitInfo,
    /// The operation that sent the request.
    pub operation: String,
    /// The HTTP method.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// Which attempt got the answer (1 unless retried).
    pub attempt: u32,
    /// How long that attempt took.
    #[serde(rename = "elapsedMs", with = "crate::duration_ms")]
    pub elapsed: Duration,
}

impl<T> Response<T> {
    /// The data with the facts of its answer.
    pub fn new(data: T, meta: ResponseMeta) -> Self {
        Self {
            data,
            status: meta.status,
            headers: meta.headers,
            rate_limit: meta.rate_limit,
            operation: meta.operation,
            method: meta.method,
            path: meta.path,
            attempt: meta.attempt,
            elapsed: meta.elapsed,
        }
    }

    /// The data and the facts, apart.
    pub fn into_parts(self) -> (T, ResponseMeta) {
        let meta = ResponseMeta {
            operation: self.operation,
            method: self.method,
            path: self.path,
            status: self.status,
            headers: self.headers,
            rate_limit: self.rate_limit,
            attempt: self.attempt,
            elapsed: self.elapsed,
        };
        (self.data, meta)
    }

    /// The server's request id (`X-Request-Id`), when it sends one.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.get("x-request-id")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn headers_read_in_any_case_and_join_repeats() {
        let mut map = HeaderMap::new();
        map.append("X-RateLimit-Remaining", HeaderValue::from_static("7"));
        map.append("vary", HeaderValue::from_static("a"));
        map.append("vary", HeaderValue::from_static("b"));
        let headers = Headers::from_map(&map);
        assert_eq!(headers.get("x-ratelimit-remaining"), Some("7"));
        assert_eq!(headers.get("VARY"), Some("a"));
        assert_eq!(headers.get_all("vary").count(), 2);
        assert_eq!(headers.to_map()["vary"], "a, b");
        let json = serde_json::to_value(&headers).unwrap();
        assert_eq!(json["vary"], "a, b");
    }
}
