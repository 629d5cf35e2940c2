//! `NativeClient`: the core client behind `headshotpro.Client` and `AsyncClient`.

use std::sync::{Mutex, PoisonError};

use headshotpro::{Client, RequestOptions};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::args::{ConnectTimeout, MaxRetries, RequestsPerMinute, Timeout};
use crate::convert::ToPython;
use crate::error::{construction_error, to_pyerr};

/// The user agent prefix of this package; the core appends ` core/<version>`.
const USER_AGENT_PREFIX: &str = concat!("headshotpro-python/", env!("CARGO_PKG_VERSION"));

/// The core client and the pid it was built in; `None` once closed.
struct Slot {
    pid: u32,
    client: Option<Client>,
}

/// One core client: its settings and lifecycle. The operations that use it
/// are the module functions of [`crate::operations`].
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct NativeClient {
    slot: Mutex<Slot>,
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
    pub(crate) fn core(&self, py: Python<'_>) -> PyResult<Client> {
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
    #[pyo3(signature = (
        api_key, base_url, timeout, max_retries, connect_timeout=None, allow_insecure_http=false,
        proxy=None, extra_root_certificates=None, max_requests_per_minute=None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        base_url: Option<String>,
        timeout: Timeout,
        max_retries: MaxRetries,
        connect_timeout: Option<ConnectTimeout>,
        allow_insecure_http: bool,
        proxy: Option<String>,
        extra_root_certificates: Option<Vec<u8>>,
        max_requests_per_minute: Option<RequestsPerMinute>,
    ) -> PyResult<Self> {
        let mut builder = Client::builder()
            .timeout(timeout.0)
            .max_retries(max_retries.0)
            .allow_insecure_http(allow_insecure_http)
            .user_agent_prefix(USER_AGENT_PREFIX);
        if let Some(connect_timeout) = connect_timeout {
            builder = builder.connect_timeout(connect_timeout.0);
        }
        if let Some(key) = api_key {
            builder = builder.api_key(key);
        }
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        if let Some(proxy) = proxy {
            builder = builder.proxy(proxy);
        }
        if let Some(pem) = extra_root_certificates {
            builder = builder.extra_root_certificates(pem);
        }
        if let Some(limit) = max_requests_per_minute {
            builder = builder.max_requests_per_minute(limit.0);
        }
        let client = builder.build().map_err(|e| construction_error(py, e))?;
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
        timeout: Option<Timeout>,
        max_retries: Option<MaxRetries>,
    ) -> PyResult<Self> {
        let mut options = RequestOptions::new();
        if let Some(timeout) = timeout {
            options = options.timeout(timeout.0);
        }
        if let Some(retries) = max_retries {
            options = options.max_retries(retries.0);
        }
        Ok(Self::from_client(self.core(py)?.with_options(options)))
    }

    /// The per-attempt timeout, in seconds.
    #[getter]
    fn timeout(&self, py: Python<'_>) -> PyResult<f64> {
        Ok(self.core(py)?.timeout().as_secs_f64())
    }

    /// The retries after a failed attempt.
    #[getter]
    fn max_retries(&self, py: Python<'_>) -> PyResult<u32> {
        Ok(self.core(py)?.max_retries())
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.core(py)?.base_url().to_owned())
    }

    /// The user agent sent with every request.
    #[getter]
    fn user_agent(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.core(py)?.user_agent().to_owned())
    }

    /// The `X-RateLimit-*` headers of the last answer that carried them, as
    /// a `RateLimitInfo`; `None` before any.
    #[getter]
    fn last_rate_limit(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.core(py)?.last_rate_limit().to_python(py)
    }

    /// The local cap on requests per minute, if one was set.
    #[getter]
    fn max_requests_per_minute(&self, py: Python<'_>) -> PyResult<Option<u32>> {
        Ok(self.core(py)?.max_requests_per_minute())
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
        match self.core(py) {
            Ok(client) => format!("NativeClient(base_url={:?})", client.base_url()),
            Err(_) => "NativeClient(closed)".to_owned(),
        }
    }
}
