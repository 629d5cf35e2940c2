//! The seed's types (organization, teams, invites, models) and webhook
//! events into their Python classes.

use headshotpro::{
    DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelObject, Organization,
    RateLimitInfo, Team, WebhookEvent,
};
use pyo3::prelude::*;

use super::{build, datetime, obj, opt_datetime, status, val, ToPython};

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
        build(
            py,
            "Organization",
            &[
                ("uid", val(py, self.uid)?),
                ("name", val(py, self.name)?),
                ("website", val(py, self.website)?),
                ("description", val(py, self.description)?),
                ("teams", obj(py, self.teams)?),
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
                ("photo_id", val(py, self.photo_id)?),
                ("object", obj(py, self.object)?),
            ],
        )
    }
}

impl ToPython for RateLimitInfo {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "RateLimitInfo",
            &[
                ("limit", val(py, self.limit)?),
                ("remaining", val(py, self.remaining)?),
                ("reset_at", opt_datetime(py, self.reset_at.as_ref())?),
            ],
        )
    }
}
