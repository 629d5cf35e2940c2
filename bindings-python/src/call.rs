//! Runs a core future for Python: blocking with the GIL released, or as an
//! asyncio future completed from the runtime. Either way the call always
//! ends: a panic inside the core becomes a `HeadshotProError` naming the
//! operation, never a hang.

use std::future::Future;
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::task::{AbortHandle, JoinError};

use crate::convert::ToPython;
use crate::error::{internal_error, to_pyerr};
use crate::runtime;

/// How often a blocking call wakes up to let Python handle signals (Ctrl-C).
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// What a call's task ends with: the core's answer, or how the task died.
type Joined<T> = Result<headshotpro::Result<T>, JoinError>;

/// Runs `work` (the operation `operation`, e.g. `invites_create`) on the
/// runtime. Without `event_loop` the call blocks the calling thread with the
/// GIL released and returns the converted result; with an asyncio loop it
/// returns an `asyncio.Future` of that loop at once.
pub(crate) fn run<T, F>(
    py: Python<'_>,
    event_loop: Option<Bound<'_, PyAny>>,
    operation: &'static str,
    work: F,
) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    match event_loop {
        None => blocking(py, operation, work),
        Some(event_loop) => awaitable(py, event_loop, operation, work),
    }
}

/// Spawns `work` and a watcher that hands its end (answer or panic) to
/// `deliver`; answers a handle that aborts `work`.
fn spawn<T, F, D>(py: Python<'_>, work: F, deliver: D) -> PyResult<AbortHandle>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: Send + 'static,
    D: FnOnce(Joined<T>) + Send + 'static,
{
    let runtime = runtime::get(py)?;
    let task = runtime.spawn(work);
    let abort = task.abort_handle();
    runtime.spawn(async move { deliver(task.await) });
    Ok(abort)
}

fn finish<T: ToPython>(py: Python<'_>, operation: &str, joined: Joined<T>) -> PyResult<Py<PyAny>> {
    match joined {
        Ok(Ok(value)) => value.to_python(py),
        Ok(Err(err)) => Err(to_pyerr(py, &err)),
        Err(died) => Err(internal_error(py, operation, &died.to_string())),
    }
}

fn blocking<T, F>(py: Python<'_>, operation: &'static str, work: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    let (sender, receiver) = sync_channel(1);
    let task = spawn(py, work, move |joined| {
        let _ = sender.send(joined);
    })?;
    let mut receiver = receiver;
    loop {
        let (back, answer) = py.detach(move || {
            let answer = receiver.recv_timeout(SIGNAL_POLL);
            (receiver, answer)
        });
        receiver = back;
        match answer {
            Ok(joined) => return finish(py, operation, joined),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(
                    "the runtime shut down before the request ended",
                ))
            }
        }
    }
}

fn awaitable<T, F>(
    py: Python<'_>,
    event_loop: Bound<'_, PyAny>,
    operation: &'static str,
    work: F,
) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    let future = event_loop.call_method0("create_future")?;
    let resolve = py.import("headshotpro._aio")?.getattr("resolve")?.unbind();
    let target = future.clone().unbind();
    let event_loop = event_loop.unbind();
    let task = spawn(py, work, move |joined| {
        crate::exit::attach(|py| {
            let (ok, value) = match finish(py, operation, joined) {
                Ok(value) => (true, value),
                Err(err) => (false, err.into_value(py).into_any()),
            };
            // A closed loop cannot take the answer; nobody is waiting for it.
            let _ = event_loop
                .bind(py)
                .call_method1("call_soon_threadsafe", (resolve, target, ok, value));
        });
    })?;
    future.call_method1("add_done_callback", (Canceller { task },))?;
    Ok(future.unbind())
}

/// Done-callback of an asyncio future: when the future was cancelled, drops
/// the Rust future (and with it the request).
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct Canceller {
    task: AbortHandle,
}

#[pymethods]
impl Canceller {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.task.abort();
        }
        Ok(())
    }
}
