//! # headshotpro
//!
//! The HeadshotPro API client: organization, credits, invites, teams,
//! members, whitelabel models and their photos (pages, streams, downloads),
//! with retries that never duplicate a credit-consuming call, typed errors,
//! and webhook verification.
//!
//! ```no_run
//! use std::time::Duration;
//! use headshotpro::{Client, ModelStatus};
//!
//! # async fn demo() -> headshotpro::Result<()> {
//! let client = Client::builder().api_key("hp_live_...").build()?;
//! let model = client.models().create("ada@example.com", None, true).await?;
//! let model = client
//!     .models()
//!     .wait(&model.model_id, ModelStatus::Active, Duration::from_secs(600))
//!     .await?;
//! println!("{} is {}", model.model_id, model.status);
//! # Ok(()) }
//! ```
//!
//! Every failure is an [`Error`]; [`Error::class_name`] gives the name shared
//! by every language of the SDK (`NotFoundError`, `RateLimitError`, …).

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("headshotpro");

mod bulk_plan;
mod capture;
mod classify;
mod client;
mod config;
mod custom_headers;
mod download;
mod duration_ms;
mod envelope;
mod error;
mod error_serde;
#[cfg(feature = "uniffi")]
mod ffi;
mod limiter;
#[cfg(feature = "uniffi")]
pub use ffi::Timestamp;
mod file_name;
#[cfg(test)]
mod fuzz_tests;
mod hooks;
mod json;
mod log;
mod observers;
mod page;
mod page_stream;
mod proxy;
mod rate_limit;
mod raw_request;
mod reconcile;
mod redact;
mod resources;
mod response;
mod retry;
mod secret;
mod tls;
mod transport;
mod types;
mod validate;
pub mod webhook;

/// The README's example, compiled as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use bulk_plan::{plan_invites, InvitePlan};
pub use capture::{ResponseCapture, ResponseFuture, WithResponse};
pub use client::Client;
pub use config::{
    ClientBuilder, RequestOptions, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT, ENV_API_KEY, ENV_BASE_URL, VERSION,
};
pub use custom_headers::{AppInfo, CustomHeaders};
pub use download::{
    FailedDownload, ProgressCallback, SaveOptions, SaveProgress, SaveReport, SavedPhoto,
    DEFAULT_CONCURRENCY, MAX_CONCURRENCY,
};
pub use error::{ApiError, ApiErrorKind, Error, RateLimitInfo, Result};
pub use hooks::{RequestEvent, RequestHook, ResponseEvent, ResponseHook};
pub use json::{from_json, from_json_value, to_json, to_json_value};
pub use log::{
    env_log_level, LogField, LogLevel, LogRecord, LogSink, SharedLogSink, StderrSink, ENV_LOG,
    LOG_TARGET,
};
pub use page::{Page, DEFAULT_LIMIT, MAX_LIMIT};
pub use page_stream::ItemStream;
pub use raw_request::RAW_OPERATION;
pub use redact::redact_url;
pub use resources::{Invites, Members, Models, OrganizationApi, Photos, Teams, ADD_MEMBERS_CHUNK};
pub use response::{Headers, Response, ResponseMeta};
pub use secret::ApiKey;
pub use types::{
    BulkInviteResult, BulkOutcome, BulkProgress, BulkProgressCallback, BulkSend, BulkSendCallback,
    CreateManyOptions, DeletedModel, DownloadLink, DownloadLinks, FavoriteListParams,
    FavoritePhoto, Invite, InviteDetails, InviteRequest, InviteStatus, InviteSummary, InviteV2,
    InviteV2Status, LikedStatus, Member, MemberListParams, MemberStatus, Model, ModelCreateParams,
    ModelListParams, ModelStatus, ModelSummary, ModelVersion, Organization, Photo, PhotoInclude,
    PhotoListParams, PhotoStatus, PhotoUrls, Team, WebhookEventType, DEFAULT_BULK_CONCURRENCY,
    MAX_BULK_CONCURRENCY,
};
pub use webhook::{ModelObject, WebhookEvent};
