"""invites.create_many: one result per input in input order, each email
sent once, invalid ones never sent, progress, the early stop on credits."""

from __future__ import annotations

import asyncio
import threading
from typing import List

import pytest

from headshotpro import (
    BulkInviteResult,
    BulkOutcome,
    BulkProgress,
    Client,
    InsufficientCreditsError,
    InvalidArgumentError,
)
from headshotpro.testing import MockServer

from .conftest import requests_to

INVITE = "/api/v1/organization/invite"


def test_results_in_input_order_each_email_sent_once(client: Client, mock: MockServer) -> None:
    client.invites.create("old@example.com")
    emails = ["ada@example.com", "not an email", " ADA@example.com", "old@example.com", "bob@example.com"]
    results = client.invites.create_many(emails, concurrency=3)
    assert [r.outcome for r in results] == [
        BulkOutcome.CREATED, BulkOutcome.INVALID, BulkOutcome.CREATED, BulkOutcome.EXISTS, BulkOutcome.CREATED,
    ]
    assert isinstance(results[0], BulkInviteResult) and results[0].invite is not None
    assert results[2].invite == results[0].invite and results[2].email == "ADA@example.com"
    assert isinstance(results[1].error, InvalidArgumentError) and not results[1].ok
    assert results[3].ok and results[3].invite is None
    # old@ twice (once before), ada@ once, bob@ once; the invalid one never.
    assert len(requests_to(mock, INVITE, "POST")) == 4


def test_progress_reports_every_input(client: Client) -> None:
    seen: List[BulkProgress] = []
    threads = set()

    def progress(p: BulkProgress) -> None:
        seen.append(p)
        threads.add(threading.current_thread().name)

    results = client.invites.create_many([f"p{i}@example.com" for i in range(12)], on_progress=progress)
    assert len(results) == 12 and all(r.outcome == "created" for r in results)
    assert sorted(p.index for p in seen) == list(range(12))
    assert [p.completed for p in seen] == list(range(1, 13)) and {p.total for p in seen} == {12}


def test_a_progress_callback_that_raises_never_stops_the_sends(client: Client) -> None:
    def broken(p: BulkProgress) -> None:
        raise RuntimeError("display crashed")

    results = client.invites.create_many(["a@example.com", "b@example.com"], on_progress=broken)
    assert [r.outcome for r in results] == ["created", "created"]


def test_insufficient_credits_stops_the_rest(mock: MockServer) -> None:
    mock.set_organization(credits=0)
    with mock.client() as client:
        results = client.invites.create_many([f"c{i}@example.com" for i in range(6)], concurrency=1)
    assert [r.outcome for r in results] == ["failed"] * 6
    assert all(isinstance(r.error, InsufficientCreditsError) for r in results)
    assert len(requests_to(mock, INVITE, "POST")) == 1


@pytest.mark.parametrize("kwargs", [{"concurrency": 0}, {"concurrency": 33}, {"team_id": " "}])
def test_bad_options_fail_before_any_send(client: Client, mock: MockServer, kwargs: dict) -> None:
    with pytest.raises(InvalidArgumentError):
        client.invites.create_many(["a@example.com"], **kwargs)
    with pytest.raises(InvalidArgumentError):
        client.invites.create_many("a@example.com")
    assert requests_to(mock, INVITE) == []


def test_async_create_many_reports_progress_on_the_loop(mock: MockServer) -> None:
    async def main() -> List[BulkInviteResult]:
        loop_thread = threading.current_thread()
        on_loop: List[bool] = []
        async with mock.async_client() as client:
            results = await client.invites.create_many(
                ["a@example.com", "b@example.com", "a@example.com"],
                on_progress=lambda p: on_loop.append(threading.current_thread() is loop_thread),
            )
        await asyncio.sleep(0)
        assert on_loop == [True, True, True]
        return results

    results = asyncio.run(main())
    assert [r.outcome for r in results] == ["created", "created", "created"]
