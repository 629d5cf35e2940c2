//! The in-process mock server for the tests of Swift and Kotlin users
//! (`MockServer`), its options and its control records.

mod options;
mod records;
mod server;

pub use options::MockServerOptions;
pub use records::{
    MockFaultAfter, MockInvite, MockModel, MockOrganization, MockOrganizationUpdate, MockPhoto,
    MockRequest, MockSeedReport, MockSetting, MockWebhook,
};
pub use server::MockServer;
