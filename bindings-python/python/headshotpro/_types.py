"""The API's types: frozen dataclasses with snake_case attributes.

Timestamps are timezone-aware UTC ``datetime``; statuses and event names are
``str`` enums that compare equal to their wire strings and keep values this
version does not know (``ModelStatus("retraining").is_unknown``). The native
module builds every value through this module's names; the current API's
types live in ``_current`` and ``_photos`` and load on first use.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any, List, Optional

from ._base import _Base, _OpenEnum, _utc_from_micros
from ._enums import InviteStatus, ModelStatus, WebhookEventType

if TYPE_CHECKING:
    from ._bulk import BulkInviteResult, BulkOutcome, BulkProgress
    from ._current import InviteV2, Member, ModelSummary
    from ._enums_current import (
        InviteV2Status,
        LikedStatus,
        MemberStatus,
        ModelVersion,
        PhotoInclude,
        PhotoStatus,
    )
    from ._photos import (
        DownloadLink,
        DownloadLinks,
        FailedDownload,
        FavoritePhoto,
        Photo,
        PhotoUrls,
        SavedPhoto,
        SaveProgress,
        SaveReport,
    )

#: The current API's types and their modules, imported on first use (so that
#: ``import headshotpro`` stays fast).
_LAZY = {
    **dict.fromkeys(("BulkInviteResult", "BulkOutcome", "BulkProgress"), "headshotpro._bulk"),
    **dict.fromkeys(("InviteV2", "Member", "ModelSummary"), "headshotpro._current"),
    **dict.fromkeys(
        ("InviteV2Status", "LikedStatus", "MemberStatus", "ModelVersion", "PhotoInclude", "PhotoStatus"),
        "headshotpro._enums_current",
    ),
    **dict.fromkeys(
        (
            "DownloadLink",
            "DownloadLinks",
            "FailedDownload",
            "FavoritePhoto",
            "Photo",
            "PhotoUrls",
            "SavedPhoto",
            "SaveProgress",
            "SaveReport",
        ),
        "headshotpro._photos",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value
    return value



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

    _WIRE_NAMES = {"id": "_id"}

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
    photo_id: Optional[str]
    """The chosen photo, on ``model.favorite_selected``."""
    object: ModelObject


@dataclasses.dataclass(frozen=True)
class AppInfo(_Base):
    """Your application, named in the user agent after the SDK's own as
    ``name/version (url)`` (Stripe's ``set_app_info`` format)::

        Client(app_info=AppInfo("AcmeOnboarding", version="1.4.2", url="https://acme.example"))

    A blank part or one with control characters is refused with
    ``InvalidArgumentError`` when the client is built."""

    name: str
    version: Optional[str] = None
    url: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class RequestEvent(_Base):
    """What an ``on_request`` hook is told before each attempt is sent
    (retries included)."""

    operation: str
    """The operation, e.g. ``models.retrieve`` (``request`` for ``client.request``)."""
    method: str
    """The HTTP method, e.g. ``GET``."""
    path: str
    """The path under the base URL, without the query."""
    attempt: int
    """1 for the first attempt, 2 for the first retry, …"""


@dataclasses.dataclass(frozen=True)
class ResponseEvent(_Base):
    """What an ``on_response`` hook is told after each attempt ended."""

    operation: str
    """The operation, e.g. ``models.retrieve``."""
    method: str
    """The HTTP method."""
    path: str
    """The path under the base URL, without the query."""
    attempt: int
    """1 for the first attempt, 2 for the first retry, …"""
    status: Optional[int]
    """The HTTP status, when the server answered."""
    duration: float
    """Seconds from sending the request to the end of the answer (or the failure)."""
    error: Optional[str]
    """The error class (``ServerError``, ``APIConnectionError``…) when the attempt failed."""
    rate_limit_remaining: Optional[int]
    """``X-RateLimit-Remaining`` of the answer, when sent."""
    will_retry: bool
    """Whether the call sends another attempt after this one."""


@dataclasses.dataclass(frozen=True)
class RateLimitInfo(_Base):
    """The ``X-RateLimit-*`` headers of an answer, each ``None`` when not sent."""

    limit: Optional[int]
    remaining: Optional[int]
    reset_at: Optional[datetime]


__all__ = [
    "AppInfo",
    "BulkInviteResult",
    "BulkOutcome",
    "BulkProgress",
    "RequestEvent",
    "ResponseEvent",
    "DeletedModel",
    "DownloadLink",
    "DownloadLinks",
    "FailedDownload",
    "FavoritePhoto",
    "Invite",
    "InviteDetails",
    "InviteStatus",
    "InviteSummary",
    "InviteV2",
    "InviteV2Status",
    "LikedStatus",
    "Member",
    "MemberStatus",
    "Model",
    "ModelObject",
    "ModelStatus",
    "ModelSummary",
    "ModelVersion",
    "Organization",
    "Photo",
    "PhotoInclude",
    "PhotoStatus",
    "PhotoUrls",
    "RateLimitInfo",
    "SaveProgress",
    "SaveReport",
    "SavedPhoto",
    "Team",
    "WebhookEvent",
    "WebhookEventType",
    "_OpenEnum",
    "_utc_from_micros",
]
