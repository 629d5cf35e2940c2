//! The escape hatch: `client.request(method, path, body, query)` calls an
//! endpoint the SDK does not wrap yet, with the same key, retries, rate
//! limiter, errors, hooks and logging as every other call, and answers the
//! decoded JSON (as the Stainless SDKs' `client.get/post` do).

use percent_encoding::percent_decode_str;
use reqwest::{Method, Url};
use serde_json::Value;

use crate::classify::truncate;
use crate::error::{Error, Result};
use crate::transport::Call;
use crate::Client;

/// The operation name of escape-hatch calls in logs, hooks and errors.
pub const RAW_OPERATION: &str = "request";

impl Client {
    /// Calls `method path` under the base URL and returns the answer's JSON
    /// (`Value::Null` for an empty answer).
    ///
    /// - `method`: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, in any case.
    ///   Retries follow the method: GET, PUT and DELETE retry transient
    ///   failures; POST and PATCH only when the request provably was not
    ///   processed (HTTP 429, or refused before sending).
    /// - `path`: starts with `/` and stays under the base URL: absolute
    ///   URLs, `//host`, `.`/`..` segments (also percent-encoded),
    ///   backslashes, `?`/`#` and control characters (CR, LF, …) are refused
    ///   with [`Error::InvalidArgument`] before anything is sent.
    /// - `body`: sent as JSON.
    /// - `query`: parameters, encoded when sent.
    ///
    /// An answer that is not JSON is a [`Error::ResponseDecode`]; an error
    /// answer is the usual [`Error::Api`].
    ///
    /// ```no_run
    /// # async fn demo(client: headshotpro::Client) -> headshotpro::Result<()> {
    /// let teams = client
    ///     .request("GET", "/api/v2/organization/teams", None, &[])
    ///     .await?;
    /// let page = client
    ///     .request("GET", "/api/v2/organization/models", None, &[("limit".into(), "5".into())])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        query: &[(String, String)],
    ) -> Result<Value> {
        let method = check_method(method)?;
        check_path(&self.transport.config().base_url, path)?;
        let mut call = Call::new(RAW_OPERATION, method, path);
        for (name, value) in query {
            call = call.query(name.clone(), value.clone());
        }
        if let Some(body) = &body {
            call = call.json(body)?;
        }
        let (status, answer) = self.transport.send_raw(&call).await?;
        if answer.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&answer).map_err(|e| {
            let error = Error::ResponseDecode {
                operation: RAW_OPERATION.to_owned(),
                status,
                message: format!("the answer is not JSON: {e}"),
                body: truncate(&answer),
            };
            self.transport.log_failure(&error);
            error
        })
    }
}

/// One of the methods the API uses.
fn check_method(method: &str) -> Result<Method> {
    match method.trim().to_ascii_uppercase().as_str() {
        "GET" => Ok(Method::GET),
        "POST" => Ok(Method::POST),
        "PUT" => Ok(Method::PUT),
        "PATCH" => Ok(Method::PATCH),
        "DELETE" => Ok(Method::DELETE),
        _ => Err(Error::invalid(format!(
            "method {method:?} is not one of GET, POST, PUT, PATCH, DELETE"
        ))),
    }
}

/// A path that can only address something under the base URL.
fn check_path(base: &str, path: &str) -> Result<()> {
    let refuse = |why: &str| Err(Error::invalid(format!("path {path:?} {why}")));
    if !path.starts_with('/') {
        return refuse("must start with '/' and be relative to the base URL");
    }
    if path.starts_with("//") {
        return refuse("must not start with '//', which names another host");
    }
    if path.chars().any(char::is_control) {
        return refuse("must not contain control characters (CR, LF, …)");
    }
    if path.contains('\\') {
        return refuse("must not contain a backslash");
    }
    if path.contains(['?', '#']) {
        return refuse("must not contain '?' or '#': pass query parameters separately");
    }
    for segment in path.split('/') {
        let decoded = percent_decode_str(segment).decode_utf8_lossy();
        if decoded
            .split(['/', '\\'])
            .any(|part| part == "." || part == "..")
        {
            return refuse("must not contain '.' or '..' segments, even percent-encoded");
        }
    }
    let (Ok(root), Ok(full)) = (Url::parse(base), Url::parse(&format!("{base}{path}"))) else {
        return refuse("does not form a valid URL with the base URL");
    };
    let same_origin = root.origin() == full.origin();
    if !same_origin || !full.path().starts_with(root.path().trim_end_matches('/')) {
        return refuse("leaves the base URL");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://api.test/v";

    #[test]
    fn paths_stay_under_the_base_url() {
        for good in ["/api/v2/organization/teams", "/a/b%20c/d", "/a/...b/", "/"] {
            assert!(check_path(BASE, good).is_ok(), "{good}");
        }
        for bad in [
            "api/v2",
            "https://evil.test/x",
            "//evil.test/x",
            "/a/../b",
            "/a/..",
            "/a/%2e%2e/b",
            "/a/%2E./b",
            "/a/.%2e",
            "/a/x%2f..%2fy",
            "/a/./b",
            "/a\\..\\b",
            "/a\r\nX-Evil: 1",
            "/a?token=1",
            "/a#f",
            "",
        ] {
            let err = check_path(BASE, bad).unwrap_err();
            assert_eq!(err.class_name(), "InvalidArgumentError", "{bad:?}");
        }
    }

    #[test]
    fn methods_are_the_api_s() {
        assert_eq!(check_method("get").unwrap(), Method::GET);
        assert_eq!(check_method(" Patch ").unwrap(), Method::PATCH);
        assert!(check_method("TRACE").is_err());
        assert!(check_method("G\nET").is_err());
    }
}
