//! `NativePage`: one page of a list, with what it takes to fetch the next.
//!
//! The core's `Page<T>` is generic; a pyclass cannot be. A `NativePage`
//! therefore holds its items already converted to Python, and the core page
//! (emptied of its items) behind the [`NextPage`] trait, which fetches the
//! following page with the core's own guards (an empty page ends the walk,
//! a repeated page is a `ResponseDecodeError`).

use std::sync::Arc;

use headshotpro::Page;
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::de::DeserializeOwned;

use crate::call::run;
use crate::convert::{obj, ToPython};

/// Fetches the page after this one.
trait NextPage: Send + Sync {
    /// Whether there is a next page to fetch.
    fn has_next(&self) -> bool;

    /// The next page as a `NativePage` (or `None` at the end), blocking or as
    /// an asyncio future, like every operation.
    fn fetch(&self, py: Python<'_>, event_loop: Option<Bound<'_, PyAny>>) -> PyResult<Py<PyAny>>;
}

impl<T> NextPage for Arc<Page<T>>
where
    T: ToPython + DeserializeOwned + Send + Sync + 'static,
{
    fn has_next(&self) -> bool {
        self.has_next_page()
    }

    fn fetch(&self, py: Python<'_>, event_loop: Option<Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        let page = Arc::clone(self);
        run(py, event_loop, page.operation(), async move {
            page.next_page().await
        })
    }
}

/// One page of a list (`headshotpro.SyncPage` and `AsyncPage` wrap it).
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct NativePage {
    items: Py<PyList>,
    total: i64,
    limit: i64,
    offset: i64,
    has_more: bool,
    next: Box<dyn NextPage>,
}

#[pymethods]
impl NativePage {
    /// The items of this page, as a new list.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self.items.bind(py);
        PyList::new(py, items.iter())
    }

    /// How many items the whole list holds.
    #[getter]
    fn total(&self) -> i64 {
        self.total
    }

    /// The page size.
    #[getter]
    fn limit(&self) -> i64 {
        self.limit
    }

    /// How many items come before this page.
    #[getter]
    fn offset(&self) -> i64 {
        self.offset
    }

    /// Whether the server says more items follow.
    #[getter]
    fn has_more(&self) -> bool {
        self.has_more
    }

    /// Whether `next_page` will fetch a page (more follow and this page was
    /// not empty).
    fn has_next_page(&self) -> bool {
        self.next.has_next()
    }

    /// The next page, or `None` at the end of the list.
    #[pyo3(signature = (event_loop=None))]
    fn next_page(
        &self,
        py: Python<'_>,
        event_loop: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.next.fetch(py, event_loop)
    }
}

impl<T> ToPython for Page<T>
where
    T: ToPython + DeserializeOwned + Send + Sync + 'static,
{
    fn to_python(mut self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = obj(py, std::mem::take(&mut self.items))?
            .cast_into::<PyList>()?
            .unbind();
        let page = NativePage {
            items,
            total: self.total,
            limit: self.limit,
            offset: self.offset,
            has_more: self.has_more,
            next: Box::new(Arc::new(self)),
        };
        Ok(Py::new(py, page)?.into_any())
    }
}
