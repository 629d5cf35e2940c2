//! Keeps the runtime's threads out of Python once the interpreter exits.
//!
//! An asyncio call is completed from a tokio thread, which takes the GIL to
//! hand the answer to the event loop. If the interpreter is finalizing at
//! that moment, Python before 3.14 ends the thread that asks for the GIL
//! with `pthread_exit`, which a Rust thread does not survive (a segfault at
//! exit, seen about once in four runs of an `asyncio.run` program on Python
//! 3.9). So an `atexit` hook closes the door: from then on no runtime thread
//! enters Python (the answers it drops had nobody waiting), and the hook
//! waits, with the GIL released, for the threads already inside to leave.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

use pyo3::prelude::*;

/// Set by the `atexit` hook: no runtime thread may take the GIL any more.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Runtime threads inside [`attach`] right now.
static INSIDE: AtomicUsize = AtomicUsize::new(0);
/// How long the hook waits for them at most.
const DRAIN: Duration = Duration::from_secs(2);

/// Runs `f` with the GIL from a runtime thread, unless the interpreter is
/// exiting (then `None`, and `f` does not run).
pub(crate) fn attach<R>(f: impl FnOnce(Python<'_>) -> R) -> Option<R> {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            INSIDE.fetch_sub(1, SeqCst);
        }
    }
    INSIDE.fetch_add(1, SeqCst);
    let _leave = Leave;
    if EXITING.load(SeqCst) {
        return None;
    }
    Some(Python::attach(f))
}

/// The `atexit` hook: closes the door, then lets the threads inside finish.
#[pyfunction]
pub(crate) fn _close_for_exit(py: Python<'_>) {
    EXITING.store(true, SeqCst);
    py.detach(|| {
        let started = Instant::now();
        while INSIDE.load(SeqCst) > 0 && started.elapsed() < DRAIN {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// Registers [`_close_for_exit`] with Python's `atexit`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let hook = wrap_pyfunction!(_close_for_exit, m)?;
    m.py().import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}
