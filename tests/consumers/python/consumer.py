"""Uses the installed `headshotpro` package against the mock (Python 3.9+).

HEADSHOTPRO_API_KEY / HEADSHOTPRO_BASE_URL point at headshotpro-mock;
CONSUMER_TAG makes the emails of this run unique.
"""

import asyncio
import os
import platform
import sys

import headshotpro

TAG = os.environ.get("CONSUMER_TAG", "python")


def main() -> None:
    where = os.path.dirname(headshotpro.__file__)
    assert "site-packages" in where, f"imported from {where}, not an installed package"
    with headshotpro.Client() as client:
        org = client.organization.retrieve()
        credits = client.organization.credits()
        invite = client.invites.create(f"{TAG}-invite@example.com")
        model = client.models.create(f"{TAG}-model@example.com", is_development=True)
        assert client.models.retrieve(model.model_id).model_id == model.model_id
        try:
            client.models.retrieve("no-such-model")
            raise SystemExit("expected NotFoundError")
        except headshotpro.NotFoundError as err:
            assert err.status == 404, err.status

    async def credits_async() -> int:
        async with headshotpro.AsyncClient() as client:
            return await client.organization.credits()

    assert asyncio.run(credits_async()) <= credits
    print(f"organization {org.name}, {credits} credits, invite {invite.id}, model {model.model_id}")
    print(f"ok: python {platform.python_version()} {platform.libc_ver()[1]} ({sys.platform})")


if __name__ == "__main__":
    main()
