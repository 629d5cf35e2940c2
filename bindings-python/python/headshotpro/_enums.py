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


class MemberStatus(_OpenEnum):
    """Where a member of the organization stands (``members.list``)."""

    ACCEPTED = "accepted"
    PENDING = "pending"
    FINISHED = "finished"


class InviteV2Status(_OpenEnum):
    """Where an invite stands in the current API (``invites.retrieve_by_email``)."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    UPLOADING = "uploading"
    GENERATING = "generating"
    COMPLETED = "completed"
    DELETED = "deleted"


class ModelVersion(_OpenEnum):
    """The kind of model to train (``models.create(version=...)``)."""

    LORA = "lora"
    ONE_SHOT = "one-shot"


class PhotoStatus(_OpenEnum):
    """Whether a photo is still available."""

    ACTIVE = "active"
    DELETED = "deleted"


class LikedStatus(_OpenEnum):
    """What the user thinks of a photo (``none`` on the wire when not rated)."""

    NONE = "none"
    LIKED = "liked"
    LOVED = "loved"


class PhotoInclude(_OpenEnum):
    """Which photo URLs an answer carries: ``main`` (the default) or ``all``
    (adds the thumbnail and original)."""

    MAIN = "main"
    ALL = "all"
