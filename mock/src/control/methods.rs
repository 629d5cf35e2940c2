//! The control API as typed [`MockServer`] methods: they act on the state directly (no
//! HTTP), from any thread, inside or outside a tokio runtime.

use serde_json::Value;

use super::ops::{InviteStep, ModelStep};
use super::types::{
    FaultSpec, MockInvite, MockModel, MockPhoto, MockResult, OrganizationSettings,
    OrganizationUpdate, RecordedRequest, WebhookDelivery,
};
use crate::state::{LikedStatus, SeedReport, SeedRequest};
use crate::MockServer;

/// # Control API
///
/// Each method does what the matching `/__mock/` call does. An unknown id or key is a
/// [`crate::MockError`] of kind [`crate::MockErrorKind::NotFound`]; a step that does not apply to
/// the current status is [`crate::MockErrorKind::InvalidState`].
impl MockServer {
    /// The invitee signs up: `pending-invite` → `waiting-for-upload` (the email becomes a
    /// member).
    ///
    /// # Errors
    /// NotFound, InvalidState.
    pub fn accept_invite(&self, invite_id: &str) -> MockResult<MockInvite> {
        Ok(self.app.invite_step(invite_id, InviteStep::Accept)?.0)
    }

    /// The member uploads photos: `waiting-for-upload` → `generating-headshots`, spending
    /// a credit.
    ///
    /// # Errors
    /// NotFound, InvalidState, InsufficientCredits.
    pub fn upload_photos(&self, invite_id: &str) -> MockResult<MockInvite> {
        Ok(self.app.invite_step(invite_id, InviteStep::Upload)?.0)
    }

    /// The invite's next step: accept, upload, or `generating-headshots` → `active`.
    ///
    /// # Errors
    /// NotFound, InvalidState, InsufficientCredits.
    pub fn advance_invite(&self, invite_id: &str) -> MockResult<MockInvite> {
        Ok(self.app.invite_step(invite_id, InviteStep::Advance)?.0)
    }

    /// The user finishes onboarding: `onboarding` → `waiting`, spending a credit unless
    /// the model is a development one.
    ///
    /// # Errors
    /// NotFound, InvalidState, InsufficientCredits.
    pub fn complete_onboarding(&self, model_id: &str) -> MockResult<MockModel> {
        Ok(self
            .app
            .model_step(model_id, ModelStep::CompleteOnboarding)?
            .0)
    }

    /// The model's next status (`waiting` → `pending` → `generatingHeadshots` → `active`,
    /// `failed` → `pending`; from `onboarding` it completes onboarding). Turning active
    /// makes its photos and sends `model.photos_ready`.
    ///
    /// # Errors
    /// NotFound, InvalidState, InsufficientCredits.
    pub fn advance(&self, model_id: &str) -> MockResult<MockModel> {
        Ok(self.app.model_step(model_id, ModelStep::Advance)?.0)
    }

    /// Training or generation fails: `waiting`/`pending`/`generatingHeadshots` → `failed`.
    ///
    /// # Errors
    /// NotFound, InvalidState.
    pub fn fail(&self, model_id: &str) -> MockResult<MockModel> {
        Ok(self.app.model_step(model_id, ModelStep::Fail)?.0)
    }

    /// A model's photos (empty until it turns active).
    ///
    /// # Errors
    /// NotFound.
    pub fn photos(&self, model_id: &str) -> MockResult<Vec<MockPhoto>> {
        Ok(self.app.photos_of(model_id)?)
    }

    /// The user rates a photo.
    ///
    /// # Errors
    /// NotFound.
    pub fn like_photo(&self, photo_id: &str, status: LikedStatus) -> MockResult<MockPhoto> {
        Ok(self.app.like_photo(photo_id, status)?)
    }

    /// The user picks a favorite among an active model's photos; sends
    /// `model.favorite_selected`.
    ///
    /// # Errors
    /// NotFound (model, or a photo not of this model), InvalidState (not active).
    pub fn choose_favorite(&self, model_id: &str, photo_id: &str) -> MockResult<MockModel> {
        Ok(self.app.choose_favorite(model_id, photo_id)?)
    }

    /// The default organization's settings.
    ///
    /// # Errors
    /// None in practice: the default organization always exists.
    pub fn organization(&self) -> MockResult<OrganizationSettings> {
        self.organization_for(self.api_key())
    }

    /// The settings of the organization behind `api_key`.
    ///
    /// # Errors
    /// NotFound.
    pub fn organization_for(&self, api_key: &str) -> MockResult<OrganizationSettings> {
        let org = self.app.org_for_key(Some(api_key))?;
        Ok(OrganizationSettings::from(&self.app.settings(org)?))
    }

    /// Changes the default organization's settings (all or nothing).
    ///
    /// # Errors
    /// InvalidArgument (e.g. negative credits, more than 1000 photos per model).
    pub fn set_organization(&self, update: OrganizationUpdate) -> MockResult<OrganizationSettings> {
        let key = self.api_key().to_owned();
        self.set_organization_for(&key, update)
    }

    /// Changes the settings of the organization behind `api_key`.
    ///
    /// # Errors
    /// NotFound, InvalidArgument.
    pub fn set_organization_for(
        &self,
        api_key: &str,
        update: OrganizationUpdate,
    ) -> MockResult<OrganizationSettings> {
        let org = self.app.org_for_key(Some(api_key))?;
        Ok(OrganizationSettings::from(
            &self.app.update_settings(org, &update.to_changes())?,
        ))
    }

    /// Adds a fault; answers its id.
    ///
    /// # Errors
    /// InvalidArgument (an empty path, a bad status, `after` with `status` or `drop`, …).
    pub fn inject_fault(&self, fault: FaultSpec) -> MockResult<u64> {
        Ok(self.app.faults.add(&fault.to_json())?)
    }

    /// Removes every pending fault.
    pub fn clear_faults(&self) {
        self.app.faults.clear();
    }

    /// Every API and CDN request received, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.app.recorded_requests()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        self.app.requests.clear();
    }

    /// Every webhook delivery attempt so far, oldest first.
    pub fn webhooks(&self) -> Vec<WebhookDelivery> {
        self.app.webhooks.log()
    }

    /// Forgets the webhook delivery log.
    pub fn clear_webhooks(&self) {
        self.app.webhooks.clear_log();
    }

    /// Back to the start state, settings included; cancels pending webhooks and timers,
    /// clears the logs and faults.
    pub fn reset(&self) {
        self.app.reset();
    }

    /// Creates many accepted members and active models with photos in the default
    /// organization at once, without webhooks.
    ///
    /// # Errors
    /// NotFound (the team), InvalidArgument (over a million rows).
    pub fn seed(&self, request: SeedRequest) -> MockResult<SeedReport> {
        let org = self.app.org_for_key(None)?;
        Ok(self.app.seed(org, &request)?)
    }

    /// The whole state as JSON, as `GET /__mock/state` answers it (for debugging).
    pub fn state(&self) -> Value {
        let mut state = self.app.read(crate::state::Store::to_json);
        state["faults"] = self.app.faults.to_json();
        state
    }
}
