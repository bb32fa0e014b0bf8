"""Running the server for real: logging, signals, and a shutdown that takes well under a second."""

from __future__ import annotations

import logging

from aiohttp import web

from cadstream.config import Settings
from cadstream.server.app import create_app

__all__ = ["serve"]

#: Open streams end as the app shuts down, so waiting longer for handlers gains nothing.
_SHUTDOWN_TIMEOUT = 0.5


def serve(settings: Settings) -> None:
    """Serve until SIGINT or SIGTERM; every open stream is ended and the workers stopped."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s")
    server = settings.server
    web.run_app(create_app(settings), host=server.host, port=server.port,
                shutdown_timeout=_SHUTDOWN_TIMEOUT, handler_cancellation=True,
                access_log_format='%a "%r" %s %b %Tfs')
