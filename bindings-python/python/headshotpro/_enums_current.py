"""The current API's statuses and names (members, V2 invites, model versions,
photos), loaded on first use like the types that carry them."""

from __future__ import annotations

from ._base import _OpenEnum


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
