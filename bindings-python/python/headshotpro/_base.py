"""What every type of the package is built on: the open ``str`` enum, the
frozen dataclass base with ``to_dict()``, ``to_json()`` and ``from_json()``,
and UTC timestamps."""

from __future__ import annotations

import dataclasses
import enum
import json
import os
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar, Dict, Type, TypeVar

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _utc_from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


class _OpenEnum(str, enum.Enum):
    """A ``str`` enum that keeps unknown values as pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # A new pseudo-member each time, never cached: unknown values come from
        # the network (unsigned webhooks too), and a cache of them would grow
        # without bound. Equal unknown values still compare and hash equal.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value this version of the SDK does not know."""
        return self._name_ == "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.value)!r})"



B = TypeVar("B", bound="_Base")


def iso(at: datetime) -> str:
    """A timestamp as the API writes it: ISO 8601 in UTC with a ``Z``, and a
    fraction only when it has one (``2025-01-15T10:30:00.250Z``)."""
    at = at.astimezone(timezone.utc)
    text = at.strftime("%Y-%m-%dT%H:%M:%S")
    if at.microsecond % 1000:
        text += f".{at.microsecond:06d}"
    elif at.microsecond:
        text += f".{at.microsecond // 1000:03d}"
    return text + "Z"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _error(err: BaseException, wire: bool) -> Dict[str, Any]:
    """An exception of the package as the core writes errors: its class as
    ``type``, its message and the facts it carries."""
    facts: Dict[str, Any] = {"type": type(err).__name__, "message": getattr(err, "message", str(err))}
    for name in ("operation", "status", "code", "body"):
        value = getattr(err, name, None)
        if value is not None:
            facts[name] = value
    limit = {
        "limit": getattr(err, "rate_limit_limit", None),
        "remaining": getattr(err, "rate_limit_remaining", None),
        "reset_at": getattr(err, "reset_at", None),
    }
    if any(v is not None for v in limit.values()):
        facts["rate_limit"] = {
            ("resetAt" if wire and k == "reset_at" else k): (iso(v) if isinstance(v, datetime) else v)
            for k, v in limit.items()
        }
    retry_after = getattr(err, "retry_after", None)
    if retry_after is not None:
        facts["retry_after_ms"] = round(retry_after * 1000)
    facts["may_have_reached_server"] = bool(getattr(err, "may_have_reached_server", False))
    return {_camel(k): v for k, v in facts.items()} if wire else facts


def _plain(value: Any, wire: bool = False) -> Any:
    if isinstance(value, _OpenEnum):
        return str(value.value)
    if isinstance(value, _Base):
        return value._wire() if wire else value.to_dict()
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, BaseException):
        return _error(value, wire)
    if isinstance(value, (list, tuple)):
        return [_plain(item, wire) for item in value]
    return value


@dataclasses.dataclass(frozen=True)
class _Base:
    #: Wire names that are not the camelCase of the attribute (``id`` is ``_id``).
    _WIRE_NAMES: ClassVar[Dict[str, str]] = {}

    def to_dict(self) -> Dict[str, Any]:
        """The fields as a plain dict that ``json.dumps`` takes: snake_case keys,
        statuses as their wire strings, timestamps as ISO 8601 strings in UTC
        (``2025-01-15T10:30:00Z``), nested objects as dicts, paths as strings, an
        exception as ``{"type", "message", "status", "code", …}``::

            json.dumps(model.to_dict())"""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def _wire(self) -> Dict[str, Any]:
        return {
            self._WIRE_NAMES.get(f.name) or _camel(f.name): _plain(getattr(self, f.name), wire=True)
            for f in dataclasses.fields(self)
        }

    def to_json(self) -> str:
        """The value as the API's JSON (camelCase names, ISO 8601 timestamps,
        statuses as sent), the form every language of the SDK reads back with
        ``from_json``: ``Model.from_json(model.to_json()) == model``."""
        return json.dumps(self._wire(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls: Type[B], text: str) -> B:
        """Reads a value of this type from the API's JSON (what ``to_json``
        writes, or an answer of the API), through the SDK's core.

        Raises ``InvalidArgumentError`` for text that is not this type's JSON, or
        for a type that cannot be read back (progress reports, hook events)."""
        from . import _native

        value: B = _native.from_json(cls.__name__, text)
        return value
