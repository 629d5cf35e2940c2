"""HeadshotPro API client.

>>> import headshotpro
>>> client = headshotpro.Client()          # key from HEADSHOTPRO_API_KEY
>>> client.organization.credits()           # doctest: +SKIP
"""

from __future__ import annotations

import logging as _logging
import sys
from typing import TYPE_CHECKING, Any

from . import _native, _types
from ._client import (
    AsyncClient,
    AsyncInvitesResource,
    AsyncMembersResource,
    AsyncModelsResource,
    AsyncOrganizationResource,
    AsyncPhotosResource,
    AsyncTeamsResource,
    Client,
    InvitesResource,
    MembersResource,
    ModelsResource,
    OrganizationResource,
    PhotosResource,
    TeamsResource,
)
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    HeadshotProError,
    InsufficientCreditsError,
    InvalidArgumentError,
    InviteLimitError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    WebhookVerificationError,
)
from ._response import APIResponse
from ._types import (
    AppInfo,
    DeletedModel,
    Invite,
    InviteDetails,
    InviteStatus,
    InviteSummary,
    Model,
    ModelObject,
    ModelStatus,
    Organization,
    RateLimitInfo,
    RequestEvent,
    ResponseEvent,
    Team,
    WebhookEvent,
    WebhookEventType,
)
from ._webhooks import (
    DEFAULT_TOLERANCE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

if TYPE_CHECKING:
    from ._pagination import AsyncPage, AsyncPaginator, SyncPage
    from ._types import (
        BulkInviteResult,
        BulkOutcome,
        BulkProgress,
        DownloadLink,
        DownloadLinks,
        FailedDownload,
        FavoritePhoto,
        InviteV2,
        InviteV2Status,
        LikedStatus,
        Member,
        MemberStatus,
        ModelSummary,
        ModelVersion,
        Photo,
        PhotoInclude,
        PhotoStatus,
        PhotoUrls,
        SavedPhoto,
        SaveProgress,
        SaveReport,
    )

__version__: str = _native.VERSION
"""This package's version."""

#: Names imported on first use, so that ``import headshotpro`` stays fast.
_LAZY = dict.fromkeys(("AsyncPage", "AsyncPaginator", "SyncPage"), "headshotpro._pagination")


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name, "headshotpro._types" if name in _types._LAZY else None)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value
    return value


__all__ = [
    "APIConnectionError",
    "APIResponse",
    "AppInfo",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncInvitesResource",
    "AsyncMembersResource",
    "AsyncModelsResource",
    "AsyncOrganizationResource",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncPhotosResource",
    "AsyncTeamsResource",
    "AuthenticationError",
    "BadRequestError",
    "BulkInviteResult",
    "BulkOutcome",
    "BulkProgress",
    "Client",
    "DEFAULT_TOLERANCE",
    "DeletedModel",
    "DownloadLink",
    "DownloadLinks",
    "FailedDownload",
    "FavoritePhoto",
    "HeadshotProError",
    "InsufficientCreditsError",
    "InvalidArgumentError",
    "Invite",
    "InviteDetails",
    "InviteLimitError",
    "InviteStatus",
    "InviteSummary",
    "InviteV2",
    "InviteV2Status",
    "InvitesResource",
    "LikedStatus",
    "Member",
    "MemberStatus",
    "MembersResource",
    "Model",
    "ModelObject",
    "ModelStatus",
    "ModelSummary",
    "ModelVersion",
    "ModelsResource",
    "NotFoundError",
    "Organization",
    "OrganizationResource",
    "PermissionDeniedError",
    "Photo",
    "PhotoInclude",
    "PhotoStatus",
    "PhotoUrls",
    "PhotosResource",
    "RateLimitError",
    "RateLimitInfo",
    "RequestEvent",
    "ResponseEvent",
    "ResponseDecodeError",
    "SIGNATURE_HEADER",
    "SaveProgress",
    "SaveReport",
    "SavedPhoto",
    "ServerError",
    "SyncPage",
    "TIMESTAMP_HEADER",
    "Team",
    "TeamsResource",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookVerificationError",
    "__version__",
    "parse_webhook",
    "sign_webhook",
    "verify_webhook",
]

# A library's logger gets a NullHandler: records reach the application's
# handlers, and an unconfigured program does not print the core's warn/error
# lines through logging's last-resort handler.
_logging.getLogger("headshotpro").addHandler(_logging.NullHandler())

from . import _logs  # noqa: E402 - after the NullHandler, which it looks past

_logs.configure_from_env()
