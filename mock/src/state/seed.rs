//! Bulk seeding for benchmarks and paging tests: many members or finished models at once,
//! without webhooks.

use chrono::{Duration, Utc};

use super::Org;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::state::models::{Model, ModelStatus, MODEL_VERSIONS};
use crate::state::photos::Photo;

/// The most rows one seed call may create.
pub const MAX_SEED: u32 = 1_000_000;

/// What to create.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedRequest {
    /// Accepted members (emails `seed-N@example.com`, names `Seed N`).
    pub members: u32,
    /// Active development models, each with its photos (emails `seed-model-N@example.com`).
    pub models: u32,
    /// The team they all join (must exist).
    pub team_id: Option<String>,
}

/// What was created.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedReport {
    /// Members created.
    pub members: u32,
    /// The ids of the models created, in order.
    pub model_ids: Vec<String>,
}

impl Org {
    /// Creates the members and models asked for; raises no events.
    pub fn seed(&mut self, request: &SeedRequest) -> ApiResult<SeedReport> {
        if let Some(team) = &request.team_id {
            self.require_team(team)?;
        }
        if request.members.saturating_add(request.models) > MAX_SEED {
            return Err(ApiError::invalid(format!(
                "at most {MAX_SEED} rows per seed call"
            )));
        }
        let mut report = SeedReport::default();
        for _ in 0..request.members {
            self.seeded += 1;
            let email = format!("seed-{}@example.com", self.seeded);
            self.add_member(&email, request.team_id.clone());
            report.members += 1;
        }
        let now = Utc::now();
        for _ in 0..request.models {
            self.seeded += 1;
            let id = ids::object_id();
            let photos: Vec<Photo> = (0..self.settings.photos_per_model)
                .map(|_| Photo::new(now))
                .collect();
            for photo in &photos {
                self.photo_index.insert(photo.id.clone(), id.clone());
            }
            let model = Model {
                id: id.clone(),
                uid: ids::object_id(),
                email: format!("seed-model-{}@example.com", self.seeded),
                team_id: request.team_id.clone(),
                is_development: true,
                status: ModelStatus::Active,
                created_at: now,
                finished_at: Some(now),
                deleted_at: None,
                invite_expires_at: now + Duration::days(7),
                version: MODEL_VERSIONS[0].to_owned(),
                photos,
                favorite: None,
            };
            self.models.insert(id.clone(), model);
            report.model_ids.push(id);
        }
        Ok(report)
    }
}
