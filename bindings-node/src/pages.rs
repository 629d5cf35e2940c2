//! Pages of the current API's lists, one line per item type.
//!
//! A list call resolves with a page object: its items converted to JS, the
//! page fields (`total`, `limit`, `offset`, `hasMore`), and, while the core
//! says a next page exists (`Page::has_next_page`), a cursor whose `fetch`
//! asks the core for it (`Page::next_page`, which refuses a page that repeats
//! the previous one). The JS layer (`lib/page.js`) wraps this in `Page`,
//! `PagePromise` and the `for await` walk. The declarations carry plain
//! comments: napi would print a doc comment passed through `macro_rules!`
//! with its raw-string quotes into native.d.ts.

use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use crate::cancel::CancelToken;
use crate::error::NativeError;
use crate::run::spawn;
use crate::types::ToJs;
use crate::types_v2::{FavoritePhoto, Member, ModelSummary, Photo};

/// Declares, for each item type, the page object, its cursor class, and the
/// conversion of a core `Page`.
macro_rules! pages {
    ($( $page:ident, $cursor:ident: $core:ty => $js:ty; )*) => {$(
        // One page of a list: its items and where it sits in the whole list.
        #[napi(object, object_from_js = false)]
        pub struct $page {
            // The items of this page.
            pub items: Vec<$js>,
            // How many items the whole list holds.
            pub total: i64,
            // The page size.
            pub limit: i64,
            // How many items come before this page.
            pub offset: i64,
            // Whether the server says more items follow.
            pub has_more: bool,
            // Fetches the next page; absent at the end of the list.
            pub next: Option<$cursor>,
        }

        // What fetching the page after a page takes (the core page, its items
        // already handed to JS).
        #[napi]
        pub struct $cursor {
            page: headshotpro::Page<$core>,
        }

        #[napi]
        impl $cursor {
            // The next page (null if the list ended after all), cancelled by
            // the token.
            #[napi(catch_unwind)]
            pub fn fetch<'env>(
                &self,
                env: &'env Env,
                cancel: Option<&CancelToken>,
            ) -> Result<PromiseRaw<'env, Either<Option<$page>, NativeError>>> {
                let page = self.page.clone();
                spawn(env, cancel, page.operation(), async move {
                    page.next_page().await.map(ToJs::to_js)
                })
            }
        }

        impl ToJs for headshotpro::Page<$core> {
            type Js = $page;
            fn to_js(mut self) -> $page {
                let items = std::mem::take(&mut self.items);
                $page {
                    items: items.into_iter().map(<$js>::from).collect(),
                    total: self.total,
                    limit: self.limit,
                    offset: self.offset,
                    has_more: self.has_more,
                    next: self.has_next_page().then(|| $cursor { page: self }),
                }
            }
        }
    )*};
}

pages! {
    MemberPage, MemberPageCursor: headshotpro::Member => Member;
    ModelSummaryPage, ModelSummaryPageCursor: headshotpro::ModelSummary => ModelSummary;
    PhotoPage, PhotoPageCursor: headshotpro::Photo => Photo;
    FavoritePhotoPage, FavoritePhotoPageCursor: headshotpro::FavoritePhoto => FavoritePhoto;
}
