"""The whole public surface as a user types it; checked with ``mypy --strict``
(see test_typing.py), never imported by the tests. Each ``reveal_type`` line
ends with the type mypy must reveal there (module names left out)."""

from __future__ import annotations

import asyncio
import os
import pathlib
import pickle
from datetime import datetime
from typing import Dict, List, Optional, Tuple

import headshotpro
from headshotpro import (
    AsyncClient,
    Client,
    DeletedModel,
    Invite,
    InviteDetails,
    InviteStatus,
    InviteSummary,
    Model,
    ModelStatus,
    Organization,
    WebhookEvent,
    WebhookEventType,
)
from headshotpro.testing import MockServer, WebhookCapture


def sync_surface(client: Client) -> None:
    org: Organization = client.organization.retrieve()
    team_names: List[str] = [t.name for t in org.teams]
    website: Optional[str] = org.website
    credits: int = client.organization.credits()
    invite: Invite = client.invites.create("a@b.co", team_id=None)
    client.invites.revoke(invite.email)
    summaries: List[InviteSummary] = client.invites.list()
    created: List[datetime] = [s.created_at for s in summaries]
    details: InviteDetails = client.invites.retrieve(invite.id)
    pending: bool = details.status == InviteStatus.PENDING_INVITE
    revoked: bool = details.status == "revoked"
    org = client.teams.create("Design")
    org = client.teams.update(org.teams[0].id, "Brand")
    org = client.teams.add_members(org.teams[0].id, ["a@b.co"])
    org = client.teams.delete(org.teams[0].id)
    model: Model = client.models.create("a@b.co", team_id="t", is_development=True)
    model = client.models.retrieve(model.model_id)
    model = client.models.wait(model.model_id, until=ModelStatus.ACTIVE, timeout=60.0)
    model = client.models.wait(model.model_id, until="active")
    active: bool = model.status == "active"
    deleted: DeletedModel = client.models.delete(model.model_id)
    data: Dict[str, object] = deleted.to_dict()
    strict: Client = client.with_options(timeout=5, max_retries=0)
    model = client.with_options(timeout=2.5).models.retrieve(model.model_id)
    settings: Tuple[float, int] = (strict.timeout, strict.max_retries)
    print(team_names, website, credits, created, pending, revoked, active, data, settings)


async def async_surface(client: AsyncClient) -> None:
    org: Organization = await client.organization.retrieve()
    credits: int = await client.organization.credits()
    invite: Invite = await client.invites.create("a@b.co")
    await client.invites.revoke(invite.email)
    summaries: List[InviteSummary] = await client.invites.list()
    details: InviteDetails = await client.invites.retrieve(invite.id)
    org = await client.teams.create("Design")
    org = await client.teams.update(org.teams[0].id, "Brand")
    org = await client.teams.add_members(org.teams[0].id, ("a@b.co",))
    org = await client.teams.delete(org.teams[0].id)
    model: Model = await client.models.create("a@b.co", is_development=True)
    model = await client.models.wait(model.model_id, until="active", timeout=1.5)
    results: List[int] = await asyncio.gather(*(client.organization.credits() for _ in range(3)))
    deleted: DeletedModel = await client.models.delete(model.model_id)
    quick: AsyncClient = client.with_options(max_retries=0)
    credits = await quick.with_options(timeout=1).organization.credits()
    print(org, credits, summaries, details, results, deleted, quick.timeout)


def signatures_are_precise(client: Client, aclient: AsyncClient) -> None:
    """Each ignore below is needed (``--strict`` reports unused ones), so each
    misuse is caught: the methods keep their exact signatures."""
    client.invites.create("a@b.co", "team")  # type: ignore[misc]
    client.models.retrieve(model_id=1)  # type: ignore[arg-type]
    client.models.wait("m", untill="active")  # type: ignore[call-arg]
    print(aclient.models.retrieve("m").model_id)  # type: ignore[attr-defined]
    org: Organization = client.invites.list()  # type: ignore[assignment]
    print(org)


def errors_and_webhooks() -> None:
    try:
        with Client("k", base_url="http://127.0.0.1:1", timeout=1.0, max_retries=0,
                    connect_timeout=0.5, allow_insecure_http=False) as client:
            client.organization.credits()
    except headshotpro.RateLimitError as err:
        wait: Optional[float] = err.retry_after
        reset: Optional[datetime] = err.reset_at
        print(wait, reset, err.status, err.code, err.body, err.operation)
    except headshotpro.APIError as err:
        status: int = err.status
        code: str = err.code
        print(status, code, err.message)
    except headshotpro.APIConnectionError as err:
        maybe: bool = err.may_have_reached_server
        print(maybe)
    except headshotpro.HeadshotProError as err:
        copy: headshotpro.HeadshotProError = pickle.loads(pickle.dumps(err))
        print(copy)
    raw = b"{}"
    sig: str = headshotpro.sign_webhook(raw, "secret", 1_700_000_000)
    headers = {headshotpro.SIGNATURE_HEADER: sig, headshotpro.TIMESTAMP_HEADER: "1700000000"}
    event: WebhookEvent = headshotpro.verify_webhook(raw, headers, "secret", tolerance=300)
    event = headshotpro.verify_webhook(raw.decode(), list(headers.items()), "secret")
    event = headshotpro.parse_webhook(raw)
    kind: bool = event.event == WebhookEventType.MODEL_CREATED
    when: Optional[datetime] = event.object.finished_at
    print(kind, when, headshotpro.__version__)


def current_api(client: Client, directory: pathlib.Path) -> None:
    page = client.members.list(status="finished", limit=200)
    reveal_type(page)  # SyncPage[Member]
    reveal_type(page.items)  # builtins.list[Member]
    reveal_type(page.next_page())  # SyncPage[Member] | None
    for member in page:
        reveal_type(member)  # Member
    reveal_type(page.iter_pages())  # typing.Iterator[SyncPage[Member]]
    total: int = page.total
    more: bool = page.has_more and page.has_next_page()
    reveal_type(client.models.list(status=headshotpro.ModelStatus.ACTIVE, team_id="t"))  # SyncPage[ModelSummary]
    reveal_type(client.photos.list("m", liked_status="loved", include="all", offset=3))  # SyncPage[Photo]
    reveal_type(client.photos.favorites(team_id="t"))  # SyncPage[FavoritePhoto]
    reveal_type(client.photos.favorite("m"))  # Photo | None
    reveal_type(client.photos.download_links("m", photo_ids=["p1"]))  # DownloadLinks
    reveal_type(client.invites.retrieve_by_email("a@b.co"))  # InviteV2
    reveal_type(client.teams.list())  # builtins.list[Team]
    model: Model = client.models.create("a@b.co", version=headshotpro.ModelVersion.ONE_SHOT)
    model = client.models.create("a@b.co", version="lora")

    def progress(p: headshotpro.SaveProgress) -> None:
        print(p.photo_id, p.completed, p.total)

    report = client.photos.save("m", directory, photo_ids=["p1"], overwrite=True, concurrency=8, on_progress=progress)
    reveal_type(report)  # SaveReport
    report = client.photos.save("m", str(directory))
    reveal_type(report.failed[0].error)  # HeadshotProError
    paths: List[pathlib.Path] = [s.path for s in report.saved]
    client.photos.save("m", os.fspath(directory), on_progress=lambda p: None)
    print(total, more, model, paths, report.is_complete, report.bytes)


async def async_current_api(client: AsyncClient) -> None:
    paginator = client.members.list(limit=10)
    reveal_type(paginator)  # AsyncPaginator[Member]
    page = await paginator
    reveal_type(page)  # AsyncPage[Member]
    reveal_type(await page.next_page())  # AsyncPage[Member] | None
    async for member in client.members.list():
        reveal_type(member)  # Member
    async for photo in page:
        print(photo)
    reveal_type(await client.photos.save("m", "out"))  # SaveReport


def settings_and_testing(mock: MockServer) -> None:
    client = Client("k", proxy="http://proxy:3128", extra_root_certificates=b"-----BEGIN", max_requests_per_minute=60)
    reveal_type(client.last_rate_limit)  # RateLimitInfo | None
    reveal_type(mock.client(max_retries=0))  # Client
    reveal_type(mock.async_client())  # AsyncClient
    reveal_type(mock.accept_invite("i"))  # MockInvite
    reveal_type(mock.complete_onboarding("m"))  # MockModel
    reveal_type(mock.photos("m"))  # builtins.list[MockPhoto]
    reveal_type(mock.requests())  # builtins.list[RecordedRequest]
    reveal_type(mock.webhooks())  # builtins.list[WebhookDelivery]
    reveal_type(mock.set_organization(credits=0, webhook_url=None))  # OrganizationSettings
    reveal_type(mock.inject_fault("POST", "/api/", status=503, after="drop", times=2))  # builtins.int
    with mock.capture_webhooks("whsec") as events:
        reveal_type(events.wait(2, event="model.created"))  # builtins.list[WebhookEvent]
        reveal_type(events[0])  # WebhookEvent
    mock.inject_fault(None, "/api/", delay_ms="slow")  # type: ignore[arg-type]
    mock.set_organization(credits="many")  # type: ignore[arg-type]
    print(client, events)
