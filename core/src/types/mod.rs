//! The typed objects of the API, camelCase on the wire.

mod bulk;
mod invite;
mod invite_v2;
mod member;
mod model;
mod model_summary;
pub(crate) mod open_enum;
mod organization;
mod params;
mod photo;
mod status;

pub use bulk::{
    BulkInviteResult, BulkOutcome, BulkProgress, BulkProgressCallback, BulkSend, BulkSendCallback,
    CreateManyOptions, InviteRequest, DEFAULT_BULK_CONCURRENCY, MAX_BULK_CONCURRENCY,
};
pub use invite::{Invite, InviteDetails, InviteSummary};
pub use invite_v2::InviteV2;
pub use member::Member;
pub use model::{DeletedModel, Model};
pub use model_summary::ModelSummary;
pub use organization::{Organization, Team};
pub use params::{
    FavoriteListParams, MemberListParams, ModelCreateParams, ModelListParams, PhotoListParams,
};
pub use photo::{DownloadLink, DownloadLinks, FavoritePhoto, Photo, PhotoUrls};
pub use status::{
    InviteStatus, InviteV2Status, LikedStatus, MemberStatus, ModelStatus, ModelVersion,
    PhotoInclude, PhotoStatus, WebhookEventType,
};
