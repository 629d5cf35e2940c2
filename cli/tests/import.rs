//! `invites import` against the mock: a few hundred rows with duplicates and
//! bad rows, a run killed mid-way and resumed from its journal, Ctrl-C, the
//! dry run, and the inputs that are refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{json, run, Mock};
use headshotpro_mock::FaultSpec;

const INVITE: &str = "/api/v1/organization/invite";

/// 250 distinct people, 25 repeats in other cases, 15 bad emails and 5 rows
/// too short to have an email: 295 rows.
fn people_csv(dir: &Path) -> std::path::PathBuf {
    let mut text = String::from("name,email,team_id,department\n");
    for i in 0..250 {
        text.push_str(&format!("Person {i},person{i}@example.com,,Sales\n"));
        if i % 10 == 0 {
            text.push_str(&format!("Again {i},PERSON{i}@Example.com,,Sales\n"));
        }
        if i % 17 == 0 {
            text.push_str(&format!("Bad {i},person{i} at example.com,,Ops\n"));
        }
        if i % 50 == 0 {
            text.push_str("Short row\n");
        }
    }
    let path = dir.join("people.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn unique_sorted(mut emails: Vec<String>) -> Vec<String> {
    emails.sort();
    emails.dedup();
    emails
}

#[test]
fn a_few_hundred_rows_with_duplicates_and_bad_rows() {
    let mock = Mock::start(|c| c.credits = 1000);
    let dir = tempfile::tempdir().unwrap();
    let csv = people_csv(dir.path());
    let report = dir.path().join("report.csv");
    let summary = json(
        mock.cli()
            .args(["invites", "import"])
            .arg(&csv)
            .args(["--concurrency", "8", "--report"])
            .arg(&report),
    );
    assert_eq!(summary["rows"], 295);
    assert_eq!(summary["created"], 275, "{summary}");
    assert_eq!(summary["invalid"], 20);
    assert_eq!(summary["exists"], 0);
    assert_eq!(summary["failed"], 0);
    let results = summary["results"].as_array().unwrap();
    assert_eq!(results.len(), 295);
    let short = results
        .iter()
        .find(|r| r["email"] == "")
        .expect("a short row is reported");
    assert_eq!(short["outcome"], "invalid");
    assert!(short["error"].as_str().unwrap().contains("fields"));
    let again = results
        .iter()
        .find(|r| r["email"] == "PERSON10@Example.com")
        .unwrap();
    let first = results
        .iter()
        .find(|r| r["email"] == "person10@example.com")
        .unwrap();
    assert_eq!(again["inviteId"], first["inviteId"]);

    // One invite per person, one POST per person, nothing for the bad rows.
    let emails = mock.invite_emails();
    assert_eq!(emails.len(), 250);
    assert_eq!(unique_sorted(emails.clone()).len(), 250);
    assert!(emails
        .iter()
        .all(|e| e.starts_with("person") && e.contains('@')));
    assert_eq!(mock.invite_posts(), 250);

    let report = std::fs::read_to_string(report).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "email,outcome,invite_id,error");
    assert_eq!(lines.len(), 296);
    assert!(lines[1].starts_with("person0@example.com,created,"));
}

#[test]
fn a_killed_run_resumes_from_its_journal_without_sending_twice() {
    let mock = Mock::start(|c| c.credits = 1000);
    mock.server
        .inject_fault(FaultSpec {
            method: Some("POST".into()),
            delay: Some(Duration::from_millis(100)),
            times: 10_000,
            ..FaultSpec::new(INVITE)
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("email\n");
    for i in 0..120 {
        text.push_str(&format!("user{i}@example.com\n"));
    }
    let csv = dir.path().join("users.csv");
    std::fs::write(&csv, text).unwrap();
    let journal = dir.path().join("journal.jsonl");
    let import = |mock: &Mock| {
        let mut command = mock.cli();
        command
            .args(["--json", "invites", "import"])
            .arg(&csv)
            .args(["--concurrency", "4", "--journal"])
            .arg(&journal);
        command
    };

    let mut child = import(&mock)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let settled = std::fs::read_to_string(&journal)
            .map(|t| t.matches("\"outcome\"").count())
            .unwrap_or(0);
        if settled >= 20 {
            break;
        }
        assert!(Instant::now() < deadline, "the import made no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = mock.invite_posts();
    assert!(before < 120, "killed before the end: {before}");
    mock.server.clear_faults();

    let (code, stdout, stderr) = run(&mut import(&mock));
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(summary["created"], 120, "{summary}");
    assert_eq!(summary["exists"], 0, "nothing sent twice: {summary}");
    assert!(summary["resumed"].as_u64().unwrap() >= 20);
    let emails = mock.invite_emails();
    assert_eq!(emails.len(), 120);
    assert_eq!(unique_sorted(emails).len(), 120);
    // Rows settled before the kill were never sent again; at most the four
    // sends in flight at the kill could have been sent a second time.
    assert!(mock.invite_posts() <= 120 + 4, "{}", mock.invite_posts());

    // A third run finds everything settled and sends nothing.
    let posts = mock.invite_posts();
    let again = json(
        mock.cli()
            .args(["invites", "import"])
            .arg(&csv)
            .arg("--journal")
            .arg(&journal),
    );
    assert_eq!(again["resumed"], 120);
    assert_eq!(mock.invite_posts(), posts);
}

#[test]
fn ctrl_c_stops_with_130_and_says_how_to_resume() {
    let mock = Mock::start(|_| {});
    mock.server
        .inject_fault(FaultSpec {
            delay: Some(Duration::from_millis(200)),
            times: 10_000,
            ..FaultSpec::new(INVITE)
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("u.csv");
    let rows: String = (0..50).map(|i| format!("u{i}@example.com\n")).collect();
    std::fs::write(&csv, format!("email\n{rows}")).unwrap();
    let journal = dir.path().join("j.jsonl");
    let child = mock
        .cli()
        .args(["invites", "import"])
        .arg(&csv)
        .arg("--journal")
        .arg(&journal)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::fs::read_to_string(&journal)
        .map(|t| t.matches("\"outcome\"").count())
        .unwrap_or(0)
        < 2
    {
        assert!(Instant::now() < deadline);
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("--journal"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_dry_run_counts_and_checks_the_balance_and_sends_nothing() {
    let mock = Mock::start(|c| c.credits = 3);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    std::fs::write(
        &csv,
        "email\na@example.com\nb@example.com\nA@EXAMPLE.com\nnope\nc@example.com\nd@example.com\n",
    )
    .unwrap();
    let plan = json(
        mock.cli()
            .args(["invites", "import", "--dry-run"])
            .arg(&csv),
    );
    assert_eq!(plan["dryRun"], true);
    assert_eq!(plan["rows"], 6);
    assert_eq!(plan["toSend"], 4);
    assert_eq!(plan["duplicates"], 1);
    assert_eq!(plan["invalid"], 1);
    assert_eq!(plan["creditsNeeded"], 4);
    assert_eq!(plan["balance"], 3);
    assert_eq!(plan["enough"], false);
    assert_eq!(plan["invalidRows"][0]["row"], 5);
    assert_eq!(mock.invite_posts(), 0);
}

#[test]
fn a_csv_without_an_email_column_names_the_columns_found() {
    let mock = Mock::start(|_| {});
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("x.csv");
    std::fs::write(&csv, "name,mail,team\nAda,ada@example.com,\n").unwrap();
    let (code, _, stderr) = run(mock.cli().args(["invites", "import"]).arg(&csv));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no 'email' column"), "{stderr}");
    assert!(stderr.contains("\"name\", \"mail\", \"team\""), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(mock.server.requests().is_empty());
}

#[test]
fn a_journal_of_another_file_is_refused() {
    let mock = Mock::start(|_| {});
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.csv");
    let second = dir.path().join("b.csv");
    std::fs::write(&first, "email\na@example.com\n").unwrap();
    std::fs::write(&second, "email\nb@example.com\n").unwrap();
    let journal = dir.path().join("j.jsonl");
    let (code, _, stderr) = run(mock
        .cli()
        .args(["invites", "import"])
        .arg(&first)
        .arg("--journal")
        .arg(&journal));
    assert_eq!(code, 0, "{stderr}");
    let posts = mock.invite_posts();
    let (code, _, stderr) = run(mock
        .cli()
        .args(["invites", "import"])
        .arg(&second)
        .arg("--journal")
        .arg(&journal));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("another input file"), "{stderr}");
    assert_eq!(mock.invite_posts(), posts);
}

#[test]
fn stdin_input_and_rows_that_fail_exit_1_with_a_report() {
    let mock = Mock::start(|c| c.invite_limit = Some(2));
    let mut child = mock
        .cli()
        .args(["--json", "invites", "import", "-", "--concurrency", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"email\na@example.com\nb@example.com\nc@example.com\nd@example.com\n")
            .unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["created"], 2);
    assert_eq!(summary["failed"], 2);
    let error = summary["results"][3]["error"].as_str().unwrap();
    assert!(
        error.starts_with("InviteLimitError (INVITE_LIMIT_EXCEEDED"),
        "{error}"
    );
    assert_eq!(mock.invite_posts(), 3, "nothing sent past the limit");
}
