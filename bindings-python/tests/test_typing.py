"""The stubs and annotations hold: mypy --strict on a typed usage file and the examples."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import REPO

#: A module path in front of a class name mypy reveals (``headshotpro._types.``).
PACKAGE_PREFIX = re.compile(r"headshotpro(?:\.\w+)*\.(?=[A-Z])")


def test_mypy_strict_on_usage_and_examples() -> None:
    targets = [
        str(REPO / "bindings-python" / "tests" / "typed_usage.py"),
        str(REPO / "examples" / "python" / "quickstart.py"),
        str(REPO / "examples" / "python" / "webhook_receiver.py"),
        str(REPO / "examples" / "python" / "whitelabel_flow.py"),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        capture_output=True,
        text=True,
        cwd=str(REPO / "examples"),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_the_example_test_suite() -> None:
    suite = REPO / "examples" / "python" / "testing"
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "onboarding.py", "test_onboarding.py"],
        capture_output=True,
        text=True,
        cwd=str(suite),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_revealed_types_are_the_ones_written_down() -> None:
    usage = REPO / "bindings-python" / "tests" / "typed_usage.py"
    expected = {
        number: line.split("#", 1)[1].strip()
        for number, line in enumerate(usage.read_text().splitlines(), start=1)
        if "reveal_type(" in line
    }
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        capture_output=True,
        text=True,
        cwd=str(REPO / "examples"),
    )
    revealed = {
        int(m.group(1)): PACKAGE_PREFIX.sub("", m.group(2))
        for m in re.finditer(r"typed_usage\.py:(\d+): note: Revealed type is \"(.*)\"", done.stdout)
    }
    assert len(expected) >= 30
    assert revealed == expected


def test_stubs_match_the_compiled_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "headshotpro._native"],
        capture_output=True,
        text=True,
        cwd=str(REPO / "examples"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
