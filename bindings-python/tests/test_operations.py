"""Every operation, blocking and async, against the mock."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import pickle
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

import headshotpro
from headshotpro import InviteStatus, ModelStatus

from headshotpro.testing import MockServer

from .conftest import requests_to


def test_organization_and_credits(client: headshotpro.Client) -> None:
    org = client.organization.retrieve()
    assert isinstance(org, headshotpro.Organization)
    assert org.uid and org.name
    assert org.teams == []
    assert client.organization.credits() == 100


def test_teams(client: headshotpro.Client, mock: MockServer) -> None:
    org = client.teams.create("Design")
    team = org.teams[0]
    assert team.name == "Design"
    org = client.teams.update(team.id, "Brand")
    assert [t.name for t in org.teams] == ["Brand"]
    for email in ("ada@example.com", "bob@example.com"):
        invite = client.invites.create(email)
        mock.accept_invite(invite.id)
    org = client.teams.add_members(team.id, ["ada@example.com", "bob@example.com"])
    assert org.teams[0].id == team.id
    assert requests_to(mock, "/api/v1/organization/teams/", "POST")[0].body is not None
    org = client.teams.delete(team.id)
    assert org.teams == []


def test_invites(client: headshotpro.Client, mock: MockServer) -> None:
    org = client.teams.create("Design")
    invite = client.invites.create("ada@example.com", team_id=org.teams[0].id)
    assert invite.email == "ada@example.com"
    assert invite.team_id == org.teams[0].id
    assert invite.link
    listed = client.invites.list()
    assert [i.id for i in listed] == [invite.id]
    assert listed[0].created_at.tzinfo is not None
    assert listed[0].valid and not listed[0].used
    details = client.invites.retrieve(invite.id)
    assert details.status == InviteStatus.PENDING_INVITE
    assert details.status == "pending-invite"
    mock.accept_invite(invite.id)
    assert client.invites.retrieve(invite.id).status == "waiting-for-upload"
    other = client.invites.create("bob@example.com")
    assert other.team_id is None
    assert client.invites.revoke("bob@example.com") is None
    assert client.invites.retrieve(other.id).status == InviteStatus.REVOKED


def test_models(client: headshotpro.Client, mock: MockServer) -> None:
    model = client.models.create("ada@example.com", is_development=True)
    assert model.status == ModelStatus.ONBOARDING
    assert model.is_development
    again = client.models.retrieve(model.model_id)
    assert (again.model_id, again.status) == (model.model_id, model.status)
    mock.complete_onboarding(model.model_id)
    active = client.models.wait(model.model_id, until="active", timeout=30)
    assert active.status == "active"
    deleted = client.models.delete(model.model_id)
    assert deleted.model_id == model.model_id
    assert deleted.message
    body = requests_to(mock, "/api/v2/organization/whitelabel/model/create")[0].body
    assert "isDevelopment" in str(body)


def test_models_wait_times_out(client: headshotpro.Client) -> None:
    model = client.models.create("ada@example.com", is_development=True)
    with pytest.raises(headshotpro.APITimeoutError) as info:
        client.models.wait(model.model_id, until=ModelStatus.ACTIVE, timeout=0.3)
    assert info.value.operation == "models.wait"


def test_models_wait_stops_at_deleted(client: headshotpro.Client) -> None:
    model = client.models.create("ada@example.com", is_development=True)
    client.models.delete(model.model_id)
    assert client.models.wait(model.model_id, timeout=10).status == "deleted"


def test_to_dict_repr_eq(client: headshotpro.Client) -> None:
    org = client.teams.create("Design")
    data = org.to_dict()
    assert data["teams"] == [{"id": org.teams[0].id, "name": "Design"}]
    assert "Design" in repr(org)
    model = client.models.create("ada@example.com", is_development=True)
    assert model.to_dict()["status"] == "onboarding"
    assert type(model.to_dict()["status"]) is str
    invite = client.invites.create("ada@example.com")
    summary = client.invites.list()[0]
    assert summary.id == invite.id
    assert summary.to_dict()["created_at"] == summary.created_at.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    assert summary.created_at.utcoffset() == timezone.utc.utcoffset(None)


def test_open_enums_keep_unknown_values() -> None:
    status = ModelStatus("retraining")
    assert status == "retraining"
    assert status.is_unknown
    assert not ModelStatus.ACTIVE.is_unknown
    assert str(ModelStatus.GENERATING_HEADSHOTS) == "generatingHeadshots"
    assert ModelStatus("retraining") == status and hash(ModelStatus("retraining")) == hash(status)
    assert {status: 1}["retraining"] == 1
    assert pickle.loads(pickle.dumps(status)) == status


def test_unknown_enum_values_are_not_cached() -> None:
    known = len(ModelStatus._value2member_map_)
    for n in range(10_000):
        assert ModelStatus(f"status-{n}").is_unknown
        assert InviteStatus(f"status-{n}") == f"status-{n}"
    assert len(ModelStatus._value2member_map_) == known
    assert len(InviteStatus._value2member_map_) == len(InviteStatus.__members__)


def test_model_repr_redacts_the_signed_url(client: headshotpro.Client) -> None:
    model = client.models.create("ada@example.com", is_development=True)
    token = parse_qs(urlsplit(model.signed_url).query)["token"][0]
    assert len(token) > 8 and token in model.signed_url
    for shown in (repr(model), str(model), f"{model}", repr([model])):
        assert token not in shown
        assert "token=[redacted]" in shown and model.model_id in shown
    assert model.to_dict()["signed_url"] == model.signed_url
    assert dataclasses.replace(model) == model


def test_methods_show_their_signatures_and_docs(client: headshotpro.Client) -> None:
    create = client.invites.create
    assert str(inspect.signature(create)) == "(email: 'str', *, team_id: 'Optional[str]' = None) -> 'Invite'"
    assert create.__doc__ and "Invites ``email``" in create.__doc__
    assert create.__qualname__ == "InvitesResource.create"
    assert client.invites.create is create  # bound once per client
    wait = headshotpro.AsyncClient(base_url=client.base_url, api_key="k").models.wait
    assert inspect.iscoroutinefunction(wait)
    assert str(inspect.signature(wait)).startswith("(model_id: 'str', *, until:")
    assert (headshotpro.ModelsResource.retrieve.__doc__ or "").startswith("One model, with a fresh ``signed_url``")


def test_async_every_operation(mock: MockServer) -> None:
    async def main() -> None:
        async with headshotpro.AsyncClient(mock.api_key, base_url=mock.url) as client:
            org = await client.organization.retrieve()
            assert org.uid
            assert await client.organization.credits() == 100
            org = await client.teams.create("Design")
            team_id = org.teams[0].id
            await client.teams.update(team_id, "Brand")
            member = await client.invites.create("ada@example.com")
            mock.accept_invite(member.id)
            await client.teams.add_members(team_id, ["ada@example.com"])
            invite = await client.invites.create("bob@example.com", team_id=team_id)
            assert invite.id in [i.id for i in await client.invites.list()]
            assert (await client.invites.retrieve(invite.id)).status == "pending-invite"
            await client.invites.revoke("bob@example.com")
            await client.teams.delete(team_id)
            model = await client.models.create("ada@example.com", is_development=True)
            assert (await client.models.retrieve(model.model_id)).model_id == model.model_id
            mock.complete_onboarding(model.model_id)
            active = await client.models.wait(model.model_id, until="active", timeout=30)
            assert active.status == ModelStatus.ACTIVE
            assert (await client.models.delete(model.model_id)).model_id == model.model_id
            with pytest.raises(headshotpro.NotFoundError):
                await client.models.retrieve("missing")
        assert client.closed

    asyncio.run(main())


def test_client_settings(mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEADSHOTPRO_API_KEY", mock.api_key)
    monkeypatch.setenv("HEADSHOTPRO_BASE_URL", mock.url)
    with headshotpro.Client() as client:
        assert client.organization.credits() == 100
        assert client.base_url == mock.url
    assert client.closed
    with pytest.raises(RuntimeError):
        client.organization.credits()
    agent = requests_to(mock, "/api/v1/organization/credits")[0].header("user-agent") or ""
    assert agent.startswith(f"headshotpro-python/{headshotpro.__version__} core/")


def test_missing_key_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEADSHOTPRO_API_KEY", raising=False)
    with pytest.raises(headshotpro.InvalidArgumentError):
        headshotpro.Client()


def test_clear_text_refused_off_loopback() -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        headshotpro.Client("k", base_url="http://example.com")
