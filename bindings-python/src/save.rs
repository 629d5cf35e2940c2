//! `photos_save`: the one operation with a callback, so it is written out
//! rather than declared in [`crate::operations`].
//!
//! Its progress reports reach Python through [`crate::progress`].

use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::sync::Arc;

use headshotpro::{PhotoInclude, SaveOptions, SaveProgress};
use pyo3::prelude::*;

use crate::args::Concurrency;
use crate::call::run;
use crate::client::NativeClient;
use crate::progress::Progress;

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
    let progress = on_progress.map(|callback| Progress::new(callback, event_loop.as_ref()));
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
