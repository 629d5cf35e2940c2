//! Progress callbacks (`photos.save`, `invites.create_many`) into Python.
//!
//! The core calls a progress callback on the task that drives the work.
//! Calling Python there would make every request wait for the GIL, so the
//! callback only queues the report; a blocking-pool thread hands each report
//! to Python — directly for `Client`, or with `loop.call_soon_threadsafe` on
//! the event loop for `AsyncClient` — and the call ends only after every
//! report was handed over.

use std::sync::mpsc::Receiver;

use pyo3::prelude::*;

use crate::convert::ToPython;

/// The Python callback and, for `AsyncClient`, the loop it runs on.
pub(crate) struct Progress {
    callback: Py<PyAny>,
    event_loop: Option<Py<PyAny>>,
}

impl Progress {
    /// The callback, to run on `event_loop` when given.
    pub(crate) fn new(callback: Py<PyAny>, event_loop: Option<&Bound<'_, PyAny>>) -> Self {
        Self {
            callback,
            event_loop: event_loop.map(|l| l.clone().unbind()),
        }
    }

    /// Hands every report to Python, in order, until the work ends (or the
    /// interpreter exits: then the reports are dropped, nobody is waiting).
    pub(crate) fn forward<T: ToPython>(self, reports: Receiver<T>) {
        for report in reports {
            crate::exit::attach(|py| {
                let handed = report
                    .to_python(py)
                    .and_then(|report| match &self.event_loop {
                        Some(event_loop) => event_loop
                            .bind(py)
                            .call_method1("call_soon_threadsafe", (&self.callback, report)),
                        None => self.callback.bind(py).call1((report,)),
                    });
                // The package's wrapper catches the callback's exceptions;
                // anything left is reported, never raised into the work.
                if let Err(err) = handed {
                    err.write_unraisable(py, None);
                }
            });
        }
    }
}
