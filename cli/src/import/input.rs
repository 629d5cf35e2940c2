//! Reading the CSV of an import: the `email` column (and an optional
//! `team_id`), every other column ignored, a bad row reported for that row.

use std::io::Read;

use sha2::{Digest, Sha256};

use crate::failure::{Failure, Outcome};

/// One data row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    /// The email field, trimmed (empty when the row has none).
    pub email: String,
    /// The team_id field, when the column exists and the field is not empty.
    pub team_id: Option<String>,
    /// Why the row cannot be used, when it cannot.
    pub problem: Option<String>,
}

/// The rows of the file and the hash that ties a journal to it.
#[derive(Debug)]
pub struct Input {
    /// The data rows, in file order.
    pub rows: Vec<Row>,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// Reads `path` (`-`: standard input).
pub fn read(path: &str) -> Outcome<Input> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?;
    parse(&bytes, path)
}

/// Parses the CSV text; `name` names it in messages.
pub fn parse(bytes: &[u8], name: &str) -> Outcome<Input> {
    let sha256 = hex::encode(Sha256::digest(bytes));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .byte_headers()
        .map_err(|e| Failure::usage(format!("{name}: cannot read the header row: {e}")))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_owned()
        })
        .collect();
    let find = |wanted: &[&str]| {
        names
            .iter()
            .position(|n| wanted.iter().any(|w| n.eq_ignore_ascii_case(w)))
    };
    let Some(email_at) = find(&["email"]) else {
        let found = if names.iter().all(String::is_empty) {
            "none".to_owned()
        } else {
            names
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(Failure::usage(format!(
            "{name} has no 'email' column; the columns found are: {found}"
        )));
    };
    let team_at = find(&["team_id", "teamId"]);

    let mut rows = Vec::new();
    let mut last_line = 1;
    for record in reader.byte_records() {
        let row = match record {
            Ok(record) => {
                let line = record.position().map_or(last_line + 1, |p| p.line());
                let field = |at: usize| record.get(at).map(|f| std::str::from_utf8(f));
                let (email, mut problem) = match field(email_at) {
                    Some(Ok(email)) => (email.to_owned(), None),
                    Some(Err(_)) => (
                        String::new(),
                        Some("the email is not valid UTF-8".to_owned()),
                    ),
                    None => (
                        String::new(),
                        Some(format!(
                            "the row has {} fields; the email is field {}",
                            record.len(),
                            email_at + 1
                        )),
                    ),
                };
                let team_id = match team_at.and_then(field) {
                    Some(Ok(team)) if !team.is_empty() => Some(team.to_owned()),
                    Some(Err(_)) => {
                        problem.get_or_insert_with(|| "the team_id is not valid UTF-8".to_owned());
                        None
                    }
                    _ => None,
                };
                Row {
                    line,
                    email,
                    team_id,
                    problem,
                }
            }
            Err(error) => Row {
                line: error.position().map_or(last_line + 1, |p| p.line()),
                email: String::new(),
                team_id: None,
                problem: Some(format!("malformed CSV: {error}")),
            },
        };
        last_line = row.line;
        rows.push(row);
    }
    Ok(Input { rows, sha256 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_email_and_team_columns_and_ignores_the_rest() {
        let text =
            "\u{feff}Name, EMAIL ,team_id\nAda, ada@example.com ,t1\nBob,bob@example.com,\n\nEve\n";
        let input = parse(text.as_bytes(), "people.csv").unwrap();
        assert_eq!(input.rows.len(), 3);
        assert_eq!(input.rows[0].email, "ada@example.com");
        assert_eq!(input.rows[0].team_id.as_deref(), Some("t1"));
        assert_eq!(input.rows[0].line, 2);
        assert_eq!(input.rows[1].team_id, None);
        assert!(input.rows[2]
            .problem
            .as_deref()
            .unwrap()
            .contains("1 fields"));
        assert_eq!(input.sha256.len(), 64);
    }

    #[test]
    fn a_file_without_email_names_the_columns_found() {
        let Err(Failure::Usage(message)) = parse(b"name,mail\nA,a@b.co\n", "x.csv") else {
            panic!("expected a usage failure");
        };
        assert!(message.contains("\"name\", \"mail\""), "{message}");
    }

    #[test]
    fn bad_bytes_spoil_only_their_row() {
        let mut text = b"email\na@b.co\n".to_vec();
        text.extend_from_slice(b"\xff\xfe@x.co\nc@d.co\n");
        let input = parse(&text, "x.csv").unwrap();
        assert_eq!(input.rows.len(), 3);
        assert!(input.rows[1].problem.is_some());
        assert!(input.rows[2].problem.is_none());
    }
}
