"""The ``headshotpro`` command as ``pip install headshotpro`` gives it: the
console script next to this interpreter, against an in-process mock. An
import with duplicates and invalid rows, an interrupted import resumed from
its journal without duplicates, ``--json``, and the exit codes (0/1/2, the
missing-key message, never a traceback)."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

from headshotpro.testing import MockServer

BIN = Path(sys.executable).parent / ("headshotpro.exe" if os.name == "nt" else "headshotpro")


def cli(
    mock: Optional[MockServer], *args: str, key: bool = True, timeout: float = 120
) -> "subprocess.CompletedProcess[str]":
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADSHOTPRO_")}
    if mock is not None:
        env["HEADSHOTPRO_BASE_URL"] = mock.url
        if key:
            env["HEADSHOTPRO_API_KEY"] = mock.api_key
    done = subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr, done.stderr
    return done


def people(path: Path, unique: int, repeats: int, invalid: int) -> List[str]:
    """Writes a CSV of ``unique`` emails, ``repeats`` of them again (in upper
    case) and ``invalid`` rows that are not emails; returns the unique emails."""
    emails = [f"person{i}@example.com" for i in range(unique)]
    rows = emails + [e.upper() for e in emails[:repeats]] + [f"not-an-email-{i}" for i in range(invalid)]
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "email"])
        writer.writerows([[f"P{i}", email] for i, email in enumerate(rows)])
    return emails


def invited(mock: MockServer) -> Dict[str, int]:
    """How many invites the mock made per email (lower case)."""
    counts: Dict[str, int] = {}
    with mock.client() as client:
        for invite in client.invites.list():
            counts[invite.email.lower()] = counts.get(invite.email.lower(), 0) + 1
    return counts


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(credits=10_000) as server:
        yield server


def test_the_command_is_installed() -> None:
    assert BIN.exists(), f"no console script at {BIN}"
    done = cli(None, "--help")
    assert done.returncode == 0 and "invites" in done.stdout


def test_import_with_duplicates_and_invalid_rows(mock: MockServer, tmp_path: Path) -> None:
    emails = people(tmp_path / "people.csv", unique=250, repeats=30, invalid=20)
    report = tmp_path / "report.csv"
    done = cli(mock, "--json", "invites", "import", str(tmp_path / "people.csv"), "--report", str(report))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["rows"], summary["created"], summary["invalid"], summary["failed"]) == (300, 280, 20, 0)
    assert invited(mock) == {e: 1 for e in emails}
    with report.open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 300 and rows[0]["outcome"] == "created" and rows[-1]["outcome"] == "invalid"


def test_an_interrupted_import_resumes_from_its_journal(tmp_path: Path) -> None:
    # 40 requests a second: the import of 200 takes about 5 s, and is interrupted after 1.5 s.
    with MockServer(credits=10_000, rate_limit=40, rate_window_ms=1000) as mock:
        emails = people(tmp_path / "people.csv", unique=200, repeats=10, invalid=5)
        journal = tmp_path / "people.journal"
        args = ["invites", "import", str(tmp_path / "people.csv"), "--journal", str(journal)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("HEADSHOTPRO_")}
        env.update(HEADSHOTPRO_BASE_URL=mock.url, HEADSHOTPRO_API_KEY=mock.api_key)
        first = subprocess.Popen([str(BIN), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        first.send_signal(signal.SIGINT)
        _, err = first.communicate(timeout=60)
        assert first.returncode == 130, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        sent_before = len(invited(mock))
        assert 0 < sent_before < 200
        done = cli(mock, "--json", *args)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["resumed"] > 0
        assert invited(mock) == {e: 1 for e in emails}


def test_json_output_and_errors(mock: MockServer) -> None:
    done = cli(mock, "--json", "credits")
    assert done.returncode == 0 and json.loads(done.stdout) == {"credits": 10_000}
    missing = cli(mock, "models", "retrieve", "m_missing")
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("headshotpro: error: NotFoundError")
    assert len(missing.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2(mock: MockServer, tmp_path: Path) -> None:
    no_key = cli(mock, "credits", key=False)
    assert no_key.returncode == 2 and "HEADSHOTPRO_API_KEY" in no_key.stderr
    assert cli(mock, "no-such-command").returncode == 2
    (tmp_path / "bad.csv").write_text("name,mail\nAda,ada@example.com\n")
    bad = cli(mock, "invites", "import", str(tmp_path / "bad.csv"))
    assert bad.returncode == 2 and "mail" in bad.stderr
