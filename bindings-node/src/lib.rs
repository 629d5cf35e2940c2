//! Node.js bindings for the HeadshotPro API client.
//!
//! This crate only converts: JS options into a [`headshotpro::ClientBuilder`],
//! core results into plain JS objects (camelCase, `Date` timestamps, wire
//! strings for statuses) and core errors into a [`error::NativeError`] record
//! that the hand-written JS layer (`lib/`) turns into real `Error` classes.
//! HTTP, retries, validation, JSON and webhook logic all live in `headshotpro`.
//! The `headshotpro/testing` entry point's `MockServer` runs the
//! `headshotpro-mock` crate in-process ([`testing`]).
//!
//! Every export is guarded against panics: sync exports use napi's
//! `catch_unwind`, async ones run the core future in its own task so a panic
//! becomes an error instead of unwinding into Node.

// napi-derive registers exports only outside `cfg(test)`, so a test build
// (e.g. `clippy --all-targets`) sees them as unused.
#![cfg_attr(test, allow(dead_code))]

mod bulk;
mod cancel;
mod cli;
mod client;
#[cfg(debug_assertions)]
mod debug_hooks;
mod error;
mod observe;
mod operations;
mod pages;
mod raw;
mod run;
mod save;
#[cfg(feature = "testing")]
mod testing;
mod types;
mod types_v2;
mod webhook;
