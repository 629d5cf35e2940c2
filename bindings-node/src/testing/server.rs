//! The in-process mock server: started on the module's tokio runtime, its
//! control methods acting on the mock's state directly (no HTTP).

use std::sync::{Arc, Mutex, PoisonError};

use headshotpro_mock::{MockConfig, MockServer};
use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use super::errors::{closed, failure, Failure};
use super::inputs::{liked_status, FaultInput, MockOptions, OrganizationChanges, SeedInput};
use super::records::{
    MockInvite, MockModel, MockOrganization, MockPhoto, MockRequest, MockSeedReport,
    MockWebhookDelivery,
};
use crate::error::NativeError;
use crate::run::spawn;

/// A running `headshotpro-mock`, until `close()`.
#[napi]
pub struct NativeMockServer {
    server: Mutex<Option<Arc<MockServer>>>,
    url: String,
    cdn_url: String,
    api_key: String,
    ca_pem: Option<String>,
}

/// Starts a mock server on 127.0.0.1 (an ephemeral port unless `port` is
/// given and free).
#[napi(catch_unwind)]
pub fn start_mock_server(
    env: &Env,
    options: MockOptions,
) -> Result<PromiseRaw<'_, Either<NativeMockServer, NativeError>>> {
    let config = MockConfig::try_from(options);
    spawn(env, None, "testing_start", async move {
        let server = MockServer::start(config.map_err(|e| *e)?)
            .await
            .map_err(|e| {
                *failure(
                    "HeadshotProError",
                    format!("the mock server could not start: {e}"),
                )
            })?;
        Ok::<_, NativeError>(NativeMockServer {
            url: server.url().to_owned(),
            cdn_url: server.cdn_url().to_owned(),
            api_key: server.api_key().to_owned(),
            ca_pem: server.ca_pem().map(str::to_owned),
            server: Mutex::new(Some(Arc::new(server))),
        })
    })
}

/// A control call's result for JS.
type Control<T> = Either<T, NativeError>;

impl NativeMockServer {
    /// Runs `f` on the server, or reports that it is closed.
    fn control<T>(
        &self,
        f: impl FnOnce(&MockServer) -> std::result::Result<T, Failure>,
    ) -> Control<T> {
        let server = self
            .server
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match server.map_or_else(|| Err(closed()), |s| f(&s)) {
            Ok(value) => Either::A(value),
            Err(err) => Either::B(*err),
        }
    }
}

#[napi]
impl NativeMockServer {
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The CDN's base URL (the same server under the name `localhost`).
    #[napi(getter)]
    pub fn cdn_url(&self) -> String {
        self.cdn_url.clone()
    }

    /// The default organization's key.
    #[napi(getter)]
    pub fn api_key(&self) -> String {
        self.api_key.clone()
    }

    /// With TLS, the PEM of the certificate authority to trust.
    #[napi(getter)]
    pub fn ca_pem(&self) -> Option<String> {
        self.ca_pem.clone()
    }

    /// Stops the server (idempotent); resolves once it is down.
    #[napi(catch_unwind)]
    pub fn close<'env>(&self, env: &'env Env) -> Result<PromiseRaw<'env, Either<(), NativeError>>> {
        let server = self
            .server
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        spawn(env, None, "testing_close", async move {
            if let Some(server) = server {
                server.shutdown().await;
            }
            Ok::<_, NativeError>(())
        })
    }

    /// The invitee signs up.
    #[napi(catch_unwind)]
    pub fn accept_invite(&self, invite_id: String) -> Control<MockInvite> {
        self.control(|s| s.accept_invite(&invite_id)?.try_into())
    }

    /// The member uploads photos (a credit is spent).
    #[napi(catch_unwind)]
    pub fn upload_photos(&self, invite_id: String) -> Control<MockInvite> {
        self.control(|s| s.upload_photos(&invite_id)?.try_into())
    }

    /// The invite's next step.
    #[napi(catch_unwind)]
    pub fn advance_invite(&self, invite_id: String) -> Control<MockInvite> {
        self.control(|s| s.advance_invite(&invite_id)?.try_into())
    }

    /// The user finishes onboarding.
    #[napi(catch_unwind)]
    pub fn complete_onboarding(&self, model_id: String) -> Control<MockModel> {
        self.control(|s| s.complete_onboarding(&model_id)?.try_into())
    }

    /// The model's next status.
    #[napi(catch_unwind)]
    pub fn advance(&self, model_id: String) -> Control<MockModel> {
        self.control(|s| s.advance(&model_id)?.try_into())
    }

    /// Training or generation fails.
    #[napi(catch_unwind)]
    pub fn fail(&self, model_id: String) -> Control<MockModel> {
        self.control(|s| s.fail(&model_id)?.try_into())
    }

    /// A model's photos.
    #[napi(catch_unwind)]
    pub fn photos(&self, model_id: String) -> Control<Vec<MockPhoto>> {
        self.control(|s| {
            s.photos(&model_id)?
                .into_iter()
                .map(TryInto::try_into)
                .collect()
        })
    }

    /// The user rates a photo (`none`, `liked`, `loved`).
    #[napi(catch_unwind)]
    pub fn like_photo(&self, photo_id: String, status: String) -> Control<MockPhoto> {
        self.control(|s| s.like_photo(&photo_id, liked_status(&status)?)?.try_into())
    }

    /// The user picks a favorite (sends `model.favorite_selected`).
    #[napi(catch_unwind)]
    pub fn choose_favorite(&self, model_id: String, photo_id: String) -> Control<MockModel> {
        self.control(|s| s.choose_favorite(&model_id, &photo_id)?.try_into())
    }

    /// The default organization's settings.
    #[napi(catch_unwind)]
    pub fn organization(&self) -> Control<MockOrganization> {
        self.control(|s| Ok(s.organization()?.into()))
    }

    /// Changes the default organization's settings (all or nothing).
    #[napi(catch_unwind)]
    pub fn set_organization(&self, changes: OrganizationChanges) -> Control<MockOrganization> {
        self.control(|s| Ok(s.set_organization(changes.try_into()?)?.into()))
    }

    /// Adds a fault; answers its id.
    #[napi(catch_unwind)]
    pub fn inject_fault(&self, fault: FaultInput) -> Control<f64> {
        self.control(|s| Ok(s.inject_fault(fault.try_into()?)? as f64))
    }

    /// Removes every pending fault.
    #[napi(catch_unwind)]
    pub fn clear_faults(&self) -> Control<()> {
        self.control(|s| {
            s.clear_faults();
            Ok(())
        })
    }

    /// Every API and CDN request received, in order.
    #[napi(catch_unwind)]
    pub fn requests(&self) -> Control<Vec<MockRequest>> {
        self.control(|s| Ok(s.requests().into_iter().map(MockRequest::from).collect()))
    }

    /// Forgets the request log.
    #[napi(catch_unwind)]
    pub fn clear_requests(&self) -> Control<()> {
        self.control(|s| {
            s.clear_requests();
            Ok(())
        })
    }

    /// Every webhook delivery attempt, oldest first.
    #[napi(catch_unwind)]
    pub fn webhooks(&self) -> Control<Vec<MockWebhookDelivery>> {
        self.control(|s| s.webhooks().into_iter().map(TryInto::try_into).collect())
    }

    /// Forgets the webhook delivery log.
    #[napi(catch_unwind)]
    pub fn clear_webhooks(&self) -> Control<()> {
        self.control(|s| {
            s.clear_webhooks();
            Ok(())
        })
    }

    /// Back to the start state.
    #[napi(catch_unwind)]
    pub fn reset(&self) -> Control<()> {
        self.control(|s| {
            s.reset();
            Ok(())
        })
    }

    /// Creates many members and active models at once.
    #[napi(catch_unwind)]
    pub fn seed(&self, request: SeedInput) -> Control<MockSeedReport> {
        self.control(|s| Ok(s.seed(request.into())?.into()))
    }

    /// The whole state as JSON text.
    #[napi(catch_unwind)]
    pub fn state(&self) -> Control<String> {
        self.control(|s| Ok(s.state().to_string()))
    }
}
