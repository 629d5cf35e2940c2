//! The API operations, one line each: `name(arguments) => |client| core call;`.
//!
//! Each line becomes a module function `_native.name(client, arguments...,
//! event_loop=None)` that blocks with the GIL released, or returns an asyncio
//! future when given a loop (see [`crate::call::run`]). They are module
//! functions rather than `NativeClient` methods because a pyclass has a single
//! `#[pymethods]` block, which a macro cannot add methods to.

use headshotpro::ModelStatus;
use pyo3::prelude::*;

use crate::args::Timeout;
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
    /// `POST /api/v2/organization/whitelabel/model/create`.
    models_create(email: String, team_id: Option<String>, is_development: bool) =>
        |c| c.models().create(&email, team_id.as_deref(), is_development);
    /// `GET /api/v2/organization/whitelabel/model/get/{model_id}`.
    models_retrieve(model_id: String) => |c| c.models().retrieve(&model_id);
    /// `DELETE /api/v2/organization/whitelabel/model/delete/{model_id}`.
    models_delete(model_id: String) => |c| c.models().delete(&model_id);
    /// Polls `models_retrieve` until `until` (a wire status) or `deleted`.
    models_wait(model_id: String, until: String, timeout: Timeout) =>
        |c| c.models().wait(&model_id, ModelStatus::from(until.as_str()), timeout.0);
}
