//! Pages and walks of the current API's lists against scripted servers:
//! several pages, both envelopes, the guards against servers that repeat or
//! empty a page, and local checks of `limit` / `offset`.
#![allow(clippy::unwrap_used)]

mod fake;

use fake::{json, Fake, Recorded};
use futures_util::{StreamExt, TryStreamExt};
use headshotpro::{
    Member, MemberListParams, MemberStatus, ModelListParams, ModelStatus, ModelSummary,
};
use serde_json::{json, Value};

fn member(i: usize) -> Value {
    json!({"id": format!("mem_{i}"), "email": format!("m{i}@example.com"),
           "status": if i % 2 == 0 { "accepted" } else { "finished" },
           "teamId": "t1", "modelId": format!("m{i}"), "modelStatus": "active",
           "joinedAt": "2024-01-15T10:30:00Z"})
}

/// How a scripted server pages `total` members.
#[derive(Clone, Copy)]
enum Paging {
    /// As the docs say, fields at the top level.
    Honest,
    /// As the docs say, fields inside `data`.
    InData,
    /// Ignores `offset`: the first page again and again, always `hasMore`.
    IgnoresOffset,
    /// Past the end: an empty page that still says `hasMore`.
    EmptyWithMore,
}

fn answer(r: &Recorded, total: usize, paging: Paging) -> Value {
    let limit: usize = r.param("limit").map_or(50, |l| l.parse().unwrap());
    let mut offset: usize = r.param("offset").map_or(0, |o| o.parse().unwrap());
    if matches!(paging, Paging::IgnoresOffset) {
        offset = 0;
    }
    let end = (offset + limit).min(total);
    let members: Vec<Value> = (offset.min(end)..end).map(member).collect();
    let has_more = match paging {
        Paging::IgnoresOffset | Paging::EmptyWithMore => true,
        _ => end < total,
    };
    let pagination = json!({"total": total, "limit": limit, "offset": offset, "hasMore": has_more});
    match paging {
        Paging::InData => {
            json!({"success": true, "data": {"members": members, "pagination": pagination}})
        }
        _ => json!({"success": true, "members": members, "pagination": pagination}),
    }
}

async fn members_server(total: usize, paging: Paging) -> Fake {
    Fake::start(move |r| json(200, answer(r, total, paging))).await
}

#[tokio::test]
async fn walks_three_pages_lazily() {
    let fake = members_server(5, Paging::Honest).await;
    let client = fake.client();
    let mut stream = client.members().stream(
        MemberListParams::new()
            .limit(2)
            .status(MemberStatus::Accepted),
    );
    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(first.email, "m0@example.com");
    assert_eq!(
        fake.requests().len(),
        1,
        "one page fetched for the first item"
    );
    let rest: Vec<Member> = stream.try_collect().await.unwrap();
    assert_eq!(rest.len(), 4);
    assert_eq!(rest[3].id, "mem_4");
    assert_eq!(rest[0].model_status, Some(ModelStatus::Active));

    let requests = fake.requests();
    assert_eq!(
        requests.len(),
        3,
        "three pages, no extra request at the end"
    );
    let offsets: Vec<Option<&str>> = requests.iter().map(|r| r.param("offset")).collect();
    assert_eq!(offsets, [None, Some("2"), Some("4")]);
    for r in &requests {
        assert_eq!(r.path, "/api/v2/organization/team");
        assert_eq!(r.param("limit"), Some("2"));
        assert_eq!(r.param("status"), Some("accepted"));
    }
}

#[tokio::test]
async fn a_page_and_its_next_pages() {
    let fake = members_server(5, Paging::InData).await;
    let client = fake.client();
    let page = client
        .members()
        .list(MemberListParams::new().limit(2))
        .await
        .unwrap();
    assert_eq!(
        (page.items.len(), page.total, page.limit, page.offset),
        (2, 5, 2, 0)
    );
    assert!(page.has_more && page.has_next_page());
    assert_eq!(page.next_offset(), 2);
    let second = page.next_page().await.unwrap().unwrap();
    assert_eq!(second.offset, 2);
    assert_eq!(second.items[0].id, "mem_2");
    let third = second.next_page().await.unwrap().unwrap();
    assert_eq!(third.items.len(), 1);
    assert!(!third.has_more);
    assert!(third.next_page().await.unwrap().is_none());
    assert_eq!(fake.requests().len(), 3);

    // A page walks on from where it is.
    let all: Vec<Member> = second.into_stream().try_collect().await.unwrap();
    assert_eq!(
        all.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["mem_2", "mem_3", "mem_4"]
    );
}

#[tokio::test]
async fn a_server_that_repeats_a_page_is_an_error_not_a_loop() {
    let fake = members_server(10, Paging::IgnoresOffset).await;
    let client = fake.client();
    let results: Vec<_> = client
        .members()
        .stream(MemberListParams::new().limit(3))
        .collect()
        .await;
    assert_eq!(
        results.len(),
        4,
        "three items, then the error, then the end"
    );
    assert!(results[..3].iter().all(Result::is_ok));
    let err = results[3].as_ref().unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
    assert!(err.message().contains("same 3 items"), "{err}");
    assert!(err.message().contains("offset 3"), "{err}");
    assert_eq!(fake.requests().len(), 2);

    let page = client
        .members()
        .list(MemberListParams::new().limit(3))
        .await
        .unwrap();
    let err = page.next_page().await.unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
}

#[tokio::test]
async fn an_empty_page_ends_the_walk_even_with_has_more() {
    let fake = members_server(4, Paging::EmptyWithMore).await;
    let client = fake.client();
    let all: Vec<Member> = client
        .members()
        .stream(MemberListParams::new().limit(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(
        fake.requests().len(),
        3,
        "pages at 0, 2, and the empty one at 4"
    );

    let empty = client
        .members()
        .list(MemberListParams::new().limit(2).offset(4))
        .await
        .unwrap();
    assert!(empty.items.is_empty() && empty.has_more);
    assert!(!empty.has_next_page());
    assert!(empty.next_page().await.unwrap().is_none());
}

#[tokio::test]
async fn limit_and_offset_are_checked_before_any_request() {
    let fake = members_server(5, Paging::Honest).await;
    let client = fake.client();
    for params in [
        MemberListParams::new().limit(0),
        MemberListParams::new().limit(201),
        MemberListParams::new().limit(-5),
        MemberListParams::new().offset(-1),
    ] {
        let err = client.members().list(params.clone()).await.unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError", "{params:?}");
        let first = client.members().stream(params).next().await.unwrap();
        assert_eq!(first.unwrap_err().class_name(), "InvalidArgumentError");
    }
    let err = client
        .models()
        .list(ModelListParams::new().team_id(" "))
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert!(fake.requests().is_empty());

    client
        .members()
        .list(MemberListParams::new().limit(200).offset(0))
        .await
        .unwrap();
    client
        .members()
        .list(MemberListParams::new().limit(1))
        .await
        .unwrap();
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn lists_without_pagination_or_with_a_data_array() {
    let fake = Fake::start(|r| match r.path.as_str() {
        "/api/v2/organization/models" => json(
            200,
            json!({"success": true, "data": [
                {"id": "m1", "email": "a@b.co", "status": "active", "isDevelopment": true,
                 "createdAt": "2024-01-15T10:30:00Z", "teamId": "t1", "version": "lora"},
                {"id": "m2", "email": "c@d.co", "status": "retraining",
                 "createdAt": "2024-01-16T10:30:00Z"}
            ]}),
        ),
        _ => fake::not_found(),
    })
    .await;
    let client = fake.client();
    let page = client
        .models()
        .list(
            ModelListParams::new()
                .status(ModelStatus::Active)
                .team_id("t1"),
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        (page.total, page.offset, page.limit, page.has_more),
        (2, 0, 50, false)
    );
    assert!(page.items[0].is_development);
    assert_eq!(
        page.items[1].status,
        ModelStatus::Unknown("retraining".into())
    );
    let r = &fake.requests()[0];
    assert_eq!(
        (r.param("status"), r.param("teamId"), r.param("limit")),
        (Some("active"), Some("t1"), None)
    );
    let all: Vec<ModelSummary> = client
        .models()
        .stream(ModelListParams::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_bad_item_names_its_index() {
    let fake = Fake::start(|_| {
        json(
            200,
            json!({"members": [member(0), {"id": "x"}], "pagination": {"total": 2, "hasMore": false}}),
        )
    })
    .await;
    let err = fake
        .client()
        .members()
        .list(MemberListParams::new())
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
    assert!(err.message().starts_with("item 1:"), "{err}");
}
