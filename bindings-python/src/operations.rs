//! The API operations, one line each: `name(arguments) => |client| core call;`.
//!
//! Each line becomes a module function `_native.name(client, arguments...,
//! event_loop=None)` that blocks with the GIL released, or returns an asyncio
//! future when given a loop (see [`crate::call::run`]). They are module
//! functions rather than `NativeClient` methods because a pyclass has a single
//! `#[pymethods]` block, which a macro cannot add methods to.

use headshotpro::{
    FavoriteListParams, LikedStatus, MemberListParams, MemberStatus, ModelCreateParams,
    ModelListParams, ModelStatus, ModelVersion, PhotoInclude, PhotoListParams, PhotoStatus,
};
use pyo3::prelude::*;

use crate::args::{Limit, Offset, Timeout};
use crate::call::run;
use crate::client::NativeClient;

/// Declares the operation functions and `register`, which adds them all to
/// the module.
macro_rules! operations {
    ($(
        $(#[$meta:meta])*
        $name:ident($($arg:ident: $ty:ty),*) => |$c:ident| $call:expr;
    )*) => {
        $(
            $(#[$meta])*
            #[pyfunction]
            #[pyo3(signature = (client, $($arg,)* event_loop=None))]
            #[allow(clippy::too_many_arguments)]
            fn $name(
                py: Python<'_>,
                client: &NativeClient,
                $($arg: $ty,)*
                event_loop: Option<Bound<'_, PyAny>>,
            ) -> PyResult<Py<PyAny>> {
                let $c = client.core(py)?;
                run(py, event_loop, stringify!($name), async move { $call.await })
            }
        )*

        /// Adds every operation function to the module.
        pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
            $(module.add_function(wrap_pyfunction!($name, module)?)?;)*
            Ok(())
        }
    };
}

operations! {
    /// `GET /api/v1/organization`.
    organization_retrieve() => |c| c.organization().retrieve();
    /// `GET /api/v1/organization/credits`.
    organization_credits() => |c| c.organization().credits();
    /// `POST /api/v1/organization/invite`.
    invites_create(email: String, team_id: Option<String>) =>
        |c| c.invites().create(&email, team_id.as_deref());
    /// `POST /api/v1/organization/invite/revoke`.
    invites_revoke(email: String) => |c| c.invites().revoke(&email);
    /// `GET /api/v1/organization/invites`.
    invites_list() => |c| c.invites().list();
    /// `GET /api/v1/organization/invite/id/{id}`.
    invites_retrieve(invite_id: String) => |c| c.invites().retrieve(&invite_id);
    /// `POST /api/v1/organization/teams`.
    teams_create(name: String) => |c| c.teams().create(&name);
    /// `PUT /api/v1/organization/teams/{team_id}`.
    teams_update(team_id: String, name: String) => |c| c.teams().update(&team_id, &name);
    /// `DELETE /api/v1/organization/teams/{team_id}`.
    teams_delete(team_id: String) => |c| c.teams().delete(&team_id);
    /// `POST /api/v1/organization/teams/{team_id}/add-members`.
    teams_add_members(team_id: String, emails: Vec<String>) =>
        |c| c.teams().add_members(&team_id, &emails);
    /// `POST /api/v2/organization/whitelabel/model/create`, with the model `version`.
    models_create(
        email: String, team_id: Option<String>, is_development: bool, version: Option<String>
    ) => |c| c.models().create_with(ModelCreateParams {
        email,
        team_id,
        is_development,
        version: version.as_deref().map(ModelVersion::from),
    });
    /// `GET /api/v2/organization/whitelabel/model/get/{model_id}`.
    models_retrieve(model_id: String) => |c| c.models().retrieve(&model_id);
    /// `DELETE /api/v2/organization/whitelabel/model/delete/{model_id}`.
    models_delete(model_id: String) => |c| c.models().delete(&model_id);
    /// Polls `models_retrieve` until `until` (a wire status) or `deleted`.
    models_wait(model_id: String, until: String, timeout: Timeout) =>
        |c| c.models().wait(&model_id, ModelStatus::from(until.as_str()), timeout.0);
    /// `GET /api/v2/organization/teams`.
    teams_list() => |c| c.teams().list();
    /// `GET /api/v2/organization/team`: one page of members.
    members_list(status: Option<String>, limit: Option<Limit>, offset: Option<Offset>) =>
        |c| c.members().list(MemberListParams {
            status: status.as_deref().map(MemberStatus::from),
            limit: limit.map(|l| l.0),
            offset: offset.map(|o| o.0),
        });
    /// `GET /api/v2/organization/invites/{email}`.
    invites_retrieve_by_email(email: String) => |c| c.invites().retrieve_by_email(&email);
    /// `GET /api/v2/organization/models`: one page of models.
    models_list(
        status: Option<String>, team_id: Option<String>, limit: Option<Limit>, offset: Option<Offset>
    ) => |c| c.models().list(ModelListParams {
        status: status.as_deref().map(ModelStatus::from),
        team_id,
        limit: limit.map(|l| l.0),
        offset: offset.map(|o| o.0),
    });
    /// `GET /api/v2/organization/models/{model_id}/photos`: one page of photos.
    photos_list(
        model_id: String,
        status: Option<String>,
        liked_status: Option<String>,
        include: Option<String>,
        limit: Option<Limit>,
        offset: Option<Offset>
    ) => |c| c.photos().list(&model_id, PhotoListParams {
        status: status.as_deref().map(PhotoStatus::from),
        liked_status: liked_status.as_deref().map(LikedStatus::from),
        include: include.as_deref().map(PhotoInclude::from),
        limit: limit.map(|l| l.0),
        offset: offset.map(|o| o.0),
    });
    /// `GET /api/v2/organization/models/{model_id}/photos/{photo_id}`.
    photos_retrieve(model_id: String, photo_id: String, include: Option<String>) =>
        |c| c.photos().retrieve(&model_id, &photo_id, include.as_deref().map(PhotoInclude::from));
    /// `GET /api/v2/organization/models/{model_id}/photos/favorite`.
    photos_favorite(model_id: String, include: Option<String>) =>
        |c| c.photos().favorite(&model_id, include.as_deref().map(PhotoInclude::from));
    /// `POST /api/v2/organization/models/{model_id}/photos/download`.
    photos_download_links(model_id: String, photo_ids: Option<Vec<String>>, include: Option<String>) =>
        |c| c.photos().download_links(
            &model_id,
            photo_ids.as_deref(),
            include.as_deref().map(PhotoInclude::from),
        );
    /// `GET /api/v2/organization/photos/favorites`: one page of favorites.
    photos_favorites(
        team_id: Option<String>, include: Option<String>, limit: Option<Limit>, offset: Option<Offset>
    ) => |c| c.photos().favorites(FavoriteListParams {
        team_id,
        include: include.as_deref().map(PhotoInclude::from),
        limit: limit.map(|l| l.0),
        offset: offset.map(|o| o.0),
    });
}
