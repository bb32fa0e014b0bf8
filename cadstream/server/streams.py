"""The three SSE endpoints of the spec: progress, then ``complete``, ``cancelled`` or ``error``.

Every event carries an ``id:``, so a client that reconnects with ``Last-Event-ID`` gets what it
missed. A client that leaves only releases its subscription; the shared job goes on for the
others (and is cancelled by the job system once nobody waits for it).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp_sse import sse_response

from cadstream.jobs import Cancelled, Completed, Event, Failed, Progress
from cadstream.params.problems import ParameterError
from cadstream.results import ASSEMBLIES, DesignOutputs
from cadstream.server.frames import EventStream, encode_event, id_line
from cadstream.server.keys import DESIGNS, FRAMES
from cadstream.server.requests import client_id, design_request, error_body

__all__ = ["cnc_overview_stream", "dimension_tables_stream", "visualize_stream"]

_log = logging.getLogger(__name__)

#: A stalled reader is dropped after this long, so it cannot hold a server task forever.
_SEND_TIMEOUT = 30.0
#: How often a stream looks for a peer that went away without a word.
_DISCONNECT_POLL = 0.2


@dataclass(frozen=True)
class View:
    """What a stream's ``complete`` event carries: a named view of the finished design."""

    name: str
    render: Callable[[DesignOutputs], Any]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _last_event_id(request: web.Request) -> int | None:
    text = request.headers.get("Last-Event-ID", "")
    return int(text) if text.isdigit() else None


async def _send(sse: EventStream, event: str, data: Any, event_id: int | None) -> None:
    await sse.send_frame(encode_event(event, _dumps(data), event_id))


async def _send_complete(request: web.Request, sse: EventStream, view: View,
                         outputs: DesignOutputs, event_id: int) -> None:
    """The ``complete`` frame is encoded once per design and view, however many clients get it
    (a turbine's is 2 MB of JSON); only its ``id:`` line is this stream's own."""
    frame = request.app[FRAMES].get(
        (outputs.key, view.name), lambda: encode_event("complete", _dumps(view.render(outputs))))
    await sse.send_frame(id_line(event_id), frame)


async def _send_event(request: web.Request, sse: EventStream, event: Event,
                      view: View) -> bool:
    """Send one job event; True once the stream's final event has gone out."""
    if isinstance(event, Progress):
        await _send(sse, "progress", {"progress": event.percent, "message": event.message},
                    event.id)
        return False
    if isinstance(event, Completed):
        assert isinstance(event.result, DesignOutputs)
        await _send_complete(request, sse, view, event.result, event.id)
    elif isinstance(event, Cancelled):
        await _send(sse, "cancelled", {"message": "Operation cancelled"}, event.id)
    elif isinstance(event, Failed):
        await _send(sse, "error", {"error": event.message}, event.id)
    return True


async def _until_disconnected(request: web.Request) -> None:
    """Returns when the peer has gone (its transport closed), even if nothing is being sent."""
    while (transport := request.transport) is not None and not transport.is_closing():
        await asyncio.sleep(_DISCONNECT_POLL)


async def _follow(request: web.Request, sse: EventStream, view: View) -> None:
    service = request.app[DESIGNS]
    design = design_request(request)
    client = client_id(request)
    cached = service.cached(design, client)
    last_event_id = _last_event_id(request)
    if cached is not None:
        # A reconnecting client has seen the progress (under whatever ids): only the result is
        # news to it. A new client gets the usual two events.
        if last_event_id is None:
            await _send(sse, "progress", {"progress": 100, "message": "Using cached result"}, 1)
        await _send_complete(request, sse, view, cached, (last_event_id or 1) + 1)
        return
    async with service.subscribe(design, client, last_event_id) as subscription:
        async for event in subscription:
            if await _send_event(request, sse, event, view):
                return


async def _stream(request: web.Request, view: View) -> web.StreamResponse:
    async with sse_response(request, send_timeout=_SEND_TIMEOUT, sep="\n",
                            response_cls=EventStream) as sse:
        follow = asyncio.ensure_future(_follow(request, sse, view))
        gone = asyncio.ensure_future(_until_disconnected(request))
        try:
            await asyncio.wait({follow, gone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
            follow.cancel()
            await asyncio.wait({follow, gone})
        error = None if follow.cancelled() else follow.exception()
        if isinstance(error, ParameterError):
            await _send(sse, "error", error_body(error), None)
        elif isinstance(error, ConnectionResetError | TimeoutError):
            _log.info("stream %s: client went away (%s)", request.path, type(error).__name__)
        elif error is not None:
            _log.error("stream %s failed", request.path, exc_info=error)
            await _send(sse, "error", {"error": "internal error while streaming"}, None)
    return sse


async def _refuse(request: web.Request, message: str) -> web.StreamResponse:
    async with sse_response(request, send_timeout=_SEND_TIMEOUT, sep="\n",
                            response_cls=EventStream) as sse:
        await _send(sse, "error", {"error": message}, None)
    return sse


async def visualize_stream(request: web.Request) -> web.StreamResponse:
    assembly = request.match_info["assembly"]
    if assembly not in ASSEMBLIES:
        return await _refuse(request, f"Unknown assembly {assembly!r}: choose one of "
                             + ", ".join(ASSEMBLIES))
    furl = assembly == "WindTurbine"
    return await _stream(request, View(assembly, lambda outputs: {
        "objText": outputs.objs[assembly],
        "furlTransform": outputs.furl_transform if furl else None}))


_CNC_OVERVIEW = View("cnc-overview", lambda outputs: outputs.cnc_overview_svg)
_TABLES = View("dimension-tables", lambda outputs: outputs.tables)


async def cnc_overview_stream(request: web.Request) -> web.StreamResponse:
    return await _stream(request, _CNC_OVERVIEW)


async def dimension_tables_stream(request: web.Request) -> web.StreamResponse:
    return await _stream(request, _TABLES)
