"""Tests of ``onboarding.py`` as a user writes them: no network, no server to
start by hand — the ``headshotpro_mock`` and ``headshotpro_client`` fixtures
come with the installed package.

    pytest examples/python/testing
"""

from __future__ import annotations

import headshotpro
import pytest
from headshotpro.testing import MockServer
from onboarding import WebhookHandler, credits_left, invite_new_hire, pending_invites


def test_a_new_hire_is_invited_into_their_team(
    headshotpro_client: headshotpro.Client, headshotpro_mock: MockServer
) -> None:
    invite = invite_new_hire(headshotpro_client, "ada@example.com", "Design")
    again = invite_new_hire(headshotpro_client, "bob@example.com", "Design")
    assert invite.team_id == again.team_id
    assert [t.name for t in headshotpro_client.teams.list()] == ["Design"]
    assert pending_invites(headshotpro_client) == ["ada@example.com", "bob@example.com"]

    headshotpro_mock.accept_invite(invite.id)  # Ada signs up
    assert pending_invites(headshotpro_client) == ["bob@example.com"]


@pytest.mark.headshotpro_mock(credits=0)
def test_no_credits_left(headshotpro_client: headshotpro.Client) -> None:
    with pytest.raises(headshotpro.InsufficientCreditsError):
        invite_new_hire(headshotpro_client, "ada@example.com", "Design")


def test_an_outage_is_reported_as_unknown_credits(headshotpro_mock: MockServer) -> None:
    # Three 503s in a row: the first attempt and both retries fail.
    headshotpro_mock.inject_fault("GET", "/api/v1/organization/credits", status=503, times=3)
    with headshotpro_mock.client() as client:
        assert credits_left(client) is None
        assert credits_left(client) == 100
    assert len([r for r in headshotpro_mock.requests() if r.path.endswith("/credits")]) == 4


def test_the_webhook_handler_on_real_deliveries(
    headshotpro_client: headshotpro.Client, headshotpro_mock: MockServer
) -> None:
    model = headshotpro_client.models.create("ada@example.com", is_development=True)
    with headshotpro_mock.capture_webhooks() as events:
        headshotpro_mock.complete_onboarding(model.model_id)  # the user finishes onboarding
        events.wait(1, event="model.photos_ready", model_id=model.model_id)
        photo = headshotpro_client.photos.list(model.model_id).items[0]
        headshotpro_mock.choose_favorite(model.model_id, photo.id)
        events.wait(1, event="model.favorite_selected")

    handler = WebhookHandler(secret=events.secret)
    assert all(handler.handle(d.body, d.headers) == 200 for d in events.deliveries)
    assert handler.ready_models == [model.model_id]
    assert handler.favorites == {model.model_id: photo.id}
    forged = events.deliveries[0]
    assert handler.handle(forged.body.replace(b"model", b"m0del"), forged.headers) == 400
