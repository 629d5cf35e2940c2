//! The control operations on the state, shared by the HTTP control API and
//! [`crate::MockServer`]'s typed methods.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};

use super::types::{MockInvite, MockModel, MockPhoto, OrganizationSettings, RecordedRequest};
use crate::app::App;
use crate::config::Envelope;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::{
    Invite, LikedStatus, Model, ModelEvent, Org, Photo, SeedReport, SeedRequest, Settings,
};

/// The most photos a model may get.
const MAX_PHOTOS: u32 = 1000;

/// A step of an invite.
#[derive(Debug, Clone, Copy)]
pub enum InviteStep {
    /// `pending-invite` → `waiting-for-upload`.
    Accept,
    /// `waiting-for-upload` → `generating-headshots` (spends a credit).
    Upload,
    /// The next step.
    Advance,
}

/// A step of a model.
#[derive(Debug, Clone, Copy)]
pub enum ModelStep {
    /// `onboarding` → `waiting` (spends a credit unless development).
    CompleteOnboarding,
    /// The next status.
    Advance,
    /// → `failed`.
    Fail,
}

impl From<&Invite> for MockInvite {
    fn from(invite: &Invite) -> Self {
        let summary = invite.to_summary_json();
        Self {
            id: invite.id.clone(),
            email: invite.email.clone(),
            valid: summary["valid"].as_bool().unwrap_or_default(),
            team_id: invite.team_id.clone(),
            created_at: ids::iso(invite.created_at),
            used: summary["used"].as_bool().unwrap_or_default(),
            link: invite.link(),
            status: invite.status.as_str().to_owned(),
        }
    }
}

impl From<&Model> for MockModel {
    fn from(model: &Model) -> Self {
        Self {
            model_id: model.id.clone(),
            uid: model.uid.clone(),
            email: model.email.clone(),
            team_id: model.team_id.clone(),
            status: model.status.as_str().to_owned(),
            is_development: model.is_development,
            created_at: ids::iso(model.created_at),
            finished_at: model.finished_at.map(ids::iso),
            deleted_at: model.deleted_at.map(ids::iso),
            invite_expires_at: ids::iso(model.invite_expires_at),
            version: model.version.clone(),
            photo_count: model.photos.len(),
            favorite_photo_id: model.favorite.clone(),
        }
    }
}

impl MockPhoto {
    fn of(model_id: &str, photo: &Photo) -> Self {
        Self {
            id: photo.id.clone(),
            model_id: model_id.to_owned(),
            status: photo.status().to_owned(),
            liked_status: photo.liked.as_str().to_owned(),
            created_at: ids::iso(photo.created_at),
        }
    }
}

impl From<&Settings> for OrganizationSettings {
    fn from(s: &Settings) -> Self {
        Self {
            api_key: s.api_key.clone(),
            uid: s.uid.clone(),
            name: s.name.clone(),
            website: s.website.clone(),
            description: s.description.clone(),
            credits: s.credits,
            whitelabel: s.whitelabel,
            webhook_url: s.webhook_url.clone(),
            webhook_secret: s.webhook_secret.clone(),
            invite_limit: s.invite_limit,
            rate_limit: s.rate_limit,
            rate_window: s.rate_window,
            photos_per_model: s.photos_per_model,
            photo_url_ttl: s.photo_url_ttl,
            envelope: s.envelope,
        }
    }
}

impl App {
    /// The organization behind `key` (`None`: the default key).
    pub fn org_for_key(&self, key: Option<&str>) -> ApiResult<usize> {
        let key = key.unwrap_or(&self.config.api_key);
        self.read(|s| s.org_index(key))
            .ok_or_else(|| ApiError::not_found("No organization has this key"))
    }

    /// An organization's settings.
    pub fn settings(&self, org: usize) -> ApiResult<Settings> {
        self.org(org, |o| Ok(o.settings.clone()))
    }

    /// Applies a JSON settings change (all or nothing).
    pub fn update_settings(
        self: &Arc<Self>,
        org: usize,
        changes: &Map<String, Value>,
    ) -> ApiResult<Settings> {
        self.change(org, |o| {
            let mut settings = o.settings.clone();
            apply_settings(&mut settings, changes)?;
            o.settings = settings;
            Ok((o.settings.clone(), Vec::new()))
        })
    }

    /// Moves an invite a step; answers it and the credits left.
    pub fn invite_step(
        self: &Arc<Self>,
        id: &str,
        step: InviteStep,
    ) -> ApiResult<(MockInvite, i64)> {
        let org = self
            .read(|s| s.org_of_invite(id))
            .ok_or_else(|| ApiError::not_found(format!("Invite not found: {id}")))?;
        self.change(org, |o| {
            let invite = match step {
                InviteStep::Accept => o.accept_invite(id)?,
                InviteStep::Upload => o.upload_invite(id)?,
                InviteStep::Advance => o.advance_invite(id)?,
            };
            Ok(((MockInvite::from(invite), o.settings.credits), Vec::new()))
        })
    }

    /// Moves a model a step; answers it and the credits left.
    pub fn model_step(self: &Arc<Self>, id: &str, step: ModelStep) -> ApiResult<(MockModel, i64)> {
        let run: fn(&mut Org, &str) -> ApiResult<Vec<ModelEvent>> = match step {
            ModelStep::CompleteOnboarding => Org::complete_onboarding,
            ModelStep::Advance => Org::advance_model,
            ModelStep::Fail => Org::fail_model,
        };
        self.on_model(id, |o| {
            let events = run(o, id)?;
            Ok(((MockModel::from(o.model(id)?), o.settings.credits), events))
        })
    }

    /// The user picks a favorite photo of an active model.
    pub fn choose_favorite(
        self: &Arc<Self>,
        model_id: &str,
        photo_id: &str,
    ) -> ApiResult<MockModel> {
        self.on_model(model_id, |o| {
            let events = o.choose_favorite(model_id, photo_id)?;
            Ok((MockModel::from(o.model(model_id)?), events))
        })
    }

    /// The user rates a photo.
    pub fn like_photo(
        self: &Arc<Self>,
        photo_id: &str,
        liked: LikedStatus,
    ) -> ApiResult<MockPhoto> {
        let org = self
            .read(|s| s.org_of_photo(photo_id))
            .ok_or_else(|| ApiError::not_found(format!("Photo not found: {photo_id}")))?;
        self.change(org, |o| {
            let model_id = o.like_photo(photo_id, liked)?;
            let photo = o.photo(&model_id, photo_id)?;
            Ok((MockPhoto::of(&model_id, photo), Vec::new()))
        })
    }

    /// A model's photos.
    pub fn photos_of(&self, model_id: &str) -> ApiResult<Vec<MockPhoto>> {
        let org = self
            .read(|s| s.org_of_model(model_id))
            .ok_or_else(|| ApiError::not_found(format!("Model not found: {model_id}")))?;
        self.org(org, |o| {
            Ok(o.model(model_id)?
                .photos
                .iter()
                .map(|p| MockPhoto::of(model_id, p))
                .collect())
        })
    }

    /// Seeds an organization.
    pub fn seed(self: &Arc<Self>, org: usize, request: &SeedRequest) -> ApiResult<SeedReport> {
        self.change(org, |o| Ok((o.seed(request)?, Vec::new())))
    }

    /// Every request received, typed.
    pub fn recorded_requests(&self) -> Vec<RecordedRequest> {
        self.requests.entries()
    }

    /// Changes the organization holding model `id`.
    fn on_model<R>(
        self: &Arc<Self>,
        id: &str,
        f: impl FnOnce(&mut Org) -> ApiResult<(R, Vec<ModelEvent>)>,
    ) -> ApiResult<R> {
        let org = self
            .read(|s| s.org_of_model(id))
            .ok_or_else(|| ApiError::not_found(format!("Model not found: {id}")))?;
        self.change(org, f)
    }
}

/// Applies `{credits?, whitelabel?, webhookUrl?, webhookSecret?, inviteLimit?, rateLimit?,
/// rateWindowMs?, photosPerModel?, photoUrlTtlMs?, envelope?, name?, website?,
/// description?}`; `null` clears the optional ones.
fn apply_settings(settings: &mut Settings, changes: &Map<String, Value>) -> ApiResult<()> {
    for (field, value) in changes {
        let bad = || ApiError::invalid(format!("invalid value for {field}"));
        match field.as_str() {
            "credits" => settings.credits = value.as_i64().filter(|c| *c >= 0).ok_or_else(bad)?,
            "whitelabel" => settings.whitelabel = value.as_bool().ok_or_else(bad)?,
            "webhookUrl" => settings.webhook_url = nullable_string(value).ok_or_else(bad)?,
            "webhookSecret" => settings.webhook_secret = nullable_string(value).ok_or_else(bad)?,
            "inviteLimit" => settings.invite_limit = nullable_u32(value).ok_or_else(bad)?,
            "rateLimit" => settings.rate_limit = nullable_u32(value).ok_or_else(bad)?,
            "rateWindowMs" => {
                settings.rate_window = value
                    .as_u64()
                    .filter(|ms| *ms >= 1)
                    .map(Duration::from_millis)
                    .ok_or_else(bad)?;
            }
            "photosPerModel" => {
                settings.photos_per_model = value
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n <= MAX_PHOTOS)
                    .ok_or_else(bad)?;
            }
            "photoUrlTtlMs" => {
                settings.photo_url_ttl =
                    value.as_u64().map(Duration::from_millis).ok_or_else(bad)?;
            }
            "envelope" => {
                settings.envelope = value.as_str().and_then(Envelope::parse).ok_or_else(bad)?;
            }
            "name" => settings.name = value.as_str().ok_or_else(bad)?.to_owned(),
            "website" => settings.website = value.as_str().ok_or_else(bad)?.to_owned(),
            "description" => settings.description = value.as_str().ok_or_else(bad)?.to_owned(),
            _ => return Err(ApiError::invalid(format!("unknown setting {field}"))),
        }
    }
    Ok(())
}

/// `null` → `Some(None)`, a string → `Some(Some(..))`, anything else → `None`.
fn nullable_string(value: &Value) -> Option<Option<String>> {
    match value {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s.clone())),
        _ => None,
    }
}

/// `null` → `Some(None)`, a u32 → `Some(Some(..))`, anything else → `None`.
fn nullable_u32(value: &Value) -> Option<Option<u32>> {
    match value {
        Value::Null => Some(None),
        other => other.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some),
    }
}
