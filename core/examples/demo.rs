//! The whole flow against an embedded mock server: organization, credits, a
//! team, an invite, a development model waited until `active`, and a webhook
//! delivered by the mock and verified with the SDK.
//!
//! Run: `cargo run -p headshotpro --example demo`
#![allow(clippy::expect_used)]

use std::time::Duration;

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::routing::post;
use headshotpro::webhook::{self, DEFAULT_TOLERANCE};
use headshotpro::{Client, ModelStatus};
use headshotpro_mock::{MockConfig, MockServer};
use tokio::sync::mpsc;

const WEBHOOK_SECRET: &str = "whsec_demo_secret";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (hook_url, mut deliveries) = webhook_receiver().await?;
    let mock = MockServer::start(MockConfig {
        webhook_url: Some(hook_url.clone()),
        webhook_secret: Some(WEBHOOK_SECRET.to_owned()),
        webhook_delay: Duration::from_millis(200),
        dev_step: Duration::from_millis(300),
        ..MockConfig::default()
    })
    .await?;
    println!("mock server   {}", mock.url());

    let client = Client::builder()
        .api_key(mock.api_key())
        .base_url(mock.url())
        .build()?;

    let org = client.organization().retrieve().await?;
    println!("organization  {} ({})", org.name, org.uid);
    println!("credits       {}", client.organization().credits().await?);

    let org = client.teams().create("Design").await?;
    let team = org
        .teams
        .iter()
        .find(|t| t.name == "Design")
        .ok_or("the new team is missing")?;
    println!("team          {} ({})", team.name, team.id);

    let invite = client
        .invites()
        .create("ada@example.com", Some(&team.id))
        .await?;
    println!("invite        {} -> {}", invite.email, invite.link);
    let details = client.invites().retrieve(&invite.id).await?;
    println!("invite status {}", details.status);

    let model = client
        .models()
        .create("grace@example.com", None, true)
        .await?;
    println!("model         {} is {}", model.model_id, model.status);
    println!("signed url    {}", model.signed_url);

    // In reality the user finishes onboarding in the signed URL's interface.
    control(&format!(
        "{}/__mock/models/{}/complete-onboarding",
        mock.url(),
        model.model_id
    ))
    .await?;
    let model = client
        .models()
        .wait(
            &model.model_id,
            ModelStatus::Active,
            Duration::from_secs(60),
        )
        .await?;
    println!("model         {} is {}", model.model_id, model.status);

    let (headers, body) = tokio::time::timeout(Duration::from_secs(30), deliveries.recv())
        .await?
        .ok_or("the webhook receiver stopped")?;
    let event = webhook::verify(&body, headers, WEBHOOK_SECRET, DEFAULT_TOLERANCE)?;
    println!(
        "webhook       {} for {} (status {}), signature verified",
        event.event, event.object.id, event.object.status
    );
    println!(
        "credits       {} (development models are free)",
        client.organization().credits().await?
    );

    mock.shutdown().await;
    println!("demo finished");
    Ok(())
}

type Delivery = (Vec<(String, String)>, Vec<u8>);

/// A local endpoint that receives the mock's webhooks.
async fn webhook_receiver() -> std::io::Result<(String, mpsc::UnboundedReceiver<Delivery>)> {
    let (tx, rx) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/webhooks/headshotpro",
        post(move |headers: HeaderMap, body: Bytes| {
            let tx = tx.clone();
            async move {
                let pairs = headers
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                    .collect();
                let _ = tx.send((pairs, body.to_vec()));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/webhooks/headshotpro", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok((url, rx))
}

/// Calls one of the mock's control endpoints (they take no key).
async fn control(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    // The SDK brings its own TLS setup; this plain reqwest client needs a provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
        .post(url)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
