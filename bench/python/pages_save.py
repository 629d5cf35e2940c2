"""One Python benchmark of the current API in this process; prints one JSON line.

usage: pages_save.py walk URL KEY PAGE_SIZE
       pages_save.py save CLIENT URL KEY MODEL_ID DIRECTORY

walk: iterates ``client.members.list(limit=PAGE_SIZE)`` to the end of the
      list (every page, lazily) and reports the client's CPU time per item and
      the process's peak RSS. The caller seeds the members first.
save: downloads every photo of MODEL_ID into DIRECTORY (empty) and reports
      the wall time and peak RSS. CLIENT is ``sdk`` (``photos.save``, 4
      downloads at once, its default), ``sdk-sequential`` (``concurrency=1``)
      or ``requests`` (by hand, as a user would without the SDK: ask for the
      download links, then GET each URL and write each file, with a
      ``requests.Session``).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any, Dict


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def walk(url: str, key: str, page_size: int) -> Dict[str, Any]:
    import headshotpro

    with headshotpro.Client(key, base_url=url) as client:
        wall = time.perf_counter()
        cpu = time.process_time()
        count = 0
        for member in client.members.list(limit=page_size):
            count += 1 if member.email else 0
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
    return {
        "items": count,
        "cpu_us_per_item": cpu / max(count, 1) * 1e6,
        "wall_s": wall,
        "peak_rss_mb": peak_rss_mb(),
    }


def save_sdk(url: str, key: str, model_id: str, directory: str, concurrency: int = 4) -> int:
    import headshotpro

    with headshotpro.Client(key, base_url=url) as client:
        report = client.photos.save(model_id, directory, concurrency=concurrency)
    if not report.is_complete:
        raise SystemExit(f"{len(report.failed)} photos failed: {report.failed[0]}")
    return len(report.saved)


def save_requests(url: str, key: str, model_id: str, directory: str) -> int:
    import requests

    session = requests.Session()
    answer = session.post(
        f"{url}/api/v2/organization/models/{model_id}/photos/download",
        json={},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    )
    answer.raise_for_status()
    links = answer.json()["downloads"]
    cdn = requests.Session()  # the signed URLs need no key, and must not get it
    for link in links:
        photo = cdn.get(link["url"], timeout=60)
        photo.raise_for_status()
        with open(os.path.join(directory, f"{link['photoId']}.png"), "wb") as out:
            out.write(photo.content)
    return len(links)


def main() -> None:
    mode = sys.argv[1]
    if mode == "walk":
        url, key, page_size = sys.argv[2], sys.argv[3], int(sys.argv[4])
        print(json.dumps(walk(url, key, page_size)))
        return
    if mode == "save":
        client, url, key, model_id, directory = sys.argv[2:7]
        save = {
            "sdk": save_sdk,
            "sdk-sequential": lambda *a: save_sdk(*a, concurrency=1),
            "requests": save_requests,
        }[client]
        wall = time.perf_counter()
        photos = save(url, key, model_id, directory)
        wall = time.perf_counter() - wall
        written = len(os.listdir(directory))
        print(json.dumps({"photos": photos, "files": written, "wall_s": wall, "peak_rss_mb": peak_rss_mb()}))
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
