"""A user's own tests, with nothing but the installed package and pytest: the
fixtures headshotpro_mock and headshotpro_client come from the package's
pytest11 entry point, and the emulator runs inside this process (no binary,
no HEADSHOTPRO_* settings needed)."""

import os

import pytest

import headshotpro
from headshotpro.testing import MockServer


def test_the_package_is_the_installed_one() -> None:
    where = os.path.dirname(headshotpro.__file__)
    assert "site-packages" in where, f"imported from {where}, not an installed package"


def test_an_invite_flow(headshotpro_client: headshotpro.Client, headshotpro_mock: MockServer) -> None:
    invite = headshotpro_client.invites.create("ada@example.com")
    assert headshotpro_mock.accept_invite(invite.id).status == "waiting-for-upload"
    assert [m.email for m in headshotpro_client.members.list()] == ["ada@example.com"]
    with pytest.raises(headshotpro.NotFoundError):
        headshotpro_mock.accept_invite("no-such-invite")


@pytest.mark.headshotpro_mock(credits=0)
def test_a_marker_sets_the_mock(headshotpro_client: headshotpro.Client) -> None:
    with pytest.raises(headshotpro.InsufficientCreditsError):
        headshotpro_client.invites.create("ada@example.com")


def test_a_fault_and_webhooks(headshotpro_client: headshotpro.Client, headshotpro_mock: MockServer, tmp_path) -> None:
    headshotpro_mock.inject_fault("GET", "/api/v1/organization/credits", status=503)
    assert headshotpro_client.organization.credits() == 100  # retried
    model = headshotpro_client.models.create("grace@example.com", is_development=True)
    with headshotpro_mock.capture_webhooks() as events:
        headshotpro_mock.complete_onboarding(model.model_id)
        events.wait(1, event="model.photos_ready", model_id=model.model_id)
    report = headshotpro_client.photos.save(model.model_id, tmp_path)
    assert report.is_complete and len(os.listdir(tmp_path)) == 8


def test_tls_and_http2() -> None:
    with MockServer(tls=True) as mock, mock.client() as client:
        assert mock.url.startswith("https://")
        assert client.organization.credits() == 100
