//! The API grouped by resource, as `client.invites().create(..)`.

mod bulk;
mod invites;
mod members;
mod models;
mod organization;
mod photos;
mod teams;

pub use invites::Invites;
pub use members::Members;
pub use models::Models;
pub use organization::OrganizationApi;
pub use photos::Photos;
pub use teams::{Teams, ADD_MEMBERS_CHUNK};

use serde::Deserialize;

use crate::types::Organization;

/// `{"organization": {...}}`, the answer of the organization and team calls.
#[derive(Deserialize)]
pub(crate) struct OrganizationEnvelope {
    pub organization: Organization,
}
