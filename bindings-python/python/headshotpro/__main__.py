"""``python -m headshotpro``: the ``headshotpro`` command."""

from ._cli import main

main()
