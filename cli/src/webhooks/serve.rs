//! `webhooks serve`: a local receiver for development behind a tunnel. It
//! checks each webhook's signature, prints the event, and optionally passes
//! it on, still signed, to the app; the sender gets the app's answer (or 200
//! when nothing is forwarded, 400 for a bad signature, 502 when the app
//! cannot be reached, so the sender retries).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use headshotpro::WebhookEvent;
use serde_json::json;

use super::forward::Forwarder;
use super::read_secret;
use crate::args::ServeArgs;
use crate::context::Context;
use crate::failure::{describe, Failure, Outcome};
use crate::output;

/// What every request needs.
struct Receiver {
    secret: String,
    tolerance: Duration,
    forwarder: Option<Forwarder>,
    json: bool,
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(ctx: &Context, args: ServeArgs) -> Outcome {
    let secret = read_secret(&args.secret_file)?;
    let forwarder = args.forward_to.as_deref().map(Forwarder::new).transpose()?;
    let stop = headshotpro_mock::cli::stop_signal(false);
    let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
        .await
        .map_err(|e| {
            Failure::other(format!("cannot listen on {}:{}: {e}", args.host, args.port))
        })?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure::other(format!("cannot read the listening address: {e}")))?;
    let url = format!("http://{address}");
    let target = forwarder.as_ref().map(|f| f.url().to_owned());
    if ctx.json() {
        output::json_line(&json!({ "listening": url, "forwardTo": target }))?;
    } else {
        let forwarding = target.map_or_else(String::new, |t| format!(", forwarding to {t}"));
        output::line(&format!("listening on {url}{forwarding} (Ctrl-C to stop)"))?;
    }
    let receiver = Arc::new(Receiver {
        secret,
        tolerance: Duration::from_secs(args.tolerance),
        forwarder,
        json: ctx.json(),
    });
    let app = Router::new().fallback(move |method: Method, headers: HeaderMap, body: Bytes| {
        let receiver = Arc::clone(&receiver);
        async move { receiver.receive(&method, headers, body).await }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
        .map_err(|e| Failure::other(format!("the webhook receiver failed: {e}")))
}

impl Receiver {
    async fn receive(&self, method: &Method, headers: HeaderMap, body: Bytes) -> Response {
        if method != Method::POST {
            return (StatusCode::METHOD_NOT_ALLOWED, "POST webhooks here\n").into_response();
        }
        let pairs = headers
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
        let event = match headshotpro::webhook::verify(&body, pairs, &self.secret, self.tolerance) {
            Ok(event) => event,
            Err(error) => {
                let reason = describe(&error);
                self.print(
                    json!({ "verified": false, "error": reason }),
                    &format!("rejected: {reason}"),
                );
                return (StatusCode::BAD_REQUEST, Bytes::from(format!("{reason}\n")))
                    .into_response();
            }
        };
        let Some(forwarder) = &self.forwarder else {
            self.print(
                json!({ "verified": true, "event": event, "forwarded": null }),
                &describe_event(&event),
            );
            return StatusCode::OK.into_response();
        };
        match forwarder.send(&headers, body.to_vec()).await {
            Ok(answer) => {
                self.print(
                    json!({ "verified": true, "event": event, "forwarded": { "status": answer.status } }),
                    &format!("{} -> {} {}", describe_event(&event), forwarder.url(), answer.status),
                );
                let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
                (status, answer.body).into_response()
            }
            Err(reason) => {
                self.print(
                    json!({ "verified": true, "event": event, "forwarded": { "error": reason } }),
                    &format!(
                        "{} -> {} failed: {reason}",
                        describe_event(&event),
                        forwarder.url()
                    ),
                );
                (StatusCode::BAD_GATEWAY, "the app could not be reached\n").into_response()
            }
        }
    }

    fn print(&self, value: serde_json::Value, text: &str) {
        let printed = if self.json {
            output::json_line(&value)
        } else {
            output::line(text)
        };
        if let Err(error) = printed {
            eprintln!("headshotpro: {error}");
        }
    }
}

/// One line about an event: time, name, id, model and status.
pub fn describe_event(event: &WebhookEvent) -> String {
    let at = event
        .created_at
        .map_or_else(|| "-".to_owned(), |t| t.to_rfc3339());
    let id = event.id.as_deref().unwrap_or("-");
    let mut text = format!(
        "{at} {} {id} model={} status={}",
        event.event, event.object.id, event.object.status
    );
    if let Some(photo) = &event.photo_id {
        text.push_str(&format!(" photo={photo}"));
    }
    text
}
