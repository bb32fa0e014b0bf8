"""A job that fails: its clients get a message they can act on, never the server's internals.

The design job is replaced by the failing jobs of ``tests/jobs/fake_jobs.py``, run in real
workers, so the failure takes the real path: worker, pool, flight, stream or download.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_servers import running_server
from live_server import TABLES, design
from sse_reader import read_stream

from cadstream.params.query import groups_from_query
from cadstream.server import designs
from cadstream.server.designs import BUILD_FAILED, DesignRequest
from cadstream.validation import validate

sys.path.append(str(Path(__file__).resolve().parents[1] / "jobs"))
import fake_jobs  # workers import it by name too: see its docstring

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(120)]

INTERNAL_PATH = "/srv/cadstream/internal/no-such-template.step"


async def test_an_unexpected_failure_is_a_generic_message_and_a_logged_traceback(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(designs, "build_design", fake_jobs.broken_design)
    async with running_server() as client:
        text, events = await read_stream(await client.get(TABLES, params=design(140, "ann")))
        assert [e.event for e in events] == ["progress", "error"]
        assert events[-1].json == {"error": BUILD_FAILED}
        response = await client.get("/api/download/design.xlsx", params=design(140, "ann"))
        assert response.status == 503
        assert await response.json() == {"error": BUILD_FAILED}
        assert INTERNAL_PATH not in text
    logged = [r.getMessage() for r in caplog.records if INTERNAL_PATH in r.getMessage()]
    assert any("Traceback" in message and "FileNotFoundError" in message for message in logged)
    query = design(140, "ann")
    key = DesignRequest.of(validate(groups_from_query(list(query.items()),
                                                      ignore={"client"}))).key
    assert any(message.startswith(f"design {key} failed: FileNotFoundError")
               for message in logged)


async def test_a_design_error_reaches_clients_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The design code's own errors say what to change: they are not hidden."""
    monkeypatch.setattr(designs, "build_design", fake_jobs.underivable_design)
    async with running_server() as client:
        _, events = await read_stream(await client.get(TABLES, params=design(141, "bea")))
    assert events[-1].event == "error"
    assert events[-1].json == {"error": "the Tail sheet cannot be computed (math domain error)"}
