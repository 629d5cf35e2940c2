"""Fixtures: one in-process ``headshotpro.testing.MockServer`` per session,
reset before every test (the package's own test helper, dogfooded)."""

from __future__ import annotations

import json
import os
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

import headshotpro
from headshotpro.testing import MockServer, RecordedRequest

REPO = Path(__file__).resolve().parents[2]


def requests_to(mock: MockServer, path: str = "", method: Optional[str] = None) -> List[RecordedRequest]:
    """The logged requests whose path starts with ``path`` (and whose method is ``method``)."""
    return [
        r for r in mock.requests() if r.path.startswith(path) and (method is None or r.method == method)
    ]


def http_control(mock: MockServer, method: str, path: str, body: Optional[Any] = None) -> Dict[str, Any]:
    """A call of the mock's HTTP control API (``/__mock/...``): what a forked
    child process uses, since the server runs in its parent."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(mock.url + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as answer:
        result: Dict[str, Any] = json.loads(answer.read())
    return result


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
def mock_server() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def mock(mock_server: MockServer) -> MockServer:
    mock_server.reset()
    return mock_server


@pytest.fixture
def client(mock: MockServer) -> Iterator[headshotpro.Client]:
    with mock.client() as c:
        yield c


@pytest.fixture
def quick(mock: MockServer) -> Iterator[headshotpro.Client]:
    """A client that does not retry."""
    with mock.client(max_retries=0) as c:
        yield c
