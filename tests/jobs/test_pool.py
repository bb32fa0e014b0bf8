"""WorkerPool on real forkserver workers, driven by the tiny jobs of ``fake_jobs``.

Each test gets its own pool of two workers and checks on the way out that no process outlived it.
Jobs that must be caught mid-way report their worker's pid first, so a test can wait for that
instead of sleeping.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import time
from collections.abc import AsyncIterator, Iterable

import fake_jobs  # tests/jobs is on sys.path: see fake_jobs' docstring
import pytest

from cadstream.jobs.pool import (
    JobCancelled,
    JobFailed,
    JobTimedOut,
    WorkerCrashed,
    WorkerPool,
)

pytestmark = pytest.mark.timeout(20)

#: Short, so the test of a job that ignores its cancellation stays fast.
GRACE = 0.5


class Reports:
    """A ``report`` callback that records every report and can wait for the first one."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str]] = []
        self._first = asyncio.Event()

    def __call__(self, percent: int, message: str) -> None:
        self.items.append((percent, message))
        self._first.set()

    async def first_pid(self) -> int:
        """The pid that a ``cooperative`` or ``stubborn`` job reports before anything else."""
        await self._first.wait()
        return int(self.items[0][1])


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def assert_gone(pids: Iterable[int]) -> None:
    """Every pid has exited and been reaped within a second."""
    deadline = time.monotonic() + 1.0
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert [pid for pid in pids if alive(pid)] == []


@pytest.fixture
async def pool() -> AsyncIterator[WorkerPool]:
    async with WorkerPool(2, initializer=fake_jobs.initialize, grace=GRACE) as pool:
        assert len(pool.worker_pids) == 2
        yield pool
        pids = pool.worker_pids
    assert multiprocessing.active_children() == []
    await assert_gone(pids)


async def test_progress_arrives_in_order_and_the_result_comes_back(pool: WorkerPool) -> None:
    reports = Reports()
    result = await pool.run(fake_jobs.steps, 4, 0.01, report=reports)
    assert result == "done"
    assert reports.items == [(25, "step 1"), (50, "step 2"), (75, "step 3"), (100, "step 4")]
    assert pool.running == 0


async def test_the_initializer_ran_in_every_worker_before_any_job(pool: WorkerPool) -> None:
    results = await asyncio.gather(*(pool.run(fake_jobs.initialized) for _ in range(4)))
    assert results == [True] * 4


async def test_an_exception_in_the_job_becomes_job_failed_and_the_pool_goes_on(
    pool: WorkerPool, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(JobFailed) as failed:
        await pool.run(fake_jobs.fail, "rotor disk too small: 42 mm")
    assert str(failed.value) == "rotor disk too small: 42 mm"
    assert failed.value.exception_type == "ValueError"
    # The traceback is in the server's log, not in the error a client would see.
    assert "Traceback" in caplog.text and "raise ValueError(message)" in caplog.text
    assert await pool.run(fake_jobs.steps, 1, 0.0) == "done"
    assert pool.restarts == 0


async def test_a_cancelled_job_stops_within_a_second_and_its_worker_is_free_again(
    pool: WorkerPool,
) -> None:
    workers = pool.worker_pids
    cancelled = asyncio.Event()
    reports = Reports()
    job = asyncio.create_task(pool.run(fake_jobs.cooperative, report=reports, cancelled=cancelled))
    worker = await reports.first_pid()
    began = time.monotonic()
    cancelled.set()
    with pytest.raises(JobCancelled, match="was cancelled"):
        await job
    assert time.monotonic() - began < 1.0
    assert reports.items[-1] == (0, "saw the Event")  # the worker itself stopped, not a kill
    # No restart: the same workers, and both take a job at once.
    began = time.monotonic()
    pids = await asyncio.gather(*(pool.run(fake_jobs.stubborn, 0.2) for _ in range(2)))
    assert time.monotonic() - began < 1.0
    assert worker in pids and set(pids) == set(workers) == set(pool.worker_pids)
    assert pool.restarts == 0


async def test_a_job_that_ignores_its_cancellation_is_killed_after_the_grace(
    pool: WorkerPool,
) -> None:
    old_workers = pool.worker_pids
    cancelled = asyncio.Event()
    reports = Reports()
    job = asyncio.create_task(
        pool.run(fake_jobs.stubborn, 30.0, report=reports, cancelled=cancelled)
    )
    await reports.first_pid()
    began = time.monotonic()
    cancelled.set()
    with pytest.raises(JobCancelled, match=r"did not stop within 0\.5 s"):
        await job
    assert GRACE <= time.monotonic() - began < GRACE + 2.0
    assert pool.restarts == 1
    await assert_gone(old_workers)
    assert set(pool.worker_pids).isdisjoint(old_workers)
    assert await pool.run(fake_jobs.steps, 2, 0.0) == "done"


async def test_a_killed_worker_fails_its_job_and_the_other_job_is_resubmitted(
    pool: WorkerPool,
) -> None:
    victim_reports, bystander_reports = Reports(), Reports()
    victim = asyncio.create_task(pool.run(fake_jobs.stubborn, 30.0, report=victim_reports))
    bystander = asyncio.create_task(pool.run(fake_jobs.stubborn, 1.0, report=bystander_reports))
    victim_pid = await victim_reports.first_pid()
    bystander_pid = await bystander_reports.first_pid()
    assert victim_pid != bystander_pid  # one job per worker
    os.kill(victim_pid, signal.SIGKILL)
    with pytest.raises(WorkerCrashed, match="killed by SIGKILL"):
        await victim
    # The bystander ran again from the start on a new worker; its caller saw only a delay.
    assert await bystander in pool.worker_pids
    assert pool.restarts == 1
    await assert_gone([victim_pid, bystander_pid])
    assert await pool.run(fake_jobs.steps, 2, 0.0) == "done"


async def test_an_idle_worker_that_died_is_replaced_by_the_next_job(pool: WorkerPool) -> None:
    dead = pool.worker_pids[0]
    os.kill(dead, signal.SIGKILL)
    await assert_gone([dead])
    assert await pool.run(fake_jobs.steps, 2, 0.0) == "done"
    assert pool.restarts == 1 and dead not in pool.worker_pids


async def test_a_job_past_its_timeout_is_killed(pool: WorkerPool) -> None:
    began = time.monotonic()
    with pytest.raises(JobTimedOut, match=r"longer than its 0\.3 s timeout"):
        await pool.run(fake_jobs.stubborn, 30.0, timeout=0.3)
    assert 0.3 <= time.monotonic() - began < 2.0
    assert pool.restarts == 1
    assert await pool.run(fake_jobs.steps, 2, 0.0, timeout=5.0) == "done"


async def test_cancelling_the_run_coroutine_stops_the_job(pool: WorkerPool) -> None:
    reports = Reports()
    job = asyncio.create_task(pool.run(fake_jobs.cooperative, report=reports))
    await reports.first_pid()
    job.cancel()
    with pytest.raises(asyncio.CancelledError):
        await job
    deadline = time.monotonic() + 1.0
    while pool.running and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert pool.running == 0
    assert reports.items[-1] == (0, "saw the Event")
    assert pool.restarts == 0


async def test_jobs_beyond_the_workers_wait_for_one_and_their_timeout_starts_then(
    pool: WorkerPool,
) -> None:
    # Counted from the call, the last two jobs' 1.2 s would exceed their 1 s timeout.
    jobs = [pool.run(fake_jobs.stubborn, 0.6, timeout=1.0) for _ in range(4)]
    pids = await asyncio.gather(*jobs)
    assert set(pids) == set(pool.worker_pids)
    assert pool.restarts == 0


async def test_leaving_the_pool_with_a_running_job_takes_under_a_second() -> None:
    reports = Reports()
    async with WorkerPool(2) as pool:
        workers = pool.worker_pids
        job = asyncio.create_task(pool.run(fake_jobs.stubborn, 30.0, report=reports))
        await reports.first_pid()
        began = time.monotonic()
    assert time.monotonic() - began < 1.0
    with pytest.raises(JobCancelled, match="the worker pool shut down"):
        await job
    assert multiprocessing.active_children() == []
    await assert_gone(workers)
    with pytest.raises(RuntimeError, match="not running"):
        await pool.run(fake_jobs.steps, 1, 0.0)


async def test_workers_that_cannot_start_fail_the_start_and_leave_nothing_behind() -> None:
    with pytest.raises(WorkerCrashed, match="a worker failed to start"):
        async with WorkerPool(2, initializer=fake_jobs.broken_initializer):
            pass
    assert multiprocessing.active_children() == []


async def test_leaving_while_the_workers_start_takes_under_a_second() -> None:
    """SIGTERM while the server starts: the start is abandoned, its workers killed at once."""
    entering = asyncio.create_task(
        WorkerPool(2, initializer=fake_jobs.slow_initializer).__aenter__()
    )
    deadline = time.monotonic() + 10
    while len(multiprocessing.active_children()) < 3 and time.monotonic() < deadline:
        await asyncio.sleep(0.02)  # the Manager and both workers are up, in their initializer
    children = [child.pid for child in multiprocessing.active_children()]
    assert len(children) == 3
    began = time.monotonic()
    entering.cancel()
    with pytest.raises(asyncio.CancelledError):
        await entering
    assert time.monotonic() - began < 1.0
    assert multiprocessing.active_children() == []
    await assert_gone([pid for pid in children if pid is not None])


def test_the_constructor_says_what_is_allowed() -> None:
    with pytest.raises(ValueError, match="max_workers must be at least 1, got 0"):
        WorkerPool(0)
    with pytest.raises(ValueError, match="grace must be at least 0 seconds, got -1"):
        WorkerPool(1, grace=-1)
