"""``with_options``: per-call timeout and retries on a client sharing the pool."""

from __future__ import annotations

import asyncio
import os

import pytest

import headshotpro
from headshotpro import AsyncClient, Client

from .conftest import Mock, in_forked_child

CREDITS = "/api/v1/organization/credits"


def test_options_apply_and_the_original_is_unchanged(client: Client, mock: Mock) -> None:
    strict = client.with_options(timeout=0.2, max_retries=0)
    assert type(strict) is Client
    assert (strict.timeout, strict.max_retries) == (0.2, 0)
    assert (client.timeout, client.max_retries) == (60.0, 2)
    assert strict.base_url == client.base_url and strict.user_agent == client.user_agent

    mock.fault(CREDITS, status=503, delay_ms=1000)
    with pytest.raises(headshotpro.APITimeoutError):
        strict.organization.credits()
    assert len(mock.requests(CREDITS)) == 1

    mock.fault(CREDITS, status=503)
    assert client.organization.credits() == 100  # still retries
    assert len(mock.requests(CREDITS)) == 3


def test_unset_options_keep_the_clients(mock: Mock) -> None:
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


def test_closing_one_leaves_the_other_usable(mock: Mock) -> None:
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


def test_invalid_options(client: Client, mock: Mock) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.with_options(timeout=-1)
    with pytest.raises(OverflowError):
        client.with_options(max_retries=-1)
    assert mock.requests("/api/") == []


def test_async_options_apply_and_the_original_is_unchanged(mock: Mock) -> None:
    async def main() -> None:
        async with AsyncClient(mock.api_key, base_url=mock.url) as client:
            strict = client.with_options(timeout=0.2, max_retries=0)
            assert type(strict) is AsyncClient
            assert (strict.timeout, strict.max_retries) == (0.2, 0)

            mock.fault(CREDITS, status=503, delay_ms=1000)
            with pytest.raises(headshotpro.APITimeoutError):
                await strict.organization.credits()
            assert len(mock.requests(CREDITS)) == 1

            mock.fault(CREDITS, status=503)
            assert await client.organization.credits() == 100
            assert len(mock.requests(CREDITS)) == 3
            assert (client.timeout, client.max_retries) == (60.0, 2)

    asyncio.run(main())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_derived_client_keeps_its_options_after_fork(client: Client, mock: Mock) -> None:
    strict = client.with_options(timeout=0.2, max_retries=0)
    assert strict.organization.credits() == 100  # its pool and the runtime exist

    def child() -> bool:
        # The child rebuilds the derived client's pool from its own settings.
        if (strict.timeout, strict.max_retries) != (0.2, 0) or strict.organization.credits() != 100:
            return False
        mock.fault(CREDITS, status=503, delay_ms=1000)
        try:
            strict.organization.credits()
            return False
        except headshotpro.APITimeoutError:
            pass
        return len(mock.requests(CREDITS)) == 3 and client.organization.credits() == 100

    in_forked_child(child)
    assert strict.organization.credits() == 100  # the parent's derived client still works
    assert (client.timeout, client.max_retries) == (60.0, 2)
