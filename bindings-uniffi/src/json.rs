//! Every data type as the API's JSON and back, backed by the core's
//! `to_json` / `from_json`: camelCase names, ISO 8601 UTC timestamps,
//! unknown enum values as sent. Kotlin's `toJson()` / `Model.fromJson(…)`
//! and Swift's `toJson()` / `Model.fromJson(_:)` are one line each over
//! these functions.

use headshotpro::{
    DeletedModel, DownloadLinks, FavoritePhoto, Invite, InviteDetails, InviteSummary, InviteV2,
    LogRecord, Member, Model, ModelSummary, Organization, Photo, RateLimitInfo, ResponseMeta, Team,
    WebhookEvent,
};

use crate::error::HeadshotProError;

/// Declares `<type>_to_json(value)` and `<type>_from_json(json)` per line
/// `Type => to_name, from_name;`.
macro_rules! json_functions {
    ($($ty:ident => $to:ident, $from:ident;)*) => {
        $(
            /// The value as the API's JSON text (camelCase names, ISO 8601
            /// timestamps). Fails only if the value cannot be written, which
            /// no value of the SDK does.
            #[uniffi::export]
            pub fn $to(value: $ty) -> Result<String, HeadshotProError> {
                Ok(headshotpro::to_json(&value)?)
            }

            /// A value read back from the API's JSON text, as `toJson`
            /// writes it; `InvalidArgumentError` when the text is not JSON
            /// or does not fit the type.
            #[uniffi::export]
            pub fn $from(json: String) -> Result<$ty, HeadshotProError> {
                Ok(headshotpro::from_json(&json)?)
            }
        )*
    };
}

json_functions! {
    Organization => organization_to_json, organization_from_json;
    Team => team_to_json, team_from_json;
    Invite => invite_to_json, invite_from_json;
    InviteSummary => invite_summary_to_json, invite_summary_from_json;
    InviteDetails => invite_details_to_json, invite_details_from_json;
    InviteV2 => invite_v2_to_json, invite_v2_from_json;
    Model => model_to_json, model_from_json;
    DeletedModel => deleted_model_to_json, deleted_model_from_json;
    Member => member_to_json, member_from_json;
    ModelSummary => model_summary_to_json, model_summary_from_json;
    Photo => photo_to_json, photo_from_json;
    FavoritePhoto => favorite_photo_to_json, favorite_photo_from_json;
    DownloadLinks => download_links_to_json, download_links_from_json;
    WebhookEvent => webhook_event_to_json, webhook_event_from_json;
    RateLimitInfo => rate_limit_info_to_json, rate_limit_info_from_json;
    ResponseMeta => response_meta_to_json, response_meta_from_json;
    LogRecord => log_record_to_json, log_record_from_json;
}
