"""Checks one webhook recipe of examples/recipes/ against headshotpro-mock.

    python3 scripts/lib/recipe-check.py --name NAME --mock-bin BIN --path /webhooks/x \
        [--session] [--cwd DIR] [--env NAME=VALUE]... -- COMMAND [ARG...]

Starts the mock (signed webhooks, fast timers) on an ephemeral port, then the recipe's
app with PORT=0 and the mock's URL, key and webhook secret in its environment; the app
prints the URL it listens on. Then, over HTTP only, as the mock and an attacker would:

- forged, stale, tampered, re-serialised and unsigned deliveries are answered 400 with a
  short body and no stack trace, and the app does nothing with them (checked last: no
  models.retrieve for their model id reached the mock, no line about it in the app's
  output);
- with --session: POST /headshots/session answers 401 without a session and, with the
  demo session, the signed URL of one model per user, not cacheable;
- a development model goes through onboarding: the mock delivers every event signed,
  the app answers each with a 2xx at the first attempt, confirms the model with
  models.retrieve, and acts exactly once when it is active.

Prints one line per check and exits non-zero on the first failure, after stopping
both processes. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Dict, List, Optional, Tuple

SECRET = "whsec_recipes_" + os.urandom(6).hex()
STACK_MARKERS = ("Traceback (most recent call last)", "\n    at ", "Exception in thread", ".kt:", "\tat ")
LISTENING = re.compile(r"https?://(?:127\.0\.0\.1|localhost):(\d+)")


class CheckFailed(Exception):
    """A check of the recipe did not hold."""


class Output:
    """The lines a process prints (stdout and stderr together), collected by a thread."""

    def __init__(self, stream: Any, tag: str, echo: bool) -> None:
        self.lines: List[str] = []
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(stream, tag, echo), daemon=True)
        self.thread.start()

    def _read(self, stream: Any, tag: str, echo: bool) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if echo:
                print(f"  [{tag}] {line}", flush=True)
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    def text(self) -> str:
        with self.changed:
            return "\n".join(self.lines)

    def wait_for(self, found: Callable[[str], Any], timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                result = found("\n".join(self.lines))
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CheckFailed(f"timed out after {timeout:.0f} s waiting for {what}")
                self.changed.wait(left)


def http(method: str, url: str, body: Optional[bytes] = None,
         headers: Optional[Dict[str, str]] = None) -> Tuple[int, Dict[str, str], bytes]:
    """One request; any status is an answer (no exception for 4xx/5xx)."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def sign(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


class Recipe:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.mock: Optional[subprocess.Popen[bytes]] = None
        self.app: Optional[subprocess.Popen[bytes]] = None
        self.app_output: Optional[Output] = None
        self.checks = 0

    # -- processes -------------------------------------------------------------

    def start_mock(self) -> None:
        self.mock = subprocess.Popen(
            [self.args.mock_bin, "--port", "0", "--host", "127.0.0.1", "--dev-step-ms", "50",
             "--webhook-delay-ms", "0", "--webhook-retry-ms", "200", "--webhook-secret", SECRET,
             "--exit-on-stdin-close"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.mock.stdout is not None
        first = json.loads(self.mock.stdout.readline())
        self.mock_url: str = first["url"]
        self.api_key: str = first["api_key"]

    def start_app(self) -> None:
        env = dict(os.environ)
        env.update({
            "HEADSHOTPRO_API_KEY": self.api_key,
            "HEADSHOTPRO_BASE_URL": self.mock_url,
            "HEADSHOTPRO_WEBHOOK_SECRET": SECRET,
            "HEADSHOTPRO_DEVELOPMENT": "1",
            "PORT": "0",
        })
        for pair in self.args.env:
            name, _, value = pair.partition("=")
            env[name] = value
        self.app = subprocess.Popen(self.args.command, cwd=self.args.cwd or None, env=env,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        self.app_output = Output(self.app.stdout, self.args.name, self.args.verbose)
        port = self.app_output.wait_for(
            lambda text: (m := LISTENING.search(text)) and m.group(1), self.args.start_timeout,
            "the app to print the URL it listens on")
        self.app_url = f"http://127.0.0.1:{port}"
        self.webhook_url = self.app_url + self.args.path
        status, _, _ = self.control("PUT", "/__mock/organization", {"webhookUrl": self.webhook_url})
        self.expect(status == 200, f"the mock delivers to {self.webhook_url}")

    def stop(self) -> None:
        if self.app is not None and self.app.poll() is None:
            try:
                os.killpg(self.app.pid, 15)
                self.app.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(self.app.pid, 9)
                self.app.wait()
        if self.mock is not None:
            assert self.mock.stdin is not None
            self.mock.stdin.close()
            try:
                self.mock.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.mock.kill()
                self.mock.wait()

    # -- helpers ---------------------------------------------------------------

    def expect(self, condition: bool, what: str) -> None:
        if not condition:
            raise CheckFailed(what)
        self.checks += 1
        print(f"ok {self.checks} - {self.args.name}: {what}", flush=True)

    def control(self, method: str, path: str, body: Optional[object] = None) -> Tuple[int, Dict[str, str], Any]:
        data = None if body is None else json.dumps(body).encode()
        status, headers, raw = http(method, self.mock_url + path, data, {"Content-Type": "application/json"})
        return status, headers, json.loads(raw or b"null")

    def api(self, method: str, path: str, body: Optional[object] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        status, _, raw = http(method, self.mock_url + path, data, {
            "Content-Type": "application/json", "Authorization": f"Bearer {self.api_key}"})
        if status != 200:
            raise CheckFailed(f"{method} {path} answered {status}: {raw[:200]!r}")
        return json.loads(raw)

    def requests_for(self, model_id: str) -> List[Dict[str, Any]]:
        _, _, log = self.control("GET", "/__mock/requests")
        return [r for r in log["requests"] if model_id in r["path"]]

    def deliveries(self, model_id: str) -> List[Dict[str, Any]]:
        _, _, log = self.control("GET", "/__mock/webhooks")
        return [w for w in log["webhooks"] if w["modelId"] == model_id]

    def no_stack_trace(self, text: str) -> bool:
        return not any(marker in text for marker in STACK_MARKERS)

    # -- checks ----------------------------------------------------------------

    def forgeries(self) -> str:
        forged_id = "m_forged_" + os.urandom(4).hex()
        now = int(time.time())
        event = {
            "id": "evt_forged", "event": "model.status.updated", "createdAt": "2024-01-15T10:30:00.000Z",
            "objectType": "model",
            "object": {"_id": forged_id, "uid": "u1", "title": "mallory", "trigger": "male",
                       "status": "active", "finishedAt": None, "deletedAt": None,
                       "inviteExpiresAt": "2024-01-22T10:30:00.000Z",
                       "createdAt": "2024-01-15T10:30:00.000Z", "organization": "org"},
        }
        body = json.dumps(event, separators=(",", ":")).encode()
        reserialised = json.dumps(json.loads(body), indent=2).encode()
        json_type = {"Content-Type": "application/json"}
        cases = [
            ("no signature headers", body, json_type),
            ("a signature but no timestamp", body, {**json_type, "X-HeadshotPro-Signature": sign(body, now)}),
            ("a wrong signature", body, {**json_type, "X-HeadshotPro-Timestamp": str(now),
                                         "X-HeadshotPro-Signature": "sha256=" + "0" * 64}),
            ("a signature made with another secret", body, {
                **json_type, "X-HeadshotPro-Timestamp": str(now),
                "X-HeadshotPro-Signature": sign(body, now, "whsec_not_yours")}),
            ("a correctly signed delivery an hour old", body, {
                **json_type, "X-HeadshotPro-Timestamp": str(now - 3600),
                "X-HeadshotPro-Signature": sign(body, now - 3600)}),
            ("a body changed after signing", body.replace(b'"active"', b'"failed"'), {
                **json_type, "X-HeadshotPro-Timestamp": str(now), "X-HeadshotPro-Signature": sign(body, now)}),
            ("the same JSON re-serialised (what a parsed body would give)", reserialised, {
                **json_type, "X-HeadshotPro-Timestamp": str(now), "X-HeadshotPro-Signature": sign(body, now)}),
            ("an empty body", b"", {**json_type, "X-HeadshotPro-Timestamp": str(now),
                                    "X-HeadshotPro-Signature": sign(body, now)}),
        ]
        for what, payload, headers in cases:
            status, _, answer = http("POST", self.webhook_url, payload, headers)
            text = answer.decode("utf-8", "replace")
            self.expect(status == 400 and len(answer) < 500 and self.no_stack_trace(text),
                        f"{what}: 400, short answer, no stack trace (got {status}, {len(answer)} bytes)")
        return forged_id

    def nothing_done_with(self, forged_id: str) -> None:
        """Checked at the end, after the real deliveries that came later were handled."""
        self.expect(self.requests_for(forged_id) == [],
                    "nothing was done with the forgeries: no models.retrieve for their model")
        assert self.app_output is not None
        self.expect(forged_id not in self.app_output.text(), "and no line about their model in the app's output")

    def session(self) -> str:
        url = self.app_url + "/headshots/session"
        status, _, _ = http("POST", url)
        self.expect(status == 401, f"/headshots/session without a session: 401 (got {status})")
        auth = {"Authorization": "Bearer demo-session-ada"}
        status, headers, raw = http("POST", url, b"", auth)
        first = json.loads(raw) if status == 200 else {}
        self.expect(status == 200 and str(first.get("url", "")).startswith("https://")
                    and "no-store" in headers.get("cache-control", ""),
                    f"/headshots/session: 200, a signed URL, Cache-Control: no-store (got {status})")
        _, _, state = self.control("GET", "/__mock/state")
        models = [m for m in state["organizations"][0]["models"] if m["email"] == "ada@example.com"]
        self.expect(len(models) == 1, "one model was created for the user")
        model_id = models[0]["modelId"]
        status, _, raw = http("POST", url, b"", auth)
        _, _, state = self.control("GET", "/__mock/state")
        again = [m for m in state["organizations"][0]["models"] if m["email"] == "ada@example.com"]
        self.expect(status == 200 and len(again) == 1
                    and any(r["method"] == "GET" and r["path"].endswith("/model/get/" + model_id)
                            for r in self.requests_for(model_id)),
                    "asked again: the same model, read with models.retrieve for a fresh URL")
        return model_id

    def whitelabel_flow(self, model_id: Optional[str]) -> None:
        if model_id is None:
            created = self.api("POST", "/api/v2/organization/whitelabel/model/create",
                               {"email": f"recipe-{self.args.name}@example.com", "isDevelopment": True})
            model_id = created["modelId"]
        status, _, _ = self.control("POST", f"/__mock/models/{model_id}/complete-onboarding")
        self.expect(status == 200, f"model {model_id}: onboarding completed, it advances on its own")
        assert self.app_output is not None
        ready = f"headshots ready for model {model_id}"
        self.app_output.wait_for(lambda text: ready in text, 30, f"'{ready}' in the app's output")
        self.expect(True, "the app acted once the model was active")

        # Every event of the model is delivered (the mock waits for each answer): then
        # look at what the app answered and did.
        deadline = time.monotonic() + 30
        expected = {"model.created", "model.status.updated", "model.photos_ready"}
        while True:
            delivered = self.deliveries(model_id)
            if expected <= {d["event"] for d in delivered} and all(d["status"] is not None for d in delivered):
                break
            if time.monotonic() > deadline:
                raise CheckFailed(f"not every event was delivered: {delivered}")
            time.sleep(0.1)
        statuses = [(d["event"], d["attempt"], d["status"]) for d in delivered]
        self.expect(all(200 <= (status or 0) < 300 and attempt == 1 for _, attempt, status in statuses),
                    f"{len(statuses)} signed deliveries, each answered 2xx at the first attempt")
        # The app answers first and works after: wait for its line about each delivery
        # (a retrieve still in flight could show a second action) before counting.
        self.app_output.wait_for(lambda text: text.count(f"model {model_id}") >= len(statuses), 10,
                                 "one line per delivery in the app's output")
        retrieves = [r for r in self.requests_for(model_id)
                     if r["method"] == "GET" and r["path"].endswith("/model/get/" + model_id)]
        self.expect(len(retrieves) >= len(statuses),
                    f"it confirmed each event with models.retrieve ({len(retrieves)} reads)")
        self.expect(self.app_output.text().count(ready) == 1, "it acted exactly once for repeated events")
        self.expect(self.no_stack_trace(self.app_output.text()), "the app printed no stack trace")

    def run(self) -> None:
        self.start_mock()
        self.start_app()
        forged_id = self.forgeries()
        model_id = self.session() if self.args.session else None
        self.whitelabel_flow(model_id)
        self.nothing_done_with(forged_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--name", required=True)
    parser.add_argument("--mock-bin", required=True)
    parser.add_argument("--path", required=True, help="the webhook route, e.g. /webhooks/headshotpro")
    parser.add_argument("--session", action="store_true", help="the app also serves POST /headshots/session")
    parser.add_argument("--cwd")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the app (repeatable)")
    parser.add_argument("--start-timeout", type=float, default=60)
    parser.add_argument("--verbose", action="store_true", help="echo the app's output")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    recipe = Recipe(args)
    started = time.monotonic()
    try:
        recipe.run()
    except CheckFailed as failure:
        print(f"not ok - {args.name}: {failure}", flush=True)
        if recipe.app_output is not None and not args.verbose:
            print("  the app's output:\n" + "\n".join("    " + line for line in recipe.app_output.lines[-40:]))
        return 1
    finally:
        recipe.stop()
    print(f"{args.name}: {recipe.checks} checks passed in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
