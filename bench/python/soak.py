"""The soak benchmark of issue 13 (not CI): CALLS calls from Python against a
release mock, blocking or asyncio, with the process's RSS and open file
descriptors sampled every 10 seconds.

    python bench/python/soak.py URL KEY sync|async [--calls 1000000] [--concurrency 64]

Prints one Markdown row per sample, then a JSON summary: RSS after warm-up
(the first sample at or after 10% of the calls) and at the end, its growth,
and the fd counts. Target: RSS grows by less than 5% after warm-up, and the
fd count at the end is the count after warm-up (no leak).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import threading
import time
from typing import Dict, List

import headshotpro

SAMPLE_EVERY = 10.0


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


class Sampler(threading.Thread):
    """Samples RSS and fds every 10 s while the calls run."""

    def __init__(self, done: List[int], total: int) -> None:
        super().__init__(daemon=True)
        self.done = done
        self.total = total
        self.samples: List[Dict[str, float]] = []
        self.stop = threading.Event()
        self.started = time.monotonic()

    def sample(self) -> None:
        row = {"t": time.monotonic() - self.started, "calls": self.done[0], "rss_mib": rss_mib(), "fds": fds()}
        self.samples.append(row)
        print(f"| {row['t']:.0f} | {row['calls']:,} | {row['rss_mib']:.1f} | {row['fds']} |", flush=True)

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_EVERY):
            self.sample()


def run_sync(url: str, key: str, calls: int, done: List[int]) -> None:
    with headshotpro.Client(key, base_url=url) as client:
        for _ in range(calls):
            client.organization.credits()
            done[0] += 1


def run_async(url: str, key: str, calls: int, concurrency: int, done: List[int]) -> None:
    async def main() -> None:
        async with headshotpro.AsyncClient(key, base_url=url) as client:
            remaining = [calls]

            async def worker() -> None:
                while remaining[0] > 0:
                    remaining[0] -= 1
                    await client.organization.credits()
                    done[0] += 1

            await asyncio.gather(*(worker() for _ in range(concurrency)))

    asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("key")
    parser.add_argument("mode", choices=["sync", "async"])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    done = [0]
    sampler = Sampler(done, args.calls)
    print("| s | calls | RSS MiB | open fds |\n|---:|---:|---:|---:|", flush=True)
    sampler.sample()
    sampler.start()
    started = time.monotonic()
    if args.mode == "sync":
        run_sync(args.url, args.key, args.calls, done)
    else:
        run_async(args.url, args.key, args.calls, args.concurrency, done)
    seconds = time.monotonic() - started
    sampler.stop.set()
    sampler.join()
    sampler.sample()
    warm = next((s for s in sampler.samples if s["calls"] >= args.calls // 10), sampler.samples[-1])
    end = sampler.samples[-1]
    print(json.dumps({
        "mode": args.mode, "calls": done[0], "seconds": round(seconds, 1), "rps": round(done[0] / seconds),
        "rss_warm_mib": round(warm["rss_mib"], 1), "rss_end_mib": round(end["rss_mib"], 1),
        "rss_growth_pct": round((end["rss_mib"] - warm["rss_mib"]) / warm["rss_mib"] * 100, 2),
        "rss_max_mib": round(max(s["rss_mib"] for s in sampler.samples), 1),
        "fds_warm": warm["fds"], "fds_end": end["fds"], "fds_max": max(s["fds"] for s in sampler.samples),
    }))


if __name__ == "__main__":
    main()
