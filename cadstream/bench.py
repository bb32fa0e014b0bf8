"""``python -m cadstream.bench [--json] [--runs N]``: measured speed on this machine.

Starts a real ``cadstream serve`` on loopback (its own settings, no disk cache) and talks to it
with real SSE clients; the per-stage breakdown runs the same job code in this process. Every time
is the median of ``--runs`` runs. Nothing here is asserted: it measures, and docs/benchmarks.md
records what it printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

__all__ = ["main"]

_PRESETS = ("T Shape", "H Shape", "Star Shape")
_VISUALIZE = "/api/visualize/WindTurbine/stream"
_TABLES = "/api/getdimensiontables/stream"
_FIRST_VIEW = "/api/visualize/StatorMold/stream"
_STARTUP_TIMEOUT = 60.0
_MAX_EVENT_BYTES = 256 * 2**20


@dataclass(frozen=True)
class StreamTiming:
    first_progress: float
    complete: float
    final_event: str
    #: ``time.perf_counter()`` when the final event arrived.
    ended_at: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def _server(workers: int) -> Iterator[tuple[str, int]]:
    """A real server process on loopback; yields its base URL and pid, stops it with SIGTERM."""
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "config.toml"
        config.write_text(f"[server]\nport = {port}\n[jobs]\nworkers = {workers}\n",
                          encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "cadstream", "serve", "--config", str(config)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield f"http://127.0.0.1:{port}", process.pid
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


async def _wait_ready(session: aiohttp.ClientSession, base: str) -> None:
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        with contextlib.suppress(aiohttp.ClientError):
            async with session.get(base + "/api/health") as response:
                if response.status == 200:
                    return
        await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


def _event(frame: bytes) -> tuple[str, str]:
    """``(event, data)`` of one frame (its lines, without the blank line that ends it)."""
    event, data, start = "message", [], 0
    while start < len(frame):
        end = frame.find(b"\n", start)
        end = len(frame) if end == -1 else end
        colon = frame.find(b": ", start, end)
        if colon != -1 and frame[start:colon] == b"data":
            data.append(frame[colon + 2:end].decode("utf-8"))
        elif colon != -1 and frame[start:colon] == b"event":
            event = frame[colon + 2:end].decode("utf-8")
        start = end + 1
    return event, "\n".join(data)


async def _events(response: aiohttp.ClientResponse) -> AsyncIterator[tuple[str, str]]:
    """``(event, data)`` pairs of an SSE stream as they arrive (``\n`` line ends only, as
    cadstream sends).

    Each chunk is appended to one buffer and only the new bytes are searched, for ``\n`` (a
    ``memchr``: a 2 MB ``data:`` line has none), so a 2 MB ``complete`` costs a few passes at
    memory speed. With a hundred streams sharing two cores with the server, a client that
    splits lines in Python, searches for the two-byte ``\n\n`` (a much slower scan), or grows
    its result chunk by chunk as aiohttp's ``readuntil`` does, sets the pace instead of the
    server.
    """
    buffer = bytearray()
    start = scan = 0  # where the current frame starts; how far it has been searched
    async for chunk in response.content.iter_any():
        buffer += chunk
        while (newline := buffer.find(b"\n", scan)) != -1 and newline + 1 < len(buffer):
            scan = newline + 1
            if buffer[scan] == ord("\n"):
                with memoryview(buffer) as view:  # one copy, not two
                    event, data = _event(bytes(view[start:newline]))
                start = scan = newline + 2
                if data or event != "message":  # a comment (": ping") alone is no event
                    yield event, data
        del buffer[:start]  # cheap: a bytearray drops its head without moving the rest
        scan -= start
        start = 0
        if len(buffer) > _MAX_EVENT_BYTES:
            raise RuntimeError("an event is larger than the benchmark accepts")


async def _stream(session: aiohttp.ClientSession, url: str,
                  params: dict[str, str]) -> StreamTiming:
    started = time.perf_counter()
    first = float("nan")
    async with session.get(url, params=params) as response:
        async for event, _ in _events(response):
            if event == "progress" and first != first:
                first = time.perf_counter() - started
            elif event != "progress":
                ended = time.perf_counter()
                return StreamTiming(first, ended - started, event, ended)
    raise RuntimeError("the stream ended without a final event")


async def _health(session: aiohttp.ClientSession, base: str) -> dict[str, Any]:
    async with session.get(base + "/api/health") as response:
        body: dict[str, Any] = await response.json()
        return body


class _Fresh:
    """Parameter sets that change the cache key but not the geometry (the copper weight is only
    listed in the bill of materials), so every run of a preset is a cold design."""

    def __init__(self) -> None:
        self._count = 0

    def __call__(self, preset: str, client: str) -> dict[str, str]:
        self._count += 1
        return {"preset": preset, "magnafpm.WireWeight": f"{1 + self._count / 100:.2f}",
                "client": client}


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _cold(session: aiohttp.ClientSession, base: str, fresh: _Fresh,
                runs: int) -> tuple[dict[str, float], float, list[dict[str, str]]]:
    """Cold designs per preset: median times, the median first progress, and the parameters of
    the Star designs (now cached)."""
    cold: dict[str, float] = {}
    firsts: list[float] = []
    stars: list[dict[str, str]] = []
    for preset in _PRESETS:
        times = []
        for _ in range(runs):
            params = fresh(preset, "bench-cold")
            timing = await _stream(session, base + _VISUALIZE, params)
            times.append(timing.complete)
            firsts.append(timing.first_progress)
            if preset == "Star Shape":
                stars.append(params)
        cold[preset] = statistics.median(times)
    return cold, statistics.median(firsts), stars


async def _cached(session: aiohttp.ClientSession, base: str, runs: int) -> float:
    params = {"preset": "T Shape", "client": "bench-cached"}
    await _stream(session, base + _VISUALIZE, params)
    times = [(await _stream(session, base + _VISUALIZE, params)).complete
             for _ in range(max(runs, 5))]
    return statistics.median(times)


async def _cached_first_view(session: aiohttp.ClientSession, base: str,
                             designs: list[dict[str, str]]) -> float:
    """A cached design's view that no client has asked for yet, the largest there is (a Star
    stator mould's 3.5 MB OBJ): decompressed from the cache and encoded for this request."""
    times = [(await _stream(session, base + _FIRST_VIEW, {**params, "client": "bench-view"}))
             .complete for params in designs]
    return statistics.median(times)


async def _concurrent(session: aiohttp.ClientSession, base: str, fresh: _Fresh,
                      clients: int) -> dict[str, float]:
    """``clients`` identical turbine streams, timed from the job's first ``complete`` to the
    last. One more stream, of the same design's dimension tables, takes part: its few-kB
    ``complete`` arrives at the job's end even when every turbine stream is still being
    written, so the job's end is not taken for later than it was."""
    before = (await _health(session, base))["jobs_started"]
    params = fresh("T Shape", "")
    started = time.perf_counter()
    marker, *timings = await asyncio.gather(
        _stream(session, base + _TABLES, {**params, "client": f"bench-{clients}-end"}),
        *(_stream(session, base + _VISUALIZE, {**params, "client": f"bench-{clients}-{i}"})
          for i in range(clients)))
    after = (await _health(session, base))["jobs_started"]
    ends = [t.ended_at for t in timings]
    return {"clients": clients, "jobs": after - before,
            "last_complete_ms": (max(ends) - min(*ends, marker.ended_at)) * 1000,
            "total_s": time.perf_counter() - started,
            "completed": sum(t.final_event == "complete" for t in timings)}


async def _different(session: aiohttp.ClientSession, base: str, fresh: _Fresh) -> float:
    started = time.perf_counter()
    await asyncio.gather(*(
        _stream(session, base + _VISUALIZE, fresh(preset, f"bench-diff-{i}"))
        for i, preset in enumerate(("T Shape", "H Shape", "Star Shape", "T Shape 2F"))))
    return time.perf_counter() - started


async def _cancel_latency(session: aiohttp.ClientSession, base: str, fresh: _Fresh) -> float:
    """From a client's parameter change to its old job's worker being idle again."""
    old = fresh("Star Shape", "bench-cancel")
    async with session.get(base + _VISUALIZE, params=old) as response:
        async for event, data in _events(response):
            if event == "progress" and json.loads(data)["progress"] >= 5:
                break
        busy_before = (await _health(session, base))["workers_busy"]
        changed = time.perf_counter()
        new = asyncio.ensure_future(_stream(session, base + _VISUALIZE,
                                            fresh("T Shape", "bench-cancel")))
        while (await _health(session, base))["jobs_cancelled"] == 0 or (
                await _health(session, base))["workers_busy"] >= busy_before + 1:
            await asyncio.sleep(0.005)
        latency = time.perf_counter() - changed
        await new
    return latency


def _stages(runs: int) -> dict[str, dict[str, float]]:
    """Per-stage seconds of the job code itself, in this process (medians)."""
    from cadstream.build import TerminalSteps
    from cadstream.params.presets import preset
    from cadstream.pipeline import build_design

    class Quiet(TerminalSteps):
        def progress(self, percent: int, message: str) -> None:
            """Silent: the benchmark prints its own table."""

    result = {}
    for name in _PRESETS:
        samples = [build_design(preset(name).parameters, "bench", Quiet()).timings
                   for _ in range(runs)]
        result[name] = {stage: statistics.median(s[stage] for s in samples)
                        for stage in samples[0]}
    return result


async def _measure(runs: int, workers: int) -> dict[str, Any]:
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=600)
    with _server(workers) as (base, pid):
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            await _wait_ready(session, base)
            fresh = _Fresh()
            await _stream(session, base + _VISUALIZE, fresh("T Shape", "bench-warm"))
            cold, first, stars = await _cold(session, base, fresh, runs)
            cached = await _cached(session, base, runs)
            first_view = await _cached_first_view(session, base, stars)
            concurrent = [await _concurrent(session, base, fresh, n) for n in (1, 10, 100)]
            different = await _different(session, base, fresh)
            cancel = statistics.median([await _cancel_latency(session, base, fresh)
                                        for _ in range(runs)])
            health = await _health(session, base)
            workers_rss = [_rss_mb(p) for p in health["worker_pids"]]
            server_rss = _rss_mb(pid)
    return {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "runs": runs,
        "cold_design_s": cold,
        "first_progress_ms": first * 1000,
        "cached_complete_ms": cached * 1000,
        "cached_first_view_ms": first_view * 1000,
        "concurrent_identical": concurrent[-1],
        "concurrent_runs": concurrent,
        "four_different_designs_s": different,
        "cancel_latency_ms": cancel * 1000,
        "server_rss_mb": server_rss,
        "worker_rss_mb": max(workers_rss),
        "stages_s": _stages(runs),
    }


def _table(result: dict[str, Any]) -> str:
    lines = [f"cadstream benchmark — {result['machine']['cpus']} cores, Python "
             f"{result['machine']['python']}, medians of {result['runs']} runs", ""]
    for name, seconds in result["cold_design_s"].items():
        lines.append(f"  cold design {name:<12} {seconds:8.3f} s")
        stages = result["stages_s"][name]
        lines.extend(f"      {stage:<32} {s * 1000:8.1f} ms" for stage, s in stages.items())
    lines += [
        f"  first progress             {result['first_progress_ms']:8.1f} ms",
        f"  cached complete            {result['cached_complete_ms']:8.1f} ms",
        f"  cached, first view         {result['cached_first_view_ms']:8.1f} ms",
    ]
    for run in result["concurrent_runs"]:
        lines.append(f"  {run['clients']:>3} identical clients       jobs {run['jobs']}, last "
                     f"complete {run['last_complete_ms']:.1f} ms after the job's first")
    lines += [
        f"  4 different designs        {result['four_different_designs_s']:8.3f} s",
        f"  cancellation latency       {result['cancel_latency_ms']:8.1f} ms",
        f"  server RSS                 {result['server_rss_mb']:8.1f} MB",
        f"  worker RSS (largest)       {result['worker_rss_mb']:8.1f} MB",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cadstream.bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    args = parser.parse_args(argv)
    result = asyncio.run(_measure(args.runs, args.workers))
    print(json.dumps(result, indent=1) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
