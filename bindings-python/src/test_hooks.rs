//! Hooks for the package's own tests, compiled into debug builds only (the
//! wheels users install are release builds and do not have them).

use pyo3::prelude::*;

use crate::call::run;

/// Panics inside the runtime, as a bug in the core would: the call must still
/// end, with a `HeadshotProError` naming the operation (`testing.panic`).
#[pyfunction]
#[pyo3(signature = (event_loop=None))]
fn _panic_in_runtime(py: Python<'_>, event_loop: Option<Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
    run(py, event_loop, "testing_panic", deliberate_panic())
}

async fn deliberate_panic() -> headshotpro::Result<()> {
    panic!("a deliberate panic, for the tests")
}

/// Sets the hooks on the module, outside its `__all__` (they are private).
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.setattr(
        "_panic_in_runtime",
        wrap_pyfunction!(_panic_in_runtime, module)?,
    )
}
