"""Webhook helpers: parse, verify and sign payloads. No client needed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping, Tuple, Union, cast

from . import _native
from ._types import WebhookEvent

if TYPE_CHECKING:  # imported for the type only: email costs import time
    from email.message import Message

RawBody = Union[bytes, bytearray, memoryview, str]
"""A raw request body, exactly as received (``str`` is encoded as UTF-8)."""

Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]], "Message"]
"""Request headers: any mapping (a dict, Flask/Django/Starlette headers, the
``http.server`` message) or (name, value) pairs. Names are matched case-insensitively."""

SIGNATURE_HEADER: str = _native.SIGNATURE_HEADER
TIMESTAMP_HEADER: str = _native.TIMESTAMP_HEADER
DEFAULT_TOLERANCE: float = _native.DEFAULT_TOLERANCE


def _bytes(raw: RawBody) -> bytes:
    if isinstance(raw, str):
        return raw.encode("utf-8")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return bytes(raw)
    raise TypeError(f"raw body must be bytes or str, not {type(raw).__name__}")


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    items = headers.items() if hasattr(headers, "items") else headers
    return [(str(name), str(value)) for name, value in items]


def parse_webhook(raw: RawBody) -> WebhookEvent:
    """Parses a webhook payload without checking a signature.

    Raises ``WebhookVerificationError`` when the payload is not a webhook event.
    Confirm state with ``models.retrieve`` before acting on an unsigned event.
    """
    return cast(WebhookEvent, _native.parse_webhook(_bytes(raw)))


def verify_webhook(
    raw: RawBody,
    headers: Headers,
    secret: str,
    tolerance: float = DEFAULT_TOLERANCE,
) -> WebhookEvent:
    """Checks the ``X-HeadshotPro-Signature`` (in constant time) and the age of
    ``X-HeadshotPro-Timestamp`` (at most ``tolerance`` seconds), then parses.

    Pass the raw body bytes as received, never re-serialised JSON. Raises
    ``WebhookVerificationError`` on a forgery, a stale or unsigned request.
    """
    return cast(
        WebhookEvent,
        _native.verify_webhook(_bytes(raw), _pairs(headers), secret, float(tolerance)),
    )


def sign_webhook(raw: RawBody, secret: str, timestamp: int) -> str:
    """The ``X-HeadshotPro-Signature`` value for a payload sent at ``timestamp``
    (unix seconds): for testing your own webhook endpoint."""
    return _native.sign_webhook(_bytes(raw), secret, int(timestamp))
