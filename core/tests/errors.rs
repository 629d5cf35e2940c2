//! Every error class, from real answers of the mock.
#![allow(clippy::unwrap_used)]

mod common;

use common::{closed_port_url, Harness};
use headshotpro::{ApiErrorKind, Client, Error};
use serde_json::json;

fn api(err: &Error) -> &headshotpro::ApiError {
    err.as_api()
        .unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
}

#[tokio::test]
async fn authentication_error_for_a_wrong_key() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.api_key("hp_wrong_key_123"));
    let err = client.organization().retrieve().await.unwrap_err();
    assert_eq!(err.class_name(), "AuthenticationError");
    assert_eq!(
        (err.status(), err.code()),
        (Some(401), Some("UNAUTHORIZED"))
    );
    assert_eq!(api(&err).operation, "organization.retrieve");
    assert!(!format!("{err} {err:?}").contains("hp_wrong_key_123"));
}

#[tokio::test]
async fn bad_request_codes() {
    let h = Harness::start().await;
    h.fault(json!({"path": "/api/v1/organization/invite", "status": 400,
        "body": {"success": false, "error": "Invalid email", "code": "INVALID_EMAIL"}}))
        .await;
    let err = h.client.invites().create("x@y.z", None).await.unwrap_err();
    assert_eq!(err.class_name(), "BadRequestError");
    assert_eq!(err.code(), Some("INVALID_EMAIL"));

    h.client
        .models()
        .create("dup@example.com", None, false)
        .await
        .unwrap();
    let err = h
        .client
        .models()
        .create("dup@example.com", None, false)
        .await
        .unwrap_err();
    assert_eq!(
        (err.class_name(), err.code()),
        ("BadRequestError", Some("ALREADY_EXISTS"))
    );

    let model = h
        .client
        .models()
        .create("del@example.com", None, true)
        .await
        .unwrap();
    h.client.models().delete(&model.model_id).await.unwrap();
    let err = h.client.models().delete(&model.model_id).await.unwrap_err();
    assert_eq!(err.code(), Some("ALREADY_DELETED"));
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn not_found_permission_and_credits() {
    let h = Harness::start().await;
    let err = h
        .client
        .models()
        .retrieve("000000000000000000000000")
        .await
        .unwrap_err();
    assert_eq!(
        (err.class_name(), err.code()),
        ("NotFoundError", Some("NOT_FOUND"))
    );
    let err = h.client.teams().update("nope", "x").await.unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");

    h.organization(json!({"whitelabel": false})).await;
    let err = h
        .client
        .models()
        .create("w@example.com", None, false)
        .await
        .unwrap_err();
    assert_eq!(
        (err.class_name(), err.status()),
        ("PermissionDeniedError", Some(403))
    );

    h.organization(json!({"whitelabel": true, "credits": 0}))
        .await;
    let err = h
        .client
        .models()
        .create("c@example.com", None, false)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InsufficientCreditsError");
    assert_eq!(api(&err).kind, ApiErrorKind::InsufficientCredits);
    assert!(h
        .client
        .models()
        .create("d@example.com", None, true)
        .await
        .is_ok());
}

#[tokio::test]
async fn reference_era_message_bodies() {
    let h = Harness::start().await;
    for (message, class, code) in [
        (
            "Insufficient credits",
            "InsufficientCreditsError",
            "INSUFFICIENT_CREDITS",
        ),
        (
            "User with this email already exists",
            "BadRequestError",
            "ALREADY_EXISTS",
        ),
        (
            "Model is already deleted",
            "BadRequestError",
            "ALREADY_DELETED",
        ),
        ("Team not found", "NotFoundError", "NOT_FOUND"),
    ] {
        h.fault(
            json!({"path": "/api/v2/", "status": if code == "NOT_FOUND" { 404 } else { 400 },
            "body": {"success": false, "message": message}}),
        )
        .await;
        let err = h
            .client
            .models()
            .create("m@example.com", None, false)
            .await
            .unwrap_err();
        assert_eq!(
            (err.class_name(), err.code()),
            (class, Some(code)),
            "{message}"
        );
        assert_eq!(err.message(), message);
    }
}

#[tokio::test]
async fn success_false_on_200_server_error_and_decode_error() {
    let h = Harness::start().await;
    h.fault(
        json!({"path": "/api/v1/organization/credits", "status": 200,
        "body": {"success": false, "error": "Something odd"}}),
    )
    .await;
    let err = h.client.organization().credits().await.unwrap_err();
    assert_eq!((err.class_name(), err.status()), ("APIError", Some(200)));

    let client = h.client_with(|b| b.max_retries(0));
    h.fault(json!({"path": "/api/v1/organization/credits", "status": 500}))
        .await;
    let err = client.organization().credits().await.unwrap_err();
    assert_eq!(
        (err.class_name(), err.code()),
        ("ServerError", Some("INJECTED"))
    );

    h.fault(
        json!({"path": "/api/v1/organization/credits", "status": 200,
        "body": {"success": true, "credits": "lots"}}),
    )
    .await;
    let err = h.client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
    h.fault(json!({"path": "/api/v1/organization/credits", "status": 200, "body": "not json{"}))
        .await;
    let err = h.client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
}

#[tokio::test]
async fn rate_and_invite_limits() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.max_retries(0));
    h.fault(json!({"path": "/api/v1/organization", "status": 429,
        "headers": {"Retry-After": "7", "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": "2030-01-01T00:00:00.000Z"},
        "body": {"success": false, "error": "Too many requests", "code": "RATE_LIMIT_EXCEEDED"}}))
        .await;
    let err = client.organization().retrieve().await.unwrap_err();
    let api = api(&err);
    assert_eq!(api.kind, ApiErrorKind::RateLimit);
    assert_eq!(api.retry_after, Some(std::time::Duration::from_secs(7)));
    assert_eq!(api.rate_limit.limit, Some(300));
    assert_eq!(api.rate_limit.remaining, Some(0));
    assert_eq!(
        api.rate_limit.reset_at.unwrap().to_rfc3339(),
        "2030-01-01T00:00:00+00:00"
    );

    h.organization(json!({"inviteLimit": 1})).await;
    h.client
        .invites()
        .create("one@example.com", None)
        .await
        .unwrap();
    let err = h
        .client
        .invites()
        .create("two@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(
        (err.class_name(), err.code()),
        ("InviteLimitError", Some("INVITE_LIMIT_EXCEEDED"))
    );
}

#[tokio::test]
async fn invalid_arguments_send_nothing() {
    let h = Harness::start().await;
    let c = &h.client;
    let errors = [
        c.invites().create("no-at-sign", None).await.unwrap_err(),
        c.invites().create("a@b.co", Some("")).await.unwrap_err(),
        c.invites().retrieve("").await.unwrap_err(),
        c.teams().create("  ").await.unwrap_err(),
        c.teams().update("..", "x").await.unwrap_err(),
        c.teams().add_members("t", &[]).await.unwrap_err(),
        c.models().create("", None, true).await.unwrap_err(),
        c.models().delete(".").await.unwrap_err(),
    ];
    for err in &errors {
        assert_eq!(err.class_name(), "InvalidArgumentError", "{err}");
        assert!(!err.may_have_reached_server());
    }
    assert!(h.requests().await.is_empty());
}

#[tokio::test]
async fn missing_key_and_clear_text_are_refused_at_build() {
    let err = Client::builder()
        .api_key("")
        .base_url("http://127.0.0.1:1")
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    let err = Client::builder()
        .api_key("hp_secret_value")
        .base_url("http://api.example.com")
        .build()
        .unwrap_err();
    assert!(err.message().contains("clear text"));
    assert!(!err.to_string().contains("hp_secret_value"));
}

#[tokio::test]
async fn connection_refused_is_a_connection_error_that_never_arrived() {
    let url = closed_port_url().await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&url)
        .max_retries(0)
        .build()
        .unwrap();
    let err = client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "APIConnectionError");
    assert!(!err.may_have_reached_server());
}

#[tokio::test]
async fn message_texts_never_reclass_401_403_404_or_5xx() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.max_retries(0));
    for (status, message, class, code) in [
        (
            401,
            "API key not found",
            "AuthenticationError",
            "UNAUTHORIZED",
        ),
        (
            403,
            "Insufficient credits",
            "PermissionDeniedError",
            "FORBIDDEN",
        ),
        (404, "Rate limit exceeded", "NotFoundError", "NOT_FOUND"),
        (500, "Email rate limit exceeded", "ServerError", "UNKNOWN"),
        (503, "Model not found", "ServerError", "UNKNOWN"),
    ] {
        h.fault(
            json!({"path": "/api/v1/organization/credits", "status": status,
            "body": {"success": false, "message": message}}),
        )
        .await;
        let err = client.organization().credits().await.unwrap_err();
        assert_eq!(
            (err.class_name(), err.code(), err.status()),
            (class, Some(code), Some(status)),
            "{status} {message}"
        );
        assert_eq!(err.message(), message);
    }
}

#[tokio::test]
async fn redirects_are_not_followed_a_3xx_is_an_api_error() {
    let h = Harness::start().await;
    for status in [301, 302, 303, 307, 308] {
        h.control("POST", "/__mock/reset", json!({})).await;
        h.fault(
            json!({"method": "POST", "path": "/api/v1/organization/invite", "status": status,
            "headers": {"Location": "/api/v1/organization/credits"}}),
        )
        .await;
        let err = h
            .client
            .invites()
            .create("moved@example.com", None)
            .await
            .unwrap_err();
        assert_eq!(
            (err.class_name(), err.status()),
            ("APIError", Some(status)),
            "{err:?}"
        );
        assert_eq!(
            h.requests().await.len(),
            1,
            "{status}: a redirect was followed"
        );
    }
}

#[tokio::test]
async fn timeouts_are_connection_errors_and_api_errors_carry_rate_limits() {
    let h = Harness::start().await;
    let client = h.client_with(|b| {
        b.timeout(std::time::Duration::from_millis(100))
            .max_retries(0)
    });
    h.fault(json!({"path": "/api/v1/organization/credits", "delay_ms": 1000}))
        .await;
    let err = client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "APITimeoutError");
    assert!(err.is_connection() && err.is_timeout());
    assert!(err.rate_limit().is_none());

    let refused = Client::builder()
        .api_key("k")
        .base_url(closed_port_url().await)
        .max_retries(0)
        .build()
        .unwrap();
    let err = refused.organization().credits().await.unwrap_err();
    assert!(err.is_connection() && !err.is_timeout());

    h.fault(
        json!({"path": "/api/v1/organization/credits", "status": 404,
        "headers": {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "12"}}),
    )
    .await;
    let err = client.organization().credits().await.unwrap_err();
    assert!(!err.is_connection());
    let info = err.rate_limit().unwrap();
    assert_eq!((info.limit, info.remaining), (Some(300), Some(12)));
}

#[tokio::test]
async fn the_clear_text_refusal_names_the_setting() {
    let err = Client::builder()
        .api_key("k")
        .base_url("http://api.example.com")
        .build()
        .unwrap_err();
    assert!(err.message().contains("allow_insecure_http"), "{err}");
    assert!(err.message().contains("allowInsecureHttp"), "{err}");
    assert!(!err.message().contains("explicitly"), "{err}");
}
