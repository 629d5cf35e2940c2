"""The exception hierarchy shared by every language of the SDK.

``str(e)`` is the full description (class, operation, status, code, message);
``e.message`` is the bare text. Every exception pickles with its attributes.
No attribute ever holds the API key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Optional


class HeadshotProError(Exception):
    """Base class of every error the SDK raises."""

    message: str
    """The bare message, without class or operation."""
    operation: Optional[str]
    """The operation, e.g. ``"invites.create"``, when a call failed."""
    may_have_reached_server: bool
    """Whether the request may have been processed (a credit-consuming call
    might have gone through)."""

    def __init__(
        self,
        message: str,
        *,
        operation: Optional[str] = None,
        may_have_reached_server: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.operation = operation
        self.may_have_reached_server = may_have_reached_server
        self._text: Optional[str] = None

    def __str__(self) -> str:
        return self._text if self._text is not None else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class InvalidArgumentError(HeadshotProError, ValueError):
    """Rejected locally, nothing was sent (bad email, empty id, missing key…)."""


class APIError(HeadshotProError):
    """The server answered with an error."""

    status: int
    """HTTP status."""
    code: str
    """The API's code (``NOT_FOUND``, …), or ``UNKNOWN``."""
    body: str
    """The raw answer body, truncated."""
    retry_after: Optional[float]
    """The server's ``Retry-After``, in seconds."""
    reset_at: Optional[datetime]
    """``X-RateLimit-Reset``: when the rate-limit window resets."""
    rate_limit_limit: Optional[int]
    """``X-RateLimit-Limit``."""
    rate_limit_remaining: Optional[int]
    """``X-RateLimit-Remaining``."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        code: str = "UNKNOWN",
        body: str = "",
        operation: Optional[str] = None,
        retry_after: Optional[float] = None,
        reset_at: Optional[datetime] = None,
        rate_limit_limit: Optional[int] = None,
        rate_limit_remaining: Optional[int] = None,
        may_have_reached_server: bool = True,
    ) -> None:
        super().__init__(
            message, operation=operation, may_have_reached_server=may_have_reached_server
        )
        self.status = status
        self.code = code
        self.body = body
        self.retry_after = retry_after
        self.reset_at = reset_at
        self.rate_limit_limit = rate_limit_limit
        self.rate_limit_remaining = rate_limit_remaining


class BadRequestError(APIError):
    """400: INVALID_REQUEST, INVALID_EMAIL, ALREADY_EXISTS, ALREADY_DELETED."""


class AuthenticationError(APIError):
    """401: missing or wrong API key."""


class InsufficientCreditsError(APIError):
    """402, or INSUFFICIENT_CREDITS at any status."""


class PermissionDeniedError(APIError):
    """403, e.g. whitelabel not enabled."""


class NotFoundError(APIError):
    """404."""


class RateLimitError(APIError):
    """429 RATE_LIMIT_EXCEEDED, after the retries ran out."""


class InviteLimitError(APIError):
    """429 INVITE_LIMIT_EXCEEDED: too many pending invites; never retried."""


class ServerError(APIError):
    """5xx."""


class APIConnectionError(HeadshotProError):
    """No answer: refused, reset, DNS or TLS failure."""

    def __init__(
        self,
        message: str,
        *,
        operation: Optional[str] = None,
        may_have_reached_server: bool = True,
    ) -> None:
        super().__init__(
            message, operation=operation, may_have_reached_server=may_have_reached_server
        )


class APITimeoutError(APIConnectionError):
    """An attempt (or ``models.wait``) ran out of time."""


class ResponseDecodeError(HeadshotProError):
    """A 2xx answer whose body is not what the API reference documents."""

    status: int
    """HTTP status of the answer."""
    body: str
    """The raw answer body, truncated."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        body: str = "",
        operation: Optional[str] = None,
        may_have_reached_server: bool = True,
    ) -> None:
        super().__init__(
            message, operation=operation, may_have_reached_server=may_have_reached_server
        )
        self.status = status
        self.body = body


class WebhookVerificationError(HeadshotProError):
    """A webhook with a bad or missing signature, a stale timestamp or a bad payload."""


_CLASSES: Dict[str, type] = {
    cls.__name__: cls
    for cls in (
        HeadshotProError,
        InvalidArgumentError,
        APIError,
        BadRequestError,
        AuthenticationError,
        InsufficientCreditsError,
        PermissionDeniedError,
        NotFoundError,
        RateLimitError,
        InviteLimitError,
        ServerError,
        APIConnectionError,
        APITimeoutError,
        ResponseDecodeError,
        WebhookVerificationError,
    )
}

_FIELDS: Dict[type, tuple[str, ...]] = {
    APIError: (
        "status",
        "code",
        "body",
        "operation",
        "retry_after",
        "reset_at",
        "rate_limit_limit",
        "rate_limit_remaining",
        "may_have_reached_server",
    ),
    APIConnectionError: ("operation", "may_have_reached_server"),
    ResponseDecodeError: ("status", "body", "operation", "may_have_reached_server"),
    HeadshotProError: ("operation", "may_have_reached_server"),
}


def _from_native(class_name: str, text: str, attrs: Dict[str, Any]) -> HeadshotProError:
    """Builds the exception the core named, with the attributes the core gave."""
    cls = _CLASSES.get(class_name, HeadshotProError)
    fields = next(f for base, f in _FIELDS.items() if issubclass(cls, base))
    kwargs = {name: attrs[name] for name in fields if attrs.get(name) is not None}
    error: HeadshotProError = cls(attrs["message"], **kwargs)
    error._text = text
    return error
