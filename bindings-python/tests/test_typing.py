"""The stubs and annotations hold: mypy --strict on a typed usage file and the examples."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_mypy_strict_on_usage_and_examples() -> None:
    targets = [
        str(REPO / "bindings-python" / "tests" / "typed_usage.py"),
        str(REPO / "examples" / "python" / "quickstart.py"),
        str(REPO / "examples" / "python" / "webhook_receiver.py"),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        capture_output=True,
        text=True,
        cwd=str(REPO / "examples"),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_stubs_match_the_compiled_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "headshotpro._native"],
        capture_output=True,
        text=True,
        cwd=str(REPO / "examples"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
