"""What every type of the package is built on: the open ``str`` enum, the
frozen dataclass base with ``to_dict()``, and UTC timestamps."""

from __future__ import annotations

import dataclasses
import enum
from datetime import datetime, timedelta, timezone
from typing import Any, Dict

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



def _plain(value: Any) -> Any:
    if isinstance(value, _OpenEnum):
        return str(value.value)
    if isinstance(value, _Base):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@dataclasses.dataclass(frozen=True)
class _Base:
    def to_dict(self) -> Dict[str, Any]:
        """The fields as a plain dict: snake_case keys, statuses as their wire
        strings, nested objects as dicts, timestamps as ``datetime``."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}
