//! V2 query parameters: paging (`limit`, `offset`), `include`, and enum filters. Anything
//! malformed is a 400 INVALID_REQUEST naming the parameter.

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};

/// The page size when `limit` is absent.
pub const DEFAULT_LIMIT: usize = 50;

/// The largest page size.
pub const MAX_LIMIT: usize = 200;

/// The parsed query string.
pub struct Params(HashMap<String, String>);

impl Params {
    /// Reads the query string (a malformed one is a 400).
    pub fn new(query: Result<Query<HashMap<String, String>>, QueryRejection>) -> ApiResult<Self> {
        query
            .map(|Query(map)| Self(map))
            .map_err(|e| ApiError::invalid(format!("invalid query string: {}", e.body_text())))
    }

    /// A parameter, absent when missing or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A parameter that must be one of the values `parse` accepts.
    pub fn parse<T>(&self, name: &str, parse: impl Fn(&str) -> Option<T>) -> ApiResult<Option<T>> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => parse(text)
                .map(Some)
                .ok_or_else(|| ApiError::invalid(format!("invalid value for {name}: {text}"))),
        }
    }

    /// `include=main|all`: whether every size is wanted.
    pub fn include_all(&self) -> ApiResult<bool> {
        Ok(self.parse("include", include)?.unwrap_or(false))
    }

    /// `limit` (1..=200, default 50) and `offset` (≥ 0, default 0).
    pub fn paging(&self) -> ApiResult<Paging> {
        let limit = match self.get("limit") {
            None => DEFAULT_LIMIT,
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|l| (1..=MAX_LIMIT).contains(l))
                .ok_or_else(|| {
                    ApiError::invalid(format!(
                        "limit must be an integer from 1 to {MAX_LIMIT}, not {text}"
                    ))
                })?,
        };
        let offset = match self.get("offset") {
            None => 0,
            Some(text) => text.parse::<usize>().map_err(|_| {
                ApiError::invalid(format!("offset must be a non-negative integer, not {text}"))
            })?,
        };
        Ok(Paging { limit, offset })
    }
}

/// `main` or `all`.
pub fn include(text: &str) -> Option<bool> {
    match text {
        "main" => Some(false),
        "all" => Some(true),
        _ => None,
    }
}

/// Which slice of a list to answer.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// The page size.
    pub limit: usize,
    /// How many items to skip.
    pub offset: usize,
}

impl Paging {
    /// This page of `items` and its `pagination {total, limit, offset, hasMore}`.
    pub fn apply<T>(self, items: Vec<T>) -> (Vec<T>, Value) {
        let total = items.len();
        let page: Vec<T> = items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect();
        let has_more = self.offset.saturating_add(page.len()) < total;
        let pagination = json!({
            "total": total,
            "limit": self.limit,
            "offset": self.offset,
            "hasMore": has_more,
        });
        (page, pagination)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_report_what_is_left() {
        let paging = Paging {
            limit: 2,
            offset: 3,
        };
        let (page, pagination) = paging.apply(vec![1, 2, 3, 4, 5]);
        assert_eq!(page, vec![4, 5]);
        assert_eq!(
            pagination,
            json!({"total": 5, "limit": 2, "offset": 3, "hasMore": false})
        );
        let (page, pagination) = Paging {
            limit: 2,
            offset: 9,
        }
        .apply(vec![1]);
        assert!(page.is_empty());
        assert_eq!(pagination["hasMore"], false);
    }
}
