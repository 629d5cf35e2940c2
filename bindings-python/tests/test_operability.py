"""Operability: raw responses, the escape hatch, headers and app info, the
latest rate limit, logging through ``logging`` (the key never in a line) and
request/response hooks."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

import pytest

import headshotpro
from headshotpro import (
    APIResponse,
    AppInfo,
    AsyncClient,
    Client,
    InvalidArgumentError,
    NotFoundError,
    RequestEvent,
    ResponseDecodeError,
    ResponseEvent,
)
from headshotpro.testing import MockServer

from .conftest import requests_to

CREDITS = "/api/v1/organization/credits"


class Lines(logging.Handler):
    """Keeps every record the ``headshotpro`` logger passes on, formatted."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: List[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self) -> List[str]:
        return [record.getMessage() for record in self.records]


@pytest.fixture
def debug_lines() -> Iterator[Lines]:
    """The ``headshotpro`` logger at DEBUG, its records kept; restored after."""
    logger = logging.getLogger("headshotpro")
    handler = Lines()
    before = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)


# ---- raw responses ----------------------------------------------------------------------------


def test_raw_response_carries_status_headers_and_rate_limit() -> None:
    with MockServer(rate_limit=300) as mock, mock.client() as client:
        response = client.with_raw_response.organization.credits()
        assert isinstance(response, APIResponse)
        assert response.parse() == response.data == 100
        assert response.status == 200
        assert response.headers["content-type"].startswith("application/json")
        assert response.rate_limit.limit == 300
        assert response.rate_limit.remaining == 299
        assert response.operation == "organization.credits"
        assert (response.method, response.path, response.attempt) == ("GET", CREDITS, 1)
        assert client.last_rate_limit is not None and client.last_rate_limit.remaining == 299


def test_raw_response_after_a_retry_is_the_answer_that_counted(client: Client, mock: MockServer) -> None:
    mock.inject_fault("GET", CREDITS, status=503)
    response = client.with_raw_response.organization.credits()
    assert (response.status, response.attempt, response.data) == (200, 2, 100)


def test_raw_response_failure_raises_as_the_plain_call(client: Client) -> None:
    with pytest.raises(NotFoundError):
        client.with_raw_response.models.retrieve("m_missing")


def test_raw_response_async_and_concurrent(mock: MockServer) -> None:
    async def main() -> List[APIResponse[int]]:
        async with mock.async_client() as client:
            return await asyncio.gather(*(client.with_raw_response.organization.credits() for _ in range(20)))

    responses = asyncio.run(main())
    assert [r.data for r in responses] == [100] * 20
    assert all(r.status == 200 and r.operation == "organization.credits" for r in responses)


def test_raw_response_unknown_resource_or_operation(client: Client) -> None:
    with pytest.raises(AttributeError):
        client.with_raw_response.nothing  # noqa: B018
    with pytest.raises(AttributeError):
        client.with_raw_response.models.nothing  # noqa: B018


# ---- escape hatch ----------------------------------------------------------------------------


def test_request_returns_the_decoded_json(client: Client, mock: MockServer) -> None:
    mock.seed(members=0, models=3)
    answer = client.request("GET", "/api/v2/organization/models", query={"limit": "2"})
    assert len(answer["models"]) == 2 and answer["pagination"]["total"] == 3
    created = client.request("POST", "/api/v1/organization/teams", body={"name": "Design"})
    assert created["success"] is True


@pytest.mark.parametrize(
    "method, path",
    [("TRACE", "/api/v1/organization"), ("GET", "https://evil.example/x"), ("GET", "/api/../x"), ("GET", "api/v1")],
)
def test_request_refuses_bad_methods_and_paths(client: Client, mock: MockServer, method: str, path: str) -> None:
    with pytest.raises(InvalidArgumentError):
        client.request(method, path)
    assert requests_to(mock) == []


def test_request_refuses_a_body_json_cannot_hold(client: Client, mock: MockServer) -> None:
    for body in ({"when": object()}, {"n": float("nan")}, {1j: 2}):
        with pytest.raises(InvalidArgumentError, match="JSON"):
            client.request("POST", "/api/v1/organization/teams", body=body)
    assert requests_to(mock) == []


def test_request_answer_not_json(client: Client, mock: MockServer) -> None:
    mock.inject_fault("GET", CREDITS, body="<html>")
    with pytest.raises(ResponseDecodeError):
        client.request("GET", CREDITS)


def test_async_request(mock: MockServer) -> None:
    async def main() -> object:
        async with mock.async_client() as client:
            return await client.request("GET", CREDITS)

    assert asyncio.run(main()) == {"success": True, "credits": 100}


# ---- headers and identity -------------------------------------------------------------------


def test_default_headers_and_per_call_headers(mock: MockServer) -> None:
    with mock.client(default_headers={"X-Team": "growth", "X-Trace-Id": "default"}) as client:
        assert ("x-team", "growth") in client.default_headers  # names as HTTP/2 sends them
        client.organization.credits()
        client.with_options(headers={"x-trace-id": "t-42"}).organization.credits()
    first, second = requests_to(mock, CREDITS)
    assert first.header("x-team") == "growth" and first.header("x-trace-id") == "default"
    assert second.header("x-team") == "growth" and second.header("x-trace-id") == "t-42"


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer x"}, {"Host": "evil"}, {"X-Bad": "a\r\nb"}, {"X-Number": 1}, "X-Team"],
)
def test_refused_headers(mock: MockServer, headers: object) -> None:
    with pytest.raises(InvalidArgumentError):
        mock.client(default_headers=headers)
    with mock.client() as client, pytest.raises(InvalidArgumentError):
        client.with_options(headers=headers)  # type: ignore[arg-type]
    assert requests_to(mock) == []


def test_app_info_in_the_user_agent(mock: MockServer) -> None:
    with mock.client(app_info=AppInfo("Acme", version="1.4.2", url="https://acme.example")) as client:
        assert client.user_agent.endswith(" Acme/1.4.2 (https://acme.example)")
        assert client.app_info == AppInfo("Acme", "1.4.2", "https://acme.example")
        client.organization.credits()
    with mock.client(app_info={"name": "Beta"}) as client:
        assert client.user_agent.endswith(" Beta")
    (sent, *_) = requests_to(mock, CREDITS)
    assert "Acme/1.4.2 (https://acme.example)" in (sent.header("user-agent") or "")
    for bad in ({"name": " "}, {"name": "A\nB"}, {"version": "1"}, "Acme"):
        with pytest.raises(InvalidArgumentError):
            mock.client(app_info=bad)


def test_last_rate_limit_is_shared_with_children() -> None:
    with MockServer(rate_limit=50) as mock, mock.client() as client:
        assert client.last_rate_limit is None
        client.with_options(timeout=5).organization.credits()
        limit = client.last_rate_limit
        assert limit is not None and (limit.limit, limit.remaining) == (50, 49)
        assert limit.reset_at is not None


# ---- logging ---------------------------------------------------------------------------------


def _every_operation(client: Client, mock: MockServer, directory: Path) -> None:
    """Calls every operation of the client once (some fail, on purpose)."""
    client.organization.retrieve()
    client.organization.credits()
    invite = client.invites.create("ada@example.com")
    client.invites.list()
    client.invites.retrieve(invite.id)
    client.invites.retrieve_by_email("ada@example.com")
    client.invites.revoke("ada@example.com")
    client.invites.create_many(["dan@example.com", "eve@example.com"])
    mock.seed(members=1, models=0)
    org = client.teams.create("Design")
    team = org.teams[0].id
    client.teams.update(team, "Design 2")
    client.teams.add_members(team, ["seed-1@example.com"])
    client.teams.list()
    model = client.models.create("cy@example.com", is_development=True)
    client.models.retrieve(model.model_id)
    mock.complete_onboarding(model.model_id)
    client.models.wait(model.model_id, until="active", timeout=30)
    list(client.models.list())
    list(client.members.list())
    photos = client.photos.list(model.model_id)
    client.photos.retrieve(model.model_id, photos.items[0].id)
    client.photos.favorite(model.model_id)
    client.photos.download_links(model.model_id)
    list(client.photos.favorites())
    client.photos.save(model.model_id, directory)
    client.request("GET", "/api/v2/organization/teams")
    client.with_raw_response.organization.credits()
    client.models.delete(model.model_id)
    client.teams.delete(team)
    mock.inject_fault("GET", CREDITS, status=503)
    client.organization.credits()
    with pytest.raises(NotFoundError):
        client.models.retrieve("m_missing")


def test_debug_logging_never_shows_the_key(mock: MockServer, debug_lines: Lines, tmp_path: Path) -> None:
    key = mock.api_key
    with mock.client() as client:
        assert client.log_level == "debug"
        _every_operation(client, mock, tmp_path)
    lines = debug_lines.lines()
    assert any("models.create: POST" in line and "-> 200" in line for line in lines)
    assert any("body" in line for line in lines)
    assert any("retrying" in line for line in lines)
    assert any(r.levelno == logging.ERROR and "NotFoundError" in r.getMessage() for r in debug_lines.records)
    assert all(key not in line for line in lines)
    assert all(key not in str(vars(r)) for r in debug_lines.records)
    lines_of_credits = [
        r for r in debug_lines.records if getattr(r, "operation", None) == "organization.credits" and hasattr(r, "status")
    ]
    first = lines_of_credits[0]
    assert (first.method, first.path, first.status, first.attempt) == ("GET", CREDITS, "200", "1")  # type: ignore[attr-defined]


def test_a_logger_that_raises_never_fails_the_call(mock: MockServer, debug_lines: Lines) -> None:
    class Broken(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            raise RuntimeError("the log pipeline is down")

    logger = logging.getLogger("headshotpro")
    broken = Broken()
    logger.addHandler(broken)
    try:
        with mock.client() as client:
            assert client.organization.credits() == 100
            mock.inject_fault("GET", CREDITS, status=503)
            assert client.organization.credits() == 100

        async def main() -> int:
            async with mock.async_client() as ac:
                return await ac.organization.credits()

        assert asyncio.run(main()) == 100
    finally:
        logger.removeHandler(broken)


def test_logging_off_produces_no_record(mock: MockServer) -> None:
    logger = logging.getLogger("headshotpro")
    handler = Lines()
    logger.addHandler(handler)
    before = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with mock.client() as client:
            assert client.log_level == "off"
            mock.inject_fault("GET", CREDITS, status=503)
            client.organization.credits()
    finally:
        logger.setLevel(before)
        logger.removeHandler(handler)
    assert handler.records == []


def test_headshotpro_log_turns_logging_on_without_code(mock: MockServer) -> None:
    program = (
        "import headshotpro\n"
        f"c = headshotpro.Client({mock.api_key!r}, base_url={mock.url!r})\n"
        "assert c.organization.credits() == 100\n"
    )
    env = {**os.environ, "HEADSHOTPRO_LOG": "info"}
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "INFO headshotpro: organization.credits: GET /api/v1/organization/credits -> 200" in done.stderr
    assert mock.api_key not in done.stderr
    quiet = subprocess.run(
        [sys.executable, "-c", program],
        env={k: v for k, v in os.environ.items() if k != "HEADSHOTPRO_LOG"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""


# ---- hooks -----------------------------------------------------------------------------------


def test_hooks_see_every_attempt(mock: MockServer) -> None:
    requests: List[RequestEvent] = []
    responses: List[ResponseEvent] = []
    mock.inject_fault("GET", CREDITS, status=503)
    with mock.client(on_request=requests.append, on_response=[responses.append]) as client:
        assert client.organization.credits() == 100
        client.with_options(timeout=5).teams.list()
    assert [(e.operation, e.method, e.path, e.attempt) for e in requests[:2]] == [
        ("organization.credits", "GET", CREDITS, 1),
        ("organization.credits", "GET", CREDITS, 2),
    ]
    failed, ok = responses[:2]
    assert (failed.status, failed.error, failed.will_retry) == (503, "ServerError", True)
    assert (ok.status, ok.error, ok.will_retry, ok.attempt) == (200, None, False, 2)
    assert ok.duration >= 0
    assert requests[2].operation == responses[2].operation == "teams.list"


def test_a_hook_that_raises_is_logged_and_never_breaks_the_call(mock: MockServer, debug_lines: Lines) -> None:
    def broken(event: object) -> None:
        raise ValueError("metrics backend down")

    with mock.client(on_request=broken, on_response=broken) as client:
        assert client.organization.credits() == 100

    async def main() -> int:
        async with AsyncClient(mock.api_key, base_url=mock.url, on_response=broken) as ac:
            return await ac.organization.credits()

    assert asyncio.run(main()) == 100
    warnings = [r.getMessage() for r in debug_lines.records if r.levelno == logging.WARNING]
    assert any("on_request" in w and "metrics backend down" in w for w in warnings)
    assert any("on_response" in w and "metrics backend down" in w for w in warnings)


def test_hooks_must_be_callable(mock: MockServer) -> None:
    with pytest.raises(InvalidArgumentError):
        mock.client(on_request=[42])  # type: ignore[list-item]


def test_models_are_exported() -> None:
    assert headshotpro.RequestEvent is RequestEvent and headshotpro.ResponseEvent is ResponseEvent
