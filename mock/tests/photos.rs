//! Photos: they appear when a model turns active, are listed, rated, chosen as favorite
//! and downloaded from the CDN through signed, expiring URLs on another host name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Mock;
use headshotpro_mock::MockConfig;
use serde_json::{json, Value};

/// Decodes a PNG: its width, height and pixel bytes.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.to_vec()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    (info.width, info.height, pixels)
}

/// A GET without any API key: status, content type, body.
async fn fetch(mock: &Mock, url: &str) -> (u16, String, Vec<u8>) {
    let response = mock.http.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

fn ids(photos: &Value) -> Vec<String> {
    photos
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn photos_appear_when_a_model_turns_active() {
    let mock = Mock::start().await;
    let id = mock.model("pat@example.com", false).await;
    let none = mock.v2("GET", &format!("/models/{id}/photos"), None).await;
    assert_eq!(none["photos"], json!([]));
    assert_eq!(none["pagination"]["total"], 0);
    for _ in 0..4 {
        mock.control_ok("POST", &format!("/__mock/models/{id}/advance"), None)
            .await;
    }
    let list = mock.v2("GET", &format!("/models/{id}/photos"), None).await;
    let photos = list["photos"].as_array().unwrap();
    assert_eq!(photos.len(), 8);
    let photo = &photos[0];
    assert_eq!(photo["modelId"], id.as_str());
    assert_eq!(photo["status"], "active");
    assert_eq!(photo["likedStatus"], "none");
    assert!(photo["createdAt"].is_string() && photo["expiresAt"].is_string());
    let urls = photo["urls"].as_object().unwrap();
    assert_eq!(urls.keys().collect::<Vec<_>>(), ["main"]);
    let expires = chrono::DateTime::parse_from_rfc3339(photo["expiresAt"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let hours = (expires - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!((23.9..=24.0).contains(&hours), "{hours}");

    let all = mock
        .v2(
            "GET",
            &format!("/models/{id}/photos?include=all&limit=3&offset=6"),
            None,
        )
        .await;
    assert_eq!(all["photos"].as_array().unwrap().len(), 2);
    let urls = all["photos"][0]["urls"].as_object().unwrap();
    let mut keys: Vec<_> = urls.keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["main", "original", "thumbnail"]);
    assert_eq!(
        all["pagination"],
        json!({"total": 8, "limit": 3, "offset": 6, "hasMore": false})
    );
    mock.v2_answer("GET", &format!("/models/{id}/photos?include=some"), None)
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.v2_answer("GET", "/models/nope/photos", None)
        .await
        .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn photos_per_model_comes_from_the_config_and_the_org_setting() {
    let mock = Mock::with(MockConfig {
        photos_per_model: 3,
        ..MockConfig::default()
    })
    .await;
    let a = mock.active_model("a@example.com").await;
    let list = mock.v2("GET", &format!("/models/{a}/photos"), None).await;
    assert_eq!(list["pagination"]["total"], 3);
    mock.control_ok(
        "PUT",
        "/__mock/organization",
        Some(json!({"photosPerModel": 1})),
    )
    .await;
    let b = mock.active_model("b@example.com").await;
    let list = mock.v2("GET", &format!("/models/{b}/photos"), None).await;
    assert_eq!(list["pagination"]["total"], 1);
}

#[tokio::test]
async fn cdn_images_are_real_distinct_pngs_on_another_host_without_a_key() {
    let mock = Mock::start().await;
    let id = mock.active_model("img@example.com").await;
    let list = mock
        .v2("GET", &format!("/models/{id}/photos?include=all"), None)
        .await;
    let api_port = mock.url.rsplit(':').next().unwrap().to_owned();
    let mut seen = Vec::new();
    for photo in list["photos"].as_array().unwrap() {
        for (variant, side) in [("main", 32), ("thumbnail", 16), ("original", 64)] {
            let url = photo["urls"][variant].as_str().unwrap();
            assert!(
                url.starts_with(&format!("http://localhost:{api_port}/cdn/")),
                "{url}"
            );
            assert!(url.starts_with(mock.server.cdn_url()));
            let (status, kind, bytes) = fetch(&mock, url).await;
            assert_eq!(status, 200);
            assert_eq!(kind, "image/png");
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
            assert!((200..8 * 1024).contains(&bytes.len()), "{}", bytes.len());
            let (width, height, pixels) = decode(&bytes);
            assert_eq!((width, height), (side, side));
            assert!(!seen.contains(&bytes));
            assert!(pixels.iter().any(|&p| p != pixels[0]));
            seen.push(bytes);
        }
    }
    // The same URL gives the same bytes.
    let url = list["photos"][0]["urls"]["main"].as_str().unwrap();
    assert_eq!(fetch(&mock, url).await.2, seen[0]);

    // The request log shows the CDN requests, with their headers and no key.
    let log = mock.requests().await;
    let cdn: Vec<&Value> = log
        .iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/cdn/"))
        .collect();
    assert_eq!(cdn.len(), 8 * 3 + 1);
    for request in cdn {
        assert_eq!(request["method"], "GET");
        assert!(request["headers"]["host"]
            .as_str()
            .unwrap()
            .starts_with("localhost:"));
        assert!(request["headers"].get("authorization").is_none());
        assert!(request["query"].as_str().unwrap().contains("signature="));
    }
}

#[tokio::test]
async fn expired_or_tampered_urls_answer_403() {
    let mock = Mock::start().await;
    let id = mock.active_model("exp@example.com").await;
    let photo = mock
        .v2("GET", &format!("/models/{id}/photos?limit=1"), None)
        .await["photos"][0]
        .clone();
    let url = photo["urls"]["main"].as_str().unwrap().to_owned();
    assert_eq!(fetch(&mock, &url).await.0, 200);

    let other = ids(&mock
        .v2("GET", &format!("/models/{id}/photos?limit=2"), None)
        .await["photos"])[1]
        .clone();
    let photo_id = photo["id"].as_str().unwrap();
    let tampered = [
        url.replace(photo_id, &other),
        url.replace("main.png", "original.png"),
        url.replace("expires=", "expires=1"),
        // The signature's last hex digit changed (to one it is not).
        format!(
            "{}{}",
            &url[..url.len() - 1],
            if url.ends_with('0') { '1' } else { '0' }
        ),
        url.split('&').next().unwrap().to_owned(),
    ];
    for bad in tampered {
        let (status, _, body) = fetch(&mock, &bad).await;
        assert_eq!(status, 403, "{bad}");
        let json: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["code"], "FORBIDDEN");
    }

    mock.control_ok(
        "PUT",
        "/__mock/organization",
        Some(json!({"photoUrlTtlMs": 0})),
    )
    .await;
    let expired = mock
        .v2("GET", &format!("/models/{id}/photos/{photo_id}"), None)
        .await;
    let (status, _, body) = fetch(&mock, expired["photo"]["urls"]["main"].as_str().unwrap()).await;
    assert_eq!(status, 403);
    assert!(String::from_utf8_lossy(&body).contains("expired"));
    // The URL signed earlier still works until its own expiry.
    assert_eq!(fetch(&mock, &url).await.0, 200);

    // A deleted model's photos are gone from the CDN.
    mock.v2("DELETE", &format!("/models/{id}"), None).await;
    assert_eq!(fetch(&mock, &url).await.0, 404);
    let deleted = mock
        .v2("GET", &format!("/models/{id}/photos?status=deleted"), None)
        .await;
    assert_eq!(deleted["pagination"]["total"], 8);
}

#[tokio::test]
async fn faults_match_cdn_paths() {
    let mock = Mock::start().await;
    let id = mock.active_model("f@example.com").await;
    let url = mock
        .v2("GET", &format!("/models/{id}/photos?limit=1"), None)
        .await["photos"][0]["urls"]["main"]
        .as_str()
        .unwrap()
        .to_owned();
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"method": "GET", "path": "/cdn/", "status": 500})),
    )
    .await;
    assert_eq!(fetch(&mock, &url).await.0, 500);
    assert_eq!(fetch(&mock, &url).await.0, 200);
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": "/cdn/photos/", "drop": true})),
    )
    .await;
    assert!(mock.http.get(&url).send().await.is_err());
}

#[tokio::test]
async fn retrieve_filters_and_likes() {
    let mock = Mock::start().await;
    let id = mock.active_model("l@example.com").await;
    let all = ids(&mock.v2("GET", &format!("/models/{id}/photos"), None).await["photos"]);
    let liked = mock
        .control_ok(
            "POST",
            &format!("/__mock/photos/{}/like", all[1]),
            Some(json!({"status": "liked"})),
        )
        .await;
    assert_eq!(liked["modelId"], id.as_str());
    mock.control_ok(
        "POST",
        &format!("/__mock/photos/{}/like", all[2]),
        Some(json!({"status": "loved"})),
    )
    .await;
    let page = mock
        .v2(
            "GET",
            &format!("/models/{id}/photos?likedStatus=liked"),
            None,
        )
        .await;
    assert_eq!(ids(&page["photos"]), [all[1].clone()]);
    let page = mock
        .v2(
            "GET",
            &format!("/models/{id}/photos?likedStatus=none&status=active"),
            None,
        )
        .await;
    assert_eq!(page["pagination"]["total"], 6);
    mock.v2_answer("GET", &format!("/models/{id}/photos?likedStatus=meh"), None)
        .await
        .assert_error(400, "INVALID_REQUEST");

    let one = mock
        .v2(
            "GET",
            &format!("/models/{id}/photos/{}?include=all", all[2]),
            None,
        )
        .await;
    assert_eq!(one["photo"]["likedStatus"], "loved");
    assert!(one["photo"]["urls"]["thumbnail"].is_string());
    mock.v2_answer("GET", &format!("/models/{id}/photos/nope"), None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.control(
        "POST",
        "/__mock/photos/nope/like",
        Some(json!({"status": "liked"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.control(
        "POST",
        &format!("/__mock/photos/{}/like", all[0]),
        Some(json!({"status": "adored"})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
}

#[tokio::test]
async fn the_favorite_is_null_until_chosen_and_favorites_span_the_organization() {
    let mock = Mock::start().await;
    let team = mock
        .v2("POST", "/teams", Some(json!({"name": "Legal"})))
        .await["team"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invite = mock
        .v2(
            "POST",
            "/invites",
            Some(json!({"email": "ida.lee@example.com", "teamId": team})),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    mock.control_ok("POST", &format!("/__mock/invites/{invite}/accept"), None)
        .await;
    let a = mock.active_model("ida.lee@example.com").await;
    let b = mock.active_model("other@example.com").await;

    let none = mock
        .v2("GET", &format!("/models/{a}/photos/favorite"), None)
        .await;
    assert_eq!(none["photo"], Value::Null);
    assert!(none.as_object().unwrap().contains_key("photo"));
    let empty = mock.v2("GET", "/photos/favorites", None).await;
    assert_eq!(empty["photos"], json!([]));

    let a_photos = ids(&mock.v2("GET", &format!("/models/{a}/photos"), None).await["photos"]);
    let b_photos = ids(&mock.v2("GET", &format!("/models/{b}/photos"), None).await["photos"]);
    mock.control(
        "POST",
        &format!("/__mock/models/{a}/favorite"),
        Some(json!({"photoId": b_photos[0]})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{a}/favorite"),
        Some(json!({"photoId": a_photos[3]})),
    )
    .await;
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{b}/favorite"),
        Some(json!({"photoId": b_photos[5]})),
    )
    .await;

    let chosen = mock
        .v2(
            "GET",
            &format!("/models/{a}/photos/favorite?include=all"),
            None,
        )
        .await;
    assert_eq!(chosen["photo"]["id"], a_photos[3].as_str());
    assert!(chosen["photo"]["urls"]["original"].is_string());

    let favorites = mock.v2("GET", "/photos/favorites", None).await;
    assert_eq!(
        ids(&favorites["photos"]),
        [a_photos[3].clone(), b_photos[5].clone()]
    );
    let ida = &favorites["photos"][0];
    assert_eq!(ida["email"], "ida.lee@example.com");
    assert_eq!(ida["name"], "Ida Lee");
    assert_eq!(ida["teamId"], team.as_str());
    assert_eq!(ida["teamName"], "Legal");
    assert_eq!(ida["modelId"], a.as_str());
    assert_eq!(favorites["photos"][1]["name"], Value::Null);
    let legal = mock
        .v2(
            "GET",
            &format!("/photos/favorites?teamId={team}&limit=1"),
            None,
        )
        .await;
    assert_eq!(ids(&legal["photos"]), [a_photos[3].clone()]);
    assert_eq!(
        legal["pagination"],
        json!({"total": 1, "limit": 1, "offset": 0, "hasMore": false})
    );

    let onboarding = mock.model("new@example.com", false).await;
    mock.control(
        "POST",
        &format!("/__mock/models/{onboarding}/favorite"),
        Some(json!({"photoId": a_photos[0]})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn download_links_cover_all_or_the_chosen_photos() {
    let mock = Mock::start().await;
    let id = mock.active_model("d@example.com").await;
    let all = ids(&mock.v2("GET", &format!("/models/{id}/photos"), None).await["photos"]);
    let path = format!("/models/{id}/photos/download");

    let every = mock.v2("POST", &path, None).await;
    let downloads = every["downloads"].as_array().unwrap();
    assert_eq!(downloads.len(), 8);
    assert!(every["expiresAt"].is_string());
    for (item, photo) in downloads.iter().zip(&all) {
        assert_eq!(item["photoId"], photo.as_str());
        let (status, kind, _) = fetch(&mock, item["url"].as_str().unwrap()).await;
        assert_eq!((status, kind.as_str()), (200, "image/png"));
    }

    let some = mock
        .v2(
            "POST",
            &path,
            Some(json!({"photoIds": [all[4], all[1]], "include": "all"})),
        )
        .await;
    let downloads = some["downloads"].as_array().unwrap();
    assert_eq!(downloads.len(), 2);
    assert_eq!(downloads[0]["photoId"], all[4].as_str());
    assert_eq!(downloads[0]["url"], downloads[0]["urls"]["main"]);
    let (_, _, original) = fetch(&mock, downloads[0]["urls"]["original"].as_str().unwrap()).await;
    assert_eq!(decode(&original).0, 64);

    mock.v2_answer("POST", &path, Some(json!({"photoIds": ["nope"]})))
        .await
        .assert_error(404, "NOT_FOUND");
    mock.v2_answer("POST", &path, Some(json!({"photoIds": []})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.v2_answer("POST", &path, Some(json!({"include": "most"})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.v2_answer("POST", "/models/nope/photos/download", None)
        .await
        .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn seeded_models_are_active_with_photos() {
    let mock = Mock::start().await;
    let seeded = mock
        .control_ok("POST", "/__mock/seed", Some(json!({"models": 3})))
        .await;
    let ids: Vec<String> = seeded["modelIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 3);
    let active = mock.v2("GET", "/models?status=active&limit=2", None).await;
    assert_eq!(active["pagination"]["total"], 3);
    assert_eq!(active["pagination"]["hasMore"], true);
    let photos = mock
        .v2("GET", &format!("/models/{}/photos", ids[2]), None)
        .await;
    assert_eq!(photos["pagination"]["total"], 8);
    mock.control("POST", "/__mock/seed", Some(json!({"members": -1})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.control(
        "POST",
        "/__mock/seed",
        Some(json!({"members": 1, "teamId": "nope"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
}
