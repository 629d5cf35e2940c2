//! The tokio runtime, rebuilt in a child process after `os.fork()`.
//!
//! A runtime's worker threads do not survive `fork()`: the child inherits a
//! runtime whose threads are gone. The runtime is therefore kept with the pid
//! that built it; a different pid builds a new one, and the inherited one is
//! leaked on purpose (dropping it would wait for threads that do not exist).

use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::runtime::Runtime;

/// The runtime and the pid of the process that built it.
static RUNTIME: Mutex<Option<(u32, Arc<Runtime>)>> = Mutex::new(None);

/// The runtime of this process, built on first use.
///
/// Callers hold the GIL, and `os.fork()` runs with the GIL held, so the lock
/// is never held by another thread at the moment of a fork.
pub(crate) fn get(_py: Python<'_>) -> PyResult<Arc<Runtime>> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, runtime)) = slot.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(runtime));
        }
    }
    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("headshotpro-worker")
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the tokio runtime: {e}")))?,
    );
    if let Some(inherited) = slot.replace((pid, Arc::clone(&runtime))) {
        std::mem::forget(inherited);
    }
    Ok(runtime)
}
