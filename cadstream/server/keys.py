"""Typed application keys: every long-lived resource of the app, in one place."""

from aiohttp import web

from cadstream.config import Settings
from cadstream.server.designs import DesignService
from cadstream.server.frames import SharedFrames

__all__ = ["DESIGNS", "FRAMES", "SETTINGS", "STARTED"]

SETTINGS = web.AppKey("settings", Settings)
DESIGNS = web.AppKey("designs", DesignService)
#: The encoded ``complete`` frames of the designs' views, shared by every stream.
FRAMES = web.AppKey("frames", SharedFrames)
#: ``time.monotonic()`` when the app started, for the uptime in /api/health.
STARTED = web.AppKey("started", float)
