//! Parameters of the list and create calls of the current API.
//!
//! Every field is optional (`Default` leaves them all unset), so bindings can
//! fill a struct literal and Rust code can chain the setters. Numbers are
//! `i64` so any language can pass what its user typed; the core checks them
//! (`limit` 1..=200, `offset` ≥ 0) before any request.

use serde::{Deserialize, Serialize};

use super::status::{
    LikedStatus, MemberStatus, ModelStatus, ModelVersion, PhotoInclude, PhotoStatus,
};

/// `members.list`: filter by status, page by `limit`/`offset`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, rename_all = "camelCase")]
pub struct MemberListParams {
    /// Only members in this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<MemberStatus>,
    /// Items per page, 1..=200 (the server's default is 50).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i64>,
    /// Items to skip, ≥ 0.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offset: Option<i64>,
}

impl MemberListParams {
    /// No filter, the server's page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only members in this status.
    pub fn status(mut self, status: MemberStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Items per page, 1..=200.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Items to skip.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// `models.list`: filter by status and team, page by `limit`/`offset`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, rename_all = "camelCase")]
pub struct ModelListParams {
    /// Only models in this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<ModelStatus>,
    /// Only models of this team.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub team_id: Option<String>,
    /// Items per page, 1..=200 (the server's default is 50).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i64>,
    /// Items to skip, ≥ 0.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offset: Option<i64>,
}

impl ModelListParams {
    /// No filter, the server's page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only models in this status.
    pub fn status(mut self, status: ModelStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only models of this team.
    pub fn team_id(mut self, team_id: impl Into<String>) -> Self {
        self.team_id = Some(team_id.into());
        self
    }

    /// Items per page, 1..=200.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Items to skip.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// `photos.list`: filter by status and reaction, choose the URLs, page by
/// `limit`/`offset`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, rename_all = "camelCase")]
pub struct PhotoListParams {
    /// Only photos in this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<PhotoStatus>,
    /// Only photos with this reaction.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub liked_status: Option<LikedStatus>,
    /// `main` (the default) or `all` URLs.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub include: Option<PhotoInclude>,
    /// Items per page, 1..=200 (the server's default is 50).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i64>,
    /// Items to skip, ≥ 0.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offset: Option<i64>,
}

impl PhotoListParams {
    /// No filter, main URLs, the server's page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only photos in this status.
    pub fn status(mut self, status: PhotoStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only photos with this reaction.
    pub fn liked_status(mut self, liked_status: LikedStatus) -> Self {
        self.liked_status = Some(liked_status);
        self
    }

    /// Which URLs to include.
    pub fn include(mut self, include: PhotoInclude) -> Self {
        self.include = Some(include);
        self
    }

    /// Items per page, 1..=200.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Items to skip.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// `photos.favorites`: every member's favorite, optionally for one team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, rename_all = "camelCase")]
pub struct FavoriteListParams {
    /// Only favorites of this team's members.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub team_id: Option<String>,
    /// `main` (the default) or `all` URLs.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub include: Option<PhotoInclude>,
    /// Items per page, 1..=200 (the server's default is 50).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i64>,
    /// Items to skip, ≥ 0.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offset: Option<i64>,
}

impl FavoriteListParams {
    /// Every team, main URLs, the server's page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only this team.
    pub fn team_id(mut self, team_id: impl Into<String>) -> Self {
        self.team_id = Some(team_id.into());
        self
    }

    /// Which URLs to include.
    pub fn include(mut self, include: PhotoInclude) -> Self {
        self.include = Some(include);
        self
    }

    /// Items per page, 1..=200.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Items to skip.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// `models.create` with every option: `ModelCreateParams::new(email)
/// .development(true).version(ModelVersion::OneShot)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, rename_all = "camelCase")]
pub struct ModelCreateParams {
    /// The user's email.
    pub email: String,
    /// The team the model belongs to.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub team_id: Option<String>,
    /// A development model: test data, no credit spent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_development: bool,
    /// Which kind of model to train; the server's default when unset.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub version: Option<ModelVersion>,
}

impl ModelCreateParams {
    /// A production model for this email, in no team, of the default version.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            ..Self::default()
        }
    }

    /// The team the model belongs to.
    pub fn team_id(mut self, team_id: impl Into<String>) -> Self {
        self.team_id = Some(team_id.into());
        self
    }

    /// A development model (no credit spent).
    pub fn development(mut self, is_development: bool) -> Self {
        self.is_development = is_development;
        self
    }

    /// Which kind of model to train.
    pub fn version(mut self, version: ModelVersion) -> Self {
        self.version = Some(version);
        self
    }
}
