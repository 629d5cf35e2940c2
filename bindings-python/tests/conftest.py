"""Fixtures: one real headshotpro-mock per session, reset before every test."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

import headshotpro

REPO = Path(__file__).resolve().parents[2]


def mock_binary() -> str:
    path = os.environ.get("HEADSHOTPRO_MOCK_BIN") or str(REPO / "target" / "debug" / "headshotpro-mock")
    if not Path(path).is_file():
        pytest.fail(f"headshotpro-mock not found at {path}: run `cargo build -p headshotpro-mock`")
    return path


class Mock:
    """A running headshotpro-mock and its control API."""

    def __init__(self, process: "subprocess.Popen[bytes]", url: str, api_key: str) -> None:
        self.process = process
        self.url = url
        self.api_key = api_key

    def control(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read() or b"null")

    def reset(self) -> None:
        self.control("POST", "/__mock/reset")

    def organization(self, **fields: Any) -> None:
        self.control("PUT", "/__mock/organization", fields)

    def fault(self, path: str, *, times: int = 1, **fields: Any) -> None:
        self.control("POST", "/__mock/faults", {"path": path, "times": times, **fields})

    def requests(self, path: str = "", method: Optional[str] = None) -> List[Dict[str, Any]]:
        log = self.control("GET", "/__mock/requests")
        entries: List[Dict[str, Any]] = log if isinstance(log, list) else log["requests"]
        return [
            e
            for e in entries
            if e["path"].startswith(path) and (method is None or e["method"] == method)
        ]

    def webhooks(self) -> List[Dict[str, Any]]:
        log = self.control("GET", "/__mock/webhooks")
        return log if isinstance(log, list) else list(log["webhooks"])


def in_forked_child(body: Callable[[], bool]) -> None:
    """Runs ``body`` in a child process made by ``os.fork()``; fails the test
    unless it returns True within 30 s."""
    pid = os.fork()
    if pid == 0:  # child
        code = 1
        try:
            code = 0 if body() else 1
        finally:
            os._exit(code)
    deadline = time.monotonic() + 30
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the child process hung after fork")
        time.sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the child process failed"


@pytest.fixture(scope="session")
def mock_server() -> Iterator[Mock]:
    process = subprocess.Popen(
        [
            mock_binary(),
            "--port", "0",
            "--host", "127.0.0.1",
            "--dev-step-ms", "50",
            "--webhook-delay-ms", "0",
            "--webhook-retry-ms", "50",
            "--exit-on-stdin-close",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        first = json.loads(process.stdout.readline())
        yield Mock(process, first["url"], first["api_key"])
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def mock(mock_server: Mock) -> Mock:
    mock_server.reset()
    return mock_server


@pytest.fixture
def client(mock: Mock) -> Iterator[headshotpro.Client]:
    with headshotpro.Client(mock.api_key, base_url=mock.url) as c:
        yield c


@pytest.fixture
def quick(mock: Mock) -> Iterator[headshotpro.Client]:
    """A client that does not retry."""
    with headshotpro.Client(mock.api_key, base_url=mock.url, max_retries=0) as c:
        yield c
