//! `photos list|retrieve|favorite|favorites|download-links|save`.

use headshotpro::{FavoriteListParams, Photo, PhotoListParams, SaveOptions};
use serde_json::json;

use super::open;
use crate::args::PhotosCommand;
use crate::commands::paging::{self, Listed};
use crate::context::Context;
use crate::failure::{describe, Failure, Outcome};
use crate::output::{self, Table};

/// Runs a `photos` subcommand.
pub async fn run(ctx: &Context, command: PhotosCommand) -> Outcome {
    let client = ctx.client()?;
    let photos = client.photos();
    match command {
        PhotosCommand::List {
            model_id,
            status,
            liked,
            include,
            paging,
        } => {
            let mut params = PhotoListParams::new();
            params.status = open(status);
            params.liked_status = open(liked);
            params.include = open(include);
            params.limit = paging.limit;
            params.offset = paging.offset;
            let listed = if paging.all {
                paging::all(photos.stream(&model_id, params)).await?
            } else {
                Listed::from_page(photos.list(&model_id, params).await?)
            };
            if ctx.json() {
                return output::json(&listed);
            }
            photo_table(listed.data.iter().map(|p| (p, None))).print()?;
            listed.print_footer()
        }
        PhotosCommand::Retrieve {
            model_id,
            photo_id,
            include,
        } => {
            let photo = photos.retrieve(&model_id, &photo_id, open(include)).await?;
            print_photo(ctx, &photo)
        }
        PhotosCommand::Favorite { model_id, include } => {
            match photos.favorite(&model_id, open(include)).await? {
                Some(photo) => print_photo(ctx, &photo),
                None if ctx.json() => output::json(&json!(null)),
                None => output::line("no favorite chosen yet"),
            }
        }
        PhotosCommand::Favorites {
            team,
            include,
            paging,
        } => {
            let mut params = FavoriteListParams::new();
            params.team_id = team;
            params.include = open(include);
            params.limit = paging.limit;
            params.offset = paging.offset;
            let listed = if paging.all {
                paging::all(photos.favorites_stream(params)).await?
            } else {
                Listed::from_page(photos.favorites(params).await?)
            };
            if ctx.json() {
                return output::json(&listed);
            }
            photo_table(listed.data.iter().map(|f| (&f.photo, f.email.as_deref()))).print()?;
            listed.print_footer()
        }
        PhotosCommand::DownloadLinks {
            model_id,
            photos: ids,
            include,
        } => {
            let ids = (!ids.is_empty()).then_some(ids);
            let links = photos
                .download_links(&model_id, ids.as_deref(), open(include))
                .await?;
            if ctx.json() {
                return output::json(&links);
            }
            let mut table = Table::new(&["PHOTO ID", "URL"]);
            for link in &links.downloads {
                table.row(vec![link.photo_id.clone(), link.url.clone()]);
            }
            table.print()?;
            output::line(&format!("(expire at {})", links.expires_at.to_rfc3339()))
        }
        PhotosCommand::Save {
            model_id,
            directory,
            photos: ids,
            include,
            overwrite,
            concurrency,
        } => {
            let mut options = SaveOptions::new().overwrite(overwrite);
            if !ids.is_empty() {
                options = options.photo_ids(ids);
            }
            if let Some(include) = open(include) {
                options = options.include(include);
            }
            if let Some(n) = concurrency {
                options = options.concurrency(n);
            }
            let report = photos.save(&model_id, &directory, options).await?;
            let failed = !report.is_complete();
            if ctx.json() {
                output::json(&json!({
                    "saved": report.saved.iter().map(|s| json!({
                        "photoId": s.photo_id,
                        "path": s.path.display().to_string(),
                        "bytes": s.bytes,
                        "contentType": s.content_type,
                    })).collect::<Vec<_>>(),
                    "failed": report.failed.iter().map(|f| json!({
                        "photoId": f.photo_id,
                        "error": describe(&f.error),
                    })).collect::<Vec<_>>(),
                }))?;
            } else {
                let mut table = Table::new(&["PHOTO ID", "RESULT"]);
                for saved in &report.saved {
                    table.row(vec![
                        saved.photo_id.clone(),
                        saved.path.display().to_string(),
                    ]);
                }
                for fault in &report.failed {
                    table.row(vec![fault.photo_id.clone(), describe(&fault.error)]);
                }
                table.print()?;
                output::line(&format!(
                    "{} saved ({} bytes), {} failed",
                    report.saved.len(),
                    report.bytes(),
                    report.failed.len()
                ))?;
            }
            if failed {
                return Err(Failure::Reported);
            }
            Ok(())
        }
    }
}

fn print_photo(ctx: &Context, photo: &Photo) -> Outcome {
    if ctx.json() {
        return output::json(photo);
    }
    output::fields(&[
        ("id", photo.id.clone()),
        ("model", output::opt(photo.model_id.as_ref())),
        ("status", photo.status.to_string()),
        ("liked", photo.liked_status.to_string()),
        ("created", photo.created_at.to_rfc3339()),
        ("url", photo.urls.main.clone()),
        ("thumbnail", output::opt(photo.urls.thumbnail.as_ref())),
        ("original", output::opt(photo.urls.original.as_ref())),
        ("expires", photo.expires_at.to_rfc3339()),
    ])
}

fn photo_table<'p>(photos: impl Iterator<Item = (&'p Photo, Option<&'p str>)>) -> Table {
    let mut table = Table::new(&["ID", "MODEL", "EMAIL", "STATUS", "LIKED", "URL"]);
    for (photo, email) in photos {
        table.row(vec![
            photo.id.clone(),
            output::opt(photo.model_id.as_ref()),
            email.unwrap_or_default().to_owned(),
            photo.status.to_string(),
            photo.liked_status.to_string(),
            photo.urls.main.clone(),
        ]);
    }
    table
}
