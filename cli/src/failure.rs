//! How a command fails: the exit code and the one line printed on stderr.

use std::fmt;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the API answered with an error, or could not be reached.
pub const EXIT_API: i32 = 1;
/// Exit code: the command line, a file or a setting is wrong; nothing was sent.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: interrupted by Ctrl-C (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage: arguments, input files, a missing key (exit 2).
    Usage(String),
    /// An error from the SDK (exit 1, or 2 when it was rejected locally).
    Sdk(headshotpro::Error),
    /// Something outside the API failed: a file, the local server (exit 1).
    Other(String),
    /// Some rows or events failed; their details were already printed (exit 1).
    Reported,
}

/// A command's result.
pub type Outcome<T = ()> = Result<T, Failure>;

impl Failure {
    /// A usage failure with this message.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::Usage(message.into())
    }

    /// Any other failure with this message.
    pub fn other(message: impl Into<String>) -> Self {
        Self::Other(message.into())
    }

    /// The process exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Usage(_) => EXIT_USAGE,
            Self::Sdk(headshotpro::Error::InvalidArgument { .. }) => EXIT_USAGE,
            Self::Sdk(_) | Self::Other(_) | Self::Reported => EXIT_API,
        }
    }
}

impl From<headshotpro::Error> for Failure {
    fn from(error: headshotpro::Error) -> Self {
        Self::Sdk(error)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Other(message) => f.write_str(&one_line(message)),
            Self::Sdk(error) => f.write_str(&describe(error)),
            Self::Reported => f.write_str("some operations failed (see above)"),
        }
    }
}

/// One line naming the error class and code: `NotFoundError (NOT_FOUND, HTTP
/// 404) in models.retrieve: Model not found`.
pub fn describe(error: &headshotpro::Error) -> String {
    let class = error.class_name();
    let text = match error {
        headshotpro::Error::Api(api) => format!(
            "{class} ({}, HTTP {}) in {}: {}",
            api.code, api.status, api.operation, api.message
        ),
        headshotpro::Error::Connection {
            operation, message, ..
        }
        | headshotpro::Error::Timeout {
            operation, message, ..
        } => {
            format!("{class} in {operation}: {message}")
        }
        headshotpro::Error::ResponseDecode {
            operation,
            status,
            message,
            ..
        } => format!("{class} (HTTP {status}) in {operation}: {message}"),
        other => format!("{class}: {}", other.message()),
    };
    one_line(&text)
}

/// The text with line breaks folded into spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
