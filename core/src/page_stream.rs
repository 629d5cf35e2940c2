//! Every item of a list as a [`Stream`], one page in memory at a time.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::stream;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::page::{ListRequest, Page};
use crate::Client;

/// The items of a list across all its pages, fetched lazily: the next page is
/// requested only when the items of the current one are used up. Ends at the
/// end of the list; after an error it yields that error and ends.
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// # async fn demo(client: headshotpro::Client) -> headshotpro::Result<()> {
/// let mut members = client.members().stream(headshotpro::MemberListParams::new().limit(200));
/// while let Some(member) = members.try_next().await? {
///     println!("{} {}", member.email, member.status);
/// }
/// # Ok(()) }
/// ```
pub struct ItemStream<T> {
    inner: Pin<Box<dyn Stream<Item = Result<T>> + Send>>,
}

/// Where a walk stands between two items.
enum Walk<T> {
    /// Nothing fetched yet.
    Start(Client, ListRequest),
    /// Handing out a page's items; the page (emptied) fetches the next.
    Items(std::vec::IntoIter<T>, Page<T>),
    /// Finished, or failed.
    Done,
}

impl<T: DeserializeOwned + Send + 'static> ItemStream<T> {
    pub(crate) fn new(client: Client, request: ListRequest) -> Self {
        Self::walk(Walk::Start(client, request))
    }

    pub(crate) fn from_page(page: Page<T>) -> Self {
        Self::walk(Walk::from(page))
    }

    /// A stream whose only item is this error (a request refused locally).
    pub(crate) fn failed(error: Error) -> Self {
        Self {
            inner: Box::pin(stream::iter([Err(error)])),
        }
    }

    fn walk(start: Walk<T>) -> Self {
        let inner = stream::unfold(start, |mut walk| async move {
            loop {
                walk = match walk {
                    Walk::Done => return None,
                    Walk::Start(client, request) => match request.first::<T>(&client).await {
                        Ok(page) => Walk::from(page),
                        Err(error) => return Some((Err(error), Walk::Done)),
                    },
                    Walk::Items(mut items, page) => {
                        if let Some(item) = items.next() {
                            return Some((Ok(item), Walk::Items(items, page)));
                        }
                        let next = match page.next_fetch()? {
                            Ok(next) => next,
                            Err(error) => return Some((Err(error), Walk::Done)),
                        };
                        drop(page);
                        match next.run::<T>().await {
                            Ok(next) => Walk::from(next),
                            Err(error) => return Some((Err(error), Walk::Done)),
                        }
                    }
                };
            }
        });
        Self {
            inner: Box::pin(inner),
        }
    }
}

impl<T> From<Page<T>> for Walk<T> {
    fn from(mut page: Page<T>) -> Self {
        let items = std::mem::take(&mut page.items).into_iter();
        Walk::Items(items, page)
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ItemStream")
    }
}
