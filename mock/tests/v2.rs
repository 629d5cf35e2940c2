//! The V2 routes: teams, members, invites, models, the V2 spellings of the seed's
//! operations, pagination and both envelopes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Mock;
use headshotpro_mock::MockConfig;
use serde_json::{json, Value};

fn emails(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn teams_are_listed_and_managed_through_the_v2_spellings() {
    let mock = Mock::start().await;
    assert_eq!(mock.v2("GET", "/teams", None).await["teams"], json!([]));
    let created = mock
        .v2("POST", "/teams", Some(json!({"name": "Design"})))
        .await;
    let id = created["team"]["id"].as_str().unwrap().to_owned();
    assert_eq!(created["team"]["name"], "Design");
    assert_eq!(created["organization"]["teams"][0]["id"], id.as_str());
    mock.v2_answer("POST", "/teams", Some(json!({"name": "design"})))
        .await
        .assert_error(400, "ALREADY_EXISTS");
    mock.v2(
        "PUT",
        &format!("/teams/{id}"),
        Some(json!({"name": "Brand"})),
    )
    .await;
    let teams = mock.v2("GET", "/teams", None).await;
    assert_eq!(teams["teams"], json!([{"id": id, "name": "Brand"}]));

    let invite = mock
        .v2(
            "POST",
            "/invites",
            Some(json!({"email": "ann@example.com"})),
        )
        .await;
    let invite_id = invite["id"].as_str().unwrap();
    mock.control_ok("POST", &format!("/__mock/invites/{invite_id}/accept"), None)
        .await;
    mock.v2(
        "POST",
        &format!("/teams/{id}/members"),
        Some(json!({"emails": ["ann@example.com"]})),
    )
    .await;
    mock.v2_answer(
        "POST",
        &format!("/teams/{id}/members"),
        Some(json!({"emails": ["stranger@example.com"]})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
    let members = mock.v2("GET", "/team", None).await;
    assert_eq!(members["members"][0]["teamId"], id.as_str());
    assert_eq!(members["members"][0]["teamName"], "Brand");

    mock.v2("DELETE", &format!("/teams/{id}"), None).await;
    mock.v2_answer("DELETE", &format!("/teams/{id}"), None)
        .await
        .assert_error(404, "NOT_FOUND");
    assert_eq!(mock.v2("GET", "/teams", None).await["teams"], json!([]));
}

#[tokio::test]
async fn members_are_derived_from_invites_and_models_and_filtered_by_status() {
    let mock = Mock::start().await;
    let pending = mock.invite("pending@example.com").await;
    let accepted = mock.invite("jane.doe@example.com").await;
    let finished = mock.invite("done@example.com").await;
    mock.control_ok("POST", &format!("/__mock/invites/{accepted}/accept"), None)
        .await;
    for _ in 0..3 {
        mock.control_ok("POST", &format!("/__mock/invites/{finished}/advance"), None)
            .await;
    }
    let model = mock.model("jane.doe@example.com", true).await;

    let all = mock.v2("GET", "/team", None).await;
    assert_eq!(
        emails(&all["members"]),
        [
            "jane.doe@example.com",
            "done@example.com",
            "pending@example.com"
        ]
    );
    let jane = &all["members"][0];
    assert_eq!(jane["status"], "accepted");
    assert_eq!(jane["name"], "Jane Doe");
    assert_eq!(jane["modelId"], model.as_str());
    assert_eq!(jane["modelStatus"], "onboarding");
    assert!(jane["joinedAt"].is_string());
    assert_eq!(all["members"][1]["status"], "finished");
    let invitee = &all["members"][2];
    assert_eq!(invitee["status"], "pending");
    assert_eq!(invitee["id"], pending.as_str());
    assert_eq!(invitee["joinedAt"], Value::Null);
    assert_eq!(
        all["pagination"],
        json!({"total": 3, "limit": 50, "offset": 0, "hasMore": false})
    );

    for (status, expected) in [
        ("pending", "pending@example.com"),
        ("accepted", "jane.doe@example.com"),
        ("finished", "done@example.com"),
    ] {
        let page = mock
            .v2("GET", &format!("/team?status={status}"), None)
            .await;
        assert_eq!(emails(&page["members"]), [expected], "{status}");
        assert_eq!(page["pagination"]["total"], 1);
    }
    mock.v2_answer("GET", "/team?status=gone", None)
        .await
        .assert_error(400, "INVALID_REQUEST");
}

#[tokio::test]
async fn pagination_walks_pages_and_refuses_bad_limits_and_offsets() {
    let mock = Mock::start().await;
    let seeded = mock
        .control_ok("POST", "/__mock/seed", Some(json!({"members": 5})))
        .await;
    assert_eq!(seeded["members"], 5);

    let first = mock.v2("GET", "/team?limit=2", None).await;
    assert_eq!(
        first["pagination"],
        json!({"total": 5, "limit": 2, "offset": 0, "hasMore": true})
    );
    assert_eq!(
        emails(&first["members"]),
        ["seed-1@example.com", "seed-2@example.com"]
    );
    let last = mock.v2("GET", "/team?limit=2&offset=4", None).await;
    assert_eq!(emails(&last["members"]), ["seed-5@example.com"]);
    assert_eq!(last["pagination"]["hasMore"], false);
    let exact = mock.v2("GET", "/team?limit=5", None).await;
    assert_eq!(exact["pagination"]["hasMore"], false);
    let past = mock.v2("GET", "/team?offset=99", None).await;
    assert_eq!(past["members"], json!([]));
    assert_eq!(past["pagination"]["hasMore"], false);
    assert_eq!(
        mock.v2("GET", "/team?limit=200", None).await["pagination"]["limit"],
        200
    );

    for query in [
        "limit=0",
        "limit=201",
        "limit=-1",
        "limit=ten",
        "offset=-1",
        "offset=1.5",
    ] {
        for path in ["/team", "/models", "/invites", "/photos/favorites"] {
            mock.v2_answer("GET", &format!("{path}?{query}"), None)
                .await
                .assert_error(400, "INVALID_REQUEST");
        }
    }
}

#[tokio::test]
async fn ten_thousand_members_seed_quickly_and_page_in_two_hundreds() {
    let mock = Mock::start().await;
    mock.control_ok("POST", "/__mock/seed", Some(json!({"members": 10_000})))
        .await;
    let mut seen = 0;
    let mut offset = 0;
    loop {
        let page = mock
            .v2("GET", &format!("/team?limit=200&offset={offset}"), None)
            .await;
        let n = page["members"].as_array().unwrap().len();
        seen += n;
        offset += n;
        assert_eq!(page["pagination"]["total"], 10_000);
        if page["pagination"]["hasMore"] == false {
            break;
        }
    }
    assert_eq!(seen, 10_000);
}

#[tokio::test]
async fn invites_v2_list_pages_and_retrieve_by_email_gives_the_latest() {
    let mock = Mock::start().await;
    let team = mock
        .v2("POST", "/teams", Some(json!({"name": "Ops"})))
        .await["team"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = mock
        .v2(
            "POST",
            "/invites",
            Some(json!({"email": "Bob@Example.com", "teamId": team})),
        )
        .await;
    assert!(first["link"].as_str().unwrap().contains("invite="));
    mock.v2(
        "POST",
        "/invites/revoke",
        Some(json!({"email": "bob@example.com"})),
    )
    .await;
    let by_email = mock.v2("GET", "/invites/bob@example.com", None).await;
    assert_eq!(by_email["invite"]["status"], "revoked");
    let second = mock
        .v2(
            "POST",
            "/invites",
            Some(json!({"email": "bob@example.com"})),
        )
        .await;
    let second_id = second["id"].as_str().unwrap().to_owned();
    let by_email = mock.v2("GET", "/invites/BOB%40example.com", None).await;
    let invite = &by_email["invite"];
    assert_eq!(invite["id"], second_id.as_str());
    assert_eq!(invite["status"], "pending");
    assert_eq!(invite["teamId"], Value::Null);
    assert!(invite["createdAt"].is_string());

    mock.control_ok("POST", &format!("/__mock/invites/{second_id}/accept"), None)
        .await;
    let model = mock.model("bob@example.com", true).await;
    let accepted = mock.v2("GET", "/invites/bob@example.com", None).await;
    assert_eq!(accepted["invite"]["status"], "accepted");
    assert_eq!(accepted["invite"]["modelId"], model.as_str());
    for _ in 0..2 {
        mock.control_ok(
            "POST",
            &format!("/__mock/invites/{second_id}/advance"),
            None,
        )
        .await;
    }
    let done = mock.v2("GET", "/invites/bob@example.com", None).await;
    assert_eq!(done["invite"]["status"], "completed");

    mock.v2_answer("GET", "/invites/nobody@example.com", None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.v2_answer("POST", "/invites/revoke", Some(json!({"email": "x@y.z"})))
        .await
        .assert_error(404, "NOT_FOUND");
    mock.v2_answer("POST", "/invites", Some(json!({"email": "nope"})))
        .await
        .assert_error(400, "INVALID_EMAIL");

    let list = mock.v2("GET", "/invites?limit=1", None).await;
    assert_eq!(list["invites"].as_array().unwrap().len(), 1);
    assert_eq!(
        list["pagination"],
        json!({"total": 2, "limit": 1, "offset": 0, "hasMore": true})
    );
    // The v1 list sees the same state.
    let v1 = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(v1.json["invites"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn models_are_created_listed_filtered_and_deleted_through_v2() {
    let mock = Mock::start().await;
    let team = mock
        .v2("POST", "/teams", Some(json!({"name": "Sales"})))
        .await["team"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = mock
        .v2(
            "POST",
            "/models",
            Some(json!({"email": "a@example.com", "version": "one-shot", "teamId": team})),
        )
        .await;
    let a = created["modelId"].as_str().unwrap().to_owned();
    assert_eq!(created["status"], "onboarding");
    assert!(created["signedUrl"].is_string());
    let b = mock.model("b@example.com", true).await;
    mock.v2_answer(
        "POST",
        "/models",
        Some(json!({"email": "c@example.com", "version": "v9"})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
    mock.v2_answer("POST", "/models", Some(json!({"email": "A@example.com"})))
        .await
        .assert_error(400, "ALREADY_EXISTS");

    let list = mock.v2("GET", "/models", None).await;
    let first = &list["models"][0];
    assert_eq!(first["id"], a.as_str());
    assert_eq!(first["email"], "a@example.com");
    assert_eq!(first["status"], "onboarding");
    assert_eq!(first["teamId"], team.as_str());
    assert_eq!(first["teamName"], "Sales");
    assert_eq!(first["version"], "one-shot");
    assert_eq!(first["isDevelopment"], false);
    assert!(first["createdAt"].is_string());
    assert_eq!(list["models"][1]["version"], "lora");
    assert_eq!(list["models"][1]["isDevelopment"], true);
    assert_eq!(list["pagination"]["total"], 2);

    let by_team = mock
        .v2("GET", &format!("/models?teamId={team}"), None)
        .await;
    assert_eq!(by_team["pagination"]["total"], 1);
    mock.v2_answer("GET", "/models?teamId=nope", None)
        .await
        .assert_error(404, "NOT_FOUND");

    mock.v2("DELETE", &format!("/models/{b}"), None).await;
    mock.v2_answer("DELETE", &format!("/models/{b}"), None)
        .await
        .assert_error(400, "ALREADY_DELETED");
    let deleted = mock.v2("GET", "/models?status=deleted", None).await;
    assert_eq!(deleted["models"][0]["id"], b.as_str());
    assert_eq!(deleted["pagination"]["total"], 1);
    let retrieved = mock.v2("GET", &format!("/models/{a}"), None).await;
    assert_eq!(retrieved["modelId"], a.as_str());
    mock.v2_answer("GET", "/models?status=sleeping", None)
        .await
        .assert_error(400, "INVALID_REQUEST");
    mock.v2_answer("GET", "/models/nope", None)
        .await
        .assert_error(404, "NOT_FOUND");

    mock.control_ok(
        "PUT",
        "/__mock/organization",
        Some(json!({"whitelabel": false})),
    )
    .await;
    mock.v2_answer("GET", "/models", None)
        .await
        .assert_error(403, "FORBIDDEN");
}

#[tokio::test]
async fn the_data_envelope_moves_fields_under_data_and_leaves_errors_alone() {
    let mock = Mock::start().await;
    mock.control_ok("POST", "/__mock/seed", Some(json!({"members": 3})))
        .await;
    let top = mock.v2("GET", "/team?limit=2", None).await;
    assert!(top["members"].is_array() && top["data"].is_null());

    let org = mock
        .control_ok(
            "PUT",
            "/__mock/organization",
            Some(json!({"envelope": "data"})),
        )
        .await;
    assert_eq!(org["organization"]["envelope"], "data");
    let wrapped = mock.v2("GET", "/team?limit=2", None).await;
    assert_eq!(wrapped["members"], Value::Null);
    assert_eq!(wrapped["data"]["members"], top["members"]);
    assert_eq!(wrapped["data"]["pagination"], top["pagination"]);
    let mut keys: Vec<_> = wrapped.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["data", "success"]);
    let created = mock
        .v2("POST", "/models", Some(json!({"email": "e@example.com"})))
        .await;
    assert!(created["data"]["modelId"].is_string());

    let error = mock.v2_answer("GET", "/models/nope", None).await;
    error.assert_error(404, "NOT_FOUND");
    assert!(error.json["data"].is_null());
    // The seed's v1 routes keep the reference's shapes.
    let v1 = mock.api("GET", "/api/v1/organization/credits", None).await;
    assert_eq!(v1.json["credits"], 100);
}

#[tokio::test]
async fn a_bad_envelope_setting_is_refused() {
    let mock = Mock::with(MockConfig::default()).await;
    mock.control(
        "PUT",
        "/__mock/organization",
        Some(json!({"envelope": "sideways"})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
}

#[tokio::test]
async fn v2_routes_need_the_key() {
    let mock = Mock::start().await;
    for path in [
        "/teams",
        "/team",
        "/models",
        "/invites",
        "/photos/favorites",
    ] {
        mock.send("GET", &format!("/api/v2/organization{path}"), None, None)
            .await
            .assert_error(401, "UNAUTHORIZED");
    }
}
