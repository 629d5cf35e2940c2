"""HeadshotPro API client.

>>> import headshotpro
>>> client = headshotpro.Client()          # key from HEADSHOTPRO_API_KEY
>>> client.organization.credits()           # doctest: +SKIP
"""

from __future__ import annotations

import logging as _logging

from . import _native
from ._client import (
    AsyncClient,
    AsyncInvitesResource,
    AsyncModelsResource,
    AsyncOrganizationResource,
    AsyncTeamsResource,
    Client,
    InvitesResource,
    ModelsResource,
    OrganizationResource,
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
from ._types import (
    DeletedModel,
    Invite,
    InviteDetails,
    InviteStatus,
    InviteSummary,
    Model,
    ModelObject,
    ModelStatus,
    Organization,
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

__version__: str = _native.VERSION
"""This package's version."""

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncInvitesResource",
    "AsyncModelsResource",
    "AsyncOrganizationResource",
    "AsyncTeamsResource",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "DEFAULT_TOLERANCE",
    "DeletedModel",
    "HeadshotProError",
    "InsufficientCreditsError",
    "InvalidArgumentError",
    "Invite",
    "InviteDetails",
    "InviteLimitError",
    "InviteStatus",
    "InviteSummary",
    "InvitesResource",
    "Model",
    "ModelObject",
    "ModelStatus",
    "ModelsResource",
    "NotFoundError",
    "Organization",
    "OrganizationResource",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "SIGNATURE_HEADER",
    "ServerError",
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
