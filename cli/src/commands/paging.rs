//! Lists that come in pages: one page, or every item with `--all`, printed
//! in JSON as `{"data": [...], "total": N, "hasMore": bool, "nextOffset": N|null}`.

use futures_util::TryStreamExt;
use headshotpro::{ItemStream, Page};
use serde::Serialize;

use crate::failure::Outcome;
use crate::output;

/// Items of a list and where they sit in it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed<T> {
    /// The items.
    pub data: Vec<T>,
    /// How many items the whole list holds.
    pub total: i64,
    /// Whether more items follow.
    pub has_more: bool,
    /// The `--offset` of the next page, when more follow.
    pub next_offset: Option<i64>,
}

impl<T> Listed<T> {
    /// One page.
    pub fn from_page(page: Page<T>) -> Self {
        let next_offset = page.has_more.then(|| page.next_offset());
        Self {
            total: page.total,
            has_more: page.has_more,
            next_offset,
            data: page.items,
        }
    }

    /// After a table: how to get the rest.
    pub fn print_footer(&self) -> Outcome {
        match self.next_offset {
            Some(next) => output::line(&format!(
                "({} of {}; more with --offset {next}, or --all)",
                self.data.len(),
                self.total
            )),
            None => Ok(()),
        }
    }
}

/// Every item of a stream.
pub async fn all<T>(stream: ItemStream<T>) -> Outcome<Listed<T>> {
    let data: Vec<T> = stream.try_collect().await?;
    let total = i64::try_from(data.len()).unwrap_or(i64::MAX);
    Ok(Listed {
        data,
        total,
        has_more: false,
        next_offset: None,
    })
}
