"""Server-sent events as bytes: encoded once, written in slices, never interleaved.

aiohttp-sse's ``send`` formats and encodes an event anew for every stream (several copies of its
text); a design's ``complete`` is megabytes and goes to every client of that design, so here it is
encoded once and the same bytes are written to each stream. Only the ``id:`` line is per stream.
"""

from __future__ import annotations

import asyncio
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from aiohttp_sse import EventSourceResponse

__all__ = ["EventStream", "SharedFrames", "encode_event", "id_line"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: A frame is handed to the socket this much at a time, each slice drained before the next: a
#: hundred streams of a 2 MB ``complete`` then buffer a few MB in this process, not 200 MB.
_SLICE = 256 * 1024


def id_line(event_id: int) -> bytes:
    return b"id: %d\n" % event_id


def encode_event(event: str, data: str, event_id: int | None = None) -> bytes:
    """One event as aiohttp-sse writes it with ``sep="\\n"``: ``data`` on one ``data:`` line per
    line it has (JSON has one: the regular expression, 9 ms on 2 MB, is then skipped)."""
    parts = _LINE_BREAK.split(data) if "\n" in data or "\r" in data else [data]
    lines = "".join(f"data: {line}\n" for line in parts)
    head = b"" if event_id is None else id_line(event_id)
    return head + f"event: {event}\n{lines}\n".encode()


class EventStream(EventSourceResponse):
    """An SSE response that writes whole frames in slices.

    It keeps aiohttp-sse's own contract for a stalled peer (its ``_send_timeout``, then
    ``_abort_transport``), which setup.py pins to the 3.x series.

    A frame's slices are written under a lock that the keep-alive pings also take, so a ping can
    never land inside a frame while a slice drains.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._frame_lock = asyncio.Lock()

    async def write(self, data: bytes | bytearray | memoryview) -> None:
        """Any other write (the pings) waits for a frame being written to end."""
        async with self._frame_lock:
            await super().write(data)

    async def send_frame(self, *parts: bytes) -> None:
        """Write ``parts`` as one frame. Like ``send``: a peer that has not taken it within the
        send timeout is cut off (``TimeoutError``), and a reset ends the pings."""
        try:
            async with asyncio.timeout(self._send_timeout), self._frame_lock:
                for part in parts:
                    view = memoryview(part)
                    for start in range(0, len(view), _SLICE):
                        await super().write(view[start:start + _SLICE])
        except ConnectionResetError:
            self.stop_streaming()
            raise
        except TimeoutError:
            self.stop_streaming()
            self._abort_transport()
            raise


class SharedFrames:
    """Encoded frames by key, made once however many streams send them, at most ``limit``
    bytes of them (least recently used dropped first; the newest is always kept)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._size = 0
        self._frames: OrderedDict[tuple[str, str], bytes] = OrderedDict()

    def get(self, key: tuple[str, str], make: Callable[[], bytes]) -> bytes:
        frame = self._frames.get(key)
        if frame is not None:
            self._frames.move_to_end(key)
            return frame
        frame = self._frames[key] = make()
        self._size += len(frame)
        while self._size > self._limit and len(self._frames) > 1:
            self._size -= len(self._frames.popitem(last=False)[1])
        return frame
