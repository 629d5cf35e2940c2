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

    /// Creates a team; a name another team has (compared without regard to case) is 400
    /// ALREADY_EXISTS.
    pub fn create_team(&mut self, name: &str) -> ApiResult<&Team> {
        let name = valid_name(name)?;
        self.require_free_name(&name, None)?;
        self.teams.push(Team {
            id: ids::object_id(),
            name,
        });
        Ok(&self.teams[self.teams.len() - 1])
    }

    /// Renames a team.
    pub fn update_team(&mut self, id: &str, name: &str) -> ApiResult<()> {
        let name = valid_name(name)?;
        self.require_free_name(&name, Some(id))?;
        let team = self
            .teams
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or_else(|| ApiError::not_found(format!("Team not found: {id}")))?;
        team.name = name;
        Ok(())
    }

    /// 400 ALREADY_EXISTS when a team other than `except` has this name.
    fn require_free_name(&self, name: &str, except: Option<&str>) -> ApiResult<()> {
        let taken = self
            .teams
            .iter()
            .any(|t| Some(t.id.as_str()) != except && t.name.eq_ignore_ascii_case(name));
        if taken {
            Err(ApiError::already_exists(format!(
                "A team named {name} already exists"
            )))
        } else {
            Ok(())
        }
    }

    /// The name of a team, if it exists.
    pub fn team_name(&self, id: &str) -> Option<&str> {
        self.teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
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
