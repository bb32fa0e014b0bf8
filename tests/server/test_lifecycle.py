"""What happens to jobs and streams over time, on real workers building real CadQuery designs.

A client that changes its parameters mid-job, a client that leaves, a client that reconnects with
``Last-Event-ID``; the cadence of progress; and what streams leave behind (tasks, subscribers, log
lines). A job takes about a second, so the module's ``slow`` server pauses ``STEP`` seconds
between build steps (the documented test setting ``jobs.step_delay``) to catch jobs mid-way.
Every test asks for designs of its own (``furling.Offset``) and waits for an idle server first,
so that none finds another's design in the cache or its job in the counters.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import time
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient
from app_servers import running_server, with_jobs
from live_server import (
    CANCELLED_FRAME,
    CNC,
    TABLES,
    VISUALIZE,
    assert_in_order,
    design,
    final_event,
    health,
    idle,
    job_lines,
    open_stream,
    wait_for,
    wait_idle,
)
from sse_reader import SseEvent

from cadstream.server.designs import WAITING_FOR_A_WORKER

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(60)]

#: Pause between build steps on the ``slow`` server: a job then takes a few seconds.
STEP = 0.05
#: Longer than the test default, so that "not before the grace" is measurable.
IDLE_GRACE = 1.0


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def slow() -> AsyncIterator[TestClient]:
    async with running_server(with_jobs(step_delay=STEP, idle_grace=IDLE_GRACE)) as server:
        yield server


def tasks_left() -> list[asyncio.Task[Any]]:
    """The loop's tasks, except this test's own and aiohttp's one per idle kept-alive connection
    (a request still being handled has a task of its own, so a stuck stream shows up here)."""
    return [task for task in asyncio.all_tasks()
            if task is not asyncio.current_task()
            and task.get_coro().__qualname__ != "RequestHandler.start"]  # type: ignore[union-attr]


async def assert_no_tasks_left(before: list[asyncio.Task[Any]]) -> None:
    """Every task started since ``before`` ends within 2 s (server and pool included)."""
    deadline = time.monotonic() + 2.0
    while (new := set(tasks_left()) - set(before)) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert not new, [task.get_coro() for task in new]


async def test_a_client_changing_parameters_cancels_its_old_job_only(
        slow: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cadstream.jobs.flights")
    before = await wait_idle(slow)
    alice_old_response, alice_old = await open_stream(slow, VISUALIZE, design(101, "alice"))
    _, bob = await open_stream(slow, VISUALIZE, design(102, "bob"))
    await alice_old.next()
    await bob.next()
    busy, _ = await wait_for(slow, lambda h: h["workers_busy"] == 2, within=5.0)

    _, alice_new = await open_stream(slow, VISUALIZE, design(103, "alice"))
    cancelled = await final_event(alice_old)
    assert cancelled.event == "cancelled"
    assert alice_old.frames[-1] == CANCELLED_FRAME.format(id=cancelled.id)
    # The worker saw the Event and stopped by itself within a second: not killed after the
    # cancel grace (2 s here), so the pool kept its workers.
    stopped, _ = await wait_for(slow, lambda h: h["jobs_stopping"] == 0, within=1.0)
    assert stopped["jobs_cancelled"] == before["jobs_cancelled"] + 1
    assert stopped["worker_restarts"] == before["worker_restarts"]
    assert stopped["worker_pids"] == busy["worker_pids"] == before["worker_pids"]

    new_events = await alice_new.rest()
    bob_events = await bob.rest()
    assert new_events[-1].event == "complete"
    assert_in_order(new_events)
    assert bob_events[-1].event == "complete"
    assert [e.event for e in bob_events[:-1]] == ["progress"] * (len(bob_events) - 1)
    assert_in_order(bob_events, first_id=2)
    after = await wait_idle(slow)
    assert after["jobs_started"] == before["jobs_started"] + 3
    assert after["jobs_completed"] == before["jobs_completed"] + 2
    assert after["jobs_cancelled"] == before["jobs_cancelled"] + 1
    assert after["jobs_failed"] == before["jobs_failed"]
    assert after["worker_restarts"] == before["worker_restarts"]
    assert job_lines(caplog) == [["started", "cancelled"], ["started", "completed"],
                                 ["started", "completed"]]
    alice_old_response.close()


async def test_switching_back_to_a_cached_design_cancels_the_old_job(slow: TestClient) -> None:
    await wait_idle(slow)
    _, first = await open_stream(slow, TABLES, design(104, "carol"))
    assert (await final_event(first)).event == "complete"
    before = await wait_idle(slow)
    _, changed = await open_stream(slow, TABLES, design(105, "carol"))
    await changed.next()
    # Back to the first design (an "undo"): it comes from the cache, and the work on the
    # design carol left is cancelled as if she had asked for a new one.
    _, back = await open_stream(slow, TABLES, design(104, "carol"))
    assert [e.event for e in await back.rest()] == ["progress", "complete"]
    cancelled = await final_event(changed)
    assert changed.frames[-1] == CANCELLED_FRAME.format(id=cancelled.id)
    after, _ = await wait_for(slow, lambda h: h["jobs_stopping"] == 0 and idle(h), within=1.0)
    assert after["jobs_cancelled"] == before["jobs_cancelled"] + 1
    assert after["cache_hits"] == before["cache_hits"] + 1
    assert after["worker_restarts"] == before["worker_restarts"]


async def test_the_last_client_leaving_cancels_the_job_after_the_idle_grace(
        slow: TestClient) -> None:
    before = await wait_idle(slow)
    tasks_before = tasks_left()
    response, reader = await open_stream(slow, CNC, design(106, "dave"))
    await reader.next()
    response.close()
    cancelled, took = await wait_for(
        slow, lambda h: h["jobs_cancelled"] > before["jobs_cancelled"], within=IDLE_GRACE + 1.0)
    # Measured from after the close, so ``took`` can only overstate the wait: not before.
    assert took >= IDLE_GRACE, f"cancelled {took:.2f} s after the client left"
    assert cancelled["jobs_cancelled"] == before["jobs_cancelled"] + 1
    # Nothing is left behind: no subscriber, no flight, no busy worker, no task.
    after, _ = await wait_for(slow, idle, within=1.0)
    assert after["jobs_started"] == before["jobs_started"] + 1
    assert after["jobs_completed"] == before["jobs_completed"]
    assert after["worker_restarts"] == before["worker_restarts"]
    await assert_no_tasks_left(tasks_before)


async def test_reconnecting_with_last_event_id_resumes_without_duplicates(
        slow: TestClient) -> None:
    before = await wait_idle(slow)
    params = design(107, "erin")
    response, first = await open_stream(slow, VISUALIZE, params)
    seen = [await first.next() for _ in range(3)]
    assert_in_order(seen)
    response.close()

    _, again = await open_stream(slow, VISUALIZE, params, headers={"Last-Event-ID": "3"})
    rest = await again.rest()
    assert_in_order(rest, first_id=4)
    assert rest[-1].event == "complete"
    assert (await health(slow))["jobs_started"] == before["jobs_started"] + 1

    # After the end, the reconnecting client gets the one event it missed: the result.
    _, late = await open_stream(slow, VISUALIZE, params,
                                headers={"Last-Event-ID": rest[-2].id or ""})
    assert [(e.event, e.data) for e in await late.rest()] == [("complete", rest[-1].data)]
    after = await wait_idle(slow)
    assert after["jobs_started"] == before["jobs_started"] + 1
    assert after["cache_hits"] == before["cache_hits"] + 1


async def test_progress_arrives_at_least_every_two_seconds(slow: TestClient) -> None:
    """Also on a stream whose job waits for a worker (seconds, behind two others)."""
    await wait_idle(slow)
    opened, readers = [], []
    for offset, who in ((108, "frank"), (111, "fred")):
        opened.append(time.monotonic())
        readers.append((await open_stream(slow, CNC, design(offset, who)))[1])
        await readers[-1].next()
    await wait_for(slow, lambda h: h["workers_busy"] == 2, within=5.0)
    opened.append(time.monotonic())
    readers.append((await open_stream(slow, CNC, design(112, "fay")))[1])
    streams = await asyncio.gather(*(reader.rest() for reader in readers))
    for began, reader, events in zip(opened, readers, streams, strict=True):
        assert events[-1].event == "complete"
        times = [began, *reader.arrivals]
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert max(gaps) <= 2.0, gaps
        assert len(times) <= 10 * (times[-1] - began) + 2
    waiting = [e for e in streams[2] if e.event == "progress"
               and e.json == {"progress": 0, "message": WAITING_FOR_A_WORKER}]
    assert len(waiting) >= 2  # said at once, then repeated while the others ran
    assert streams[2][0] == waiting[0]


async def test_progress_arrives_at_most_ten_times_a_second(
        client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    """At full speed (no step delay) the job reports faster than that: the flight throttles."""
    caplog.set_level(logging.INFO, logger="cadstream.jobs.flights")
    await wait_idle(client)
    _, reader = await open_stream(client, VISUALIZE, design(109, "gina"))
    events = await reader.rest()
    assert events[-1].event == "complete"
    # The job's duration as the server measured it: arrival times on this side may bunch up.
    [duration] = [float(match[1]) for record in caplog.records
                  if (match := re.fullmatch(r"job \w+ completed in ([\d.]+) s",
                                            record.getMessage()))]
    progress = [e for e in events if e.event == "progress"]
    # The first at once, then one per 0.1 s, and the newest flushed before the final event.
    assert len(progress) <= 10 * duration + 2, (len(progress), duration)


async def test_streams_leave_no_tasks_behind(client: TestClient,
                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cadstream.jobs.flights")
    before = await wait_idle(client)
    tasks_before = tasks_left()
    params = [design(110, f"henry{i}") for i in range(4)]

    async def whole(path: str, query: dict[str, str]) -> list[SseEvent]:
        return await (await open_stream(client, path, query))[1].rest()

    async def leave_early(query: dict[str, str]) -> None:
        response, reader = await open_stream(client, TABLES, query)
        await reader.next()
        response.close()

    results = await asyncio.gather(whole(VISUALIZE, params[0]), whole(CNC, params[1]),
                                   whole(TABLES, params[2]), leave_early(params[3]),
                                   whole(TABLES, {"magnafpm.RotorDiskRadius": "0.2"}))
    assert [events[-1].event for events in results[:3]] == ["complete"] * 3
    assert [e.event for e in results[4]] == ["error"]
    assert [e.event for e in await whole(CNC, params[0])] == ["progress", "complete"]
    await assert_no_tasks_left(tasks_before)
    after = await wait_idle(client)
    assert after["jobs_started"] == before["jobs_started"] + 1
    assert job_lines(caplog) == [["started", "completed"]]
    assert Counter(r.levelname for r in caplog.records if r.name.startswith("cadstream")) == {
        "INFO": 2}
