"""Running the server for real: logging, signals, memory, and a shutdown well under a second."""

from __future__ import annotations

import ctypes
import logging
import platform

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from cadstream.config import Settings
from cadstream.server.app import create_app

__all__ = ["serve"]

#: Open streams end as the app shuts down, so waiting longer for handlers gains nothing.
_SHUTDOWN_TIMEOUT = 0.5
#: glibc's ``M_MMAP_THRESHOLD`` (malloc.h), and the value it starts from.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 * 1024
#: Characters of a request line the access log keeps: the server reads URLs of up to 2 MB (to
#: refuse the long ones in JSON), which need not all go to the log.
_LOGGED_REQUEST_LINE = 500


class _AccessLog(AbstractAccessLogger):
    """``peer "request line" status bytes seconds``, the request line cut to a few hundred
    characters."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        version = request.version
        line = f"{request.method} {request.raw_path} HTTP/{version.major}.{version.minor}"
        if len(line) > _LOGGED_REQUEST_LINE:
            line = f"{line[:_LOGGED_REQUEST_LINE]}... ({len(line)} characters)"
        self.logger.info('%s "%s" %s %s %.6fs', request.remote, line, response.status,
                         response.body_length, time)

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)


def _hand_back_freed_blocks() -> None:
    """Keep every block of 128 kB or more in a mapping of its own, returned when it is freed.

    glibc raises its threshold to the size of each large block freed (up to 32 MB), so once the
    server has freed a design's megabytes, later blocks of that size come from its heaps, whose
    freed space it rarely returns: the server's memory then grows to its busiest moment and
    stays there (200 MB and more after a benchmark, 135 MB with a fixed threshold).
    """
    if platform.libc_ver()[0] == "glibc":
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


def serve(settings: Settings) -> None:
    """Serve until SIGINT or SIGTERM; every open stream is ended and the workers stopped."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s")
    _hand_back_freed_blocks()
    server = settings.server
    web.run_app(create_app(settings), host=server.host, port=server.port,
                shutdown_timeout=_SHUTDOWN_TIMEOUT, handler_cancellation=True,
                access_log_class=_AccessLog)
