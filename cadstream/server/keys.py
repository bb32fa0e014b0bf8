"""Typed application keys: every long-lived resource of the app, in one place."""

from aiohttp import web

from cadstream.config import Settings
from cadstream.jobs import ResultCache
from cadstream.params.problems import ParameterError
from cadstream.server.designs import DesignService
from cadstream.server.frames import SharedFrames
from cadstream.validation import Validated

__all__ = ["DESIGNS", "FRAMES", "SETTINGS", "STARTED", "VALIDATIONS"]

SETTINGS = web.AppKey("settings", Settings)
DESIGNS = web.AppKey("designs", DesignService)
#: The encoded ``complete`` frames of the designs' views, shared by every stream.
FRAMES = web.AppKey("frames", SharedFrames)
#: The answers to the latest queries (validated parameters, or the problems found), by query:
#: validating derives the whole design, which a crowd asking for one design need do only once.
VALIDATIONS = web.AppKey("validations", ResultCache[Validated | ParameterError])
#: ``time.monotonic()`` when the app started, for the uptime in /api/health.
STARTED = web.AppKey("started", float)
