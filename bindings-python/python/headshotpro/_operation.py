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
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Callable, Coroutine, Generic, Optional, TypeVar, overload

from . import _native

if TYPE_CHECKING:
    import asyncio

    from typing_extensions import Concatenate, ParamSpec

    P = ParamSpec("P")
else:  # only annotations use P; Python 3.9 has no ParamSpec
    P = TypeVar("P")

R = TypeVar("R")


class Call(Generic[R]):
    """A native operation function and its arguments; ``R`` is what it returns."""

    __slots__ = ("function", "args")

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.function = function
        self.args = args


def _loop() -> asyncio.AbstractEventLoop:
    import asyncio  # on the first async call: it costs import time

    return asyncio.get_running_loop()


class Resource:
    """A group of operations (``client.invites``, …) over one native client."""

    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        raise NotImplementedError


class SyncResource(Resource):
    """Operations run to completion, with the GIL released while they wait."""

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return call.function(*call.args)

        return method


class AsyncResource(Resource):
    """Operations are coroutines; cancelling the task cancels the request."""

    def _bind(self, shape: Callable[..., Call[Any]]) -> Callable[..., Any]:
        async def method(*args: Any, **kwargs: Any) -> Any:
            call = shape(self, *args, **kwargs)
            return await call.function(*call.args, _loop())

        return method


class operation(Generic[P, R]):  # noqa: N801 - used as a decorator
    """Declares an operation from its argument-shaping method (see the module doc)."""

    def __init__(self, shape: Callable[Concatenate[Any, P], Call[R]]) -> None:
        self._shape = shape
        self._name = shape.__name__
        self._signature: Optional[inspect.Signature] = None
        self.__doc__ = shape.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, resource: None, owner: Optional[type] = None) -> operation[P, R]: ...
    @overload
    def __get__(self, resource: SyncResource, owner: Optional[type] = None) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, resource: AsyncResource, owner: Optional[type] = None
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, resource: Optional[Resource], owner: Optional[type] = None) -> Any:
        if resource is None:
            return self
        method = resource._bind(self._shape)
        method.__name__ = self._name
        method.__qualname__ = f"{type(resource).__qualname__}.{self._name}"
        method.__doc__ = self.__doc__
        method.__signature__ = self.signature()  # type: ignore[attr-defined]
        # Later lookups find the bound method in the instance, not here.
        resource.__dict__[self._name] = method
        return method

    def signature(self) -> inspect.Signature:
        """The signature callers see: the shaping method's, without ``self``,
        returning what the ``Call`` returns."""
        if self._signature is None:
            full = inspect.signature(self._shape)
            returns = full.return_annotation
            if isinstance(returns, str) and returns.startswith("Call[") and returns.endswith("]"):
                returns = returns[len("Call[") : -1]
            self._signature = full.replace(
                parameters=list(full.parameters.values())[1:], return_annotation=returns
            )
        return self._signature
