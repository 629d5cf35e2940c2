//! The typed objects of the API, camelCase on the wire.

mod invite;
mod model;
pub(crate) mod open_enum;
mod organization;
mod status;

pub use invite::{Invite, InviteDetails, InviteSummary};
pub use model::{DeletedModel, Model};
pub use organization::{Organization, Team};
pub use status::{InviteStatus, ModelStatus, WebhookEventType};
