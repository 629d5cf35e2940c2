"""The network settings: proxy, extra root certificates (against the mock's
TLS mode), max_requests_per_minute, and the last rate-limit headers."""

from __future__ import annotations

import asyncio
import base64
import http.server
import json
import threading
from datetime import datetime
from typing import Any, Dict, Iterator, List

import pytest

import headshotpro
from headshotpro import AsyncClient, Client
from headshotpro.testing import MockServer

from .conftest import requests_to

CREDITS = "/api/v1/organization/credits"


class Proxy:
    """A forward proxy that answers every request itself and records it."""

    def __init__(self) -> None:
        self.seen: List[Dict[str, Any]] = []
        seen = self.seen

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                seen.append({"target": self.path, "headers": dict(self.headers.items())})
                body = json.dumps({"success": True, "credits": 42}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    p = Proxy()
    yield p
    p.close()


def test_requests_go_through_the_proxy_with_its_credentials(proxy: Proxy) -> None:
    url = f"http://user:s3cret@127.0.0.1:{proxy.port}"
    with Client("k_test", base_url="http://api.example.test", allow_insecure_http=True, proxy=url) as client:
        assert client.organization.credits() == 42
        assert "s3cret" not in repr(client)
    (request,) = proxy.seen
    assert request["target"] == "http://api.example.test/api/v1/organization/credits"
    expected = "Basic " + base64.b64encode(b"user:s3cret").decode()
    assert {k.lower(): v for k, v in request["headers"].items()}["proxy-authorization"] == expected


def test_loopback_never_uses_the_proxy(mock: MockServer, proxy: Proxy) -> None:
    with mock.client(proxy=f"http://127.0.0.1:{proxy.port}") as client:
        assert client.organization.credits() == 100
    assert proxy.seen == []


def test_a_bad_proxy_is_an_invalid_argument() -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        Client("k_test", proxy="ftp://proxy.example.test")


@pytest.fixture(scope="module")
def tls_mock() -> Iterator[MockServer]:
    with MockServer(tls=True) as server:
        yield server


def test_extra_root_certificates_trust_the_mock_tls_authority(tls_mock: MockServer) -> None:
    assert tls_mock.url.startswith("https://") and tls_mock.ca_pem is not None
    with pytest.raises(headshotpro.APIConnectionError):
        Client(tls_mock.api_key, base_url=tls_mock.url, max_retries=0).organization.credits()
    pem = tls_mock.ca_pem
    for roots in (pem, pem.encode()):
        with Client(tls_mock.api_key, base_url=tls_mock.url, extra_root_certificates=roots) as client:
            assert client.organization.credits() == 100
    with tls_mock.client() as client:  # the factory passes ca_pem
        assert client.models.create("ada@example.com", is_development=True).model_id


def test_unusable_root_certificates_are_an_invalid_argument() -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        Client("k_test", extra_root_certificates="not a certificate")


def test_max_requests_per_minute_holds_calls_in_the_client(mock: MockServer) -> None:
    async def main() -> None:
        async with mock.async_client(max_requests_per_minute=1) as client:
            assert client.max_requests_per_minute == 1
            assert await client.organization.credits() == 100
            # The limiter holds the second call for most of a minute: it never
            # reaches the server within these 0.5 s.
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.organization.credits(), 0.5)
        assert len(requests_to(mock, CREDITS)) == 1

    asyncio.run(main())


@pytest.mark.parametrize("value", [0, -1, True, 2**40, "5"])
def test_a_bad_max_requests_per_minute_is_an_invalid_argument(mock: MockServer, value: Any) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        mock.client(max_requests_per_minute=value)


def test_last_rate_limit(mock: MockServer) -> None:
    with mock.client() as client:
        assert client.last_rate_limit is None and client.max_requests_per_minute is None
        client.organization.credits()
        assert client.last_rate_limit is None  # the server sent no rate-limit headers
        mock.set_organization(rate_limit=10)
        client.organization.credits()
        limits = client.last_rate_limit
        assert limits is not None
        assert (limits.limit, limits.remaining) == (10, 9)
        assert isinstance(limits.reset_at, datetime) and limits.reset_at.tzinfo is not None
        child = client.with_options(timeout=5)
        child.organization.credits()
        assert client.last_rate_limit is not None and client.last_rate_limit.remaining == 8


def test_async_client_takes_the_same_settings(tls_mock: MockServer) -> None:
    async def main() -> int:
        async with AsyncClient(
            tls_mock.api_key, base_url=tls_mock.url, extra_root_certificates=tls_mock.ca_pem
        ) as client:
            return await client.organization.credits()

    assert asyncio.run(main()) >= 0
