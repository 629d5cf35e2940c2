//! The control API: typed operations on the state, served over HTTP under `/__mock/` and
//! as [`crate::MockServer`] methods.

pub mod http;
mod methods;
mod ops;
pub mod types;
