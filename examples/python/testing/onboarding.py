"""A small piece of integration code, as an app would have it: invite new
hires into their team, and handle HeadshotPro's webhooks.

The tests next to it (``test_onboarding.py``) check it against the emulator
that ships with the package, through the pytest fixtures ``headshotpro_mock``
and ``headshotpro_client``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional

import headshotpro


def invite_new_hire(client: headshotpro.Client, email: str, team_name: str) -> headshotpro.Invite:
    """Invites ``email`` into the team called ``team_name``, creating the team if needed."""
    team = next((t for t in client.teams.list() if t.name == team_name), None)
    if team is None:
        org = client.teams.create(team_name)
        team = next(t for t in org.teams if t.name == team_name)
    return client.invites.create(email, team_id=team.id)


def pending_invites(client: headshotpro.Client) -> List[str]:
    """The emails invited who have not joined yet."""
    return [m.email for m in client.members.list(status="pending")]


def credits_left(client: headshotpro.Client) -> Optional[int]:
    """The organization's credits, or ``None`` while HeadshotPro cannot say."""
    try:
        return client.organization.credits()
    except headshotpro.ServerError:
        return None


@dataclass
class WebhookHandler:
    """Verifies a webhook request and records what the app would do with it."""

    secret: str
    ready_models: List[str] = field(default_factory=list)
    favorites: Dict[str, str] = field(default_factory=dict)

    def handle(self, raw_body: bytes, headers: Mapping[str, str]) -> int:
        """Handles one request; answers the HTTP status to send back."""
        try:
            event = headshotpro.verify_webhook(raw_body, headers, self.secret)
        except headshotpro.WebhookVerificationError:
            return 400
        if event.event == headshotpro.WebhookEventType.MODEL_PHOTOS_READY:
            self.ready_models.append(event.object.id)
        elif event.event == headshotpro.WebhookEventType.MODEL_FAVORITE_SELECTED and event.photo_id:
            self.favorites[event.object.id] = event.photo_id
        return 200
