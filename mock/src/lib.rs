//! `headshotpro-mock`: a stateful emulator of the HeadshotPro API for tests and local
//! development.
//!
//! It serves every endpoint of the API reference at the same paths with the same bodies,
//! and the current API (V2: members, model lists, photos, favorites, pagination, both
//! envelopes); keeps organizations, teams, members, invites, credits, whitelabel models
//! and their photos in memory; serves the photos as real PNG images from a CDN-like path
//! under another host name with signed, expiring URLs; sends (optionally signed)
//! webhooks; and offers a control API to drive what people do in reality, inject faults
//! (including "process, then fail") and read the request and webhook logs. With
//! [`MockConfig::tls`] it serves HTTPS with HTTP/2.
//!
//! The control API is both HTTP (under `/__mock/`, see the README) and typed methods on
//! [`MockServer`] that act on the state directly:
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use headshotpro_mock::{FaultAfter, FaultSpec, MockConfig, MockServer};
//!
//! let server = MockServer::start(MockConfig { credits: 5, ..MockConfig::default() }).await?;
//! println!("API at {} with key {}", server.url(), server.api_key());
//!
//! // ... the code under test creates an invite through the API ...
//! # let invite_id = "";
//! let invite = server.accept_invite(invite_id)?; // the invitee signs up
//! server.upload_photos(&invite.id)?;             // and uploads: a credit is spent
//!
//! // The next model create takes effect, then its connection drops.
//! server.inject_fault(FaultSpec {
//!     method: Some("POST".into()),
//!     after: Some(FaultAfter::Drop),
//!     ..FaultSpec::new("/api/v2/organization/models")
//! })?;
//!
//! assert!(server.requests().iter().all(|r| r.path.starts_with("/api/")));
//! server.shutdown().await; // idempotent; dropping the server stops it too
//! # Ok(())
//! # }
//! ```
//!
//! A server runs on the tokio runtime that started it and spawns nothing outside it:
//! dropping that runtime stops it, so it never keeps a process alive. The control methods
//! are synchronous and may be called from any thread.

mod app;
mod auth;
mod cdn;
#[cfg(feature = "cli")]
pub mod cli;
mod config;
mod control;
mod error;
mod faults;
mod gateway;
mod ids;
mod image;
mod lock;
mod rate_limit;
mod request_log;
mod routes;
mod server;
mod state;
mod tls;
mod webhooks;

pub use config::{
    Envelope, MockConfig, OrganizationConfig, DEFAULT_API_KEY, DEFAULT_CREDITS,
    DEFAULT_PHOTOS_PER_MODEL, DEFAULT_PHOTO_URL_TTL, DEFAULT_RATE_WINDOW,
};
pub use control::types::{
    FaultAfter, FaultBody, FaultSpec, MockError, MockErrorKind, MockInvite, MockModel, MockPhoto,
    MockResult, OrganizationSettings, OrganizationUpdate, RecordedRequest, WebhookDelivery,
};
pub use server::MockServer;
pub use state::{LikedStatus, SeedReport, SeedRequest};
pub use webhooks::signature as webhook_signature;
