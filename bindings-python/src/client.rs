//! `NativeClient`: the core client behind `headshotpro.Client` and `AsyncClient`.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use headshotpro::{Client, ModelStatus, RequestOptions};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::call::run;
use crate::error::to_pyerr;

/// The user agent prefix of this package; the core appends ` core/<version>`.
const USER_AGENT_PREFIX: &str = concat!("headshotpro-python/", env!("CARGO_PKG_VERSION"));

/// The core client and the pid it was built in; `None` once closed.
struct Slot {
    pid: u32,
    client: Option<Client>,
}

/// One core client. Every method takes an optional asyncio loop: without it
/// the call blocks with the GIL released; with it the call returns an
/// `asyncio.Future` of that loop.
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct NativeClient {
    slot: Mutex<Slot>,
}

fn seconds(py: Python<'_>, what: &str, value: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        to_pyerr(
            py,
            &headshotpro::Error::InvalidArgument {
                message: format!("{what} must be a non-negative number of seconds, not {value}"),
            },
        )
    })
}

impl NativeClient {
    fn from_client(client: Client) -> Self {
        Self {
            slot: Mutex::new(Slot {
                pid: std::process::id(),
                client: Some(client),
            }),
        }
    }

    /// The core client for this process: after `os.fork()` the child gets a
    /// client with a new connection pool (the inherited pool belongs to the
    /// parent's runtime and is leaked, never used nor dropped).
    fn client(&self, py: Python<'_>) -> PyResult<Client> {
        let pid = std::process::id();
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        let inherited = match &slot.client {
            None => return Err(PyRuntimeError::new_err("the client is closed")),
            Some(client) if slot.pid == pid => return Ok(client.clone()),
            Some(client) => client,
        };
        let fresh = inherited.rebuild().map_err(|e| to_pyerr(py, &e))?;
        if let Some(inherited) = slot.client.replace(fresh.clone()) {
            std::mem::forget(inherited);
        }
        slot.pid = pid;
        Ok(fresh)
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key, base_url, timeout, max_retries))]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        base_url: Option<String>,
        timeout: f64,
        max_retries: u32,
    ) -> PyResult<Self> {
        let mut builder = Client::builder()
            .timeout(seconds(py, "timeout", timeout)?)
            .max_retries(max_retries)
            .user_agent_prefix(USER_AGENT_PREFIX);
        if let Some(key) = api_key {
            builder = builder.api_key(key);
        }
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        let client = builder.build().map_err(|e| to_pyerr(py, &e))?;
        crate::logging::refresh();
        Ok(Self::from_client(client))
    }

    /// A client with other settings (`None` keeps this one's) sharing this
    /// client's connection pool. It has a slot of its own: after `os.fork()`
    /// it rebuilds from its own settings (which `rebuild` keeps), with a pool
    /// of its own in the child.
    #[pyo3(signature = (timeout=None, max_retries=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        max_retries: Option<u32>,
    ) -> PyResult<Self> {
        let mut options = RequestOptions::new();
        if let Some(timeout) = timeout {
            options = options.timeout(seconds(py, "timeout", timeout)?);
        }
        if let Some(retries) = max_retries {
            options = options.max_retries(retries);
        }
        Ok(Self::from_client(self.client(py)?.with_options(options)))
    }

    /// The per-attempt timeout, in seconds.
    #[getter]
    fn timeout(&self, py: Python<'_>) -> PyResult<f64> {
        Ok(self.client(py)?.timeout().as_secs_f64())
    }

    /// The retries after a failed attempt.
    #[getter]
    fn max_retries(&self, py: Python<'_>) -> PyResult<u32> {
        Ok(self.client(py)?.max_retries())
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.client(py)?.base_url().to_owned())
    }

    /// The user agent sent with every request.
    #[getter]
    fn user_agent(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.client(py)?.user_agent().to_owned())
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        let slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        slot.client.is_none()
    }

    /// Releases the connection pool; later calls raise `RuntimeError`.
    /// Requests already running finish on their own copy of the client.
    fn close(&self) {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        let client = slot.client.take();
        if slot.pid != std::process::id() {
            std::mem::forget(client);
        }
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        match self.client(py) {
            Ok(client) => format!("NativeClient(base_url={:?})", client.base_url()),
            Err(_) => "NativeClient(closed)".to_owned(),
        }
    }

    #[pyo3(signature = (event_loop=None))]
    fn organization_retrieve(
        &self,
        py: Python<'_>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(
            py,
            event_loop,
            async move { c.organization().retrieve().await },
        )
    }

    #[pyo3(signature = (event_loop=None))]
    fn organization_credits(
        &self,
        py: Python<'_>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(
            py,
            event_loop,
            async move { c.organization().credits().await },
        )
    }

    #[pyo3(signature = (email, team_id, event_loop=None))]
    fn invites_create(
        &self,
        py: Python<'_>,
        email: String,
        team_id: Option<String>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.invites().create(&email, team_id.as_deref()).await
        })
    }

    #[pyo3(signature = (email, event_loop=None))]
    fn invites_revoke(
        &self,
        py: Python<'_>,
        email: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(
            py,
            event_loop,
            async move { c.invites().revoke(&email).await },
        )
    }

    #[pyo3(signature = (event_loop=None))]
    fn invites_list(
        &self,
        py: Python<'_>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move { c.invites().list().await })
    }

    #[pyo3(signature = (invite_id, event_loop=None))]
    fn invites_retrieve(
        &self,
        py: Python<'_>,
        invite_id: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.invites().retrieve(&invite_id).await
        })
    }

    #[pyo3(signature = (name, event_loop=None))]
    fn teams_create(
        &self,
        py: Python<'_>,
        name: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move { c.teams().create(&name).await })
    }

    #[pyo3(signature = (team_id, name, event_loop=None))]
    fn teams_update(
        &self,
        py: Python<'_>,
        team_id: String,
        name: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.teams().update(&team_id, &name).await
        })
    }

    #[pyo3(signature = (team_id, event_loop=None))]
    fn teams_delete(
        &self,
        py: Python<'_>,
        team_id: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(
            py,
            event_loop,
            async move { c.teams().delete(&team_id).await },
        )
    }

    #[pyo3(signature = (team_id, emails, event_loop=None))]
    fn teams_add_members(
        &self,
        py: Python<'_>,
        team_id: String,
        emails: Vec<String>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.teams().add_members(&team_id, &emails).await
        })
    }

    #[pyo3(signature = (email, team_id, is_development, event_loop=None))]
    fn models_create(
        &self,
        py: Python<'_>,
        email: String,
        team_id: Option<String>,
        is_development: bool,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.models()
                .create(&email, team_id.as_deref(), is_development)
                .await
        })
    }

    #[pyo3(signature = (model_id, event_loop=None))]
    fn models_retrieve(
        &self,
        py: Python<'_>,
        model_id: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.models().retrieve(&model_id).await
        })
    }

    #[pyo3(signature = (model_id, event_loop=None))]
    fn models_delete(
        &self,
        py: Python<'_>,
        model_id: String,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client(py)?;
        run(
            py,
            event_loop,
            async move { c.models().delete(&model_id).await },
        )
    }

    #[pyo3(signature = (model_id, until, timeout, event_loop=None))]
    fn models_wait(
        &self,
        py: Python<'_>,
        model_id: String,
        until: &str,
        timeout: f64,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let timeout = seconds(py, "timeout", timeout)?;
        let until = ModelStatus::from(until);
        let c = self.client(py)?;
        run(py, event_loop, async move {
            c.models().wait(&model_id, until, timeout).await
        })
    }
}
