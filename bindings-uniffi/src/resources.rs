//! The resource objects returned by `Client` (`client.invites()`, …): each
//! holds a clone of the core client (one shared connection pool). Every
//! operation is one line of a `resource!` block below.

use std::sync::Arc;
use std::time::Duration;

use headshotpro::{
    DeletedModel, DownloadLinks, FavoriteListParams, Invite, InviteDetails, InviteSummary,
    InviteV2, MemberListParams, Model, ModelCreateParams, ModelListParams, ModelStatus,
    ModelVersion, Organization, Photo, PhotoInclude, PhotoListParams, Team,
};

use crate::error::HeadshotProError;
use crate::guard::guard;
use crate::pages::{FavoritePhotoPage, MemberPage, ModelSummaryPage, PhotoPage};
use crate::save::{core_options, SaveOptions, SaveProgressListener, SaveReport};

type Result<T> = std::result::Result<T, HeadshotProError>;

/// How a core result becomes what Swift and Kotlin receive: the value itself
/// for the types uniffi exports as they are, a page object for a core page,
/// a report record for a save report.
pub(crate) trait FromCore<T> {
    /// The binding's value for `value`.
    fn from_core(value: T) -> Self;
}

impl<T> FromCore<T> for T {
    fn from_core(value: T) -> Self {
        value
    }
}

/// Declares a resource object, its constructor, and one exported async
/// method (`async throws` in Swift, `suspend` in Kotlin) per line
/// `fn name(arguments) -> result = |client| core call;`. Each method runs
/// through [`guard`] under the operation name `"<prefix>.<name>"`.
macro_rules! resource {
    (
        $(#[$meta:meta])*
        $resource:ident($prefix:literal) {
            $(
                $(#[$op_meta:meta])*
                fn $op:ident($($arg:ident: $ty:ty),*) -> $ret:ty = |$c:ident| $call:expr;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, uniffi::Object)]
        pub struct $resource {
            client: headshotpro::Client,
        }

        impl $resource {
            pub(crate) fn new(client: headshotpro::Client) -> Self {
                Self { client }
            }

            /// The core client behind this resource.
            #[allow(dead_code)]
            pub(crate) fn core(&self) -> &headshotpro::Client {
                &self.client
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $resource {
            $(
                $(#[$op_meta])*
                pub async fn $op(&self, $($arg: $ty),*) -> Result<$ret> {
                    let $c = &self.client;
                    guard(concat!($prefix, ".", stringify!($op)), $call)
                        .await
                        .map(FromCore::from_core)
                }
            )*
        }
    };
}

resource! {
    /// Organization details and credits: `client.organization()`.
    OrganizationApi("organization") {
        /// The organization behind the API key, with its teams.
        fn retrieve() -> Organization = |c| c.organization().retrieve();
        /// The organization's remaining credits.
        fn credits() -> i64 = |c| c.organization().credits();
    }
}

resource! {
    /// Team-member invites: `client.invites()`.
    InvitesApi("invites") {
        /// Invites a member by email, optionally into a team. Never retried
        /// unless the server provably did not process it.
        #[uniffi::method(default(team_id = None))]
        fn create(email: String, team_id: Option<String>) -> Invite =
            |c| c.invites().create(&email, team_id.as_deref());
        /// Revokes the pending invite of this email.
        fn revoke(email: String) -> () = |c| c.invites().revoke(&email);
        /// Every invite of the organization.
        fn list() -> Vec<InviteSummary> = |c| c.invites().list();
        /// One invite's status.
        fn retrieve(invite_id: String) -> InviteDetails = |c| c.invites().retrieve(&invite_id);
        /// The invite sent to this email, as the current API describes it.
        fn retrieve_by_email(email: String) -> InviteV2 = |c| c.invites().retrieve_by_email(&email);
    }
}

resource! {
    /// Teams of the organization: `client.teams()`.
    TeamsApi("teams") {
        /// Every team of the organization.
        fn list() -> Vec<Team> = |c| c.teams().list();
        /// Creates a team; returns the organization with its teams.
        fn create(name: String) -> Organization = |c| c.teams().create(&name);
        /// Renames a team.
        fn update(team_id: String, name: String) -> Organization =
            |c| c.teams().update(&team_id, &name);
        /// Deletes a team.
        fn delete(team_id: String) -> Organization = |c| c.teams().delete(&team_id);
        /// Adds members to a team by email.
        fn add_members(team_id: String, emails: Vec<String>) -> Organization =
            |c| c.teams().add_members(&team_id, &emails);
    }
}

resource! {
    /// Whitelabel models: `client.models()`.
    ModelsApi("models") {
        /// Creates a model for this email, of the server's default `version`
        /// unless given. A create that may have reached the server is resent
        /// and, when the resend meets ALREADY_EXISTS, the model is looked up:
        /// never a duplicate.
        #[uniffi::method(default(team_id = None, is_development = false, version = None))]
        fn create(email: String, team_id: Option<String>, is_development: bool, version: Option<ModelVersion>) -> Model =
            |c| c.models().create_with(ModelCreateParams { email, team_id, is_development, version });
        /// One page of the organization's models (filters and paging in `params`).
        #[uniffi::method(default(params = None))]
        fn list(params: Option<ModelListParams>) -> Arc<ModelSummaryPage> =
            |c| c.models().list(params.unwrap_or_default());
        /// One model.
        fn retrieve(model_id: String) -> Model = |c| c.models().retrieve(&model_id);
        /// Deletes a model.
        fn delete(model_id: String) -> DeletedModel = |c| c.models().delete(&model_id);
        /// Polls the model with backoff until it reaches `until` (or the final
        /// `deleted`); `failed` is not final. Fails with `APITimeoutError` after
        /// `timeout_ms`. Cancelling the task (Swift) or coroutine (Kotlin) stops
        /// the polling.
        fn wait(model_id: String, until: ModelStatus, timeout_ms: u64) -> Model =
            |c| c.models().wait(&model_id, until, Duration::from_millis(timeout_ms));
    }
}

resource! {
    /// Members of the organization: `client.members()`.
    MembersApi("members") {
        /// One page of members (status filter and paging in `params`).
        #[uniffi::method(default(params = None))]
        fn list(params: Option<MemberListParams>) -> Arc<MemberPage> =
            |c| c.members().list(params.unwrap_or_default());
    }
}

resource! {
    /// Generated headshots: `client.photos()`.
    PhotosApi("photos") {
        /// One page of a model's photos (filters, URLs and paging in `params`).
        #[uniffi::method(default(params = None))]
        fn list(model_id: String, params: Option<PhotoListParams>) -> Arc<PhotoPage> =
            |c| c.photos().list(&model_id, params.unwrap_or_default());
        /// One photo of a model.
        #[uniffi::method(default(include = None))]
        fn retrieve(model_id: String, photo_id: String, include: Option<PhotoInclude>) -> Photo =
            |c| c.photos().retrieve(&model_id, &photo_id, include);
        /// The photo the user chose as favorite; nil/null while none is chosen.
        #[uniffi::method(default(include = None))]
        fn favorite(model_id: String, include: Option<PhotoInclude>) -> Option<Photo> =
            |c| c.photos().favorite(&model_id, include);
        /// Signed download URLs (fetch them without the API key) for some
        /// photos, every photo when `photoIds` is nil/null.
        #[uniffi::method(default(photo_ids = None, include = None))]
        fn download_links(model_id: String, photo_ids: Option<Vec<String>>, include: Option<PhotoInclude>) -> DownloadLinks =
            |c| c.photos().download_links(&model_id, photo_ids.as_deref(), include);
        /// One page of every member's favorite photo (or one team's).
        #[uniffi::method(default(params = None))]
        fn favorites(params: Option<FavoriteListParams>) -> Arc<FavoritePhotoPage> =
            |c| c.photos().favorites(params.unwrap_or_default());
        /// Downloads a model's photos into `directory` (created if needed,
        /// checked writable first), a few at once, each to a hidden temporary
        /// file renamed into place; `progress` hears about each photo as it
        /// ends. A photo that fails is in the report, the others are kept.
        #[uniffi::method(default(options = None, progress = None))]
        fn save(model_id: String, directory: String, options: Option<SaveOptions>, progress: Option<Arc<dyn SaveProgressListener>>) -> SaveReport =
            |c| c.photos().save(&model_id, &directory, core_options(options, progress));
    }
}
