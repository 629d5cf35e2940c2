//! Teams and members.

use serde_json::{json, Value};

use super::{same_email, Org};
use crate::error::{ApiError, ApiResult};
use crate::ids;

/// A team of an organization.
#[derive(Debug, Clone)]
pub struct Team {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

impl Team {
    /// `{name, id}` as in the organization answer.
    pub fn to_json(&self) -> Value {
        json!({"name": self.name, "id": self.id})
    }
}

/// An organization member: someone who accepted an invite.
#[derive(Debug, Clone)]
pub struct Member {
    /// The member's email.
    pub email: String,
    /// The member's team, if any.
    pub team_id: Option<String>,
}

impl Member {
    /// The member for `GET /__mock/state`.
    pub fn to_json(&self) -> Value {
        json!({"email": self.email, "teamId": self.team_id})
    }
}

impl Org {
    /// Whether a team with this id exists.
    pub fn has_team(&self, id: &str) -> bool {
        self.teams.iter().any(|t| t.id == id)
    }

    /// 404 unless the team exists.
    pub fn require_team(&self, id: &str) -> ApiResult<()> {
        if self.has_team(id) {
            Ok(())
        } else {
            Err(ApiError::not_found(format!("Team not found: {id}")))
        }
    }

    /// The organization answer: `{uid, name, website, teams}`, plus `description` for the
    /// team endpoints.
    pub fn organization_json(&self, with_description: bool) -> Value {
        let s = &self.settings;
        let teams: Vec<Value> = self.teams.iter().map(Team::to_json).collect();
        if with_description {
            json!({"uid": s.uid, "name": s.name, "description": s.description,
                   "website": s.website, "teams": teams})
        } else {
            json!({"uid": s.uid, "name": s.name, "website": s.website, "teams": teams})
        }
    }

    /// Creates a team.
    pub fn create_team(&mut self, name: &str) -> ApiResult<&Team> {
        let name = valid_name(name)?;
        self.teams.push(Team {
            id: ids::object_id(),
            name,
        });
        Ok(&self.teams[self.teams.len() - 1])
    }

    /// Renames a team.
    pub fn update_team(&mut self, id: &str, name: &str) -> ApiResult<()> {
        let name = valid_name(name)?;
        let team = self
            .teams
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or_else(|| ApiError::not_found(format!("Team not found: {id}")))?;
        team.name = name;
        Ok(())
    }

    /// Deletes a team; its members stay in the organization without a team.
    pub fn delete_team(&mut self, id: &str) -> ApiResult<()> {
        self.require_team(id)?;
        self.teams.retain(|t| t.id != id);
        for member in &mut self.members {
            if member.team_id.as_deref() == Some(id) {
                member.team_id = None;
            }
        }
        Ok(())
    }

    /// Puts organization members into a team; every email must be a member already, or
    /// nothing changes.
    pub fn add_members(&mut self, team_id: &str, emails: &[String]) -> ApiResult<()> {
        self.require_team(team_id)?;
        if emails.is_empty() {
            return Err(ApiError::invalid("emails must not be empty"));
        }
        if let Some(stranger) = emails.iter().find(|e| !self.is_member(e)) {
            return Err(ApiError::invalid(format!(
                "{stranger} is not a member of this organization"
            )));
        }
        for member in &mut self.members {
            if emails.iter().any(|e| same_email(e, &member.email)) {
                member.team_id = Some(team_id.to_owned());
            }
        }
        Ok(())
    }

    /// Whether this email belongs to an organization member.
    pub fn is_member(&self, email: &str) -> bool {
        self.members.iter().any(|m| same_email(&m.email, email))
    }

    /// Makes an email a member (an accepted invite); an existing member moves to the team.
    pub fn add_member(&mut self, email: &str, team_id: Option<String>) {
        let team_id = team_id.filter(|t| self.has_team(t));
        match self
            .members
            .iter_mut()
            .find(|m| same_email(&m.email, email))
        {
            Some(member) => {
                if team_id.is_some() {
                    member.team_id = team_id;
                }
            }
            None => self.members.push(Member {
                email: email.to_owned(),
                team_id,
            }),
        }
    }
}

/// A team name: non-empty once trimmed.
fn valid_name(name: &str) -> ApiResult<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Err(ApiError::invalid("name must not be empty"))
    } else {
        Ok(trimmed.to_owned())
    }
}
