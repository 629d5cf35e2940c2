//! Organization members: people who accepted an invite (or were seeded), and the V2
//! member list derived from them, the pending invites and the models.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::{email_key, Org};
use crate::ids;
use crate::state::invites::InviteStatus;
use crate::state::models::ModelStatus;

/// An organization member: someone who accepted an invite.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its id.
    pub id: String,
    /// The member's email.
    pub email: String,
    /// The member's display name.
    pub name: String,
    /// The member's team, if any.
    pub team_id: Option<String>,
    /// When the member joined.
    pub joined_at: DateTime<Utc>,
}

impl Member {
    /// The member for `GET /__mock/state`.
    pub fn to_json(&self) -> Value {
        json!({"id": self.id, "email": self.email, "name": self.name, "teamId": self.team_id,
               "joinedAt": ids::iso(self.joined_at)})
    }
}

/// A member's standing in the V2 list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberStatus {
    /// Invited, not signed up yet.
    Pending,
    /// Signed up; headshots not finished.
    Accepted,
    /// Headshots finished (the invite or the model is active).
    Finished,
}

impl MemberStatus {
    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Finished => "finished",
        }
    }

    /// Reads a wire string.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "pending" => Some(Self::Pending),
            "accepted" => Some(Self::Accepted),
            "finished" => Some(Self::Finished),
            _ => None,
        }
    }
}

/// One entry of `GET /api/v2/organization/team`.
#[derive(Debug, Clone)]
pub struct MemberView {
    /// The member's id (a pending invitee: the invite's id).
    pub id: String,
    /// The email.
    pub email: String,
    /// The name (none while pending).
    pub name: Option<String>,
    /// Where the member stands.
    pub status: MemberStatus,
    /// The team.
    pub team_id: Option<String>,
    /// The team's name.
    pub team_name: Option<String>,
    /// The member's model, if any.
    pub model_id: Option<String>,
    /// That model's status.
    pub model_status: Option<ModelStatus>,
    /// When the member joined (none while pending).
    pub joined_at: Option<DateTime<Utc>>,
}

impl MemberView {
    /// `{id, email, name, status, teamId, teamName, modelId, modelStatus, joinedAt}`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "email": self.email,
            "name": self.name,
            "status": self.status.as_str(),
            "teamId": self.team_id,
            "teamName": self.team_name,
            "modelId": self.model_id,
            "modelStatus": self.model_status.map(ModelStatus::as_str),
            "joinedAt": self.joined_at.map(ids::iso),
        })
    }
}

impl Org {
    /// Whether this email belongs to an organization member.
    pub fn is_member(&self, email: &str) -> bool {
        self.member_index.contains_key(&email_key(email))
    }

    /// The member with this email.
    pub fn member(&self, email: &str) -> Option<&Member> {
        self.member_index
            .get(&email_key(email))
            .and_then(|&i| self.members.get(i))
    }

    /// Makes an email a member (an accepted invite); an existing member moves to the team.
    pub fn add_member(&mut self, email: &str, team_id: Option<String>) {
        let team_id = team_id.filter(|t| self.has_team(t));
        let key = email_key(email);
        if let Some(&i) = self.member_index.get(&key) {
            if let (Some(member), Some(team)) = (self.members.get_mut(i), team_id) {
                member.team_id = Some(team);
            }
            return;
        }
        self.member_index.insert(key, self.members.len());
        self.members.push(Member {
            id: ids::object_id(),
            email: email.trim().to_owned(),
            name: display_name(email),
            team_id,
            joined_at: Utc::now(),
        });
    }

    /// The V2 member list: members in joining order, then pending invitees in invitation
    /// order; `status` filters.
    pub fn member_views(&self, status: Option<MemberStatus>) -> Vec<MemberView> {
        let mut latest_invite = HashMap::new();
        for invite in self.invites.iter() {
            latest_invite.insert(email_key(&invite.email), invite);
        }
        let models = self.models_by_email();
        let team_name = |id: &Option<String>| {
            id.as_deref()
                .and_then(|t| self.team_name(t))
                .map(str::to_owned)
        };
        let mut views = Vec::new();
        for member in &self.members {
            let key = email_key(&member.email);
            let model = models.get(&key);
            let invite_done = latest_invite
                .get(&key)
                .is_some_and(|i| i.status == InviteStatus::Active);
            let model_done = model.is_some_and(|m| m.status == ModelStatus::Active);
            let member_status = if invite_done || model_done {
                MemberStatus::Finished
            } else {
                MemberStatus::Accepted
            };
            if status.is_some_and(|s| s != member_status) {
                continue;
            }
            views.push(MemberView {
                id: member.id.clone(),
                email: member.email.clone(),
                name: Some(member.name.clone()),
                status: member_status,
                team_name: team_name(&member.team_id),
                team_id: member.team_id.clone(),
                model_id: model.map(|m| m.id.clone()),
                model_status: model.map(|m| m.status),
                joined_at: Some(member.joined_at),
            });
        }
        if status.is_some_and(|s| s != MemberStatus::Pending) {
            return views;
        }
        for invite in self.invites.iter() {
            let key = email_key(&invite.email);
            let latest = latest_invite.get(&key).is_some_and(|i| i.id == invite.id);
            if invite.status != InviteStatus::PendingInvite || !latest || self.is_member(&key) {
                continue;
            }
            let model = models.get(&key);
            views.push(MemberView {
                id: invite.id.clone(),
                email: invite.email.clone(),
                name: None,
                status: MemberStatus::Pending,
                team_name: team_name(&invite.team_id),
                team_id: invite.team_id.clone(),
                model_id: model.map(|m| m.id.clone()),
                model_status: model.map(|m| m.status),
                joined_at: None,
            });
        }
        views
    }
}

/// A name from an email's local part: `jane.doe@x` → `Jane Doe`.
fn display_name(email: &str) -> String {
    let local = email.trim().split('@').next().unwrap_or_default();
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::display_name;

    #[test]
    fn names_come_from_the_local_part() {
        assert_eq!(display_name("jane.doe@example.com"), "Jane Doe");
        assert_eq!(display_name(" bob@x.co"), "Bob");
    }
}
