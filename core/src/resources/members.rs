//! Members of the organization under `/api/v2/organization/team`.

use crate::error::Result;
use crate::page::{ListRequest, Page};
use crate::page_stream::ItemStream;
use crate::types::{Member, MemberListParams};
use crate::Client;

/// Members of the organization: who was invited, who joined, who finished.
#[derive(Debug, Clone, Copy)]
pub struct Members<'a> {
    client: &'a Client,
}

impl<'a> Members<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// One page of members; `next_page()` fetches the following one.
    pub async fn list(&self, params: MemberListParams) -> Result<Page<Member>> {
        request(params)?.first(self.client).await
    }

    /// Every member from `params.offset` on, fetched page by page as the
    /// stream is read. Bad `limit`/`offset` values are the stream's first item.
    pub fn stream(&self, params: MemberListParams) -> ItemStream<Member> {
        match request(params) {
            Ok(request) => request.stream(self.client),
            Err(error) => ItemStream::failed(error),
        }
    }
}

fn request(params: MemberListParams) -> Result<ListRequest> {
    Ok(ListRequest::new(
        "members.list",
        "/api/v2/organization/team".to_owned(),
        &["members", "team"],
        params.limit,
        params.offset,
    )?
    .filter("status", params.status.map(|s| s.to_string())))
}
