//! The mock's control errors as the SDK's error records: an unknown id is a
//! `NotFoundError` (404), a step that does not apply an `APIError` (409),
//! like the HTTP control API's answers.

use headshotpro_mock::{MockError, MockErrorKind};

use crate::error::NativeError;

/// Why a control call or a setting failed, boxed: the record is large.
pub(crate) type Failure = Box<NativeError>;

impl From<MockError> for Box<NativeError> {
    fn from(err: MockError) -> Self {
        let (class, status) = match err.kind {
            MockErrorKind::NotFound => ("NotFoundError", Some(404)),
            MockErrorKind::InvalidState => ("APIError", Some(409)),
            MockErrorKind::InvalidArgument => ("InvalidArgumentError", None),
            MockErrorKind::InsufficientCredits => ("InsufficientCreditsError", Some(402)),
            _ => ("APIError", None),
        };
        let code = status.map(|_| err.code);
        Box::new(NativeError::of_class(class, err.message, status, code))
    }
}

/// A setting the mock cannot take, reported before it starts.
pub(crate) fn invalid(message: impl Into<String>) -> Failure {
    Box::new(NativeError::invalid(message))
}

/// A control call on a server that was closed.
pub(crate) fn closed() -> Failure {
    failure("HeadshotProError", "this MockServer is closed".to_owned())
}

/// The mock answered a timestamp that is not ISO 8601 (a bug in the mock).
pub(crate) fn bad_timestamp(field: &str, value: &str) -> Failure {
    failure(
        "HeadshotProError",
        format!("the mock answered {field} {value:?}, which is not an ISO 8601 timestamp"),
    )
}

/// A failure of no API class, with this message.
pub(crate) fn failure(class_name: &str, message: String) -> Failure {
    Box::new(NativeError::of_class(class_name, message, None, None))
}
