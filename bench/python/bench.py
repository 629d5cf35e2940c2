"""One Python benchmark in this process; prints one JSON line.

usage: bench.py CLIENT WORKLOAD URL KEY CALLS CONCURRENCY

CLIENT: sdk | sdk-hooks | sdk-logging | requests | httpx (sequential, CONCURRENCY must be 1)
        (sdk-hooks: no-op on_request and on_response hooks set; sdk-logging:
        the headshotpro logger at INFO into a NullHandler, one record per call)
        sdk-async | httpx-async | aiohttp (asyncio, CONCURRENCY workers)
WORKLOAD: credits (GET) | invite (POST)

Every baseline does the SDK's work: builds the request, sends the key, and
parses the JSON answer into a value.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from typing import Any, Awaitable, Callable, List

CREDITS = "/api/v1/organization/credits"
INVITE = "/api/v1/organization/invite"


def sync_calls(client: str, workload: str, url: str, key: str) -> Callable[[int], Any]:
    headers = {"Authorization": f"Bearer {key}"}
    if client in ("sdk", "sdk-hooks", "sdk-logging"):
        import headshotpro

        options: Any = {}
        if client == "sdk-hooks":
            options = {"on_request": lambda e: None, "on_response": lambda e: None}
        if client == "sdk-logging":
            import logging

            logging.getLogger("headshotpro").setLevel(logging.INFO)
        sdk = headshotpro.Client(api_key=key, base_url=url, **options)
        if workload == "invite":
            return lambda i: sdk.invites.create(f"py-sdk-{i}@bench.example").id
        return lambda i: sdk.organization.credits()
    if client == "requests":
        import requests

        session = requests.Session()

        def call_requests(i: int) -> Any:
            if workload == "invite":
                r = session.post(url + INVITE, json={"email": f"py-req-{i}@bench.example"}, headers=headers, timeout=60)
                r.raise_for_status()
                return r.json()["id"]
            r = session.get(url + CREDITS, headers=headers, timeout=60)
            r.raise_for_status()
            return r.json()["credits"]

        return call_requests
    if client == "httpx":
        import httpx

        hx = httpx.Client(timeout=60)

        def call_httpx(i: int) -> Any:
            if workload == "invite":
                r = hx.post(url + INVITE, json={"email": f"py-httpx-{i}@bench.example"}, headers=headers)
                r.raise_for_status()
                return r.json()["id"]
            r = hx.get(url + CREDITS, headers=headers)
            r.raise_for_status()
            return r.json()["credits"]

        return call_httpx
    raise SystemExit(f"unknown sync client {client}")


async def async_calls(client: str, workload: str, url: str, key: str) -> Callable[[int], Awaitable[Any]]:
    headers = {"Authorization": f"Bearer {key}"}
    if client == "sdk-async":
        import headshotpro

        sdk = headshotpro.AsyncClient(api_key=key, base_url=url)

        async def call_sdk(i: int) -> Any:
            if workload == "invite":
                return (await sdk.invites.create(f"py-asdk-{i}@bench.example")).id
            return await sdk.organization.credits()

        return call_sdk
    if client == "httpx-async":
        import httpx

        hx = httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=None, max_keepalive_connections=None))

        async def call_httpx(i: int) -> Any:
            if workload == "invite":
                r = await hx.post(url + INVITE, json={"email": f"py-ahttpx-{i}@bench.example"}, headers=headers)
                r.raise_for_status()
                return r.json()["id"]
            r = await hx.get(url + CREDITS, headers=headers)
            r.raise_for_status()
            return r.json()["credits"]

        return call_httpx
    if client == "aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))

        async def call_aiohttp(i: int) -> Any:
            if workload == "invite":
                async with session.post(url + INVITE, json={"email": f"py-aio-{i}@bench.example"}, headers=headers) as r:
                    r.raise_for_status()
                    return (await r.json())["id"]
            async with session.get(url + CREDITS, headers=headers) as r:
                r.raise_for_status()
                return (await r.json())["credits"]

        return call_aiohttp
    raise SystemExit(f"unknown async client {client}")


def summary(client: str, workload: str, calls: int, concurrency: int, seconds: float, latencies: List[float], errors: int) -> str:
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, round((len(latencies) - 1) * q))] * 1000 if latencies else 0.0

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return json.dumps({
        "lang": "python", "client": client, "workload": workload, "calls": calls,
        "concurrency": concurrency, "seconds": seconds, "rps": calls / seconds,
        "p50_ms": pct(0.5), "p99_ms": pct(0.99), "errors": errors, "peak_rss_mb": peak_kb / 1024,
    })


def run_sync(client: str, workload: str, url: str, key: str, calls: int) -> str:
    call = sync_calls(client, workload, url, key)
    call(-1)  # warm the connection
    latencies: List[float] = []
    errors = 0
    started = time.perf_counter()
    for i in range(calls):
        t = time.perf_counter()
        try:
            call(i)
        except Exception:
            errors += 1
        latencies.append(time.perf_counter() - t)
    return summary(client, workload, calls, 1, time.perf_counter() - started, latencies, errors)


async def run_async(client: str, workload: str, url: str, key: str, calls: int, concurrency: int) -> str:
    call = await async_calls(client, workload, url, key)
    await call(-1)
    latencies: List[float] = []
    errors = 0
    next_index = 0

    async def worker() -> None:
        nonlocal next_index, errors
        while next_index < calls:
            i = next_index
            next_index += 1
            t = time.perf_counter()
            try:
                await call(i)
            except Exception:
                errors += 1
            latencies.append(time.perf_counter() - t)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return summary(client, workload, calls, concurrency, time.perf_counter() - started, latencies, errors)


def main() -> None:
    client, workload, url, key, calls, concurrency = sys.argv[1:7]
    if client in ("sdk", "sdk-hooks", "sdk-logging", "requests", "httpx"):
        print(run_sync(client, workload, url, key, int(calls)))
    else:
        print(asyncio.run(run_async(client, workload, url, key, int(calls), int(concurrency))))


if __name__ == "__main__":
    main()
