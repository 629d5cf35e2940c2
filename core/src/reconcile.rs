//! Settling calls whose first answer was lost (SPEC "Reconciling an ambiguous
//! create"): a DELETE that finds its object gone, and a create that meets
//! ALREADY_EXISTS after an ambiguous failure. The server keeps one pending
//! invite and one model per email, so the object is looked up by email and
//! returned when it is not older than the first attempt; otherwise the
//! original ambiguous error is raised.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::log::LogLevel;
use crate::page::Page;
use crate::transport::Ambiguous;
use crate::types::{DeletedModel, Invite, Model, ModelListParams, ModelStatus, ModelSummary};
use crate::Client;

/// Clock skew allowed between this machine and the server.
const SKEW: Duration = Duration::from_secs(5);
/// Items per page of the model list.
const PAGE: i64 = 200;
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
        Err(err) => return inconclusive(client, ambiguous, "invites.list failed", &err),
    };
    let ours = list
        .into_iter()
        .filter(|i| same_email(&i.email, email) && i.team_id.as_deref() == team_id)
        .filter(|i| fresh(i.created_at, ambiguous.started))
        .max_by_key(|i| i.created_at);
    match ours {
        Some(found) => {
            client.transport.config().observers.log(LogLevel::Info, || {
                format!(
                    "invites.create: the resent invite met ALREADY_EXISTS; found the first one ({})",
                    found.id
                )
            });
            Ok(Invite {
                id: found.id,
                email: found.email,
                link: found.link,
                team_id: found.team_id,
                message: None,
            })
        }
        None => inconclusive(
            client,
            ambiguous,
            "no invite this recent for the email",
            &"none",
        ),
    }
}

/// The model an ambiguous `models.create` made: found in the model list, then
/// retrieved for a fresh signed URL.
pub(crate) async fn model(client: &Client, email: &str, ambiguous: Ambiguous) -> Result<Model> {
    let id = match find_model(client, email, ambiguous.started).await {
        Ok(Some(id)) => id,
        Ok(None) => {
            return inconclusive(
                client,
                ambiguous,
                "no model this recent for the email",
                &"none",
            )
        }
        Err(err) => return inconclusive(client, ambiguous, "the model list failed", &err),
    };
    match client.models().retrieve(&id).await {
        Ok(model) => {
            client.transport.config().observers.log(LogLevel::Info, || {
                format!("models.create: the resent create met ALREADY_EXISTS; found the first model ({id})")
            });
            Ok(model)
        }
        Err(err) => inconclusive(client, ambiguous, "models.retrieve failed", &err),
    }
}

/// Looks through `models.list` for a live model of this email created since
/// `started`. The order of the list is not documented: the first page is
/// read, then pages from the end backwards (where a list in creation order
/// keeps the newest), up to [`MAX_PAGES`].
async fn find_model(
    client: &Client,
    email: &str,
    started: DateTime<Utc>,
) -> Result<Option<String>> {
    let first = model_page(client, 0).await?;
    if let Some(id) = newest(&first.items, email, started) {
        return Ok(Some(id));
    }
    if !first.has_more {
        return Ok(None);
    }
    for offset in backwards(first.total).take(MAX_PAGES - 1) {
        let page = model_page(client, offset).await?;
        if let Some(id) = newest(&page.items, email, started) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// One page of the model list.
async fn model_page(client: &Client, offset: i64) -> Result<Page<ModelSummary>> {
    let params = ModelListParams {
        limit: Some(PAGE),
        offset: Some(offset),
        ..ModelListParams::default()
    };
    client.models().list(params).await
}

/// The offsets of the pages after the first, last page first.
fn backwards(total: i64) -> impl Iterator<Item = i64> {
    let last = total.saturating_sub(1).max(0) / PAGE;
    (1..=last).rev().map(|n| n * PAGE)
}

/// The newest live model of this email created since `started`.
fn newest(models: &[ModelSummary], email: &str, started: DateTime<Utc>) -> Option<String> {
    models
        .iter()
        .filter(|m| same_email(&m.email, email) && m.status != ModelStatus::Deleted)
        .filter(|m| fresh(m.created_at, started))
        .max_by_key(|m| m.created_at)
        .map(|m| m.id.clone())
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
fn inconclusive<T>(
    client: &Client,
    ambiguous: Ambiguous,
    why: &str,
    cause: &dyn std::fmt::Display,
) -> Result<T> {
    client.transport.config().observers.log(LogLevel::Warn, || {
        format!(
            "could not settle an ambiguous create: {why} ({cause}); raising {}",
            ambiguous.error
        )
    });
    Err(ambiguous.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_after_the_first_are_read_from_the_end() {
        assert_eq!(backwards(0).count(), 0);
        assert_eq!(backwards(200).count(), 0);
        assert_eq!(backwards(201).collect::<Vec<_>>(), vec![200]);
        assert_eq!(backwards(650).collect::<Vec<_>>(), vec![600, 400, 200]);
        assert_eq!(backwards(-5).count(), 0);
    }

    #[test]
    fn freshness_allows_a_little_skew() {
        let started = Utc::now();
        assert!(fresh(started - chrono::Duration::seconds(4), started));
        assert!(!fresh(started - chrono::Duration::seconds(6), started));
        assert!(same_email(" Ada@Example.com", "ada@example.com "));
    }
}
