//! Pages of the current API's lists (`limit`/`offset` in, `pagination` out),
//! and the guards that keep a walk across pages from looping.
//!
//! A walk moves on by the number of items each page holds. It ends at
//! `hasMore: false`, and also at a page with no items (there is nothing to
//! move on by; the OpenAI SDKs stop there too). A page whose items are the
//! same as the previous page's means the server ignores `offset`: that is a
//! [`Error::ResponseDecode`] naming the problem, raised instead of handing
//! the same items out again.

use std::fmt;
use std::sync::Arc;

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::envelope::Answer;
use crate::error::{Error, Result};
use crate::page_stream::ItemStream;
use crate::transport::Call;
use crate::Client;

/// The largest `limit` the API accepts.
pub const MAX_LIMIT: i64 = 200;
/// The page size the API uses when no `limit` is given.
pub const DEFAULT_LIMIT: i64 = 50;

/// What a list call asks for; its pages keep it to fetch the next one.
#[derive(Debug, Clone)]
pub(crate) struct ListRequest {
    operation: &'static str,
    path: String,
    /// Where the items may sit in the answer, e.g. `["members"]`.
    item_keys: &'static [&'static str],
    filters: Vec<(&'static str, String)>,
    limit: Option<i64>,
    offset: i64,
}

impl ListRequest {
    /// A request for the page at `offset` (default 0), checking `limit`
    /// (1..=200) and `offset` (≥ 0) before anything is sent.
    pub fn new(
        operation: &'static str,
        path: String,
        item_keys: &'static [&'static str],
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Self> {
        if let Some(limit) = limit {
            if !(1..=MAX_LIMIT).contains(&limit) {
                return Err(Error::invalid(format!(
                    "limit must be between 1 and {MAX_LIMIT}, got {limit}"
                )));
            }
        }
        let offset = offset.unwrap_or(0);
        if offset < 0 {
            return Err(Error::invalid(format!(
                "offset must not be negative, got {offset}"
            )));
        }
        Ok(Self {
            operation,
            path,
            item_keys,
            filters: Vec::new(),
            limit,
            offset,
        })
    }

    /// Adds a query filter when it is set.
    pub fn filter(mut self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        if let Some(value) = value {
            self.filters.push((name, value.into()));
        }
        self
    }

    /// The first page.
    pub async fn first<T: DeserializeOwned>(self, client: &Client) -> Result<Page<T>> {
        let offset = self.offset;
        fetch(client, Arc::new(self), offset, None).await
    }

    /// Every item from the first page on, fetched page by page as the stream
    /// is polled.
    pub fn stream<T: DeserializeOwned + Send + 'static>(self, client: &Client) -> ItemStream<T> {
        ItemStream::new(client.clone(), self)
    }

    fn call(&self, offset: i64) -> Call {
        let mut call = Call::new(self.operation, Method::GET, self.path.clone());
        for (name, value) in &self.filters {
            call = call.query(*name, value.clone());
        }
        if let Some(limit) = self.limit {
            call = call.query("limit", limit.to_string());
        }
        if offset > 0 {
            call = call.query("offset", offset.to_string());
        }
        call
    }
}

/// One page of a list: its items and where it sits in the whole list.
///
/// `next_page()` fetches the page after it with the same filters and client;
/// `into_stream()` walks every item from here to the end.
///
/// In JSON (serde) a page is `{"items": [...], "pagination": {"total",
/// "limit", "offset", "hasMore"}}`; reading also accepts the items under
/// `data` and the pagination fields at the top level. A page read from JSON
/// has no client: its `next_page()` is an [`Error::InvalidArgument`] when
/// more items follow.
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items the whole list holds, as the server counted them.
    pub total: i64,
    /// The page size.
    pub limit: i64,
    /// How many items come before this page.
    pub offset: i64,
    /// Whether the server says more items follow.
    pub has_more: bool,
    /// `None` for a page read from JSON.
    cursor: Option<Cursor>,
}

/// What a page needs to fetch the next one, and to notice a repeat.
#[derive(Clone)]
struct Cursor {
    client: Client,
    request: Arc<ListRequest>,
    /// The offset this page was asked for.
    asked: i64,
    /// How many items it held as received (its `items` may be taken since).
    count: usize,
    fingerprint: u64,
}

impl<T> Page<T> {
    /// Whether [`Page::next_page`] will fetch something: the server says more
    /// follow and this page was not empty.
    pub fn has_next_page(&self) -> bool {
        self.has_more && self.count() > 0
    }

    /// The offset the next page is asked for.
    pub fn next_offset(&self) -> i64 {
        let count = i64::try_from(self.count()).unwrap_or(i64::MAX);
        let asked = self.cursor.as_ref().map_or(self.offset, |c| c.asked);
        asked.saturating_add(count)
    }

    /// The operation this page answers, e.g. `members.list` (empty for a
    /// page read from JSON).
    pub fn operation(&self) -> &'static str {
        self.cursor.as_ref().map_or("", |c| c.request.operation)
    }

    /// How many items the page held as received.
    fn count(&self) -> usize {
        self.cursor.as_ref().map_or(self.items.len(), |c| c.count)
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// The next page, or `None` at the end of the list. A server that answers
    /// with this page's items again is a [`Error::ResponseDecode`].
    pub async fn next_page(&self) -> Result<Option<Page<T>>> {
        match self.next_fetch() {
            Some(next) => next?.run().await.map(Some),
            None => Ok(None),
        }
    }
}

impl<T> Page<T> {
    /// What fetching the next page takes, owned, so the fetch does not borrow
    /// this page; `None` at the end of the list, an error for a page read
    /// from JSON that says more items follow.
    pub(crate) fn next_fetch(&self) -> Option<Result<NextFetch>> {
        if !self.has_next_page() {
            return None;
        }
        let Some(cursor) = &self.cursor else {
            return Some(Err(Error::invalid(
                "this page was read from JSON and has no client: list again to fetch more",
            )));
        };
        Some(Ok(NextFetch {
            client: cursor.client.clone(),
            request: Arc::clone(&cursor.request),
            offset: self.next_offset(),
            previous: Previous {
                offset: cursor.asked,
                fingerprint: cursor.fingerprint,
            },
        }))
    }
}

/// The next page's request, detached from the page before it.
pub(crate) struct NextFetch {
    client: Client,
    request: Arc<ListRequest>,
    offset: i64,
    previous: Previous,
}

impl NextFetch {
    /// Fetches the page, refusing a repeat of the previous one.
    pub async fn run<T: DeserializeOwned>(self) -> Result<Page<T>> {
        fetch(&self.client, self.request, self.offset, Some(self.previous)).await
    }
}

impl<T: DeserializeOwned + Send + 'static> Page<T> {
    /// Every item from this page to the end of the list, fetching each next
    /// page only when the stream reaches it.
    pub fn into_stream(self) -> ItemStream<T> {
        ItemStream::from_page(self)
    }
}

impl<T: Clone> Clone for Page<T> {
    fn clone(&self) -> Self {
        Self {
            items: self.items.clone(),
            total: self.total,
            limit: self.limit,
            offset: self.offset,
            has_more: self.has_more,
            cursor: self.cursor.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Page<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Page")
            .field("operation", &self.operation())
            .field("items", &self.items)
            .field("total", &self.total)
            .field("limit", &self.limit)
            .field("offset", &self.offset)
            .field("has_more", &self.has_more)
            .finish()
    }
}

/// The page before the one being fetched, to recognise a repeat.
#[derive(Clone, Copy)]
struct Previous {
    offset: i64,
    fingerprint: u64,
}

/// `pagination {total, limit, offset, hasMore}`, every field optional.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Pagination {
    #[serde(default)]
    total: Option<i64>,
    #[serde(default)]
    limit: Option<i64>,
    #[serde(default)]
    offset: Option<i64>,
    #[serde(default)]
    has_more: Option<bool>,
}

/// Fetches and decodes the page at `offset`.
async fn fetch<T: DeserializeOwned>(
    client: &Client,
    request: Arc<ListRequest>,
    offset: i64,
    previous: Option<Previous>,
) -> Result<Page<T>> {
    let call = request.call(offset);
    let (status, body) = client.transport.send_raw(&call).await?;
    client
        .transport
        .logged(read_page(client, request, offset, previous, status, &body))
}

/// Decodes a page's answer, refusing a repeat of the previous page.
fn read_page<T: DeserializeOwned>(
    client: &Client,
    request: Arc<ListRequest>,
    offset: i64,
    previous: Option<Previous>,
    status: u16,
    body: &[u8],
) -> Result<Page<T>> {
    let mut answer = Answer::parse(request.operation, status, body)?;
    let (items, fingerprint) = answer.take_items::<T>(request.item_keys)?;
    if let Some(previous) = previous {
        if !items.is_empty() && fingerprint == previous.fingerprint {
            return Err(answer.error(format!(
                "the server answered offset {offset} with the same {} items as offset {}: \
                 it does not page, so the walk stops instead of repeating them",
                items.len(),
                previous.offset
            )));
        }
    }
    let pagination = match answer.take::<Pagination>("pagination")? {
        Some(pagination) => pagination,
        None => Pagination {
            total: answer.take("total")?,
            limit: answer.take("limit")?,
            offset: answer.take("offset")?,
            has_more: answer.take("hasMore")?,
        },
    };
    let count = items.len();
    let page_offset = pagination.offset.unwrap_or(offset).max(0);
    let end = page_offset.saturating_add(i64::try_from(count).unwrap_or(i64::MAX));
    let total = pagination.total.unwrap_or(end).max(0);
    Ok(Page {
        items,
        total,
        limit: pagination.limit.or(request.limit).unwrap_or(DEFAULT_LIMIT),
        offset: page_offset,
        has_more: pagination.has_more.unwrap_or(total > end),
        cursor: Some(Cursor {
            client: client.clone(),
            request,
            asked: offset,
            count,
            fingerprint,
        }),
    })
}

/// A page as JSON: `{"items": [...], "pagination": {...}}`.
#[derive(Serialize)]
struct PageOut<'a, T> {
    items: &'a [T],
    pagination: PaginationOut,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PaginationOut {
    total: i64,
    limit: i64,
    offset: i64,
    has_more: bool,
}

impl<T: Serialize> Serialize for Page<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        PageOut {
            items: &self.items,
            pagination: PaginationOut {
                total: self.total,
                limit: self.limit,
                offset: self.offset,
                has_more: self.has_more,
            },
        }
        .serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    /// Items under `items` or `data`; pagination nested or at the top level.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct PageIn<T> {
            #[serde(alias = "data")]
            items: Vec<T>,
            #[serde(default)]
            pagination: Option<Pagination>,
            #[serde(default)]
            total: Option<i64>,
            #[serde(default)]
            limit: Option<i64>,
            #[serde(default)]
            offset: Option<i64>,
            #[serde(default)]
            has_more: Option<bool>,
        }
        let raw = PageIn::<T>::deserialize(d)?;
        let flat = Pagination {
            total: raw.total,
            limit: raw.limit,
            offset: raw.offset,
            has_more: raw.has_more,
        };
        let p = raw.pagination.unwrap_or(flat);
        let offset = p.offset.unwrap_or(0).max(0);
        let end = offset.saturating_add(i64::try_from(raw.items.len()).unwrap_or(i64::MAX));
        let total = p.total.unwrap_or(end).max(0);
        Ok(Self {
            items: raw.items,
            total,
            limit: p.limit.unwrap_or(DEFAULT_LIMIT),
            offset,
            has_more: p.has_more.unwrap_or(total > end),
            cursor: None,
        })
    }
}
