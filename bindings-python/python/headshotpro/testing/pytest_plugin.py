"""The pytest plugin of ``headshotpro.testing``, registered through the
``pytest11`` entry point: installing the package makes these fixtures
available to every test suite.

- ``headshotpro_mock``: a ``MockServer`` in its start state for each test. One
  server per set of options is started for the session and reset before each
  test that uses it (a reset restores every setting, clears the logs and
  faults and cancels pending webhooks and timers), which is as fresh as a new
  server and much faster; a test that closes its server gets a new one next
  time.
- ``headshotpro_client``: a ``Client`` for that server, closed after the test.
- ``headshotpro_mock_options``: the server's arguments (``{}``); override it in a
  ``conftest.py``, or mark a test ``@pytest.mark.headshotpro_mock(credits=0)``
  (the marker wins).

Nothing heavy is imported until a fixture is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, Tuple

import pytest

if TYPE_CHECKING:
    from .. import Client
    from . import MockServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "headshotpro_mock(**options): arguments of the headshotpro_mock fixture's MockServer",
    )


@pytest.fixture
def headshotpro_mock_options() -> Dict[str, Any]:
    """Arguments of the ``headshotpro_mock`` fixture's ``MockServer`` (none by default)."""
    return {}


@pytest.fixture(scope="session")
def _headshotpro_mock_servers() -> Iterator[Dict[Tuple[Tuple[str, Any], ...], MockServer]]:
    """The session's servers, one per set of options, closed at the end."""
    servers: Dict[Tuple[Tuple[str, Any], ...], MockServer] = {}
    yield servers
    for server in servers.values():
        server.close()


@pytest.fixture
def headshotpro_mock(
    request: pytest.FixtureRequest,
    headshotpro_mock_options: Dict[str, Any],
    _headshotpro_mock_servers: Dict[Tuple[Tuple[str, Any], ...], MockServer],
) -> MockServer:
    """A ``MockServer`` in its start state for this test."""
    from . import MockServer

    options = dict(headshotpro_mock_options)
    for marker in reversed(list(request.node.iter_markers("headshotpro_mock"))):
        options.update(marker.kwargs)
    key = tuple(sorted(options.items()))
    server = _headshotpro_mock_servers.get(key)
    if server is None or server.closed:
        server = _headshotpro_mock_servers[key] = MockServer(**options)
    else:
        server.reset()
    return server


@pytest.fixture
def headshotpro_client(headshotpro_mock: MockServer) -> Iterator[Client]:
    """A ``Client`` for the test's ``headshotpro_mock``, closed after the test."""
    with headshotpro_mock.client() as client:
        yield client
