"""Pages of the current API's lists, and walking every item across them.

A list call returns one page::

    page = client.members.list(status="finished", limit=200)
    page.items, page.total, page.has_more
    next_page = page.next_page()          # None at the end of the list

Iterating a page walks every item from that page to the end of the list,
fetching each next page only when the items before it are used up, so one
page is in memory at a time::

    for member in client.members.list(limit=200):
        ...

On ``AsyncClient`` the list call returns an ``AsyncPaginator`` at once:
``await`` it for the first page, or ``async for`` over it for every item.
Where the walk stops is the core's decision: at ``has_more`` false, at an
empty page, and with a ``ResponseDecodeError`` on a server that answers the
same page again.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Optional,
    TypeVar,
)

from . import _native

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")


def _loop() -> asyncio.AbstractEventLoop:
    import asyncio

    return asyncio.get_running_loop()


class _Page(Generic[T]):
    """What both kinds of page hold: the items and where they sit in the list."""

    __slots__ = ("_native", "items")

    items: List[T]
    """The items of this page."""

    def __init__(self, native: _native.NativePage) -> None:
        self._native = native
        self.items = native.items

    @property
    def data(self) -> List[T]:
        """The items of this page (``items``, by the name openai-python uses)."""
        return self.items

    @property
    def total(self) -> int:
        """How many items the whole list holds, as the server counted them."""
        return self._native.total

    @property
    def limit(self) -> int:
        """The page size."""
        return self._native.limit

    @property
    def offset(self) -> int:
        """How many items come before this page."""
        return self._native.offset

    @property
    def has_more(self) -> bool:
        """Whether the server says more items follow."""
        return self._native.has_more

    def has_next_page(self) -> bool:
        """Whether ``next_page()`` will fetch a page: more items follow and this
        page was not empty."""
        return self._native.has_next_page()

    def to_dict(self) -> Dict[str, Any]:
        """The page as a plain dict: ``items`` (each as a dict), ``total``,
        ``limit``, ``offset``, ``has_more``."""
        return {
            "items": [item.to_dict() if hasattr(item, "to_dict") else item for item in self.items],
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "has_more": self.has_more,
        }

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={self.items!r}, total={self.total}, "
            f"limit={self.limit}, offset={self.offset}, has_more={self.has_more})"
        )


class SyncPage(_Page[T]):
    """One page of a list, from ``Client``. Iterating it walks every item from
    here to the end of the list, fetching pages as it goes."""

    __slots__ = ()

    def next_page(self) -> Optional[SyncPage[T]]:
        """The next page with the same filters and page size, or ``None`` at the end."""
        native = self._native.next_page()
        return None if native is None else SyncPage(native)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page, then every page after it, each fetched when reached."""
        page: Optional[SyncPage[T]] = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[T]):
    """One page of a list, from ``AsyncClient``. ``async for`` over it walks
    every item from here to the end of the list, fetching pages as it goes."""

    __slots__ = ()

    async def next_page(self) -> Optional[AsyncPage[T]]:
        """The next page with the same filters and page size, or ``None`` at the end."""
        native = await self._native.next_page(_loop())
        return None if native is None else AsyncPage(native)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then every page after it, each fetched when reached."""
        page: Optional[AsyncPage[T]] = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[T]):
    """What a list call of ``AsyncClient`` returns, before any request:
    ``await`` it for the first page, or ``async for`` over it for every item
    of the list. Each use sends its own requests."""

    __slots__ = ("_first",)

    def __init__(self, first: Callable[[], Awaitable[_native.NativePage]]) -> None:
        self._first = first

    async def _first_page(self) -> AsyncPage[T]:
        return AsyncPage(await self._first())

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first_page()
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return "AsyncPaginator(<not fetched: await it or iterate with async for>)"
