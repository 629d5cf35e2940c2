"""A walk through the HeadshotPro API with the Python SDK.

    HEADSHOTPRO_API_KEY=... [HEADSHOTPRO_BASE_URL=...] python examples/python/quickstart.py

Creates a team, invites a member into it, and creates a development model
(free of charge) and waits until it is active. In production the person
completes onboarding at ``model.signed_url``; against ``headshotpro-mock``
(``HEADSHOTPRO_MOCK=1``) this script plays that person through the mock's
control API.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.request

import headshotpro


def complete_onboarding_on_the_mock(base_url: str, model_id: str) -> None:
    request = urllib.request.Request(
        f"{base_url}/__mock/models/{model_id}/complete-onboarding", data=b"", method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        json.load(answer)


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    with headshotpro.Client() as client:  # HEADSHOTPRO_API_KEY, HEADSHOTPRO_BASE_URL
        org = client.organization.retrieve()
        print(f"organization: {org.name} ({len(org.teams)} teams)")
        print(f"credits: {client.organization.credits()}")

        org = client.teams.create("Quickstart team")
        team = next(t for t in org.teams if t.name == "Quickstart team")
        print(f"team: {team.id} {team.name}")

        invite = client.invites.create("ada@example.com", team_id=team.id)
        print(f"invite: {invite.id} -> {invite.link}")
        details = client.invites.retrieve(invite.id)
        print(f"invite status: {details.status}")

        model = client.models.create("grace@example.com", is_development=True)
        print(f"model: {model.model_id} is {model.status}; onboarding at {model.signed_url}")
        if os.environ.get("HEADSHOTPRO_MOCK") == "1":
            complete_onboarding_on_the_mock(client.base_url, model.model_id)
        try:
            model = client.models.wait(model.model_id, until="active", timeout=600)
        except headshotpro.APITimeoutError as err:
            print(f"not active yet: {err}")
            raise SystemExit(1) from err
        print(f"model {model.model_id} is {model.status}")

        try:
            client.models.retrieve("no-such-model")
        except headshotpro.NotFoundError as err:
            print(f"as expected: {err.code} ({err.status})")

        client.invites.revoke("ada@example.com")
        client.teams.delete(team.id)
        print("done")


if __name__ == "__main__":
    main()
