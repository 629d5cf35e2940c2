//! The operations from the command line: `--json` shapes, tables, exit codes
//! 0/1/2, the missing-key message, `--api-key-file`, and `headshotpro mock`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{bare, json, run, Mock};

#[test]
fn json_shapes_of_the_operations() {
    let mock = Mock::start(|c| c.credits = 42);
    assert_eq!(
        json(mock.cli().arg("credits")),
        serde_json::json!({"credits": 42})
    );
    let org = json(mock.cli().args(["teams", "create", "Design"]));
    assert!(org["uid"].is_string() && org["name"].is_string());
    let team = org["teams"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(org["teams"][0]["name"], "Design");
    assert_eq!(
        json(mock.cli().args(["teams", "list"]))[0]["id"],
        team.as_str()
    );
    let renamed = json(
        mock.cli()
            .args(["teams", "update", &team, "--name", "Brand"]),
    );
    assert_eq!(renamed["teams"][0]["name"], "Brand");

    let invite = json(
        mock.cli()
            .args(["invites", "create", "ada@example.com", "--team", &team]),
    );
    assert_eq!(invite["email"], "ada@example.com");
    assert_eq!(invite["teamId"], team.as_str());
    let id = invite["id"].as_str().unwrap();
    assert!(invite["link"].as_str().unwrap().contains(id));
    let list = json(mock.cli().args(["invites", "list"]));
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["valid"], true);
    let details = json(mock.cli().args(["invites", "retrieve", id]));
    assert_eq!(details["status"], "pending-invite");
    let v2 = json(
        mock.cli()
            .args(["invites", "retrieve-by-email", "ada@example.com"]),
    );
    assert_eq!(v2["status"], "pending");
    let members = json(mock.cli().args(["members", "list", "--limit", "1"]));
    assert_eq!(members["total"], 1);
    assert_eq!(members["hasMore"], false);
    assert_eq!(members["nextOffset"], serde_json::Value::Null);
    assert_eq!(members["data"][0]["email"], "ada@example.com");
    assert_eq!(
        json(mock.cli().args(["invites", "revoke", "ada@example.com"])),
        serde_json::json!({"revoked": "ada@example.com"})
    );

    let model = json(
        mock.cli()
            .args(["models", "create", "m@example.com", "--development"]),
    );
    let model_id = model["modelId"].as_str().unwrap().to_owned();
    assert_eq!(model["status"], "onboarding");
    assert!(model["signedUrl"].is_string());
    let models = json(mock.cli().args(["models", "list", "--all"]));
    assert_eq!(models["data"][0]["id"], model_id.as_str());
    mock.server.complete_onboarding(&model_id).unwrap();
    let active = json(
        mock.cli()
            .args(["models", "wait", &model_id, "--wait-timeout", "30"]),
    );
    assert_eq!(active["status"], "active");
    let photos = json(
        mock.cli()
            .args(["photos", "list", &model_id, "--limit", "3"]),
    );
    assert_eq!(photos["data"].as_array().unwrap().len(), 3);
    assert_eq!(photos["hasMore"], true);
    assert_eq!(photos["nextOffset"], 3);
    let photo_id = photos["data"][0]["id"].as_str().unwrap().to_owned();
    let photo = json(
        mock.cli()
            .args(["photos", "retrieve", &model_id, &photo_id]),
    );
    assert_eq!(photo["id"], photo_id.as_str());
    assert_eq!(
        json(mock.cli().args(["photos", "favorite", &model_id])),
        serde_json::Value::Null
    );
    let links =
        json(
            mock.cli()
                .args(["photos", "download-links", &model_id, "--photo", &photo_id]),
        );
    assert_eq!(links["downloads"][0]["photoId"], photo_id.as_str());
    let dir = tempfile::tempdir().unwrap();
    let saved = json(
        mock.cli()
            .args(["photos", "save", &model_id])
            .arg(dir.path())
            .args(["--photo", &photo_id]),
    );
    assert_eq!(saved["saved"][0]["photoId"], photo_id.as_str());
    assert_eq!(saved["failed"], serde_json::json!([]));
    let favorites = json(mock.cli().args(["photos", "favorites"]));
    assert_eq!(favorites["data"], serde_json::json!([]));
    let deleted = json(mock.cli().args(["models", "delete", &model_id]));
    assert_eq!(deleted["modelId"], model_id.as_str());
}

#[test]
fn tables_on_a_terminal_or_a_pipe_without_json() {
    let mock = Mock::start(|_| {});
    let (code, stdout, _) = run(mock.cli().args(["teams", "create", "Design"]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("TEAM ID") && stdout.contains("Design"),
        "{stdout}"
    );
    let (_, stdout, _) = run(mock.cli().arg("credits"));
    assert_eq!(stdout, "100\n");
}

#[test]
fn api_errors_exit_1_with_one_line_naming_class_and_code() {
    let mock = Mock::start(|_| {});
    let (code, stdout, stderr) = run(mock.cli().args(["models", "retrieve", "nope"]));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("NotFoundError (NOT_FOUND, HTTP 404)"),
        "{stderr}"
    );

    let (code, _, stderr) = run(bare().env("HEADSHOTPRO_API_KEY", "wrong").args([
        "--base-url",
        mock.server.url(),
        "credits",
    ]));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("AuthenticationError (UNAUTHORIZED"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("wrong"),
        "the key is never printed: {stderr}"
    );

    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let (code, _, stderr) = run(bare()
        .env("HEADSHOTPRO_API_KEY", "k")
        .args(["--max-retries", "0", "--base-url"])
        .arg(format!("http://127.0.0.1:{closed}"))
        .arg("credits"));
    assert_eq!(code, 1);
    assert!(stderr.contains("APIConnectionError"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let mock = Mock::start(|_| {});
    let (code, _, stderr) = run(bare().arg("frobnicate"));
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(mock.cli().args(["invites", "create", "not-an-email"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("InvalidArgumentError"), "{stderr}");
    let (code, _, stderr) = run(bare().args(["--base-url", mock.server.url(), "credits"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("HEADSHOTPRO_API_KEY"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (code, _, stderr) = run(bare().args(["--api-key-file", "/nonexistent/key", "credits"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(mock.server.requests().is_empty());
    let (code, stdout, _) = run(bare().arg("--help"));
    assert_eq!(code, 0);
    assert!(stdout.contains("HEADSHOTPRO_API_KEY"));
}

#[test]
fn the_key_can_come_from_a_file() {
    let mock = Mock::start(|_| {});
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("key");
    std::fs::write(&file, format!("{}\n", mock.server.api_key())).unwrap();
    let (code, stdout, stderr) = run(bare()
        .args(["--base-url", mock.server.url(), "--api-key-file"])
        .arg(&file)
        .arg("credits"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "100\n");
}

#[test]
fn add_members_reads_emails_from_a_file() {
    let mock = Mock::start(|_| {});
    let org = json(mock.cli().args(["teams", "create", "All"]));
    let team = org["teams"][0]["id"].as_str().unwrap().to_owned();
    mock.server
        .seed(headshotpro_mock::SeedRequest {
            members: 3,
            ..Default::default()
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("emails.txt");
    std::fs::write(&file, "seed-2@example.com\n\nseed-3@example.com\n").unwrap();
    let org = json(
        mock.cli()
            .args([
                "teams",
                "add-members",
                &team,
                "seed-1@example.com",
                "--emails-file",
            ])
            .arg(&file),
    );
    assert_eq!(org["teams"][0]["id"], team.as_str());
    let members = json(mock.cli().args(["members", "list"]));
    assert!(members["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["teamId"] == team.as_str()));
}

#[test]
fn the_mock_subcommand_takes_the_mock_flags() {
    let mut mock = bare()
        .args([
            "mock",
            "--port",
            "0",
            "--credits",
            "7",
            "--exit-on-stdin-close",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(mock.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let info: serde_json::Value = serde_json::from_str(&first).unwrap();
    let url = info["url"].as_str().unwrap();
    let key = info["api_key"].as_str().unwrap();
    let (code, stdout, _) =
        run(bare()
            .env("HEADSHOTPRO_API_KEY", key)
            .args(["--base-url", url, "credits"]));
    assert_eq!(code, 0);
    assert_eq!(stdout, "7\n");
    drop(mock.stdin.take());
    assert_eq!(mock.wait().unwrap().code(), Some(0));
}
