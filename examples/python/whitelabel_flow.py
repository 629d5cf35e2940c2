"""The whitelabel flow's last step: when the model is active, fetch the photos.

    HEADSHOTPRO_API_KEY=... [HEADSHOTPRO_BASE_URL=...] python examples/python/whitelabel_flow.py [DIRECTORY]

Creates a development model (free of charge), waits until it is active, then
saves its headshots into DIRECTORY (a new temporary directory by default),
printing each photo as its download ends. In production the person completes
onboarding at ``model.signed_url``; against ``headshotpro-mock``
(``HEADSHOTPRO_MOCK=1``) this script plays that person through the mock's
control API.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import urllib.request

import headshotpro


def complete_onboarding_on_the_mock(base_url: str, model_id: str) -> None:
    request = urllib.request.Request(
        f"{base_url}/__mock/models/{model_id}/complete-onboarding", data=b"", method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        json.load(answer)


def show(progress: headshotpro.SaveProgress) -> None:
    state = f"{progress.bytes} bytes" if progress.saved else "failed"
    print(f"  [{progress.completed}/{progress.total}] {progress.photo_id}: {state}")


def main() -> int:
    directory = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="headshots-")
    with headshotpro.Client() as client:  # HEADSHOTPRO_API_KEY, HEADSHOTPRO_BASE_URL
        model = client.models.create("lin@example.com", is_development=True, version="lora")
        print(f"model {model.model_id} is {model.status}; onboarding at {model.signed_url}")
        if os.environ.get("HEADSHOTPRO_MOCK") == "1":
            complete_onboarding_on_the_mock(client.base_url, model.model_id)
        model = client.models.wait(model.model_id, until="active", timeout=600)
        print(f"model {model.model_id} is {model.status}")

        photos = client.photos.list(model.model_id, limit=50)
        print(f"{photos.total} photos; the first expires at {photos.items[0].expires_at:%Y-%m-%d %H:%M} UTC")

        report = client.photos.save(model.model_id, directory, on_progress=show)
        for failed in report.failed:
            print(f"not saved: {failed}")
        print(f"saved {len(report.saved)} photos ({report.bytes} bytes) into {directory}")
        return 0 if report.is_complete else 1


if __name__ == "__main__":
    sys.exit(main())
