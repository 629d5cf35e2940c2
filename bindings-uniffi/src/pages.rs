//! One page object per item type of the current API's lists: uniffi cannot
//! export a generic `Page<T>`, so the `page!` macro declares each one (one
//! line) around the core's page. A page answers its items and where it sits
//! (`total`, `limit`, `offset`, `hasMore`) and fetches the next one with the
//! same filters; the core decides where a walk ends (`hasMore: false`, an
//! empty page) and refuses a server that repeats a page.
//!
//! The lazy walks over every item (Swift `AsyncSequence`, Kotlin `Flow`) are
//! written once in each package's own sources over `nextPage()`.

use std::sync::Arc;

use headshotpro::{FavoritePhoto, Member, ModelSummary, Page, Photo};

use crate::error::HeadshotProError;
use crate::guard::guard;
use crate::resources::FromCore;

/// Declares `$name`, the page object of `$item`s, and how a core page becomes one.
macro_rules! page {
    ($(#[$meta:meta])* $name:ident($item:ty)) => {
        $(#[$meta])*
        #[derive(Debug, uniffi::Object)]
        #[uniffi::export(Debug)]
        pub struct $name {
            page: Page<$item>,
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The items of this page.
            pub fn items(&self) -> Vec<$item> {
                self.page.items.clone()
            }

            /// How many items the whole list holds, as the server counted them.
            pub fn total(&self) -> i64 {
                self.page.total
            }

            /// The page size.
            pub fn limit(&self) -> i64 {
                self.page.limit
            }

            /// How many items come before this page.
            pub fn offset(&self) -> i64 {
                self.page.offset
            }

            /// Whether the server says more items follow.
            pub fn has_more(&self) -> bool {
                self.page.has_more
            }

            /// Whether `nextPage()` will fetch a page: more items follow and
            /// this page was not empty.
            pub fn has_next_page(&self) -> bool {
                self.page.has_next_page()
            }

            /// The page as the SDK's JSON:
            /// `{"items": […], "pagination": {"total", "limit", "offset", "hasMore"}}`,
            /// each item in the API's wire form.
            pub fn to_json(&self) -> Result<String, HeadshotProError> {
                Ok(headshotpro::to_json(&self.page)?)
            }

            /// The page after this one with the same filters, or nil/null at
            /// the end of the list. A server that answers this page's items
            /// again fails with `ResponseDecodeError`.
            pub async fn next_page(&self) -> Result<Option<Arc<Self>>, HeadshotProError> {
                let next = guard(self.page.operation(), self.page.next_page()).await?;
                Ok(next.map(|page| Arc::new(Self { page })))
            }
        }

        impl FromCore<Page<$item>> for Arc<$name> {
            fn from_core(page: Page<$item>) -> Self {
                Arc::new($name { page })
            }
        }
    };
}

page!(
    /// A page of `members().list(...)`.
    MemberPage(Member)
);
page!(
    /// A page of `models().list(...)`.
    ModelSummaryPage(ModelSummary)
);
page!(
    /// A page of `photos().list(modelId, ...)`.
    PhotoPage(Photo)
);
page!(
    /// A page of `photos().favorites(...)`.
    FavoritePhotoPage(FavoritePhoto)
);
