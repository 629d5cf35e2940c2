//! The emulated world: organizations with their teams, members, invites and models.
//!
//! Everything here is plain data and synchronous rules; the server keeps one [`Store`]
//! behind a lock and never holds it across an await.

mod invites;
mod members;
mod models;
mod photos;
mod seed;
mod teams;

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

use crate::config::{Envelope, OrganizationConfig};
use crate::error::{ApiError, ApiResult};

pub use invites::{Invite, InviteStatus};
pub use members::{Member, MemberStatus, MemberView};
pub use models::{Model, ModelEvent, ModelObject, ModelStatus};
pub use photos::{LikedStatus, Photo};
pub use seed::{SeedReport, SeedRequest};
pub use teams::Team;

/// Rows kept in insertion order and found by id.
#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    /// Adds a row under `id`.
    pub fn insert(&mut self, id: String, row: T) {
        self.index.insert(id, self.rows.len());
        self.rows.push(row);
    }

    /// The row with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).map(|&i| &self.rows[i])
    }

    /// The row with this id, to change it.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        self.index.get(id).map(|&i| &mut self.rows[i])
    }

    /// Every row in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.rows.iter()
    }

    /// Every row in insertion order, to change them.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.rows.iter_mut()
    }
}

/// An organization's settings: what the control API can change.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The key behind `Authorization: Bearer`.
    pub api_key: String,
    /// The organization's id.
    pub uid: String,
    /// Its name.
    pub name: String,
    /// Its website.
    pub website: String,
    /// Its description.
    pub description: String,
    /// Credits left.
    pub credits: i64,
    /// Whether the whitelabel endpoints answer.
    pub whitelabel: bool,
    /// Where webhooks go.
    pub webhook_url: Option<String>,
    /// The webhook signing secret.
    pub webhook_secret: Option<String>,
    /// Pending invites allowed.
    pub invite_limit: Option<u32>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<u32>,
    /// The length of a rate window.
    pub rate_window: Duration,
    /// The photos a model gets when it turns active.
    pub photos_per_model: u32,
    /// How long a signed photo URL stays valid.
    pub photo_url_ttl: Duration,
    /// Where V2 answers put their fields.
    pub envelope: Envelope,
}

impl Settings {
    /// The settings as the control API shows them.
    pub fn to_json(&self) -> Value {
        json!({
            "apiKey": self.api_key,
            "uid": self.uid,
            "name": self.name,
            "website": self.website,
            "description": self.description,
            "credits": self.credits,
            "whitelabel": self.whitelabel,
            "webhookUrl": self.webhook_url,
            "webhookSecret": self.webhook_secret,
            "inviteLimit": self.invite_limit,
            "rateLimit": self.rate_limit,
            "rateWindowMs": millis(self.rate_window),
            "photosPerModel": self.photos_per_model,
            "photoUrlTtlMs": millis(self.photo_url_ttl),
            "envelope": self.envelope.as_str(),
        })
    }
}

/// One organization and everything in it.
#[derive(Debug, Clone)]
pub struct Org {
    /// Its settings.
    pub settings: Settings,
    /// Its teams, in creation order.
    pub teams: Vec<Team>,
    /// Its members (the emails of accepted invites, and seeded ones), in joining order.
    pub members: Vec<Member>,
    /// Member positions by normalized email.
    member_index: HashMap<String, usize>,
    /// Its invites.
    pub invites: Table<Invite>,
    /// Its whitelabel models.
    pub models: Table<Model>,
    /// The model of every photo, by photo id.
    photo_index: HashMap<String, String>,
    /// How many members and models `seed` made so far (their emails stay unique).
    seeded: u64,
}

impl Org {
    /// A fresh organization from its configuration.
    pub fn new(config: &OrganizationConfig, uid: String) -> Self {
        Self {
            settings: Settings {
                api_key: config.api_key.clone(),
                uid,
                name: config.name.clone(),
                website: config.website.clone(),
                description: config.description.clone(),
                credits: config.credits,
                whitelabel: config.whitelabel,
                webhook_url: config.webhook_url.clone(),
                webhook_secret: config.webhook_secret.clone(),
                invite_limit: config.invite_limit,
                rate_limit: config.rate_limit,
                rate_window: config.rate_window,
                photos_per_model: config.photos_per_model,
                photo_url_ttl: config.photo_url_ttl,
                envelope: config.envelope,
            },
            teams: Vec::new(),
            members: Vec::new(),
            member_index: HashMap::new(),
            invites: Table::default(),
            models: Table::default(),
            photo_index: HashMap::new(),
            seeded: 0,
        }
    }

    /// Checks that a credit is available (without spending it).
    pub fn require_credit(&self) -> ApiResult<()> {
        if self.settings.credits >= 1 {
            Ok(())
        } else {
            Err(ApiError::insufficient_credits())
        }
    }

    /// Spends one credit, or fails with 402 and changes nothing.
    pub fn spend_credit(&mut self) -> ApiResult<()> {
        self.require_credit()?;
        self.settings.credits -= 1;
        Ok(())
    }

    /// The whole organization for `GET /__mock/state`.
    pub fn to_json(&self) -> Value {
        json!({
            "settings": self.settings.to_json(),
            "teams": self.teams.iter().map(Team::to_json).collect::<Vec<_>>(),
            "members": self.members.iter().map(Member::to_json).collect::<Vec<_>>(),
            "invites": self.invites.iter().map(Invite::to_summary_json).collect::<Vec<_>>(),
            "models": self.models.iter().map(Model::to_state_json).collect::<Vec<_>>(),
        })
    }
}

/// Every organization, found by key.
#[derive(Debug, Clone, Default)]
pub struct Store {
    /// The organizations; index 0 is the default one.
    pub orgs: Vec<Org>,
    by_key: HashMap<String, usize>,
}

impl Store {
    /// A store holding these organizations.
    pub fn new(orgs: Vec<Org>) -> Self {
        let by_key = orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.settings.api_key.clone(), i))
            .collect();
        Self { orgs, by_key }
    }

    /// The index of the organization behind this key.
    pub fn org_index(&self, api_key: &str) -> Option<usize> {
        self.by_key.get(api_key).copied()
    }

    /// The organization holding this invite.
    pub fn org_of_invite(&self, id: &str) -> Option<usize> {
        self.orgs.iter().position(|o| o.invites.get(id).is_some())
    }

    /// The organization holding this model.
    pub fn org_of_model(&self, id: &str) -> Option<usize> {
        self.orgs.iter().position(|o| o.models.get(id).is_some())
    }

    /// Whether a photo exists and its model is not deleted.
    pub fn photo_exists(&self, id: &str) -> bool {
        self.orgs.iter().any(|o| {
            o.model_of_photo(id)
                .and_then(|m| o.models.get(m))
                .is_some_and(|m| m.photos.iter().any(|p| p.id == id && !p.deleted))
        })
    }

    /// The organization holding this photo.
    pub fn org_of_photo(&self, id: &str) -> Option<usize> {
        self.orgs
            .iter()
            .position(|o| o.photo_index.contains_key(id))
    }

    /// The whole state for `GET /__mock/state`.
    pub fn to_json(&self) -> Value {
        json!({
            "organizations": self.orgs.iter().map(Org::to_json).collect::<Vec<_>>(),
        })
    }
}

/// Emails compare without regard to case or surrounding spaces.
pub fn same_email(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// An email as a lookup key: trimmed, lower case.
pub fn email_key(email: &str) -> String {
    email.trim().to_ascii_lowercase()
}

/// A duration in whole milliseconds, saturating.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
