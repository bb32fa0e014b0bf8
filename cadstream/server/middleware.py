"""Every error is JSON ``{"error": ...}`` with a fitting status: never an HTML page or a trace."""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

__all__ = ["json_errors", "limit_query"]

_log = logging.getLogger(__name__)


def _json_error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return _json_error(error.status, error.reason)
    except Exception:
        _log.exception("%s %s failed", request.method, request.path)
        return _json_error(500, "internal server error")


def limit_query(max_bytes: int) -> Middleware:
    """Refuse queries longer than ``max_bytes`` with 413 before any parsing."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if len(request.query_string.encode("utf-8")) > max_bytes:
            return _json_error(413, f"query string longer than {max_bytes} bytes")
        return await handler(request)

    return middleware
