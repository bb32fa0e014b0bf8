"""A small SSE reader for tests: the raw frames and the parsed events of one stream."""

from __future__ import annotations

import codecs
import json
import time
from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass(frozen=True)
class SseEvent:
    event: str
    data: str
    id: str | None

    @property
    def json(self) -> Any:
        return json.loads(self.data)


def parse_frames(text: str) -> list[SseEvent]:
    """Events of an SSE body (comments such as keepalive pings are skipped)."""
    events = []
    for frame in text.split("\n\n"):
        fields: dict[str, list[str]] = {}
        for line in frame.split("\n"):
            if not line or line.startswith(":"):
                continue
            name, _, value = line.partition(": ")
            fields.setdefault(name, []).append(value)
        if "data" in fields:
            events.append(SseEvent(fields.get("event", ["message"])[0], "\n".join(fields["data"]),
                                   fields.get("id", [None])[0]))
    return events


async def read_stream(response: aiohttp.ClientResponse) -> tuple[str, list[SseEvent]]:
    """Read the whole stream (until the server ends it): raw text and events."""
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"].startswith("text/event-stream")
    text = (await response.read()).decode("utf-8")
    return text, parse_frames(text)


class EventReader:
    """Events one at a time from an open stream, for tests that act mid-stream.

    ``frames`` keeps the raw text of every event read so far (comments excluded), so a test can
    compare the bytes on the wire exactly; ``arrivals`` the ``time.monotonic()`` at which each
    was read, for tests of cadence.
    """

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response
        self._buffer = ""
        # Incremental: a chunk may end inside a multi-byte character ("×" in the tables).
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.frames: list[str] = []
        self.arrivals: list[float] = []

    async def next(self) -> SseEvent:
        while True:
            frame, separator, rest = self._buffer.partition("\n\n")
            if separator:
                self._buffer = rest
                events = parse_frames(frame + "\n\n")
                if events:
                    self.frames.append(frame + "\n\n")
                    self.arrivals.append(time.monotonic())
                    return events[0]
                continue
            chunk = await self._response.content.readany()
            if not chunk:
                raise EOFError("the stream ended")
            self._buffer += self._decoder.decode(chunk)

    async def rest(self) -> list[SseEvent]:
        """Every event until the server ends the stream."""
        events = []
        while True:
            try:
                events.append(await self.next())
            except EOFError:
                return events
