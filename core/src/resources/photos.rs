//! A model's headshots under `/api/v2/organization/models/{id}/photos`, and
//! the organization's favorites under `/api/v2/organization/photos/favorites`.

use std::path::Path;

use reqwest::Method;
use serde::Serialize;

use crate::download::{self, SaveOptions, SaveReport};
use crate::error::{Error, Result};
use crate::page::{ListRequest, Page};
use crate::page_stream::ItemStream;
use crate::transport::Call;
use crate::types::{
    DownloadLinks, FavoriteListParams, FavoritePhoto, Photo, PhotoInclude, PhotoListParams,
};
use crate::validate;
use crate::Client;

/// Generated headshots: list, look at, and download them.
#[derive(Debug, Clone, Copy)]
pub struct Photos<'a> {
    client: &'a Client,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DownloadBody<'b> {
    #[serde(skip_serializing_if = "Option::is_none")]
    photo_ids: Option<&'b [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    include: Option<&'b PhotoInclude>,
}

impl<'a> Photos<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// One page of a model's photos; `next_page()` fetches the following one.
    pub async fn list(&self, model_id: &str, params: PhotoListParams) -> Result<Page<Photo>> {
        list_request(model_id, params)?.first(self.client).await
    }

    /// Every photo of a model from `params.offset` on, fetched page by page
    /// as the stream is read. Bad arguments are the stream's first item.
    pub fn stream(&self, model_id: &str, params: PhotoListParams) -> ItemStream<Photo> {
        match list_request(model_id, params) {
            Ok(request) => request.stream(self.client),
            Err(error) => ItemStream::failed(error),
        }
    }

    /// One photo of a model.
    pub async fn retrieve(
        &self,
        model_id: &str,
        photo_id: &str,
        include: Option<PhotoInclude>,
    ) -> Result<Photo> {
        let model = validate::path_segment("model_id", model_id)?;
        let photo = photo_segment(photo_id)?;
        let call = with_include(
            Call::new(
                "photos.retrieve",
                Method::GET,
                format!("/api/v2/organization/models/{model}/photos/{photo}"),
            ),
            include.as_ref(),
        );
        self.client
            .transport
            .send_answer(&call, |answer| answer.object("photo"))
            .await
    }

    /// The photo the user chose as their favorite, or `None` while they have
    /// not chosen one.
    pub async fn favorite(
        &self,
        model_id: &str,
        include: Option<PhotoInclude>,
    ) -> Result<Option<Photo>> {
        let model = validate::path_segment("model_id", model_id)?;
        let call = with_include(
            Call::new(
                "photos.favorite",
                Method::GET,
                format!("/api/v2/organization/models/{model}/photos/favorite"),
            ),
            include.as_ref(),
        );
        self.client
            .transport
            .send_answer(&call, |answer| answer.optional("photo"))
            .await
    }

    /// Signed download URLs for some photos (all when `photo_ids` is `None`).
    /// A POST that changes nothing, so it is retried like a GET.
    pub async fn download_links(
        &self,
        model_id: &str,
        photo_ids: Option<&[String]>,
        include: Option<PhotoInclude>,
    ) -> Result<DownloadLinks> {
        let model = validate::path_segment("model_id", model_id)?;
        if let Some(ids) = photo_ids {
            if ids.is_empty() {
                return Err(Error::invalid(
                    "photo_ids must not be empty: leave it unset for every photo",
                ));
            }
            ids.iter()
                .try_for_each(|id| validate::non_empty("photo_ids", id))?;
        }
        let call = Call::new(
            "photos.download_links",
            Method::POST,
            format!("/api/v2/organization/models/{model}/photos/download"),
        )
        .json(&DownloadBody {
            photo_ids,
            include: include.as_ref(),
        })?
        .read_only();
        self.client
            .transport
            .send_answer(&call, |answer| answer.object("links"))
            .await
    }

    /// The favorite photo of every member of the organization (or of one team).
    pub async fn favorites(&self, params: FavoriteListParams) -> Result<Page<FavoritePhoto>> {
        favorites_request(params)?.first(self.client).await
    }

    /// Every favorite from `params.offset` on, fetched page by page as the
    /// stream is read. Bad arguments are the stream's first item.
    pub fn favorites_stream(&self, params: FavoriteListParams) -> ItemStream<FavoritePhoto> {
        match favorites_request(params) {
            Ok(request) => request.stream(self.client),
            Err(error) => ItemStream::failed(error),
        }
    }

    /// Downloads a model's photos into `directory` (created if missing): asks
    /// for download links, then fetches each signed URL without the API key,
    /// a few at once, each streamed to a temporary file renamed into place.
    /// Checks first that the directory can be written. A photo that fails
    /// (an expired URL, an existing file without `overwrite`) is listed in
    /// [`SaveReport::failed`] and the others are still saved: check it.
    pub async fn save(
        &self,
        model_id: &str,
        directory: impl AsRef<Path>,
        options: SaveOptions,
    ) -> Result<SaveReport> {
        validate::path_segment("model_id", model_id)?;
        let concurrency = options.checked_concurrency()?;
        let directory = directory.as_ref();
        download::prepare_directory(directory).await?;
        let links = self
            .download_links(
                model_id,
                options.photo_ids.as_deref(),
                options.include.clone(),
            )
            .await?;
        download::save_all(
            self.client.transport.config(),
            directory,
            links.downloads,
            concurrency,
            &options,
        )
        .await
    }
}

/// A photo id as a path segment; `favorite` would address another route.
fn photo_segment(photo_id: &str) -> Result<String> {
    if photo_id == "favorite" {
        return Err(Error::invalid(
            "photo_id must not be \"favorite\": use photos().favorite(model_id) for the favorite",
        ));
    }
    validate::path_segment("photo_id", photo_id)
}

fn with_include(call: Call, include: Option<&PhotoInclude>) -> Call {
    match include {
        Some(include) => call.query("include", include.to_string()),
        None => call,
    }
}

fn list_request(model_id: &str, params: PhotoListParams) -> Result<ListRequest> {
    let model = validate::path_segment("model_id", model_id)?;
    Ok(ListRequest::new(
        "photos.list",
        format!("/api/v2/organization/models/{model}/photos"),
        &["photos"],
        params.limit,
        params.offset,
    )?
    .filter("status", params.status.map(|s| s.to_string()))
    .filter("likedStatus", params.liked_status.map(|s| s.to_string()))
    .filter("include", params.include.map(|s| s.to_string())))
}

fn favorites_request(params: FavoriteListParams) -> Result<ListRequest> {
    validate::optional_id("team_id", params.team_id.as_deref())?;
    Ok(ListRequest::new(
        "photos.favorites",
        "/api/v2/organization/photos/favorites".to_owned(),
        &["favorites", "photos"],
        params.limit,
        params.offset,
    )?
    .filter("teamId", params.team_id)
    .filter("include", params.include.map(|s| s.to_string())))
}
