"""Each operation is written once and bound twice: as a blocking method on the
resources of ``Client`` and as a coroutine method on those of ``AsyncClient``.

An operation is a method decorated with ``@operation`` that only shapes its
arguments into a ``Call`` of a native function::

    @operation
    def retrieve(self, model_id: str) -> Call[Model]:
        \"\"\"One model.\"\"\"
        return Call(_native.models_retrieve, self._native, model_id)

On a ``SyncResource`` it is ``(model_id: str) -> Model``; on an
``AsyncResource`` it is ``async (model_id: str) -> Model``. Type checkers see
those precise signatures (the descriptor's ``__get__`` is overloaded on the
kind of resource), and ``help()`` shows them too.

A list is declared the same way with ``@paginated``, shaping a ``ListCall``
of the item type: on a ``SyncResource`` it returns a ``SyncPage`` (the first
page, fetched), on an ``AsyncResource`` an ``AsyncPaginator`` (awaitable for
the first page, async-iterable for every item)::

    @paginated
    def list(self, *, limit: Optional[int] = None) -> ListCall[Member]:
        return ListCall(_native.members_list, self._native, None, limit, None)
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Callable, Coroutine, Generic, Optional, TypeVar, overload

from . import _native

if TYPE_CHECKING:
    import asyncio

    from ._pagination import AsyncPaginator, SyncPage

    from typing_extensions import Concatenate, ParamSpec

    P = ParamSpec("P")
else:  # only annotations use P; Python 3.9 has no ParamSpec
    P = TypeVar("P")

R = TypeVar("R")
T = TypeVar("T")


class Call(Generic[R]):
    """A native operation function and its arguments; ``R`` is what it returns."""

    __slots__ = ("function", "args")

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.function = function
        self.args = args


class ListCall(Generic[T]):
    """A native list function and its arguments; it returns a page of ``T``."""

    __slots__ = ("function", "args")

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.function = function
        self.args = args


def _loop() -> asyncio.AbstractEventLoop:
    import asyncio  # on the first async call: it costs import time

    return asyncio.get_running_loop()


class Resource:
    """A group of operations (``client.invites``, …) over one native client."""

    #: How this kind of resource shows a list's result in ``help()``.
    _page_class = "SyncPage"

    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        raise NotImplementedError

    def _bind_list(self, shape: Callable[..., ListCall[Any]]) -> Callable[..., Any]:
        raise NotImplementedError


class SyncResource(Resource):
    """Operations run to completion, with the GIL released while they wait."""

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return call.function(*call.args)

        return method

    def _bind_list(self, shape: Callable[..., ListCall[Any]]) -> Callable[..., Any]:
        from ._pagination import SyncPage

        def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return SyncPage(call.function(*call.args))

        return method


class AsyncResource(Resource):
    """Operations are coroutines; cancelling the task cancels the request."""

    _page_class = "AsyncPaginator"

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        async def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return await call.function(*call.args, _loop())

        return method

    def _bind_list(self, shape: Callable[..., ListCall[Any]]) -> Callable[..., Any]:
        from ._pagination import AsyncPaginator

        def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return AsyncPaginator(lambda: call.function(*call.args, _loop()))

        return method


class _Declared:
    """A method declared from its argument-shaping method, bound on first use."""

    #: The generic the shaping method returns (``Call`` or ``ListCall``).
    _shaped = "Call"

    def __init__(self, shape: Callable[..., Any]) -> None:
        self._shape = shape
        self._name = shape.__name__
        self.__doc__ = shape.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _method(self, resource: Resource) -> Callable[..., Any]:
        raise NotImplementedError

    def _returns(self, resource: Resource, item: str) -> str:
        raise NotImplementedError

    def _bound(self, resource: Resource) -> Callable[..., Any]:
        method = self._method(resource)
        method.__name__ = self._name
        method.__qualname__ = f"{type(resource).__qualname__}.{self._name}"
        method.__doc__ = self.__doc__
        method.__signature__ = self.signature(resource)  # type: ignore[attr-defined]
        # Later lookups find the bound method in the instance, not here.
        resource.__dict__[self._name] = method
        return method

    def signature(self, resource: Resource) -> inspect.Signature:
        """The signature callers see on ``resource``: the shaping method's,
        without ``self``, returning what the call gives back there."""
        full = inspect.signature(self._shape)
        returns = full.return_annotation
        prefix = f"{self._shaped}["
        if isinstance(returns, str) and returns.startswith(prefix) and returns.endswith("]"):
            returns = self._returns(resource, returns[len(prefix) : -1])
        return full.replace(parameters=list(full.parameters.values())[1:], return_annotation=returns)


class operation(_Declared, Generic[P, R]):  # noqa: N801 - used as a decorator
    """Declares an operation from its argument-shaping method (see the module doc)."""

    def __init__(self, shape: Callable[Concatenate[Any, P], Call[R]]) -> None:
        super().__init__(shape)

    @overload
    def __get__(self, resource: None, owner: Optional[type] = None) -> operation[P, R]: ...
    @overload
    def __get__(self, resource: SyncResource, owner: Optional[type] = None) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, resource: AsyncResource, owner: Optional[type] = None
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, resource: Optional[Resource], owner: Optional[type] = None) -> Any:
        return self if resource is None else self._bound(resource)

    def _method(self, resource: Resource) -> Callable[..., Any]:
        return resource._bind(self._shape)

    def _returns(self, resource: Resource, item: str) -> str:
        return item


class paginated(_Declared, Generic[P, T]):  # noqa: N801 - used as a decorator
    """Declares a list from its argument-shaping method (see the module doc)."""

    _shaped = "ListCall"

    def __init__(self, shape: Callable[Concatenate[Any, P], ListCall[T]]) -> None:
        super().__init__(shape)

    @overload
    def __get__(self, resource: None, owner: Optional[type] = None) -> paginated[P, T]: ...
    @overload
    def __get__(
        self, resource: SyncResource, owner: Optional[type] = None
    ) -> Callable[P, SyncPage[T]]: ...
    @overload
    def __get__(
        self, resource: AsyncResource, owner: Optional[type] = None
    ) -> Callable[P, AsyncPaginator[T]]: ...
    def __get__(self, resource: Optional[Resource], owner: Optional[type] = None) -> Any:
        return self if resource is None else self._bound(resource)

    def _method(self, resource: Resource) -> Callable[..., Any]:
        return resource._bind_list(self._shape)

    def _returns(self, resource: Resource, item: str) -> str:
        return f"{resource._page_class}[{item}]"
