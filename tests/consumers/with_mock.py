"""Runs a command against a fresh headshotpro-mock, on any OS (the release
workflow's Linux, macOS and Windows runners use it; scripts/test-packages.sh
uses scripts/lib/mock.sh):

    python tests/consumers/with_mock.py MOCK_BIN -- CMD [ARG...]

Starts MOCK_BIN on an ephemeral loopback port, reads the JSON line it prints
first (url, api_key), runs CMD with HEADSHOTPRO_BASE_URL and
HEADSHOTPRO_API_KEY set, stops the mock, and exits with CMD's status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    mock = subprocess.Popen(
        [argv[0], "--port", "0", "--host", "127.0.0.1", "--dev-step-ms", "50", "--webhook-delay-ms", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert mock.stdout is not None
        first = json.loads(mock.stdout.readline())
        env = dict(os.environ, HEADSHOTPRO_BASE_URL=first["url"], HEADSHOTPRO_API_KEY=first["api_key"])
        return subprocess.run(argv[2:], env=env, check=False).returncode
    finally:
        mock.terminate()
        mock.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
