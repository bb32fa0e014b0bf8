"""Helpers for tests against a live server: designs of their own, health polling, streams."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from sse_reader import EventReader, SseEvent

VISUALIZE = "/api/visualize/WindTurbine/stream"
CNC = "/api/getcncoverview/stream"
TABLES = "/api/getdimensiontables/stream"
#: The exact frame of a ``cancelled`` event, given its id.
CANCELLED_FRAME = 'id: {id}\nevent: cancelled\ndata: {{"message":"Operation cancelled"}}\n\n'
Health = dict[str, Any]


def design(offset: int, client: str) -> dict[str, str]:
    """The query of a design of its own (by its furling offset, mm) for ``client``."""
    return {"furling.Offset": str(offset), "client": client}


async def health(client: TestClient) -> Health:
    response = await client.get("/api/health")
    assert response.status == 200
    return await response.json()  # type: ignore[no-any-return]


async def wait_for(client: TestClient, condition: Callable[[Health], bool],
                   within: float) -> tuple[Health, float]:
    """Poll /api/health until ``condition`` holds: the body, and how long it took."""
    began = time.monotonic()
    while True:
        body = await health(client)
        took = time.monotonic() - began
        if condition(body):
            return body, took
        assert took < within, f"not within {within} s: {body}"
        await asyncio.sleep(0.02)


def idle(body: Health) -> bool:
    """No job in flight or stopping, no subscriber, no busy worker."""
    return bool(body["in_flight"] == body["subscribers"] == body["workers_busy"]
                == body["jobs_stopping"] == 0)


async def wait_idle(client: TestClient) -> Health:
    """The server once nothing runs, nobody listens and no worker is busy."""
    body, _ = await wait_for(client, idle, within=10.0)
    return body


async def open_stream(client: TestClient, path: str, params: dict[str, str],
                      headers: dict[str, str] | None = None) -> tuple[aiohttp.ClientResponse,
                                                                      EventReader]:
    response = await client.get(path, params=params, headers=headers)
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    return response, EventReader(response)


async def final_event(reader: EventReader) -> SseEvent:
    """Skip progress to the stream's final event, and check that the stream ends there."""
    while (event := await reader.next()).event == "progress":
        pass
    with pytest.raises(EOFError):
        await reader.next()
    return event


def assert_in_order(events: list[SseEvent], first_id: int = 1) -> None:
    """Ids count up from ``first_id`` without gaps or repeats; percents never go down."""
    assert [int(e.id or 0) for e in events] == list(range(first_id, first_id + len(events)))
    percents = [e.json["progress"] for e in events if e.event == "progress"]
    assert percents == sorted(percents)


def job_lines(caplog: pytest.LogCaptureFixture) -> list[list[str]]:
    """What the flights logged of each job run, e.g. ``["started", "completed"]``, sorted.

    Also checks that each line is one line: no traceback, as the message says it all.
    """
    runs: list[list[str]] = []
    open_runs: dict[str, list[str]] = {}
    for record in caplog.records:
        if record.name == "cadstream.jobs.flights":
            message = record.getMessage()
            match = re.fullmatch(r"job (\w+) (\w+)\b[^\n]*", message)
            assert match is not None and record.exc_info is None, message
            key, word = match[1], match[2]
            if word == "started":
                assert key not in open_runs, message
                runs.append(open_runs.setdefault(key, [word]))
            else:
                open_runs.pop(key).append(word)
    return sorted(runs)
