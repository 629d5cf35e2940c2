//! `photos.save` against a scripted API and CDN (another host name on the
//! same loopback server): files written whole, no key on CDN requests, a few
//! downloads at once, failures reported per photo, nothing half-written.
#![allow(clippy::unwrap_used)]

mod fake;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use fake::{json, not_found, Fake, Recorded};
use headshotpro::{SaveOptions, SaveProgress};
use serde_json::json;

/// How the CDN answers one photo.
#[derive(Clone, Copy, PartialEq)]
enum Cdn {
    /// A PNG with its content type.
    Png,
    /// A JPEG-typed answer.
    Jpeg,
    /// No content type: the name comes from the first bytes.
    Untyped,
    /// 403, as for an expired URL.
    Expired,
    /// Half the body, then the connection breaks.
    Broken,
}

/// A photo's bytes: a PNG signature, then enough data for several chunks.
fn image(id: &str) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
    bytes.extend(id.as_bytes());
    bytes.extend((0..200_000u32).map(|i| (i % 251) as u8 ^ id.len() as u8));
    bytes
}

fn cdn_answer(id: &str, how: Cdn) -> Response {
    match how {
        Cdn::Png => ([("content-type", "image/png")], image(id)).into_response(),
        Cdn::Jpeg => ([("content-type", "image/jpeg")], image(id)).into_response(),
        Cdn::Untyped => Response::new(Body::from(image(id))),
        Cdn::Expired => (
            axum::http::StatusCode::FORBIDDEN,
            [("content-type", "text/plain")],
            "Request has expired",
        )
            .into_response(),
        Cdn::Broken => {
            let bytes = image(id);
            let len = bytes.len();
            let half = bytes[..len / 2].to_vec();
            let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![
                Ok(half),
                Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "cut")),
            ];
            Response::builder()
                .header("content-type", "image/png")
                .header("content-length", len.to_string())
                .body(Body::from_stream(futures_util::stream::iter(chunks)))
                .unwrap()
        }
    }
}

/// An API that hands out links for `ids` (or the requested `photoIds`), and a
/// CDN that answers each as `how` says.
async fn server(ids: &[&str], how: impl Fn(&str) -> Cdn + Send + Sync + 'static) -> Fake {
    let ids: Vec<String> = ids.iter().map(|s| (*s).to_owned()).collect();
    let port = Arc::new(Mutex::new(0u16));
    let port_in = Arc::clone(&port);
    let fake = Fake::start(move |r: &Recorded| {
        if r.path == "/api/v2/organization/models/m1/photos/download" && r.method == "POST" {
            let wanted: Vec<String> = r.json()["photoIds"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
                .unwrap_or_else(|| ids.clone());
            let port = *port_in.lock().unwrap();
            let downloads: Vec<_> = wanted
                .iter()
                .map(|id| {
                    json!({"photoId": id,
                           "url": format!("http://localhost:{port}/cdn/{}?sig=abc", urlencode(id))})
                })
                .collect();
            return json(
                200,
                json!({"success": true, "downloads": downloads, "expiresAt": "2030-01-01T00:00:00Z"}),
            );
        }
        if let Some(id) = r.path.strip_prefix("/cdn/") {
            let id = url::form_urlencoded::parse(format!("x={id}").as_bytes())
                .next()
                .unwrap()
                .1
                .into_owned();
            return cdn_answer(&id, how(&id));
        }
        not_found()
    })
    .await;
    *port.lock().unwrap() = fake.port;
    fake
}

fn urlencode(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

/// A fresh directory path under the system temp dir, unique per test.
fn directory(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "headshotpro-save-{name}-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every entry of the directory, hidden ones included.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn cdn_requests(fake: &Fake) -> Vec<Recorded> {
    fake.requests_to("/cdn/")
}

#[tokio::test]
async fn saves_every_photo_without_sending_the_key() {
    let ids = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"];
    let fake = server(&ids, |_| Cdn::Png).await;
    let dir = directory("all");
    let progress: Arc<Mutex<Vec<SaveProgress>>> = Arc::default();
    let seen = Arc::clone(&progress);
    let report = fake
        .client()
        .photos()
        .save(
            "m1",
            &dir,
            SaveOptions::new().on_progress(move |p| seen.lock().unwrap().push(p.clone())),
        )
        .await
        .unwrap();

    assert!(report.is_complete(), "{:?}", report.failed);
    assert_eq!(report.saved.len(), 8);
    for (saved, id) in report.saved.iter().zip(ids) {
        assert_eq!(saved.photo_id, id);
        assert_eq!(saved.path, dir.join(format!("{id}.png")));
        assert_eq!(std::fs::read(&saved.path).unwrap(), image(id));
        assert_eq!(saved.bytes, image(id).len() as u64);
        assert_eq!(saved.content_type.as_deref(), Some("image/png"));
    }
    assert_eq!(
        report.bytes(),
        report.saved.iter().map(|s| s.bytes).sum::<u64>()
    );
    let expected: Vec<String> = ids.iter().map(|id| format!("{id}.png")).collect();
    assert_eq!(entries(&dir), expected, "no temporary file left behind");

    let cdn = cdn_requests(&fake);
    assert_eq!(cdn.len(), 8);
    for r in &cdn {
        assert!(r.host.starts_with("localhost:"), "{}", r.host);
        assert_eq!(r.header("authorization"), None, "the key went to the CDN");
        assert!(!format!("{:?}", r.headers).contains(fake::KEY));
        assert!(r.header("user-agent").unwrap().contains("core/"));
    }
    let api = fake.requests_to("/api/");
    assert_eq!(api.len(), 1);
    assert_eq!(
        api[0].header("authorization"),
        Some(format!("Bearer {}", fake::KEY).as_str())
    );

    let progress = progress.lock().unwrap();
    assert_eq!(progress.len(), 8);
    assert_eq!(
        progress.iter().map(|p| p.completed).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<_>>()
    );
    assert!(progress
        .iter()
        .all(|p| p.saved && p.total == 8 && p.bytes > 200_000));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_expired_url_is_reported_and_the_other_photos_kept() {
    let fake = server(&["p1", "p2", "p3"], |id| {
        if id == "p2" {
            Cdn::Expired
        } else {
            Cdn::Png
        }
    })
    .await;
    let dir = directory("expired");
    let report = fake
        .client()
        .photos()
        .save("m1", &dir, SaveOptions::new())
        .await
        .unwrap();
    assert!(!report.is_complete());
    assert_eq!(
        report
            .saved
            .iter()
            .map(|s| s.photo_id.as_str())
            .collect::<Vec<_>>(),
        ["p1", "p3"]
    );
    assert_eq!(report.failed.len(), 1);
    let failed = &report.failed[0];
    assert_eq!(failed.photo_id, "p2");
    assert_eq!(failed.error.class_name(), "PermissionDeniedError");
    assert_eq!(failed.error.status(), Some(403));
    assert_eq!(failed.error.message(), "Request has expired");
    assert!(failed.to_string().starts_with("photo p2: "));
    assert!(!format!("{failed:?}").contains("sig=abc"));
    assert_eq!(entries(&dir), ["p1.png", "p3.png"]);
    assert_eq!(cdn_requests(&fake).len(), 3, "a 403 is not retried");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_broken_download_leaves_no_partial_file() {
    let fake = server(&["p1", "p2"], |id| {
        if id == "p2" {
            Cdn::Broken
        } else {
            Cdn::Png
        }
    })
    .await;
    let dir = directory("broken");
    let client = fake.client_with(|b| b.max_retries(1));
    let report = client
        .photos()
        .save("m1", &dir, SaveOptions::new())
        .await
        .unwrap();
    assert_eq!(report.saved.len(), 1);
    assert_eq!(report.failed[0].photo_id, "p2");
    assert_eq!(report.failed[0].error.class_name(), "APIConnectionError");
    assert_eq!(entries(&dir), ["p1.png"], "no p2.png, no temporary file");
    assert_eq!(
        cdn_requests(&fake)
            .iter()
            .filter(|r| r.path == "/cdn/p2")
            .count(),
        2,
        "a broken GET is retried"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn existing_files_are_kept_unless_overwrite() {
    let fake = server(&["p1", "p2"], |_| Cdn::Png).await;
    let dir = directory("overwrite");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("p1.png"), b"mine").unwrap();
    let client = fake.client();

    let report = client
        .photos()
        .save("m1", &dir, SaveOptions::new())
        .await
        .unwrap();
    assert_eq!(report.saved.len(), 1);
    assert_eq!(report.failed[0].photo_id, "p1");
    assert_eq!(report.failed[0].error.class_name(), "InvalidArgumentError");
    assert!(report.failed[0].error.message().contains("already exists"));
    assert_eq!(std::fs::read(dir.join("p1.png")).unwrap(), b"mine");

    let report = client
        .photos()
        .save("m1", &dir, SaveOptions::new().overwrite(true))
        .await
        .unwrap();
    assert!(report.is_complete());
    assert_eq!(std::fs::read(dir.join("p1.png")).unwrap(), image("p1"));
    assert_eq!(entries(&dir), ["p1.png", "p2.png"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_unwritable_directory_fails_before_any_request() {
    let fake = server(&["p1"], |_| Cdn::Png).await;
    let base = directory("unwritable");
    std::fs::create_dir_all(&base).unwrap();
    let file = base.join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let client = fake.client();
    for target in [file.join("photos"), file.clone()] {
        let err = client
            .photos()
            .save("m1", &target, SaveOptions::new())
            .await
            .unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError", "{err}");
        assert!(err.message().contains("directory"), "{err}");
    }
    for options in [
        SaveOptions::new().concurrency(0),
        SaveOptions::new().concurrency(33),
        SaveOptions::new().photo_ids(Vec::<String>::new()),
    ] {
        let err = client
            .photos()
            .save("m1", &base, options)
            .await
            .unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError", "{err}");
    }
    assert!(fake.requests().is_empty());
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test]
async fn only_the_chosen_photos_and_a_missing_directory_is_created() {
    let fake = server(&["p1", "p2", "p3"], |_| Cdn::Jpeg).await;
    let dir = directory("chosen").join("nested");
    let report = fake
        .client()
        .photos()
        .save("m1", &dir, SaveOptions::new().photo_ids(["p2"]))
        .await
        .unwrap();
    assert_eq!(report.saved.len(), 1);
    assert_eq!(report.saved[0].path, dir.join("p2.jpg"));
    assert_eq!(
        fake.requests_to("/api/")[0].json()["photoIds"],
        json!(["p2"])
    );
    std::fs::remove_dir_all(dir.parent().unwrap()).unwrap();
}

#[tokio::test]
async fn names_are_sanitised_unique_and_typed_by_content() {
    let fake = server(&["../evil", "_evil", "plain"], |id| {
        if id == "plain" {
            Cdn::Untyped
        } else {
            Cdn::Png
        }
    })
    .await;
    let dir = directory("names");
    let report = fake
        .client()
        .photos()
        .save("m1", &dir, SaveOptions::new().concurrency(1))
        .await
        .unwrap();
    assert!(report.is_complete(), "{:?}", report.failed);
    assert_eq!(entries(&dir), ["_evil-2.png", "_evil.png", "plain.png"]);
    assert!(report
        .saved
        .iter()
        .all(|s| s.path.parent() == Some(dir.as_path())));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_few_downloads_run_at_once_and_no_more() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let barrier = Arc::new(tokio::sync::Barrier::new(3));
    let port = Arc::new(Mutex::new(0u16));
    let (flight, peak, gate, port_in) = (
        Arc::clone(&in_flight),
        Arc::clone(&most),
        Arc::clone(&barrier),
        Arc::clone(&port),
    );
    let fake = Fake::start_async(move |r| {
        let (flight, peak, gate, port) = (
            Arc::clone(&flight),
            Arc::clone(&peak),
            Arc::clone(&gate),
            *port_in.lock().unwrap(),
        );
        async move {
            if r.method == "POST" {
                let downloads: Vec<_> = (1..=6)
                    .map(|i| json!({"photoId": format!("p{i}"), "url": format!("http://localhost:{port}/cdn/p{i}")}))
                    .collect();
                return json(200, json!({"downloads": downloads, "expiresAt": "2030-01-01T00:00:00Z"}));
            }
            let now = flight.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            // Three downloads must be waiting here together for any to go on.
            gate.wait().await;
            flight.fetch_sub(1, Ordering::SeqCst);
            cdn_answer(r.path.trim_start_matches("/cdn/"), Cdn::Png)
        }
    })
    .await;
    *port.lock().unwrap() = fake.port;
    let dir = directory("concurrency");
    let report = tokio::time::timeout(
        Duration::from_secs(30),
        fake.client()
            .photos()
            .save("m1", &dir, SaveOptions::new().concurrency(3)),
    )
    .await
    .expect("three downloads ran at once")
    .unwrap();
    assert_eq!(report.saved.len(), 6);
    assert_eq!(
        most.load(Ordering::SeqCst),
        3,
        "never more than three at once"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn plain_http_urls_off_loopback_are_refused_without_a_request() {
    let fake = Fake::start(|r| {
        if r.method == "POST" {
            json(
                200,
                json!({"downloads": [{"photoId": "p1", "url": "http://cdn.invalid/p1.png"},
                                     {"photoId": "p2", "url": "not a url"}],
                       "expiresAt": "2030-01-01T00:00:00Z"}),
            )
        } else {
            not_found()
        }
    })
    .await;
    let dir = directory("http");
    let report = fake
        .client()
        .photos()
        .save("m1", &dir, SaveOptions::new())
        .await
        .unwrap();
    assert!(report.saved.is_empty());
    assert_eq!(report.failed.len(), 2);
    assert!(report
        .failed
        .iter()
        .all(|f| f.error.class_name() == "ResponseDecodeError"));
    assert!(report.failed[0].error.message().contains("not https"));
    assert_eq!(fake.requests().len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
