//! `NativeClient`: the core client behind `headshotpro.Client` and `AsyncClient`.

use std::sync::{Mutex, PoisonError};

use headshotpro::{Client, LogLevel, RequestOptions};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::args::{ConnectTimeout, MaxRetries, RequestsPerMinute, Timeout};
use crate::capture::NativeCapture;
use crate::convert::ToPython;
use crate::error::{construction_error, to_pyerr};
use crate::headers::{app_info, app_info_parts, custom_headers, AppInfoParts};
use crate::observe::{request_hook, response_hook, PythonLogSink};

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
        proxy=None, extra_root_certificates=None, max_requests_per_minute=None,
        default_headers=None, app_info=None, log_level=None, on_request=None, on_response=None
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
        default_headers: Option<Vec<(String, String)>>,
        app_info: Option<AppInfoParts>,
        log_level: Option<String>,
        on_request: Option<Vec<Py<PyAny>>>,
        on_response: Option<Vec<Py<PyAny>>>,
    ) -> PyResult<Self> {
        let level = match log_level {
            Some(name) => name.parse::<LogLevel>().map_err(|e| to_pyerr(py, &e))?,
            None => headshotpro::env_log_level(),
        };
        let mut builder = Client::builder()
            .log_level(level)
            .log_sink(PythonLogSink)
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
        if let Some(pairs) = default_headers {
            builder = builder.default_headers(custom_headers(py, pairs)?);
        }
        if let Some(parts) = app_info {
            builder = builder.app_info(self::app_info(parts));
        }
        for hook in on_request.unwrap_or_default() {
            builder = builder.on_request(request_hook(hook));
        }
        for hook in on_response.unwrap_or_default() {
            builder = builder.on_response(response_hook(hook));
        }
        let client = builder.build().map_err(|e| construction_error(py, e))?;
        Ok(Self::from_client(client))
    }

    /// A client with other settings (`None` keeps this one's) sharing this
    /// client's connection pool. It has a slot of its own: after `os.fork()`
    /// it rebuilds from its own settings (which `rebuild` keeps), with a pool
    /// of its own in the child.
    #[pyo3(signature = (timeout=None, max_retries=None, headers=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<Timeout>,
        max_retries: Option<MaxRetries>,
        headers: Option<Vec<(String, String)>>,
    ) -> PyResult<Self> {
        let mut options = RequestOptions::new();
        if let Some(pairs) = headers {
            options = options.headers(custom_headers(py, pairs)?);
        }
        if let Some(timeout) = timeout {
            options = options.timeout(timeout.0);
        }
        if let Some(retries) = max_retries {
            options = options.max_retries(retries.0);
        }
        Ok(Self::from_client(self.core(py)?.with_options(options)))
    }

    /// A client sharing this one's pool and settings whose answers are
    /// recorded in the returned capture (one per raw call, so concurrent
    /// calls never see each other's answers).
    fn capturing(&self, py: Python<'_>) -> PyResult<(Self, NativeCapture)> {
        let (client, capture) = self.core(py)?.capturing();
        Ok((Self::from_client(client), NativeCapture { capture }))
    }

    /// The application named in the user agent, as `(name, version, url)`.
    #[getter]
    fn app_info(&self, py: Python<'_>) -> PyResult<Option<AppInfoParts>> {
        Ok(self.core(py)?.app_info().map(app_info_parts))
    }

    /// The default headers, as `(name, value)` pairs.
    #[getter]
    fn default_headers(&self, py: Python<'_>) -> PyResult<Vec<(String, String)>> {
        Ok(self
            .core(py)?
            .default_headers()
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect())
    }

    /// The log threshold: `off`, `error`, `warn`, `info` or `debug`.
    #[getter]
    fn log_level(&self, py: Python<'_>) -> PyResult<&'static str> {
        Ok(self.core(py)?.log_level().as_str())
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
