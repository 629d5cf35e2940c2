//! The current API's matrix ops (teams.list, members, invites by email, model
//! lists, photos, favorites, downloads, save) on the `headshotpro` crate.
//! A `*.list` op returns one page; its `*.list_all` twin walks every item
//! with the crate's own idiom, a `Stream`.

use std::path::Path;

use anyhow::Result;
use futures_util::TryStreamExt;
use headshotpro::{
    Client, FavoriteListParams, LikedStatus, MemberListParams, MemberStatus, ModelCreateParams,
    ModelListParams, ModelStatus, ModelVersion, PhotoInclude, PhotoListParams, PhotoStatus,
    SaveOptions,
};
use serde_json::Value;

use crate::canonical_v2 as v2;
use crate::ops::{Args, Outcome};

/// Runs a current-API op; `None` when `op` is not one of them.
pub async fn call(
    client: &Client,
    save_dir: &Path,
    op: &str,
    a: &Args<'_>,
) -> Result<Option<Outcome>> {
    Ok(Some(match op {
        "teams.list" => client.teams().list().await.map(|t| v2::teams(&t)),
        "members.list" => client
            .members()
            .list(member_params(a)?)
            .await
            .map(|p| v2::page(&p, v2::member)),
        "members.list_all" => client
            .members()
            .stream(member_params(a)?)
            .map_ok(|m| v2::member(&m))
            .try_collect()
            .await
            .map(Value::Array),
        "invites.retrieve_by_email" => client
            .invites()
            .retrieve_by_email(a.str("email")?)
            .await
            .map(|i| v2::invite_v2(&i)),
        "models.list" => client
            .models()
            .list(model_params(a)?)
            .await
            .map(|p| v2::page(&p, v2::model_summary)),
        "models.list_all" => client
            .models()
            .stream(model_params(a)?)
            .map_ok(|m| v2::model_summary(&m))
            .try_collect()
            .await
            .map(Value::Array),
        "photos.list" => client
            .photos()
            .list(a.str("model_id")?, photo_params(a)?)
            .await
            .map(|p| v2::page(&p, v2::photo)),
        "photos.list_all" => client
            .photos()
            .stream(a.str("model_id")?, photo_params(a)?)
            .map_ok(|p| v2::photo(&p))
            .try_collect()
            .await
            .map(Value::Array),
        "photos.retrieve" => client
            .photos()
            .retrieve(a.str("model_id")?, a.str("photo_id")?, include(a)?)
            .await
            .map(|p| v2::photo(&p)),
        "photos.favorite" => client
            .photos()
            .favorite(a.str("model_id")?, include(a)?)
            .await
            .map(|p| v2::opt_photo(p.as_ref())),
        "photos.download_links" => {
            let ids = a.opt_strings("photo_ids")?;
            client
                .photos()
                .download_links(a.str("model_id")?, ids.as_deref(), include(a)?)
                .await
                .map(|l| v2::download_links(&l))
        }
        "photos.favorites" => client
            .photos()
            .favorites(favorite_params(a)?)
            .await
            .map(|p| v2::page(&p, v2::favorite_photo)),
        "photos.favorites_all" => client
            .photos()
            .favorites_stream(favorite_params(a)?)
            .map_ok(|f| v2::favorite_photo(&f))
            .try_collect()
            .await
            .map(Value::Array),
        "photos.save" => {
            let report = client
                .photos()
                .save(a.str("model_id")?, save_dir, save_options(a)?)
                .await;
            match report {
                Ok(report) => Ok(v2::save_report(&report, save_dir)?),
                Err(error) => Err(error),
            }
        }
        _ => return Ok(None),
    }))
}

fn member_params(a: &Args<'_>) -> Result<MemberListParams> {
    Ok(MemberListParams {
        status: a.opt_str("status")?.map(MemberStatus::from),
        limit: a.opt_i64("limit")?,
        offset: a.opt_i64("offset")?,
    })
}

fn model_params(a: &Args<'_>) -> Result<ModelListParams> {
    Ok(ModelListParams {
        status: a.opt_str("status")?.map(ModelStatus::from),
        team_id: a.opt_str("team_id")?.map(str::to_owned),
        limit: a.opt_i64("limit")?,
        offset: a.opt_i64("offset")?,
    })
}

fn photo_params(a: &Args<'_>) -> Result<PhotoListParams> {
    Ok(PhotoListParams {
        status: a.opt_str("status")?.map(PhotoStatus::from),
        liked_status: a.opt_str("liked_status")?.map(LikedStatus::from),
        include: include(a)?,
        limit: a.opt_i64("limit")?,
        offset: a.opt_i64("offset")?,
    })
}

fn favorite_params(a: &Args<'_>) -> Result<FavoriteListParams> {
    Ok(FavoriteListParams {
        team_id: a.opt_str("team_id")?.map(str::to_owned),
        include: include(a)?,
        limit: a.opt_i64("limit")?,
        offset: a.opt_i64("offset")?,
    })
}

/// `models.create` with every argument, `version` included.
pub fn model_create_params(a: &Args<'_>) -> Result<ModelCreateParams> {
    Ok(ModelCreateParams {
        email: a.str("email")?.to_owned(),
        team_id: a.opt_str("team_id")?.map(str::to_owned),
        is_development: a.opt_bool("is_development")?.unwrap_or(false),
        version: a.opt_str("version")?.map(ModelVersion::from),
    })
}

fn include(a: &Args<'_>) -> Result<Option<PhotoInclude>> {
    Ok(a.opt_str("include")?.map(PhotoInclude::from))
}

fn save_options(a: &Args<'_>) -> Result<SaveOptions> {
    let mut options = SaveOptions::new();
    options.photo_ids = a.opt_strings("photo_ids")?;
    options.include = include(a)?;
    options.overwrite = a.opt_bool("overwrite")?.unwrap_or(false);
    options.concurrency = a.opt_i64("concurrency")?;
    Ok(options)
}
