//! What `photos.save` reports — saved photos, failed downloads with their
//! exception, progress — into their Python classes.

use headshotpro::{FailedDownload, SaveProgress, SaveReport, SavedPhoto};
use pyo3::prelude::*;

use super::{build, obj, val, ToPython};
use crate::error::to_pyerr;

impl ToPython for SavedPhoto {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "SavedPhoto",
            &[
                ("photo_id", val(py, self.photo_id)?),
                ("path", val(py, self.path)?),
                ("bytes", val(py, self.bytes)?),
                ("content_type", val(py, self.content_type)?),
            ],
        )
    }
}

impl ToPython for FailedDownload {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let error = to_pyerr(py, &self.error).into_value(py).into_any();
        build(
            py,
            "FailedDownload",
            &[
                ("photo_id", val(py, self.photo_id)?),
                ("error", error.into_bound(py)),
            ],
        )
    }
}

impl ToPython for SaveReport {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "SaveReport",
            &[
                ("saved", obj(py, self.saved)?),
                ("failed", obj(py, self.failed)?),
            ],
        )
    }
}

impl ToPython for SaveProgress {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "SaveProgress",
            &[
                ("photo_id", val(py, self.photo_id)?),
                ("saved", val(py, self.saved)?),
                ("bytes", val(py, self.bytes)?),
                ("completed", val(py, self.completed)?),
                ("total", val(py, self.total)?),
            ],
        )
    }
}
