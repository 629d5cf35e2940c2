//! `photos.save`: fetching signed photo URLs into a directory.
//!
//! The URLs point at a CDN, not the API, so they are fetched by a separate
//! HTTP client that never sends the API key (same TLS setup, same timeouts).
//! Each photo is streamed to a hidden temporary file in the directory and
//! renamed into place once complete, so no half-written photo is ever
//! visible; a failed or cancelled download removes its temporary file.
//! Memory stays flat: one network chunk and one write buffer per download.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use futures_util::StreamExt;
use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::{Response, Url};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncWriteExt, BufWriter};

use crate::classify::{api_error, truncate};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::file_name;
use crate::log::LogLevel;
use crate::observers::Observers;
use crate::retry;
use crate::transport::transport_error;
use crate::types::{DownloadLink, PhotoInclude};

/// Downloads running at once when [`SaveOptions::concurrency`] is unset.
pub const DEFAULT_CONCURRENCY: i64 = 4;
/// The most downloads [`SaveOptions::concurrency`] may run at once.
pub const MAX_CONCURRENCY: i64 = 32;

/// The operation name on errors of the downloads themselves.
const OPERATION: &str = "photos.save";
/// Bytes of an error answer kept for its message.
const MAX_ERROR_BODY: usize = 4096;
/// Write buffer per download.
const WRITE_BUFFER: usize = 64 * 1024;
/// Redirects a CDN may answer with.
const MAX_REDIRECTS: usize = 5;

/// Called once per photo when its download ends, successful or not.
pub type ProgressCallback = Arc<dyn Fn(&SaveProgress) + Send + Sync>;

/// What [`crate::Photos::save`] does: which photos, which URLs, whether to
/// replace existing files, how many downloads at once, and whom to tell.
#[derive(Clone, Default)]
pub struct SaveOptions {
    /// Only these photos (all when `None`).
    pub photo_ids: Option<Vec<String>>,
    /// Passed to the download-links call.
    pub include: Option<PhotoInclude>,
    /// Replace files that already exist (refused by default).
    pub overwrite: bool,
    /// Downloads at once, 1..=32 (default 4).
    pub concurrency: Option<i64>,
    /// Told about each photo as its download ends.
    pub progress: Option<ProgressCallback>,
}

impl SaveOptions {
    /// Every photo, 4 at once, no overwriting, no progress reports.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only these photos.
    pub fn photo_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.photo_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Which URLs the download links carry.
    pub fn include(mut self, include: PhotoInclude) -> Self {
        self.include = Some(include);
        self
    }

    /// Replace existing files.
    pub fn overwrite(mut self, overwrite: bool) -> Self {
        self.overwrite = overwrite;
        self
    }

    /// Downloads at once, 1..=32.
    pub fn concurrency(mut self, concurrency: i64) -> Self {
        self.concurrency = Some(concurrency);
        self
    }

    /// Calls `progress` once per photo as its download ends.
    pub fn on_progress(mut self, progress: impl Fn(&SaveProgress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// The concurrency, checked.
    pub(crate) fn checked_concurrency(&self) -> Result<usize> {
        let n = self.concurrency.unwrap_or(DEFAULT_CONCURRENCY);
        if !(1..=MAX_CONCURRENCY).contains(&n) {
            return Err(Error::invalid(format!(
                "concurrency must be between 1 and {MAX_CONCURRENCY}, got {n}"
            )));
        }
        usize::try_from(n).map_err(|_| Error::invalid("concurrency does not fit this platform"))
    }
}

impl fmt::Debug for SaveOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SaveOptions")
            .field("photo_ids", &self.photo_ids)
            .field("include", &self.include)
            .field("overwrite", &self.overwrite)
            .field("concurrency", &self.concurrency)
            .field("progress", &self.progress.as_ref().map(|_| "<callback>"))
            .finish()
    }
}

/// One photo's download has ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveProgress {
    /// The photo.
    pub photo_id: String,
    /// Whether it was saved (else it is in [`SaveReport::failed`]).
    pub saved: bool,
    /// Bytes written for it (0 when it failed).
    pub bytes: u64,
    /// Photos finished so far, this one included.
    pub completed: usize,
    /// Photos in this save.
    pub total: usize,
}

/// A photo written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedPhoto {
    /// The photo.
    pub photo_id: String,
    /// Where it was written.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
    /// The CDN's `Content-Type`, when sent.
    pub content_type: Option<String>,
}

/// A photo that was not saved, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FailedDownload {
    /// The photo.
    pub photo_id: String,
    /// Why: e.g. a `PermissionDeniedError` (403) for an expired URL, an
    /// `InvalidArgumentError` for a file that exists without `overwrite`.
    pub error: Error,
}

impl fmt::Display for FailedDownload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "photo {}: {}", self.photo_id, self.error)
    }
}

/// What a save did: the photos written and the ones that failed, each in the
/// order of the download links. Files already written are kept when others fail.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveReport {
    /// Photos written.
    pub saved: Vec<SavedPhoto>,
    /// Photos not written, with the reason.
    pub failed: Vec<FailedDownload>,
}

impl SaveReport {
    /// Whether every photo was saved.
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty()
    }

    /// Bytes written in all.
    pub fn bytes(&self) -> u64 {
        self.saved.iter().map(|s| s.bytes).sum()
    }
}

/// Creates the directory if needed and proves it can be written, before
/// anything is downloaded.
pub(crate) async fn prepare_directory(directory: &Path) -> Result<()> {
    if directory.as_os_str().is_empty() {
        return Err(Error::invalid("directory must not be empty"));
    }
    let shown = directory.display();
    tokio::fs::create_dir_all(directory)
        .await
        .map_err(|e| Error::invalid(format!("directory {shown} cannot be created: {e}")))?;
    // The probe is written and removed on a blocking thread that runs to the end
    // even when this future is dropped (a cancelled save), so it is never left behind.
    let probe = directory.join(format!(
        ".headshotpro-write-check-{:016x}",
        fastrand::u64(..)
    ));
    tokio::task::spawn_blocking(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)?;
        std::fs::remove_file(&probe)
    })
    .await
    .unwrap_or_else(|joined| Err(std::io::Error::other(joined)))
    .map_err(|e| Error::invalid(format!("directory {shown} cannot be written: {e}")))
}

/// Downloads every link, `concurrency` at once, and reports each as it ends.
pub(crate) async fn save_all(
    config: &Config,
    directory: &Path,
    links: Vec<DownloadLink>,
    concurrency: usize,
    options: &SaveOptions,
) -> Result<SaveReport> {
    let job = Job {
        http: cdn_client(config)?,
        directory: directory.to_owned(),
        overwrite: options.overwrite,
        allow_http: insecure_http_allowed(config),
        max_retries: config.max_retries,
        observers: Arc::clone(&config.observers),
        claimed: Mutex::new(HashSet::new()),
    };
    let total = links.len();
    let mut outcomes = futures_util::stream::iter(links.into_iter().enumerate())
        .map(|(index, link)| {
            let job = &job;
            async move {
                let outcome = job.download(&link).await;
                (index, link.photo_id, outcome)
            }
        })
        .buffer_unordered(concurrency);

    let mut done: Vec<(usize, std::result::Result<SavedPhoto, FailedDownload>)> =
        Vec::with_capacity(total);
    while let Some((index, photo_id, outcome)) = outcomes.next().await {
        let bytes = outcome.as_ref().map_or(0, |s| s.bytes);
        let saved = outcome.is_ok();
        match &outcome {
            Ok(_) => config.observers.log(LogLevel::Debug, || {
                format!("{OPERATION}: photo {photo_id} saved ({bytes} bytes)")
            }),
            Err(failed) => config.observers.log(LogLevel::Warn, || {
                format!("{OPERATION}: photo {photo_id} not saved: {failed}")
            }),
        }
        if let Some(progress) = &options.progress {
            progress(&SaveProgress {
                photo_id: photo_id.clone(),
                saved,
                bytes,
                completed: done.len() + 1,
                total,
            });
        }
        done.push((
            index,
            outcome.map_err(|error| FailedDownload { photo_id, error }),
        ));
    }
    done.sort_by_key(|(index, _)| *index);
    let mut report = SaveReport::default();
    for (_, outcome) in done {
        match outcome {
            Ok(saved) => report.saved.push(saved),
            Err(failed) => report.failed.push(failed),
        }
    }
    Ok(report)
}

/// The HTTP client for CDN URLs: no API key, the same TLS trust (with the
/// extra roots), proxies and timeouts as the API client, a few redirects
/// (never to clear text).
fn cdn_client(config: &Config) -> Result<reqwest::Client> {
    let allow_http = insecure_http_allowed(config);
    let user_agent = HeaderValue::try_from(config.user_agent.as_str())
        .map_err(|_| Error::invalid("the user agent cannot be sent in an HTTP header"))?;
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else if !url_allowed(attempt.url(), allow_http) {
            attempt.error("redirected to a plain http URL")
        } else {
            attempt.follow()
        }
    });
    // The same proxy decision as the API client: none when the API is on
    // loopback (the mock's CDN is too), else the explicit or system proxies.
    crate::proxy::configure(
        reqwest::Client::builder(),
        config.proxy.as_ref(),
        &config.base_url,
    )?
    .tls_backend_preconfigured(
        crate::tls::client_config_for(&config.extra_roots)?
            .as_ref()
            .clone(),
    )
    .connect_timeout(config.connect_timeout)
    .read_timeout(config.timeout)
    .redirect(redirects)
    .user_agent(user_agent)
    .tcp_nodelay(true)
    .build()
    .map_err(|e| Error::invalid(format!("could not build the download client: {e}")))
}

/// Whether the client was allowed plain http to a host other than loopback
/// (its base URL is one): then CDN URLs may be plain http too.
fn insecure_http_allowed(config: &Config) -> bool {
    Url::parse(&config.base_url).is_ok_and(|base| base.scheme() == "http" && !is_loopback(&base))
}

/// https anywhere; plain http only to loopback, or where the client was
/// allowed plain http (a test server on the local network).
fn url_allowed(url: &Url, allow_http: bool) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => allow_http || is_loopback(url),
        _ => false,
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// What every download of one save shares.
struct Job {
    http: reqwest::Client,
    directory: PathBuf,
    overwrite: bool,
    allow_http: bool,
    max_retries: u32,
    /// Where the downloads' log lines go.
    observers: Arc<Observers>,
    /// File names taken in this save, so two ids that sanitise alike get two files.
    claimed: Mutex<HashSet<String>>,
}

impl Job {
    /// One photo, retried like any GET on connection errors, 408, 429 and 5xx.
    async fn download(&self, link: &DownloadLink) -> Result<SavedPhoto> {
        let url = Url::parse(&link.url).map_err(|e| {
            decode_error(format!(
                "the download URL of photo {} is not a URL: {e}",
                link.photo_id
            ))
        })?;
        if !url_allowed(&url, self.allow_http) {
            return Err(decode_error(format!(
                "the download URL of photo {} is not https",
                link.photo_id
            )));
        }
        let mut retry = 0;
        loop {
            match self.attempt(link, &url).await {
                Ok(saved) => return Ok(saved),
                Err(error) if retry < self.max_retries && retry::should_retry(true, &error) => {
                    let wait = retry::delay(retry, &error);
                    self.observers.log(LogLevel::Warn, || {
                        format!(
                            "{OPERATION}: download of photo {} failed ({error}); retrying in {:.2} s",
                            link.photo_id,
                            wait.as_secs_f64()
                        )
                    });
                    tokio::time::sleep(wait).await;
                    retry += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    async fn attempt(&self, link: &DownloadLink, url: &Url) -> Result<SavedPhoto> {
        let mut response = self
            .http
            .get(url.clone())
            .header(ACCEPT, HeaderValue::from_static("image/*, */*;q=0.5"))
            .send()
            .await
            .map_err(|e| transport_error(OPERATION, &e.without_url()))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            let body = read_error_body(&mut response).await;
            return Err(api_error(status, response.headers(), &body, OPERATION).into());
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let first = next_chunk(&mut response).await?;
        let extension = content_type
            .as_deref()
            .and_then(file_name::from_content_type)
            .map(str::to_owned)
            .or_else(|| file_name::from_url_path(url.path()))
            .unwrap_or_else(|| {
                file_name::from_magic(first.as_deref().unwrap_or_default()).to_owned()
            });
        let name = self.claim(&link.photo_id, &extension)?;
        let path = self.directory.join(&name);
        if !self.overwrite && tokio::fs::try_exists(&path).await.unwrap_or(true) {
            return Err(exists(&path));
        }

        let mut temp = TempFile::create(&self.directory, &name).await?;
        let mut writer = BufWriter::with_capacity(WRITE_BUFFER, temp.file()?);
        let mut bytes = 0u64;
        let mut chunk = first;
        while let Some(data) = chunk {
            writer
                .write_all(&data)
                .await
                .map_err(|e| write_error(&temp.path, &e))?;
            bytes += data.len() as u64;
            chunk = next_chunk(&mut response).await?;
        }
        writer
            .flush()
            .await
            .map_err(|e| write_error(&temp.path, &e))?;
        drop(writer);
        if !self.overwrite && tokio::fs::try_exists(&path).await.unwrap_or(true) {
            return Err(exists(&path));
        }
        temp.persist(&path).await?;
        Ok(SavedPhoto {
            photo_id: link.photo_id.clone(),
            path,
            bytes,
            content_type,
        })
    }

    /// A file name for this photo not yet used in this save.
    fn claim(&self, photo_id: &str, extension: &str) -> Result<String> {
        let stem = file_name::stem(photo_id);
        let mut claimed = self
            .claimed
            .lock()
            .map_err(|_| Error::invalid("a download panicked while naming its file"))?;
        let mut name = format!("{stem}.{extension}");
        let mut n = 2;
        while !claimed.insert(name.clone()) {
            name = format!("{stem}-{n}.{extension}");
            n += 1;
        }
        Ok(name)
    }
}

/// A hidden file next to the final one; removed unless persisted, also when
/// the download is cancelled.
struct TempFile {
    path: PathBuf,
    file: Option<tokio::fs::File>,
    persisted: bool,
}

impl TempFile {
    async fn create(directory: &Path, name: &str) -> Result<Self> {
        let path = directory.join(format!(".{name}.{:016x}.part", fastrand::u64(..)));
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|e| write_error(&path, &e))?;
        Ok(Self {
            path,
            file: Some(file),
            persisted: false,
        })
    }

    fn file(&mut self) -> Result<tokio::fs::File> {
        self.file
            .take()
            .ok_or_else(|| Error::invalid("the temporary file was already handed out"))
    }

    async fn persist(mut self, to: &Path) -> Result<()> {
        tokio::fs::rename(&self.path, to)
            .await
            .map_err(|e| write_error(to, &e))?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

async fn next_chunk(response: &mut Response) -> Result<Option<bytes::Bytes>> {
    response
        .chunk()
        .await
        .map_err(|e| transport_error(OPERATION, &e.without_url()))
}

/// The start of an error answer, enough for its message.
async fn read_error_body(response: &mut Response) -> Vec<u8> {
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
        if body.len() >= MAX_ERROR_BODY {
            body.truncate(MAX_ERROR_BODY);
            break;
        }
    }
    body
}

fn exists(path: &Path) -> Error {
    Error::invalid(format!(
        "{} already exists; pass overwrite to replace it",
        path.display()
    ))
}

fn write_error(path: &Path, error: &std::io::Error) -> Error {
    Error::invalid(format!("could not write {}: {error}", path.display()))
}

fn decode_error(message: String) -> Error {
    Error::ResponseDecode {
        operation: "photos.download_links".to_owned(),
        status: 200,
        message,
        body: truncate(b""),
    }
}
