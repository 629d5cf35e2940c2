//! Swift and Kotlin bindings of the HeadshotPro SDK, generated with uniffi.
//!
//! The records and open enums (`Invite`, `Model`, `ModelStatus`, …) come from
//! the core crate, which derives them behind its `uniffi` feature. This crate
//! only adds the client facade ([`Client`], its options records and its
//! resource objects, declared one line per operation), one page object per
//! list item type, the records of `photos().save`, the webhook functions, the
//! mapping of core errors (and panics) to [`HeadshotProError`], and (feature
//! `mock`, on by default) the in-process [`MockServer`] for users' tests.
//! Every network call is an async method run on tokio: `async` in Swift,
//! `suspend` in Kotlin.

// `HeadshotProError` is the value uniffi lowers into a buffer at the FFI
// boundary: it cannot be boxed, and it is only built on the failure path.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("headshotpro_uniffi");

mod bulk;
mod client;
mod error;
mod guard;
mod json;
#[cfg(feature = "mock")]
mod mock;
mod observe;
mod options;
mod pages;
mod platform;
mod raw;
mod resources;
mod save;
#[cfg(feature = "test-hooks")]
mod testing;
mod webhook;

pub use bulk::{BulkInviteResult, BulkProgress, BulkProgressListener};
pub use client::Client;
pub use error::{ApiErrorDetails, HeadshotProError};
#[cfg(feature = "mock")]
pub use mock::{
    MockFaultAfter, MockInvite, MockModel, MockOrganization, MockOrganizationUpdate, MockPhoto,
    MockRequest, MockSeedReport, MockServer, MockServerOptions, MockSetting, MockWebhook,
};
pub use observe::{
    set_default_log_handler, LogHandler, RequestEvent, RequestHook, ResponseEvent, ResponseHook,
};
pub use options::{ClientOptions, RequestOptions};
pub use pages::{FavoritePhotoPage, MemberPage, ModelSummaryPage, PhotoPage};
pub use raw::CapturingClient;
pub use resources::{InvitesApi, MembersApi, ModelsApi, OrganizationApi, PhotosApi, TeamsApi};
pub use save::{
    FailedPhoto, SaveOptions, SaveProgress, SaveProgressListener, SaveReport, SavedPhoto,
};
pub use webhook::{parse_webhook, sign_webhook, verify_webhook};
