"""The Python operability numbers of BENCHMARKS.md: the SDK with logging off
(the default), with no-op hooks, and with INFO logging, against requests and
httpx in the same run (the machine is noisy: ratios to the baselines of the
same run are what compares across runs).

    python bench/python/operability.py URL KEY [--calls 5000] [--repeats 5]

Runs bench.py once per client per repeat, interleaved, each in its own
process; prints a Markdown table of medians and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

BENCH = Path(__file__).resolve().parent / "bench.py"
CLIENTS = ["sdk", "requests", "httpx", "sdk-hooks", "sdk-logging"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("key")
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    runs: Dict[str, List[Dict[str, float]]] = {c: [] for c in CLIENTS}
    for repeat in range(args.repeats):
        for client in CLIENTS:
            out = subprocess.run(
                [sys.executable, str(BENCH), client, "credits", args.url, args.key, str(args.calls), "1"],
                capture_output=True, text=True, check=True,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            runs[client].append(row)
            print(f"[{repeat + 1}/{args.repeats}] {client:12} {row['rps']:8.0f} req/s", file=sys.stderr)
    med = {c: {k: statistics.median(r[k] for r in rows) for k in ("rps", "p50_ms", "p99_ms")} for c, rows in runs.items()}
    us = {c: 1e6 / med[c]["rps"] for c in CLIENTS}
    print("| client | req/s | p50 ms | p99 ms | µs/call | SDK (logging off) / this |")
    print("|---|---:|---:|---:|---:|---:|")
    for c in CLIENTS:
        ratio = med["sdk"]["rps"] / med[c]["rps"]
        print(f"| {c} | {med[c]['rps']:,.0f} | {med[c]['p50_ms']:.3f} | {med[c]['p99_ms']:.3f} | {us[c]:.1f} | "
              f"{'' if c == 'sdk' else f'{ratio:.2f}×'} |")
    print(json.dumps({"median_rps": {c: med[c]["rps"] for c in CLIENTS},
                      "hooks_overhead_us": us["sdk-hooks"] - us["sdk"],
                      "logging_overhead_us": us["sdk-logging"] - us["sdk"]}))


if __name__ == "__main__":
    main()
