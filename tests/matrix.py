#!/usr/bin/env python3
"""Runs every case of tests/cases in every language and prints one table.

Each language's runner (see RUNNERS below) is started in turn with

    <command> --cases tests/cases --vectors tests/vectors
              --mock-bin target/debug/headshotpro-mock --out target/matrix/<lang>.json

(absolute paths), and must write `[{"case", "passed", "detail"}]` there. This
script builds nothing: scripts/test-matrix.sh and each language's own test
script do. It prints a table case x language, the details of every failure,
and `N passed, N failed` (N counts case x language cells) alone on the last
line; the exit code is non-zero if any cell failed.

A language is never skipped: a runner that is missing, cannot start, crashes,
hangs past its timeout, writes an unreadable file or leaves a case out fails
those cells, with the reason in the details.

    python3 tests/matrix.py [--langs rust,python,node,kotlin,swift]

A runner's command can be replaced for one run with an environment variable
MATRIX_CMD_<LANG> (e.g. MATRIX_CMD_PYTHON=".venv/bin/python tests/runners/python/run.py"),
split like a shell line, and its timeout with MATRIX_TIMEOUT_<LANG> (seconds).
"""

import argparse
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The Python runner uses the venv scripts/test-python.sh builds the package into.
_VENV_PYTHON = (Path(os.environ.get("HEADSHOTPRO_CACHE") or Path.home() / ".cache" / "headshotpro")
                / "venv-py" / "bin" / "python")
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else "python3"

# One row per language, in the order they run. `cmd` is relative to the
# repository root (its first word too, when it names a file in the repo);
# `timeout` is in seconds for the whole runner. The Kotlin and Swift rows name
# the entry points the uniffi bindings provide for the matrix; until a runner
# exists its cells fail with "No such file", as any missing runner does.
RUNNERS = {
    "rust": {"cmd": ["target/debug/matrix-runner"], "timeout": 900},
    "python": {"cmd": [PYTHON, "tests/runners/python/run.py"], "timeout": 900},
    "node": {"cmd": ["node", "tests/runners/node/run.mjs"], "timeout": 900},
    "kotlin": {"cmd": ["bash", "bindings-uniffi/kotlin/run-matrix.sh"], "timeout": 1800},
    "swift": {"cmd": ["bash", "bindings-uniffi/swift/run-matrix.sh"], "timeout": 1800},
}

# Failure details longer than this are cut in the report (the full text is in
# target/matrix/<lang>.json).
DETAIL_LIMIT = 600
# Lines of a runner's output shown when it failed as a whole.
LOG_TAIL = 15


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", default=",".join(RUNNERS),
                        help="comma-separated languages to run (default: all)")
    args = parser.parse_args()
    langs = [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    unknown = [lang for lang in langs if lang not in RUNNERS]
    if unknown or not langs:
        parser.error(f"unknown language(s) {unknown}; choose from {', '.join(RUNNERS)}")

    cases = sorted(p.stem for p in (ROOT / "tests" / "cases").glob("*.json"))
    if not cases:
        print("no cases in tests/cases")
        print("0 passed, 1 failed")
        return 1
    out_dir = ROOT / "target" / "matrix"
    out_dir.mkdir(parents=True, exist_ok=True)

    cells = {}  # lang -> {case: (passed, detail)}
    notes = {}  # lang -> what went wrong with the runner as a whole
    for lang in langs:
        cells[lang], notes[lang] = run_language(lang, cases, out_dir)

    print_report(langs, cases, cells, notes)
    passed = sum(1 for lang in langs for case in cases if cells[lang][case][0])
    failed = len(langs) * len(cases) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def runner_command(lang):
    override = os.environ.get(f"MATRIX_CMD_{lang.upper()}")
    cmd = shlex.split(override) if override else list(RUNNERS[lang]["cmd"])
    # A first word that is a path inside the repository is made absolute.
    if cmd and ("/" in cmd[0]) and not os.path.isabs(cmd[0]):
        cmd[0] = str(ROOT / cmd[0])
    return [part if not part.startswith("tests/") else str(ROOT / part) for part in cmd]


def run_language(lang, cases, out_dir):
    """Runs one language's runner; answers its cells and a note on the runner."""
    out = out_dir / f"{lang}.json"
    log = out_dir / f"{lang}.log"
    out.unlink(missing_ok=True)
    mock_bin = os.environ.get("HEADSHOTPRO_MOCK_BIN") or str(ROOT / "target" / "debug" / "headshotpro-mock")
    cmd = runner_command(lang) + [
        "--cases", str(ROOT / "tests" / "cases"),
        "--vectors", str(ROOT / "tests" / "vectors"),
        "--mock-bin", mock_bin,
        "--out", str(out),
    ]
    timeout = float(os.environ.get(f"MATRIX_TIMEOUT_{lang.upper()}") or RUNNERS[lang]["timeout"])
    env = dict(os.environ, HEADSHOTPRO_MOCK_BIN=mock_bin)
    print(f"==> {lang}: {shlex.join(cmd)}", flush=True)
    started = time.monotonic()
    problem = None
    with open(log, "wb") as log_file:
        try:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as error:
            proc = None
            problem = f"runner could not be started: {error}"
        if proc is not None:
            try:
                code = proc.wait(timeout=timeout)
                if code != 0:
                    problem = f"runner exited with code {code}"
            except subprocess.TimeoutExpired:
                kill_group(proc)
                problem = f"runner still running after {timeout} s: killed"
    seconds = time.monotonic() - started
    print(f"    {lang} finished in {seconds:.0f} s{': ' + problem if problem else ''} (output: {rel(log)})",
          flush=True)

    results, read_problem = read_results(out)
    if read_problem:
        problem = f"{problem}; {read_problem}" if problem else read_problem
    extra = sorted(set(results) - set(cases))
    if extra:
        note = f"results for cases that do not exist: {', '.join(extra)}"
        problem = f"{problem}; {note}" if problem else note
    if problem:
        problem += log_tail(log)
    missing = problem or "runner wrote no result for this case"
    lang_cells = {case: results.get(case, (False, missing)) for case in cases}
    return lang_cells, problem


def kill_group(proc):
    """Kills the runner and everything it started (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()


def read_results(out):
    """The runner's results as {case: (passed, detail)}, and a problem if any."""
    if not out.exists():
        return {}, f"no results file {rel(out)}"
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return {}, f"results file {rel(out)} is not JSON: {error}"
    if not isinstance(data, list):
        return {}, f"results file {rel(out)} is not a JSON array"
    results = {}
    problems = []
    for entry in data:
        if not (isinstance(entry, dict) and isinstance(entry.get("case"), str)
                and isinstance(entry.get("passed"), bool)):
            problems.append(f"malformed entry {json.dumps(entry)[:200]}")
            continue
        case = entry["case"]
        detail = entry.get("detail") or ""
        if not isinstance(detail, str):
            detail = json.dumps(detail)
        if case in results:
            # A case reported twice counts only if every report passed.
            passed = results[case][0] and entry["passed"]
            results[case] = (passed, results[case][1] or detail or "reported more than once")
        else:
            results[case] = (entry["passed"], detail)
    return results, "; ".join(problems) if problems else None


def log_tail(log):
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    tail = [line for line in lines if line.strip()][-LOG_TAIL:]
    if not tail:
        return ""
    return "\n        | " + "\n        | ".join(tail)


def rel(path):
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def print_report(langs, cases, cells, notes):
    width = max(len(case) for case in cases)
    col = max(6, *(len(lang) for lang in langs))
    print()
    print("case".ljust(width) + "  " + "  ".join(lang.ljust(col) for lang in langs))
    print("-" * width + "  " + "  ".join("-" * col for _ in langs))
    for case in cases:
        row = ["pass" if cells[lang][case][0] else "FAIL" for lang in langs]
        print(case.ljust(width) + "  " + "  ".join(mark.ljust(col) for mark in row))
    print()
    totals = []
    for lang in langs:
        ok = sum(1 for case in cases if cells[lang][case][0])
        totals.append(f"{lang} {ok}/{len(cases)}")
    print("per language: " + ", ".join(totals))

    runner_notes = [(lang, notes[lang]) for lang in langs if notes[lang]]
    if runner_notes:
        print()
        print("runner problems:")
        for lang, note in runner_notes:
            print(f"  {lang}: {note}")

    failures = []
    for lang in langs:
        failed = [case for case in cases if not cells[lang][case][0]]
        whole = [case for case in failed if notes[lang] and cells[lang][case][1] == notes[lang]]
        if whole:
            failures.append((lang, f"{len(whole)} case(s) without a result", "see runner problems above"))
        failures.extend((lang, case, cells[lang][case][1]) for case in failed if case not in whole)
    if failures:
        print()
        print("failures:")
        for lang, case, detail in failures:
            detail = detail.strip() or "failed (the runner gave no detail)"
            if len(detail) > DETAIL_LIMIT:
                detail = detail[:DETAIL_LIMIT] + "…"
            print(f"  [{lang}] {case}: {detail}")
    print()


if __name__ == "__main__":
    sys.exit(main())
