"""A panic inside the core ends the call with an error naming the operation:
never a hang, in blocking and in asyncio calls alike."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Callable

import pytest

import headshotpro
from headshotpro import _native

from headshotpro.testing import MockServer

# Debug builds only (the test wheel is one): panics inside the runtime.
panic_in_runtime: Callable[..., Any] = getattr(_native, "_panic_in_runtime")


def check(error: BaseException) -> None:
    assert type(error) is headshotpro.HeadshotProError
    assert isinstance(error, headshotpro.HeadshotProError)
    assert error.operation == "testing.panic"
    assert "testing.panic" in str(error) and "a deliberate panic, for the tests" in str(error)


def test_a_blocking_call_raises() -> None:
    with pytest.raises(headshotpro.HeadshotProError) as info:
        panic_in_runtime()
    check(info.value)


def test_a_blocking_call_in_threads_raises() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            panic_in_runtime()
        except BaseException as e:  # noqa: BLE001 - collected for the assertions
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(errors) == 8
    for error in errors:
        check(error)


def test_an_awaitable_resolves() -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(panic_in_runtime(loop), timeout=10)

    with pytest.raises(headshotpro.HeadshotProError) as info:
        asyncio.run(main())
    check(info.value)


def test_the_clients_keep_working_after_a_panic(mock: MockServer) -> None:
    with pytest.raises(headshotpro.HeadshotProError):
        panic_in_runtime()

    async def main() -> int:
        with pytest.raises(headshotpro.HeadshotProError):
            await panic_in_runtime(asyncio.get_running_loop())
        async with headshotpro.AsyncClient(mock.api_key, base_url=mock.url) as client:
            return await client.organization.credits()

    assert asyncio.run(main()) == 100
    with headshotpro.Client(mock.api_key, base_url=mock.url) as client:
        assert client.organization.credits() == 100
