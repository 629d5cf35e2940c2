"""Runs every benchmark against one release mock server and writes BENCHMARKS.md.

Started by `bench/run`, which builds and installs what this needs. Each
benchmark runs in its own process (so peak RSS is its own); runs are
interleaved and repeated, and the report gives medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent


class Mock:
    """The release mock server, started once for the whole run."""

    def __init__(self, binary: Path) -> None:
        self.proc = subprocess.Popen(
            [str(binary), "--port", "0", "--credits", "100000000", "--exit-on-stdin-close"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        first = json.loads(self.proc.stdout.readline())
        self.url: str = first["url"]
        self.key: str = first["api_key"]

    def reset(self) -> None:
        req = urllib.request.Request(self.url + "/__mock/reset", data=b"{}", method="POST")
        urllib.request.urlopen(req, timeout=30).read()

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_json(cmd: List[str], cwd: Path = ROOT) -> Optional[Dict[str, Any]]:
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        print(f"  failed: {' '.join(cmd)}\n{out.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def benchmarks(args: argparse.Namespace) -> List[Tuple[str, str, List[str]]]:
    """(group, label, command-without-url-key) for every benchmark."""
    py, seq, conc, aconc = args.python, str(args.seq_calls), str(args.async_calls), str(args.concurrency)
    pyb = [py, str(ROOT / "bench/python/bench.py")]
    node = ["node", str(ROOT / "bench/node/bench.mjs")]
    rust = [str(ROOT / "target/release/headshotpro-bench")]
    rseq = str(args.rust_seq_calls)
    post = str(args.post_calls)
    out: List[Tuple[str, str, List[str]]] = []
    for client in ("sdk", "requests", "httpx"):
        out.append(("python sync GET credits, sequential", client, pyb + [client, "credits", "{url}", "{key}", seq, "1"]))
        out.append(("python sync POST invite, sequential", client, pyb + [client, "invite", "{url}", "{key}", post, "1"]))
    for client in ("sdk-async", "httpx-async", "aiohttp"):
        out.append((f"python async GET credits, concurrency {aconc}", client, pyb + [client, "credits", "{url}", "{key}", conc, aconc]))
    for client in ("sdk", "fetch", "undici"):
        out.append(("node GET credits, sequential", client, node + [client, "credits", "{url}", "{key}", seq, "1"]))
        out.append((f"node GET credits, concurrency {aconc}", client, node + [client, "credits", "{url}", "{key}", conc, aconc]))
        out.append(("node POST invite, sequential", client, node + [client, "invite", "{url}", "{key}", post, "1"]))
    for client in ("sdk", "reqwest"):
        out.append(("rust GET credits, sequential", client, rust + [client, "credits", "{url}", "{key}", rseq, "1"]))
        out.append((f"rust GET credits, concurrency {aconc}", client, rust + [client, "credits", "{url}", "{key}", conc, aconc]))
        out.append(("rust POST invite, sequential", client, rust + [client, "invite", "{url}", "{key}", post, "1"]))
    return out


def ceiling(mock: Mock, oha: str, concurrency: int, calls: int) -> Optional[Dict[str, Any]]:
    """oha at `concurrency` connections against GET credits: the server's ceiling."""
    cmd = [oha, "-n", str(calls), "-c", str(concurrency), "--no-tui", "--output-format", "json",
           "-H", f"Authorization: Bearer {mock.key}", mock.url + "/api/v1/organization/credits"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        print(f"  oha failed: {out.stderr[-1000:]}", file=sys.stderr)
        return None
    data = json.loads(out.stdout)
    summary = data["summary"]
    pct = data.get("latencyPercentiles", {})
    return {"rps": summary["requestsPerSec"], "p50_ms": (pct.get("p50") or 0) * 1000,
            "p99_ms": (pct.get("p99") or 0) * 1000, "success": summary.get("successRate")}


def instructions_per_call(mock: Mock, client: str) -> Optional[float]:
    """Client-side instructions per GET credits of the Rust benchmark, counted by
    callgrind (repeatable, unlike wall time): the difference between 2,500 and 500
    calls, so start-up costs cancel out."""
    counts = []
    for calls in (500, 2500):
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
             str(ROOT / "target/release/headshotpro-bench"), client, "credits", mock.url, mock.key, str(calls), "1"],
            capture_output=True, text=True, timeout=900)
        found = [line for line in out.stderr.splitlines() if "Collected :" in line]
        if out.returncode != 0 or not found:
            print(f"  callgrind failed for {client}: {out.stderr[-500:]}", file=sys.stderr)
            return None
        counts.append(int(found[-1].split(":")[-1].strip()))
    return (counts[1] - counts[0]) / 2000


def import_ms(python: str, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        out = subprocess.run([python, str(ROOT / "bench/python/import_time.py")], capture_output=True, text=True, check=True)
        samples.append(float(out.stdout.strip()))
    return statistics.median(samples)


def seed(mock: Mock, body: Dict[str, Any], photos_per_model: Optional[int] = None) -> Dict[str, Any]:
    """Resets the mock, then seeds it through the control API."""
    mock.reset()
    if photos_per_model is not None:
        req = urllib.request.Request(mock.url + "/__mock/organization", method="PUT",
                                     data=json.dumps({"photosPerModel": photos_per_model}).encode())
        urllib.request.urlopen(req, timeout=30).read()
    req = urllib.request.Request(mock.url + "/__mock/seed", method="POST", data=json.dumps(body).encode())
    answer: Dict[str, Any] = json.loads(urllib.request.urlopen(req, timeout=120).read())
    return answer


PYTHON_WALKS = (2000, 10000)
PYTHON_PAGE = 200
PYTHON_PHOTOS = 100


def python_current_api(args: argparse.Namespace, mock: Mock) -> Dict[str, List[Dict[str, Any]]]:
    """The Python package on the current API: walking members page by page (CPU per
    item, peak RSS at two list sizes) and photos.save against requests by hand."""
    script = [args.python, str(ROOT / "bench/python/pages_save.py")]
    rows: Dict[str, List[Dict[str, Any]]] = {}
    for repeat in range(args.repeats):
        for members in PYTHON_WALKS:
            seed(mock, {"members": members})
            result = run_json(script + ["walk", mock.url, mock.key, str(PYTHON_PAGE)])
            if result is not None and result["items"] == members:
                rows.setdefault(f"walk {members}", []).append(result)
                print(f"[{repeat + 1}/{args.repeats}] python walk {members:>6} members "
                      f"{result['cpu_us_per_item']:8.1f} µs/item {result['peak_rss_mb']:6.1f} MiB", flush=True)
        (model_id,) = seed(mock, {"models": 1}, photos_per_model=PYTHON_PHOTOS)["modelIds"]
        for client in ("sdk", "sdk-sequential", "requests"):
            with tempfile.TemporaryDirectory(prefix="headshotpro-bench-") as directory:
                result = run_json(script + ["save", client, mock.url, mock.key, model_id, directory])
            if result is not None and result["files"] == PYTHON_PHOTOS:
                rows.setdefault(f"save {client}", []).append(result)
                print(f"[{repeat + 1}/{args.repeats}] python save {PYTHON_PHOTOS} photos {client:9} "
                      f"{result['wall_s']:7.3f} s {result['peak_rss_mb']:6.1f} MiB", flush=True)
    return rows


PYTHON_SECTION = "## Python: pages and downloads"


def python_current_report(args: argparse.Namespace, rows: Dict[str, List[Dict[str, Any]]]) -> str:
    """The section on the current API's Python benchmarks."""
    lines = [
        PYTHON_SECTION,
        "",
        f"`bench/python/pages_save.py` against the release mock, seeded through its control API; "
        f"{args.repeats} interleaved repeats, medians. Walking is "
        f"`for m in client.members.list(limit={PYTHON_PAGE})`: every page, each fetched when the walk "
        "reaches it. CPU time is the whole client process's (the runtime's threads included); peak RSS "
        "is the process's, the interpreter's ~20 MiB included.",
        "",
        "| benchmark | items | client CPU µs/item | wall s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for members in PYTHON_WALKS:
        results = rows.get(f"walk {members}")
        if results:
            lines.append(f"| walk {members:,} members, pages of {PYTHON_PAGE} | {members:,} | "
                         f"{median_of(results, 'cpu_us_per_item'):.1f} | {median_of(results, 'wall_s'):.3f} | "
                         f"{median_of(results, 'peak_rss_mb'):.1f} |")
    lines += ["", f"| `photos.save` of {PYTHON_PHOTOS} photos | client | wall s | peak RSS MiB | SDK speed-up |",
              "|---|---|---:|---:|---:|"]
    sdk = rows.get("save sdk")
    for client, label in (("sdk", "`client.photos.save(model_id, dir)` (4 at once, the default)"),
                          ("sdk-sequential", "`photos.save(..., concurrency=1)`"),
                          ("requests", "requests by hand: download links, then GET and write each")):
        results = rows.get(f"save {client}")
        if results:
            ratio = "" if client == "sdk" or not sdk else f"{median_of(results, 'wall_s') / median_of(sdk, 'wall_s'):.2f}×"
            lines.append(f"| {PYTHON_PHOTOS} photos | {label} | {median_of(results, 'wall_s'):.3f} | "
                         f"{median_of(results, 'peak_rss_mb'):.1f} | {ratio} |")
    small, large = rows.get(f"walk {PYTHON_WALKS[0]}"), rows.get(f"walk {PYTHON_WALKS[-1]}")
    lines += ["", "| target | measured | met |", "|---|---:|---|"]
    if small and large:
        growth = median_of(large, "peak_rss_mb") - median_of(small, "peak_rss_mb")
        lines.append(f"| peak RSS does not grow with the list: {PYTHON_WALKS[-1]:,} vs {PYTHON_WALKS[0]:,} "
                     f"members (< 2 MiB more) | {growth:+.1f} MiB | {'yes' if growth < 2 else 'no'} |")
    if sdk and rows.get("save requests"):
        ratio = median_of(rows["save requests"], "wall_s") / median_of(sdk, "wall_s")
        lines.append(f"| `photos.save` ≥ 1× requests by hand (wall time) | {ratio:.2f}× | {'yes' if ratio >= 1 else 'no'} |")
    return "\n".join(lines) + "\n"


def splice_section(path: Path, heading: str, section: str) -> None:
    """Replaces the section under ``heading`` in ``path`` (up to the next ``## ``
    heading), or adds it before ``## Sizes`` (else at the end)."""
    text = path.read_text() if path.exists() else ""
    start = text.find(heading + "\n")
    if start >= 0:
        end = text.find("\n## ", start + len(heading))
        end = len(text) if end < 0 else end + 1
        text = text[:start] + section + ("\n" if end < len(text) else "") + text[end:]
    else:
        at = text.find("## Sizes")
        text = text + "\n" + section if at < 0 else text[:at] + section + "\n" + text[at:]
    path.write_text(text)


def median_of(results: List[Dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    def version(cmd: List[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
            f"{version(['rustc', '--version'])}; Python {platform.python_version()}; Node {version(['node', '--version'])}")


TARGETS = {
    # group prefix, sdk label, baseline label, target ratio
    ("python sync GET credits, sequential", "sdk", "requests"): 1.5,
    ("python sync GET credits, sequential", "sdk", "httpx"): 1.2,
    ("node GET credits, sequential", "sdk", "fetch"): 1.0,
    ("rust GET credits, sequential", "sdk", "reqwest"): 0.95,
}

NOTES = """
## What the profiling found and fixed

- Python asyncio calls were throttled by logging: the `log` → `logging` bridge asked Python
  for the level of every record, so each request waited a few times for the GIL on the
  runtime's threads. Levels are now cached (refreshed when a client is created):
  AsyncClient at concurrency 64 went from 6,316 to 10,500–11,300 req/s (0.74× → 1.25–1.32×
  aiohttp).
- `import headshotpro` loaded `asyncio` and `email` for type hints only; both are now
  imported where used: 58 ms → 31 ms.
- Rust: the SDK copied every answer's headers and parsed every body twice (once for
  `success: false`); headers are now read in place and only for errors, and the second parse
  is skipped when the body has no `false`. The baseline sends the SDK's headers, so the server
  does the same work for both. Wall-time ratios still move between 0.89× and 1.09× from run
  to run on these shared 2-core machines, so the Rust target is also checked with callgrind,
  which counts the client's instructions per call and repeats exactly (the last target row).
- Left as is: at concurrency 64 the Python and Rust clients share the 2 cores with the mock,
  so their numbers are bounded by the machine, not the SDK (oha alone reaches the ceiling
  row); `httpx.AsyncClient` collapses at concurrency 64 here (p99 over 500 ms), which makes
  its ratio large.
"""


def report(args: argparse.Namespace, rows: Dict[Tuple[str, str], List[Dict[str, Any]]],
           oha: Optional[Dict[str, Any]], import_time: float, sizes: Dict[str, int],
           instructions: Dict[str, float]) -> str:
    conc = args.concurrency
    targets = dict(TARGETS)
    targets[(f"python async GET credits, concurrency {conc}", "sdk-async", "httpx-async")] = 1.5
    targets[(f"node GET credits, concurrency {conc}", "sdk", "fetch")] = 1.0
    targets[(f"rust GET credits, concurrency {conc}", "sdk", "reqwest")] = 0.95
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `bench/run` on {dt.date.today().isoformat()} — {args.repeats} interleaved repeats, medians.",
        f"Machine: {machine()}.",
        "",
        "Every client talks to the same release `headshotpro-mock` on loopback; each benchmark is its",
        "own process. Baselines do the SDK's work: build the request, send the key, parse the JSON",
        "into an object. The SDK also checks the body for `success: false` and classifies errors.",
        "The Rust baseline sends the SDK's headers (`Accept`, a user agent of the same length), so",
        "both cost the server the same and the ratio shows client-side cost only.",
        "",
        "| benchmark | client | calls | req/s | p50 ms | p99 ms | peak RSS MiB | SDK / this |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    groups: Dict[str, Dict[str, List[Dict[str, Any]]]] = {}
    for (group, label), results in rows.items():
        groups.setdefault(group, {})[label] = results
    for group, clients in groups.items():
        sdk_label = "sdk-async" if "sdk-async" in clients else "sdk"
        sdk_rps = median_of(clients[sdk_label], "rps") if sdk_label in clients else None
        for label, results in clients.items():
            rps = median_of(results, "rps")
            ratio = "" if label == sdk_label or not sdk_rps else f"{sdk_rps / rps:.2f}×"
            lines.append(f"| {group} | {label} | {results[0]['calls']} | {rps:,.0f} | {median_of(results, 'p50_ms'):.3f} | "
                         f"{median_of(results, 'p99_ms'):.3f} | {median_of(results, 'peak_rss_mb'):.0f} | {ratio} |")
    if oha:
        lines.append(f"| ceiling: oha GET credits, {conc} connections | oha | {args.oha_calls} | {oha['rps']:,.0f} | "
                     f"{oha['p50_ms']:.3f} | {oha['p99_ms']:.3f} | | |")
    lines += ["", "## Targets", "", "| target | ratio | met |", "|---|---:|---|"]
    for (group, sdk, base), target in targets.items():
        if (group, sdk) in rows and (group, base) in rows:
            ratio = median_of(rows[(group, sdk)], "rps") / median_of(rows[(group, base)], "rps")
            lines.append(f"| {group}: {sdk} ≥ {target}× {base} | {ratio:.2f}× | {'yes' if ratio >= target else 'no'} |")
    if "sdk" in instructions and "reqwest" in instructions:
        ratio = instructions["reqwest"] / instructions["sdk"]
        lines.append(f"| rust GET credits: sdk ≥ 0.95× reqwest in client instructions per call (callgrind: "
                     f"{instructions['sdk']:,.0f} vs {instructions['reqwest']:,.0f}) | {ratio:.2f}× | {'yes' if ratio >= 0.95 else 'no'} |")
    lines.append(f"| Python `import headshotpro` < 50 ms | {import_time:.1f} ms | {'yes' if import_time < 50 else 'no'} |")
    if oha:
        lines.append(f"| mock ≥ 20,000 req/s at {conc} connections (oha) | {oha['rps']:,.0f} req/s | {'yes' if oha['rps'] >= 20000 else 'no'} |")
    lines += ["", "## Sizes", ""]
    for name, size in sizes.items():
        lines.append(f"- {name}: {size / 1024 / 1024:.2f} MiB ({size:,} bytes)")
    return "\n".join(lines) + "\n" + NOTES


NODE_CURRENT_API = "## Node: the current API"


def node_current_api(mock: Mock, args: argparse.Namespace) -> Dict[Tuple[str, str, int], List[Dict[str, Any]]]:
    """The Node package on the current API, against `fetch` by hand: walking the member
    list (2,000, 10,000 and 50,000 members, pages of 200) and `photos.save` of 100 photos.
    Runs are interleaved and repeated; each is its own process, so its peak RSS is its own."""
    node = ROOT / "bench/node"
    plan: List[Tuple[str, str, int, List[str]]] = []
    for items in (2000, 10000, 50000):
        for client in ("sdk", "fetch"):
            plan.append(("walk", client, items, ["node", str(node / "walk.mjs"), client, "{url}", "{key}", str(items), "200"]))
    for client in ("sdk", "fetch"):
        plan.append(("save", client, 100, ["node", str(node / "save.mjs"), client, "{url}", "{key}", "100", str(args.save_rounds)]))
    rows: Dict[Tuple[str, str, int], List[Dict[str, Any]]] = {}
    for repeat in range(args.repeats):
        for workload, client, n, cmd in plan:
            mock.reset()
            result = run_json([c.replace("{url}", mock.url).replace("{key}", mock.key) for c in cmd])
            if result is None:
                continue
            rows.setdefault((workload, client, n), []).append(result)
            print(f"[{repeat + 1}/{args.repeats}] node {workload} {n:>6} {client:6} {json.dumps(result)}", flush=True)
    return rows


def node_current_api_report(rows: Dict[Tuple[str, str, int], List[Dict[str, Any]]], repeats: int) -> str:
    """The "Node: the current API" section of BENCHMARKS.md."""
    lines = [
        NODE_CURRENT_API,
        "",
        f"`bench/node/walk.mjs` and `bench/node/save.mjs` against the release mock (seeded through its",
        f"control API), {repeats} interleaved repeats, medians; each run is its own process. The `sdk` walk",
        "is `for await` on `client.members.list({ limit: 200 })`; `fetch` fetches the same pages by hand",
        "and stops at `hasMore: false`. CPU is the whole process's user + system time during the walk",
        "(the module's runtime threads included), per member; loading the module is not counted. Peak",
        "RSS includes V8's heap, which grows until its collector settles: compare 10,000 with 50,000.",
        "The `sdk` save is `client.photos.save` (4 downloads at once); `fetch` asks for the",
        "download links, then fetches each URL (4 at once) and writes each file, as a user would by hand.",
        "A save's time is the median of its rounds after one warm-up round. `python3 bench/run.py",
        "--only node-current` reruns this section alone (after `bench/run`'s release builds).",
        "",
        "| benchmark | client | items | wall ms | items/s | CPU µs / item | peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (workload, client, n), results in rows.items():
        if workload == "walk":
            wall = median_of(results, "seconds") * 1000
            cpu = f"{median_of(results, 'cpu_us_per_item'):.1f}"
        else:
            wall = median_of(results, "save_ms")
            cpu = ""
        lines.append(f"| node {workload} | {client} | {n:,} | {wall:,.1f} | {n / wall * 1000:,.0f} | {cpu} | "
                     f"{median_of(results, 'peak_rss_mb'):.0f} |")
    lines += ["", "| target | value | met |", "|---|---:|---|"]
    save = {c: rows.get(("save", c, 100)) for c in ("sdk", "fetch")}
    if save["sdk"] and save["fetch"]:
        ratio = median_of(save["fetch"], "save_ms") / median_of(save["sdk"], "save_ms")
        lines.append(f"| `photos.save` of 100 photos: sdk ≥ 1× `fetch` by hand (wall time) | {ratio:.2f}× | "
                     f"{'yes' if ratio >= 1 else 'no'} |")
        mem = median_of(save["sdk"], "peak_rss_mb") - median_of(save["fetch"], "peak_rss_mb")
        lines.append(f"| `photos.save` peak RSS, sdk minus `fetch` | {mem:+.0f} MiB | |")
    walks = {n: rows.get(("walk", "sdk", n)) for n in (2000, 10000, 50000)}
    if walks[10000] and walks[50000]:
        small, large = median_of(walks[10000], "peak_rss_mb"), median_of(walks[50000], "peak_rss_mb")
        growth = (large - small) / small * 100
        lines.append(f"| walk peak RSS does not grow with the items: 50,000 vs 10,000 members | "
                     f"{large:.0f} vs {small:.0f} MiB ({growth:+.0f}%) | {'yes' if growth < 10 else 'no'} |")
    if walks[2000] and walks[10000]:
        lines.append(f"| walk CPU per member, sdk: 2,000 / 10,000 members | "
                     f"{median_of(walks[2000], 'cpu_us_per_item'):.1f} / {median_of(walks[10000], 'cpu_us_per_item'):.1f} µs | |")
    return "\n".join(lines) + "\n"


def kept_section(path: Path, heading: str) -> str:
    """A section of the old file that another command maintains (scripts/package
    writes "## Package sizes"), carried over unchanged."""
    old = path.read_text() if path.exists() else ""
    start = old.find(f"\n{heading}\n")
    if start < 0:
        return ""
    end = old.find("\n## ", start + len(heading) + 2)
    return old[start : end if end >= 0 else len(old)].rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--oha", default="oha")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seq-calls", type=int, default=5000)
    parser.add_argument("--rust-seq-calls", type=int, default=20000)
    parser.add_argument("--post-calls", type=int, default=2000)
    parser.add_argument("--async-calls", type=int, default=20000)
    parser.add_argument("--oha-calls", type=int, default=200000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--wheel", type=Path)
    parser.add_argument("--node-module", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--only", choices=["all", "python-current", "node-current"], default="all",
                        help="python-current / node-current: only that language's pages/downloads "
                             "benchmarks, written into their section of --out")
    parser.add_argument("--save-rounds", type=int, default=10, help="rounds of each Node photos.save run")
    args = parser.parse_args()

    mock = Mock(ROOT / "target/release/headshotpro-mock")
    if args.only != "all":
        try:
            if args.only == "python-current":
                heading, section = PYTHON_SECTION, python_current_report(args, python_current_api(args, mock))
            else:
                heading, section = NODE_CURRENT_API, node_current_api_report(node_current_api(mock, args), args.repeats)
        finally:
            mock.stop()
        splice_section(args.out, heading, section)
        print(section)
        return
    rows: Dict[Tuple[str, str], List[Dict[str, Any]]] = {}
    try:
        plan = benchmarks(args)
        for repeat in range(args.repeats):
            for group, label, cmd in plan:
                mock.reset()
                cmd = [c.replace("{url}", mock.url).replace("{key}", mock.key) for c in cmd]
                result = run_json(cmd)
                if result is None:
                    continue
                if result.get("errors"):
                    print(f"  {group} / {label}: {result['errors']} errors", file=sys.stderr)
                rows.setdefault((group, label), []).append(result)
                print(f"[{repeat + 1}/{args.repeats}] {group:45} {label:12} {result['rps']:>10,.0f} req/s", flush=True)
        python_rows = python_current_api(args, mock)
        node_rows = node_current_api(mock, args)
        mock.reset()
        oha = ceiling(mock, args.oha, args.concurrency, args.oha_calls)
        instructions: Dict[str, float] = {}
        if shutil.which("valgrind"):
            for client in ("sdk", "reqwest"):
                mock.reset()
                count = instructions_per_call(mock, client)
                if count is not None:
                    instructions[client] = count
    finally:
        mock.stop()
    import_time = import_ms(args.python, 15)
    sizes = {}
    if args.wheel and args.wheel.exists():
        sizes[f"wheel {args.wheel.name}"] = args.wheel.stat().st_size
    if args.node_module and args.node_module.exists():
        sizes[f"Node native module {args.node_module.name}"] = args.node_module.stat().st_size
    text = report(args, rows, oha, import_time, sizes, instructions)
    text += "\n" + node_current_api_report(node_rows, args.repeats)
    text += kept_section(args.out, "## Package sizes")
    args.out.write_text(text)
    splice_section(args.out, PYTHON_SECTION, python_current_report(args, python_rows))
    text = args.out.read_text()
    print(text)


if __name__ == "__main__":
    main()
