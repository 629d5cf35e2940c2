//! `photos.save`: the core's `Photos::save` with its options from JS, its
//! progress reported to a JS callback, and its report as plain objects.

use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Status;
use napi_derive::napi;

use crate::error::NativeError;
use crate::types::ToJs;

/// The JS progress callback: called with each photo's progress, then once
/// with `null` once the save has ended (so every report reaches JS before
/// the promise settles). The JS layer guards it: it never throws.
pub(crate) type ProgressFn =
    ThreadsafeFunction<Option<SaveProgress>, (), Option<SaveProgress>, Status, false>;

/// One photo's download has ended.
#[napi(object, object_from_js = false)]
pub struct SaveProgress {
    /// The photo.
    pub photo_id: String,
    /// Whether it was saved (else it is in the report's `failed`).
    pub saved: bool,
    /// Bytes written for it (0 when it failed).
    pub bytes: f64,
    /// Photos finished so far, this one included.
    pub completed: u32,
    /// Photos in this save.
    pub total: u32,
}

/// A photo written to disk.
#[napi(object, object_from_js = false)]
pub struct SavedPhoto {
    /// The photo.
    pub photo_id: String,
    /// The file's path.
    pub path: String,
    /// Its size in bytes.
    pub bytes: f64,
    /// The CDN's `Content-Type`, when sent.
    pub content_type: Option<String>,
}

/// A photo that was not saved, and why.
#[napi(object, object_from_js = false)]
pub struct FailedDownload {
    /// The photo.
    pub photo_id: String,
    /// Why, as an error record the JS layer turns into its class.
    pub error: NativeError,
}

/// What a save did.
#[napi(object, object_from_js = false)]
pub struct SaveReport {
    /// Photos written, in the order of the download links.
    pub saved: Vec<SavedPhoto>,
    /// Photos not written, with the reason.
    pub failed: Vec<FailedDownload>,
    /// Whether every photo was saved.
    pub complete: bool,
    /// Bytes written in all.
    pub bytes: f64,
}

impl ToJs for headshotpro::SaveReport {
    type Js = SaveReport;
    fn to_js(self) -> SaveReport {
        SaveReport {
            complete: self.is_complete(),
            bytes: self.bytes() as f64,
            saved: self
                .saved
                .into_iter()
                .map(|s| SavedPhoto {
                    photo_id: s.photo_id,
                    path: s.path.to_string_lossy().into_owned(),
                    bytes: s.bytes as f64,
                    content_type: s.content_type,
                })
                .collect(),
            failed: self
                .failed
                .into_iter()
                .map(|f| FailedDownload {
                    photo_id: f.photo_id,
                    error: NativeError::from(&f.error),
                })
                .collect(),
        }
    }
}

fn progress(p: &headshotpro::SaveProgress) -> SaveProgress {
    SaveProgress {
        photo_id: p.photo_id.clone(),
        saved: p.saved,
        bytes: p.bytes as f64,
        completed: u32::try_from(p.completed).unwrap_or(u32::MAX),
        total: u32::try_from(p.total).unwrap_or(u32::MAX),
    }
}

/// The save's settings as the JS layer shaped them.
pub(crate) struct SaveArgs {
    pub photo_ids: Option<Vec<String>>,
    pub include: Option<String>,
    pub overwrite: bool,
    pub concurrency: Option<i64>,
    pub on_progress: Option<ProgressFn>,
}

/// Runs `photos.save`; every progress report reaches JS before this returns.
pub(crate) async fn save(
    client: headshotpro::Client,
    model_id: String,
    directory: String,
    args: SaveArgs,
) -> headshotpro::Result<headshotpro::SaveReport> {
    let mut options = headshotpro::SaveOptions::new().overwrite(args.overwrite);
    options.photo_ids = args.photo_ids;
    options.include = args.include.map(headshotpro::PhotoInclude::from);
    options.concurrency = args.concurrency;
    let callback = args.on_progress.map(std::sync::Arc::new);
    if let Some(callback) = &callback {
        let callback = std::sync::Arc::clone(callback);
        options = options.on_progress(move |p| {
            callback.call(Some(progress(p)), ThreadsafeFunctionCallMode::NonBlocking);
        });
    }
    let report = client.photos().save(&model_id, &directory, options).await;
    if let Some(callback) = callback {
        // Calls reach JS in order: once this one has run, every report has.
        let _ = callback.call_async(None).await;
    }
    report
}
