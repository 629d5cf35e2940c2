//! Whitelabel models under `/api/v2/organization/whitelabel/model`, and
//! their list under `/api/v2/organization/models`.

use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::page::{ListRequest, Page};
use crate::page_stream::ItemStream;
use crate::reconcile;
use crate::transport::{Call, Sent};
use crate::types::{
    DeletedModel, Model, ModelCreateParams, ModelListParams, ModelStatus, ModelSummary,
    ModelVersion,
};
use crate::validate;
use crate::Client;

/// First pause between polls of [`Models::wait`].
const FIRST_POLL: Duration = Duration::from_millis(250);
/// Longest pause between polls.
const MAX_POLL: Duration = Duration::from_secs(5);

/// Whitelabel models.
#[derive(Debug, Clone, Copy)]
pub struct Models<'a> {
    client: &'a Client,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody<'b> {
    email: &'b str,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_id: Option<&'b str>,
    is_development: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'b ModelVersion>,
}

impl<'a> Models<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Creates an anonymous user and model. A credit is spent when onboarding
    /// finishes (never for development models). When the request may have
    /// arrived but the answer was lost, it is resent; if the resend meets
    /// ALREADY_EXISTS the model is found in the model list and retrieved
    /// (never a duplicate model).
    pub async fn create(
        &self,
        email: &str,
        team_id: Option<&str>,
        is_development: bool,
    ) -> Result<Model> {
        self.create_body(CreateBody {
            email,
            team_id,
            is_development,
            version: None,
        })
        .await
    }

    /// [`Models::create`] with every option, including the model `version`:
    /// `create_with(ModelCreateParams::new(email).version(ModelVersion::OneShot))`.
    pub async fn create_with(&self, params: ModelCreateParams) -> Result<Model> {
        self.create_body(CreateBody {
            email: &params.email,
            team_id: params.team_id.as_deref(),
            is_development: params.is_development,
            version: params.version.as_ref(),
        })
        .await
    }

    async fn create_body(&self, body: CreateBody<'_>) -> Result<Model> {
        validate::email(body.email)?;
        validate::optional_id("team_id", body.team_id)?;
        let call = Call::new(
            "models.create",
            Method::POST,
            "/api/v2/organization/whitelabel/model/create",
        )
        .json(&body)?;
        match self.client.transport.send_create(&call).await? {
            Sent::Answer(model) => Ok(model),
            Sent::Exists(ambiguous) => reconcile::model(self.client, body.email, ambiguous).await,
        }
    }

    /// One page of the organization's models; `next_page()` fetches the
    /// following one.
    pub async fn list(&self, params: ModelListParams) -> Result<Page<ModelSummary>> {
        list_request(params)?.first(self.client).await
    }

    /// Every model from `params.offset` on, fetched page by page as the
    /// stream is read. Bad arguments are the stream's first item.
    pub fn stream(&self, params: ModelListParams) -> ItemStream<ModelSummary> {
        match list_request(params) {
            Ok(request) => request.stream(self.client),
            Err(error) => ItemStream::failed(error),
        }
    }

    /// A model's status and a fresh signed URL.
    pub async fn retrieve(&self, model_id: &str) -> Result<Model> {
        let id = validate::path_segment("model_id", model_id)?;
        let call = Call::new(
            "models.retrieve",
            Method::GET,
            format!("/api/v2/organization/whitelabel/model/get/{id}"),
        );
        self.client.transport.send(&call).await
    }

    /// Deletes a model and its anonymous user. When an attempt's answer was
    /// lost and the resend finds the model already deleted, the delete counts
    /// as done.
    pub async fn delete(&self, model_id: &str) -> Result<DeletedModel> {
        let id = validate::path_segment("model_id", model_id)?;
        let call = Call::new(
            "models.delete",
            Method::DELETE,
            format!("/api/v2/organization/whitelabel/model/delete/{id}"),
        );
        let deleted = self.client.transport.send_delete(&call).await?;
        Ok(deleted.unwrap_or_else(|| crate::reconcile::deleted_model(model_id)))
    }

    /// Polls [`Models::retrieve`] with backoff until the model reaches `until`
    /// or `deleted` (final), and returns it; check its status. `failed` is
    /// not final (failed models restart), so waiting goes on. Past `timeout`
    /// the wait ends with [`Error::Timeout`].
    pub async fn wait(
        &self,
        model_id: &str,
        until: ModelStatus,
        timeout: Duration,
    ) -> Result<Model> {
        validate::path_segment("model_id", model_id)?;
        // No deadline when the timeout reaches past what the clock can count.
        let deadline = Instant::now().checked_add(timeout);
        let mut pause = FIRST_POLL;
        let mut last = None;
        loop {
            let retrieve = self.retrieve(model_id);
            let model = match deadline {
                Some(deadline) => tokio::time::timeout_at(deadline, retrieve)
                    .await
                    .map_err(|_| wait_timeout(model_id, &until, timeout, last.as_ref()))??,
                None => retrieve.await?,
            };
            if model.status == until || model.status.is_final() {
                return Ok(model);
            }
            let mut nap = pause;
            if let Some(deadline) = deadline {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(wait_timeout(model_id, &until, timeout, Some(&model.status)));
                }
                nap = nap.min(left);
            }
            last = Some(model.status);
            tokio::time::sleep(nap).await;
            pause = pause.mul_f64(1.5).min(MAX_POLL);
        }
    }
}

fn list_request(params: ModelListParams) -> Result<ListRequest> {
    validate::optional_id("team_id", params.team_id.as_deref())?;
    Ok(ListRequest::new(
        "models.list",
        "/api/v2/organization/models".to_owned(),
        &["models"],
        params.limit,
        params.offset,
    )?
    .filter("status", params.status.map(|s| s.to_string()))
    .filter("teamId", params.team_id))
}

fn wait_timeout(
    model_id: &str,
    until: &ModelStatus,
    timeout: Duration,
    last: Option<&ModelStatus>,
) -> Error {
    let last = last.map_or_else(String::new, |s| format!(" (last status: {s})"));
    Error::Timeout {
        operation: "models.wait".to_owned(),
        message: format!(
            "model {model_id} did not reach {until} within {:.1} s{last}",
            timeout.as_secs_f64()
        ),
        may_have_reached_server: true,
    }
}
