"""SSE frames as bytes: the exact wire format, the shared cache of them, and slices that a
keep-alive ping never splits."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from aiohttp_sse import sse_response

from cadstream.server.frames import EventStream, SharedFrames, encode_event, id_line


def test_an_event_is_encoded_as_aiohttp_sse_sends_it() -> None:
    assert encode_event("progress", '{"progress":5}', 7) == (
        b'id: 7\nevent: progress\ndata: {"progress":5}\n\n')
    assert encode_event("complete", "a\nb\r\nc\rd") == (
        b"event: complete\ndata: a\ndata: b\ndata: c\ndata: d\n\n")
    assert encode_event("complete", "×") == "event: complete\ndata: ×\n\n".encode()
    assert id_line(12) + encode_event("complete", "x") == encode_event("complete", "x", 12)


def test_shared_frames_are_made_once_and_bounded_by_their_bytes() -> None:
    frames = SharedFrames(limit=10)
    made: list[str] = []

    def get(key: str, text: str) -> bytes:
        def make() -> bytes:
            made.append(text)
            return text.encode()
        return frames.get((key, "view"), make)

    assert get("a", "aaaa") == b"aaaa"
    assert get("a", "AAAA") == b"aaaa"  # not made again
    get("b", "bbbb")
    get("a", "AAAA")  # a is now the most recently used
    get("c", "cccc")  # 12 bytes > 10: b, the least recently used, goes
    assert made == ["aaaa", "bbbb", "cccc"]
    assert get("a", "AAAA") == b"aaaa" and get("b", "BBBB") == b"BBBB"
    assert get("d", "d" * 50) == b"d" * 50  # the newest stays even alone over the limit
    assert get("d", "D") == b"d" * 50
    assert get("a", "AAAA") == b"AAAA"


@pytest.mark.timeout(30)
async def test_a_ping_never_lands_inside_a_frame_written_in_slices() -> None:
    """A 4 MB frame to a slow reader takes many ping intervals; the pings wait for it."""
    frame = encode_event("complete", "x" * (4 * 2**20), 2)

    async def handler(request: web.Request) -> web.StreamResponse:
        async with sse_response(request, sep="\n", ping_interval=0.005,
                                response_cls=EventStream) as sse:
            await asyncio.sleep(0.02)  # a few pings first
            await sse.send_frame(frame[:6], frame[6:])
            await asyncio.sleep(0.02)
        return sse

    app = web.Application()
    app.router.add_get("/", handler)
    async with (TestServer(app) as server,
                aiohttp.ClientSession(read_bufsize=2**14) as session,
                session.get(server.make_url("/")) as response):
        body = bytearray()
        while chunk := await response.content.read(2**15):
            body += chunk
            await asyncio.sleep(0.001)  # slower than the server writes
    assert frame in body
    pings = body.replace(frame, b"")
    assert pings == b": ping\n\n" * (len(pings) // 8) and len(pings) >= 8 * 4
