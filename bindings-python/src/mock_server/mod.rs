//! `NativeMockServer`: the `headshotpro-mock` emulator, in process, for
//! users' own tests (`headshotpro.testing.MockServer` wraps it).
//!
//! The server runs on the package's tokio runtime (`crate::runtime`), on
//! 127.0.0.1 with an ephemeral port; no thread of its own keeps a process
//! alive, so a test that forgets `close()` still exits. Control methods act
//! on the server's state directly, with the GIL released.

mod error;
mod options;
mod records;

use std::convert::Infallible;
use std::sync::{Arc, PoisonError, RwLock};

use headshotpro_mock::{FaultSpec, LikedStatus, MockServer, SeedRequest};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::IntoPyObjectExt;

use crate::args::{count, millis};
use crate::call::run;
use crate::convert::ToPython;
use error::ControlError;
use options::{fault_after, fault_body, invalid};
use records::State;

/// A started server, on its way to Python.
struct Started(MockServer);

impl ToPython for Started {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let server = self.0;
        let native = NativeMockServer {
            url: server.url().to_owned(),
            cdn_url: server.cdn_url().to_owned(),
            api_key: server.api_key().to_owned(),
            ca_pem: server.ca_pem().map(str::to_owned),
            pid: std::process::id(),
            server: RwLock::new(Some(Arc::new(server))),
        };
        Ok(Py::new(py, native)?.into_any())
    }
}

/// Starts a mock server with `options` (the `MockServer` keyword arguments
/// that were given) and returns its `NativeMockServer`.
#[pyfunction]
pub(crate) fn mock_start(py: Python<'_>, options: &Bound<'_, PyDict>) -> PyResult<Py<PyAny>> {
    let config = options::config(options)?;
    run(py, None, "mock_start", async move {
        MockServer::start(config).await.map(Started)
    })
}

/// A running mock server and its control methods.
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct NativeMockServer {
    url: String,
    cdn_url: String,
    api_key: String,
    ca_pem: Option<String>,
    /// The process that started it: after `os.fork()` the child cannot stop
    /// a server that runs on its parent's threads.
    pid: u32,
    /// `None` once closed.
    server: RwLock<Option<Arc<MockServer>>>,
}

impl NativeMockServer {
    /// The running server; an error once closed, or in a child process made
    /// by `os.fork()` (whose copy of the state is not the one the server serves).
    fn server(&self) -> PyResult<Arc<MockServer>> {
        if self.pid != std::process::id() {
            return Err(PyRuntimeError::new_err(format!(
                "this mock server runs in the parent process: after os.fork() use its \
                 HTTP control API at {}/__mock/",
                self.url
            )));
        }
        let slot = self.server.read().unwrap_or_else(PoisonError::into_inner);
        slot.clone()
            .ok_or_else(|| PyRuntimeError::new_err("the mock server is closed"))
    }

    /// Runs a control method with the GIL released and converts its answer.
    fn control<T, F>(&self, py: Python<'_>, operation: &'static str, call: F) -> PyResult<Py<PyAny>>
    where
        T: ToPython + Send,
        F: FnOnce(&MockServer) -> headshotpro_mock::MockResult<T> + Send,
    {
        let server = self.server()?;
        match py.detach(move || call(&server)) {
            Ok(value) => value.to_python(py),
            Err(error) => Err(ControlError { operation, error }.into_pyerr(py)),
        }
    }

    /// Runs a control method that cannot fail, with the GIL released.
    fn act<T: Send>(
        &self,
        py: Python<'_>,
        call: impl FnOnce(&MockServer) -> T + Send,
    ) -> PyResult<T> {
        let server = self.server()?;
        Ok(py.detach(move || call(&server)))
    }
}

#[pymethods]
impl NativeMockServer {
    /// The API's base URL, e.g. `http://127.0.0.1:41234`.
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// Where the photos are served, e.g. `http://localhost:41234`.
    #[getter]
    fn cdn_url(&self) -> &str {
        &self.cdn_url
    }

    /// The default organization's API key.
    #[getter]
    fn api_key(&self) -> &str {
        &self.api_key
    }

    /// With TLS, the PEM of the certificate authority to trust; else `None`.
    #[getter]
    fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        let slot = self.server.read().unwrap_or_else(PoisonError::into_inner);
        slot.is_none()
    }

    /// Stops the server and waits until it is down. Calling it again does nothing.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        let server = {
            let mut slot = self.server.write().unwrap_or_else(PoisonError::into_inner);
            slot.take()
        };
        let Some(server) = server else {
            return Ok(());
        };
        if self.pid != std::process::id() {
            std::mem::forget(server);
            return Ok(());
        }
        run(py, None, "mock_close", async move {
            server.shutdown().await;
            Ok::<(), Infallible>(())
        })
        .map(drop)
    }

    /// `POST /__mock/invites/{id}/accept`.
    fn accept_invite(&self, py: Python<'_>, invite_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "accept_invite", move |s| s.accept_invite(&invite_id))
    }

    /// `POST /__mock/invites/{id}/upload`.
    fn upload_photos(&self, py: Python<'_>, invite_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "upload_photos", move |s| s.upload_photos(&invite_id))
    }

    /// `POST /__mock/invites/{id}/advance`.
    fn advance_invite(&self, py: Python<'_>, invite_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "advance_invite", move |s| s.advance_invite(&invite_id))
    }

    /// `POST /__mock/models/{id}/complete-onboarding`.
    fn complete_onboarding(&self, py: Python<'_>, model_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "complete_onboarding", move |s| {
            s.complete_onboarding(&model_id)
        })
    }

    /// `POST /__mock/models/{id}/advance`.
    fn advance(&self, py: Python<'_>, model_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "advance", move |s| s.advance(&model_id))
    }

    /// `POST /__mock/models/{id}/fail`.
    fn fail(&self, py: Python<'_>, model_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "fail", move |s| s.fail(&model_id))
    }

    /// A model's photos, as the mock keeps them.
    fn photos(&self, py: Python<'_>, model_id: String) -> PyResult<Py<PyAny>> {
        self.control(py, "photos", move |s| s.photos(&model_id))
    }

    /// `POST /__mock/photos/{id}/like`: `status` is `liked`, `loved` or `none`.
    fn like_photo(&self, py: Python<'_>, photo_id: String, status: String) -> PyResult<Py<PyAny>> {
        let liked = LikedStatus::parse(&status).ok_or_else(|| {
            invalid(
                py,
                format!("status must be \"liked\", \"loved\" or \"none\", not {status:?}"),
            )
        })?;
        self.control(py, "like_photo", move |s| s.like_photo(&photo_id, liked))
    }

    /// `POST /__mock/models/{id}/favorite`: the user picks a favorite.
    fn choose_favorite(
        &self,
        py: Python<'_>,
        model_id: String,
        photo_id: String,
    ) -> PyResult<Py<PyAny>> {
        self.control(py, "choose_favorite", move |s| {
            s.choose_favorite(&model_id, &photo_id)
        })
    }

    /// `GET /__mock/organization[?key=]`.
    #[pyo3(signature = (key=None))]
    fn organization(&self, py: Python<'_>, key: Option<String>) -> PyResult<Py<PyAny>> {
        self.control(py, "organization", move |s| match key {
            Some(key) => s.organization_for(&key),
            None => s.organization(),
        })
    }

    /// `PUT /__mock/organization[?key=]` with the changes given.
    #[pyo3(signature = (changes, key=None))]
    fn set_organization(
        &self,
        py: Python<'_>,
        changes: &Bound<'_, PyDict>,
        key: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let update = options::update(changes)?;
        self.control(py, "set_organization", move |s| match key {
            Some(key) => s.set_organization_for(&key, update),
            None => s.set_organization(update),
        })
    }

    /// `POST /__mock/faults`; answers the fault's id.
    #[pyo3(signature = (
        method, path, status, raw_body, json_body, headers, delay_ms, drop, after, times
    ))]
    #[allow(clippy::too_many_arguments)]
    fn inject_fault(
        &self,
        py: Python<'_>,
        method: Option<String>,
        path: String,
        status: Option<&Bound<'_, PyAny>>,
        raw_body: Option<String>,
        json_body: Option<String>,
        headers: Vec<(String, String)>,
        delay_ms: Option<&Bound<'_, PyAny>>,
        drop: bool,
        after: Option<&Bound<'_, PyAny>>,
        times: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        let status = match status.filter(|s| !s.is_none()) {
            Some(status) => Some(http_status(py, "status", status)?),
            None => None,
        };
        let delay = match delay_ms.filter(|d| !d.is_none()) {
            Some(delay) => Some(millis("delay_ms", delay.as_borrowed())?),
            None => None,
        };
        let fault = FaultSpec {
            method,
            status,
            body: fault_body(py, raw_body, json_body)?,
            headers,
            delay,
            drop,
            after: fault_after(after)?,
            times: count("times", times.as_borrowed())?,
            ..FaultSpec::new(path)
        };
        let server = self.server()?;
        match py.detach(move || server.inject_fault(fault)) {
            Ok(id) => id.into_py_any(py),
            Err(error) => Err(ControlError {
                operation: "inject_fault",
                error,
            }
            .into_pyerr(py)),
        }
    }

    /// `DELETE /__mock/faults`.
    fn clear_faults(&self, py: Python<'_>) -> PyResult<()> {
        self.act(py, MockServer::clear_faults)
    }

    /// `GET /__mock/requests`: every API and CDN request, in order.
    fn requests(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.act(py, MockServer::requests)?.to_python(py)
    }

    /// `DELETE /__mock/requests`.
    fn clear_requests(&self, py: Python<'_>) -> PyResult<()> {
        self.act(py, MockServer::clear_requests)
    }

    /// `GET /__mock/webhooks`: every delivery attempt.
    fn webhooks(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.act(py, MockServer::webhooks)?.to_python(py)
    }

    /// `DELETE /__mock/webhooks`.
    fn clear_webhooks(&self, py: Python<'_>) -> PyResult<()> {
        self.act(py, MockServer::clear_webhooks)
    }

    /// `POST /__mock/reset`: back to the start state.
    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        self.act(py, MockServer::reset)
    }

    /// `POST /__mock/seed`: accepted members and active development models at once.
    #[pyo3(signature = (members, models, team_id=None))]
    fn seed(
        &self,
        py: Python<'_>,
        members: &Bound<'_, PyAny>,
        models: &Bound<'_, PyAny>,
        team_id: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let request = SeedRequest {
            members: count("members", members.as_borrowed())?,
            models: count("models", models.as_borrowed())?,
            team_id,
        };
        self.control(py, "seed", move |s| s.seed(request))
    }

    /// `GET /__mock/state`: the whole state, for debugging.
    fn state(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        State(self.act(py, MockServer::state)?).to_python(py)
    }

    fn __repr__(&self) -> String {
        if self.closed() {
            "NativeMockServer(closed)".to_owned()
        } else {
            format!("NativeMockServer(url={:?})", self.url)
        }
    }
}

/// An HTTP status from 100 to 999.
fn http_status(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<u16> {
    let number = count(name, value.as_borrowed())?;
    u16::try_from(number)
        .ok()
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| invalid(py, format!("{name} must be an HTTP status, got {number}")))
}
