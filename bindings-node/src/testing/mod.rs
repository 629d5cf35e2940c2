//! `headshotpro/testing`: the `headshotpro-mock` crate run in-process for
//! users' own tests. The server runs on the module's tokio runtime (no
//! second binary, no download); nothing it holds is a libuv handle, so a
//! test process that forgets to close it still exits. The JS class
//! `MockServer` (`lib/testing.js`) wraps [`server::NativeMockServer`].

mod errors;
mod inputs;
mod records;
mod server;
