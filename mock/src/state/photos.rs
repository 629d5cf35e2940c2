//! The headshots of an active model: likes, the favorite, and the event it raises.

use chrono::{DateTime, Utc};

use super::Org;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::models::{ModelEvent, ModelStatus};

/// How the user rated a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LikedStatus {
    /// Not rated.
    #[default]
    None,
    /// Liked.
    Liked,
    /// Loved.
    Loved,
}

impl LikedStatus {
    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Liked => "liked",
            Self::Loved => "loved",
        }
    }

    /// Reads a wire string.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "none" => Some(Self::None),
            "liked" => Some(Self::Liked),
            "loved" => Some(Self::Loved),
            _ => None,
        }
    }
}

/// One headshot. Its image is generated from its id when the CDN serves it.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Its id.
    pub id: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// How the user rated it.
    pub liked: LikedStatus,
    /// Whether its model was deleted.
    pub deleted: bool,
}

impl Photo {
    /// A fresh photo made at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            id: ids::object_id(),
            created_at: now,
            liked: LikedStatus::None,
            deleted: false,
        }
    }

    /// `active` or `deleted`.
    pub fn status(&self) -> &'static str {
        if self.deleted {
            "deleted"
        } else {
            "active"
        }
    }
}

impl Org {
    /// The model holding a photo.
    pub fn model_of_photo(&self, photo_id: &str) -> Option<&str> {
        self.photo_index.get(photo_id).map(String::as_str)
    }

    /// A photo of this model, or 404.
    pub fn photo(&self, model_id: &str, photo_id: &str) -> ApiResult<&Photo> {
        self.model(model_id)?
            .photos
            .iter()
            .find(|p| p.id == photo_id)
            .ok_or_else(|| ApiError::not_found(format!("Photo not found: {photo_id}")))
    }

    /// Rates a photo; answers its model's id.
    pub fn like_photo(&mut self, photo_id: &str, liked: LikedStatus) -> ApiResult<String> {
        let model_id = self
            .model_of_photo(photo_id)
            .ok_or_else(|| ApiError::not_found(format!("Photo not found: {photo_id}")))?
            .to_owned();
        let model = self.model_mut(&model_id)?;
        let photo = model
            .photos
            .iter_mut()
            .find(|p| p.id == photo_id)
            .ok_or_else(|| ApiError::not_found(format!("Photo not found: {photo_id}")))?;
        photo.liked = liked;
        Ok(model_id)
    }

    /// The user picks a favorite among an active model's photos: raises
    /// `model.favorite_selected`.
    pub fn choose_favorite(
        &mut self,
        model_id: &str,
        photo_id: &str,
    ) -> ApiResult<Vec<ModelEvent>> {
        self.photo(model_id, photo_id)?;
        let model = self.model_mut(model_id)?;
        if model.status != ModelStatus::Active {
            return Err(ApiError::invalid_state(format!(
                "a model in status {} has no photos to choose from",
                model.status.as_str()
            )));
        }
        model.favorite = Some(photo_id.to_owned());
        let model = model.clone();
        let mut event = self.event("model.favorite_selected", &model);
        event.photo_id = Some(photo_id.to_owned());
        Ok(vec![event])
    }
}
