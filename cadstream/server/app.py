"""The application factory: one owner per resource, one table of routes.

The worker pool, the flights and the result cache are each an async context in ``cleanup_ctx``;
on shutdown the flights are closed first, so every open stream ends at once instead of holding
the server until its timeout.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import AsyncIterator

from aiohttp import web

from cadstream.config import Settings
from cadstream.jobs import Flights, ResultCache
from cadstream.jobs.pool import JobError, WorkerPool
from cadstream.results import DesignOutputs
from cadstream.server import handlers, streams
from cadstream.server.designs import DesignService
from cadstream.server.frames import SharedFrames
from cadstream.server.keys import DESIGNS, FRAMES, SETTINGS, STARTED, VALIDATIONS
from cadstream.server.middleware import json_errors, limit_query
from cadstream.server.web_ui import add_web_ui
from cadstream.worker import warm_up

__all__ = ["REQUEST_LINE_LIMIT", "create_app"]

#: aiohttp's parser answers a longer request line itself, in plain text and before any
#: middleware; below it, ``limit_query`` answers an oversized query in JSON. Browsers send URLs
#: of up to 2 MB, so only what no client sends meets the parser's answer.
REQUEST_LINE_LIMIT = 2 * 2**20
#: Bytes of encoded ``complete`` frames kept for reuse: the views of the newest designs.
_SHARED_FRAMES = 16 * 2**20
#: Queries whose validation is kept (about 0.3 MB each, the derived design).
_VALIDATIONS = 32


def _routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/api/presets", handlers.preset_defaults),
        web.get("/api/parametersschema", handlers.parameters_schema),
        web.get("/api/validate", handlers.validate_parameters),
        web.post("/api/loadmat", handlers.load_mat),
        web.get("/api/health", handlers.health),
        web.get("/api/download/{file}", handlers.download),
        web.get("/api/downloads", handlers.downloads),
        web.get("/api/cutlist", handlers.cut_list),
        web.get("/api/visualize/{assembly}/stream", streams.visualize_stream),
        web.get("/api/getcncoverview/stream", streams.cnc_overview_stream),
        web.get("/api/getdimensiontables/stream", streams.dimension_tables_stream),
    ]


async def _design_service(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    cache: ResultCache[DesignOutputs] = ResultCache(settings.cache.designs,
                                                    directory=settings.cache.path,
                                                    decode=_load_design)
    async with (WorkerPool(settings.jobs.workers, initializer=warm_up,
                           grace=settings.jobs.cancel_grace) as pool,
                # A JobError's message says what happened (the pool logged the details).
                Flights(grace=settings.jobs.idle_grace, expected=(JobError,)) as flights):
        app[DESIGNS] = DesignService(flights, pool, cache, settings.jobs)
        yield


def _load_design(data: bytes) -> DesignOutputs:
    """A design from the disk cache, compressed in memory like a new one."""
    design = pickle.loads(data)
    assert isinstance(design, DesignOutputs)
    return design.compressed()


async def _end_streams(app: web.Application) -> None:
    """End every open stream with ``cancelled`` at once. The jobs are not waited for: the pool
    kills its workers next anyway, and waiting would only delay the exit (SIGTERM must stop
    the server within a second)."""
    if DESIGNS in app:
        await app[DESIGNS].flights.close(timeout=0.0)


def create_app(settings: Settings) -> web.Application:
    app = web.Application(middlewares=[json_errors,
                                       limit_query(settings.server.max_query_bytes)],
                          client_max_size=settings.server.max_upload_bytes,
                          handler_args={"max_line_size": max(
                              REQUEST_LINE_LIMIT, settings.server.max_query_bytes + 4096)})
    app[SETTINGS] = settings
    app[FRAMES] = SharedFrames(_SHARED_FRAMES)
    app[VALIDATIONS] = ResultCache(_VALIDATIONS)
    app[STARTED] = time.monotonic()
    app.cleanup_ctx.append(_design_service)
    app.on_shutdown.append(_end_streams)
    app.add_routes(_routes())
    add_web_ui(app)
    return app
