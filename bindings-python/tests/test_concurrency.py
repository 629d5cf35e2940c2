"""GIL release, asyncio, cancellation, fork, and logging from worker threads."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from typing import List

import pytest

import headshotpro
from headshotpro import Client

from headshotpro.testing import MockServer

from .conftest import in_forked_child, requests_to

CREDITS = "/api/v1/organization/credits"


def test_threads_run_in_parallel(client: Client, mock: MockServer) -> None:
    mock.inject_fault(None, CREDITS, status=200, body=json.dumps({"success": True, "credits": 7}),
               delay_ms=500, times=8)
    results: List[int] = []

    def work() -> None:
        results.append(client.organization.credits())

    threads = [threading.Thread(target=work) for _ in range(8)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    assert sorted(results) == [7] * 8
    assert elapsed < 2.5, f"8 delayed calls took {elapsed:.2f} s: the GIL was held"


def test_asyncio_gather_100(mock: MockServer) -> None:
    async def main() -> List[int]:
        async with headshotpro.AsyncClient(mock.api_key, base_url=mock.url) as client:
            return await asyncio.gather(*(client.organization.credits() for _ in range(100)))

    assert asyncio.run(main()) == [100] * 100
    assert len(requests_to(mock, CREDITS)) == 100


def test_cancelling_the_task_drops_the_request(mock: MockServer) -> None:
    body = json.dumps({"success": False, "error": "slow down", "code": "RATE_LIMIT_EXCEEDED"})
    mock.inject_fault(None, CREDITS, status=429, body=body, headers={"Retry-After": "1"})

    async def main() -> None:
        client = headshotpro.AsyncClient(mock.api_key, base_url=mock.url)
        task = asyncio.ensure_future(client.organization.credits())
        while not requests_to(mock, CREDITS):
            await asyncio.sleep(0.02)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The retry after Retry-After (1 s) would have been sent by now.
        await asyncio.sleep(1.8)
        await client.close()

    asyncio.run(main())
    assert len(requests_to(mock, CREDITS)) == 1


def test_async_client_across_loops(mock: MockServer) -> None:
    client = headshotpro.AsyncClient(mock.api_key, base_url=mock.url)
    assert asyncio.run(client.organization.credits()) == 100
    assert asyncio.run(client.organization.credits()) == 100


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_fork_child_uses_existing_and_new_clients(client: Client, mock: MockServer) -> None:
    assert client.organization.credits() == 100  # the parent's runtime and pool exist

    def child() -> bool:
        ok = client.organization.credits() == 100
        with Client(mock.api_key, base_url=mock.url) as fresh:
            ok = ok and fresh.organization.retrieve().uid != ""
        return ok and asyncio.run(
            headshotpro.AsyncClient(mock.api_key, base_url=mock.url).organization.credits()
        ) == 100

    in_forked_child(child)
    assert client.organization.credits() == 100  # the parent still works


def test_logging_goes_to_the_headshotpro_logger(
    mock: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    key = mock.api_key
    mock.inject_fault(None, CREDITS, status=503)
    with caplog.at_level(logging.DEBUG, logger="headshotpro"):
        with Client(key, base_url=mock.url) as client:
            client.organization.credits()

            async def many() -> None:
                ac = headshotpro.AsyncClient(key, base_url=mock.url)
                await asyncio.gather(*(ac.organization.credits() for _ in range(20)))

            asyncio.run(many())
    records = [r for r in caplog.records if r.name.startswith("headshotpro")]
    assert any("retrying" in r.getMessage() for r in records)
    assert any(r.levelno == logging.DEBUG for r in records)
    assert all(key not in r.getMessage() for r in caplog.records)


def test_no_network_in_del(mock: MockServer) -> None:
    client = Client(mock.api_key, base_url=mock.url)
    client.organization.credits()
    del client
    assert len(mock.requests()) == 1
