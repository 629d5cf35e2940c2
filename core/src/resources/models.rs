//! Whitelabel models under `/api/v2/organization/whitelabel/model`, and
//! their list under `/api/v2/organization/models`.

use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::page::{ListRequest, Page};
use crate::page_stream::ItemStream;
use crate::transport::Call;
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
    /// finishes (never for development models). Not retried after it may
    /// have arrived.
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
        self.client.transport.send(&call).await
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

    /// Deletes a model and its anonymous user.
    pub async fn delete(&self, model_id: &str) -> Result<DeletedModel> {
        let id = validate::path_segment("model_id", model_id)?;
        let call = Call::new(
            "models.delete",
            Method::DELETE,
            format!("/api/v2/organization/whitelabel/model/delete/{id}"),
        );
        self.client.transport.send(&call).await
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
        let deadline = Instant::now() + timeout;
        let mut pause = FIRST_POLL;
        let mut last = None;
        loop {
            let model = tokio::time::timeout_at(deadline, self.retrieve(model_id))
                .await
                .map_err(|_| wait_timeout(model_id, &until, timeout, last.as_ref()))??;
            if model.status == until || model.status.is_final() {
                return Ok(model);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(wait_timeout(model_id, &until, timeout, Some(&model.status)));
            }
            last = Some(model.status);
            tokio::time::sleep(pause.min(deadline - now)).await;
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
