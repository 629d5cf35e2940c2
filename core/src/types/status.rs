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

open_enum! {
    /// Where a member of the organization stands (`members.list`).
    pub enum MemberStatus {
        /// Joined the organization.
        Accepted => "accepted",
        /// Invited, not yet joined.
        Pending => "pending",
        /// Headshots are done.
        Finished => "finished",
    }
}

open_enum! {
    /// Where an invite stands in the current API (`invites.retrieve_by_email`).
    pub enum InviteV2Status {
        /// Sent, not yet accepted.
        Pending => "pending",
        /// Accepted by the member.
        Accepted => "accepted",
        /// Revoked by the organization.
        Revoked => "revoked",
        /// The member is uploading photos.
        Uploading => "uploading",
        /// Headshots are being generated.
        Generating => "generating",
        /// Headshots are ready.
        Completed => "completed",
        /// The member was deleted.
        Deleted => "deleted",
    }
}

open_enum! {
    /// The kind of model to train (`models.create`'s `version`).
    pub enum ModelVersion {
        /// A LoRA trained on the user's photos.
        Lora => "lora",
        /// One-shot generation without training.
        OneShot => "one-shot",
    }
}

open_enum! {
    /// Whether a photo is still available.
    pub enum PhotoStatus {
        /// Available.
        Active => "active",
        /// Deleted.
        Deleted => "deleted",
    }
}

open_enum! {
    /// What the user thinks of a photo.
    pub enum LikedStatus {
        /// No reaction yet (`none` on the wire).
        NotLiked => "none",
        /// Liked.
        Liked => "liked",
        /// Loved.
        Loved => "loved",
    }
}

open_enum! {
    /// Which photo URLs an answer carries: `main` (the default), or `all`
    /// (adds the thumbnail and original URLs).
    pub enum PhotoInclude {
        /// The main URL only.
        Main => "main",
        /// Main, thumbnail and original URLs.
        All => "all",
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

    #[test]
    fn current_api_enums_keep_wire_strings() {
        assert_eq!(ModelVersion::OneShot.as_str(), "one-shot");
        assert_eq!(LikedStatus::from("none"), LikedStatus::NotLiked);
        assert_eq!(
            MemberStatus::from("archived"),
            MemberStatus::Unknown("archived".into())
        );
        let s: InviteV2Status = serde_json::from_str("\"uploading\"").unwrap();
        assert_eq!(s, InviteV2Status::Uploading);
        assert_eq!(PhotoInclude::All, "all");
        assert_eq!(PhotoStatus::from("active"), PhotoStatus::Active);
    }
}
