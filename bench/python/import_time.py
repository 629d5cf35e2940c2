"""Prints the wall time of `import headshotpro` in a fresh interpreter, in ms."""

import time

started = time.perf_counter()
import headshotpro  # noqa: E402,F401

print((time.perf_counter() - started) * 1000)
