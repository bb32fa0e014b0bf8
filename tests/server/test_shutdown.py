"""Things that stop: a worker killed mid-job, a server restarted over its disk cache, and
``cadstream serve`` stopped by SIGTERM with streams open.

Each test starts servers of its own (real workers, real CadQuery), because what it checks is how
they stop and start.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from app_servers import TEST_JOBS, running_server
from live_server import (
    CANCELLED_FRAME,
    CNC,
    TABLES,
    VISUALIZE,
    design,
    final_event,
    health,
    idle,
    job_lines,
    open_stream,
    wait_for,
)
from sse_reader import EventReader, SseEvent, read_stream

from cadstream.config import CacheSettings, Settings

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

STEP = 0.05
CACHED = ('id: 1\nevent: progress\ndata: {"progress":100,"message":"Using cached result"}\n\n'
          "id: 2\nevent: complete\ndata: ")


def gone(pid: int) -> bool:
    """The process has exited (a zombie waiting for its parent to reap it counts as exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[0] == "Z"


async def test_a_worker_killed_mid_job_fails_its_streams_and_the_pool_recovers(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cadstream.jobs.flights")
    settings = Settings(jobs=replace(TEST_JOBS, workers=1, step_delay=STEP))
    async with running_server(settings) as client:
        before = await health(client)
        [worker] = before["worker_pids"]
        streams = [await open_stream(client, VISUALIZE, design(120, f"ivan{i}"))
                   for i in range(2)]
        for _, reader in streams:
            await reader.next()
        os.kill(worker, signal.SIGKILL)
        for _, reader in streams:
            error = await final_event(reader)
            assert error.event == "error"
            assert error.json == {"error": "the worker running job build_design died (killed by "
                                           "SIGKILL); the worker pool was restarted"}
        after, _ = await wait_for(client, idle, within=10.0)
        assert after["worker_restarts"] == before["worker_restarts"] + 1
        assert after["jobs_failed"] == before["jobs_failed"] + 1
        assert len(after["worker_pids"]) == 1 and worker not in after["worker_pids"]
        # The error was not kept: the same request runs a new job on the new worker.
        _, events = await read_stream(await client.get(VISUALIZE, params=design(120, "ivan0")))
        assert events[-1].event == "complete"
        assert (await health(client))["jobs_started"] == before["jobs_started"] + 2
    assert job_lines(caplog) == [["started", "completed"], ["started", "failed"]]


async def test_a_restart_serves_known_designs_from_disk_and_rebuilds_damaged_ones(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """(Each kind of damage is covered by the cache's own tests; here, the server's path.)"""
    settings = Settings(jobs=replace(TEST_JOBS, workers=1),
                        cache=CacheSettings(directory=str(tmp_path)))
    results: dict[int, SseEvent] = {}
    files: dict[int, Path] = {}
    async with running_server(settings) as first:
        for offset in (121, 122):
            known = set(tmp_path.iterdir())
            _, events = await read_stream(await first.get(TABLES, params=design(offset, "jo")))
            results[offset] = events[-1]
            [files[offset]] = set(tmp_path.iterdir()) - known
    garbled = bytearray(files[122].read_bytes())
    garbled[-100:] = bytes(byte ^ 0x55 for byte in garbled[-100:])
    files[122].write_bytes(garbled)  # the same length, wrong bytes: as a bad disk would

    async with running_server(settings) as second:
        assert (await health(second))["jobs_started"] == 0
        text, events = await read_stream(await second.get(TABLES, params=design(121, "jo")))
        assert text.startswith(CACHED)
        assert events[-1].data == results[121].data
        body = await health(second)
        assert (body["jobs_started"], body["cache_hits"]) == (0, 1)
        # The damaged entry is never served: a new job runs and writes a sound entry.
        _, events = await read_stream(await second.get(TABLES, params=design(122, "jo")))
        assert events[0].json["message"] != "Using cached result"
        assert events[-1].data == results[122].data
        body = await health(second)
        assert (body["jobs_started"], body["jobs_completed"], body["jobs_failed"]) == (1, 1, 0)
    assert files[122].read_bytes() not in (b"", bytes(garbled))
    damaged = [r for r in caplog.records if r.getMessage().startswith("deleting damaged")]
    assert len(damaged) == 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serving(config: Path, log: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m cadstream serve --config CONFIG`` as a real process, killed if a test fails."""
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "cadstream", "serve", "--config", str(config),
            stdout=output, stderr=subprocess.STDOUT, cwd=config.parent)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def ready(session: aiohttp.ClientSession, url: str,
                process: asyncio.subprocess.Process) -> dict[str, Any]:
    """Poll the health endpoint until the server answers (its workers have started)."""
    async with asyncio.timeout(30):
        while True:
            assert process.returncode is None, "the server exited while starting"
            try:
                async with session.get(url + "/api/health") as response:
                    if response.status == 200:
                        return await response.json()  # type: ignore[no-any-return]
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)


async def test_serve_stops_within_a_second_of_sigterm_with_streams_open(tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "config.toml"
    config.write_text(f"[server]\nport = {port}\n\n[jobs]\nworkers = 2\nstep_delay = {STEP}\n",
                      encoding="utf-8")
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    async with serving(config, log) as process, aiohttp.ClientSession() as session:
        started = await ready(session, url, process)
        queries = [(VISUALIZE, design(130, "kim")), (TABLES, design(130, "lee")),
                   (CNC, design(131, "max"))]
        responses = [await session.get(url + path, params=query) for path, query in queries]
        readers = [EventReader(response) for response in responses]
        for reader in readers:
            await reader.next()
        async with session.get(url + "/api/health") as response:
            assert (await response.json())["workers_busy"] == 2

        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(1.0):
            for reader in readers:
                cancelled = await final_event(reader)
                assert reader.frames[-1] == CANCELLED_FRAME.format(id=cancelled.id)
            assert await process.wait() == 0
        stopped = time.monotonic() - signalled
        for response in responses:
            response.close()
    assert stopped < 1.0
    assert [pid for pid in started["worker_pids"] if not gone(pid)] == []
    text = log.read_text(encoding="utf-8")
    assert text.count("cadstream.jobs.flights: job ") == 4  # two started, two cancelled
    assert '"GET /api/health HTTP/1.1" 200' in text  # the access log: a line per request
