//! `client.request(method, path, body, query)`: the same key, retries,
//! errors and decoding as every wrapped call, for endpoints the SDK does
//! not wrap yet.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Harness;
use serde_json::{json, Value};

#[tokio::test]
async fn get_with_query_and_post_with_body() {
    let h = Harness::start().await;
    let credits = h
        .client
        .request("GET", "/api/v1/organization/credits", None, &[])
        .await
        .unwrap();
    assert_eq!(credits["credits"], 100);

    let created = h
        .client
        .request(
            "post",
            "/api/v2/organization/whitelabel/model/create",
            Some(json!({"email": "fa@example.com", "isDevelopment": true})),
            &[],
        )
        .await
        .unwrap();
    let model_id = created["modelId"].as_str().unwrap().to_owned();
    let page = h
        .client
        .request(
            "GET",
            "/api/v2/organization/models",
            None,
            &[
                ("limit".to_owned(), "5".to_owned()),
                ("status".to_owned(), "onboarding".to_owned()),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page["models"][0]["id"], model_id.as_str());

    let log = h.requests().await;
    assert_eq!(log[1]["method"], "POST");
    assert_eq!(
        serde_json::from_str::<Value>(log[1]["body"].as_str().unwrap()).unwrap()["email"],
        "fa@example.com"
    );
    assert_eq!(log[2]["query"], "limit=5&status=onboarding");
    assert!(log.iter().all(|r| r["headers"]["authorization"]
        .as_str()
        .unwrap()
        .ends_with(h.server.api_key())));
}

#[tokio::test]
async fn retries_follow_the_method() {
    let h = Harness::start().await;
    let path = "/api/v2/organization/teams";
    h.fault(json!({"method": "GET", "path": path, "status": 503}))
        .await;
    h.client.request("GET", path, None, &[]).await.unwrap();
    assert_eq!(h.count("GET", path).await, 2, "a GET is retried on 503");

    h.fault(json!({"method": "POST", "path": path, "status": 503}))
        .await;
    let err = h
        .client
        .request("POST", path, Some(json!({"name": "Sales"})), &[])
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "ServerError");
    assert_eq!(
        h.count("POST", path).await,
        1,
        "a POST is not resent on 503"
    );

    h.fault(json!({"method": "POST", "path": path, "status": 429,
                   "headers": {"retry-after": "0"}}))
        .await;
    h.client
        .request("POST", path, Some(json!({"name": "Sales"})), &[])
        .await
        .unwrap();
    assert_eq!(h.count("POST", path).await, 3, "a POST is resent on 429");
}

#[tokio::test]
async fn answers_that_are_not_json_and_errors() {
    let h = Harness::start().await;
    let path = "/api/v1/organization/credits";
    h.fault(json!({"method": "GET", "path": path, "status": 200, "body": "<html>hi</html>"}))
        .await;
    let err = h.client.request("GET", path, None, &[]).await.unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
    assert_eq!(err.status(), Some(200));

    h.fault(json!({"method": "GET", "path": path, "status": 200, "body": ""}))
        .await;
    assert_eq!(
        h.client.request("GET", path, None, &[]).await.unwrap(),
        Value::Null
    );

    let err = h
        .client
        .request(
            "GET",
            "/api/v2/organization/whitelabel/model/get/nope",
            None,
            &[],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.class_name(), err.code()),
        ("NotFoundError", Some("NOT_FOUND"))
    );
}

#[tokio::test]
async fn bad_paths_and_methods_are_refused_before_sending() {
    let h = Harness::start().await;
    for path in [
        "api/v1/organization",
        "https://evil.test/api/v1/organization",
        "//evil.test/api",
        "/api/../../etc/passwd",
        "/api/%2e%2e/x",
        "/api/%2E%2E%2Fx",
        "/api/v1\r\nX-Evil: 1",
        "/api/v1\n",
        "/api/v1?key=1",
    ] {
        let err = h.client.request("GET", path, None, &[]).await.unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError", "{path:?}");
    }
    let err = h
        .client
        .request("CONNECT", "/api/v1/organization", None, &[])
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert!(h.requests().await.is_empty());
}
