"""The API's types: frozen dataclasses with snake_case attributes.

Timestamps are timezone-aware UTC ``datetime``; statuses and event names are
``str`` enums that compare equal to their wire strings and keep values this
version does not know (``ModelStatus("retraining").is_unknown``).
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, TypeVar

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_E = TypeVar("_E", bound="_OpenEnum")


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


class ModelStatus(_OpenEnum):
    """Status of a whitelabel model."""

    ONBOARDING = "onboarding"
    WAITING = "waiting"
    PENDING = "pending"
    GENERATING_HEADSHOTS = "generatingHeadshots"
    ACTIVE = "active"
    FAILED = "failed"
    DELETED = "deleted"


class InviteStatus(_OpenEnum):
    """Status of a team-member invite."""

    PENDING_INVITE = "pending-invite"
    REVOKED = "revoked"
    WAITING_FOR_UPLOAD = "waiting-for-upload"
    ACTIVE = "active"
    GENERATING_HEADSHOTS = "generating-headshots"
    DELETED = "deleted"


class WebhookEventType(_OpenEnum):
    """The ``event`` of a webhook."""

    MODEL_CREATED = "model.created"
    MODEL_STATUS_UPDATED = "model.status.updated"
    MODEL_PHOTOS_READY = "model.photos_ready"
    MODEL_FAVORITE_SELECTED = "model.favorite_selected"
    MODEL_DELETED = "model.deleted"


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


@dataclasses.dataclass(frozen=True)
class Team(_Base):
    """A team of the organization."""

    id: str
    name: str


@dataclasses.dataclass(frozen=True)
class Organization(_Base):
    """The organization behind the API key."""

    uid: str
    name: str
    website: Optional[str]
    description: Optional[str]
    teams: List[Team]


@dataclasses.dataclass(frozen=True)
class Invite(_Base):
    """A newly created invite."""

    id: str
    email: str
    link: str
    team_id: Optional[str]
    message: Optional[str]


@dataclasses.dataclass(frozen=True)
class InviteSummary(_Base):
    """An invite as listed by ``invites.list()``."""

    id: str
    email: str
    valid: bool
    team_id: Optional[str]
    created_at: datetime
    used: bool
    link: str


@dataclasses.dataclass(frozen=True)
class InviteDetails(_Base):
    """An invite's state, from ``invites.retrieve()``."""

    email: str
    status: InviteStatus
    team_id: Optional[str]


@dataclasses.dataclass(frozen=True, repr=False)
class Model(_Base):
    """A whitelabel model. ``signed_url`` logs the user in: ``repr()`` shows it
    with its token redacted; the attribute itself is whole."""

    model_id: str
    status: ModelStatus
    is_development: bool
    signed_url: str

    def __repr__(self) -> str:
        from . import _native

        return (
            f"Model(model_id={self.model_id!r}, status={self.status!r}, "
            f"is_development={self.is_development!r}, "
            f"signed_url={_native.redact_url(self.signed_url)!r})"
        )


@dataclasses.dataclass(frozen=True)
class DeletedModel(_Base):
    """The answer to ``models.delete()``."""

    model_id: str
    message: str


@dataclasses.dataclass(frozen=True)
class ModelObject(_Base):
    """The model carried by a webhook event."""

    id: str
    uid: str
    title: str
    trigger: str
    status: ModelStatus
    is_development: bool
    finished_at: Optional[datetime]
    deleted_at: Optional[datetime]
    invite_expires_at: Optional[datetime]
    created_at: datetime
    organization: str


@dataclasses.dataclass(frozen=True)
class WebhookEvent(_Base):
    """A webhook delivery. Confirm state with ``models.retrieve`` before acting
    on an event that was not verified with ``verify_webhook``."""

    id: Optional[str]
    event: WebhookEventType
    created_at: Optional[datetime]
    object_type: str
    object: ModelObject


@dataclasses.dataclass(frozen=True)
class RateLimitInfo(_Base):
    """The ``X-RateLimit-*`` headers of an error answer, when sent."""

    limit: Optional[int]
    remaining: Optional[int]
    reset_at: Optional[datetime]
