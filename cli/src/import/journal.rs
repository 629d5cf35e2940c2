//! The import journal: one JSON object a line, appended as the import goes,
//! so an interrupted run (Ctrl-C, a crash, a kill) resumes without sending
//! anything twice.
//!
//! ```text
//! {"journal":"headshotpro-import","version":1,"inputSha256":"…","rows":500}
//! {"row":17,"email":"ada@example.com","intent":"2025-01-01T10:00:00.123Z"}
//! {"row":17,"email":"ada@example.com","outcome":"created","inviteId":"…","error":null}
//! ```
//!
//! The intent line is written before an invite is sent and the outcome line
//! after it settles. Each line is handed to the operating system before the
//! send goes on, so a crash of the process loses nothing; a power cut may
//! lose the last lines (then the invite is looked up on resume, as for any
//! intent without an outcome). A half-written last line is ignored.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::failure::{Failure, Outcome};

/// The journal's kind, in its first line.
const KIND: &str = "headshotpro-import";
/// The format version.
const VERSION: u32 = 1;

/// The first line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    journal: String,
    version: u32,
    input_sha256: String,
    rows: usize,
}

/// Every later line: an intent or an outcome.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    row: usize,
    email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    intent: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    invite_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// How a row ended, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    /// `created`, `exists`, `invalid` or `failed`.
    pub outcome: String,
    /// The invite, when created.
    pub invite_id: Option<String>,
    /// Why, when it failed or was invalid.
    pub error: Option<String>,
}

/// A send that was started and whose outcome was never recorded.
#[derive(Debug, Clone)]
pub struct Unsettled {
    /// The row.
    pub row: usize,
    /// The email sent.
    pub email: String,
    /// When the send was about to start.
    pub at: DateTime<Utc>,
}

/// What an earlier run recorded.
#[derive(Debug, Default)]
pub struct Earlier {
    /// Rows that settled.
    pub settled: HashMap<usize, Settled>,
    /// Sends that started and never settled, to be looked up.
    pub unsettled: Vec<Unsettled>,
}

/// An open journal, appended to from any task.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
    /// The first write error, if any: the run then cannot promise a resume.
    broken: Mutex<Option<String>>,
}

impl Journal {
    /// Opens (or creates) the journal of this input. A journal written for
    /// other input bytes is refused.
    pub fn open(path: &Path, input_sha256: &str, rows: usize) -> Outcome<(Self, Earlier)> {
        let shown = path.display();
        let existing = match File::open(path) {
            Ok(file) => Some(read(file, path, input_sha256)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Failure::usage(format!("cannot read journal {shown}: {e}"))),
        };
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Failure::usage(format!("cannot write journal {shown}: {e}")))?;
        if existing.is_some() && !ends_with_newline(path) {
            // A line cut short by a crash: the next line starts on its own.
            file.write_all(b"\n")
                .map_err(|e| Failure::usage(format!("cannot write journal {shown}: {e}")))?;
        }
        let earlier = match existing {
            Some(Some(earlier)) => earlier,
            _ => {
                let header = Header {
                    journal: KIND.to_owned(),
                    version: VERSION,
                    input_sha256: input_sha256.to_owned(),
                    rows,
                };
                write_line(&mut file, &header)
                    .map_err(|e| Failure::usage(format!("cannot write journal {shown}: {e}")))?;
                Earlier::default()
            }
        };
        let journal = Self {
            path: path.to_owned(),
            file: Mutex::new(file),
            broken: Mutex::new(None),
        };
        Ok((journal, earlier))
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records that `row`'s invite is about to be sent.
    pub fn intent(&self, row: usize, email: &str) {
        self.append(&Line {
            row,
            email: email.to_owned(),
            intent: Some(Utc::now()),
            outcome: None,
            invite_id: None,
            error: None,
        });
    }

    /// Records how `row` ended.
    pub fn settled(&self, row: usize, email: &str, settled: &Settled) {
        self.append(&Line {
            row,
            email: email.to_owned(),
            intent: None,
            outcome: Some(settled.outcome.clone()),
            invite_id: settled.invite_id.clone(),
            error: settled.error.clone(),
        });
    }

    /// The first write error, if any.
    pub fn broken(&self) -> Option<String> {
        self.broken
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn append(&self, line: &Line) {
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(error) = write_line(&mut file, line) {
            let mut broken = self
                .broken
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if broken.is_none() {
                eprintln!(
                    "headshotpro: error: cannot write journal {}: {error}",
                    self.path.display()
                );
                *broken = Some(error.to_string());
            }
        }
    }
}

/// Whether the file is empty or ends with a line break.
fn ends_with_newline(path: &Path) -> bool {
    std::fs::read(path).map_or(true, |bytes| bytes.last().map_or(true, |b| *b == b'\n'))
}

/// One JSON line, written in one call and handed to the operating system.
fn write_line(file: &mut File, value: &impl Serialize) -> std::io::Result<()> {
    let mut text = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    text.push(b'\n');
    file.write_all(&text)?;
    file.flush()
}

/// Reads an existing journal: `None` when it is empty (a fresh start).
fn read(file: File, path: &Path, input_sha256: &str) -> Outcome<Option<Earlier>> {
    let shown = path.display();
    let mut lines = BufReader::new(file).lines();
    let first = match lines.next() {
        None => return Ok(None),
        Some(line) => {
            line.map_err(|e| Failure::usage(format!("cannot read journal {shown}: {e}")))?
        }
    };
    if first.trim().is_empty() {
        return Ok(None);
    }
    let header: Header = serde_json::from_str(&first)
        .ok()
        .filter(|h: &Header| h.journal == KIND)
        .ok_or_else(|| {
            Failure::usage(format!(
                "{shown} is not a headshotpro import journal; give another --journal path"
            ))
        })?;
    if header.version != VERSION {
        return Err(Failure::usage(format!(
            "journal {shown} has version {}, this headshotpro writes version {VERSION}",
            header.version
        )));
    }
    if header.input_sha256 != input_sha256 {
        return Err(Failure::usage(format!(
            "journal {shown} was written for another input file (sha256 {}…, this input is \
             {}…); resume with the same file, or give another --journal path",
            &header.input_sha256[..header.input_sha256.len().min(12)],
            &input_sha256[..input_sha256.len().min(12)]
        )));
    }
    let mut earlier = Earlier::default();
    let mut intents: HashMap<usize, Unsettled> = HashMap::new();
    for line in lines {
        let Ok(text) = line else { break };
        // A line cut short by a crash is skipped: its send is looked up.
        let Ok(line) = serde_json::from_str::<Line>(&text) else {
            continue;
        };
        if let Some(outcome) = line.outcome {
            intents.remove(&line.row);
            earlier.settled.insert(
                line.row,
                Settled {
                    outcome,
                    invite_id: line.invite_id,
                    error: line.error,
                },
            );
        } else if let Some(at) = line.intent {
            earlier.settled.remove(&line.row);
            intents.insert(
                line.row,
                Unsettled {
                    row: line.row,
                    email: line.email,
                    at,
                },
            );
        }
    }
    earlier.unsettled = intents.into_values().collect();
    earlier.unsettled.sort_by_key(|u| u.row);
    Ok(Some(earlier))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(outcome: &str) -> Settled {
        Settled {
            outcome: outcome.to_owned(),
            invite_id: Some("i1".to_owned()),
            error: None,
        }
    }

    #[test]
    fn a_reopened_journal_tells_settled_rows_from_unsettled_sends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        {
            let (journal, earlier) = Journal::open(&path, "abc", 3).unwrap();
            assert!(earlier.settled.is_empty() && earlier.unsettled.is_empty());
            journal.intent(0, "a@b.co");
            journal.settled(0, "a@b.co", &settled("created"));
            journal.intent(1, "c@d.co");
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("{\"row\":2,\"ema");
        std::fs::write(&path, text).unwrap();
        {
            let (journal, earlier) = Journal::open(&path, "abc", 3).unwrap();
            assert_eq!(earlier.settled[&0], settled("created"));
            assert_eq!(earlier.unsettled.len(), 1);
            assert_eq!(earlier.unsettled[0].email, "c@d.co");
            journal.settled(1, "c@d.co", &settled("exists"));
        }
        let (_, earlier) = Journal::open(&path, "abc", 3).unwrap();
        assert_eq!(earlier.settled[&1], settled("exists"));
        assert!(earlier.unsettled.is_empty());

        let Err(Failure::Usage(message)) = Journal::open(&path, "other", 3) else {
            panic!("a journal of another input must be refused");
        };
        assert!(message.contains("another input file"), "{message}");
    }
}
