//! What `invites.create_many` reports into the classes of `headshotpro._bulk`.

use headshotpro::{BulkInviteResult, BulkProgress};
use pyo3::prelude::*;

use super::{build, obj, status, val, ToPython};
use crate::error::to_pyerr;

impl ToPython for BulkInviteResult {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let error = match &self.error {
            Some(error) => to_pyerr(py, error).into_value(py).into_any().into_bound(py),
            None => py.None().into_bound(py),
        };
        build(
            py,
            "BulkInviteResult",
            &[
                ("email", val(py, self.email)?),
                ("team_id", val(py, self.team_id)?),
                ("outcome", status(py, "BulkOutcome", self.outcome.as_str())?),
                ("invite", obj(py, self.invite)?),
                ("error", error),
            ],
        )
    }
}

impl ToPython for BulkProgress {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "BulkProgress",
            &[
                ("index", val(py, self.index)?),
                ("result", obj(py, self.result)?),
                ("completed", val(py, self.completed)?),
                ("total", val(py, self.total)?),
            ],
        )
    }
}
