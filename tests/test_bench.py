"""The benchmark's SSE client: every event whole, wherever the chunks happen to split."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp

from cadstream.bench import _events

STREAM = (b'id: 1\nevent: progress\ndata: {"progress":0,"message":"Computing dimensions"}\n\n'
          b": ping\n\n"
          b"id: 2\nevent: complete\ndata: line one\ndata: line \xc3\x97 two\n\n")
EVENTS = [("progress", '{"progress":0,"message":"Computing dimensions"}'),
          ("complete", "line one\nline × two")]


class _Content:
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def iter_any(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


class _Response:
    def __init__(self, chunks: list[bytes]) -> None:
        self.content = _Content(chunks)


async def _read(chunks: list[bytes]) -> list[tuple[str, str]]:
    response: aiohttp.ClientResponse = _Response(chunks)  # type: ignore[assignment]
    return [event async for event in _events(response)]


async def test_events_are_whole_wherever_the_stream_is_split() -> None:
    assert await _read([STREAM]) == EVENTS
    for cut in range(1, len(STREAM)):
        assert await _read([STREAM[:cut], STREAM[cut:]]) == EVENTS, cut
    assert await _read([STREAM[i:i + 1] for i in range(len(STREAM))]) == EVENTS


async def test_an_unfinished_event_is_not_yielded() -> None:
    assert await _read([STREAM[:-1]]) == EVENTS[:1]
