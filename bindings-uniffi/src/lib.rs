//! Swift and Kotlin bindings of the HeadshotPro SDK, generated with uniffi.
//!
//! The records and open enums (`Invite`, `Model`, `ModelStatus`, …) come from
//! the core crate, which derives them behind its `uniffi` feature. This crate
//! only adds the client facade ([`Client`], its options records and its
//! resource objects, declared one line per operation), the webhook functions
//! and the mapping of core errors (and panics) to [`HeadshotProError`].
//! Every network call is an async method run on tokio: `async` in Swift,
//! `suspend` in Kotlin.

// `HeadshotProError` is the value uniffi lowers into a buffer at the FFI
// boundary: it cannot be boxed, and it is only built on the failure path.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("headshotpro_uniffi");

mod client;
mod error;
mod guard;
mod options;
mod platform;
mod resources;
#[cfg(debug_assertions)]
mod testing;
mod webhook;

pub use client::Client;
pub use error::{ApiErrorDetails, HeadshotProError};
pub use options::{ClientOptions, RequestOptions};
pub use resources::{InvitesApi, ModelsApi, OrganizationApi, TeamsApi};
pub use webhook::{parse_webhook, sign_webhook, verify_webhook};
