"""parse_webhook, verify_webhook and sign_webhook, including forgeries."""

from __future__ import annotations

import json
import time
from typing import Dict

import pytest

import headshotpro
from headshotpro import WebhookEventType, parse_webhook, sign_webhook, verify_webhook

from headshotpro.testing import MockServer

BODY = json.dumps({
    "id": "evt_1",
    "event": "model.status.updated",
    "createdAt": "2024-01-15T10:30:00.000Z",
    "objectType": "model",
    "object": {
        "_id": "m1", "uid": "u1", "title": "T", "trigger": "female", "status": "active",
        "isDevelopment": True, "finishedAt": "2024-01-15T11:00:00.000Z", "deletedAt": None,
        "inviteExpiresAt": None, "createdAt": "2024-01-15T10:30:00.000Z", "organization": "o1",
    },
}, separators=(",", ":")).encode()
SECRET = "whsec_test"


def signed(body: bytes = BODY, secret: str = SECRET, at: int = 0) -> Dict[str, str]:
    ts = at or int(time.time())
    return {
        "X-HeadshotPro-Signature": sign_webhook(body, secret, ts),
        "X-HeadshotPro-Timestamp": str(ts),
    }


def test_parse() -> None:
    event = parse_webhook(BODY)
    assert event.id == "evt_1"
    assert event.event == WebhookEventType.MODEL_STATUS_UPDATED
    assert event.created_at is not None and event.created_at.tzinfo is not None
    assert event.object.id == "m1" and event.object.status == "active"
    assert event.object.finished_at is not None and event.object.deleted_at is None
    assert parse_webhook(BODY.decode()) == event
    assert event.to_dict()["object"]["status"] == "active"


def test_parse_keeps_unknown_events_and_rejects_garbage() -> None:
    event = parse_webhook(BODY.replace(b"model.status.updated", b"model.retrained"))
    assert event.event == "model.retrained" and event.event.is_unknown
    with pytest.raises(headshotpro.WebhookVerificationError):
        parse_webhook(b"not json")


def test_verify_accepts_any_header_casing() -> None:
    headers = {k.lower(): v for k, v in signed().items()}
    assert verify_webhook(BODY, headers, SECRET).id == "evt_1"
    upper = [(k.upper(), v) for k, v in signed().items()]
    assert verify_webhook(bytearray(BODY), upper, SECRET).id == "evt_1"


@pytest.mark.parametrize("case", ["wrong secret", "tampered body", "stale timestamp", "unsigned"])
def test_forgeries_fail(case: str) -> None:
    body, headers = BODY, signed()
    if case == "wrong secret":
        headers = signed(secret="another")
    elif case == "tampered body":
        body = BODY.replace(b"female", b"male")
    elif case == "stale timestamp":
        headers = signed(at=int(time.time()) - 301)
    else:
        headers = {}
    with pytest.raises(headshotpro.WebhookVerificationError):
        verify_webhook(body, headers, SECRET)


def test_tolerance_is_configurable() -> None:
    old = signed(at=int(time.time()) - 1000)
    assert verify_webhook(BODY, old, SECRET, tolerance=2000).id == "evt_1"


def test_empty_secret_is_an_invalid_argument() -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        verify_webhook(BODY, signed(), "")


def test_mock_delivers_verifiable_webhooks(client: headshotpro.Client, mock: MockServer) -> None:
    with mock.capture_webhooks(SECRET) as events:
        assert mock.organization().webhook_secret == SECRET
        model = client.models.create("ada@example.com", is_development=True)
        (event,) = events.wait(1, event="model.created")
        assert event.object.id == model.model_id
        delivery = events.deliveries[0]
        assert verify_webhook(delivery.body, delivery.headers, SECRET) == event
    assert mock.organization().webhook_url is None
