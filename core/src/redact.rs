//! Printing bearer URLs (a model's signed URL, signed photo links) without
//! their credentials: the values of the query and any password or fragment
//! are replaced, so a log line shows where a URL points but cannot be used.

use reqwest::Url;

/// What replaces a secret part.
const REDACTED: &str = "[redacted]";

/// The URL with every query value, any password and any fragment replaced by
/// `[redacted]`; scheme, host, port and path stay. Text that is not a URL is
/// replaced whole. For `Debug`, `repr` and `toString` of types carrying
/// signed URLs; the field itself keeps the whole URL.
pub fn redact_url(raw: &str) -> String {
    let Ok(url) = Url::parse(raw) else {
        return REDACTED.to_owned();
    };
    let mut shown = format!("{}://", url.scheme());
    if !url.username().is_empty() {
        shown.push_str(url.username());
        if url.password().is_some() {
            shown.push(':');
            shown.push_str(REDACTED);
        }
        shown.push('@');
    }
    if let Some(host) = url.host_str() {
        shown.push_str(host);
    }
    if let Some(port) = url.port() {
        shown.push_str(&format!(":{port}"));
    }
    shown.push_str(url.path());
    if let Some(query) = url.query() {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, _)) => format!("{name}={REDACTED}"),
                None => REDACTED.to_owned(),
            })
            .collect();
        shown.push('?');
        shown.push_str(&pairs.join("&"));
    }
    if url.fragment().is_some() {
        shown.push('#');
        shown.push_str(REDACTED);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_passwords_and_fragments_are_replaced() {
        assert_eq!(
            redact_url("https://www.yourproheadshots.com/auth/social?token=AUTH_TOKEN&anonymous=1"),
            "https://www.yourproheadshots.com/auth/social?token=[redacted]&anonymous=[redacted]"
        );
        assert_eq!(
            redact_url("http://u:p@cdn.test:8080/p/1.jpg?sig#frag"),
            "http://u:[redacted]@cdn.test:8080/p/1.jpg?[redacted]#[redacted]"
        );
        assert_eq!(redact_url("https://x.test/a"), "https://x.test/a");
        assert_eq!(redact_url("not a url token=1"), "[redacted]");
    }
}
