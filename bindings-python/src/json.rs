//! `from_json`: a type of the package read from the API's JSON by the core
//! (`headshotpro::from_json`), then built as its Python class.

use headshotpro::{
    DeletedModel, DownloadLink, DownloadLinks, Error, FailedDownload, FavoritePhoto, Invite,
    InviteDetails, InviteSummary, InviteV2, Member, Model, ModelObject, ModelSummary, Organization,
    Photo, PhotoUrls, RateLimitInfo, SaveProgress, SaveReport, SavedPhoto, Team, WebhookEvent,
};
use pyo3::prelude::*;

use crate::convert::ToPython;
use crate::error::to_pyerr;

/// Reads `text` as the type named `type_name` (the Python class's name).
#[pyfunction]
pub(crate) fn from_json(py: Python<'_>, type_name: &str, text: &str) -> PyResult<Py<PyAny>> {
    macro_rules! read {
        ($($ty:ident),* $(,)?) => {
            match type_name {
                $(stringify!($ty) => headshotpro::from_json::<$ty>(text)
                    .map_err(|e| to_pyerr(py, &e))?
                    .to_python(py),)*
                other => Err(to_pyerr(
                    py,
                    &Error::InvalidArgument {
                        message: format!("{other} cannot be read from JSON"),
                    },
                )),
            }
        };
    }
    read!(
        DeletedModel,
        DownloadLink,
        DownloadLinks,
        FailedDownload,
        FavoritePhoto,
        Invite,
        InviteDetails,
        InviteSummary,
        InviteV2,
        Member,
        Model,
        ModelObject,
        ModelSummary,
        Organization,
        Photo,
        PhotoUrls,
        RateLimitInfo,
        SaveProgress,
        SaveReport,
        SavedPhoto,
        Team,
        WebhookEvent,
    )
}
