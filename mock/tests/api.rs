//! The API endpoints over real HTTP: success bodies, every error code, auth, credits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Mock;
use headshotpro_mock::{MockConfig, OrganizationConfig};
use serde_json::{json, Value};

fn is_object_id(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        s.len() == 24
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    })
}

fn is_timestamp(value: &Value) -> bool {
    // 2024-01-15T10:30:00.000Z
    value.as_str().is_some_and(|s| {
        s.len() == 24
            && s.ends_with('Z')
            && s.as_bytes()[10] == b'T'
            && s.as_bytes()[19] == b'.'
            && chrono::DateTime::parse_from_rfc3339(s).is_ok()
    })
}

#[tokio::test]
async fn organization_and_credits_answer_the_reference_shapes() {
    let mock = Mock::start().await;
    let org = mock.api("GET", "/api/v1/organization", None).await;
    assert_eq!(org.status, 200);
    assert_eq!(org.json["success"], true);
    let o = &org.json["organization"];
    assert!(is_object_id(&o["uid"]));
    assert!(o["name"].is_string() && o["website"].is_string());
    assert_eq!(o["teams"], json!([]));
    let mut keys: Vec<_> = o.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["name", "teams", "uid", "website"]);
    assert!(org
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));

    let credits = mock.api("GET", "/api/v1/organization/credits", None).await;
    assert_eq!(credits.json, json!({"success": true, "credits": 100}));
}

#[tokio::test]
async fn missing_or_wrong_keys_are_unauthorized() {
    let mock = Mock::start().await;
    let paths = [
        ("GET", "/api/v1/organization"),
        ("GET", "/api/v1/organization/credits"),
        ("POST", "/api/v1/organization/invite"),
        ("POST", "/api/v2/organization/whitelabel/model/create"),
        ("GET", "/api/v2/organization/whitelabel/model/get/abc"),
    ];
    for (method, path) in paths {
        mock.send(method, path, None, None)
            .await
            .assert_error(401, "UNAUTHORIZED");
        mock.send(method, path, Some("wrong"), None)
            .await
            .assert_error(401, "UNAUTHORIZED");
    }
    let basic = mock
        .http
        .get(format!("{}/api/v1/organization", mock.url))
        .header("authorization", format!("Basic {}", mock.key))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 401);
}

#[tokio::test]
async fn unknown_paths_are_not_found_and_wrong_methods_are_refused() {
    let mock = Mock::start().await;
    mock.api("GET", "/api/v1/nothing", None)
        .await
        .assert_error(404, "NOT_FOUND");
    let wrong = mock
        .api("DELETE", "/api/v1/organization/credits", None)
        .await;
    assert_eq!(wrong.status, 405);
    assert_eq!(wrong.json["success"], false);
}

#[tokio::test]
async fn invites_create_list_retrieve_revoke() {
    let mock = Mock::start().await;
    let team = mock
        .api(
            "POST",
            "/api/v1/organization/teams",
            Some(json!({"name": "Design"})),
        )
        .await;
    let team_id = team.json["organization"]["teams"][0]["id"].clone();

    let created = mock
        .api(
            "POST",
            "/api/v1/organization/invite",
            Some(json!({"email": "ada@example.com", "teamId": team_id})),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let c = &created.json;
    let id = c["id"].as_str().unwrap().to_owned();
    assert!(is_object_id(&c["id"]));
    assert_eq!(c["success"], true);
    assert_eq!(c["input"], json!({"email": "ada@example.com"}));
    assert_eq!(c["message"], "Invite sent");
    assert_eq!(
        c["link"],
        format!("https://www.headshotpro.com/auth/signup?invite={id}")
    );
    assert_eq!(c["teamId"], team_id);
    let mut keys: Vec<_> = c.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["id", "input", "link", "message", "success", "teamId"]
    );

    let plain = mock.invite("bob@example.com").await;
    let list = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(list.status, 200);
    let invites = list.json["invites"].as_array().unwrap();
    assert_eq!(invites.len(), 2);
    let first = &invites[0];
    assert_eq!(first["id"], id.as_str());
    assert_eq!(first["email"], "ada@example.com");
    assert_eq!(first["valid"], true);
    assert_eq!(first["used"], false);
    assert_eq!(first["teamId"], team_id);
    assert!(is_timestamp(&first["createdAt"]), "{}", first["createdAt"]);
    assert_eq!(first["link"], c["link"]);
    assert_eq!(invites[1]["teamId"], Value::Null);

    let one = mock
        .api("GET", &format!("/api/v1/organization/invite/id/{id}"), None)
        .await;
    assert_eq!(
        one.json,
        json!({"success": true, "invite": {"email": "ada@example.com", "status": "pending-invite", "teamId": team_id}})
    );

    let revoked = mock
        .api(
            "POST",
            "/api/v1/organization/invite/revoke",
            Some(json!({"email": "bob@example.com"})),
        )
        .await;
    assert_eq!(
        revoked.json,
        json!({"success": true, "message": "Invite revoked", "input": {"email": "bob@example.com"}})
    );
    let bob = mock
        .api(
            "GET",
            &format!("/api/v1/organization/invite/id/{plain}"),
            None,
        )
        .await;
    assert_eq!(bob.json["invite"]["status"], "revoked");
    let list = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(list.json["invites"][1]["valid"], false);
    assert_eq!(list.json["invites"][1]["used"], false);

    mock.api(
        "POST",
        "/api/v1/organization/invite/revoke",
        Some(json!({"email": "bob@example.com"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    assert_eq!(
        mock.credits().await,
        100,
        "invites cost nothing until upload"
    );
}

#[tokio::test]
async fn invite_errors() {
    let mock = Mock::start().await;
    let path = "/api/v1/organization/invite";
    mock.api("POST", path, Some(json!({"email": "nobody"})))
        .await
        .assert_error(400, "INVALID_EMAIL");
    mock.api("POST", path, Some(json!({})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", path, Some(json!({"email": ""})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", path, Some(json!({"email": 5})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", path, None)
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api(
        "POST",
        path,
        Some(json!({"email": "a@b.co", "teamId": "nope"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.api("GET", "/api/v1/organization/invite/id/nope", None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.api(
        "POST",
        "/api/v1/organization/invite/revoke",
        Some(json!({"email": "x"})),
    )
    .await
    .assert_error(400, "INVALID_EMAIL");
    for raw in ["{", "[1]", "not json", "\"text\"", "{\"email\": }"] {
        mock.send("POST", path, Some(&mock.key), Some(raw))
            .await
            .assert_error(400, "INVALID_REQUEST");
    }
}

#[tokio::test]
async fn an_email_has_at_most_one_pending_invite() {
    let mock = Mock::start().await;
    let path = "/api/v1/organization/invite";
    let first = mock.invite("ada@example.com").await;
    mock.api("POST", path, Some(json!({"email": " ADA@example.com"})))
        .await
        .assert_error(400, "ALREADY_EXISTS");
    mock.api(
        "POST",
        "/api/v2/organization/invites",
        Some(json!({"email": "ada@example.com"})),
    )
    .await
    .assert_error(400, "ALREADY_EXISTS");
    mock.api(
        "POST",
        "/api/v1/organization/invite/revoke",
        Some(json!({"email": "ada@example.com"})),
    )
    .await;
    let second = mock.invite("ada@example.com").await;
    assert_ne!(first, second, "a revoked invite leaves room for a new one");
}

#[tokio::test]
async fn invites_need_a_credit_and_respect_the_pending_limit() {
    let mock = Mock::with(MockConfig {
        credits: 0,
        ..MockConfig::default()
    })
    .await;
    mock.api(
        "POST",
        "/api/v1/organization/invite",
        Some(json!({"email": "a@b.co"})),
    )
    .await
    .assert_error(402, "INSUFFICIENT_CREDITS");

    let limited = Mock::with(MockConfig {
        invite_limit: Some(2),
        ..MockConfig::default()
    })
    .await;
    let first = limited.invite("one@b.co").await;
    limited.invite("two@b.co").await;
    limited
        .api(
            "POST",
            "/api/v1/organization/invite",
            Some(json!({"email": "three@b.co"})),
        )
        .await
        .assert_error(429, "INVITE_LIMIT_EXCEEDED");
    limited
        .control_ok("POST", &format!("/__mock/invites/{first}/accept"), None)
        .await;
    limited.invite("three@b.co").await;
}

#[tokio::test]
async fn teams_create_update_delete_and_add_members() {
    let mock = Mock::start().await;
    let created = mock
        .api(
            "POST",
            "/api/v1/organization/teams",
            Some(json!({"name": "Design"})),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let org = &created.json["organization"];
    assert!(org["description"].is_string());
    assert!(is_object_id(&org["uid"]));
    let team_id = org["teams"][0]["id"].as_str().unwrap().to_owned();
    assert!(is_object_id(&org["teams"][0]["id"]));
    assert_eq!(org["teams"][0]["name"], "Design");
    let mut keys: Vec<_> = org.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["description", "name", "teams", "uid", "website"]);

    let team_path = format!("/api/v1/organization/teams/{team_id}");
    let updated = mock
        .api("PUT", &team_path, Some(json!({"name": "Brand"})))
        .await;
    assert_eq!(updated.json["organization"]["teams"][0]["name"], "Brand");
    mock.api("PUT", &team_path, Some(json!({"name": ""})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api(
        "PUT",
        "/api/v1/organization/teams/nope",
        Some(json!({"name": "X"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.api(
        "POST",
        "/api/v1/organization/teams",
        Some(json!({"name": "  "})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", "/api/v1/organization/teams", Some(json!({})))
        .await
        .assert_error(400, "INVALID_REQUEST");

    // Members: only accepted invites count.
    let invite = mock.invite("ada@example.com").await;
    let add = format!("{team_path}/add-members");
    let refused = mock
        .api("POST", &add, Some(json!({"emails": ["ada@example.com"]})))
        .await;
    refused.assert_error(400, "INVALID_REQUEST");
    assert!(refused.json["error"]
        .as_str()
        .unwrap()
        .contains("ada@example.com"));
    mock.control_ok("POST", &format!("/__mock/invites/{invite}/accept"), None)
        .await;
    let added = mock
        .api("POST", &add, Some(json!({"emails": ["ADA@example.com"]})))
        .await;
    assert_eq!(added.status, 200, "{}", added.text);
    assert_eq!(
        added.json["organization"]["teams"][0]["id"],
        team_id.as_str()
    );
    let state = mock.control_ok("GET", "/__mock/state", None).await;
    assert_eq!(
        state["organizations"][0]["members"][0]["teamId"],
        team_id.as_str()
    );
    mock.api(
        "POST",
        &add,
        Some(json!({"emails": ["ada@example.com", "eve@example.com"]})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", &add, Some(json!({"emails": []})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api("POST", &add, Some(json!({"emails": "ada@example.com"})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api(
        "POST",
        "/api/v1/organization/teams/nope/add-members",
        Some(json!({"emails": ["ada@example.com"]})),
    )
    .await
    .assert_error(404, "NOT_FOUND");

    // Deleting the team keeps the member, without a team.
    let other = mock
        .api(
            "POST",
            "/api/v1/organization/teams",
            Some(json!({"name": "Other"})),
        )
        .await;
    assert_eq!(
        other.json["organization"]["teams"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let deleted = mock.api("DELETE", &team_path, None).await;
    assert_eq!(deleted.status, 200);
    let teams = deleted.json["organization"]["teams"].as_array().unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0]["name"], "Other");
    let state = mock.control_ok("GET", "/__mock/state", None).await;
    let member = &state["organizations"][0]["members"][0];
    assert_eq!(member["email"], "ada@example.com");
    assert_eq!(member["teamId"], Value::Null);
    mock.api("DELETE", &team_path, None)
        .await
        .assert_error(404, "NOT_FOUND");
    let org = mock.api("GET", "/api/v1/organization", None).await;
    assert_eq!(org.json["organization"]["teams"][0]["name"], "Other");
}

#[tokio::test]
async fn models_create_retrieve_delete() {
    let mock = Mock::start().await;
    let created = mock
        .api(
            "POST",
            "/api/v2/organization/whitelabel/model/create",
            Some(json!({"email": "user@example.com"})),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let c = &created.json;
    assert!(is_object_id(&c["modelId"]));
    assert_eq!(c["status"], "onboarding");
    assert!(c.get("isDevelopment").is_none(), "only present when true");
    let url = c["signedUrl"].as_str().unwrap();
    assert!(url.starts_with("https://www.yourproheadshots.com/auth/social?token="));
    assert!(url.ends_with("&anonymous=1"));
    let id = c["modelId"].as_str().unwrap().to_owned();

    let dev = mock
        .api(
            "POST",
            "/api/v2/organization/whitelabel/model/create",
            Some(json!({"email": "dev@example.com", "isDevelopment": true})),
        )
        .await;
    assert_eq!(dev.json["isDevelopment"], true);

    let got = mock
        .api(
            "GET",
            &format!("/api/v2/organization/whitelabel/model/get/{id}"),
            None,
        )
        .await;
    assert_eq!(got.json["modelId"], id.as_str());
    assert_eq!(got.json["status"], "onboarding");
    assert_ne!(got.json["signedUrl"], c["signedUrl"], "a new signed URL");

    let delete_path = format!("/api/v2/organization/whitelabel/model/delete/{id}");
    let deleted = mock.api("DELETE", &delete_path, None).await;
    assert_eq!(
        deleted.json,
        json!({"success": true, "message": "Model deleted successfully", "modelId": id})
    );
    assert_eq!(mock.model_status(&id).await, "deleted");
    mock.api("DELETE", &delete_path, None)
        .await
        .assert_error(400, "ALREADY_DELETED");
    assert_eq!(mock.credits().await, 100, "creation spends nothing");

    // The email is free again once its model is deleted.
    mock.model("user@example.com", false).await;
}

#[tokio::test]
async fn model_errors() {
    let mock = Mock::start().await;
    let create = "/api/v2/organization/whitelabel/model/create";
    mock.api("POST", create, Some(json!({"email": "nobody"})))
        .await
        .assert_error(400, "INVALID_EMAIL");
    mock.api("POST", create, Some(json!({"isDevelopment": true})))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api(
        "POST",
        create,
        Some(json!({"email": "a@b.co", "isDevelopment": "yes"})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
    mock.send("POST", create, Some(&mock.key), Some("{\"email\""))
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.api(
        "POST",
        create,
        Some(json!({"email": "a@b.co", "teamId": "nope"})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.model("a@b.co", false).await;
    mock.api(
        "POST",
        create,
        Some(json!({"email": "A@B.co", "isDevelopment": true})),
    )
    .await
    .assert_error(400, "ALREADY_EXISTS");
    mock.api(
        "GET",
        "/api/v2/organization/whitelabel/model/get/nope",
        None,
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.api(
        "DELETE",
        "/api/v2/organization/whitelabel/model/delete/nope",
        None,
    )
    .await
    .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn models_need_whitelabel_and_credits_except_development_ones() {
    let mock = Mock::with(MockConfig {
        credits: 0,
        ..MockConfig::default()
    })
    .await;
    let create = "/api/v2/organization/whitelabel/model/create";
    mock.api("POST", create, Some(json!({"email": "a@b.co"})))
        .await
        .assert_error(402, "INSUFFICIENT_CREDITS");
    mock.model("dev@b.co", true).await;

    let closed = Mock::with(MockConfig {
        whitelabel: false,
        ..MockConfig::default()
    })
    .await;
    closed
        .api("POST", create, Some(json!({"email": "a@b.co"})))
        .await
        .assert_error(403, "FORBIDDEN");
    closed
        .api("GET", "/api/v2/organization/whitelabel/model/get/x", None)
        .await
        .assert_error(403, "FORBIDDEN");
    closed
        .api(
            "DELETE",
            "/api/v2/organization/whitelabel/model/delete/x",
            None,
        )
        .await
        .assert_error(403, "FORBIDDEN");
}

#[tokio::test]
async fn organizations_are_isolated_by_key() {
    let mut second = OrganizationConfig::new("hp_test_second");
    second.name = "Second".to_owned();
    second.credits = 3;
    second.whitelabel = false;
    let mock = Mock::with(MockConfig {
        organizations: vec![second],
        ..MockConfig::default()
    })
    .await;
    let org = mock
        .api_as("hp_test_second", "GET", "/api/v1/organization", None)
        .await;
    assert_eq!(org.json["organization"]["name"], "Second");
    let credits = mock
        .api_as(
            "hp_test_second",
            "GET",
            "/api/v1/organization/credits",
            None,
        )
        .await;
    assert_eq!(credits.json["credits"], 3);
    let id = mock.invite("a@b.co").await;
    mock.api_as(
        "hp_test_second",
        "GET",
        &format!("/api/v1/organization/invite/id/{id}"),
        None,
    )
    .await
    .assert_error(404, "NOT_FOUND");
    mock.api_as(
        "hp_test_second",
        "POST",
        "/api/v2/organization/whitelabel/model/create",
        Some(json!({"email": "a@b.co"})),
    )
    .await
    .assert_error(403, "FORBIDDEN");
    let default_org = mock.api("GET", "/api/v1/organization", None).await;
    assert_ne!(
        default_org.json["organization"]["uid"],
        org.json["organization"]["uid"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundreds_of_parallel_invites_are_all_kept() {
    let mock = std::sync::Arc::new(Mock::start().await);
    let mut tasks = Vec::new();
    for i in 0..300 {
        let mock = mock.clone();
        tasks.push(tokio::spawn(async move {
            mock.api(
                "POST",
                "/api/v1/organization/invite",
                Some(json!({"email": format!("user{i}@example.com")})),
            )
            .await
            .status
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let list = mock.api("GET", "/api/v1/organization/invites", None).await;
    let invites = list.json["invites"].as_array().unwrap();
    assert_eq!(invites.len(), 300);
    let mut ids: Vec<_> = invites.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 300, "ids are unique");
    assert_eq!(mock.credits().await, 100);

    // Uploads in parallel spend exactly one credit each.
    let mut uploads = Vec::new();
    for invite in invites.iter().take(150) {
        let mock = mock.clone();
        let id = invite["id"].as_str().unwrap().to_owned();
        uploads.push(tokio::spawn(async move {
            mock.control("POST", &format!("/__mock/invites/{id}/accept"), None)
                .await;
            mock.control("POST", &format!("/__mock/invites/{id}/upload"), None)
                .await
                .status
        }));
    }
    let mut statuses = Vec::new();
    for task in uploads {
        statuses.push(task.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 100);
    assert_eq!(statuses.iter().filter(|s| **s == 402).count(), 50);
    assert_eq!(mock.credits().await, 0);
}
