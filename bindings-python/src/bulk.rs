//! `invites_create_many`: bulk invites, written out (not declared in
//! [`crate::operations`]) because of its progress callback. The core does
//! the work: validation, de-duplication, the shared rate limiter,
//! exactly-once sends and the early stop on credits or the invite limit.

use std::sync::mpsc::channel;
use std::sync::Arc;

use headshotpro::{BulkProgress, CreateManyOptions};
use pyo3::prelude::*;

use crate::args::Concurrency;
use crate::call::run;
use crate::client::NativeClient;
use crate::progress::Progress;

/// `invites.create_many`: one `BulkInviteResult` per email, in input order.
/// `on_progress` is called once per input as it ends.
#[pyfunction]
#[pyo3(signature = (client, emails, team_id, concurrency, on_progress, event_loop=None))]
pub(crate) fn invites_create_many(
    py: Python<'_>,
    client: &NativeClient,
    emails: Vec<String>,
    team_id: Option<String>,
    concurrency: Option<Concurrency>,
    on_progress: Option<Py<PyAny>>,
    event_loop: Option<Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let core = client.core(py)?;
    let mut options = CreateManyOptions::new();
    options.team_id = team_id;
    options.concurrency = concurrency.map(|c| c.0);
    let progress = on_progress.map(|callback| Progress::new(callback, event_loop.as_ref()));
    run(py, event_loop, "invites_create_many", async move {
        let Some(progress) = progress else {
            return core.invites().create_many(emails, options).await;
        };
        let (sender, reports) = channel::<BulkProgress>();
        options.on_progress = Some(Arc::new(move |report: &BulkProgress| {
            // Fails only if the forwarder died; the sends go on regardless.
            let _ = sender.send(report.clone());
        }));
        let forwarder = tokio::task::spawn_blocking(move || progress.forward(reports));
        let results = core.invites().create_many(emails, options).await;
        let _ = forwarder.await;
        results
    })
}
