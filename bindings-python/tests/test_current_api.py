"""The current API: teams and members, V2 invites, model lists, photos,
favorites, download links and save; pages and walking them, blocking and async."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pathlib
import threading
from typing import List

import pytest

import headshotpro
from headshotpro import (
    AsyncPage,
    AsyncPaginator,
    Client,
    FavoritePhoto,
    LikedStatus,
    Member,
    MemberStatus,
    ModelVersion,
    Photo,
    SaveProgress,
    SyncPage,
)
from headshotpro.testing import MockServer

from .conftest import requests_to

MEMBERS = "/api/v2/organization/team"


def active_model(mock: MockServer) -> str:
    """A seeded active development model with its photos; answers its id."""
    (model_id,) = mock.seed(models=1).model_ids
    return model_id


def test_teams_list(client: Client) -> None:
    assert client.teams.list() == []
    created = client.teams.create("Design").teams[0]
    (team,) = client.teams.list()
    assert (team.id, team.name) == (created.id, "Design")


def test_members_page_fields_and_next_page(client: Client, mock: MockServer) -> None:
    mock.seed(members=5)
    page = client.members.list(limit=2)
    assert isinstance(page, SyncPage)
    assert [m.email for m in page.items] == ["seed-1@example.com", "seed-2@example.com"]
    assert page.data == page.items
    assert (page.total, page.limit, page.offset, page.has_more) == (5, 2, 0, True)
    assert isinstance(page.items[0], Member) and page.items[0].status == MemberStatus.ACCEPTED
    second = page.next_page()
    assert second is not None and second.offset == 2
    last = second.next_page()
    assert last is not None and [m.email for m in last.items] == ["seed-5@example.com"]
    assert not last.has_more and not last.has_next_page()
    assert last.next_page() is None
    assert [p.offset for p in page.iter_pages()] == [0, 2, 4]
    assert page.to_dict()["items"][0]["email"] == "seed-1@example.com"
    assert "total=5" in repr(page)


def test_iterating_a_page_walks_every_item_lazily(client: Client, mock: MockServer) -> None:
    mock.seed(members=450)
    mock.clear_requests()
    walk = iter(client.members.list(limit=200))
    assert len(requests_to(mock, MEMBERS)) == 1  # the first page only
    first = [next(walk) for _ in range(200)]
    assert len(requests_to(mock, MEMBERS)) == 1  # the next page is fetched when reached
    rest = list(walk)
    emails = [m.email for m in first + rest]
    assert emails == [f"seed-{i}@example.com" for i in range(1, 451)]
    assert [r.query for r in requests_to(mock, MEMBERS)] == ["limit=200", "limit=200&offset=200", "limit=200&offset=400"]


def test_walk_starts_at_the_offset_and_filters(client: Client, mock: MockServer) -> None:
    mock.seed(members=3)
    invite = client.invites.create("pending@example.com")
    assert [m.email for m in client.members.list(status="pending")] == ["pending@example.com"]
    assert [m.id for m in client.members.list(status=MemberStatus.PENDING)] == [invite.id]
    assert [m.email for m in client.members.list(offset=2)][0] == "seed-3@example.com"


@pytest.mark.parametrize(
    "kwargs",
    [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": True}, {"limit": 2**70}, {"offset": "1"}],
)
def test_bad_limit_or_offset_fails_before_any_request(client: Client, mock: MockServer, kwargs: dict) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.members.list(**kwargs)
    assert requests_to(mock, "/api/") == []


def test_a_repeated_page_is_a_decode_error_not_a_loop(client: Client, mock: MockServer) -> None:
    page = {"success": True, "members": [{"id": "m1", "email": "a@b.co", "status": "accepted"}],
            "pagination": {"total": 10, "limit": 1, "offset": 0, "hasMore": True}}
    mock.inject_fault("GET", MEMBERS, status=200, body=page, times=2)
    walked: List[Member] = []
    with pytest.raises(headshotpro.ResponseDecodeError):
        for member in client.members.list(limit=1):
            walked.append(member)
    assert [m.id for m in walked] == ["m1"]


def test_an_empty_page_that_says_has_more_ends_the_walk(client: Client, mock: MockServer) -> None:
    empty = {"success": True, "members": [], "pagination": {"total": 9, "limit": 5, "offset": 0, "hasMore": True}}
    mock.inject_fault("GET", MEMBERS, status=200, body=empty)
    page = client.members.list(limit=5)
    assert page.has_more and not page.has_next_page()
    assert list(page) == []
    assert len(requests_to(mock, MEMBERS)) == 1


def test_async_list_is_awaitable_and_async_iterable(mock: MockServer) -> None:
    mock.seed(members=7)

    async def main() -> None:
        async with mock.async_client() as client:
            paginator = client.members.list(limit=3)
            assert isinstance(paginator, AsyncPaginator)
            assert requests_to(mock, MEMBERS) == []  # nothing sent before it is used
            page = await paginator
            assert isinstance(page, AsyncPage) and page.total == 7
            nxt = await page.next_page()
            assert nxt is not None and nxt.offset == 3
            assert [p.offset async for p in page.iter_pages()] == [0, 3, 6]
            emails = [m.email async for m in client.members.list(limit=3)]
            assert emails == [f"seed-{i}@example.com" for i in range(1, 8)]
            assert len([m async for m in page]) == 7

    asyncio.run(main())


def test_invites_retrieve_by_email(client: Client, mock: MockServer) -> None:
    invite = client.invites.create("ada@example.com")
    found = client.invites.retrieve_by_email("ADA@example.com")
    assert (found.id, found.email, found.status) == (invite.id, "ada@example.com", "pending")
    with pytest.raises(headshotpro.NotFoundError):
        client.invites.retrieve_by_email("nobody@example.com")


def test_models_list_and_version(client: Client, mock: MockServer) -> None:
    one_shot = client.models.create("ada@example.com", is_development=True, version=ModelVersion.ONE_SHOT)
    client.models.create("bob@example.com", is_development=True, version="lora")
    assert json.loads(requests_to(mock, "/api/v2/organization/whitelabel/model/create")[0].body)["version"] == "one-shot"
    page = client.models.list(limit=1)
    assert page.total == 2 and page.items[0].id == one_shot.model_id
    assert page.items[0].version == "one-shot" and page.items[0].version == ModelVersion.ONE_SHOT
    assert [m.email for m in client.models.list(status="onboarding")] == ["ada@example.com", "bob@example.com"]
    assert list(client.models.list(status="active")) == []
    with pytest.raises(headshotpro.BadRequestError):
        client.models.create("carl@example.com", version="v3")


def test_photos_retrieve_favorite_and_download_links(client: Client, mock: MockServer) -> None:
    model_id = active_model(mock)
    photos = client.photos.list(model_id, include="all")
    assert photos.total == 8
    photo = photos.items[0]
    assert isinstance(photo, Photo) and photo.urls.thumbnail and photo.urls.original
    signature = photo.urls.main.split("signature=")[1]
    assert signature not in repr(photo) and "signature=[redacted]" in repr(photo)
    same = client.photos.retrieve(model_id, photo.id)
    assert same.id == photo.id and same.urls.thumbnail is None
    assert client.photos.favorite(model_id) is None
    mock.like_photo(photo.id, "loved")
    mock.choose_favorite(model_id, photo.id)
    favorite = client.photos.favorite(model_id)
    assert favorite is not None and favorite.id == photo.id and favorite.liked_status == LikedStatus.LOVED
    assert [p.id for p in client.photos.list(model_id, liked_status="loved")] == [photo.id]
    links = client.photos.download_links(model_id, photo_ids=[photo.id])
    assert [d.photo_id for d in links.downloads] == [photo.id]
    assert links.downloads[0].url.split("signature=")[1] not in repr(links)
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.photos.download_links(model_id, photo_ids=photo.id)  # a lone id, not a list
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.photos.retrieve(model_id, "favorite")
    favorites = client.photos.favorites()
    (entry,) = favorites.items
    assert isinstance(entry, FavoritePhoto) and isinstance(entry, Photo)
    assert (entry.id, entry.email) == (photo.id, "seed-model-1@example.com")


def test_save_writes_every_photo_and_reports_progress(client: Client, mock: MockServer, tmp_path: pathlib.Path) -> None:
    model_id = active_model(mock)
    seen: List[SaveProgress] = []
    threads = set()

    def progress(p: SaveProgress) -> None:
        seen.append(p)
        threads.add(threading.get_ident())

    target = tmp_path / "headshots"
    report = client.photos.save(model_id, target, on_progress=progress, concurrency=2)
    assert report.is_complete and len(report.saved) == 8
    assert sorted(p.name for p in target.iterdir()) == sorted(s.path.name for s in report.saved)
    assert all(s.path.parent == target and s.path.stat().st_size == s.bytes for s in report.saved)
    assert report.bytes == sum(s.bytes for s in report.saved)
    assert [p.completed for p in seen] == list(range(1, 9)) and all(p.total == 8 and p.saved for p in seen)
    cdn = requests_to(mock, "/cdn/")
    assert len(cdn) == 8 and all(r.header("authorization") is None for r in cdn)

    again = client.photos.save(model_id, str(target))
    assert again.saved == [] and len(again.failed) == 8
    assert all(isinstance(f.error, headshotpro.InvalidArgumentError) for f in again.failed)
    assert str(again.failed[0]).startswith(f"photo {again.failed[0].photo_id}: ")
    replaced = client.photos.save(model_id, target, overwrite=True, photo_ids=[s.photo_id for s in report.saved[:2]])
    assert len(replaced.saved) == 2 and replaced.is_complete


def test_expired_urls_fail_per_photo_with_the_exception(client: Client, mock: MockServer, tmp_path: pathlib.Path) -> None:
    model_id = active_model(mock)
    mock.set_organization(photo_url_ttl_ms=0)
    report = client.photos.save(model_id, tmp_path)
    assert report.saved == [] and len(report.failed) == 8
    error = report.failed[0].error
    assert isinstance(error, headshotpro.PermissionDeniedError) and error.status == 403
    assert os.listdir(tmp_path) == []  # no partial or temporary file left


def test_a_directory_that_cannot_be_written_fails_before_any_request(
    client: Client, mock: MockServer, tmp_path: pathlib.Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.photos.save("6650a1b2c3d4e5f6a7b8c9d0", blocker / "photos")
    with pytest.raises(headshotpro.InvalidArgumentError):
        client.photos.save("6650a1b2c3d4e5f6a7b8c9d0", tmp_path, concurrency=0)
    assert requests_to(mock, "/api/") == []


def test_an_exception_in_on_progress_is_logged_and_the_save_goes_on(
    client: Client, mock: MockServer, tmp_path: pathlib.Path, caplog: pytest.LogCaptureFixture
) -> None:
    model_id = active_model(mock)

    def broken(progress: SaveProgress) -> None:
        raise ValueError(f"boom {progress.completed}")

    with caplog.at_level(logging.WARNING, logger="headshotpro"):
        report = client.photos.save(model_id, tmp_path, on_progress=broken)
    assert report.is_complete and len(report.saved) == 8
    failures = [r for r in caplog.records if "on_progress raised" in r.getMessage()]
    assert len(failures) == 8 and failures[0].exc_info is not None


def test_async_save_reports_progress_on_the_event_loop(mock: MockServer, tmp_path: pathlib.Path) -> None:
    (model_id,) = mock.seed(models=1).model_ids

    async def main() -> None:
        loop_thread = threading.get_ident()
        on_loop: List[bool] = []
        async with mock.async_client() as client:
            report = await client.photos.save(
                model_id, tmp_path, on_progress=lambda p: on_loop.append(threading.get_ident() == loop_thread)
            )
        assert report.is_complete and on_loop == [True] * 8

    asyncio.run(main())


def test_webhook_photo_id_on_favorite_selected(client: Client, mock: MockServer) -> None:
    model_id = active_model(mock)
    photo = mock.photos(model_id)[0]
    with mock.capture_webhooks() as events:
        mock.choose_favorite(model_id, photo.id)
        (event,) = events.wait(1, event="model.favorite_selected")
    assert event.photo_id == photo.id and event.object.id == model_id
    assert event.to_dict()["photo_id"] == photo.id


def test_data_envelope(client: Client, mock: MockServer) -> None:
    mock.seed(members=2)
    mock.set_organization(envelope="data")
    assert [m.email for m in client.members.list()] == ["seed-1@example.com", "seed-2@example.com"]
