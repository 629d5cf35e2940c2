//! Invites and their life cycle.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::{same_email, Org};
use crate::error::{ApiError, ApiResult};
use crate::ids;

/// Where an invite stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteStatus {
    /// Sent, not accepted yet.
    PendingInvite,
    /// Revoked before acceptance.
    Revoked,
    /// Accepted; waiting for the member's photos.
    WaitingForUpload,
    /// Photos uploaded (a credit spent); headshots being generated.
    GeneratingHeadshots,
    /// Headshots ready.
    Active,
}

impl InviteStatus {
    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingInvite => "pending-invite",
            Self::Revoked => "revoked",
            Self::WaitingForUpload => "waiting-for-upload",
            Self::GeneratingHeadshots => "generating-headshots",
            Self::Active => "active",
        }
    }
}

/// An invite.
#[derive(Debug, Clone)]
pub struct Invite {
    /// Its id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// The team the member joins.
    pub team_id: Option<String>,
    /// Where it stands.
    pub status: InviteStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

impl Invite {
    /// The signup link.
    pub fn link(&self) -> String {
        format!("https://www.headshotpro.com/auth/signup?invite={}", self.id)
    }

    /// The list entry: `{id, email, valid, teamId, createdAt, used, link}`.
    pub fn to_summary_json(&self) -> Value {
        json!({
            "id": self.id,
            "email": self.email,
            "valid": self.status == InviteStatus::PendingInvite,
            "teamId": self.team_id,
            "createdAt": ids::iso(self.created_at),
            "used": !matches!(self.status, InviteStatus::PendingInvite | InviteStatus::Revoked),
            "link": self.link(),
        })
    }

    /// The detail answer: `{email, status, teamId}`.
    pub fn to_details_json(&self) -> Value {
        json!({"email": self.email, "status": self.status.as_str(), "teamId": self.team_id})
    }

    /// The control API's view: the summary plus the status.
    pub fn to_control_json(&self) -> Value {
        let mut value = self.to_summary_json();
        value["status"] = json!(self.status.as_str());
        value
    }
}

impl Org {
    /// Creates a pending invite: needs a credit (not spent yet), room under the
    /// pending-invite limit, and no pending invite for the same email (400
    /// ALREADY_EXISTS: an email has at most one pending invite).
    pub fn create_invite(&mut self, email: &str, team_id: Option<String>) -> ApiResult<Invite> {
        if let Some(team) = &team_id {
            self.require_team(team)?;
        }
        if self
            .invites
            .iter()
            .any(|i| i.status == InviteStatus::PendingInvite && same_email(&i.email, email))
        {
            return Err(ApiError::already_exists(
                "User with this email already has a pending invite",
            ));
        }
        self.require_credit()?;
        if let Some(limit) = self.settings.invite_limit {
            let pending = self
                .invites
                .iter()
                .filter(|i| i.status == InviteStatus::PendingInvite)
                .count();
            if pending >= limit as usize {
                return Err(ApiError::invite_limit(limit));
            }
        }
        let invite = Invite {
            id: ids::object_id(),
            email: email.trim().to_owned(),
            team_id,
            status: InviteStatus::PendingInvite,
            created_at: Utc::now(),
        };
        self.invites.insert(invite.id.clone(), invite.clone());
        Ok(invite)
    }

    /// Revokes every pending invite of this email; 404 if there is none.
    pub fn revoke_invites(&mut self, email: &str) -> ApiResult<()> {
        let mut revoked = 0;
        for invite in self.invites.iter_mut() {
            if invite.status == InviteStatus::PendingInvite && same_email(&invite.email, email) {
                invite.status = InviteStatus::Revoked;
                revoked += 1;
            }
        }
        if revoked == 0 {
            return Err(ApiError::not_found(format!(
                "No pending invite found for {email}"
            )));
        }
        Ok(())
    }

    /// The invitee signs up: `pending-invite` → `waiting-for-upload`; the email becomes a member.
    pub fn accept_invite(&mut self, id: &str) -> ApiResult<&Invite> {
        let invite = self.invite_in(id, InviteStatus::PendingInvite, "accepted")?;
        invite.status = InviteStatus::WaitingForUpload;
        let (email, team) = (invite.email.clone(), invite.team_id.clone());
        self.add_member(&email, team);
        self.invite(id)
    }

    /// Photos uploaded: a credit is spent, `waiting-for-upload` → `generating-headshots`.
    pub fn upload_invite(&mut self, id: &str) -> ApiResult<&Invite> {
        self.invite_in(id, InviteStatus::WaitingForUpload, "uploaded")?;
        self.spend_credit()?;
        let invite = self.invite_in(id, InviteStatus::WaitingForUpload, "uploaded")?;
        invite.status = InviteStatus::GeneratingHeadshots;
        Ok(invite)
    }

    /// The next step of an invite: accept, upload, or `generating-headshots` → `active`.
    pub fn advance_invite(&mut self, id: &str) -> ApiResult<&Invite> {
        let status = self.invite(id)?.status;
        match status {
            InviteStatus::PendingInvite => self.accept_invite(id),
            InviteStatus::WaitingForUpload => self.upload_invite(id),
            InviteStatus::GeneratingHeadshots => {
                let invite = self.invite_in(id, status, "advanced")?;
                invite.status = InviteStatus::Active;
                Ok(invite)
            }
            other => Err(ApiError::invalid_state(format!(
                "an invite in status {} cannot advance",
                other.as_str()
            ))),
        }
    }

    /// The invite with this id, or 404.
    pub fn invite(&self, id: &str) -> ApiResult<&Invite> {
        self.invites
            .get(id)
            .ok_or_else(|| ApiError::not_found(format!("Invite not found: {id}")))
    }

    /// The invite with this id if it is in `status`, else 404 or 409.
    fn invite_in(&mut self, id: &str, status: InviteStatus, verb: &str) -> ApiResult<&mut Invite> {
        let invite = self
            .invites
            .get_mut(id)
            .ok_or_else(|| ApiError::not_found(format!("Invite not found: {id}")))?;
        if invite.status != status {
            return Err(ApiError::invalid_state(format!(
                "an invite in status {} cannot be {verb}",
                invite.status.as_str()
            )));
        }
        Ok(invite)
    }
}
