"""``with_options``: per-call timeout and retries on a client sharing the pool."""

from __future__ import annotations

import asyncio
import os
import socket
import time

import pytest

import headshotpro
from headshotpro import AsyncClient, Client

from headshotpro.testing import MockServer

from .conftest import http_control, in_forked_child, requests_to

CREDITS = "/api/v1/organization/credits"


def test_options_apply_and_the_original_is_unchanged(client: Client, mock: MockServer) -> None:
    strict = client.with_options(timeout=0.2, max_retries=0)
    assert type(strict) is Client
    assert (strict.timeout, strict.max_retries) == (0.2, 0)
    assert (client.timeout, client.max_retries) == (60.0, 2)
    assert strict.base_url == client.base_url and strict.user_agent == client.user_agent

    mock.inject_fault(None, CREDITS, status=503, delay_ms=1000)
    with pytest.raises(headshotpro.APITimeoutError):
        strict.organization.credits()
    assert len(requests_to(mock, CREDITS)) == 1

    mock.inject_fault(None, CREDITS, status=503)
    assert client.organization.credits() == 100  # still retries
    assert len(requests_to(mock, CREDITS)) == 3


def test_unset_options_keep_the_clients(mock: MockServer) -> None:
    with Client(mock.api_key, base_url=mock.url, timeout=7, max_retries=4) as client:
        shorter = client.with_options(timeout=2)
        assert (shorter.timeout, shorter.max_retries) == (2.0, 4)
        assert repr(shorter).endswith("timeout=2.0, max_retries=4)")
        once = client.with_options(max_retries=1)
        assert (once.timeout, once.max_retries) == (7.0, 1)
        both = once.with_options(timeout=3)
        assert (both.timeout, both.max_retries) == (3.0, 1)
        same = client.with_options()
        assert (same.timeout, same.max_retries) == (7.0, 4)


def test_closing_one_leaves_the_other_usable(mock: MockServer) -> None:
    client = Client(mock.api_key, base_url=mock.url)
    derived = client.with_options(max_retries=0)
    derived.close()
    assert derived.closed and not client.closed
    with pytest.raises(RuntimeError):
        derived.organization.credits()
    assert client.organization.credits() == 100
    other = client.with_options(timeout=5)
    client.close()
    assert other.organization.credits() == 100
    with pytest.raises(RuntimeError):
        client.with_options(timeout=5)


BAD_RETRIES = [-1, 2**32, 2**80, 1.5, "2", True, None]
BAD_SECONDS = [-1, -0.5, float("nan"), float("inf"), 1e300, "5", True, None]


def test_invalid_options(client: Client, mock: MockServer) -> None:
    for retries in BAD_RETRIES[:-1]:
        with pytest.raises(headshotpro.InvalidArgumentError, match="max_retries must be"):
            client.with_options(max_retries=retries)  # type: ignore[arg-type]
    for seconds in BAD_SECONDS[:-1]:
        with pytest.raises(headshotpro.InvalidArgumentError, match="timeout must be"):
            client.with_options(timeout=seconds)  # type: ignore[arg-type]
    assert requests_to(mock, "/api/") == []


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_invalid_settings_raise_invalid_argument(client_class: type, mock: MockServer) -> None:
    def build(**settings: object) -> None:
        client_class(mock.api_key, base_url=mock.url, **settings)

    for retries in BAD_RETRIES:
        with pytest.raises(headshotpro.InvalidArgumentError, match="max_retries must be an integer"):
            build(max_retries=retries)
    for seconds in BAD_SECONDS:
        with pytest.raises(headshotpro.InvalidArgumentError, match="^invalid argument: timeout must be"):
            build(timeout=seconds)
        with pytest.raises(headshotpro.InvalidArgumentError, match="connect_timeout must be"):
            build(connect_timeout=seconds if seconds is not None else "x")
    build(max_retries=0, timeout=0.5, connect_timeout=2)


def test_wait_timeout_and_webhook_tolerance_are_checked(client: Client, mock: MockServer) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError, match="timeout must be"):
        client.models.wait("m1", timeout=-1)
    with pytest.raises(headshotpro.InvalidArgumentError, match="tolerance must be"):
        headshotpro.verify_webhook(b"{}", {}, "secret", tolerance=-5)
    assert requests_to(mock, "/api/") == []


def test_connect_timeout_applies(mock: MockServer) -> None:
    # A listener whose accept queue is full drops new connection attempts, so
    # connecting hangs until the connect timeout (the default would be 10 s).
    with socket.socket() as listener, socket.socket() as queued:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        queued.connect(listener.getsockname())
        url = "http://127.0.0.1:%d" % listener.getsockname()[1]
        with Client(mock.api_key, base_url=url, connect_timeout=0.2, timeout=30, max_retries=0) as c:
            started = time.monotonic()
            with pytest.raises(headshotpro.APIConnectionError) as info:
                c.organization.credits()
            assert time.monotonic() - started < 5
    assert info.value.operation == "organization.credits"


def test_plain_http_needs_allow_insecure_http(mock: MockServer) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError) as info:
        Client(mock.api_key, base_url="http://api.example.com")
    assert "pass allow_insecure_http=True to the client" in str(info.value)
    assert "allowInsecureHttp" not in str(info.value)
    insecure = Client(mock.api_key, base_url="http://api.example.com", allow_insecure_http=True)
    assert insecure.base_url.startswith("http://api.example.com")


def test_async_options_apply_and_the_original_is_unchanged(mock: MockServer) -> None:
    async def main() -> None:
        async with AsyncClient(mock.api_key, base_url=mock.url) as client:
            strict = client.with_options(timeout=0.2, max_retries=0)
            assert type(strict) is AsyncClient
            assert (strict.timeout, strict.max_retries) == (0.2, 0)

            mock.inject_fault(None, CREDITS, status=503, delay_ms=1000)
            with pytest.raises(headshotpro.APITimeoutError):
                await strict.organization.credits()
            assert len(requests_to(mock, CREDITS)) == 1

            mock.inject_fault(None, CREDITS, status=503)
            assert await client.organization.credits() == 100
            assert len(requests_to(mock, CREDITS)) == 3
            assert (client.timeout, client.max_retries) == (60.0, 2)

    asyncio.run(main())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_derived_client_keeps_its_options_after_fork(client: Client, mock: MockServer) -> None:
    strict = client.with_options(timeout=0.2, max_retries=0)
    assert strict.organization.credits() == 100  # its pool and the runtime exist

    def child() -> bool:
        # The child rebuilds the derived client's pool from its own settings.
        if (strict.timeout, strict.max_retries) != (0.2, 0) or strict.organization.credits() != 100:
            return False
        http_control(mock, "POST", "/__mock/faults", {"path": CREDITS, "status": 503, "delay_ms": 1000})
        try:
            strict.organization.credits()
            return False
        except headshotpro.APITimeoutError:
            pass
        log = http_control(mock, "GET", "/__mock/requests")["requests"]
        return len([r for r in log if r["path"] == CREDITS]) == 3 and client.organization.credits() == 100

    in_forked_child(child)
    assert strict.organization.credits() == 100  # the parent's derived client still works
    assert (client.timeout, client.max_retries) == (60.0, 2)
