"""Every type as a plain dict (``json.dumps(x.to_dict())`` works, timestamps
ISO) and as the API's JSON, read back through the core: ``from_json(to_json())``
gives the same value for every type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List

import pytest

import headshotpro
from headshotpro import Client, NotFoundError
from headshotpro.testing import MockServer

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def values_of_every_type(client: Client, mock: MockServer, tmp_path: Path) -> List[Any]:
    mock.seed(members=2, models=1)
    org = client.teams.create("Design")
    invite = client.invites.create("ada@example.com", team_id=org.teams[0].id)
    model = client.models.create("bob@example.com", is_development=True)
    summary = next(iter(client.models.list(status="active")))
    photos = client.photos.list(summary.id, include="all")
    mock.choose_favorite(summary.id, photos.items[0].id)
    links = client.photos.download_links(summary.id)
    progress: List[Any] = []
    report = client.photos.save(summary.id, tmp_path, on_progress=progress.append)
    again = client.photos.save(summary.id, tmp_path, photo_ids=[photos.items[0].id])  # exists: one failure
    vector = json.loads(VECTORS.joinpath("webhook_favorite_selected_signed.json").read_text(encoding="utf-8"))
    event = headshotpro.parse_webhook(vector["body"].encode("utf-8"))
    with MockServer(rate_limit=10) as limited, limited.client() as c:
        c.organization.credits()
        limit = c.last_rate_limit
    return [
        org, org.teams[0], invite, client.invites.list()[0], client.invites.retrieve(invite.id), model,
        client.models.delete(model.model_id), event, event.object, limit,
        client.invites.retrieve_by_email("ada@example.com"), next(iter(client.members.list())), summary,
        photos.items[0], photos.items[0].urls, next(iter(client.photos.favorites())), links, links.downloads[0],
        report, report.saved[0], again.failed[0], progress[0],
    ]


def test_every_type_round_trips_through_the_wire_form(client: Client, mock: MockServer, tmp_path: Path) -> None:
    values = values_of_every_type(client, mock, tmp_path)
    names = {type(v).__name__ for v in values}
    assert len(names) == 22, names
    for value in values:
        text = value.to_json()
        back = type(value).from_json(text)
        assert back.to_json() == text, type(value).__name__
        if type(value).__name__ not in ("SaveReport", "FailedDownload"):  # exceptions compare by identity
            assert back == value, type(value).__name__
        json.dumps(value.to_dict())  # plain data all the way down


def test_wire_form_names_and_timestamps(client: Client) -> None:
    model = client.models.create("ada@example.com")
    wire = json.loads(model.to_json())
    assert set(wire) == {"modelId", "status", "isDevelopment", "signedUrl"}
    summary = client.invites.list()[0] if client.invites.create("bob@example.com") else None
    assert summary is not None
    data = summary.to_dict()
    assert data["created_at"].endswith("Z") and "T" in data["created_at"]
    assert json.loads(summary.to_json())["createdAt"] == data["created_at"]


def test_an_exception_as_data(client: Client, mock: MockServer, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        client.models.retrieve("m_missing")
    mock.seed(members=0, models=1)
    summary = next(iter(client.models.list()))
    client.photos.save(summary.id, tmp_path)
    report = client.photos.save(summary.id, tmp_path)
    failed = report.failed[0].to_dict()
    assert failed["error"]["type"] == "InvalidArgumentError" and failed["error"]["message"]


def test_from_json_refuses_other_json(client: Client) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        headshotpro.Model.from_json('{"nope": 1}')
    with pytest.raises(headshotpro.InvalidArgumentError):
        headshotpro.Model.from_json("not json")
