//! The current API's results as canonical JSON (`tests/README.md`, "Canonical
//! JSON of results"): pages, members, V2 invites, model summaries, photos,
//! favorites, download links and save reports. Field by field, like
//! `canonical.rs`, so a renamed field breaks the build.

use std::path::Path;

use headshotpro::{
    DownloadLinks, FavoritePhoto, InviteV2, Member, ModelSummary, Page, Photo, SaveReport, Team,
};
use serde_json::{json, Map, Value};

use crate::canonical::{error, opt_time, time};

/// `{"items": [...], "total", "limit", "offset", "has_more"}`.
pub fn page<T>(page: &Page<T>, item: impl Fn(&T) -> Value) -> Value {
    json!({
        "items": page.items.iter().map(item).collect::<Vec<_>>(),
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "has_more": page.has_more,
    })
}

/// `[{"id","name"}]`.
pub fn teams(teams: &[Team]) -> Value {
    teams
        .iter()
        .map(|t| json!({"id": t.id, "name": t.name}))
        .collect()
}

/// `{"id","email","name","status","team_id","team_name","model_id","model_status","joined_at"}`.
pub fn member(member: &Member) -> Value {
    json!({
        "id": member.id,
        "email": member.email,
        "name": member.name,
        "status": member.status.as_str(),
        "team_id": member.team_id,
        "team_name": member.team_name,
        "model_id": member.model_id,
        "model_status": member.model_status.as_ref().map(|s| s.as_str()),
        "joined_at": opt_time(member.joined_at.as_ref()),
    })
}

/// `{"id","email","status","model_id","team_id","team_name","created_at"}`.
pub fn invite_v2(invite: &InviteV2) -> Value {
    json!({
        "id": invite.id,
        "email": invite.email,
        "status": invite.status.as_str(),
        "model_id": invite.model_id,
        "team_id": invite.team_id,
        "team_name": invite.team_name,
        "created_at": opt_time(invite.created_at.as_ref()),
    })
}

/// `{"id","uid","email","title","status","team_id","team_name","is_development","version","created_at","finished_at"}`.
pub fn model_summary(model: &ModelSummary) -> Value {
    json!({
        "id": model.id,
        "uid": model.uid,
        "email": model.email,
        "title": model.title,
        "status": model.status.as_str(),
        "team_id": model.team_id,
        "team_name": model.team_name,
        "is_development": model.is_development,
        "version": model.version.as_ref().map(|v| v.as_str()),
        "created_at": time(&model.created_at),
        "finished_at": opt_time(model.finished_at.as_ref()),
    })
}

/// `{"id","model_id","status","liked_status","created_at","urls":{"main","thumbnail","original"},"expires_at"}`.
pub fn photo(photo: &Photo) -> Value {
    Value::Object(photo_fields(photo))
}

fn photo_fields(photo: &Photo) -> Map<String, Value> {
    let mut fields = Map::new();
    fields.insert("id".into(), json!(photo.id));
    fields.insert("model_id".into(), json!(photo.model_id));
    fields.insert("status".into(), json!(photo.status.as_str()));
    fields.insert("liked_status".into(), json!(photo.liked_status.as_str()));
    fields.insert("created_at".into(), time(&photo.created_at));
    fields.insert(
        "urls".into(),
        json!({
            "main": photo.urls.main,
            "thumbnail": photo.urls.thumbnail,
            "original": photo.urls.original,
        }),
    );
    fields.insert("expires_at".into(), time(&photo.expires_at));
    fields
}

/// A photo (or `null` when there is none).
pub fn opt_photo(found: Option<&Photo>) -> Value {
    found.map_or(Value::Null, photo)
}

/// The photo's fields plus `"email","name","team_id","team_name"`, flat.
pub fn favorite_photo(favorite: &FavoritePhoto) -> Value {
    let mut fields = photo_fields(&favorite.photo);
    fields.insert("email".into(), json!(favorite.email));
    fields.insert("name".into(), json!(favorite.name));
    fields.insert("team_id".into(), json!(favorite.team_id));
    fields.insert("team_name".into(), json!(favorite.team_name));
    Value::Object(fields)
}

/// `{"downloads":[{"photo_id","url"}],"expires_at"}`.
pub fn download_links(links: &DownloadLinks) -> Value {
    json!({
        "downloads": links
            .downloads
            .iter()
            .map(|d| json!({"photo_id": d.photo_id, "url": d.url}))
            .collect::<Vec<_>>(),
        "expires_at": time(&links.expires_at),
    })
}

/// `{"saved":[{"photo_id","file_name","bytes"}], "failed":[{"photo_id","error":{"class","code","status"}}], "files":[...]}`,
/// `saved` and `failed` sorted by photo id, `files` every entry of `directory`, sorted.
pub fn save_report(report: &SaveReport, directory: &Path) -> std::io::Result<Value> {
    let mut saved: Vec<(&str, Value)> = report
        .saved
        .iter()
        .map(|s| {
            let name = s.path.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                s.photo_id.as_str(),
                json!({"photo_id": s.photo_id, "file_name": name, "bytes": s.bytes}),
            )
        })
        .collect();
    saved.sort_by(|a, b| a.0.cmp(b.0));
    let mut failed: Vec<(&str, Value)> = report
        .failed
        .iter()
        .map(|f| {
            let e = error(&f.error);
            (
                f.photo_id.as_str(),
                json!({
                    "photo_id": f.photo_id,
                    "error": {"class": e["class"], "code": e["code"], "status": e["status"]},
                }),
            )
        })
        .collect();
    failed.sort_by(|a, b| a.0.cmp(b.0));
    Ok(json!({
        "saved": saved.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "failed": failed.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "files": files(directory)?,
    }))
}

/// The sorted names of every entry of `directory`.
fn files(directory: &Path) -> std::io::Result<Vec<String>> {
    let mut names = std::fs::read_dir(directory)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<Vec<_>>>()?;
    names.sort();
    Ok(names)
}
