"""Test helpers: the HeadshotPro API emulator inside your test process.

>>> from headshotpro.testing import MockServer
>>> with MockServer(credits=5) as mock:                     # doctest: +SKIP
...     client = mock.client()
...     invite = client.invites.create("ada@example.com")
...     mock.accept_invite(invite.id)

With pytest the fixtures ``headshotpro_mock`` (a fresh ``MockServer`` for
each test) and ``headshotpro_client`` (a ``Client`` for it) are available
once the package is installed; ``@pytest.mark.headshotpro_mock(credits=0)``
or a ``headshotpro_mock_options`` fixture sets the server's arguments.
"""

from __future__ import annotations

from ._capture import CapturedWebhook, WebhookCapture
from ._records import (
    MockInvite,
    MockModel,
    MockPhoto,
    OrganizationSettings,
    RecordedRequest,
    SeedReport,
    WebhookDelivery,
)
from ._server import NOT_GIVEN, MockServer, NotGiven

__all__ = [
    "NOT_GIVEN",
    "CapturedWebhook",
    "MockInvite",
    "MockModel",
    "MockPhoto",
    "MockServer",
    "NotGiven",
    "OrganizationSettings",
    "RecordedRequest",
    "SeedReport",
    "WebhookCapture",
    "WebhookDelivery",
]
