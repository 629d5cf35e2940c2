//! Python keyword arguments into the mock's typed settings: the server's
//! configuration, an organization's changes, a fault. The Python layer
//! passes only the arguments that were given, as a dict; `None` is kept,
//! because for the optional settings it means "clear".

use headshotpro_mock::{Envelope, FaultAfter, FaultBody, MockConfig, OrganizationUpdate};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::args::{count, flag, integer, millis, text};
use crate::error::to_pyerr;

/// An `InvalidArgumentError` with this message.
pub(crate) fn invalid(py: Python<'_>, message: String) -> PyErr {
    to_pyerr(py, &headshotpro::Error::InvalidArgument { message })
}

/// A value that may be `None`, parsed with `parse` otherwise.
fn nullable<T>(
    value: &Bound<'_, PyAny>,
    parse: impl FnOnce(Borrowed<'_, '_, PyAny>) -> PyResult<T>,
) -> PyResult<Option<T>> {
    if value.is_none() {
        Ok(None)
    } else {
        parse(value.as_borrowed()).map(Some)
    }
}

fn envelope(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Envelope> {
    let wire = text("envelope", value.as_borrowed())?;
    Envelope::parse(&wire).ok_or_else(|| {
        invalid(
            py,
            format!("envelope must be \"top\" or \"data\", not {wire:?}"),
        )
    })
}

/// The server's configuration: `MockConfig::default()` changed by `options`.
pub(crate) fn config(options: &Bound<'_, PyDict>) -> PyResult<MockConfig> {
    let py = options.py();
    let mut config = MockConfig::default();
    for (key, value) in options.iter() {
        let key = key.extract::<String>()?;
        let v = value.as_borrowed();
        match key.as_str() {
            "port" => {
                let port = count("port", v)?;
                config.port = u16::try_from(port)
                    .map_err(|_| invalid(py, format!("port must be at most 65535, got {port}")))?;
            }
            "api_key" => config.api_key = text("api_key", v)?,
            "credits" => config.credits = integer("credits", v)?,
            "whitelabel" => config.whitelabel = flag("whitelabel", v)?,
            "webhook_url" => config.webhook_url = nullable(&value, |v| text("webhook_url", v))?,
            "webhook_secret" => {
                config.webhook_secret = nullable(&value, |v| text("webhook_secret", v))?;
            }
            "webhook_delay_ms" => config.webhook_delay = millis("webhook_delay_ms", v)?,
            "webhook_retry_ms" => config.webhook_retry = millis("webhook_retry_ms", v)?,
            "dev_step_ms" => config.dev_step = millis("dev_step_ms", v)?,
            "rate_limit" => config.rate_limit = nullable(&value, |v| count("rate_limit", v))?,
            "rate_window_ms" => config.rate_window = millis("rate_window_ms", v)?,
            "invite_limit" => {
                config.invite_limit = nullable(&value, |v| count("invite_limit", v))?;
            }
            "photos_per_model" => config.photos_per_model = count("photos_per_model", v)?,
            "photo_url_ttl_ms" => config.photo_url_ttl = millis("photo_url_ttl_ms", v)?,
            "tls" => config.tls = flag("tls", v)?,
            other => return Err(invalid(py, format!("unknown mock setting {other:?}"))),
        }
    }
    Ok(config)
}

/// An organization's changes; for the optional settings `None` clears them.
pub(crate) fn update(changes: &Bound<'_, PyDict>) -> PyResult<OrganizationUpdate> {
    let py = changes.py();
    let mut update = OrganizationUpdate::default();
    for (key, value) in changes.iter() {
        let key = key.extract::<String>()?;
        let v = value.as_borrowed();
        match key.as_str() {
            "credits" => update.credits = Some(integer("credits", v)?),
            "whitelabel" => update.whitelabel = Some(flag("whitelabel", v)?),
            "webhook_url" => {
                update.webhook_url = Some(nullable(&value, |v| text("webhook_url", v))?);
            }
            "webhook_secret" => {
                update.webhook_secret = Some(nullable(&value, |v| text("webhook_secret", v))?);
            }
            "invite_limit" => {
                update.invite_limit = Some(nullable(&value, |v| count("invite_limit", v))?);
            }
            "rate_limit" => {
                update.rate_limit = Some(nullable(&value, |v| count("rate_limit", v))?);
            }
            "rate_window_ms" => update.rate_window = Some(millis("rate_window_ms", v)?),
            "photos_per_model" => update.photos_per_model = Some(count("photos_per_model", v)?),
            "photo_url_ttl_ms" => update.photo_url_ttl = Some(millis("photo_url_ttl_ms", v)?),
            "envelope" => update.envelope = Some(envelope(py, &value)?),
            "name" => update.name = Some(text("name", v)?),
            "website" => update.website = Some(text("website", v)?),
            "description" => update.description = Some(text("description", v)?),
            other => {
                return Err(invalid(
                    py,
                    format!("unknown organization setting {other:?}"),
                ))
            }
        }
    }
    Ok(update)
}

/// A fault's body: `raw` sent as these exact bytes, or `json` (JSON text the
/// Python layer serialized) sent as that JSON.
pub(crate) fn fault_body(
    py: Python<'_>,
    raw: Option<String>,
    json: Option<String>,
) -> PyResult<Option<FaultBody>> {
    Ok(match (raw, json) {
        (Some(raw), _) => Some(FaultBody::Raw(raw)),
        (None, Some(json)) => Some(FaultBody::Json(
            serde_json::from_str(&json)
                .map_err(|e| invalid(py, format!("body is not JSON: {e}")))?,
        )),
        (None, None) => None,
    })
}

/// A fault's `after`: `"drop"`, or an HTTP status answered instead of the real answer.
pub(crate) fn fault_after(after: Option<&Bound<'_, PyAny>>) -> PyResult<Option<FaultAfter>> {
    let Some(value) = after.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(word) = value.extract::<String>() {
        if word == "drop" {
            return Ok(Some(FaultAfter::Drop));
        }
    }
    let status = count("after", value.as_borrowed())?;
    u16::try_from(status)
        .map(|status| Some(FaultAfter::Status(status)))
        .map_err(|_| {
            invalid(
                value.py(),
                format!("after must be \"drop\" or an HTTP status, got {status}"),
            )
        })
}
