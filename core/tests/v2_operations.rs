//! The current API's single calls against a scripted server: paths, query
//! parameters, bodies, both envelopes, the favorite-none case, and the
//! read-only POST that is retried like a GET.
#![allow(clippy::unwrap_used)]

mod fake;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use fake::{json, not_found, Fake};
use futures_util::TryStreamExt;
use headshotpro::{
    FavoriteListParams, InviteV2Status, LikedStatus, ModelCreateParams, ModelVersion, PhotoInclude,
    PhotoListParams, PhotoStatus,
};
use serde_json::{json, Value};

fn photo(id: &str) -> Value {
    json!({"id": id, "modelId": "m1", "status": "active", "likedStatus": "liked",
           "createdAt": "2024-01-15T10:30:00Z",
           "urls": {"main": format!("https://cdn.test/{id}.jpg?sig=s3cr3t"),
                    "thumbnail": format!("https://cdn.test/{id}_t.jpg?sig=s3cr3t")},
           "expiresAt": "2024-01-16T10:30:00Z"})
}

#[tokio::test]
async fn teams_list_in_either_envelope() {
    let fake = Fake::start(|r| match r.param("shape") {
        _ if r.header("authorization") != Some(&format!("Bearer {}", fake::KEY)) => not_found(),
        _ => json(
            200,
            json!({"success": true, "data": {"teams": [{"id": "t1", "name": "Design", "memberCount": 3}]}}),
        ),
    })
    .await;
    let teams = fake.client().teams().list().await.unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(
        (teams[0].id.as_str(), teams[0].name.as_str()),
        ("t1", "Design")
    );
    let r = &fake.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("GET", "/api/v2/organization/teams")
    );

    let top = Fake::start(|_| json(200, json!({"success": true, "teams": []}))).await;
    assert!(top.client().teams().list().await.unwrap().is_empty());
}

#[tokio::test]
async fn invite_by_email_is_one_encoded_path_segment() {
    let fake = Fake::start(|_| {
        json(
            200,
            json!({"success": true, "invite": {"email": "ada+x@example.com", "status": "uploading",
                   "teamId": "t1", "teamName": "Design", "createdAt": "2024-01-15T10:30:00Z"}}),
        )
    })
    .await;
    let client = fake.client();
    let invite = client
        .invites()
        .retrieve_by_email("ada+x/../@example.com")
        .await
        .unwrap();
    assert_eq!(invite.status, InviteV2Status::Uploading);
    assert_eq!(invite.team_name.as_deref(), Some("Design"));
    assert!(invite.created_at.is_some() && invite.model_id.is_none());
    let r = &fake.requests()[0];
    assert_eq!(
        r.path,
        "/api/v2/organization/invites/ada%2Bx%2F..%2F%40example.com"
    );

    let err = client
        .invites()
        .retrieve_by_email("nope")
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn models_create_sends_the_version_only_when_set() {
    let fake = Fake::start(|_| {
        json(
            200,
            json!({"success": true, "modelId": "m1", "status": "onboarding",
                   "isDevelopment": true, "signedUrl": "https://x.test/auth?token=t"}),
        )
    })
    .await;
    let client = fake.client();
    let model = client
        .models()
        .create_with(
            ModelCreateParams::new("ada@example.com")
                .team_id("t1")
                .development(true)
                .version(ModelVersion::OneShot),
        )
        .await
        .unwrap();
    assert_eq!(model.model_id, "m1");
    client
        .models()
        .create("ada@example.com", None, false)
        .await
        .unwrap();
    let bodies: Vec<Value> = fake.requests().iter().map(|r| r.json()).collect();
    assert_eq!(
        bodies[0],
        json!({"email": "ada@example.com", "teamId": "t1", "isDevelopment": true, "version": "one-shot"})
    );
    assert_eq!(
        bodies[1],
        json!({"email": "ada@example.com", "isDevelopment": false})
    );
    let err = client
        .models()
        .create_with(ModelCreateParams::new("bad"))
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn photos_list_retrieve_and_filters() {
    let fake = Fake::start(|r| match r.path.as_str() {
        "/api/v2/organization/models/m%201/photos" => json(
            200,
            json!({"success": true, "photos": [photo("p1"), photo("p2")],
                   "pagination": {"total": 2, "limit": 50, "offset": 0, "hasMore": false}}),
        ),
        "/api/v2/organization/models/m%201/photos/p1" => json(
            200,
            json!({"success": true, "data": {"photo": photo("p1")}}),
        ),
        _ => not_found(),
    })
    .await;
    let client = fake.client();
    let page = client
        .photos()
        .list(
            "m 1",
            PhotoListParams::new()
                .status(PhotoStatus::Active)
                .liked_status(LikedStatus::Liked)
                .include(PhotoInclude::All),
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].liked_status, LikedStatus::Liked);
    assert!(page.items[0].urls.thumbnail.is_some());
    let r = &fake.requests()[0];
    assert_eq!(
        (
            r.param("status"),
            r.param("likedStatus"),
            r.param("include")
        ),
        (Some("active"), Some("liked"), Some("all"))
    );

    let one = client
        .photos()
        .retrieve("m 1", "p1", Some(PhotoInclude::Main))
        .await
        .unwrap();
    assert_eq!(one.id, "p1");
    assert_eq!(fake.requests()[1].param("include"), Some("main"));
    assert!(!format!("{one:?}").contains("s3cr3t"));

    let err = client
        .photos()
        .retrieve("m 1", "nope", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");
    assert_eq!(err.as_api().unwrap().operation, "photos.retrieve");

    let err = client
        .photos()
        .retrieve("m 1", "favorite", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    let err = client
        .photos()
        .retrieve("..", "p1", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert_eq!(fake.requests().len(), 3);

    let all: Vec<_> = client
        .photos()
        .stream("m 1", PhotoListParams::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn favorite_is_none_until_chosen() {
    let chosen = Arc::new(AtomicUsize::new(0));
    let state = Arc::clone(&chosen);
    let fake = Fake::start(move |_| match state.load(Ordering::SeqCst) {
        0 => json(200, json!({"success": true, "photo": null})),
        1 => json(200, json!({"success": true, "data": {"photo": null}})),
        _ => json(200, json!({"success": true, "photo": photo("p2")})),
    })
    .await;
    let client = fake.client();
    assert!(client
        .photos()
        .favorite("m1", None)
        .await
        .unwrap()
        .is_none());
    chosen.store(1, Ordering::SeqCst);
    assert!(client
        .photos()
        .favorite("m1", None)
        .await
        .unwrap()
        .is_none());
    chosen.store(2, Ordering::SeqCst);
    let favorite = client
        .photos()
        .favorite("m1", Some(PhotoInclude::All))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(favorite.id, "p2");
    let paths: Vec<String> = fake.requests().iter().map(|r| r.path.clone()).collect();
    assert!(paths
        .iter()
        .all(|p| p == "/api/v2/organization/models/m1/photos/favorite"));
}

#[tokio::test]
async fn download_links_is_a_read_only_post_retried_like_a_get() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let fake = Fake::start(move |r| {
        if r.path == "/api/v1/organization/teams" {
            return json(503, json!({"success": false, "error": "busy"}));
        }
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            return json(503, json!({"success": false, "error": "busy"}));
        }
        json(
            200,
            json!({"success": true, "data": {
                "downloads": [{"photoId": "p1", "url": "https://cdn.test/p1.jpg?sig=1"},
                              {"id": "p2", "urls": {"main": "https://cdn.test/p2.jpg?sig=2"}}],
                "expiresAt": "2024-01-16T10:30:00Z"}}),
        )
    })
    .await;
    let client = fake.client_with(|b| b.max_retries(2));
    let ids = vec!["p1".to_owned(), "p2".to_owned()];
    let links = client
        .photos()
        .download_links("m1", Some(&ids), Some(PhotoInclude::All))
        .await
        .unwrap();
    assert_eq!(links.downloads.len(), 2);
    assert_eq!(links.downloads[1].photo_id, "p2");
    assert_eq!(links.downloads[1].url, "https://cdn.test/p2.jpg?sig=2");
    assert!(!format!("{links:?}").contains("sig=2"));
    let posts = fake.requests_to("/api/v2/organization/models/m1/photos/download");
    assert_eq!(posts.len(), 2, "the 503 was retried");
    assert_eq!(posts[0].method, "POST");
    assert_eq!(
        posts[0].json(),
        json!({"photoIds": ["p1", "p2"], "include": "all"})
    );

    // A create the server cannot reconcile meeting the same 503 is not resent.
    let err = client.teams().create("Design").await.unwrap_err();
    assert_eq!(err.class_name(), "ServerError");
    assert_eq!(fake.requests_to("/api/v1/organization/teams").len(), 1);

    let err = client
        .photos()
        .download_links("m1", Some(&[]), None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
}

#[tokio::test]
async fn organization_favorites_with_their_members() {
    let fake = Fake::start(|r| {
        let mut entry = photo("p9");
        entry["email"] = json!("ada@example.com");
        entry["name"] = json!("Ada");
        entry["teamId"] = json!(r.param("teamId").unwrap_or("none"));
        json(
            200,
            json!({"success": true, "favorites": [entry],
                   "pagination": {"total": 1, "limit": 10, "offset": 0, "hasMore": false}}),
        )
    })
    .await;
    let client = fake.client();
    let page = client
        .photos()
        .favorites(FavoriteListParams::new().team_id("t1").limit(10))
        .await
        .unwrap();
    let fav = &page.items[0];
    assert_eq!(fav.email.as_deref(), Some("ada@example.com"));
    assert_eq!(fav.team_id.as_deref(), Some("t1"));
    assert_eq!(fav.id, "p9");
    let r = &fake.requests()[0];
    assert_eq!(r.path, "/api/v2/organization/photos/favorites");
    assert_eq!(
        (r.param("teamId"), r.param("limit")),
        (Some("t1"), Some("10"))
    );
    let all: Vec<_> = client
        .photos()
        .favorites_stream(FavoriteListParams::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
}
