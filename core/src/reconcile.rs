//! Settling calls whose first answer was lost (SPEC "Reconciling an ambiguous
//! create"): a DELETE that finds its object gone, and a create that meets
//! ALREADY_EXISTS after an ambiguous failure. The server keeps one pending
//! invite and one model per email, so the object is looked up by email and
//! returned when it is not older than the first attempt; otherwise the
//! original ambiguous error is raised.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::Value;

use crate::error::Result;
use crate::transport::{Ambiguous, Call};
use crate::types::{DeletedModel, Invite, Model};
use crate::Client;

/// Clock skew allowed between this machine and the server.
const SKEW: Duration = Duration::from_secs(5);
/// Items per page of the model list.
const PAGE: usize = 200;
/// Pages of the model list read before the lookup gives up.
const MAX_PAGES: usize = 25;

/// What `models.delete` returns when a resend found the model already gone.
pub(crate) fn deleted_model(model_id: &str) -> DeletedModel {
    DeletedModel {
        model_id: model_id.to_owned(),
        message: "Model deleted (a retry found it already deleted)".to_owned(),
    }
}

/// The invite an ambiguous `invites.create` made, from the invite list.
pub(crate) async fn invite(
    client: &Client,
    email: &str,
    team_id: Option<&str>,
    ambiguous: Ambiguous,
) -> Result<Invite> {
    let list = match client.invites().list().await {
        Ok(list) => list,
        Err(err) => return inconclusive(ambiguous, "invites.list failed", &err),
    };
    let ours = list
        .into_iter()
        .filter(|i| same_email(&i.email, email) && i.team_id.as_deref() == team_id)
        .filter(|i| fresh(i.created_at, ambiguous.started))
        .max_by_key(|i| i.created_at);
    match ours {
        Some(found) => {
            tracing::info!(invite = %found.id, "the resent invite met ALREADY_EXISTS; found the first one");
            Ok(Invite {
                id: found.id,
                email: found.email,
                link: found.link,
                team_id: found.team_id,
                message: None,
            })
        }
        None => inconclusive(ambiguous, "no invite this recent for the email", &"none"),
    }
}

/// The model an ambiguous `models.create` made: found in the model list, then
/// retrieved for a fresh signed URL.
pub(crate) async fn model(client: &Client, email: &str, ambiguous: Ambiguous) -> Result<Model> {
    let id = match find_model(client, email, ambiguous.started).await {
        Ok(Some(id)) => id,
        Ok(None) => return inconclusive(ambiguous, "no model this recent for the email", &"none"),
        Err(err) => return inconclusive(ambiguous, "the model list failed", &err),
    };
    match client.models().retrieve(&id).await {
        Ok(model) => {
            tracing::info!(model = %id, "the resent create met ALREADY_EXISTS; found the first model");
            Ok(model)
        }
        Err(err) => inconclusive(ambiguous, "models.retrieve failed", &err),
    }
}

/// Looks through `GET /api/v2/organization/models` for a live model of this
/// email created since `started`. The order of the list is not documented:
/// the first page is read, then pages from the end backwards (where a list
/// in creation order keeps the newest), up to [`MAX_PAGES`].
async fn find_model(
    client: &Client,
    email: &str,
    started: DateTime<Utc>,
) -> Result<Option<String>> {
    let first = model_page(client, 0).await?;
    if let Some(id) = first.find(email, started) {
        return Ok(Some(id));
    }
    let Some(total) = first.total.filter(|_| first.has_more) else {
        return Ok(None);
    };
    let last = total.saturating_sub(1) / PAGE * PAGE;
    let offsets = (1..=last / PAGE).rev().map(|n| n * PAGE);
    for offset in offsets.take(MAX_PAGES - 1) {
        let page = model_page(client, offset).await?;
        if let Some(id) = page.find(email, started) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// One page of the model list.
async fn model_page(client: &Client, offset: usize) -> Result<Page> {
    let call = Call::new(
        "models.list",
        Method::GET,
        format!("/api/v2/organization/models?limit={PAGE}&offset={offset}"),
    );
    let (_, body) = client.transport.send_raw(&call).await?;
    let answer: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Ok(Page::read(&answer))
}

/// The entries of one page of the model list, and what it says of the rest.
#[derive(Debug, Default)]
struct Page {
    entries: Vec<Entry>,
    total: Option<usize>,
    has_more: bool,
}

impl Page {
    /// Reads a page leniently: `{models: [...], pagination}`, the same inside
    /// `data`, or `data: [...]`.
    fn read(answer: &Value) -> Self {
        let root = answer
            .get("data")
            .filter(|d| !d.is_null())
            .unwrap_or(answer);
        let entries = root
            .as_array()
            .or_else(|| root.get("models").and_then(Value::as_array))
            .or_else(|| root.get("items").and_then(Value::as_array))
            .map(|items| items.iter().filter_map(entry).collect())
            .unwrap_or_default();
        let pagination = |field: &str| {
            [root, answer]
                .into_iter()
                .find_map(|v| v.get("pagination")?.get(field).cloned())
        };
        Self {
            entries,
            total: pagination("total")
                .and_then(|t| t.as_u64())
                .and_then(|t| usize::try_from(t).ok()),
            has_more: pagination("hasMore")
                .and_then(|m| m.as_bool())
                .unwrap_or(false),
        }
    }

    /// The newest live entry of this email created since `started`.
    fn find(&self, email: &str, started: DateTime<Utc>) -> Option<String> {
        self.entries
            .iter()
            .filter(|m| m.email.as_deref().is_some_and(|e| same_email(e, email)))
            .filter(|m| m.status.as_deref() != Some("deleted"))
            .filter(|m| m.created_at.is_some_and(|at| fresh(at, started)))
            .max_by_key(|m| m.created_at)
            .map(|m| m.id.clone())
    }
}

/// The fields of a model-list entry the lookup needs.
#[derive(Debug)]
struct Entry {
    id: String,
    email: Option<String>,
    status: Option<String>,
    created_at: Option<DateTime<Utc>>,
}

fn entry(item: &Value) -> Option<Entry> {
    let text = |name: &str| item.get(name).and_then(Value::as_str).map(str::to_owned);
    Some(Entry {
        id: text("id")
            .or_else(|| text("_id"))
            .or_else(|| text("modelId"))?,
        email: text("email"),
        status: text("status"),
        created_at: text("createdAt")
            .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
            .map(|at| at.with_timezone(&Utc)),
    })
}

/// Emails compare without case or surrounding spaces.
fn same_email(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Not older than the first attempt, allowing [`SKEW`].
fn fresh(created_at: DateTime<Utc>, started: DateTime<Utc>) -> bool {
    let skew = chrono::Duration::from_std(SKEW).unwrap_or_default();
    created_at >= started - skew
}

/// Raises the original ambiguous error, saying why the lookup failed.
fn inconclusive<T>(ambiguous: Ambiguous, why: &str, cause: &dyn std::fmt::Display) -> Result<T> {
    tracing::warn!(error = %ambiguous.error, cause = %cause, "could not settle an ambiguous create: {why}");
    Err(ambiguous.error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn model_pages_are_read_at_the_top_level_or_inside_data() {
        let item = json!({"id": "m1", "email": "a@b.co", "status": "onboarding",
            "createdAt": "2026-01-01T00:00:00.000Z"});
        for answer in [
            json!({"models": [item], "pagination": {"hasMore": true}}),
            json!({"data": {"models": [item], "pagination": {"hasMore": true}}}),
            json!({"data": [item], "pagination": {"hasMore": true}}),
        ] {
            let page = Page::read(&answer);
            assert_eq!(page.entries.len(), 1, "{answer}");
            assert_eq!(page.entries[0].id, "m1");
            assert!(page.has_more);
        }
        let page = Page::read(&json!({"models": [{"_id": "m2"}, {"email": "x"}],
            "pagination": {"total": 2}}));
        assert_eq!(
            (page.entries.len(), page.has_more, page.total),
            (1, false, Some(2))
        );
        assert!(Page::read(&json!("nonsense")).entries.is_empty());
    }

    #[test]
    fn freshness_allows_a_little_skew() {
        let started = Utc::now();
        assert!(fresh(started - chrono::Duration::seconds(4), started));
        assert!(!fresh(started - chrono::Duration::seconds(6), started));
        assert!(same_email(" Ada@Example.com", "ada@example.com "));
    }
}
