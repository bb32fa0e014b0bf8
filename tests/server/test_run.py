"""``cadstream serve`` as a real process: what it keeps in memory after a busy spell, what it
imports, and what its access log writes of a request line of megabytes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from live_server import TABLES, VISUALIZE
from sse_reader import read_stream
from test_shutdown import free_port, ready, serving

pytestmark = [pytest.mark.asyncio]

#: The server's resident memory must stay below this, with its cache full (docs/benchmarks.md).
MAX_RSS_MB = 200


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def config(folder: Path) -> tuple[Path, str]:
    port = free_port()
    path = folder / "config.toml"
    path.write_text(f"[server]\nport = {port}\n\n[jobs]\nworkers = 2\n", encoding="utf-8")
    return path, f"http://127.0.0.1:{port}"


@pytest.mark.slow
@pytest.mark.timeout(300)
async def test_memory_stays_low_with_a_full_cache_and_a_crowd(tmp_path: Path) -> None:
    """Ten designs of every shape (the cache keeps eight), then fifty clients of one more: the
    finished designs are kept compressed, only the newest encoded views are kept, large freed
    blocks go back to the system, and SciPy (for .mat uploads) is never loaded."""
    path, url = config(tmp_path)
    presets = ["T Shape"] * 5 + ["H Shape"] * 3 + ["Star Shape"] * 2
    async with (serving(path, tmp_path / "serve.log") as process,
                aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session):
        await ready(session, url, process)

        async def stream(path: str, preset: str, weight: int, client: str) -> str:
            params = {"preset": preset, "magnafpm.WireWeight": f"{1 + weight / 100:.2f}",
                      "client": client}
            async with session.get(url + path, params=params) as response:
                _, events = await read_stream(response)
            return events[-1].event

        finals = await asyncio.gather(*(
            stream(VISUALIZE, preset, index, f"shape-{index}")
            for index, preset in enumerate(presets)))
        finals += await asyncio.gather(*(stream(view, "T Shape", 99, f"crowd-{index}")
                                         for index in range(50)
                                         for view in (VISUALIZE, TABLES)[index % 2:][:1]))
        assert finals == ["complete"] * 60
        rss = rss_mb(process.pid)
        maps = Path(f"/proc/{process.pid}/maps").read_text()
    print(f"server RSS {rss:.0f} MB")
    assert rss < MAX_RSS_MB
    assert "site-packages/scipy/" not in maps


@pytest.mark.timeout(60)
async def test_the_access_log_cuts_a_request_line_of_megabytes(tmp_path: Path) -> None:
    path, url = config(tmp_path)
    log = tmp_path / "serve.log"
    query = "client=" + "x" * 10**6
    async with (serving(path, log) as process, aiohttp.ClientSession() as session):
        await ready(session, url, process)
        async with session.get(f"{url}/api/validate?{query}") as response:
            assert response.status == 413
            assert "query string longer than" in (await response.json())["error"]
        async with asyncio.timeout(5):  # the line is written just after the answer
            while "/api/validate?" not in log.read_text(encoding="utf-8"):
                await asyncio.sleep(0.02)
    [refused] = [line for line in log.read_text(encoding="utf-8").splitlines()
                 if "/api/validate?" in line]
    assert '"GET /api/validate?client=xxx' in refused
    assert 'xxx... (1000034 characters)" 413 ' in refused and len(refused) < 1000
