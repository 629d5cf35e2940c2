"""Import 2,000 invites against the release mock at 300 requests per 10 s,
with the first 20 invite POSTs processed and then dropped, by:
`headshotpro invites import`, a sequential `requests` loop sleeping on 429,
and `asyncio.gather` with httpx retrying on 429 (every email at once, and 64 at a
time behind a semaphore). A client that has not finished after TIMEOUT seconds is
stopped and reported so. Prints a Markdown table.

Started by bench/import/run, which builds the release binaries and a venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RATE, WINDOW_MS, N, DROPS = 300, 10_000, 2000, 20
TIMEOUT = 300
INVITE = "/api/v1/organization/invite"


def control(url: str, method: str, path: str, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def one(name: str, command) -> dict:
    mock = subprocess.Popen(
        [str(ROOT / "target/release/headshotpro-mock"), "--port", "0", "--credits", "100000",
         "--rate-limit", str(RATE), "--rate-window-ms", str(WINDOW_MS), "--exit-on-stdin-close"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        info = json.loads(mock.stdout.readline())
        url, key = info["url"], info["api_key"]
        control(url, "POST", "/__mock/faults",
                {"method": "POST", "path": INVITE, "after": "drop", "times": DROPS})
        with tempfile.TemporaryDirectory() as tmp:
            emails = [f"person{i}@example.com" for i in range(N)]
            csv = Path(tmp) / "people.csv"
            csv.write_text("email\n" + "\n".join(emails) + "\n")
            plain = Path(tmp) / "emails.txt"
            plain.write_text("\n".join(emails) + "\n")
            started = time.monotonic()
            env = dict(os.environ, HEADSHOTPRO_API_KEY=key)
            try:
                done = subprocess.run(command(url, key, csv, plain), capture_output=True,
                                      text=True, env=env, timeout=TIMEOUT)
                finished = True
            except subprocess.TimeoutExpired as stopped:
                done = subprocess.CompletedProcess(stopped.cmd, -1, "", "")
                finished = False
            wall = time.monotonic() - started
        requests = control(url, "GET", "/__mock/requests")["requests"]
        posts = sum(1 for r in requests if r["method"] == "POST" and r["path"] == INVITE)
        state = control(url, "GET", "/__mock/state")
        invites = Counter(i["email"].lower() for i in state["organizations"][0]["invites"])
        return {
            "name": name, "wall": wall, "ratio": wall / (N / (RATE / (WINDOW_MS / 1000))),
            # Every POST ends as created, refused, dropped (then resent) or 429 (then resent).
            "429s": posts - N - DROPS, "posts": posts,
            "invited": len(invites), "duplicates": sum(n - 1 for n in invites.values()),
            "finished": finished, "exit": done.returncode, "output": done.stdout.strip(), "stderr": done.stderr[-500:],
        }
    finally:
        mock.stdin.close()
        mock.wait()


def main() -> None:
    python = sys.executable
    cli = str(ROOT / "target/release/headshotpro")
    contenders = [
        ("headshotpro invites import", lambda url, key, csv, plain: [
            cli, "--json", "--base-url", url, "--max-retries", "20", "invites", "import", str(csv)]),
        ("requests, sequential, sleep on 429", lambda url, key, csv, plain: [
            python, str(Path(__file__).parent / "baselines.py"), "sequential", url, key, str(plain)]),
        ("httpx + asyncio.gather, retry on 429", lambda url, key, csv, plain: [
            python, str(Path(__file__).parent / "baselines.py"), "gather", url, key, str(plain)]),
        ("httpx + asyncio.gather, 64 at a time, retry on 429", lambda url, key, csv, plain: [
            python, str(Path(__file__).parent / "baselines.py"), "gather", url, key, str(plain), "64"]),
    ]
    only = os.environ.get("BENCH_ONLY")
    if only:
        contenders = [c for c in contenders if only in c[0]]
    rows = []
    for name, command in contenders:
        result = one(name, lambda url, key, csv, plain, c=command: c(url, key, csv, plain))
        rows.append(result)
        shown = {k: v for k, v in result.items() if k != "output"}
        print(json.dumps(shown), file=sys.stderr)
    print(f"| client | wall time | ratio to ideal ({N / (RATE / (WINDOW_MS / 1000)):.1f} s) "
          f"| 429s answered | invite POSTs | duplicates | failed emails |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        failed = N - r["invited"]
        try:
            out = json.loads(r["output"].splitlines()[-1] if r["output"].startswith("{\"ok") else r["output"])
            failed = max(failed, out.get("failed", 0))
        except (ValueError, AttributeError, IndexError):
            pass
        if r["finished"]:
            wall, ratio, seen = f"{r['wall']:.1f} s", f"{r['ratio']:.3f}", str(r["429s"])
        else:
            wall, ratio, seen = f"stopped after {TIMEOUT} s", "—", "—"
        print(f"| {r['name']} | {wall} | {ratio} | {seen} | {r['posts']} "
              f"| {r['duplicates']} | {failed} |")


if __name__ == "__main__":
    main()
