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
import dataclasses
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
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
WEBHOOK_WAIT = 10.0  # seconds a `webhooks` step waits for the deliveries it counts
WEBHOOK_POLL = 0.025


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


def log_entries(answer: Any, key: str) -> List[Dict[str, Any]]:
    """The array of a mock log answer (``{"success": true, key: [...]}``)."""
    entries: List[Dict[str, Any]] = answer if isinstance(answer, list) else answer.get(key, [])
    return entries


# ---- canonical JSON -------------------------------------------------------------------------


def iso(at: datetime) -> str:
    at = at.astimezone(timezone.utc)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def save_report(report: headshotpro.SaveReport, directory: Path) -> Dict[str, Any]:
    """``{"saved", "failed", "files"}`` of tests/README.md, lists sorted."""
    saved = sorted(report.saved, key=lambda s: s.photo_id)
    failed = sorted(report.failed, key=lambda f: f.photo_id)
    return {
        "saved": [{"photo_id": s.photo_id, "file_name": s.path.name, "bytes": s.bytes} for s in saved],
        "failed": [
            {
                "photo_id": f.photo_id,
                "error": {
                    "class": type(f.error).__name__,
                    "code": getattr(f.error, "code", None),
                    "status": getattr(f.error, "status", None),
                },
            }
            for f in failed
        ],
        "files": sorted(p.name for p in directory.iterdir()),
    }


def canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, headshotpro.SyncPage):
        return {
            "items": canonical(list(value.items)), "total": value.total, "limit": value.limit,
            "offset": value.offset, "has_more": value.has_more,
        }
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


def client_kwargs(mock: "Mock", s: Dict[str, Any]) -> Tuple[str, Dict[str, Any]]:
    """The key and keyword arguments of a client built from a case's ``client`` settings."""
    base_url = s.get("base_url", mock.url)
    if base_url == "$closed_port":
        base_url = f"http://127.0.0.1:{closed_port()}"
    kwargs: Dict[str, Any] = {"base_url": base_url, **timing(s)}
    for name in ("default_headers", "app_info", "max_requests_per_minute"):
        if name in s:
            kwargs[name] = s[name]
    return s.get("api_key", mock.api_key), kwargs


def raw_result(response: "headshotpro.APIResponse[Any]") -> Dict[str, Any]:
    """The canonical result of a raw call."""
    limit = response.rate_limit
    return {
        "data": canonical(response.data),
        "status": response.status,
        "headers": dict(response.headers),
        "rate_limit": {
            "limit": limit.limit,
            "remaining": limit.remaining,
            "reset_at": None if limit.reset_at is None else iso(limit.reset_at),
        },
    }


def listing(a: Dict[str, Any], *names: str) -> Dict[str, Any]:
    """The keyword arguments of a list call: the filters given, and ``limit``/``offset``."""
    return {name: a[name] for name in (*names, "limit", "offset") if name in a}


def operation(
    client: "ClientFactory",
    vectors: Path,
    directory: Path,
    op: str,
    args: Dict[str, Any],
    options: Optional[Dict[str, Any]] = None,
    raw: bool = False,
) -> Any:
    a = args
    if op == "client.create":
        key, kwargs = client_kwargs(client.mock, a)
        headshotpro.Client(key, **kwargs).close()
        return None
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
    if op == "client.request":
        return c.request(a["method"], a["path"], a.get("body"), a.get("query"))
    if op == "client.last_rate_limit":
        return c.last_rate_limit
    if options is not None:  # per-call options, on the case's client
        per_call: Dict[str, Any] = dict(timing(options))
        if "headers" in options:
            per_call["headers"] = options["headers"]
        c = c.with_options(**per_call)
    if raw and (op.endswith("_all") or op in ("models.wait", "photos.save")):
        raise StepFailure(f"raw is not defined for {op}")
    source: Any = c.with_raw_response if raw else c

    def r(resource: str) -> Any:
        """A resource of the client, or of its raw-response form for a raw step."""
        return getattr(source, resource)

    table: Dict[str, Callable[[], Any]] = {
        "organization.retrieve": lambda: r("organization").retrieve(),
        "organization.credits": lambda: r("organization").credits(),
        "invites.create": lambda: r("invites").create(a["email"], team_id=a.get("team_id")),
        "invites.revoke": lambda: r("invites").revoke(a["email"]),
        "invites.list": lambda: r("invites").list(),
        "invites.retrieve": lambda: r("invites").retrieve(a["invite_id"]),
        "teams.create": lambda: r("teams").create(a["name"]),
        "teams.update": lambda: r("teams").update(a["team_id"], a["name"]),
        "teams.delete": lambda: r("teams").delete(a["team_id"]),
        "teams.add_members": lambda: r("teams").add_members(a["team_id"], a["emails"]),
        "models.create": lambda: r("models").create(
            a["email"], team_id=a.get("team_id"), is_development=bool(a.get("is_development", False)),
            version=a.get("version"),
        ),
        "models.retrieve": lambda: r("models").retrieve(a["model_id"]),
        "models.delete": lambda: r("models").delete(a["model_id"]),
        "models.wait": lambda: r("models").wait(
            a["model_id"], until=a.get("until", "active"),
            timeout=float(a.get("timeout_ms", 600_000)) / 1000.0,
        ),
        # The current API: a `*.list` op is one page; its `*_all` twin iterates the
        # page, which walks every item across pages (the package's own idiom).
        "teams.list": lambda: r("teams").list(),
        "members.list": lambda: r("members").list(**listing(a, "status")),
        "members.list_all": lambda: list(r("members").list(**listing(a, "status"))),
        "invites.retrieve_by_email": lambda: r("invites").retrieve_by_email(a["email"]),
        "models.list": lambda: r("models").list(**listing(a, "status", "team_id")),
        "models.list_all": lambda: list(r("models").list(**listing(a, "status", "team_id"))),
        "photos.list": lambda: r("photos").list(a["model_id"], **listing(a, "status", "liked_status", "include")),
        "photos.list_all": lambda: list(
            r("photos").list(a["model_id"], **listing(a, "status", "liked_status", "include"))
        ),
        "photos.retrieve": lambda: r("photos").retrieve(a["model_id"], a["photo_id"], include=a.get("include")),
        "photos.favorite": lambda: r("photos").favorite(a["model_id"], include=a.get("include")),
        "photos.download_links": lambda: r("photos").download_links(
            a["model_id"], photo_ids=a.get("photo_ids"), include=a.get("include")
        ),
        "photos.favorites": lambda: r("photos").favorites(**listing(a, "team_id", "include")),
        "photos.favorites_all": lambda: list(r("photos").favorites(**listing(a, "team_id", "include"))),
        "photos.save": lambda: save_report(
            r("photos").save(
                a["model_id"], directory, photo_ids=a.get("photo_ids"), include=a.get("include"),
                overwrite=bool(a.get("overwrite", False)),
                **({"concurrency": a["concurrency"]} if "concurrency" in a else {}),
            ),
            directory,
        ),
    }
    if op not in table:
        raise StepFailure(f"unknown op {op!r}")
    result = table[op]()
    return raw_result(result) if raw else result



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
            key, kwargs = client_kwargs(self.mock, self.settings)
            try:
                self.client = headshotpro.Client(key, **kwargs)
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


def count_webhooks(mock: Mock, query: Dict[str, Any]) -> int:
    """First delivery attempts in the webhook log matching ``event``/``model_id``."""
    return sum(
        1 for w in log_entries(mock.must("GET", "/__mock/webhooks"), "webhooks")
        if w.get("attempt") == 1
        and ("event" not in query or w.get("event") == query["event"])
        and ("model_id" not in query or w.get("modelId") == query["model_id"])
    )


def check_webhooks(mock: Mock, query: Dict[str, Any]) -> None:
    """Waits (up to 10 s) until the log holds ``count`` matching first attempts,
    then requires exactly that many."""
    want = int(query["count"])
    deadline = time.monotonic() + WEBHOOK_WAIT
    while True:
        found = count_webhooks(mock, query)
        if found == want:
            return
        if found > want or time.monotonic() >= deadline:
            raise StepFailure(
                f"webhooks {query.get('event', '*')} for model {query.get('model_id', '*')}: "
                f"{found} first attempts, expected {want}"
            )
        time.sleep(WEBHOOK_POLL)


def run_step(
    step: Dict[str, Any],
    mock: Mock,
    client: ClientFactory,
    vectors: Path,
    directory: Path,
    saved: Dict[str, Any],
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
        matching = [
            e for e in log_entries(mock.must("GET", "/__mock/requests"), "requests")
            if e.get("path", "").startswith(query["path"])
            and ("method" not in query or e.get("method", "").upper() == query["method"].upper())
        ]
        if len(matching) != query["count"]:
            raise StepFailure(
                f"{query.get('method', '')} {query['path']}*: {len(matching)} requests, expected {query['count']}"
            )
        if "headers" in query:
            pattern = {str(k).lower(): v for k, v in query["headers"].items()}
            for entry in matching:
                headers = {str(k).lower(): v for k, v in (entry.get("headers") or {}).items()}
                found = mismatch(pattern, headers)
                if found:
                    raise StepFailure(f"headers of {entry.get('method')} {entry.get('path')}: {found}")
        return
    if "webhooks" in step:
        check_webhooks(mock, substitute(step["webhooks"], saved))
        return
    if "sleep_ms" in step:
        time.sleep(float(step["sleep_ms"]) / 1000.0)
        return
    if "op" not in step:
        raise StepFailure(f"unknown step {json.dumps(step)}")
    op = step["op"]
    args = substitute(step.get("args", {}), saved)
    expect = substitute(step.get("expect", {}), saved)
    options = substitute(step.get("options"), saved)
    if options is not None and set(options) - {"timeout_ms", "max_retries", "headers"}:
        raise StepFailure(f"unknown options in {json.dumps(options)}")
    raw = bool(step.get("raw", False))
    start = time.monotonic()
    try:
        result = canonical(operation(client, vectors, directory, op, args, options, raw))
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
    directory = Path(tempfile.mkdtemp(prefix=f"headshotpro-matrix-{name}-"))
    try:
        case = json.loads(path.read_text(encoding="utf-8"))
        mock.must("POST", "/__mock/reset")
        if case.get("mock"):
            mock.must("PUT", "/__mock/organization", case["mock"])
        for fault in case.get("faults", []):
            mock.must("POST", "/__mock/faults", fault)
        client = ClientFactory(mock, case.get("client", {}))
        saved: Dict[str, Any] = {
            "env": {"mock_url": mock.url, "closed_port_url": f"http://127.0.0.1:{closed_port()}"}
        }
        for index, step in enumerate(case.get("steps", [])):
            try:
                run_step(step, mock, client, vectors, directory, saved)
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
        shutil.rmtree(directory, ignore_errors=True)


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
