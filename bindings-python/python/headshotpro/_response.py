"""Raw responses: a call's data with the status, headers and rate limit of
its answer, as openai-python's ``with_raw_response`` gives them::

    response = client.with_raw_response.models.retrieve(model_id)
    response.status, response.headers["content-type"], response.rate_limit.remaining
    model = response.parse()

Each raw call goes through a capturing twin of the client (same pool,
settings, hooks and logger) that records its answers, so concurrent raw
calls never see each other's facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Generic, Optional, TypeVar

from ._errors import InvalidArgumentError
from ._types import RateLimitInfo

if TYPE_CHECKING:
    from ._client import _BaseClient

T = TypeVar("T")


class APIResponse(Generic[T]):
    """A call's parsed data with the facts of the answer it came from (for a
    call that sent several requests, such as a create settled by a lookup,
    the last answer)."""

    __slots__ = ("data", "status", "headers", "rate_limit", "operation", "method", "path", "attempt", "elapsed")

    data: T
    """The call's result, as the plain call returns it."""
    status: int
    """The HTTP status."""
    headers: Dict[str, str]
    """Every header of the answer: names in lower case, repeated ones joined with ``", "``."""
    rate_limit: RateLimitInfo
    """The answer's ``X-RateLimit-*`` headers (each ``None`` when not sent)."""
    operation: str
    """The operation, e.g. ``models.retrieve``."""
    method: str
    """The HTTP method."""
    path: str
    """The path under the base URL, without the query."""
    attempt: int
    """Which attempt got this answer (1 unless retried)."""
    elapsed: float
    """How long that attempt took, in seconds."""

    def __init__(self, data: T, meta: Dict[str, Any]) -> None:
        self.data = data
        self.status = meta["status"]
        self.headers = meta["headers"]
        self.rate_limit = meta["rate_limit"]
        self.operation = meta["operation"]
        self.method = meta["method"]
        self.path = meta["path"]
        self.attempt = meta["attempt"]
        self.elapsed = meta["elapsed"]

    def parse(self) -> T:
        """The call's result (``data``), as openai-python's ``parse()``."""
        return self.data

    @property
    def request_id(self) -> Optional[str]:
        """The server's ``X-Request-Id``, when it sends one."""
        return self.headers.get("x-request-id")

    def __repr__(self) -> str:
        return f"<APIResponse {self.method} {self.path} -> {self.status} ({self.operation})>"


def _response(data: Any, meta: Optional[Dict[str, Any]]) -> APIResponse[Any]:
    if meta is None:
        raise InvalidArgumentError("with_raw_response: the call finished without receiving an answer")
    return APIResponse(data, meta)


class _RawResource:
    """``client.with_raw_response.<resource>``: its operations return ``APIResponse``."""

    def __init__(self, client: _BaseClient, resource: str, is_async: bool) -> None:
        self._client = client
        self._resource = resource
        self._async = is_async

    def __getattr__(self, operation: str) -> Callable[..., Any]:
        plain = getattr(getattr(self._client, self._resource), operation)  # fails early on a typo

        def through_twin() -> Any:
            twin, capture = self._client._capturing()
            return getattr(getattr(twin, self._resource), operation), capture

        if self._async:

            async def call_async(*args: Any, **kwargs: Any) -> APIResponse[Any]:
                method, capture = through_twin()
                data = await method(*args, **kwargs)
                return _response(data, capture.last())

            call_async.__name__ = operation
            call_async.__doc__ = plain.__doc__
            return call_async

        def call(*args: Any, **kwargs: Any) -> APIResponse[Any]:
            method, capture = through_twin()
            data = method(*args, **kwargs)
            return _response(data, capture.last())

        call.__name__ = operation
        call.__doc__ = plain.__doc__
        return call


class RawResponses:
    """``client.with_raw_response``: the client's resources whose operations
    return an ``APIResponse`` (data, status, headers, rate limit) instead of
    the data alone. A failed call raises the same exception as the plain call
    (an ``APIError`` carries its status and headers itself).

    Only calls answered by one request make sense here: not iteration over
    every page, ``models.wait`` (its last poll) or ``photos.save``."""

    def __init__(self, client: _BaseClient, is_async: bool) -> None:
        self._client = client
        self._async = is_async

    def __getattr__(self, resource: str) -> _RawResource:
        if resource not in ("organization", "invites", "teams", "models", "members", "photos"):
            raise AttributeError(f"with_raw_response has no resource {resource!r}")
        return _RawResource(self._client, resource, self._async)


__all__ = ["APIResponse", "RawResponses"]
