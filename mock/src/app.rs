//! The shared server state: the store, logs, faults, limiter, webhooks and timers.

use std::sync::{Arc, Mutex, RwLock};

use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

use crate::cdn::Cdn;
use crate::config::MockConfig;
use crate::error::ApiResult;
use crate::faults::Faults;
use crate::ids;
use crate::lock::{lock, read, write};
use crate::rate_limit::RateLimiter;
use crate::request_log::RequestLog;
use crate::state::{ModelEvent, Org, Store};
use crate::webhooks::Webhooks;

/// Everything the handlers share.
pub struct App {
    /// The start configuration (reset goes back to it).
    pub config: MockConfig,
    org_uids: Vec<String>,
    store: RwLock<Store>,
    /// Every API request received.
    pub requests: RequestLog,
    /// Injected faults.
    pub faults: Faults,
    /// Rate-limit windows.
    pub limiter: RateLimiter,
    /// Webhook sender and delivery log.
    pub webhooks: Arc<Webhooks>,
    /// Signs and checks photo URLs.
    pub cdn: Cdn,
    /// The runtime the server runs on: timers and deliveries are spawned there, also
    /// when a control method is called from a thread outside any runtime.
    pub runtime: Handle,
    tasks: Mutex<CancellationToken>,
}

impl App {
    /// A fresh server state from the configuration, its photos served by `cdn`, its
    /// background tasks on `runtime`.
    pub fn new(config: MockConfig, cdn: Cdn, runtime: Handle) -> Arc<Self> {
        let org_uids = config
            .all_organizations()
            .iter()
            .map(|_| ids::object_id())
            .collect();
        let webhooks = Arc::new(Webhooks::new(config.webhook_delay, config.webhook_retry));
        let app = Self {
            config,
            org_uids,
            store: RwLock::new(Store::default()),
            requests: RequestLog::default(),
            faults: Faults::default(),
            limiter: RateLimiter::default(),
            webhooks,
            cdn,
            runtime,
            tasks: Mutex::new(CancellationToken::new()),
        };
        *write(&app.store) = app.initial_store();
        Arc::new(app)
    }

    fn initial_store(&self) -> Store {
        let orgs = self
            .config
            .all_organizations()
            .iter()
            .zip(&self.org_uids)
            .map(|(config, uid)| Org::new(config, uid.clone()))
            .collect();
        Store::new(orgs)
    }

    /// Back to the start state: state, logs, faults, windows; pending webhooks and timers
    /// are cancelled.
    pub fn reset(&self) {
        {
            let mut tasks = lock(&self.tasks);
            tasks.cancel();
            *tasks = CancellationToken::new();
        }
        self.webhooks.reset();
        *write(&self.store) = self.initial_store();
        self.requests.clear();
        self.faults.clear();
        self.limiter.reset();
    }

    /// Stops every background task for good.
    pub fn shutdown(&self) {
        lock(&self.tasks).cancel();
    }

    /// Reads the store.
    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&read(&self.store))
    }

    /// Reads organization `org`.
    pub fn org<R>(&self, org: usize, f: impl FnOnce(&Org) -> ApiResult<R>) -> ApiResult<R> {
        let store = read(&self.store);
        let org = store
            .orgs
            .get(org)
            .ok_or_else(|| crate::error::ApiError::not_found("Organization not found"))?;
        f(org)
    }

    /// Changes organization `org`; the events it raises are queued as webhooks (in
    /// order, under the lock) and development models that finish onboarding start their
    /// automatic progression.
    pub fn change<R>(
        self: &Arc<Self>,
        org: usize,
        f: impl FnOnce(&mut Org) -> ApiResult<(R, Vec<ModelEvent>)>,
    ) -> ApiResult<R> {
        let mut store = write(&self.store);
        let org = store
            .orgs
            .get_mut(org)
            .ok_or_else(|| crate::error::ApiError::not_found("Organization not found"))?;
        let (result, events) = f(org)?;
        self.raise(org, &events);
        Ok(result)
    }

    /// Queues webhooks for these events and starts development timers.
    fn raise(self: &Arc<Self>, org: &Org, events: &[ModelEvent]) {
        let cancel = lock(&self.tasks).clone();
        for event in events {
            if let Some(url) = &org.settings.webhook_url {
                self.webhooks.enqueue(
                    url,
                    org.settings.webhook_secret.as_deref(),
                    event,
                    &cancel,
                    &self.runtime,
                );
            }
            let object = &event.object;
            if object.is_development && object.status == "waiting" {
                self.spawn_dev_timer(object.id.clone(), cancel.clone());
            }
        }
    }

    /// Advances a development model every `dev_step` until it has nothing left to do.
    fn spawn_dev_timer(self: &Arc<Self>, model_id: String, cancel: CancellationToken) {
        let app = Arc::clone(self);
        let step = self.config.dev_step;
        self.runtime.spawn(async move {
            loop {
                tokio::select! {
                    () = cancel.cancelled() => return,
                    () = tokio::time::sleep(step) => {}
                }
                let org = app.read(|s| s.org_of_model(&model_id));
                let Some(org) = org else { return };
                let stepped = app.change(org, |o| match o.dev_step(&model_id) {
                    Some(events) => Ok((true, events)),
                    None => Ok((false, Vec::new())),
                });
                if !matches!(stepped, Ok(true)) {
                    return;
                }
            }
        });
    }
}
