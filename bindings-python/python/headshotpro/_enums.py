"""The API's statuses and names: ``str`` enums that compare equal to their
wire strings and keep values this version does not know."""

from __future__ import annotations

from ._base import _OpenEnum


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
