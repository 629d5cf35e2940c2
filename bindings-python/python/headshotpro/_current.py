"""The current API's members, V2 invites and model summaries (loaded on first use)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Optional

from ._base import _Base
from ._enums import ModelStatus
from ._enums_current import InviteV2Status, MemberStatus, ModelVersion


@dataclasses.dataclass(frozen=True)
class Member(_Base):
    """A member of the organization: invited, joined or finished (``members.list``)."""

    id: str
    email: str
    name: Optional[str]
    status: MemberStatus
    team_id: Optional[str]
    team_name: Optional[str]
    model_id: Optional[str]
    """The member's model, once photos are uploaded."""
    model_status: Optional[ModelStatus]
    joined_at: Optional[datetime]


@dataclasses.dataclass(frozen=True)
class InviteV2(_Base):
    """An invite as the current API describes it (``invites.retrieve_by_email``)."""

    id: Optional[str]
    email: str
    status: InviteV2Status
    model_id: Optional[str]
    team_id: Optional[str]
    team_name: Optional[str]
    created_at: Optional[datetime]


@dataclasses.dataclass(frozen=True)
class ModelSummary(_Base):
    """One entry of the organization's model list (``models.list``)."""

    id: str
    uid: Optional[str]
    email: str
    title: Optional[str]
    status: ModelStatus
    team_id: Optional[str]
    team_name: Optional[str]
    is_development: bool
    version: Optional[ModelVersion]
    created_at: datetime
    finished_at: Optional[datetime]
