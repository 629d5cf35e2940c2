"""How the package logs: through the ``headshotpro`` logger of ``logging``.

Each attempt is one line (``info`` when answered, ``warn`` when retried,
``error`` for the failure the caller gets); ``debug`` adds the request and
response bodies, redacted by the core (the API key, signed-URL tokens and
secret-looking fields never appear). Every line carries its facts as
attributes of the ``LogRecord`` (``operation``, ``method``, ``path``,
``status``, ``attempt``, ``duration_ms``, ``rate_limit_remaining``, …).

A client reads the ``headshotpro`` logger's effective level when it is
created: configure ``logging`` first. ``HEADSHOTPRO_LOG=debug|info|warn``
turns logging on without code: at import, the logger gets that level and,
unless it has handlers already, one that writes to standard error.
"""

from __future__ import annotations

import logging

from . import _native

LOGGER_NAME = "headshotpro"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_LEVELS = {"error": logging.ERROR, "warn": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}


def threshold() -> str:
    """The most detailed level the ``headshotpro`` logger takes now, as the
    core names it (``off`` when it takes nothing)."""
    logger = logging.getLogger(LOGGER_NAME)
    if logger.disabled:
        return "off"
    for name in ("debug", "info", "warn", "error"):
        if logger.isEnabledFor(_LEVELS[name]):
            return name
    return "off"


def configure_from_env() -> None:
    """Applies ``HEADSHOTPRO_LOG`` (read by the core) to the ``headshotpro`` logger."""
    level = _LEVELS.get(_native.env_log_level())
    if level is None:
        return
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    if not any(not isinstance(h, logging.NullHandler) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
