//! Errors as JSON, so a report that holds them (a [`crate::SaveReport`]'s
//! failures) serialises, and a binding can print any error as data:
//! `{"type": "NotFoundError", "message": …, "operation": …, "status": 404,
//! "code": "NOT_FOUND", …}`. `type` is the class name shared by every
//! language.

use std::time::Duration;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{ApiError, ApiErrorKind, Error, RateLimitInfo};
use crate::response::Headers;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    #[serde(rename = "type")]
    class: String,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    operation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rate_limit: Option<RateLimitInfo>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::duration_ms::option"
    )]
    retry_after_ms: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    headers: Option<Headers>,
    #[serde(default)]
    may_have_reached_server: bool,
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut wire = Wire {
            class: self.class_name().to_owned(),
            message: self.message().to_owned(),
            operation: None,
            status: self.status(),
            code: None,
            body: None,
            rate_limit: None,
            retry_after_ms: None,
            headers: None,
            may_have_reached_server: self.may_have_reached_server(),
        };
        match self {
            Self::Api(api) => {
                wire.operation = Some(api.operation.clone());
                wire.code = Some(api.code.clone());
                wire.body = Some(api.body.clone());
                wire.rate_limit = Some(api.rate_limit.clone());
                wire.retry_after_ms = api.retry_after;
                wire.headers = Some(api.headers.clone());
            }
            Self::Connection { operation, .. } | Self::Timeout { operation, .. } => {
                wire.operation = Some(operation.clone());
            }
            Self::ResponseDecode {
                operation, body, ..
            } => {
                wire.operation = Some(operation.clone());
                wire.body = Some(body.clone());
            }
            Self::InvalidArgument { .. } | Self::WebhookVerification { .. } => {}
        }
        wire.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Error {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(d)?;
        let operation = wire.operation.unwrap_or_default();
        Ok(match wire.class.as_str() {
            "InvalidArgumentError" => Self::InvalidArgument {
                message: wire.message,
            },
            "WebhookVerificationError" => Self::WebhookVerification {
                message: wire.message,
            },
            "APIConnectionError" => Self::Connection {
                operation,
                message: wire.message,
                may_have_reached_server: wire.may_have_reached_server,
            },
            "APITimeoutError" => Self::Timeout {
                operation,
                message: wire.message,
                may_have_reached_server: wire.may_have_reached_server,
            },
            "ResponseDecodeError" => Self::ResponseDecode {
                operation,
                status: wire.status.unwrap_or_default(),
                message: wire.message,
                body: wire.body.unwrap_or_default(),
            },
            class => {
                let kind = ApiErrorKind::from_class_name(class)
                    .ok_or_else(|| D::Error::custom(format!("unknown error type {class:?}")))?;
                Self::from(ApiError {
                    kind,
                    status: wire.status.unwrap_or_default(),
                    code: wire.code.unwrap_or_else(|| "UNKNOWN".to_owned()),
                    message: wire.message,
                    body: wire.body.unwrap_or_default(),
                    operation,
                    rate_limit: wire.rate_limit.unwrap_or_default(),
                    retry_after: wire.retry_after_ms,
                    headers: wire.headers.unwrap_or_default(),
                })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_round_trips() {
        let errors = [
            Error::invalid("bad email"),
            Error::webhook("bad signature"),
            Error::Connection {
                operation: "models.retrieve".into(),
                message: "refused".into(),
                may_have_reached_server: false,
            },
            Error::Timeout {
                operation: "models.create".into(),
                message: "60 s".into(),
                may_have_reached_server: true,
            },
            Error::ResponseDecode {
                operation: "request".into(),
                status: 200,
                message: "not JSON".into(),
                body: "<html>".into(),
            },
            Error::from(ApiError {
                kind: ApiErrorKind::RateLimit,
                status: 429,
                code: "RATE_LIMIT_EXCEEDED".into(),
                message: "slow down".into(),
                body: "{}".into(),
                operation: "invites.create".into(),
                rate_limit: RateLimitInfo {
                    limit: Some(300),
                    remaining: Some(0),
                    reset_at: None,
                },
                retry_after: Some(Duration::from_secs(3)),
                headers: Headers::default(),
            }),
        ];
        for error in errors {
            let json = serde_json::to_value(&error).unwrap();
            assert_eq!(json["type"], error.class_name());
            let back: Error = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(serde_json::to_value(&back).unwrap(), json);
            assert_eq!(back.to_string(), error.to_string());
        }
        assert!(serde_json::from_str::<Error>(r#"{"type":"Nope","message":""}"#).is_err());
    }
}
