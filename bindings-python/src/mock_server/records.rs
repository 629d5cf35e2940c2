//! The mock's typed records into the classes of `headshotpro.testing._records`
//! (timestamps as `datetime`, statuses as the package's enums).

use chrono::{DateTime, Utc};
use headshotpro_mock::{
    MockInvite, MockModel, MockPhoto, OrganizationSettings, RecordedRequest, SeedReport,
    WebhookDelivery,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::convert::{datetime, status, val, ToPython};

/// `headshotpro.testing._records`, imported once.
static RECORDS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Builds `headshotpro.testing._records.<class>(**fields)`.
fn record<'py>(
    py: Python<'py>,
    class: &str,
    fields: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Py<PyAny>> {
    let module = RECORDS.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("headshotpro.testing._records")?.unbind())
    })?;
    let kwargs = PyDict::new(py);
    for (name, value) in fields {
        kwargs.set_item(name, value)?;
    }
    Ok(module
        .bind(py)
        .getattr(class)?
        .call((), Some(&kwargs))?
        .unbind())
}

/// An ISO 8601 timestamp of the mock as a UTC `datetime`.
fn iso<'py>(py: Python<'py>, at: &str) -> PyResult<Bound<'py, PyAny>> {
    let parsed = DateTime::parse_from_rfc3339(at)
        .map_err(|e| PyValueError::new_err(format!("the mock sent a bad timestamp {at:?}: {e}")))?;
    datetime(py, &parsed.with_timezone(&Utc))
}

fn opt_iso<'py>(py: Python<'py>, at: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    match at {
        Some(at) => iso(py, at),
        None => Ok(py.None().into_bound(py)),
    }
}

impl ToPython for MockInvite {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "MockInvite",
            &[
                ("id", val(py, self.id)?),
                ("email", val(py, self.email)?),
                ("status", status(py, "InviteStatus", &self.status)?),
                ("valid", val(py, self.valid)?),
                ("used", val(py, self.used)?),
                ("team_id", val(py, self.team_id)?),
                ("created_at", iso(py, &self.created_at)?),
                ("link", val(py, self.link)?),
            ],
        )
    }
}

impl ToPython for MockModel {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "MockModel",
            &[
                ("model_id", val(py, self.model_id)?),
                ("uid", val(py, self.uid)?),
                ("email", val(py, self.email)?),
                ("team_id", val(py, self.team_id)?),
                ("status", status(py, "ModelStatus", &self.status)?),
                ("is_development", val(py, self.is_development)?),
                ("version", status(py, "ModelVersion", &self.version)?),
                ("photo_count", val(py, self.photo_count)?),
                ("favorite_photo_id", val(py, self.favorite_photo_id)?),
                ("created_at", iso(py, &self.created_at)?),
                ("finished_at", opt_iso(py, self.finished_at.as_deref())?),
                ("deleted_at", opt_iso(py, self.deleted_at.as_deref())?),
                ("invite_expires_at", iso(py, &self.invite_expires_at)?),
            ],
        )
    }
}

impl ToPython for MockPhoto {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "MockPhoto",
            &[
                ("id", val(py, self.id)?),
                ("model_id", val(py, self.model_id)?),
                ("status", status(py, "PhotoStatus", &self.status)?),
                (
                    "liked_status",
                    status(py, "LikedStatus", &self.liked_status)?,
                ),
                ("created_at", iso(py, &self.created_at)?),
            ],
        )
    }
}

impl ToPython for OrganizationSettings {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let millis = |d: std::time::Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        record(
            py,
            "OrganizationSettings",
            &[
                ("api_key", val(py, self.api_key)?),
                ("uid", val(py, self.uid)?),
                ("name", val(py, self.name)?),
                ("website", val(py, self.website)?),
                ("description", val(py, self.description)?),
                ("credits", val(py, self.credits)?),
                ("whitelabel", val(py, self.whitelabel)?),
                ("webhook_url", val(py, self.webhook_url)?),
                ("webhook_secret", val(py, self.webhook_secret)?),
                ("invite_limit", val(py, self.invite_limit)?),
                ("rate_limit", val(py, self.rate_limit)?),
                ("rate_window_ms", val(py, millis(self.rate_window))?),
                ("photos_per_model", val(py, self.photos_per_model)?),
                ("photo_url_ttl_ms", val(py, millis(self.photo_url_ttl))?),
                ("envelope", val(py, self.envelope.as_str())?),
            ],
        )
    }
}

impl ToPython for RecordedRequest {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "RecordedRequest",
            &[
                ("method", val(py, self.method)?),
                ("path", val(py, self.path)?),
                ("query", val(py, self.query)?),
                ("headers", val(py, self.headers)?),
                ("body", val(py, self.body)?),
            ],
        )
    }
}

impl ToPython for WebhookDelivery {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "WebhookDelivery",
            &[
                ("event", status(py, "WebhookEventType", &self.event)?),
                ("event_id", val(py, self.event_id)?),
                ("model_id", val(py, self.model_id)?),
                ("url", val(py, self.url)?),
                ("attempt", val(py, self.attempt)?),
                ("status", val(py, self.status)?),
                ("error", val(py, self.error)?),
                ("at", iso(py, &self.at)?),
            ],
        )
    }
}

impl ToPython for SeedReport {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        record(
            py,
            "SeedReport",
            &[
                ("members", val(py, self.members)?),
                ("model_ids", val(py, self.model_ids)?),
            ],
        )
    }
}

/// The whole state (`state()`), as Python dicts and lists.
pub(crate) struct State(pub(crate) serde_json::Value);

impl ToPython for State {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let text = self.0.to_string();
        Ok(py
            .import("json")?
            .getattr("loads")?
            .call1((text,))?
            .unbind())
    }
}
