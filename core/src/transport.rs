//! Sending one call: attempts, retries, capped bodies, error mapping, and
//! what each attempt tells the observers (log lines, hooks, captures).

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use reqwest::{Method, Response};
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::capture::{Recorder, Slot};
use crate::classify::{api_error, reports_failure, truncate};
use crate::config::{Config, RequestOptions};
use crate::envelope::Answer;
use crate::error::{Error, RateLimitInfo, Result};
use crate::limiter::Limiter;
use crate::log::LogLevel;
use crate::observers::{Attempt, Next};
use crate::rate_limit::rate_limit_info;
use crate::response::{Headers, ResponseMeta};
use crate::retry;

/// Answers larger than this are refused rather than buffered.
pub(crate) const MAX_BODY: usize = 4 * 1024 * 1024;

/// One API call as the resources describe it.
pub(crate) struct Call {
    /// e.g. `invites.create`.
    pub operation: &'static str,
    pub method: Method,
    /// Path under the base URL, ids already encoded.
    pub path: String,
    /// JSON body, if any.
    pub body: Option<Vec<u8>>,
    /// Query parameters in wire form (`limit`, `teamId`, …), encoded when sent.
    pub query: Vec<(Cow<'static, str>, String)>,
    /// A POST that only reads (`photos.download_links`): retried like a GET.
    pub read_only: bool,
}

impl Call {
    /// A call without a body.
    pub fn new(operation: &'static str, method: Method, path: impl Into<String>) -> Self {
        Self {
            operation,
            method,
            path: path.into(),
            body: None,
            query: Vec::new(),
            read_only: false,
        }
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Marks a POST that changes nothing, so it is retried like a GET.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// Whether the call may be repeated without changing the outcome (GET,
    /// PUT, DELETE, or a read-only POST): such calls retry every transient
    /// failure.
    pub fn idempotent(&self) -> bool {
        self.read_only || matches!(self.method, Method::GET | Method::PUT | Method::DELETE)
    }

    /// The full URL under `base`, with the query parameters encoded.
    pub fn url(&self, base: &str) -> String {
        let mut url = format!("{base}{}", self.path);
        if !self.query.is_empty() {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (name, value) in &self.query {
                query.append_pair(name.as_ref(), value);
            }
            url.push('?');
            url.push_str(&query.finish());
        }
        url
    }

    /// Adds a JSON body.
    pub fn json(mut self, body: &impl serde::Serialize) -> Result<Self> {
        self.body = Some(serde_json::to_vec(body).map_err(|e| Error::invalid(e.to_string()))?);
        Ok(self)
    }
}

/// What a call may conclude beyond the plain retry rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// The retry rules only.
    Plain,
    /// A DELETE: gone after a lost answer counts as done.
    Delete,
    /// A create the server keeps unique: ambiguous failures are resent.
    Create,
}

/// How the retry loop ended, short of an error.
enum Outcome {
    /// A 2xx answer that does not report failure.
    Answer(u16, Vec<u8>),
    /// A DELETE resent after a lost answer found the object gone.
    Gone,
    /// A create resent after an ambiguous failure met ALREADY_EXISTS.
    Exists(Ambiguous),
}

/// A create that may have been processed: the first ambiguous failure and
/// when the first attempt started.
#[derive(Debug)]
pub(crate) struct Ambiguous {
    /// The failure to raise when the object cannot be found.
    pub error: Error,
    /// When the first attempt started; the object, if ours, is not older.
    pub started: DateTime<Utc>,
}

/// The answer to a create, or the sign that it must be looked up.
#[derive(Debug)]
pub(crate) enum Sent<T> {
    /// The server's answer.
    Answer(T),
    /// A resend met ALREADY_EXISTS after an ambiguous failure.
    Exists(Ambiguous),
}

/// A 2xx answer that does not report failure.
struct Answered {
    status: u16,
    body: Vec<u8>,
    rate_limit: RateLimitInfo,
    /// Copied only when a capture wants them.
    headers: Option<Headers>,
}

/// The HTTP side of a client: one pool, fixed headers, the retry loop.
#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    config: Config,
    authorization: HeaderValue,
    user_agent: HeaderValue,
    limiter: Arc<Limiter>,
    /// Where a capturing client keeps the facts of its latest answer.
    capture: Option<Arc<Slot>>,
}

impl Transport {
    pub fn new(config: Config) -> Result<Self> {
        let mut authorization =
            HeaderValue::try_from(format!("Bearer {}", config.api_key.expose()))
                .map_err(|_| Error::invalid("the API key cannot be sent in an HTTP header"))?;
        authorization.set_sensitive(true);
        let user_agent = HeaderValue::try_from(config.user_agent.as_str())
            .map_err(|_| Error::invalid("the user agent cannot be sent in an HTTP header"))?;
        let http = reqwest::Client::builder();
        let http = crate::proxy::configure(http, config.proxy.as_ref(), &config.base_url)?
            .tls_backend_preconfigured(
                crate::tls::client_config_for(&config.extra_roots)?
                    .as_ref()
                    .clone(),
            )
            .connect_timeout(config.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            // A followed 303 would turn a POST into a GET whose answer is taken
            // for the POST's: a 3xx is returned as an APIError instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::invalid(format!("could not build the HTTP client: {e}")))?;
        let limiter = Arc::new(Limiter::new(config.max_requests_per_minute));
        Ok(Self {
            http,
            config,
            authorization,
            user_agent,
            limiter,
            capture: None,
        })
    }

    /// The same pool, limiter, observers and capture with other call
    /// settings.
    pub fn with_options(&self, options: &RequestOptions) -> Self {
        let mut config = self.config.clone();
        config.timeout = options.timeout.unwrap_or(config.timeout);
        config.max_retries = options.max_retries.unwrap_or(config.max_retries);
        if let Some(headers) = &options.headers {
            config.custom_headers = config.custom_headers.merged(headers);
        }
        self.child(config, self.capture.clone())
    }

    /// The same everything, keeping the facts of each answer in `slot`.
    pub fn capturing(&self, slot: Arc<Slot>) -> Self {
        self.child(self.config.clone(), Some(slot))
    }

    fn child(&self, config: Config, capture: Option<Arc<Slot>>) -> Self {
        Self {
            http: self.http.clone(),
            config,
            authorization: self.authorization.clone(),
            user_agent: self.user_agent.clone(),
            limiter: self.limiter.clone(),
            capture,
        }
    }

    /// Decodes a 2xx body, naming the operation on failure (and logging it:
    /// the attempt's own line said the answer came).
    fn decode<T: DeserializeOwned>(&self, call: &Call, status: u16, body: &[u8]) -> Result<T> {
        serde_json::from_slice(body).map_err(|e| {
            let error = Error::ResponseDecode {
                operation: call.operation.to_owned(),
                status,
                message: e.to_string(),
                body: truncate(body),
            };
            self.log_failure(&error);
            error
        })
    }

    /// Logs at error a failure found after the answer came (a body that
    /// does not decode).
    pub fn log_failure(&self, error: &Error) {
        self.config
            .observers
            .log(LogLevel::Error, || format!("{error}"));
    }

    /// The rate limiter this transport shares with its clones and children.
    pub fn limiter(&self) -> &Limiter {
        &self.limiter
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Sends the call, retrying as the policy allows, and decodes the answer.
    pub async fn send<T: DeserializeOwned>(&self, call: &Call) -> Result<T> {
        let (status, body) = self.send_raw(call).await?;
        self.decode(call, status, &body)
    }

    /// Sends the call and reads its answer with `read`, which finds the data
    /// at the top level or inside `data` (see [`Answer`]). A body that does
    /// not decode is logged at error.
    pub async fn send_answer<T>(
        &self,
        call: &Call,
        read: impl for<'b> FnOnce(Answer<'b>) -> Result<T>,
    ) -> Result<T> {
        let (status, body) = self.send_raw(call).await?;
        let read = Answer::parse(call.operation, status, &body).and_then(read);
        self.logged(read)
    }

    /// Logs a body that did not decode: the attempt's own line said the
    /// answer came, the caller gets a [`Error::ResponseDecode`].
    pub fn logged<T>(&self, result: Result<T>) -> Result<T> {
        if let Err(error @ Error::ResponseDecode { .. }) = &result {
            self.log_failure(error);
        }
        result
    }

    /// Sends the call, retrying as the policy allows; returns a 2xx body that
    /// does not report failure.
    pub async fn send_raw(&self, call: &Call) -> Result<(u16, Vec<u8>)> {
        match self.run(call, Policy::Plain).await? {
            Outcome::Answer(status, body) => Ok((status, body)),
            Outcome::Gone | Outcome::Exists(_) => Err(Error::invalid(
                "internal: a plain call cannot end in reconciliation",
            )),
        }
    }

    /// Sends a DELETE. `None` when an attempt's answer was lost (the server
    /// may have processed it) and the resend found the object already gone
    /// (ALREADY_DELETED / NOT_FOUND): the delete is done.
    pub async fn send_delete<T: DeserializeOwned>(&self, call: &Call) -> Result<Option<T>> {
        match self.run(call, Policy::Delete).await? {
            Outcome::Answer(status, body) => self.decode(call, status, &body).map(Some),
            Outcome::Gone => Ok(None),
            Outcome::Exists(ambiguous) => Err(ambiguous.error),
        }
    }

    /// Sends a create that the server keeps unique (one pending invite, one
    /// model per email). After an ambiguous failure (timeout, reset after
    /// sending, 502/503/504) the call is resent; a resend answered
    /// ALREADY_EXISTS comes back as [`Sent::Exists`] for the caller to look
    /// the object up.
    pub async fn send_create<T: DeserializeOwned>(&self, call: &Call) -> Result<Sent<T>> {
        match self.run(call, Policy::Create).await? {
            Outcome::Answer(status, body) => self.decode(call, status, &body).map(Sent::Answer),
            Outcome::Exists(ambiguous) => Ok(Sent::Exists(ambiguous)),
            Outcome::Gone => Err(Error::invalid(
                "internal: a create cannot end in a deletion",
            )),
        }
    }

    /// The retry loop shared by every kind of call.
    async fn run(&self, call: &Call, policy: Policy) -> Result<Outcome> {
        let started = Utc::now();
        let observers = &self.config.observers;
        let recorder = Recorder::active(self.capture.as_ref());
        recorder.clear();
        if let Some(body) = &call.body {
            observers.body(call.operation, 1, "request", body);
        }
        // The first failure after which the server may have processed the call.
        let mut lost: Option<Error> = None;
        let mut retry = 0;
        loop {
            let attempt = retry + 1;
            let span = tracing::debug_span!(
                target: crate::log::LOG_TARGET,
                "headshotpro.request",
                operation = call.operation,
                method = %call.method,
                path = %call.path,
                attempt,
                status = tracing::field::Empty,
            );
            let waited = self.limiter.acquire().instrument(span.clone()).await;
            if !waited.is_zero() {
                observers.log(LogLevel::Debug, || {
                    format!(
                        "{}: waited {} ms for the rate limit",
                        call.operation,
                        waited.as_millis()
                    )
                });
            }
            observers.before(call.operation, call.method.as_str(), &call.path, attempt);
            let began = Instant::now();
            let outcome = self
                .attempt(call, attempt, recorder.wanted())
                .instrument(span.clone())
                .await;
            let duration = began.elapsed();
            let report = |status, remaining, error, next| Attempt {
                operation: call.operation,
                method: call.method.as_str(),
                path: &call.path,
                attempt,
                status,
                duration,
                remaining,
                error,
                next,
            };
            let error = match outcome {
                Ok(answer) => {
                    let remaining = answer.rate_limit.remaining;
                    observers.after(&report(Some(answer.status), remaining, None, Next::Done));
                    recorder.record(|| ResponseMeta {
                        operation: call.operation.to_owned(),
                        method: call.method.as_str().to_owned(),
                        path: call.path.clone(),
                        status: answer.status,
                        headers: answer.headers.unwrap_or_default(),
                        rate_limit: answer.rate_limit,
                        attempt,
                        elapsed: duration,
                    });
                    return Ok(Outcome::Answer(answer.status, answer.body));
                }
                Err(error) => error,
            };
            let api = error.as_api();
            let status = error.status();
            let remaining = api.and_then(|a| a.rate_limit.remaining);
            if let Some(api) = api {
                recorder.record(|| ResponseMeta {
                    operation: call.operation.to_owned(),
                    method: call.method.as_str().to_owned(),
                    path: call.path.clone(),
                    status: api.status,
                    headers: api.headers.clone(),
                    rate_limit: api.rate_limit.clone(),
                    attempt,
                    elapsed: duration,
                });
            }
            let ended = |next| observers.after(&report(status, remaining, Some(&error), next));
            if let Some(first) = &lost {
                match policy {
                    Policy::Delete if retry::is_gone(&error) => {
                        ended(Next::Gone);
                        return Ok(Outcome::Gone);
                    }
                    Policy::Create if retry::is_already_exists(&error) => {
                        ended(Next::LookUp);
                        return Ok(Outcome::Exists(Ambiguous {
                            error: first.clone(),
                            started,
                        }));
                    }
                    _ => {}
                }
            }
            let resend = retry::should_retry(call.idempotent(), &error)
                || (policy == Policy::Create && retry::is_ambiguous(&error));
            if retry >= self.config.max_retries || !resend {
                ended(Next::Fail);
                return Err(match (policy, lost) {
                    // Whatever a resend says, the first attempt may have gone through.
                    (Policy::Create, Some(first)) => first,
                    _ => error,
                });
            }
            if lost.is_none() && retry::may_have_processed(&error) {
                lost = Some(error.clone());
            }
            let wait = retry::delay(retry, &error);
            ended(Next::Retry(wait));
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    async fn attempt(&self, call: &Call, attempt: u32, keep_headers: bool) -> Result<Answered> {
        let url = call.url(&self.config.base_url);
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .timeout(self.config.timeout)
            .header(AUTHORIZATION, self.authorization.clone())
            .header(USER_AGENT, self.user_agent.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        if !self.config.custom_headers.is_empty() {
            request = request.headers(self.config.custom_headers.map().clone());
        }
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| transport_error(call.operation, &e))?;
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        let rate_limit = rate_limit_info(response.headers());
        self.limiter.observe(&rate_limit);
        let body = read_capped(&mut response, call.operation).await?;
        self.config
            .observers
            .body(call.operation, attempt, "response", &body);
        if !(200..300).contains(&status) || reports_failure(&body) {
            return Err(api_error(status, response.headers(), &body, call.operation).into());
        }
        let headers = keep_headers.then(|| Headers::from_map(response.headers()));
        Ok(Answered {
            status,
            body,
            rate_limit,
            headers,
        })
    }
}

/// Reads the body, refusing more than [`MAX_BODY`] bytes.
async fn read_capped(response: &mut Response, operation: &str) -> Result<Vec<u8>> {
    let status = response.status().as_u16();
    let hint = response
        .content_length()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0);
    let mut body = Vec::with_capacity(hint.min(MAX_BODY));
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport_error(operation, &e))?
    {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(Error::ResponseDecode {
                operation: operation.to_owned(),
                status,
                message: format!("the answer is larger than {MAX_BODY} bytes"),
                body: truncate(&body),
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Maps a transport failure, telling whether the request may have arrived.
pub(crate) fn transport_error(operation: &str, error: &reqwest::Error) -> Error {
    let message = describe(error);
    let may_have_reached_server = !error.is_connect();
    if error.is_timeout() {
        Error::Timeout {
            operation: operation.to_owned(),
            message,
            may_have_reached_server,
        }
    } else {
        Error::Connection {
            operation: operation.to_owned(),
            message,
            may_have_reached_server,
        }
    }
}

/// The error and its causes on one line.
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
