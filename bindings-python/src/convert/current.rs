//! The current API's types (members, V2 invites, model summaries, photos,
//! favorites, download links) into their Python classes.

use headshotpro::{
    DownloadLink, DownloadLinks, FavoritePhoto, InviteV2, Member, ModelSummary, Photo, PhotoUrls,
};
use pyo3::prelude::*;

use super::{build, datetime, obj, opt_datetime, opt_status, status, val, ToPython};

impl ToPython for Member {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "Member",
            &[
                ("id", val(py, self.id)?),
                ("email", val(py, self.email)?),
                ("name", val(py, self.name)?),
                ("status", status(py, "MemberStatus", self.status.as_str())?),
                ("team_id", val(py, self.team_id)?),
                ("team_name", val(py, self.team_name)?),
                ("model_id", val(py, self.model_id)?),
                (
                    "model_status",
                    opt_status(
                        py,
                        "ModelStatus",
                        self.model_status.as_ref().map(|s| s.as_str()),
                    )?,
                ),
                ("joined_at", opt_datetime(py, self.joined_at.as_ref())?),
            ],
        )
    }
}

impl ToPython for InviteV2 {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "InviteV2",
            &[
                ("id", val(py, self.id)?),
                ("email", val(py, self.email)?),
                (
                    "status",
                    status(py, "InviteV2Status", self.status.as_str())?,
                ),
                ("model_id", val(py, self.model_id)?),
                ("team_id", val(py, self.team_id)?),
                ("team_name", val(py, self.team_name)?),
                ("created_at", opt_datetime(py, self.created_at.as_ref())?),
            ],
        )
    }
}

impl ToPython for ModelSummary {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "ModelSummary",
            &[
                ("id", val(py, self.id)?),
                ("uid", val(py, self.uid)?),
                ("email", val(py, self.email)?),
                ("title", val(py, self.title)?),
                ("status", status(py, "ModelStatus", self.status.as_str())?),
                ("team_id", val(py, self.team_id)?),
                ("team_name", val(py, self.team_name)?),
                ("is_development", val(py, self.is_development)?),
                (
                    "version",
                    opt_status(
                        py,
                        "ModelVersion",
                        self.version.as_ref().map(|v| v.as_str()),
                    )?,
                ),
                ("created_at", datetime(py, &self.created_at)?),
                ("finished_at", opt_datetime(py, self.finished_at.as_ref())?),
            ],
        )
    }
}

impl ToPython for PhotoUrls {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "PhotoUrls",
            &[
                ("main", val(py, self.main)?),
                ("thumbnail", val(py, self.thumbnail)?),
                ("original", val(py, self.original)?),
            ],
        )
    }
}

/// The fields of a photo, shared by `Photo` and `FavoritePhoto`.
fn photo_fields<'py>(
    py: Python<'py>,
    photo: Photo,
) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
    Ok(vec![
        ("id", val(py, photo.id)?),
        ("model_id", val(py, photo.model_id)?),
        ("status", status(py, "PhotoStatus", photo.status.as_str())?),
        (
            "liked_status",
            status(py, "LikedStatus", photo.liked_status.as_str())?,
        ),
        ("created_at", datetime(py, &photo.created_at)?),
        ("urls", obj(py, photo.urls)?),
        ("expires_at", datetime(py, &photo.expires_at)?),
    ])
}

impl ToPython for Photo {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(py, "Photo", &photo_fields(py, self)?)
    }
}

impl ToPython for FavoritePhoto {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut fields = photo_fields(py, self.photo)?;
        fields.extend([
            ("email", val(py, self.email)?),
            ("name", val(py, self.name)?),
            ("team_id", val(py, self.team_id)?),
            ("team_name", val(py, self.team_name)?),
        ]);
        build(py, "FavoritePhoto", &fields)
    }
}

impl ToPython for DownloadLink {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "DownloadLink",
            &[
                ("photo_id", val(py, self.photo_id)?),
                ("url", val(py, self.url)?),
            ],
        )
    }
}

impl ToPython for DownloadLinks {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        build(
            py,
            "DownloadLinks",
            &[
                ("downloads", obj(py, self.downloads)?),
                ("expires_at", datetime(py, &self.expires_at)?),
            ],
        )
    }
}
