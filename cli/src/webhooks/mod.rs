//! `webhooks serve` and `webhooks verify`, and what they share: the secret
//! file and how a long-running command hears that it should stop.

mod forward;
mod serve;
mod verify;

use std::path::Path;

pub use serve::serve;
pub use verify::verify;

use crate::failure::{Failure, Outcome};

/// The signing secret in a file: its text without surrounding whitespace.
pub fn read_secret(path: &Path) -> Outcome<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::usage(format!("cannot read --secret-file {}: {e}", path.display()))
    })?;
    let secret = text.trim();
    if secret.is_empty() {
        return Err(Failure::usage(format!(
            "--secret-file {} is empty",
            path.display()
        )));
    }
    Ok(secret.to_owned())
}

/// Installs the Ctrl-C and SIGTERM handlers now and answers a future that
/// resolves when one arrives or, if asked, when standard input closes.
pub fn stop_signal(watch_stdin: bool) -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    async move {
        let interrupted = async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let terminated = async move {
            match terminate {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let terminated = std::future::pending::<()>();
        let stdin_closed = async {
            if watch_stdin {
                stdin_eof().await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            () = interrupted => {}
            () = terminated => {}
            () = stdin_closed => {}
        }
    }
}

/// Resolves when standard input ends. The blocking read runs on a detached
/// thread, so it never holds up the runtime's shutdown.
async fn stdin_eof() {
    let (done, closed) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("stdin-watch".to_owned())
        .spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buf = [0u8; 1024];
            while matches!(std::io::Read::read(&mut stdin, &mut buf), Ok(n) if n > 0) {}
            let _ = done.send(());
        });
    match spawned {
        Ok(_) => {
            let _ = closed.await;
        }
        Err(_) => std::future::pending::<()>().await,
    }
}
