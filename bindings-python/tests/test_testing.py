"""``headshotpro.testing``: the in-process MockServer, its control methods,
capture_webhooks, and the pytest plugin."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from datetime import datetime

import pytest

import headshotpro
from headshotpro import InviteStatus, ModelStatus, WebhookEventType
from headshotpro.testing import (
    NOT_GIVEN,
    MockInvite,
    MockModel,
    MockPhoto,
    MockServer,
    OrganizationSettings,
    RecordedRequest,
    WebhookDelivery,
)

from .conftest import in_forked_child, requests_to

def test_settings_reach_the_server() -> None:
    with MockServer(credits=3, whitelabel=False, photos_per_model=2, invite_limit=1, api_key="hp_test_custom") as mock:
        assert mock.api_key == "hp_test_custom" and mock.url.startswith("http://127.0.0.1:")
        assert mock.cdn_url.startswith("http://localhost:")
        settings = mock.organization()
        assert isinstance(settings, OrganizationSettings)
        assert (settings.credits, settings.whitelabel, settings.photos_per_model, settings.invite_limit) == (3, False, 2, 1)
        assert "hp_test_custom" not in repr(settings)
        with mock.client(max_retries=0) as client:
            assert client.organization.credits() == 3
            with pytest.raises(headshotpro.PermissionDeniedError):
                client.models.create("ada@example.com", is_development=True)


@pytest.mark.parametrize(
    "options",
    [{"credits": "many"}, {"dev_step_ms": -1}, {"whitelabel": 1}, {"port": 70000}, {"webhook_delay_ms": 1.5}],
)
def test_unusable_settings_are_invalid_arguments(options: dict) -> None:
    with pytest.raises(headshotpro.InvalidArgumentError):
        MockServer(**options)


def test_a_busy_port_falls_back_to_another() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with MockServer(port=port) as mock:
            assert not mock.url.endswith(f":{port}")
            assert mock.client().organization.credits() == 100


def test_people_on_the_other_side(client: headshotpro.Client, mock: MockServer) -> None:
    invite = client.invites.create("ada@example.com")
    accepted = mock.accept_invite(invite.id)
    assert isinstance(accepted, MockInvite) and accepted.status == InviteStatus.WAITING_FOR_UPLOAD
    assert isinstance(accepted.created_at, datetime) and accepted.created_at.tzinfo is not None
    uploaded = mock.upload_photos(invite.id)
    assert uploaded.status == "generating-headshots" and client.organization.credits() == 99
    assert mock.advance_invite(invite.id).status == "active"

    model = client.models.create("bob@example.com")
    onboarded = mock.complete_onboarding(model.model_id)
    assert isinstance(onboarded, MockModel) and onboarded.status == ModelStatus.WAITING
    assert mock.advance(model.model_id).status == "pending"
    assert mock.fail(model.model_id).status == "failed"
    for _ in range(3):
        last = mock.advance(model.model_id)
    assert last.status == "active" and last.photo_count == 8
    photos = mock.photos(model.model_id)
    assert len(photos) == 8 and isinstance(photos[0], MockPhoto)
    assert mock.like_photo(photos[0].id, "loved").liked_status == "loved"
    assert mock.choose_favorite(model.model_id, photos[0].id).favorite_photo_id == photos[0].id


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.accept_invite("nope"),
        lambda m: m.upload_photos("nope"),
        lambda m: m.advance_invite("nope"),
        lambda m: m.complete_onboarding("nope"),
        lambda m: m.advance("nope"),
        lambda m: m.fail("nope"),
        lambda m: m.photos("nope"),
        lambda m: m.like_photo("nope"),
        lambda m: m.choose_favorite("nope", "nope"),
        lambda m: m.organization(key="nope"),
    ],
)
def test_an_unknown_id_is_not_found(mock: MockServer, call: object) -> None:
    with pytest.raises(headshotpro.NotFoundError) as raised:
        call(mock)  # type: ignore[operator]
    assert raised.value.status == 404 and raised.value.code == "NOT_FOUND"
    assert (raised.value.operation or "").startswith("mock.")


def test_a_step_that_does_not_apply_is_a_409(client: headshotpro.Client, mock: MockServer) -> None:
    model = client.models.create("ada@example.com")
    with pytest.raises(headshotpro.APIError) as raised:
        mock.fail(model.model_id)
    assert (raised.value.status, raised.value.code) == (409, "INVALID_STATE")
    with pytest.raises(headshotpro.InvalidArgumentError):
        mock.like_photo("x", "adored")


def test_set_organization_changes_only_what_is_given(mock: MockServer) -> None:
    mock.set_organization(webhook_url="http://127.0.0.1:9/hook", webhook_secret="whsec_x", rate_limit=5)
    changed = mock.set_organization(credits=7, webhook_secret=NOT_GIVEN)
    assert (changed.credits, changed.webhook_url, changed.webhook_secret, changed.rate_limit) == (
        7, "http://127.0.0.1:9/hook", "whsec_x", 5,
    )
    cleared = mock.set_organization(webhook_url=None, rate_limit=None)
    assert (cleared.webhook_url, cleared.rate_limit, cleared.webhook_secret) == (None, None, "whsec_x")
    with pytest.raises(headshotpro.InvalidArgumentError):
        mock.set_organization(envelope="nested")


def test_faults(mock: MockServer) -> None:
    with mock.client(max_retries=0) as client:
        mock.inject_fault("GET", "/api/v1/organization/credits", status=503, times=2)
        for _ in range(2):
            with pytest.raises(headshotpro.ServerError):
                client.organization.credits()
        assert client.organization.credits() == 100
        mock.inject_fault(None, "/api/v1/organization/credits", body={"success": True, "credits": 5},
                          headers={"X-RateLimit-Limit": "9"})
        assert client.organization.credits() == 5
        mock.inject_fault("GET", "/api/v1/organization/credits", status=200, body="{not json")
        with pytest.raises(headshotpro.ResponseDecodeError):
            client.organization.credits()
        mock.inject_fault("GET", "/api/v1/organization/credits", drop=True)
        with pytest.raises(headshotpro.APIConnectionError):
            client.organization.credits()
        mock.inject_fault("POST", "/api/v1/organization/invite", after=502)
        with pytest.raises(headshotpro.ServerError):
            client.invites.create("ada@example.com")
        assert [i.email for i in client.invites.list()] == ["ada@example.com"]  # processed, then failed
    with mock.client(timeout=0.2, max_retries=0) as slow:
        mock.inject_fault("GET", "/api/v1/organization/credits", status=503, delay_ms=2000)
        with pytest.raises(headshotpro.APITimeoutError):
            slow.organization.credits()
    fault = mock.inject_fault("GET", "/nothing", status=500)
    assert isinstance(fault, int)
    mock.clear_faults()
    with pytest.raises(headshotpro.InvalidArgumentError):
        mock.inject_fault(None, "/api/", after="explode")


def test_logs_seed_reset_and_state(client: headshotpro.Client, mock: MockServer) -> None:
    client.organization.credits()
    (request,) = mock.requests()
    assert isinstance(request, RecordedRequest)
    assert (request.method, request.path, request.query) == ("GET", "/api/v1/organization/credits", "")
    assert request.header("Authorization") == f"Bearer {mock.api_key}"
    assert mock.api_key not in repr(request)
    mock.clear_requests()
    assert mock.requests() == []
    report = mock.seed(members=3, models=1)
    assert report.members == 3 and len(report.model_ids) == 1
    assert len(mock.state()["organizations"][0]["members"]) == 3
    mock.reset()
    assert mock.state()["organizations"][0]["members"] == []


def test_webhook_log(client: headshotpro.Client, mock: MockServer) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    mock.set_organization(webhook_url=f"http://127.0.0.1:{port}/hook")
    with mock.capture_webhooks():
        pass  # the settings come back after the block
    assert mock.organization().webhook_url == f"http://127.0.0.1:{port}/hook"
    model = client.models.create("ada@example.com", is_development=True)
    with mock.capture_webhooks() as events:
        mock.complete_onboarding(model.model_id)
        events.wait(1, event=WebhookEventType.MODEL_PHOTOS_READY, model_id=model.model_id)
    # A model's events are delivered one after the other, so once photos_ready
    # has arrived every earlier event's attempt has ended and is in the log.
    deliveries = mock.webhooks()
    assert all(isinstance(d, WebhookDelivery) for d in deliveries)
    assert any(d.event == "model.status.updated" and d.status == 200 for d in deliveries)
    mock.clear_webhooks()
    assert mock.webhooks() == []


def test_capture_rejects_forgeries_and_times_out_with_what_arrived(mock: MockServer) -> None:
    with mock.capture_webhooks("whsec_own") as events:
        assert mock.organization().webhook_secret == "whsec_own"
        forged = urllib.request.Request(events.url, data=b'{"event":"model.created"}', method="POST",
                                        headers={"X-HeadshotPro-Signature": "sha256=00"})
        with pytest.raises(urllib.error.HTTPError) as answered:
            urllib.request.urlopen(forged, timeout=10)
        assert answered.value.code == 400
        assert len(events.rejected) == 1 and len(events) == 0
        with pytest.raises(TimeoutError, match="arrived: none"):
            events.wait(1, timeout=0.2)


def test_close_is_idempotent_and_final() -> None:
    mock = MockServer()
    url = mock.url
    mock.close()
    mock.close()
    assert mock.closed and repr(mock) == "MockServer(closed)"
    with pytest.raises(RuntimeError):
        mock.reset()
    with pytest.raises(headshotpro.APIConnectionError):
        headshotpro.Client("k", base_url=url, max_retries=0).organization.credits()


def test_a_process_that_forgets_close_still_exits() -> None:
    program = textwrap.dedent(
        """
        from headshotpro.testing import MockServer
        mock = MockServer(tls=True)
        client = mock.client()
        client.models.create("ada@example.com", is_development=True)
        with mock.capture_webhooks() as events:
            events.wait(0)
        print(client.organization.credits())
        """
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "100"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_cannot_control_the_parents_server(mock: MockServer) -> None:
    def child() -> bool:
        try:
            mock.reset()
        except RuntimeError as error:
            return "/__mock/" in str(error)
        return False

    in_forked_child(child)
    mock.reset()  # the parent still controls it


def test_the_pytest_plugin_gives_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        textwrap.dedent(
            """
            import pytest
            import headshotpro

            def test_client(headshotpro_client, headshotpro_mock):
                invite = headshotpro_client.invites.create("ada@example.com")
                assert headshotpro_mock.accept_invite(invite.id).status == "waiting-for-upload"

            def test_fresh_state(headshotpro_client):
                assert headshotpro_client.invites.list() == []

            @pytest.mark.headshotpro_mock(credits=0)
            def test_marker(headshotpro_client):
                assert headshotpro_client.organization.credits() == 0
                with pytest.raises(headshotpro.InsufficientCreditsError):
                    headshotpro_client.invites.create("ada@example.com")

            @pytest.fixture
            def headshotpro_mock_options():
                return {"credits": 4}

            def test_options_fixture(headshotpro_client):
                assert headshotpro_client.organization.credits() == 4
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)
