//! The resource objects returned by `Client` (`client.invites()`, …): each
//! holds a clone of the core client (one shared connection pool). Every
//! operation is one line of a `resource!` block below.

use std::time::Duration;

use headshotpro::{
    DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelStatus, Organization,
};

use crate::error::HeadshotProError;
use crate::guard::guard;

type Result<T> = std::result::Result<T, HeadshotProError>;

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
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $resource {
            $(
                $(#[$op_meta])*
                pub async fn $op(&self, $($arg: $ty),*) -> Result<$ret> {
                    let $c = &self.client;
                    guard(concat!($prefix, ".", stringify!($op)), $call).await
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
    }
}

resource! {
    /// Teams of the organization: `client.teams()`.
    TeamsApi("teams") {
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
        /// Creates a model for this email. Never retried unless the server
        /// provably did not process it.
        #[uniffi::method(default(team_id = None, is_development = false))]
        fn create(email: String, team_id: Option<String>, is_development: bool) -> Model =
            |c| c.models().create(&email, team_id.as_deref(), is_development);
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
