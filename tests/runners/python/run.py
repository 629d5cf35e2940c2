#!/usr/bin/env python3
"""The Python runner of the cross-language matrix (see tests/README.md).

    python tests/runners/python/run.py --cases tests/cases --vectors tests/vectors \
        --mock-bin target/debug/headshotpro-mock --out target/matrix/python.json

Starts its own headshotpro-mock, runs every case in file-name order through the
public ``headshotpro`` API only, and writes
``[{"case", "passed", "detail"}]``. Exits 0 when it could run the cases.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import headshotpro

MOCK_FLAGS = [
    "--port", "0", "--host", "127.0.0.1", "--dev-step-ms", "50", "--webhook-delay-ms", "0",
    "--webhook-retry-ms", "50", "--exit-on-stdin-close",
]
VARIABLE = re.compile(r"\$\{([^}]+)\}")


class StepFailure(Exception):
    """A step did not do what the case expects."""


class Mock:
    def __init__(self, binary: str) -> None:
        self.process = subprocess.Popen(
            [binary, *MOCK_FLAGS], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdout is not None
        first = json.loads(self.process.stdout.readline())
        self.url: str = first["url"]
        self.api_key: str = first["api_key"]

    def call(self, method: str, path: str, body: Any = None) -> Tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, raw = answer.status, answer.read()
        except urllib.error.HTTPError as err:
            status, raw = err.code, err.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw.decode("utf-8", "replace")

    def must(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = self.call(method, path, body)
        if not 200 <= status < 300:
            raise StepFailure(f"mock {method} {path} answered {status}: {answer}")
        return answer

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


# ---- canonical JSON -------------------------------------------------------------------------


def iso(at: datetime) -> str:
    at = at.astimezone(timezone.utc)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def canonical(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return canonical(value.to_dict())
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, str):
        return str(value)  # str enums become their wire strings
    return value


# ---- variables and matching -----------------------------------------------------------------


def lookup(saved: Dict[str, Any], path: str) -> Any:
    parts = path.split(".")
    if parts[0] not in saved:
        raise StepFailure(f"unknown variable ${{{path}}}")
    value = saved[parts[0]]
    for part in parts[1:]:
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise StepFailure(f"${{{path}}}: no {part!r} in {json.dumps(value)}")
    return value


def substitute(value: Any, saved: Dict[str, Any]) -> Any:
    if isinstance(value, str):
        whole = VARIABLE.fullmatch(value)
        if whole:
            return lookup(saved, whole.group(1))

        def text(m: "re.Match[str]") -> str:
            found = lookup(saved, m.group(1))
            return found if isinstance(found, str) else json.dumps(found)

        return VARIABLE.sub(text, value)
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    return value


MISSING = object()


def mismatch(expected: Any, actual: Any, where: str = "$") -> Optional[str]:
    """None when ``actual`` matches ``expected``, else where and why not."""
    if expected == "$any":
        return None
    if expected == "$present":
        return None if actual is not MISSING and actual is not None else f"{where}: missing"
    if expected == "$absent":
        return None if actual is MISSING or actual is None else f"{where}: {show(actual)} present"
    if actual is MISSING:
        return f"{where}: missing, expected {show(expected)}"
    if isinstance(expected, dict) and set(expected) == {"$len"}:
        if isinstance(actual, list) and len(actual) == expected["$len"]:
            return None
        return f"{where}: expected an array of length {expected['$len']}, got {show(actual)}"
    if isinstance(expected, dict) and set(expected) == {"$contains"}:
        if isinstance(actual, str) and str(expected["$contains"]) in actual:
            return None
        return f"{where}: expected text containing {expected['$contains']!r}, got {show(actual)}"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: expected an object, got {show(actual)}"
        for key, want in expected.items():
            found = mismatch(want, actual.get(key, MISSING), f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{where}: expected {len(expected)} elements, got {show(actual)}"
        for i, (want, got) in enumerate(zip(expected, actual)):
            found = mismatch(want, got, f"{where}[{i}]")
            if found:
                return found
        return None
    if isinstance(expected, bool) or isinstance(actual, bool):
        same = isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
    elif isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        same = float(expected) == float(actual)
    else:
        same = type(expected) is type(actual) and expected == actual
    return None if same else f"{where}: expected {show(expected)}, got {show(actual)}"


def show(value: Any) -> str:
    if value is MISSING:
        return "nothing"
    text = json.dumps(value, default=str)
    return text if len(text) <= 300 else text[:300] + "…"


# ---- operations -----------------------------------------------------------------------------


def webhook_vector(vectors: Path, name: str) -> Dict[str, Any]:
    vector: Dict[str, Any] = json.loads((vectors / f"{name}.json").read_text(encoding="utf-8"))
    return vector


def timing(settings: Dict[str, Any]) -> Dict[str, Any]:
    """The ``timeout``/``max_retries`` keywords for ``timeout_ms``/``max_retries`` settings."""
    kwargs: Dict[str, Any] = {}
    if "max_retries" in settings:
        kwargs["max_retries"] = int(settings["max_retries"])
    if "timeout_ms" in settings:
        kwargs["timeout"] = float(settings["timeout_ms"]) / 1000.0
    return kwargs


def operation(
    client: Callable[[], headshotpro.Client],
    vectors: Path,
    op: str,
    args: Dict[str, Any],
    options: Optional[Dict[str, Any]] = None,
) -> Any:
    a = args
    if op == "webhook.parse":
        vector = webhook_vector(vectors, a["vector"])
        return headshotpro.parse_webhook(vector["body"].encode("utf-8"))
    if op == "webhook.verify":
        vector = webhook_vector(vectors, a["vector"])
        secret = a["secret"] if "secret" in a else vector.get("secret", "")
        extra = {"tolerance": float(a["tolerance_sec"])} if "tolerance_sec" in a else {}
        return headshotpro.verify_webhook(
            vector["body"].encode("utf-8"), dict(vector.get("headers", {})), secret, **extra
        )
    c = client()
    if options is not None:  # per-call options, on the case's client
        c = c.with_options(**timing(options))
    table: Dict[str, Callable[[], Any]] = {
        "organization.retrieve": lambda: c.organization.retrieve(),
        "organization.credits": lambda: c.organization.credits(),
        "invites.create": lambda: c.invites.create(a["email"], team_id=a.get("team_id")),
        "invites.revoke": lambda: c.invites.revoke(a["email"]),
        "invites.list": lambda: c.invites.list(),
        "invites.retrieve": lambda: c.invites.retrieve(a["invite_id"]),
        "teams.create": lambda: c.teams.create(a["name"]),
        "teams.update": lambda: c.teams.update(a["team_id"], a["name"]),
        "teams.delete": lambda: c.teams.delete(a["team_id"]),
        "teams.add_members": lambda: c.teams.add_members(a["team_id"], a["emails"]),
        "models.create": lambda: c.models.create(
            a["email"], team_id=a.get("team_id"), is_development=bool(a.get("is_development", False))
        ),
        "models.retrieve": lambda: c.models.retrieve(a["model_id"]),
        "models.delete": lambda: c.models.delete(a["model_id"]),
        "models.wait": lambda: c.models.wait(
            a["model_id"], until=a.get("until", "active"),
            timeout=float(a.get("timeout_ms", 600_000)) / 1000.0,
        ),
    }
    if op not in table:
        raise StepFailure(f"unknown op {op!r}")
    return table[op]()


# ---- cases ----------------------------------------------------------------------------------


class ClientFactory:
    """Builds the case's client on first use; a construction error is raised by every op."""

    def __init__(self, mock: Mock, settings: Dict[str, Any]) -> None:
        self.mock = mock
        self.settings = settings
        self.client: Optional[headshotpro.Client] = None
        self.error: Optional[headshotpro.HeadshotProError] = None

    def __call__(self) -> headshotpro.Client:
        if self.error is not None:
            raise self.error
        if self.client is None:
            s = self.settings
            base_url = s.get("base_url", self.mock.url)
            if base_url == "$closed_port":
                base_url = f"http://127.0.0.1:{closed_port()}"
            kwargs: Dict[str, Any] = {"base_url": base_url, **timing(s)}
            try:
                self.client = headshotpro.Client(s.get("api_key", self.mock.api_key), **kwargs)
            except headshotpro.HeadshotProError as err:
                self.error = err
                raise
        return self.client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()


def check_error(err: BaseException, want: Dict[str, Any]) -> None:
    got = type(err).__name__
    if got != want.get("class"):
        raise StepFailure(f"expected {want.get('class')}, got {got}: {err}")
    for field in ("code", "status"):
        if field in want and getattr(err, field, None) != want[field]:
            raise StepFailure(
                f"{got}: expected {field} {want[field]!r}, got {getattr(err, field, None)!r} ({err})"
            )
    if "message_contains" in want and want["message_contains"] not in str(err):
        raise StepFailure(f"{got}: message {str(err)!r} lacks {want['message_contains']!r}")


def run_step(
    step: Dict[str, Any], mock: Mock, client: ClientFactory, vectors: Path, saved: Dict[str, Any]
) -> None:
    if "control" in step:
        control = substitute(step["control"], saved)
        status, answer = mock.call(control["method"], control["path"], control.get("body"))
        wanted = control.get("expect_status", step.get("expect_status"))
        ok = status == wanted if wanted is not None else 200 <= status < 300
        if not ok:
            raise StepFailure(f"control {control['method']} {control['path']} answered {status}: {answer}")
        return
    if "requests" in step:
        query = substitute(step["requests"], saved)
        log = mock.must("GET", "/__mock/requests")
        entries = log if isinstance(log, list) else log.get("requests", [])
        count = sum(
            1 for e in entries
            if e.get("path", "").startswith(query["path"])
            and ("method" not in query or e.get("method") == query["method"])
        )
        if count != query["count"]:
            raise StepFailure(f"{query.get('method', '')} {query['path']}*: {count} requests, expected {query['count']}")
        return
    if "sleep_ms" in step:
        time.sleep(float(step["sleep_ms"]) / 1000.0)
        return
    if "op" not in step:
        raise StepFailure(f"unknown step {json.dumps(step)}")
    op = step["op"]
    args = substitute(step.get("args", {}), saved)
    expect = substitute(step.get("expect", {}), saved)
    options = step.get("options")
    if options is not None and set(options) - {"timeout_ms", "max_retries"}:
        raise StepFailure(f"unknown options in {json.dumps(options)}")
    start = time.monotonic()
    try:
        result = canonical(operation(client, vectors, op, args, options))
        error: Optional[BaseException] = None
    except headshotpro.HeadshotProError as err:
        error = err
    elapsed_ms = (time.monotonic() - start) * 1000.0
    if "min_elapsed_ms" in expect and elapsed_ms < expect["min_elapsed_ms"]:
        raise StepFailure(f"{op} took {elapsed_ms:.0f} ms, expected at least {expect['min_elapsed_ms']} ms")
    if "error" in expect:
        if error is None:
            raise StepFailure(f"{op}: expected {expect['error'].get('class')}, got result {show(result)}")
        check_error(error, expect["error"])
        return
    if error is not None:
        raise StepFailure(f"{op} raised {type(error).__name__}: {error}")
    if "result" in expect:
        found = mismatch(expect["result"], result)
        if found:
            raise StepFailure(f"{op}: {found}")
    if "save" in step:
        saved[step["save"]] = result


def run_case(path: Path, mock: Mock, vectors: Path) -> Dict[str, Any]:
    name = path.stem
    client: Optional[ClientFactory] = None
    try:
        case = json.loads(path.read_text(encoding="utf-8"))
        mock.must("POST", "/__mock/reset")
        if case.get("mock"):
            mock.must("PUT", "/__mock/organization", case["mock"])
        for fault in case.get("faults", []):
            mock.must("POST", "/__mock/faults", fault)
        client = ClientFactory(mock, case.get("client", {}))
        saved: Dict[str, Any] = {}
        for index, step in enumerate(case.get("steps", [])):
            try:
                run_step(step, mock, client, vectors, saved)
            except StepFailure as failure:
                return {"case": name, "passed": False, "detail": f"step {index}: {failure}"}
            except Exception as err:  # noqa: BLE001 - a runner reports, never crashes
                return {"case": name, "passed": False,
                        "detail": f"step {index}: {type(err).__name__}: {err}"}
        return {"case": name, "passed": True, "detail": ""}
    except Exception as err:  # noqa: BLE001
        return {"case": name, "passed": False, "detail": f"{type(err).__name__}: {err}"}
    finally:
        if client is not None:
            client.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", required=True, type=Path)
    parser.add_argument("--vectors", required=True, type=Path)
    parser.add_argument("--mock-bin", required=True)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    cases = sorted(args.cases.glob("*.json"))
    results: List[Dict[str, Any]] = []
    try:
        mock: Optional[Mock] = Mock(args.mock_bin)
    except Exception as err:  # noqa: BLE001
        mock = None
        results = [{"case": p.stem, "passed": False, "detail": f"mock did not start: {err}"} for p in cases]
    if mock is not None:
        try:
            for path in cases:
                result = run_case(path, mock, args.vectors)
                results.append(result)
                mark = "ok  " if result["passed"] else "FAIL"
                print(f"{mark} {result['case']}{'' if result['passed'] else ': ' + result['detail']}",
                      flush=True)
        finally:
            mock.stop()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    passed = sum(1 for r in results if r["passed"])
    print(f"python: {passed} passed, {len(results) - passed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
