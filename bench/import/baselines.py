"""The obvious user loops that the `headshotpro invites import` benchmark
compares with. Each reads emails (one a line) from a file, invites them, and
prints one JSON line: {"ok": N, "failed": N, "seen_429": N}.

    python baselines.py sequential URL KEY EMAILS_FILE
    python baselines.py gather URL KEY EMAILS_FILE [AT_ONCE]

`gather` starts every email's coroutine at once; with AT_ONCE, an
asyncio.Semaphore lets that many send at a time.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

PATH = "/api/v1/organization/invite"


def wait_of(headers) -> float:
    try:
        return max(0.05, float(headers.get("retry-after", "1")))
    except ValueError:
        return 1.0


def sequential(url: str, key: str, emails: list[str]) -> dict:
    """requests, one at a time, sleeping on 429, retrying a dropped connection."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {key}"
    ok = failed = seen_429 = 0
    for email in emails:
        for _ in range(20):
            try:
                answer = session.post(url + PATH, json={"email": email}, timeout=30)
            except requests.RequestException:
                continue  # "the network hiccuped, try again"
            if answer.status_code == 429:
                seen_429 += 1
                time.sleep(wait_of(answer.headers))
                continue
            if answer.ok:
                ok += 1
            else:
                failed += 1
            break
        else:
            failed += 1
    return {"ok": ok, "failed": failed, "seen_429": seen_429}


async def gather(url: str, key: str, emails: list[str], at_once: int | None) -> dict:
    """httpx + asyncio.gather over every email, retrying on 429 and on errors;
    `at_once` coroutines send at a time when given."""
    import contextlib

    import httpx

    counts = {"ok": 0, "failed": 0, "seen_429": 0}
    gate = asyncio.Semaphore(at_once) if at_once else contextlib.nullcontext()
    async with httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=30
    ) as client:

        async def invite(email: str) -> None:
            async with gate:
                await send(email)

        async def send(email: str) -> None:
            for _ in range(50):
                try:
                    answer = await client.post(PATH, json={"email": email})
                except httpx.HTTPError:
                    continue
                if answer.status_code == 429:
                    counts["seen_429"] += 1
                    await asyncio.sleep(wait_of(answer.headers))
                    continue
                counts["ok" if answer.is_success else "failed"] += 1
                return
            counts["failed"] += 1

        await asyncio.gather(*(invite(e) for e in emails))
    return counts


def main() -> None:
    kind, url, key, path = sys.argv[1:5]
    emails = [line.strip() for line in open(path) if line.strip()]
    if kind == "sequential":
        result = sequential(url, key, emails)
    else:
        at_once = int(sys.argv[5]) if len(sys.argv) > 5 else None
        result = asyncio.run(gather(url, key, emails, at_once))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
