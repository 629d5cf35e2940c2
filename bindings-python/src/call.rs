//! Runs a core future for Python: blocking with the GIL released, or as an
//! asyncio future completed from the runtime.

use std::future::Future;
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::task::AbortHandle;

use crate::convert::ToPython;
use crate::error::to_pyerr;
use crate::runtime;

/// How often a blocking call wakes up to let Python handle signals (Ctrl-C).
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Runs `work` on the runtime. Without `event_loop` the call blocks the calling
/// thread with the GIL released and returns the converted result; with an
/// asyncio loop it returns an `asyncio.Future` of that loop at once.
pub(crate) fn run<T, F>(
    py: Python<'_>,
    event_loop: Option<Bound<'_, PyAny>>,
    work: F,
) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    match event_loop {
        None => blocking(py, work),
        Some(event_loop) => awaitable(py, event_loop, work),
    }
}

fn finish<T: ToPython>(py: Python<'_>, result: headshotpro::Result<T>) -> PyResult<Py<PyAny>> {
    match result {
        Ok(value) => value.to_python(py),
        Err(err) => Err(to_pyerr(py, &err)),
    }
}

fn blocking<T, F>(py: Python<'_>, work: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    let runtime = runtime::get(py)?;
    let (sender, receiver) = sync_channel(1);
    let task = runtime.spawn(async move {
        let _ = sender.send(work.await);
    });
    let mut receiver = receiver;
    loop {
        let (back, answer) = py.detach(move || {
            let answer = receiver.recv_timeout(SIGNAL_POLL);
            (receiver, answer)
        });
        receiver = back;
        match answer {
            Ok(result) => return finish(py, result),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(
                    "the request task ended without an answer",
                ))
            }
        }
    }
}

fn awaitable<T, F>(py: Python<'_>, event_loop: Bound<'_, PyAny>, work: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = headshotpro::Result<T>> + Send + 'static,
    T: ToPython + Send + 'static,
{
    let runtime = runtime::get(py)?;
    let future = event_loop.call_method0("create_future")?;
    let resolve = py.import("headshotpro._aio")?.getattr("resolve")?.unbind();
    let target = future.clone().unbind();
    let event_loop = event_loop.unbind();
    let task = runtime.spawn(async move {
        let result = work.await;
        crate::exit::attach(|py| {
            let (ok, value) = match finish(py, result) {
                Ok(value) => (true, value),
                Err(err) => (false, err.into_value(py).into_any()),
            };
            // A closed loop cannot take the answer; nobody is waiting for it.
            let _ = event_loop
                .bind(py)
                .call_method1("call_soon_threadsafe", (resolve, target, ok, value));
        });
    });
    let canceller = Canceller {
        task: task.abort_handle(),
    };
    future.call_method1("add_done_callback", (canceller,))?;
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
