//! [`MockServer`]: binds, accepts connections and serves the API and the control API.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

use crate::app::App;
use crate::cdn::Cdn;
use crate::config::MockConfig;
use crate::{control, gateway, routes};

/// How long in-flight requests may finish after shutdown starts.
const GRACE: Duration = Duration::from_secs(2);

/// A running mock server. It serves on the tokio runtime that started it and stops on
/// [`MockServer::shutdown`] or when dropped.
pub struct MockServer {
    url: String,
    api_key: String,
    app: Arc<App>,
    cancel: CancellationToken,
    task: Option<JoinHandle<()>>,
}

impl MockServer {
    /// Binds `config.host:config.port` (port 0: an ephemeral one) and starts serving in
    /// the current tokio runtime.
    pub async fn start(config: MockConfig) -> std::io::Result<MockServer> {
        let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
        let addr = listener.local_addr()?;
        let url = format!("http://{addr}");
        let api_key = config.api_key.clone();
        let app = App::new(config, Cdn::new("http", addr));
        let routers = Routers {
            api: routes::router(Arc::clone(&app)),
            control: control::router(Arc::clone(&app)),
        };
        let cancel = CancellationToken::new();
        let task = tokio::spawn(accept_loop(listener, app.clone(), routers, cancel.clone()));
        Ok(MockServer {
            url,
            api_key,
            app,
            cancel,
            task: Some(task),
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The base URL of the CDN that serves photo images, e.g. `http://localhost:41234`:
    /// the same server under another host name, so clients treat it as another host.
    pub fn cdn_url(&self) -> &str {
        self.app.cdn.base()
    }

    /// The default organization's api key.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Stops accepting, lets in-flight requests finish (briefly), cancels webhooks and
    /// timers, and waits until the server is down.
    pub async fn shutdown(mut self) {
        self.cancel.cancel();
        self.app.shutdown();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.cancel.cancel();
        self.app.shutdown();
    }
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("url", &self.url)
            .finish()
    }
}

/// The two routers every connection dispatches to.
#[derive(Clone)]
struct Routers {
    api: Router,
    control: Router,
}

async fn accept_loop(
    listener: TcpListener,
    app: Arc<App>,
    routers: Routers,
    cancel: CancellationToken,
) {
    let tracker = TaskTracker::new();
    loop {
        tokio::select! {
            () = cancel.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tracker.spawn(serve_connection(
                        stream,
                        Arc::clone(&app),
                        routers.clone(),
                        cancel.clone(),
                    ));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
        }
    }
    drop(listener);
    tracker.close();
    let _ = tokio::time::timeout(GRACE, tracker.wait()).await;
}

/// How a connection ended, when not by itself.
enum End {
    Dropped,
    Shutdown,
}

async fn serve_connection(
    stream: TcpStream,
    app: Arc<App>,
    routers: Routers,
    cancel: CancellationToken,
) {
    let _ = stream.set_nodelay(true);
    let drop_signal = Arc::new(Notify::new());
    let signal = Arc::clone(&drop_signal);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let app = Arc::clone(&app);
        let routers = routers.clone();
        let signal = Arc::clone(&signal);
        async move {
            let request = request.map(Body::new);
            let response = if is_control(request.uri().path()) {
                match routers.control.oneshot(request).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                }
            } else {
                gateway::handle(app, routers.api, signal, request).await
            };
            Ok::<_, Infallible>(response)
        }
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let end = tokio::select! {
        _ = connection.as_mut() => return,
        () = drop_signal.notified() => End::Dropped,
        () = cancel.cancelled() => End::Shutdown,
    };
    if let End::Shutdown = end {
        connection.as_mut().graceful_shutdown();
        let _ = tokio::time::timeout(GRACE, connection).await;
    }
}

/// Whether a path belongs to the control API.
fn is_control(path: &str) -> bool {
    path == "/__mock" || path.starts_with("/__mock/")
}
