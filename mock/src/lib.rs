//! `headshotpro-mock`: a stateful emulator of the HeadshotPro API for tests and local
//! development.
//!
//! It serves every endpoint of the API reference at the same paths with the same bodies,
//! keeps organizations, teams, members, invites, credits and whitelabel models in memory,
//! sends (optionally signed) webhooks, and offers a control API under `/__mock/` to drive
//! what people do in reality, inject faults and read the request and webhook logs.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use headshotpro_mock::{MockConfig, MockServer};
//!
//! let server = MockServer::start(MockConfig { credits: 5, ..MockConfig::default() }).await?;
//! println!("{} {}", server.url(), server.api_key());
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod app;
mod auth;
mod cdn;
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
mod webhooks;

pub use config::{
    Envelope, MockConfig, OrganizationConfig, DEFAULT_API_KEY, DEFAULT_CREDITS,
    DEFAULT_PHOTOS_PER_MODEL, DEFAULT_PHOTO_URL_TTL, DEFAULT_RATE_WINDOW,
};
pub use server::MockServer;
pub use webhooks::signature as webhook_signature;
