//! Core types into the Python classes of `headshotpro._types`.

use chrono::{DateTime, Utc};
use headshotpro::{
    DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelObject, Organization, Team,
    WebhookEvent,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;

/// A core value that has a Python counterpart.
pub(crate) trait ToPython {
    /// The Python object for this value.
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

/// Builds `headshotpro._types.<class>(**fields)`.
fn build<'py>(
    py: Python<'py>,
    class: &str,
    fields: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Py<PyAny>> {
    let kwargs = PyDict::new(py);
    for (name, value) in fields {
        kwargs.set_item(name, value)?;
    }
    Ok(types(py)?.getattr(class)?.call((), Some(&kwargs))?.unbind())
}

fn types(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("headshotpro._types")
}

/// Any value pyo3 converts (strings, numbers, options, lists of those).
fn val<'py, V: IntoPyObjectExt<'py>>(py: Python<'py>, value: V) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// An open enum of `headshotpro._types` built from its wire string.
fn status<'py>(py: Python<'py>, class: &str, wire: &str) -> PyResult<Bound<'py, PyAny>> {
    types(py)?.getattr(class)?.call1((wire,))
}

/// A timezone-aware UTC `datetime`, exact to the microsecond.
pub(crate) fn datetime<'py>(py: Python<'py>, at: &DateTime<Utc>) -> PyResult<Bound<'py, PyAny>> {
    types(py)?
        .getattr("_utc_from_micros")?
        .call1((at.timestamp_micros(),))
}

fn opt_datetime<'py>(py: Python<'py>, at: Option<&DateTime<Utc>>) -> PyResult<Bound<'py, PyAny>> {
    match at {
        Some(at) => datetime(py, at),
        None => Ok(py.None().into_bound(py)),
    }
}

impl ToPython for () {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(py.None())
    }
}

impl ToPython for i64 {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.into_py_any(py)
    }
}

impl ToPython for Team {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "Team",
            &[("id", val(py, self.id)?), ("name", val(py, self.name)?)],
        )
    }
}

impl ToPython for Organization {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let teams = self
            .teams
            .into_iter()
            .map(|team| team.to_python(py))
            .collect::<PyResult<Vec<_>>>()?;
        build(
            py,
            "Organization",
            &[
                ("uid", val(py, self.uid)?),
                ("name", val(py, self.name)?),
                ("website", val(py, self.website)?),
                ("description", val(py, self.description)?),
                ("teams", PyList::new(py, teams)?.into_any()),
            ],
        )
    }
}

impl ToPython for Invite {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "Invite",
            &[
                ("id", val(py, self.id)?),
                ("email", val(py, self.email)?),
                ("link", val(py, self.link)?),
                ("team_id", val(py, self.team_id)?),
                ("message", val(py, self.message)?),
            ],
        )
    }
}

impl ToPython for InviteSummary {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "InviteSummary",
            &[
                ("id", val(py, self.id)?),
                ("email", val(py, self.email)?),
                ("valid", val(py, self.valid)?),
                ("team_id", val(py, self.team_id)?),
                ("created_at", datetime(py, &self.created_at)?),
                ("used", val(py, self.used)?),
                ("link", val(py, self.link)?),
            ],
        )
    }
}

impl ToPython for Vec<InviteSummary> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = self
            .into_iter()
            .map(|item| item.to_python(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    }
}

impl ToPython for InviteDetails {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "InviteDetails",
            &[
                ("email", val(py, self.email)?),
                ("status", status(py, "InviteStatus", self.status.as_str())?),
                ("team_id", val(py, self.team_id)?),
            ],
        )
    }
}

impl ToPython for Model {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "Model",
            &[
                ("model_id", val(py, self.model_id)?),
                ("status", status(py, "ModelStatus", self.status.as_str())?),
                ("is_development", val(py, self.is_development)?),
                ("signed_url", val(py, self.signed_url)?),
            ],
        )
    }
}

impl ToPython for DeletedModel {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "DeletedModel",
            &[
                ("model_id", val(py, self.model_id)?),
                ("message", val(py, self.message)?),
            ],
        )
    }
}

impl ToPython for ModelObject {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "ModelObject",
            &[
                ("id", val(py, self.id)?),
                ("uid", val(py, self.uid)?),
                ("title", val(py, self.title)?),
                ("trigger", val(py, self.trigger)?),
                ("status", status(py, "ModelStatus", self.status.as_str())?),
                ("is_development", val(py, self.is_development)?),
                ("finished_at", opt_datetime(py, self.finished_at.as_ref())?),
                ("deleted_at", opt_datetime(py, self.deleted_at.as_ref())?),
                (
                    "invite_expires_at",
                    opt_datetime(py, self.invite_expires_at.as_ref())?,
                ),
                ("created_at", datetime(py, &self.created_at)?),
                ("organization", val(py, self.organization)?),
            ],
        )
    }
}

impl ToPython for WebhookEvent {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let object = self.object.to_python(py)?.into_bound(py);
        build(
            py,
            "WebhookEvent",
            &[
                ("id", val(py, self.id)?),
                (
                    "event",
                    status(py, "WebhookEventType", self.event.as_str())?,
                ),
                ("created_at", opt_datetime(py, self.created_at.as_ref())?),
                ("object_type", val(py, self.object_type)?),
                ("object", object),
            ],
        )
    }
}
