//! `MockServer`: the `headshotpro-mock` crate's server, in-process, for the
//! tests of Swift and Kotlin users. It runs on a tokio runtime of its own
//! (two worker threads that never call into the JVM or Swift), so it serves
//! whatever the caller's threads do; a process that never closes it still
//! exits, and dropping it (Kotlin `close()` / `use {}`, Swift's last
//! reference) stops it. The control methods act on the mock's state
//! directly, synchronously.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use headshotpro::LikedStatus;
use headshotpro_mock::{
    Envelope, FaultAfter, FaultBody, FaultSpec, MockResult, OrganizationUpdate, SeedRequest,
};
use tokio::runtime::Runtime;

use super::options::{count, positive, MockServerOptions};
use super::records::{
    control_error, MockFaultAfter, MockInvite, MockModel, MockOrganization, MockOrganizationUpdate,
    MockPhoto, MockRequest, MockSeedReport, MockSetting, MockWebhook,
};
use crate::client::Client;
use crate::error::HeadshotProError;
use crate::options::{millis, ClientOptions};

type Result<T> = std::result::Result<T, HeadshotProError>;

/// A stateful HeadshotPro API emulator inside this process, on 127.0.0.1 and
/// an ephemeral port: the API (V1 and V2), a CDN for photos, signed webhooks,
/// faults, and the control methods below. Kotlin: `MockServer().use { … }`;
/// Swift: `let mock = try MockServer()`, stopped by `close()` or when released.
#[derive(uniffi::Object)]
pub struct MockServer {
    server: headshotpro_mock::MockServer,
    runtime: Option<Runtime>,
    closed: AtomicBool,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("url", &self.server.url())
            .field("closed", &self.closed.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

#[uniffi::export]
impl MockServer {
    /// Starts a mock with these settings (defaults when nil/null).
    #[uniffi::constructor(default(options = None))]
    pub fn new(options: Option<MockServerOptions>) -> Result<Arc<Self>> {
        crate::platform::ignore_sigpipe();
        let config = options.unwrap_or_default().config()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("headshotpro-mock")
            .enable_all()
            .build()
            .map_err(|e| internal("mock.start", &e))?;
        let server = on_runtime(&runtime, headshotpro_mock::MockServer::start(config))
            .map_err(|e| internal("mock.start", &e))?;
        Ok(Arc::new(Self {
            server,
            runtime: Some(runtime),
            closed: AtomicBool::new(false),
        }))
    }

    /// The API's base URL, `http://127.0.0.1:PORT` (`https://` with TLS).
    pub fn url(&self) -> String {
        self.server.url().to_owned()
    }

    /// The base URL of the CDN serving the photos (`http://localhost:PORT`).
    pub fn cdn_url(&self) -> String {
        self.server.cdn_url().to_owned()
    }

    /// The default organization's API key.
    pub fn api_key(&self) -> String {
        self.server.api_key().to_owned()
    }

    /// With TLS, the PEM of the authority that signed the server's
    /// certificate (for `ClientOptions.extraRootCertificates`); else none.
    pub fn ca_pem(&self) -> Option<String> {
        self.server.ca_pem().map(str::to_owned)
    }

    /// A client for this mock: its URL and key (and its authority with TLS),
    /// with the other settings of `options`.
    #[uniffi::method(default(options = None))]
    pub fn client(&self, options: Option<ClientOptions>) -> Result<Arc<Client>> {
        let mut options = options.unwrap_or_default();
        options.base_url = Some(self.url());
        if let Some(ca) = self.server.ca_pem() {
            let extra = options.extra_root_certificates.take().unwrap_or_default();
            options.extra_root_certificates = Some(format!("{extra}\n{ca}"));
        }
        Ok(Arc::new(Client::build(Some(self.api_key()), options)?))
    }

    /// The invitee signs up: `pending-invite` → `waiting-for-upload`.
    pub fn accept_invite(&self, invite_id: String) -> Result<MockInvite> {
        control("mock.accept_invite", self.server.accept_invite(&invite_id))
    }

    /// The member uploads photos (a credit is spent): `generating-headshots`.
    pub fn upload_photos(&self, invite_id: String) -> Result<MockInvite> {
        control("mock.upload_photos", self.server.upload_photos(&invite_id))
    }

    /// The invite's next step: accept, upload, or `active`.
    pub fn advance_invite(&self, invite_id: String) -> Result<MockInvite> {
        control(
            "mock.advance_invite",
            self.server.advance_invite(&invite_id),
        )
    }

    /// The user finishes onboarding (a credit is spent unless development): `waiting`.
    pub fn complete_onboarding(&self, model_id: String) -> Result<MockModel> {
        control(
            "mock.complete_onboarding",
            self.server.complete_onboarding(&model_id),
        )
    }

    /// The model's next status; turning `active` makes its photos and sends
    /// `model.photos_ready`.
    pub fn advance(&self, model_id: String) -> Result<MockModel> {
        control("mock.advance", self.server.advance(&model_id))
    }

    /// Training fails: `failed` (the next advance goes back to `pending`).
    pub fn fail(&self, model_id: String) -> Result<MockModel> {
        control("mock.fail", self.server.fail(&model_id))
    }

    /// A model's photos (none until it is active).
    pub fn photos(&self, model_id: String) -> Result<Vec<MockPhoto>> {
        let photos: Vec<_> = control("mock.photos", self.server.photos(&model_id))?;
        Ok(photos.into_iter().map(MockPhoto::from).collect())
    }

    /// The user rates a photo (`notLiked`, `liked` or `loved`).
    pub fn like_photo(&self, photo_id: String, status: LikedStatus) -> Result<MockPhoto> {
        let status = headshotpro_mock::LikedStatus::parse(status.as_str()).ok_or_else(|| {
            HeadshotProError::InvalidArgumentError {
                message: format!("mock.like_photo: the mock has no rating {status}"),
            }
        })?;
        control("mock.like_photo", self.server.like_photo(&photo_id, status))
    }

    /// The user picks a favorite among an active model's photos; sends
    /// `model.favorite_selected`.
    pub fn choose_favorite(&self, model_id: String, photo_id: String) -> Result<MockModel> {
        control(
            "mock.choose_favorite",
            self.server.choose_favorite(&model_id, &photo_id),
        )
    }

    /// The default organization's settings.
    pub fn organization(&self) -> Result<MockOrganization> {
        control("mock.organization", self.server.organization())
    }

    /// Changes the default organization's settings, all or nothing.
    pub fn set_organization(&self, update: MockOrganizationUpdate) -> Result<MockOrganization> {
        let update = organization_update(update)?;
        control(
            "mock.set_organization",
            self.server.set_organization(update),
        )
    }

    /// Adds a fault for the next `times` requests whose method matches
    /// (nil/null: any) and whose path starts with `path`: answer `status`
    /// (with `body`, raw text, when given), wait `delayMs` first, `drop` the
    /// connection, or process the request and then fail (`after`). Answers
    /// the fault's id.
    #[uniffi::method(default(
        status = None,
        body = None,
        headers = None,
        delay_ms = None,
        drop = false,
        after = None,
        times = 1
    ))]
    #[allow(clippy::too_many_arguments)]
    pub fn inject_fault(
        &self,
        method: Option<String>,
        path: String,
        status: Option<i32>,
        body: Option<String>,
        headers: Option<HashMap<String, String>>,
        delay_ms: Option<i64>,
        drop: bool,
        after: Option<MockFaultAfter>,
        times: i32,
    ) -> Result<i64> {
        let fault = FaultSpec {
            method,
            status: status.map(|s| http_status("status", s)).transpose()?,
            body: body.map(FaultBody::Raw),
            headers: headers.unwrap_or_default().into_iter().collect(),
            delay: delay_ms.map(|ms| millis("delayMs", ms)).transpose()?,
            drop,
            after: after
                .map(|after| match after {
                    MockFaultAfter::Drop => Ok(FaultAfter::Drop),
                    MockFaultAfter::Status { code } => {
                        http_status("after", code).map(FaultAfter::Status)
                    }
                })
                .transpose()?,
            times: count("times", times)?,
            ..FaultSpec::new(path)
        };
        let id: u64 = control("mock.inject_fault", self.server.inject_fault(fault))?;
        Ok(i64::try_from(id).unwrap_or(i64::MAX))
    }

    /// Removes every pending fault.
    pub fn clear_faults(&self) {
        self.server.clear_faults();
    }

    /// Every API and CDN request received, in order (control calls are not logged).
    pub fn requests(&self) -> Vec<MockRequest> {
        self.server
            .requests()
            .into_iter()
            .map(MockRequest::from)
            .collect()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        self.server.clear_requests();
    }

    /// Every webhook delivery attempt so far, oldest first.
    pub fn webhooks(&self) -> Vec<MockWebhook> {
        self.server
            .webhooks()
            .into_iter()
            .map(MockWebhook::from)
            .collect()
    }

    /// Forgets the webhook delivery log.
    pub fn clear_webhooks(&self) {
        self.server.clear_webhooks();
    }

    /// Back to the start state and settings; cancels pending webhooks and
    /// timers, clears the logs and the faults.
    pub fn reset(&self) {
        self.server.reset();
    }

    /// Creates `members` accepted members and `models` active development
    /// models with their photos at once (optionally in a team), without webhooks.
    #[uniffi::method(default(members = 0, models = 0, team_id = None))]
    pub fn seed(
        &self,
        members: i32,
        models: i32,
        team_id: Option<String>,
    ) -> Result<MockSeedReport> {
        let request = SeedRequest {
            members: count("members", members)?,
            models: count("models", models)?,
            team_id,
        };
        let report: headshotpro_mock::SeedReport = control("mock.seed", self.server.seed(request))?;
        Ok(MockSeedReport {
            members: i64::from(report.members),
            model_ids: report.model_ids,
        })
    }

    /// The whole state as JSON text, for debugging.
    pub fn state(&self) -> String {
        self.server.state().to_string()
    }

    /// Stops serving (requests are refused from now on), cancels webhooks
    /// and timers. Calling it again does nothing. (Kotlin: `shutdown()`;
    /// `close()` also frees the object.)
    pub fn close(&self) {
        if self.closed.swap(true, Ordering::SeqCst) {
            return;
        }
        if let Some(runtime) = &self.runtime {
            on_runtime(runtime, self.server.shutdown());
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.close();
        if let Some(runtime) = self.runtime.take() {
            // Never blocks, so it is safe wherever the last reference goes.
            runtime.shutdown_background();
        }
    }
}

/// Runs `work` on `runtime` and waits for it, from a helper thread so that
/// the caller may be any thread, even one inside another tokio runtime.
fn on_runtime<F: Future + Send>(runtime: &Runtime, work: F) -> F::Output
where
    F::Output: Send,
{
    std::thread::scope(
        |scope| match scope.spawn(|| runtime.block_on(work)).join() {
            Ok(output) => output,
            Err(panic) => std::panic::resume_unwind(panic),
        },
    )
}

/// A control call's result, its failure as the SDK's error.
fn control<T, U: From<T>>(operation: &str, result: MockResult<T>) -> Result<U> {
    result.map(U::from).map_err(|e| control_error(operation, e))
}

fn internal(operation: &str, error: &dyn std::fmt::Display) -> HeadshotProError {
    HeadshotProError::InternalError {
        message: format!("the mock could not start: {error}"),
        operation: operation.to_owned(),
    }
}

fn http_status(field: &str, status: i32) -> Result<u16> {
    u16::try_from(status)
        .ok()
        .filter(|s| (100..=599).contains(s))
        .ok_or_else(|| HeadshotProError::InvalidArgumentError {
            message: format!("{field} must be an HTTP status (100..=599), got {status}"),
        })
}

/// The mock's update for a `MockOrganizationUpdate`, every number checked.
fn organization_update(update: MockOrganizationUpdate) -> Result<OrganizationUpdate> {
    let cleared = |setting| update.clear.contains(&setting);
    let limit = |field: &str, value: Option<i32>, setting| -> Result<Option<Option<u32>>> {
        if cleared(setting) {
            return Ok(Some(None));
        }
        value.map(|n| count(field, n).map(Some)).transpose()
    };
    let text = |value: Option<String>, setting| {
        if cleared(setting) {
            Some(None)
        } else {
            value.map(Some)
        }
    };
    Ok(OrganizationUpdate {
        credits: update.credits,
        whitelabel: update.whitelabel,
        webhook_url: text(update.webhook_url.clone(), MockSetting::WebhookUrl),
        webhook_secret: text(update.webhook_secret.clone(), MockSetting::WebhookSecret),
        invite_limit: limit("inviteLimit", update.invite_limit, MockSetting::InviteLimit)?,
        rate_limit: limit("rateLimit", update.rate_limit, MockSetting::RateLimit)?,
        rate_window: update
            .rate_window_ms
            .map(|ms| positive("rateWindowMs", ms))
            .transpose()?,
        photos_per_model: update
            .photos_per_model
            .map(|n| count("photosPerModel", n))
            .transpose()?,
        photo_url_ttl: update
            .photo_url_ttl_ms
            .map(|ms| millis("photoUrlTtlMs", ms))
            .transpose()?,
        envelope: update
            .data_envelope
            .map(|data| if data { Envelope::Data } else { Envelope::Top }),
        ..OrganizationUpdate::default()
    })
}
