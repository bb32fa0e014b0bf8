"""Typed application keys: every long-lived resource of the app, in one place."""

from aiohttp import web

from cadstream.config import Settings
from cadstream.server.designs import DesignService

__all__ = ["DESIGNS", "SETTINGS", "STARTED"]

SETTINGS = web.AppKey("settings", Settings)
DESIGNS = web.AppKey("designs", DesignService)
#: ``time.monotonic()`` when the app started, for the uptime in /api/health.
STARTED = web.AppKey("started", float)
