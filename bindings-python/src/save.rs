//! `photos_save`: the one operation with a callback, so it is written out
//! rather than declared in [`crate::operations`].
//!
//! The core calls the progress callback on the task that drives the
//! downloads. Calling Python there would make every download wait for the
//! GIL, so the callback only queues the report; a blocking-pool thread hands
//! each report to Python — directly for `Client`, or with
//! `loop.call_soon_threadsafe` on the event loop for `AsyncClient` — and the
//! call ends only after every report was handed over.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;

use headshotpro::{PhotoInclude, SaveOptions, SaveProgress};
use pyo3::prelude::*;

use crate::args::Concurrency;
use crate::call::run;
use crate::client::NativeClient;
use crate::convert::ToPython;

/// The Python callback and, for `AsyncClient`, the loop it runs on.
struct Progress {
    callback: Py<PyAny>,
    event_loop: Option<Py<PyAny>>,
}

impl Progress {
    /// Hands every report to Python, in order, until the save ends (or the
    /// interpreter exits: then the reports are dropped, nobody is waiting).
    fn forward(self, reports: Receiver<SaveProgress>) {
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
                // anything left is reported, never raised into the save.
                if let Err(err) = handed {
                    err.write_unraisable(py, None);
                }
            });
        }
    }
}

/// `photos.save`: downloads a model's photos into `directory`; returns the
/// `SaveReport`. `on_progress` is called once per photo as it ends.
#[pyfunction]
#[pyo3(signature = (
    client, model_id, directory, photo_ids, include, overwrite, concurrency, on_progress,
    event_loop=None
))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn photos_save(
    py: Python<'_>,
    client: &NativeClient,
    model_id: String,
    directory: PathBuf,
    photo_ids: Option<Vec<String>>,
    include: Option<String>,
    overwrite: bool,
    concurrency: Option<Concurrency>,
    on_progress: Option<Py<PyAny>>,
    event_loop: Option<Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let core = client.core(py)?;
    let mut options = SaveOptions::new().overwrite(overwrite);
    options.photo_ids = photo_ids;
    options.include = include.as_deref().map(PhotoInclude::from);
    options.concurrency = concurrency.map(|c| c.0);
    let progress = on_progress.map(|callback| Progress {
        callback,
        event_loop: event_loop.as_ref().map(|l| l.clone().unbind()),
    });
    run(py, event_loop, "photos_save", async move {
        let Some(progress) = progress else {
            return core.photos().save(&model_id, &directory, options).await;
        };
        let (sender, reports) = channel::<SaveProgress>();
        options.progress = Some(Arc::new(move |report: &SaveProgress| {
            // Fails only if the forwarder died; the save goes on regardless.
            let _ = sender.send(report.clone());
        }));
        let forwarder = tokio::task::spawn_blocking(move || progress.forward(reports));
        let saved = core.photos().save(&model_id, &directory, options).await;
        let _ = forwarder.await;
        saved
    })
}
