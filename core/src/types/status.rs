//! The statuses and event names of the API, as open enums.

use super::open_enum::open_enum;

open_enum! {
    /// Where an invite stands.
    pub enum InviteStatus {
        /// Sent, not yet accepted.
        PendingInvite => "pending-invite",
        /// Revoked by the organization.
        Revoked => "revoked",
        /// Accepted; the member has not uploaded photos yet.
        WaitingForUpload => "waiting-for-upload",
        /// Headshots are ready.
        Active => "active",
        /// Photos uploaded; headshots are being generated.
        GeneratingHeadshots => "generating-headshots",
        /// The member was deleted.
        Deleted => "deleted",
    }
}

open_enum! {
    /// Where a whitelabel model stands.
    pub enum ModelStatus {
        /// The user is completing the initial setup.
        Onboarding => "onboarding",
        /// Onboarding done, waiting for training to start.
        Waiting => "waiting",
        /// Training on the user's photos.
        Pending => "pending",
        /// Training done, generating headshots.
        GeneratingHeadshots => "generatingHeadshots",
        /// Headshots are ready.
        Active => "active",
        /// Training or generation failed; failed models restart by themselves.
        Failed => "failed",
        /// Deleted; final.
        Deleted => "deleted",
    }
}

open_enum! {
    /// The kind of a webhook event.
    pub enum WebhookEventType {
        /// A whitelabel model was created.
        ModelCreated => "model.created",
        /// A model's status changed.
        ModelStatusUpdated => "model.status.updated",
        /// A model's photos are ready.
        ModelPhotosReady => "model.photos_ready",
        /// The user picked a favorite headshot.
        ModelFavoriteSelected => "model.favorite_selected",
        /// A model was deleted.
        ModelDeleted => "model.deleted",
    }
}

impl ModelStatus {
    /// Whether no further change can happen (`deleted`). `failed` is not final:
    /// failed models restart.
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_unknown() {
        let s: ModelStatus = serde_json::from_str("\"generatingHeadshots\"").unwrap();
        assert_eq!(s, ModelStatus::GeneratingHeadshots);
        assert_eq!(s, "generatingHeadshots");
        let u: ModelStatus = serde_json::from_str("\"retraining\"").unwrap();
        assert_eq!(u, ModelStatus::Unknown("retraining".into()));
        assert_eq!(serde_json::to_string(&u).unwrap(), "\"retraining\"");
        assert_eq!(
            InviteStatus::from("pending-invite"),
            InviteStatus::PendingInvite
        );
        assert!(ModelStatus::Deleted.is_final() && !ModelStatus::Failed.is_final());
    }
}
