"""Retries and Retry-After, counted from the mock's request log."""

from __future__ import annotations

import json
import time

import pytest

import headshotpro
from headshotpro import Client

from headshotpro.testing import MockServer

from .conftest import requests_to


def test_get_retried_on_503(client: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization/credits", status=503, times=2)
    assert client.organization.credits() == 100
    assert len(requests_to(mock, "/api/v1/organization/credits")) == 3


def test_retries_run_out(client: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization/credits", status=500, times=5)
    with pytest.raises(headshotpro.ServerError):
        client.organization.credits()
    assert len(requests_to(mock, "/api/v1/organization/credits")) == 3


def test_max_retries_zero(quick: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v1/organization/credits", status=503)
    with pytest.raises(headshotpro.ServerError):
        quick.organization.credits()
    assert len(requests_to(mock, "/api/v1/organization/credits")) == 1


def test_post_not_retried_on_500(client: Client, mock: MockServer) -> None:
    mock.inject_fault(None, "/api/v2/organization/whitelabel/model/create", status=500)
    with pytest.raises(headshotpro.ServerError):
        client.models.create("ada@example.com", is_development=True)
    assert len(requests_to(mock, "/api/v2/organization/whitelabel/model/create")) == 1


def test_retry_after_is_respected(client: Client, mock: MockServer) -> None:
    body = json.dumps({"success": False, "error": "slow down", "code": "RATE_LIMIT_EXCEEDED"})
    mock.inject_fault(None, "/api/v1/organization/invite", status=429, body=body, headers={"Retry-After": "1"})
    start = time.monotonic()
    invite = client.invites.create("ada@example.com")
    assert time.monotonic() - start >= 1.0
    assert invite.email == "ada@example.com"
    assert len(requests_to(mock, "/api/v1/organization/invite", "POST")) == 2


def test_mock_rate_limit(client: Client, mock: MockServer) -> None:
    mock.set_organization(rate_limit=1)
    client.organization.credits()
    with Client(mock.api_key, base_url=mock.url, max_retries=0) as quick:
        with pytest.raises(headshotpro.RateLimitError) as info:
            quick.organization.credits()
    assert info.value.code == "RATE_LIMIT_EXCEEDED"
    assert info.value.rate_limit_limit == 1
