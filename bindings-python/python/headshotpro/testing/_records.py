"""What the mock's control methods answer: typed, frozen dataclasses with
timestamps as UTC ``datetime`` and statuses as the package's enums."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any, List, Optional, Tuple

from .._base import _Base
from .._enums import InviteStatus, ModelStatus, WebhookEventType
from .._enums_current import LikedStatus, ModelVersion, PhotoStatus


@dataclasses.dataclass(frozen=True)
class MockInvite(_Base):
    """An invite as the mock keeps it (``accept_invite``, ``upload_photos``…)."""

    id: str
    email: str
    status: InviteStatus
    valid: bool
    """Still pending."""
    used: bool
    """Accepted."""
    team_id: Optional[str]
    created_at: datetime
    link: str


@dataclasses.dataclass(frozen=True)
class MockModel(_Base):
    """A whitelabel model as the mock keeps it (``complete_onboarding``, ``advance``…)."""

    model_id: str
    uid: str
    email: str
    team_id: Optional[str]
    status: ModelStatus
    is_development: bool
    version: ModelVersion
    photo_count: int
    favorite_photo_id: Optional[str]
    created_at: datetime
    finished_at: Optional[datetime]
    deleted_at: Optional[datetime]
    invite_expires_at: datetime


@dataclasses.dataclass(frozen=True)
class MockPhoto(_Base):
    """A photo as the mock keeps it (the API adds its signed URLs)."""

    id: str
    model_id: str
    status: PhotoStatus
    liked_status: LikedStatus
    created_at: datetime


@dataclasses.dataclass(frozen=True, repr=False)
class OrganizationSettings(_Base):
    """An organization's settings in the mock. ``repr()`` hides the API key and
    the webhook secret."""

    api_key: str
    uid: str
    name: str
    website: str
    description: str
    credits: int
    whitelabel: bool
    webhook_url: Optional[str]
    webhook_secret: Optional[str]
    invite_limit: Optional[int]
    rate_limit: Optional[int]
    rate_window_ms: int
    photos_per_model: int
    photo_url_ttl_ms: int
    envelope: str
    """Where V2 answers put their fields: ``"top"`` or ``"data"``."""

    def __repr__(self) -> str:
        def shown(name: str) -> str:
            value = getattr(self, name)
            secret = name in ("api_key", "webhook_secret") and value is not None
            return "'[redacted]'" if secret else repr(value)

        fields = ", ".join(f"{f.name}={shown(f.name)}" for f in dataclasses.fields(self))
        return f"OrganizationSettings({fields})"


@dataclasses.dataclass(frozen=True, repr=False)
class RecordedRequest(_Base):
    """A request the mock received (API or CDN; control calls are not logged).
    ``repr()`` hides the ``authorization`` header's value; ``headers`` has it whole."""

    method: str
    path: str
    """The path as received, still percent-encoded, without the query."""
    query: str
    """The raw query string (``""`` when none)."""
    headers: List[Tuple[str, str]]
    """The headers in order, names in lower case."""
    body: str

    def header(self, name: str) -> Optional[str]:
        """The first value of a header (the name in any case), or ``None``."""
        lower = name.lower()
        return next((value for key, value in self.headers if key == lower), None)

    def json(self) -> Any:
        """The body, parsed as JSON."""
        return json.loads(self.body)

    def __repr__(self) -> str:
        headers = [(k, "[redacted]" if k == "authorization" else v) for k, v in self.headers]
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, query={self.query!r}, "
            f"headers={headers!r}, body={self.body!r})"
        )


@dataclasses.dataclass(frozen=True)
class WebhookDelivery(_Base):
    """One webhook delivery attempt the mock made."""

    event: WebhookEventType
    event_id: str
    model_id: str
    url: str
    attempt: int
    """1 for the first attempt."""
    status: Optional[int]
    """The receiver's HTTP status, or ``None`` when no answer came."""
    error: Optional[str]
    """Why no answer came."""
    at: datetime


@dataclasses.dataclass(frozen=True)
class SeedReport(_Base):
    """What ``seed`` created."""

    members: int
    model_ids: List[str]
