//! The API operations, one line each:
//! `name(arguments) -> JS result type => |client| core call;`.
//!
//! Each line becomes a `NativeClient` method that takes an optional
//! [`CancelToken`] last and returns a promise of the result or a
//! [`NativeError`] (see [`crate::run::spawn`]). Arguments arrive already
//! shaped by the JS layer (`lib/operations.js`), whose typed surface is
//! `index.d.ts`. The lines carry plain comments: napi would print a doc comment
//! passed through `macro_rules!` with its raw-string quotes into native.d.ts.

use headshotpro::ModelStatus;
use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use crate::cancel::CancelToken;
use crate::client::{millis, NativeClient};
use crate::error::NativeError;
use crate::run::spawn;
use crate::types::{DeletedModel, Invite, InviteDetails, InviteSummary, Model, Organization, ToJs};

/// Declares the promise methods of [`NativeClient`].
macro_rules! operations {
    ($(
        $name:ident($($arg:ident: $ty:ty),*) -> $js:ty => |$c:ident| $call:expr;
    )*) => {
        #[napi]
        impl NativeClient {
            $(
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
    models_create(email: String, team_id: Option<String>, is_development: bool) -> Model =>
        |c| c.models().create(&email, team_id.as_deref(), is_development);
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
}
