//! `invites import FILE.csv`: invite everyone in a CSV through the core's
//! `create_many`, with a dry run, a progress display, a journal to resume
//! from, and a per-row report.

mod input;
mod journal;
mod progress;
mod report;
mod resume;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use headshotpro::{plan_invites, BulkInviteResult, CreateManyOptions, InvitePlan, InviteRequest};
use serde::Serialize;
use serde_json::json;

use self::input::{Input, Row};
use self::journal::{Journal, Settled};
use self::progress::Progress;
use self::resume::Found;
use crate::args::ImportArgs;
use crate::context::Context;
use crate::failure::{describe, Failure, Outcome};
use crate::output::{self, Table};

/// How one input row ended.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowResult {
    /// Its line in the file.
    pub row: u64,
    /// The email field.
    pub email: String,
    /// `created`, `exists`, `invalid` or `failed`.
    pub outcome: String,
    /// The invite, when created.
    pub invite_id: Option<String>,
    /// Why, when invalid or failed.
    pub error: Option<String>,
}

/// Runs an import.
pub async fn run(ctx: &Context, args: ImportArgs) -> Outcome {
    let input = input::read(&args.file)?;
    if args.dry_run {
        return dry_run(ctx, &args, &input).await;
    }
    let client = ctx.client()?;
    let total = input.rows.len();
    let mut settled: Vec<Option<Settled>> = vec![None; total];
    for (index, row) in input.rows.iter().enumerate() {
        if let Some(problem) = &row.problem {
            settled[index] = Some(invalid(problem.clone()));
        }
    }

    // Sends of an earlier run that never took effect, as far as the lookup saw.
    let mut resent = Vec::new();
    let journal = match &args.journal {
        Some(path) => {
            let (journal, earlier) = Journal::open(path, &input.sha256, total)?;
            for (row, outcome) in earlier.settled {
                if row < total {
                    settled[row] = Some(outcome);
                }
            }
            let unsettled: Vec<_> = earlier
                .unsettled
                .into_iter()
                .filter(|u| u.row < total)
                .collect();
            for (send, found) in unsettled
                .iter()
                .zip(resume::settle(&client, &unsettled).await?)
            {
                match found {
                    Found::Settled(outcome) => {
                        journal.settled(send.row, &send.email, &outcome);
                        settled[send.row] = Some(outcome);
                    }
                    Found::NotSent => resent.push(send.clone()),
                }
            }
            Some(Arc::new(journal))
        }
        None => None,
    };
    let problems = input.rows.iter().filter(|r| r.problem.is_some()).count();
    let resumed = settled.iter().flatten().count().saturating_sub(problems);
    settle_repeats(&input.rows, &mut settled, journal.as_deref());

    let progress = Arc::new(Progress::new(total, settled.iter().flatten().count()));
    for outcome in settled.iter().flatten() {
        progress.count_earlier(&outcome.outcome);
    }
    let remaining: Vec<usize> = (0..total).filter(|&i| settled[i].is_none()).collect();
    let guard = Interrupted::new(journal.as_ref().map(|j| j.path().display().to_string()));
    let results = send(
        &client,
        &args,
        &input.rows,
        &remaining,
        journal.clone(),
        Arc::clone(&progress),
    )
    .await?;
    guard.disarm();
    progress.finish();
    for (index, result) in remaining.iter().zip(results) {
        let outcome = settled_of(&result);
        // A lost send that the final lookup found settled differently than
        // reported while it ran: the journal keeps the last word.
        if let Some(journal) = &journal {
            if outcome.outcome == "created" && result.invite.is_some() && outcome.error.is_none() {
                journal.settled(*index, &result.email, &outcome);
            }
        }
        settled[*index] = Some(outcome);
    }
    recheck(&client, &resent, &mut settled, journal.as_deref()).await;

    let rows: Vec<RowResult> = input
        .rows
        .iter()
        .zip(settled)
        .map(|(row, outcome)| {
            let outcome = outcome.unwrap_or_else(|| invalid("not processed".to_owned()));
            RowResult {
                row: row.line,
                email: row.email.clone(),
                outcome: outcome.outcome,
                invite_id: outcome.invite_id,
                error: outcome.error,
            }
        })
        .collect();
    if let Some(path) = &args.report {
        report::write(path, &rows)?;
    }
    summarize(ctx, &rows, resumed)?;
    if let Some(reason) = journal.as_ref().and_then(|j| j.broken()) {
        return Err(Failure::other(format!(
            "the journal could not be written ({reason}): an interruption could not have been resumed"
        )));
    }
    if rows.iter().any(|r| r.outcome == "failed") {
        return Err(Failure::Reported);
    }
    Ok(())
}

/// Sends the remaining rows through `create_many`, journaling each send.
async fn send(
    client: &headshotpro::Client,
    args: &ImportArgs,
    rows: &[Row],
    remaining: &[usize],
    journal: Option<Arc<Journal>>,
    progress: Arc<Progress>,
) -> Outcome<Vec<BulkInviteResult>> {
    let requests: Vec<InviteRequest> = remaining
        .iter()
        .map(|&i| InviteRequest {
            email: rows[i].email.clone(),
            team_id: rows[i].team_id.clone(),
        })
        .collect();
    let positions: Arc<Vec<usize>> = Arc::new(remaining.to_vec());
    let mut options = CreateManyOptions::new().concurrency(args.concurrency);
    if let Some(team) = &args.team {
        options = options.team_id(team.clone());
    }
    if let Some(journal) = journal.clone() {
        let positions = Arc::clone(&positions);
        options = options.before_send(move |send| {
            if let Some(&row) = positions.get(send.index) {
                journal.intent(row, &send.email);
            }
        });
    }
    let on_progress = Arc::clone(&progress);
    options = options.on_progress(move |p| {
        if let (Some(journal), Some(&row)) = (&journal, positions.get(p.index)) {
            journal.settled(row, &p.result.email, &settled_of(&p.result));
        }
        on_progress.settled(p.result.outcome.as_str());
    });
    Ok(client
        .invites()
        .create_many_requests(requests, options)
        .await?)
}

/// A send of an earlier run that the lookup did not find may still have
/// taken effect later (an answer lost in flight): when sending it again met
/// "exists", the invite is looked up once more, and one made since the first
/// send is that send's (`created`). A failed lookup leaves `exists`.
async fn recheck(
    client: &headshotpro::Client,
    resent: &[journal::Unsettled],
    settled: &mut [Option<Settled>],
    journal: Option<&Journal>,
) {
    let exists: Vec<&journal::Unsettled> = resent
        .iter()
        .filter(|u| {
            settled[u.row]
                .as_ref()
                .is_some_and(|s| s.outcome == "exists")
        })
        .collect();
    if exists.is_empty() {
        return;
    }
    let Ok(invites) = client.invites().list().await else {
        return;
    };
    for send in exists {
        if let Found::Settled(outcome) = resume::find(&invites, &send.email, send.at) {
            if outcome.outcome == "created" {
                if let Some(journal) = journal {
                    journal.settled(send.row, &send.email, &outcome);
                }
                settled[send.row] = Some(outcome);
            }
        }
    }
}

/// A row that repeats the email of a row an earlier run settled ends as that
/// row did, without a send.
fn settle_repeats(rows: &[Row], settled: &mut [Option<Settled>], journal: Option<&Journal>) {
    let mut by_email: HashMap<String, Settled> = HashMap::new();
    for (row, outcome) in rows.iter().zip(settled.iter()) {
        if let Some(outcome) = outcome {
            if matches!(outcome.outcome.as_str(), "created" | "exists" | "failed") {
                by_email
                    .entry(row.email.trim().to_lowercase())
                    .or_insert_with(|| outcome.clone());
            }
        }
    }
    for (index, row) in rows.iter().enumerate() {
        if settled[index].is_some() {
            continue;
        }
        if let Some(first) = by_email.get(&row.email.trim().to_lowercase()) {
            if first.outcome == "failed" {
                continue;
            }
            if let Some(journal) = journal {
                journal.settled(index, &row.email, first);
            }
            settled[index] = Some(first.clone());
        }
    }
}

fn invalid(reason: String) -> Settled {
    Settled {
        outcome: "invalid".to_owned(),
        invite_id: None,
        error: Some(reason),
    }
}

fn settled_of(result: &BulkInviteResult) -> Settled {
    Settled {
        outcome: result.outcome.as_str().to_owned(),
        invite_id: result.invite.as_ref().map(|i| i.id.clone()),
        error: result.error.as_ref().map(describe),
    }
}

/// Prints the counts, then the rows that did not go through.
fn summarize(ctx: &Context, rows: &[RowResult], resumed: usize) -> Outcome {
    let count = |outcome: &str| rows.iter().filter(|r| r.outcome == outcome).count();
    if ctx.json() {
        return output::json(&json!({
            "rows": rows.len(),
            "created": count("created"),
            "exists": count("exists"),
            "invalid": count("invalid"),
            "failed": count("failed"),
            "resumed": resumed,
            "results": rows,
        }));
    }
    output::fields(&[
        ("rows", rows.len().to_string()),
        ("created", count("created").to_string()),
        ("exists", count("exists").to_string()),
        ("invalid", count("invalid").to_string()),
        ("failed", count("failed").to_string()),
        ("resumed", resumed.to_string()),
    ])?;
    let problems: Vec<&RowResult> = rows
        .iter()
        .filter(|r| matches!(r.outcome.as_str(), "invalid" | "failed"))
        .collect();
    if problems.is_empty() {
        return Ok(());
    }
    output::line("")?;
    let mut table = Table::new(&["LINE", "EMAIL", "OUTCOME", "ERROR"]);
    for row in problems.iter().take(50) {
        table.row(vec![
            row.row.to_string(),
            row.email.clone(),
            row.outcome.clone(),
            output::opt(row.error.as_ref()),
        ]);
    }
    table.print()?;
    if problems.len() > 50 {
        output::line(&format!(
            "… and {} more (see --report or --json)",
            problems.len() - 50
        ))?;
    }
    Ok(())
}

/// `--dry-run`: checks and counts, asks for the balance, sends no invite.
async fn dry_run(ctx: &Context, args: &ImportArgs, input: &Input) -> Outcome {
    let usable: Vec<(usize, &Row)> = input
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.problem.is_none())
        .collect();
    let requests: Vec<InviteRequest> = usable
        .iter()
        .map(|(_, r)| InviteRequest {
            email: r.email.clone(),
            team_id: r.team_id.clone().or_else(|| args.team.clone()),
        })
        .collect();
    let plan = plan_invites(&requests);
    let mut invalid_rows: Vec<RowResult> = input
        .rows
        .iter()
        .filter_map(|r| {
            r.problem.as_ref().map(|p| RowResult {
                row: r.line,
                email: r.email.clone(),
                outcome: "invalid".to_owned(),
                invite_id: None,
                error: Some(p.clone()),
            })
        })
        .collect();
    let mut duplicates = 0_usize;
    let mut to_send = 0_usize;
    for ((_, row), planned) in usable.iter().zip(&plan) {
        match planned {
            InvitePlan::Send => to_send += 1,
            InvitePlan::Duplicate(_) => duplicates += 1,
            InvitePlan::Invalid(why) => invalid_rows.push(RowResult {
                row: row.line,
                email: row.email.clone(),
                outcome: "invalid".to_owned(),
                invite_id: None,
                error: Some(why.clone()),
            }),
        }
    }
    invalid_rows.sort_by_key(|r| r.row);
    let balance = ctx.client()?.organization().credits().await?;
    let needed = i64::try_from(to_send).unwrap_or(i64::MAX);
    if ctx.json() {
        return output::json(&json!({
            "dryRun": true,
            "rows": input.rows.len(),
            "toSend": to_send,
            "duplicates": duplicates,
            "invalid": invalid_rows.len(),
            "creditsNeeded": needed,
            "balance": balance,
            "enough": balance >= needed,
            "invalidRows": invalid_rows,
        }));
    }
    output::fields(&[
        ("rows", input.rows.len().to_string()),
        ("to send", to_send.to_string()),
        ("duplicates", duplicates.to_string()),
        ("invalid", invalid_rows.len().to_string()),
        ("credits needed", needed.to_string()),
        ("balance", balance.to_string()),
    ])?;
    let verdict = if balance >= needed {
        "enough credits; nothing was sent (dry run)".to_owned()
    } else {
        format!(
            "{} credits short; nothing was sent (dry run)",
            needed - balance
        )
    };
    output::line(&verdict)?;
    if !invalid_rows.is_empty() {
        output::line("")?;
        let mut table = Table::new(&["LINE", "EMAIL", "ERROR"]);
        for row in &invalid_rows {
            table.row(vec![
                row.row.to_string(),
                row.email.clone(),
                output::opt(row.error.as_ref()),
            ]);
        }
        table.print()?;
    }
    Ok(())
}

/// Says how to resume when the import is dropped before it ends (Ctrl-C).
struct Interrupted {
    journal: Option<String>,
    armed: AtomicBool,
}

impl Interrupted {
    fn new(journal: Option<String>) -> Self {
        Self {
            journal,
            armed: AtomicBool::new(true),
        }
    }

    fn disarm(&self) {
        self.armed.store(false, Ordering::Relaxed);
    }
}

impl Drop for Interrupted {
    fn drop(&mut self) {
        if !self.armed.load(Ordering::Relaxed) {
            return;
        }
        match &self.journal {
            Some(path) => eprintln!(
                "headshotpro: import interrupted; run the same command again (same file, \
                 --journal {path}) to resume without sending anything twice"
            ),
            None => eprintln!(
                "headshotpro: import interrupted; without --journal a new run reports the \
                 invites already sent as 'exists'"
            ),
        }
    }
}
