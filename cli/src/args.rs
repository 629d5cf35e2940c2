//! The command line: global options and every subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::mock_cmd::MockArgs;

const AFTER_HELP: &str = "\
The API key comes from the HEADSHOTPRO_API_KEY environment variable or from
--api-key-file; it is never taken as an argument, so it stays out of shell history.

Exit codes: 0 ok; 1 the API answered with an error or could not be reached (one line
on stderr names the error class and code); 2 usage (bad arguments or input, no key);
130 interrupted.";

/// The HeadshotPro API from the command line.
#[derive(Parser, Debug)]
#[command(name = "headshotpro", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Print JSON (stable shapes, documented in the README) instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// Read the API key from this file (else HEADSHOTPRO_API_KEY).
    #[arg(long, global = true, value_name = "FILE")]
    pub api_key_file: Option<PathBuf>,
    /// The API's base URL (else HEADSHOTPRO_BASE_URL, else production).
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Retries after a failed attempt (default 2).
    #[arg(long, global = true, value_name = "N")]
    pub max_retries: Option<u32>,
    /// Seconds allowed for each attempt (default 60).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Send at most this many requests a minute (below the server's limit).
    #[arg(long, global = true, value_name = "N")]
    pub max_requests_per_minute: Option<u32>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// The organization's available credits.
    Credits,
    /// The organization and its teams.
    Organization,
    /// Invite people, list, look up and revoke invites, import a CSV.
    #[command(subcommand)]
    Invites(InvitesCommand),
    /// Teams of the organization.
    #[command(subcommand)]
    Teams(TeamsCommand),
    /// Members of the organization.
    #[command(subcommand)]
    Members(MembersCommand),
    /// Whitelabel models.
    #[command(subcommand)]
    Models(ModelsCommand),
    /// Generated headshots.
    #[command(subcommand)]
    Photos(PhotosCommand),
    /// Receive and check signed webhooks.
    #[command(subcommand)]
    Webhooks(WebhooksCommand),
    /// Start the API emulator (the same flags as headshotpro-mock).
    Mock(Box<MockArgs>),
}

/// `invites …`
#[derive(Subcommand, Debug)]
pub enum InvitesCommand {
    /// Invite one person.
    Create {
        /// The email to invite.
        email: String,
        /// The team the member joins.
        #[arg(long, value_name = "TEAM_ID")]
        team: Option<String>,
    },
    /// Every invite of the organization.
    List,
    /// One invite by id.
    Retrieve {
        /// The invite id.
        invite_id: String,
    },
    /// The invite sent to an email.
    RetrieveByEmail {
        /// The invited email.
        email: String,
    },
    /// Revoke the pending invites of an email.
    Revoke {
        /// The invited email.
        email: String,
    },
    /// Invite everyone in a CSV file (an `email` column; `-` reads stdin).
    Import(ImportArgs),
}

/// `invites import …`
#[derive(Args, Debug, Clone)]
pub struct ImportArgs {
    /// The CSV file, with a header row naming an `email` column (and
    /// optionally `team_id`); `-` reads standard input.
    pub file: String,
    /// The team of every row without a team_id.
    #[arg(long, value_name = "TEAM_ID")]
    pub team: Option<String>,
    /// Invites in flight at once, 1..=32 (the rate limit paces them anyway).
    #[arg(long, value_name = "N", default_value_t = headshotpro::DEFAULT_BULK_CONCURRENCY)]
    pub concurrency: i64,
    /// Check and count the rows and the credits needed; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Record every send here; run again with the same journal to resume
    /// after an interruption without sending anything twice.
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Write one row per input row here: email,outcome,invite_id,error.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// `teams …`
#[derive(Subcommand, Debug)]
pub enum TeamsCommand {
    /// Every team.
    List,
    /// Create a team.
    Create {
        /// Its name.
        name: String,
    },
    /// Rename a team.
    Update {
        /// The team id.
        team_id: String,
        /// The new name.
        #[arg(long)]
        name: String,
    },
    /// Delete a team (its members stay in the organization).
    Delete {
        /// The team id.
        team_id: String,
    },
    /// Add organization members to a team (any number; sent in chunks).
    AddMembers {
        /// The team id.
        team_id: String,
        /// Member emails.
        emails: Vec<String>,
        /// Also read emails from this file, one a line (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        emails_file: Option<String>,
    },
}

/// Paging options of a list.
#[derive(Args, Debug, Clone, Copy)]
pub struct Paging {
    /// Items per page, 1..=200.
    #[arg(long, value_name = "N")]
    pub limit: Option<i64>,
    /// Items to skip.
    #[arg(long, value_name = "N")]
    pub offset: Option<i64>,
    /// Every item from the offset on, page after page.
    #[arg(long)]
    pub all: bool,
}

/// `members …`
#[derive(Subcommand, Debug)]
pub enum MembersCommand {
    /// Members: who was invited, who joined, who finished.
    List {
        /// Only members in this status (accepted, pending, finished).
        #[arg(long)]
        status: Option<String>,
        /// Paging.
        #[command(flatten)]
        paging: Paging,
    },
}

/// `models …`
#[derive(Subcommand, Debug)]
pub enum ModelsCommand {
    /// Create an anonymous user and model.
    Create {
        /// The user's email.
        email: String,
        /// The team.
        #[arg(long, value_name = "TEAM_ID")]
        team: Option<String>,
        /// A development model (test data, no credits).
        #[arg(long)]
        development: bool,
        /// The model version (lora, one-shot).
        #[arg(long, value_name = "VERSION")]
        model_version: Option<String>,
    },
    /// A model's status and a fresh signed URL.
    Retrieve {
        /// The model id.
        model_id: String,
    },
    /// The organization's models.
    List {
        /// Only models in this status.
        #[arg(long)]
        status: Option<String>,
        /// Only models of this team.
        #[arg(long, value_name = "TEAM_ID")]
        team: Option<String>,
        /// Paging.
        #[command(flatten)]
        paging: Paging,
    },
    /// Wait until a model reaches a status (or is deleted).
    Wait {
        /// The model id.
        model_id: String,
        /// The status to wait for.
        #[arg(long, default_value = "active")]
        until: String,
        /// Give up after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 600.0)]
        wait_timeout: f64,
    },
    /// Delete a model and its user.
    Delete {
        /// The model id.
        model_id: String,
    },
}

/// `photos …`
#[derive(Subcommand, Debug)]
pub enum PhotosCommand {
    /// A model's photos.
    List {
        /// The model id.
        model_id: String,
        /// Only photos in this status (active, deleted).
        #[arg(long)]
        status: Option<String>,
        /// Only photos liked this way (none, liked, loved).
        #[arg(long)]
        liked: Option<String>,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
        /// Paging.
        #[command(flatten)]
        paging: Paging,
    },
    /// One photo.
    Retrieve {
        /// The model id.
        model_id: String,
        /// The photo id.
        photo_id: String,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
    },
    /// The photo the user chose as favorite.
    Favorite {
        /// The model id.
        model_id: String,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
    },
    /// Every member's favorite photo.
    Favorites {
        /// Only this team.
        #[arg(long, value_name = "TEAM_ID")]
        team: Option<String>,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
        /// Paging.
        #[command(flatten)]
        paging: Paging,
    },
    /// Signed download URLs.
    DownloadLinks {
        /// The model id.
        model_id: String,
        /// Only these photos (repeat the flag); every photo without it.
        #[arg(long = "photo", value_name = "PHOTO_ID")]
        photos: Vec<String>,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
    },
    /// Download a model's photos into a directory.
    Save {
        /// The model id.
        model_id: String,
        /// Where to write them (created if missing).
        directory: PathBuf,
        /// Only these photos (repeat the flag).
        #[arg(long = "photo", value_name = "PHOTO_ID")]
        photos: Vec<String>,
        /// Which URLs: main (default) or all.
        #[arg(long)]
        include: Option<String>,
        /// Replace files that exist.
        #[arg(long)]
        overwrite: bool,
        /// Downloads at once, 1..=32.
        #[arg(long, value_name = "N")]
        concurrency: Option<i64>,
    },
}

/// `webhooks …`
#[derive(Subcommand, Debug)]
pub enum WebhooksCommand {
    /// Receive webhooks locally: verify, print, and optionally forward them.
    Serve(ServeArgs),
    /// Check a saved webhook body and its headers.
    Verify(VerifyArgs),
}

/// `webhooks serve …`
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 4242)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// File holding the webhook signing secret.
    #[arg(long, value_name = "FILE")]
    pub secret_file: PathBuf,
    /// Forward every verified event, still signed, to this URL.
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Largest accepted age of a timestamp, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub tolerance: u64,
}

/// `webhooks verify …`
#[derive(Args, Debug, Clone)]
pub struct VerifyArgs {
    /// File holding the webhook signing secret.
    #[arg(long, value_name = "FILE")]
    pub secret_file: PathBuf,
    /// The raw body as received (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub body: String,
    /// A header as received, `Name: value` (repeat for each).
    #[arg(long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// Largest accepted age of the timestamp, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub tolerance: u64,
}
