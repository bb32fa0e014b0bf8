"""A killed server leaves no pool process behind: its workers, the Manager and the forkserver
all end within seconds of a SIGKILL that gives the server no chance to stop them."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: A process that owns a started pool, prints "ready", and waits to be killed.
OWNER = """
import asyncio
from cadstream.jobs.pool import WorkerPool

async def main():
    async with WorkerPool(2):
        print("ready", flush=True)
        await asyncio.sleep(600)

asyncio.run(main())
"""


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, read from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        for child in children.get(frontier.pop(), []):
            found.add(child)
            frontier.append(child)
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.timeout(120)
def test_pool_processes_end_when_their_owner_is_killed() -> None:
    with subprocess.Popen([sys.executable, "-c", OWNER], stdout=subprocess.PIPE,
                          text=True) as owner:
        try:
            assert owner.stdout is not None and owner.stdout.readline().strip() == "ready"
            # The forkserver, the Manager and two workers.
            pool = descendants(owner.pid)
            assert len(pool) >= 4, pool
        finally:
            owner.send_signal(signal.SIGKILL)
            owner.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in pool) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pool if running(pid)]


@pytest.mark.timeout(30)
def test_exit_with_a_process_already_gone_exits_at_once() -> None:
    """Started after its owner ended (a pid no longer in use), the watcher ends the process."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    code = subprocess.run([sys.executable, "-c", f"""
import time
from cadstream.jobs.lifeline import exit_with
exit_with({gone.pid})
time.sleep(20)
"""], timeout=25).returncode
    assert code == 1
