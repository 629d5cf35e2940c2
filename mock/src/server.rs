//! [`MockServer`]: binds, accepts connections (plain or TLS) and serves the API, the CDN
//! and the control API over HTTP/1.1 and HTTP/2.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

use crate::app::App;
use crate::cdn::Cdn;
use crate::config::MockConfig;
use crate::lock::lock;
use crate::tls::Tls;
use crate::{control, gateway, routes};

/// How long in-flight requests may finish after shutdown starts.
const GRACE: Duration = Duration::from_secs(2);

/// How long a TLS handshake may take.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// A running mock server.
///
/// It serves on the tokio runtime that started it (the caller's: it starts no runtime
/// and no thread of its own, so it never keeps a process alive) and stops on
/// [`MockServer::shutdown`], when dropped, or when that runtime shuts down. Besides the
/// HTTP control API under `/__mock/`, every control call has a typed method here that
/// acts on the state directly (see the `control_api` methods below).
pub struct MockServer {
    url: String,
    api_key: String,
    ca_pem: Option<String>,
    pub(crate) app: Arc<App>,
    cancel: CancellationToken,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl MockServer {
    /// Binds `config.host:config.port` and starts serving in the current tokio runtime
    /// (call it from within one). Port 0 picks an ephemeral port; a fixed port that is
    /// busy falls back to an ephemeral one, so read [`MockServer::url`]. With
    /// `config.tls` it serves HTTPS with a certificate made now (see
    /// [`MockServer::ca_pem`]).
    ///
    /// # Errors
    /// When the address cannot be bound at all, or the TLS setup fails.
    pub async fn start(config: MockConfig) -> std::io::Result<MockServer> {
        let listener = bind(&config.host, config.port).await?;
        let addr = listener.local_addr()?;
        let tls = if config.tls {
            Some(Tls::generate(addr.ip())?)
        } else {
            None
        };
        let scheme = if tls.is_some() { "https" } else { "http" };
        let url = format!("{scheme}://{addr}");
        let api_key = config.api_key.clone();
        let app = App::new(
            config,
            Cdn::new(scheme, addr),
            tokio::runtime::Handle::current(),
        );
        let routers = Routers {
            api: routes::router(Arc::clone(&app)),
            control: control::http::router(Arc::clone(&app)),
        };
        let cancel = CancellationToken::new();
        let ca_pem = tls.as_ref().map(|t| t.ca_pem.clone());
        let task = tokio::spawn(accept_loop(
            listener,
            tls,
            Arc::clone(&app),
            routers,
            cancel.clone(),
        ));
        Ok(MockServer {
            url,
            api_key,
            ca_pem,
            app,
            cancel,
            task: Mutex::new(Some(task)),
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` (`https://` with TLS; no trailing
    /// slash).
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

    /// With TLS, the PEM of the certificate authority that signed the server's
    /// certificate: add it to a client's root certificates. `None` for plain HTTP.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// Stops accepting, lets in-flight requests finish (briefly), cancels webhooks and
    /// timers, and waits until the server is down. Calling it again, or after the
    /// runtime that started the server has gone, does nothing.
    pub async fn shutdown(&self) {
        self.cancel.cancel();
        self.app.shutdown();
        let task = lock(&self.task).take();
        if let Some(task) = task {
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
            .field("tls", &self.ca_pem.is_some())
            .finish_non_exhaustive()
    }
}

/// Binds the address; a busy fixed port falls back to an ephemeral one.
async fn bind(host: &str, port: u16) -> std::io::Result<TcpListener> {
    match TcpListener::bind((host, port)).await {
        Err(e) if port != 0 && e.kind() == std::io::ErrorKind::AddrInUse => {
            TcpListener::bind((host, 0)).await
        }
        other => other,
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
    tls: Option<Tls>,
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
                    tracker.spawn(connection(
                        stream,
                        tls.clone(),
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

/// One accepted connection: the TLS handshake when asked, then HTTP.
async fn connection(
    stream: TcpStream,
    tls: Option<Tls>,
    app: Arc<App>,
    routers: Routers,
    cancel: CancellationToken,
) {
    let _ = stream.set_nodelay(true);
    match tls {
        None => serve_connection(stream, app, routers, cancel).await,
        Some(tls) => {
            let handshake = tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.acceptor.accept(stream));
            let stream = tokio::select! {
                () = cancel.cancelled() => return,
                done = handshake => match done {
                    Ok(Ok(stream)) => stream,
                    _ => return,
                },
            };
            serve_connection(stream, app, routers, cancel).await;
        }
    }
}

/// How a connection ended, when not by itself.
enum End {
    Dropped,
    Shutdown,
}

async fn serve_connection<S>(stream: S, app: Arc<App>, routers: Routers, cancel: CancellationToken)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
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
    let builder = auto::Builder::new(TokioExecutor::new());
    let connection = builder.serve_connection(TokioIo::new(stream), service);
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
