"""What operability costs the Rust SDK: logging off, no-op hooks, logging on,
`.with_response()`, against a baseline build and raw reqwest.

    cargo build --release -p headshotpro-mock -p headshotpro-bench
    python3 bench/rust/overhead.py [--baseline OLD_BENCH_BINARY] [--repeats 3]

`--baseline` is a `headshotpro-bench` built from an earlier commit (its `sdk`
client runs as `baseline`). Each variant runs in its own process against one
release mock, interleaved, `--repeats` times; the table gives medians of
wall-time throughput and, when valgrind is installed, client instructions
per call counted by callgrind (2,500 calls minus 500, so start-up cancels
out), which repeat exactly where wall time on a shared machine does not.
Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT / "target" / "release"

WORKLOADS: List[Tuple[str, str, int, int]] = [
    # label, workload, calls, concurrency
    ("GET credits, sequential", "credits", 20000, 1),
    ("GET credits, concurrency 64", "credits", 20000, 64),
    ("POST invite, sequential", "invite", 2000, 1),
]


class Mock:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [str(RELEASE / "headshotpro-mock"), "--port", "0", "--credits", "100000000",
             "--exit-on-stdin-close"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        first = json.loads(self.proc.stdout.readline())
        self.url, self.key = first["url"], first["api_key"]

    def reset(self) -> None:
        request = urllib.request.Request(self.url + "/__mock/reset", data=b"{}", method="POST")
        urllib.request.urlopen(request, timeout=30).read()

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def run(mock: Mock, binary: Path, client: str, workload: str, calls: int, conc: int) -> float:
    mock.reset()
    out = subprocess.run([str(binary), client, workload, mock.url, mock.key, str(calls), str(conc)],
                         capture_output=True, text=True, check=True, timeout=900)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["errors"]:
        raise SystemExit(f"{client}: {result['errors']} errors")
    return float(result["rps"])


def instructions(mock: Mock, binary: Path, client: str) -> Optional[float]:
    counts = []
    for calls in (500, 2500):
        mock.reset()
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(binary), client,
             "credits", mock.url, mock.key, str(calls), "1"],
            capture_output=True, text=True, timeout=900)
        found = [line for line in out.stderr.splitlines() if "Collected :" in line]
        if out.returncode != 0 or not found:
            return None
        counts.append(int(found[-1].split(":")[-1].strip()))
    return (counts[1] - counts[0]) / 2000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    current = RELEASE / "headshotpro-bench"
    variants: List[Tuple[str, Path, str]] = []
    if args.baseline:
        variants.append(("baseline", args.baseline, "sdk"))
    variants += [(name, current, name) for name in ("sdk", "sdk-hooks", "sdk-log", "sdk-response", "reqwest")]

    mock = Mock()
    rps: Dict[Tuple[str, str], List[float]] = {}
    counted: Dict[str, Optional[float]] = {}
    try:
        for repeat in range(args.repeats):
            for label, workload, calls, conc in WORKLOADS:
                for name, binary, client in variants:
                    value = run(mock, binary, client, workload, calls, conc)
                    rps.setdefault((label, name), []).append(value)
                    print(f"[{repeat + 1}/{args.repeats}] {label:28} {name:12} {value:>10,.0f} req/s", flush=True)
        if shutil.which("valgrind"):
            for name, binary, client in variants:
                counted[name] = instructions(mock, binary, client)
    finally:
        mock.stop()

    reference = "baseline" if args.baseline else "sdk"
    names = [name for name, _, _ in variants]
    print()
    print("| workload | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, _, _, _ in WORKLOADS:
        base = statistics.median(rps[(label, reference)])
        cells = []
        for name in names:
            median = statistics.median(rps[(label, name)])
            cells.append(f"{median:,.0f} ({median / base:.2f}×)")
        print(f"| {label} req/s | " + " | ".join(cells) + " |")
    if counted:
        base_count = counted.get(reference)
        cells = []
        for name in names:
            count = counted.get(name)
            if count is None or not base_count:
                cells.append("n/a")
            else:
                cells.append(f"{count:,.0f} ({(count - base_count) / base_count * 100:+.1f}%)")
        print("| GET credits, instructions per call (callgrind) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
