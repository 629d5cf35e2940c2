//! The API operations, one line each:
//! `name(arguments) -> JS result type => |client| core call;`.
//!
//! Each line becomes a `NativeClient` method that takes an optional
//! [`CancelToken`] last and returns a promise of the result or a
//! [`NativeError`] (see [`crate::run::spawn`]). Arguments arrive already
//! shaped by the JS layer (`lib/operations.js`), whose typed surface is
//! `index.d.ts`. The lines carry plain comments: napi would print a doc comment
//! passed through `macro_rules!` with its raw-string quotes into native.d.ts.

use headshotpro::{
    FavoriteListParams, MemberListParams, ModelCreateParams, ModelListParams, ModelStatus,
    PhotoInclude, PhotoListParams,
};
use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::threadsafe_function::ThreadsafeFunction;
use napi::{Env, Result, Status};
use napi_derive::napi;

use crate::bulk::{create_many, BulkInviteResultJs, BulkProgressFn};
use crate::cancel::CancelToken;
use crate::client::{millis, NativeClient};
use crate::error::NativeError;
use crate::pages::{FavoritePhotoPage, MemberPage, ModelSummaryPage, PhotoPage};
use crate::run::spawn;
use crate::save::{save, SaveArgs, SaveProgress, SaveReport};
use crate::types::{
    DeletedModel, Invite, InviteDetails, InviteSummary, Model, Organization, Team, ToJs,
};
use crate::types_v2::{DownloadLinks, InviteV2, Photo};

/// Declares the promise methods of [`NativeClient`].
macro_rules! operations {
    ($(
        $name:ident($($arg:ident: $ty:ty),*) -> $js:ty => |$c:ident| $call:expr;
    )*) => {
        #[napi]
        impl NativeClient {
            $(
                // A method takes the JS call's arguments as the JS layer shaped
                // them, one native argument per field (`photos_save` has seven).
                #[allow(clippy::too_many_arguments)]
                #[napi(catch_unwind)]
                pub fn $name<'env>(
                    &self,
                    env: &'env Env,
                    $($arg: $ty,)*
                    cancel: Option<&CancelToken>,
                ) -> Result<PromiseRaw<'env, Either<$js, NativeError>>> {
                    let $c = self.inner.clone();
                    spawn(env, cancel, stringify!($name), async move {
                        $call.await.map(ToJs::to_js)
                    })
                }
            )*
        }
    };
}

operations! {
    // `GET /api/v1/organization`.
    organization_retrieve() -> Organization => |c| c.organization().retrieve();
    // `GET /api/v1/organization/credits`.
    organization_credits() -> i64 => |c| c.organization().credits();
    // `POST /api/v1/organization/invite`.
    invites_create(email: String, team_id: Option<String>) -> Invite =>
        |c| c.invites().create(&email, team_id.as_deref());
    // Invites every email, one result per input in input order.
    invites_create_many(
        emails: Vec<String>, team_id: Option<String>, concurrency: Option<i64>,
        on_progress: Option<BulkProgressFn>
    ) -> Vec<BulkInviteResultJs> => |c| create_many(c, emails, team_id, concurrency, on_progress);
    // `POST /api/v1/organization/invite/revoke`.
    invites_revoke(email: String) -> () => |c| c.invites().revoke(&email);
    // `GET /api/v1/organization/invites`.
    invites_list() -> Vec<InviteSummary> => |c| c.invites().list();
    // `GET /api/v1/organization/invite/id/{id}`.
    invites_retrieve(invite_id: String) -> InviteDetails => |c| c.invites().retrieve(&invite_id);
    // `POST /api/v1/organization/teams`.
    teams_create(name: String) -> Organization => |c| c.teams().create(&name);
    // `PUT /api/v1/organization/teams/{team_id}`.
    teams_update(team_id: String, name: String) -> Organization =>
        |c| c.teams().update(&team_id, &name);
    // `DELETE /api/v1/organization/teams/{team_id}`.
    teams_delete(team_id: String) -> Organization => |c| c.teams().delete(&team_id);
    // `POST /api/v1/organization/teams/{team_id}/add-members`.
    teams_add_members(team_id: String, emails: Vec<String>) -> Organization =>
        |c| c.teams().add_members(&team_id, &emails);
    // `POST /api/v2/organization/whitelabel/model/create`.
    models_create(
        email: String, team_id: Option<String>, is_development: bool, version: Option<String>
    ) -> Model => |c| c.models().create_with(ModelCreateParams {
        email, team_id, is_development, version: version.map(Into::into),
    });
    // `GET /api/v2/organization/whitelabel/model/get/{model_id}`.
    models_retrieve(model_id: String) -> Model => |c| c.models().retrieve(&model_id);
    // `DELETE /api/v2/organization/whitelabel/model/delete/{model_id}`.
    models_delete(model_id: String) -> DeletedModel => |c| c.models().delete(&model_id);
    // Polls `models.retrieve` until the model reaches `until` (a wire status)
    // or `deleted`, for at most `timeout_ms`.
    models_wait(model_id: String, until: String, timeout_ms: f64) -> Model =>
        |c| c.models().wait(
            &model_id,
            ModelStatus::from(until.as_str()),
            millis("timeoutMs", timeout_ms)?,
        );
    // `GET /api/v2/organization/teams`.
    teams_list() -> Vec<Team> => |c| c.teams().list();
    // `GET /api/v2/organization/team`: one page.
    members_list(status: Option<String>, limit: Option<i64>, offset: Option<i64>) -> MemberPage =>
        |c| c.members().list(MemberListParams { status: status.map(Into::into), limit, offset });
    // `GET /api/v2/organization/invites/{email}`.
    invites_retrieve_by_email(email: String) -> InviteV2 =>
        |c| c.invites().retrieve_by_email(&email);
    // `GET /api/v2/organization/models`: one page.
    models_list(
        status: Option<String>, team_id: Option<String>, limit: Option<i64>, offset: Option<i64>
    ) -> ModelSummaryPage => |c| c.models().list(ModelListParams {
        status: status.map(Into::into), team_id, limit, offset,
    });
    // `GET /api/v2/organization/models/{model_id}/photos`: one page.
    photos_list(
        model_id: String, status: Option<String>, liked_status: Option<String>,
        include: Option<String>, limit: Option<i64>, offset: Option<i64>
    ) -> PhotoPage => |c| c.photos().list(&model_id, PhotoListParams {
        status: status.map(Into::into), liked_status: liked_status.map(Into::into),
        include: include.map(Into::into), limit, offset,
    });
    // `GET /api/v2/organization/models/{model_id}/photos/{photo_id}`.
    photos_retrieve(model_id: String, photo_id: String, include: Option<String>) -> Photo =>
        |c| c.photos().retrieve(&model_id, &photo_id, include.map(PhotoInclude::from));
    // `GET /api/v2/organization/models/{model_id}/photos/favorite`: null while none is chosen.
    photos_favorite(model_id: String, include: Option<String>) -> Option<Photo> =>
        |c| c.photos().favorite(&model_id, include.map(PhotoInclude::from));
    // `POST /api/v2/organization/models/{model_id}/photos/download` (read-only).
    photos_download_links(
        model_id: String, photo_ids: Option<Vec<String>>, include: Option<String>
    ) -> DownloadLinks => |c| c.photos().download_links(
        &model_id, photo_ids.as_deref(), include.map(PhotoInclude::from),
    );
    // `GET /api/v2/organization/photos/favorites`: one page.
    photos_favorites(
        team_id: Option<String>, include: Option<String>, limit: Option<i64>, offset: Option<i64>
    ) -> FavoritePhotoPage => |c| c.photos().favorites(FavoriteListParams {
        team_id, include: include.map(Into::into), limit, offset,
    });
    // Download links, then each signed URL into `directory`, reporting progress.
    photos_save(
        model_id: String, directory: String, photo_ids: Option<Vec<String>>,
        include: Option<String>, overwrite: bool, concurrency: Option<i64>,
        on_progress: Option<ThreadsafeFunction<Option<SaveProgress>, (), Option<SaveProgress>, Status, false>>
    ) -> SaveReport => |c| save(c, model_id, directory, SaveArgs {
        photo_ids, include, overwrite, concurrency, on_progress,
    });
}
