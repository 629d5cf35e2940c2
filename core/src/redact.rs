//! Printing bearer URLs (a model's signed URL, signed photo links) without
//! their credentials: the values of the query and any password or fragment
//! are replaced, so a log line shows where a URL points but cannot be used.
//! Bodies and texts bound for a log line go through the same treatment, plus
//! the API key and the values of secret-looking fields (`token`, `sig`,
//! `signature`, `webhookSecret`, `apiKey`, `password`, …).

use reqwest::Url;
use serde_json::Value;

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

/// Bytes of a body kept in a log record, after redaction.
pub(crate) const MAX_LOGGED_BODY: usize = 2048;

/// Whether a field or parameter of this name holds a credential: `sig`,
/// `key`, or any name containing `token`, `secret`, `signature`, `password`,
/// `apikey`, `authorization` or `credential` (case, `_` and `-` ignored).
pub(crate) fn is_secret_name(name: &str) -> bool {
    let name: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(name.as_str(), "sig" | "key" | "auth")
        || [
            "token",
            "secret",
            "signature",
            "password",
            "apikey",
            "authorization",
            "credential",
        ]
        .iter()
        .any(|word| name.contains(word))
}

/// A text for a log line: every occurrence of a secret replaced, every URL
/// shown by [`redact_url`], and the values of `name=value` pairs with a
/// secret name replaced.
pub(crate) fn redact_text(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        if out.contains(secret) {
            out = out.replace(secret, REDACTED);
        }
    }
    if out.contains("://") {
        out = redact_urls_in(&out);
    }
    if out.contains('=') {
        out = redact_pairs_in(&out);
    }
    out
}

/// A body for a log line: a JSON body with secret-named fields replaced and
/// every string redacted as [`redact_text`] does; any other body redacted
/// as text. Then cut to [`MAX_LOGGED_BODY`] bytes.
pub(crate) fn redact_body(body: &[u8], secrets: &[&str]) -> String {
    let shown = match serde_json::from_slice::<Value>(body) {
        Ok(mut json) => {
            redact_json(&mut json, secrets);
            json.to_string()
        }
        Err(_) => redact_text(&String::from_utf8_lossy(body), secrets),
    };
    cut(shown, MAX_LOGGED_BODY)
}

fn redact_json(value: &mut Value, secrets: &[&str]) {
    match value {
        Value::String(text) => *text = redact_text(text, secrets),
        Value::Array(items) => items.iter_mut().for_each(|v| redact_json(v, secrets)),
        Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                if is_secret_name(name) && !field.is_null() {
                    *field = Value::String(REDACTED.to_owned());
                } else {
                    redact_json(field, secrets);
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Every `http://…` / `https://…` in the text through [`redact_url`]. A URL
/// ends at white space, a quote, `<`, `>` or a backslash.
fn redact_urls_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_url(rest) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
            .unwrap_or(tail.len());
        out.push_str(&redact_url(&tail[..end]));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Where the next `http://` or `https://` starts, in any case.
fn find_url(text: &str) -> Option<usize> {
    text.match_indices("://").find_map(|(at, _)| {
        ["https", "http"].iter().find_map(|scheme| {
            let start = at.checked_sub(scheme.len())?;
            text.get(start..at)
                .filter(|head| head.eq_ignore_ascii_case(scheme))
                .map(|_| start)
        })
    })
}

/// The values of `name=value` pairs whose name is a secret's, replaced. A
/// value ends at `&`, `;`, `,`, white space or a quote.
fn redact_pairs_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let before = &rest[..eq];
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(0, |i| i + 1);
        out.push_str(&rest[..=eq]);
        let after = &rest[eq + 1..];
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '&' | ';' | ',' | '"' | '\''))
            .unwrap_or(after.len());
        let value = &after[..end];
        if is_secret_name(&before[name_start..]) && !value.is_empty() && value != REDACTED {
            out.push_str(REDACTED);
        } else {
            out.push_str(value);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The text cut at `limit` bytes on a character boundary, saying how much
/// was left out.
fn cut(text: String, limit: usize) -> String {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &text[..end], text.len())
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

    #[test]
    fn texts_lose_keys_url_tokens_and_secret_pairs() {
        let text = "Bearer hp_key_1 failed for https://cdn.test/p.jpg?expires=1&signature=abc \
                    and token=t0k&page=2; see http://x.test/a";
        let shown = redact_text(text, &["hp_key_1"]);
        assert!(!shown.contains("hp_key_1"), "{shown}");
        assert!(!shown.contains("abc") && !shown.contains("t0k"), "{shown}");
        assert!(shown.contains("https://cdn.test/p.jpg?expires=[redacted]&signature=[redacted]"));
        assert!(
            shown.contains("page=2") && shown.contains("http://x.test/a"),
            "{shown}"
        );
    }

    #[test]
    fn json_bodies_lose_secret_fields_and_url_tokens() {
        let body = br#"{"apiKey":"k1","webhookSecret":"whsec_9","model":{"signedUrl":
            "https://app.test/auth?token=T&anonymous=1","status":"active"},"n":3,
            "note":"key k1 here","sig":null}"#;
        let shown = redact_body(body, &["k1"]);
        for secret in ["k1", "whsec_9", "token=T"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains(r#""status":"active""#) && shown.contains(r#""n":3"#));
        assert!(
            shown.contains("https://app.test/auth?token=[redacted]"),
            "{shown}"
        );
        let text = redact_body(b"plain token=abc", &[]);
        assert_eq!(text, "plain token=[redacted]");
    }

    #[test]
    fn long_bodies_are_cut_after_redaction() {
        let body = format!(r#"{{"a":"{}","token":"zzz"}}"#, "é".repeat(3000));
        let shown = redact_body(body.as_bytes(), &[]);
        assert!(shown.len() <= MAX_LOGGED_BODY + 40, "{}", shown.len());
        assert!(shown.ends_with("bytes in all)"));
        assert!(!shown.contains("zzz"));
        assert!(is_secret_name("X-Api-Key") && is_secret_name("access_token"));
        assert!(!is_secret_name("status") && !is_secret_name("signedUrl"));
    }
}
