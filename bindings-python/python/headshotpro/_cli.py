"""The ``headshotpro`` console script: the command of the ``headshotpro-cli``
crate, compiled into this package's native module (no second binary).

    headshotpro credits
    headshotpro invites import people.csv --journal people.journal --report out.csv

Run ``headshotpro --help`` for every subcommand. Exit codes: 0 ok, 1 an API
or connection error, 2 usage (a missing ``HEADSHOTPRO_API_KEY`` included).
"""

from __future__ import annotations

import signal
import sys
from typing import List, NoReturn, Optional

from . import _native


def main(argv: Optional[List[str]] = None) -> NoReturn:
    """Runs the command with ``argv`` (default ``sys.argv``) and exits with its code.

    The command handles Ctrl-C itself (an import stops cleanly and keeps its
    journal); Python's own SIGINT handler is set aside first, so a Ctrl-C is
    never turned into a ``KeyboardInterrupt`` traceback afterwards."""
    args = list(sys.argv if argv is None else argv)
    args[0] = "headshotpro"
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    except ValueError:  # not the main thread: signals stay as they are
        pass
    sys.stdout.flush()
    code = _native.cli_main(args)
    sys.exit(code)


if __name__ == "__main__":
    main()
