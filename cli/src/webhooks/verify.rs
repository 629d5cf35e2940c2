//! `webhooks verify`: checks a saved body and its headers.

use std::io::Read;
use std::time::Duration;

use serde_json::json;

use super::read_secret;
use crate::args::VerifyArgs;
use crate::context::Context;
use crate::failure::{Failure, Outcome};
use crate::output;

/// Verifies the body against the headers and secret; prints the event.
pub fn verify(ctx: &Context, args: &VerifyArgs) -> Outcome {
    let secret = read_secret(&args.secret_file)?;
    let body = read_body(&args.body)?;
    let headers = args
        .headers
        .iter()
        .map(|h| parse_header(h))
        .collect::<Outcome<Vec<_>>>()?;
    let event =
        headshotpro::webhook::verify(&body, headers, &secret, Duration::from_secs(args.tolerance))?;
    if ctx.json() {
        return output::json(&json!({ "verified": true, "event": event }));
    }
    output::line(&format!(
        "verified: {}",
        super::serve::describe_event(&event)
    ))
}

/// The raw bytes of a file, or of stdin for `-`.
fn read_body(path: &str) -> Outcome<Vec<u8>> {
    let mut body = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut body).map(drop)
    } else {
        std::fs::read(path).map(|b| body = b)
    };
    read.map_err(|e| Failure::usage(format!("cannot read --body {path}: {e}")))?;
    Ok(body)
}

/// `Name: value` as a pair.
fn parse_header(text: &str) -> Outcome<(String, String)> {
    match text.split_once(':') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_owned(), value.trim().to_owned()))
        }
        _ => Err(Failure::usage(format!(
            "--header {text:?} is not 'Name: value'"
        ))),
    }
}
