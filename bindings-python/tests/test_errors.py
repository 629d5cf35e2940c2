"""Every exception class, its attributes, pickling, and the key never shown."""

from __future__ import annotations

import json
import pickle
import socket
from typing import Any, Callable, List

import pytest

import headshotpro
from headshotpro import Client

from headshotpro.testing import MockServer

from .conftest import requests_to

SECRET_KEY = "hp_live_supersecret_0123456789"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def api_fault(mock: MockServer, path: str, status: int, code: str, message: str, **extra: Any) -> None:
    body = json.dumps({"success": False, "error": message, "code": code})
    mock.inject_fault(None, path, status=status, body=body, **extra)


def test_invalid_argument_sends_nothing(quick: Client, mock: MockServer) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError) as info:
        quick.invites.create("not-an-email")
    assert isinstance(info.value, ValueError)
    with pytest.raises(headshotpro.InvalidArgumentError):
        quick.models.retrieve("..")
    with pytest.raises(headshotpro.InvalidArgumentError):
        quick.teams.add_members("t1", [])
    assert requests_to(mock, "/api/") == []


def test_not_found(quick: Client) -> None:
    with pytest.raises(headshotpro.NotFoundError) as info:
        quick.models.retrieve("missing")
    e = info.value
    assert isinstance(e, headshotpro.APIError) and isinstance(e, headshotpro.HeadshotProError)
    assert (e.status, e.code, e.operation) == (404, "NOT_FOUND", "models.retrieve")
    assert e.message and e.message in str(e)
    assert "NOT_FOUND" in str(e) and "models.retrieve" in str(e)
    assert "NOT_FOUND" in e.body
    assert e.may_have_reached_server


def test_bad_request(quick: Client) -> None:
    model = quick.models.create("ada@example.com", is_development=True)
    quick.models.delete(model.model_id)
    with pytest.raises(headshotpro.BadRequestError) as info:
        quick.models.delete(model.model_id)
    assert (info.value.status, info.value.code) == (400, "ALREADY_DELETED")


def test_authentication(mock: MockServer) -> None:
    with Client(SECRET_KEY, base_url=mock.url, max_retries=0) as c:
        with pytest.raises(headshotpro.AuthenticationError) as info:
            c.organization.retrieve()
    assert info.value.status == 401
    assert SECRET_KEY not in str(info.value) and SECRET_KEY not in repr(info.value)
    assert SECRET_KEY not in repr(pickle.dumps(info.value))
    assert SECRET_KEY not in repr(c)


def test_insufficient_credits(quick: Client, mock: MockServer) -> None:
    api_fault(mock, "/api/v2/organization/whitelabel/model/create", 402,
              "INSUFFICIENT_CREDITS", "Insufficient credits")
    with pytest.raises(headshotpro.InsufficientCreditsError) as info:
        quick.models.create("ada@example.com")
    assert (info.value.status, info.value.code) == (402, "INSUFFICIENT_CREDITS")


def test_permission_denied(quick: Client, mock: MockServer) -> None:
    mock.set_organization(whitelabel=False)
    with pytest.raises(headshotpro.PermissionDeniedError) as info:
        quick.models.create("ada@example.com", is_development=True)
    assert info.value.status == 403


def test_rate_limit_carries_headers(quick: Client, mock: MockServer) -> None:
    api_fault(mock, "/api/v1/organization/credits", 429, "RATE_LIMIT_EXCEEDED", "Too many",
              headers={"Retry-After": "7", "X-RateLimit-Limit": "300",
                       "X-RateLimit-Remaining": "0",
                       "X-RateLimit-Reset": "2030-01-01T00:00:00.000Z"})
    with pytest.raises(headshotpro.RateLimitError) as info:
        quick.organization.credits()
    e = info.value
    assert e.retry_after == 7.0
    assert e.reset_at is not None and e.reset_at.year == 2030 and e.reset_at.tzinfo is not None
    assert (e.rate_limit_limit, e.rate_limit_remaining) == (300, 0)
    copy = pickle.loads(pickle.dumps(e))
    assert (copy.retry_after, copy.reset_at, copy.rate_limit_limit) == (7.0, e.reset_at, 300)


def test_invite_limit_never_retried(client: Client, mock: MockServer) -> None:
    api_fault(mock, "/api/v1/organization/invite", 429, "INVITE_LIMIT_EXCEEDED", "Too many invites")
    with pytest.raises(headshotpro.InviteLimitError) as info:
        client.invites.create("ada@example.com")
    assert info.value.code == "INVITE_LIMIT_EXCEEDED"
    assert len(requests_to(mock, "/api/v1/organization/invite", "POST")) == 1


def test_server_error(quick: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization", status=500)
    with pytest.raises(headshotpro.ServerError) as info:
        quick.organization.retrieve()
    assert (info.value.status, info.value.code) == (500, "INJECTED")


def test_connection_refused() -> None:
    with Client(SECRET_KEY, base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0) as c:
        with pytest.raises(headshotpro.APIConnectionError) as info:
            c.organization.credits()
    assert type(info.value) is headshotpro.APIConnectionError
    assert info.value.operation == "organization.credits"
    assert SECRET_KEY not in str(info.value) and SECRET_KEY not in repr(info.value)


def test_timeout(mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization/credits", delay_ms=3000)
    with Client(mock.api_key, base_url=mock.url, timeout=0.3, max_retries=0) as c:
        with pytest.raises(headshotpro.APITimeoutError) as info:
            c.organization.credits()
    assert isinstance(info.value, headshotpro.APIConnectionError)
    assert info.value.may_have_reached_server


def test_response_decode(quick: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization/credits", status=200, body="this is not json")
    with pytest.raises(headshotpro.ResponseDecodeError) as info:
        quick.organization.credits()
    assert info.value.status == 200
    assert "this is not json" in info.value.body


def test_webhook_verification_error() -> None:
    with pytest.raises(headshotpro.WebhookVerificationError):
        headshotpro.verify_webhook(b"{}", {}, "secret")


def _raisers(mock: MockServer, quick: Client) -> List[Callable[[], object]]:
    mock.inject_fault(None, "/api/v1/organization/credits", status=503)
    return [
        lambda: quick.invites.create("nope"),
        lambda: quick.models.retrieve("missing"),
        lambda: quick.organization.credits(),
        lambda: headshotpro.parse_webhook("[]"),
    ]


def test_every_exception_pickles_with_attributes(quick: Client, mock: MockServer) -> None:
    for raiser in _raisers(mock, quick):
        with pytest.raises(headshotpro.HeadshotProError) as info:
            raiser()
        original = info.value
        copy = pickle.loads(pickle.dumps(original))
        assert type(copy) is type(original)
        assert str(copy) == str(original)
        assert vars(copy) == vars(original)


def test_user_built_exceptions() -> None:
    e = headshotpro.NotFoundError("gone", status=404, code="NOT_FOUND")
    assert str(e) == "gone" and e.status == 404
    copy = pickle.loads(pickle.dumps(e))
    assert (copy.message, copy.status, copy.code) == ("gone", 404, "NOT_FOUND")


def test_key_never_in_repr_or_str(mock: MockServer) -> None:
    c = Client(SECRET_KEY, base_url=mock.url)
    assert SECRET_KEY not in repr(c) and SECRET_KEY not in str(c)
    assert SECRET_KEY not in repr(c._native)
    assert SECRET_KEY not in repr(vars(c))
    c.close()
    assert SECRET_KEY not in repr(c)
