//! Whitelabel models, their life cycle and the webhook events it raises.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use super::{email_key, same_email, Org};
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::photos::Photo;

/// The model versions the create endpoint accepts (the first is the default).
pub const MODEL_VERSIONS: [&str; 2] = ["lora", "one-shot"];

/// Where a model stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelStatus {
    /// The user is completing the initial setup.
    Onboarding,
    /// Onboarding done; waiting for training.
    Waiting,
    /// Training.
    Pending,
    /// Generating headshots.
    GeneratingHeadshots,
    /// Headshots ready.
    Active,
    /// Training or generation failed; the next advance restarts at `pending`.
    Failed,
    /// Deleted.
    Deleted,
}

impl ModelStatus {
    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Onboarding => "onboarding",
            Self::Waiting => "waiting",
            Self::Pending => "pending",
            Self::GeneratingHeadshots => "generatingHeadshots",
            Self::Active => "active",
            Self::Failed => "failed",
            Self::Deleted => "deleted",
        }
    }

    /// Reads a wire string.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Onboarding,
            Self::Waiting,
            Self::Pending,
            Self::GeneratingHeadshots,
            Self::Active,
            Self::Failed,
            Self::Deleted,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// A whitelabel model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Its id (`_id`, `modelId`).
    pub id: String,
    /// Its internal uid.
    pub uid: String,
    /// The user's email.
    pub email: String,
    /// The team it belongs to.
    pub team_id: Option<String>,
    /// Development models cost nothing and advance by themselves.
    pub is_development: bool,
    /// Where it stands.
    pub status: ModelStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it became active.
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was deleted.
    pub deleted_at: Option<DateTime<Utc>>,
    /// When its signed access expires.
    pub invite_expires_at: DateTime<Utc>,
    /// The model version (`lora` or `one-shot`).
    pub version: String,
    /// Its headshots, made when it first turns active.
    pub photos: Vec<Photo>,
    /// The photo the user chose as favorite.
    pub favorite: Option<String>,
}

/// The `object` of a webhook payload, exactly the reference's fields.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelObject {
    /// The model id.
    #[serde(rename = "_id")]
    pub id: String,
    /// The model uid.
    pub uid: String,
    /// A human-readable title.
    pub title: String,
    /// The selected gender.
    pub trigger: String,
    /// The status.
    pub status: &'static str,
    /// Only present when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub is_development: bool,
    /// When it became active.
    pub finished_at: Option<String>,
    /// When it was deleted.
    pub deleted_at: Option<String>,
    /// When its access expires.
    pub invite_expires_at: String,
    /// When it was created.
    pub created_at: String,
    /// The owning organization's uid.
    pub organization: String,
}

/// A model event to deliver as a webhook.
#[derive(Debug, Clone)]
pub struct ModelEvent {
    /// `model.created`, `model.status.updated`, `model.photos_ready`,
    /// `model.favorite_selected` or `model.deleted`.
    pub event: &'static str,
    /// The model as it is after the change.
    pub object: ModelObject,
    /// The chosen photo (`model.favorite_selected` only).
    pub photo_id: Option<String>,
}

impl Model {
    /// A fresh signed URL (a new token each time, like the real API).
    pub fn signed_url() -> String {
        format!(
            "https://www.yourproheadshots.com/auth/social?token={}&anonymous=1",
            ids::token()
        )
    }

    /// The create/get answer: `{success, modelId, status, isDevelopment (only when true), signedUrl}`.
    pub fn to_answer_json(&self) -> Value {
        let mut value = json!({
            "success": true,
            "modelId": self.id,
            "status": self.status.as_str(),
            "signedUrl": Self::signed_url(),
        });
        if self.is_development {
            value["isDevelopment"] = json!(true);
        }
        value
    }

    /// The V2 list entry: `{id, uid, email, title, status, teamId, teamName, isDevelopment,
    /// version, createdAt, finishedAt}`.
    pub fn to_summary_json(&self, team_name: Option<&str>) -> Value {
        json!({
            "id": self.id,
            "uid": self.uid,
            "email": self.email,
            "title": self.title(),
            "status": self.status.as_str(),
            "teamId": self.team_id,
            "teamName": team_name,
            "isDevelopment": self.is_development,
            "version": self.version,
            "createdAt": ids::iso(self.created_at),
            "finishedAt": self.finished_at.map(ids::iso),
        })
    }

    /// A human-readable title: the email's local part.
    pub fn title(&self) -> String {
        self.email.split('@').next().unwrap_or_default().to_owned()
    }

    /// The model for the control API and `GET /__mock/state`.
    pub fn to_state_json(&self) -> Value {
        json!({
            "modelId": self.id,
            "uid": self.uid,
            "email": self.email,
            "teamId": self.team_id,
            "status": self.status.as_str(),
            "isDevelopment": self.is_development,
            "createdAt": ids::iso(self.created_at),
            "finishedAt": self.finished_at.map(ids::iso),
            "deletedAt": self.deleted_at.map(ids::iso),
            "inviteExpiresAt": ids::iso(self.invite_expires_at),
            "version": self.version,
            "photoCount": self.photos.len(),
            "favoritePhotoId": self.favorite,
        })
    }

    /// The webhook `object`.
    pub fn to_object(&self, organization: &str) -> ModelObject {
        ModelObject {
            id: self.id.clone(),
            uid: self.uid.clone(),
            title: self.title(),
            trigger: "male".to_owned(),
            status: self.status.as_str(),
            is_development: self.is_development,
            finished_at: self.finished_at.map(ids::iso),
            deleted_at: self.deleted_at.map(ids::iso),
            invite_expires_at: ids::iso(self.invite_expires_at),
            created_at: ids::iso(self.created_at),
            organization: organization.to_owned(),
        }
    }
}

impl Org {
    /// Creates a model in `onboarding`. Non-development models need a credit (not spent yet).
    pub fn create_model(
        &mut self,
        email: &str,
        team_id: Option<String>,
        is_development: bool,
        version: Option<String>,
    ) -> ApiResult<(Value, Vec<ModelEvent>)> {
        let version = match version {
            None => MODEL_VERSIONS[0].to_owned(),
            Some(v) if MODEL_VERSIONS.contains(&v.as_str()) => v,
            Some(v) => {
                return Err(ApiError::invalid(format!(
                    "version must be one of {}, not {v}",
                    MODEL_VERSIONS.join(", ")
                )))
            }
        };
        if let Some(team) = &team_id {
            self.require_team(team)?;
        }
        if self
            .models
            .iter()
            .any(|m| m.status != ModelStatus::Deleted && same_email(&m.email, email))
        {
            return Err(ApiError::already_exists(
                "User with this email already exists",
            ));
        }
        if !is_development {
            self.require_credit()?;
        }
        let now = Utc::now();
        let id = ids::object_id();
        let model = Model {
            id: id.clone(),
            uid: ids::object_id(),
            email: email.trim().to_owned(),
            team_id,
            is_development,
            status: ModelStatus::Onboarding,
            created_at: now,
            finished_at: None,
            deleted_at: None,
            invite_expires_at: now + Duration::days(7),
            version,
            photos: Vec::new(),
            favorite: None,
        };
        let answer = model.to_answer_json();
        let event = self.event("model.created", &model);
        self.models.insert(id, model);
        Ok((answer, vec![event]))
    }

    /// The model with this id, or 404.
    pub fn model(&self, id: &str) -> ApiResult<&Model> {
        self.models
            .get(id)
            .ok_or_else(|| ApiError::not_found(format!("Model not found: {id}")))
    }

    /// Marks a model deleted; a second delete is 400 ALREADY_DELETED.
    pub fn delete_model(&mut self, id: &str) -> ApiResult<Vec<ModelEvent>> {
        let model = self.model_mut(id)?;
        if model.status == ModelStatus::Deleted {
            return Err(ApiError::already_deleted("Model is already deleted"));
        }
        model.status = ModelStatus::Deleted;
        model.deleted_at = Some(Utc::now());
        for photo in &mut model.photos {
            photo.deleted = true;
        }
        let model = model.clone();
        Ok(vec![self.event("model.deleted", &model)])
    }

    /// Onboarding done: a credit is spent (not for development models), `onboarding` → `waiting`.
    pub fn complete_onboarding(&mut self, id: &str) -> ApiResult<Vec<ModelEvent>> {
        let model = self.model(id)?;
        if model.status != ModelStatus::Onboarding {
            return Err(ApiError::invalid_state(format!(
                "a model in status {} has already completed onboarding",
                model.status.as_str()
            )));
        }
        if !model.is_development {
            self.spend_credit()?;
        }
        self.set_status(id, ModelStatus::Waiting)
    }

    /// The next status: onboarding completes, waiting → pending → generatingHeadshots →
    /// active, failed → pending.
    pub fn advance_model(&mut self, id: &str) -> ApiResult<Vec<ModelEvent>> {
        let next = match self.model(id)?.status {
            ModelStatus::Onboarding => return self.complete_onboarding(id),
            ModelStatus::Waiting | ModelStatus::Failed => ModelStatus::Pending,
            ModelStatus::Pending => ModelStatus::GeneratingHeadshots,
            ModelStatus::GeneratingHeadshots => ModelStatus::Active,
            other => {
                return Err(ApiError::invalid_state(format!(
                    "a model in status {} cannot advance",
                    other.as_str()
                )))
            }
        };
        self.set_status(id, next)
    }

    /// Training or generation fails: waiting, pending or generatingHeadshots → failed.
    pub fn fail_model(&mut self, id: &str) -> ApiResult<Vec<ModelEvent>> {
        match self.model(id)?.status {
            ModelStatus::Waiting | ModelStatus::Pending | ModelStatus::GeneratingHeadshots => {
                self.set_status(id, ModelStatus::Failed)
            }
            other => Err(ApiError::invalid_state(format!(
                "a model in status {} cannot fail",
                other.as_str()
            ))),
        }
    }

    /// One automatic step of a development model; `None` once it has nothing left to do
    /// (active, deleted, gone, or not a development model past onboarding).
    pub fn dev_step(&mut self, id: &str) -> Option<Vec<ModelEvent>> {
        let model = self.models.get(id)?;
        let movable = matches!(
            model.status,
            ModelStatus::Waiting
                | ModelStatus::Pending
                | ModelStatus::GeneratingHeadshots
                | ModelStatus::Failed
        );
        if !model.is_development || !movable {
            return None;
        }
        self.advance_model(id).ok()
    }

    /// Every model by normalized email: the latest one that is not deleted, else the latest.
    pub fn models_by_email(&self) -> std::collections::HashMap<String, &Model> {
        let mut by_email: std::collections::HashMap<String, &Model> =
            std::collections::HashMap::new();
        for model in self.models.iter() {
            let slot = by_email.entry(email_key(&model.email)).or_insert(model);
            if model.status != ModelStatus::Deleted || slot.status == ModelStatus::Deleted {
                *slot = model;
            }
        }
        by_email
    }

    /// The model with this id, to change it; or 404.
    pub(super) fn model_mut(&mut self, id: &str) -> ApiResult<&mut Model> {
        self.models
            .get_mut(id)
            .ok_or_else(|| ApiError::not_found(format!("Model not found: {id}")))
    }

    /// Moves a model and raises `model.status.updated` (and `model.photos_ready` on active,
    /// when its photos are made).
    fn set_status(&mut self, id: &str, status: ModelStatus) -> ApiResult<Vec<ModelEvent>> {
        let count = self.settings.photos_per_model;
        let model = self.model_mut(id)?;
        model.status = status;
        let mut made = Vec::new();
        if status == ModelStatus::Active {
            let now = Utc::now();
            model.finished_at = Some(now);
            if model.photos.is_empty() {
                model.photos = (0..count).map(|_| Photo::new(now)).collect();
                made = model.photos.iter().map(|p| p.id.clone()).collect();
            }
        }
        let model = model.clone();
        for photo in made {
            self.photo_index.insert(photo, model.id.clone());
        }
        let mut events = vec![self.event("model.status.updated", &model)];
        if status == ModelStatus::Active {
            events.push(self.event("model.photos_ready", &model));
        }
        Ok(events)
    }

    /// An event about this model as it is now.
    pub(super) fn event(&self, event: &'static str, model: &Model) -> ModelEvent {
        ModelEvent {
            event,
            object: model.to_object(&self.settings.uid),
            photo_id: None,
        }
    }
}
