"""Completes asyncio futures from the runtime's threads (through ``call_soon_threadsafe``)."""

from __future__ import annotations

import asyncio


def resolve(future: asyncio.Future[object], ok: bool, value: object) -> None:
    """Sets the result or exception of ``future`` unless it was cancelled meanwhile."""
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        assert isinstance(value, BaseException)
        future.set_exception(value)
