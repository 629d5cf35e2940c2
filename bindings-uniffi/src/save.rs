//! `photos().save(...)`: its options, its progress listener (a Swift or
//! Kotlin implementation of [`SaveProgressListener`]) and its report, as
//! uniffi records around the core's download types.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use headshotpro::PhotoInclude;

use crate::error::HeadshotProError;
use crate::resources::FromCore;

/// What `photos().save` downloads and how; every field is optional.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct SaveOptions {
    /// Only these photos (every photo of the model when nil/null).
    #[uniffi(default = None)]
    pub photo_ids: Option<Vec<String>>,
    /// Which URLs the download links carry (`main` unless set).
    #[uniffi(default = None)]
    pub include: Option<PhotoInclude>,
    /// Replace files that already exist (refused by default).
    #[uniffi(default = false)]
    pub overwrite: bool,
    /// Downloads at once, 1..=32 (4 unless set).
    #[uniffi(default = None)]
    pub concurrency: Option<i64>,
}

/// One photo's download has ended.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SaveProgress {
    /// The photo.
    pub photo_id: String,
    /// Whether it was saved (else it is in the report's `failed`).
    pub saved: bool,
    /// Bytes written for it (0 when it failed).
    pub bytes: i64,
    /// Photos finished so far, this one included.
    pub completed: i64,
    /// Photos in this save.
    pub total: i64,
}

/// Told about each photo as its download ends, in the order they end, on the
/// thread driving the save: keep it quick. Whatever it throws is ignored: a
/// listener never stops a download.
#[uniffi::export(with_foreign)]
pub trait SaveProgressListener: Send + Sync {
    /// One photo's download has ended.
    fn on_progress(&self, progress: SaveProgress) -> Result<(), HeadshotProError>;
}

/// A photo written to disk.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SavedPhoto {
    /// The photo.
    pub photo_id: String,
    /// Where it was written (the directory joined with its file name).
    pub path: String,
    /// Its size in bytes.
    pub bytes: i64,
    /// The CDN's `Content-Type`, when sent.
    pub content_type: Option<String>,
}

/// A photo that was not saved, and why: e.g. `PermissionDeniedError` (403)
/// for an expired URL, `InvalidArgumentError` for a file that exists without
/// `overwrite`, `ApiConnectionError` for a transfer that failed after retries.
#[derive(Debug, uniffi::Record)]
pub struct FailedPhoto {
    /// The photo.
    pub photo_id: String,
    /// Why it was not saved.
    pub error: HeadshotProError,
}

/// What a save did: the photos written and the ones that failed, each in the
/// order of the download links. Files already written are kept when others fail.
#[derive(Debug, uniffi::Record)]
pub struct SaveReport {
    /// Photos written.
    pub saved: Vec<SavedPhoto>,
    /// Photos not written, with the reason.
    pub failed: Vec<FailedPhoto>,
}

#[uniffi::export]
impl SaveReport {
    /// Whether every photo was saved.
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty()
    }

    /// Bytes written in all.
    pub fn total_bytes(&self) -> i64 {
        self.saved.iter().map(|photo| photo.bytes).sum()
    }
}

/// A byte or photo count as the signed number Swift and Kotlin take.
fn signed(count: impl TryInto<i64>) -> i64 {
    count.try_into().unwrap_or(i64::MAX)
}

impl FromCore<headshotpro::SaveReport> for SaveReport {
    fn from_core(report: headshotpro::SaveReport) -> Self {
        Self {
            saved: report
                .saved
                .into_iter()
                .map(|photo| SavedPhoto {
                    photo_id: photo.photo_id,
                    path: photo.path.to_string_lossy().into_owned(),
                    bytes: signed(photo.bytes),
                    content_type: photo.content_type,
                })
                .collect(),
            failed: report
                .failed
                .into_iter()
                .map(|failed| FailedPhoto {
                    photo_id: failed.photo_id,
                    error: failed.error.into(),
                })
                .collect(),
        }
    }
}

/// The core's save options, with the listener (if any) called for each photo.
pub(crate) fn core_options(
    options: Option<SaveOptions>,
    listener: Option<Arc<dyn SaveProgressListener>>,
) -> headshotpro::SaveOptions {
    let options = options.unwrap_or_default();
    let mut core = headshotpro::SaveOptions::new().overwrite(options.overwrite);
    core.photo_ids = options.photo_ids;
    core.include = options.include;
    core.concurrency = options.concurrency;
    if let Some(listener) = listener {
        core = core.on_progress(move |progress| report(listener.as_ref(), progress));
    }
    core
}

/// Hands one photo's end to the listener. An error it throws, or a panic on
/// the way, is logged and otherwise ignored: the download goes on.
fn report(listener: &dyn SaveProgressListener, progress: &headshotpro::SaveProgress) {
    let progress = SaveProgress {
        photo_id: progress.photo_id.clone(),
        saved: progress.saved,
        bytes: signed(progress.bytes),
        completed: signed(progress.completed),
        total: signed(progress.total),
    };
    match catch_unwind(AssertUnwindSafe(|| listener.on_progress(progress))) {
        Ok(Ok(())) => {}
        Ok(Err(error)) => log_ignored(&error.to_string()),
        Err(_) => log_ignored("the listener panicked"),
    }
}

fn log_ignored(why: &str) {
    tracing::warn!(
        why,
        "a photos.save progress listener failed; the download goes on"
    );
}
