"""What ``invites.create_many`` reports: one result per input email, and
progress as each one ends."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Optional

from ._base import _Base, _OpenEnum
from ._types import Invite

if TYPE_CHECKING:
    from ._errors import HeadshotProError


class BulkOutcome(_OpenEnum):
    """How one input of ``invites.create_many`` ended."""

    CREATED = "created"
    """The invite was sent (``result.invite`` holds it)."""
    EXISTS = "exists"
    """The email already had a pending invite: nothing new was sent."""
    INVALID = "invalid"
    """Not an email (rejected locally, never sent) or refused by the server as invalid."""
    FAILED = "failed"
    """The send failed: ``result.error`` holds the exception."""


@dataclasses.dataclass(frozen=True)
class BulkInviteResult(_Base):
    """One input of ``invites.create_many`` and how it ended. An email repeated
    in the input is sent once; each repeat ends as the first did."""

    email: str
    """The email as given (trimmed)."""
    team_id: Optional[str]
    """The team it was invited into, if any."""
    outcome: BulkOutcome
    invite: Optional[Invite]
    """The invite, when ``created``."""
    error: Optional[HeadshotProError]
    """Why, when ``invalid`` or ``failed`` (``InsufficientCreditsError`` or
    ``InviteLimitError`` for every input left once one of them stopped the sends)."""

    @property
    def ok(self) -> bool:
        """True when the email now has an invite (``created`` or ``exists``)."""
        return self.outcome in (BulkOutcome.CREATED, BulkOutcome.EXISTS)


@dataclasses.dataclass(frozen=True)
class BulkProgress(_Base):
    """One input of ``invites.create_many`` has ended (``on_progress``)."""

    index: int
    """Its position in the input."""
    result: BulkInviteResult
    completed: int
    """Inputs finished so far, this one included."""
    total: int
    """Inputs in this call."""


__all__ = ["BulkInviteResult", "BulkOutcome", "BulkProgress"]
