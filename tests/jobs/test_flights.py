"""Flights: singleflight with broadcast, driven by tiny fake jobs in milliseconds.

Every test is bounded by a deadline, and the ``make_flights`` fixture checks afterwards that no
task and no subscriber was left behind.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable

import pytest

from cadstream.jobs import (
    Cancelled,
    Completed,
    Event,
    Failed,
    Flights,
    FlightStats,
    Progress,
    Report,
    Subscription,
)

pytestmark = pytest.mark.timeout(10)

MakeFlights = Callable[..., Flights]


def _other_tasks() -> set[asyncio.Task[object]]:
    return {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}


@pytest.fixture
async def make_flights() -> AsyncIterator[MakeFlights]:
    """Flights maps (no throttling unless asked) that must end with no task and no subscriber."""
    before = _other_tasks()
    made: list[Flights] = []

    def make(**options: float) -> Flights:
        made.append(Flights(**{"progress_interval": 0.0, **options}))
        return made[-1]

    try:
        yield make
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 1  # a cancelled job needs a moment to see its Event
        while (left := _other_tasks() - before) and loop.time() < deadline:
            await asyncio.sleep(0.001)
        assert not left, f"tasks left behind: {left}"
        for flights in made:
            assert flights.stats().subscribers == 0
            assert flights.stats().in_flight == 0
    finally:
        for flights in made:
            await flights.close()


async def collect(subscription: Subscription, deadline: float = 2.0) -> list[Event]:
    """Every event up to the final one, then close."""
    async with asyncio.timeout(deadline), subscription:
        return [event async for event in subscription]


async def take(subscription: Subscription, count: int, deadline: float = 2.0) -> list[Event]:
    """The next ``count`` events, leaving the subscription open."""
    async with asyncio.timeout(deadline):
        return [await anext(subscription) for _ in range(count)]


def percents(events: list[Event]) -> list[int]:
    return [event.percent for event in events if isinstance(event, Progress)]


def ids(events: list[Event]) -> list[int]:
    return [event.id for event in events]


class Job:
    """A fake job the test steers: it reports what it is given, then waits for ``release``.

    It counts its starts, records that it saw its ``cancelled`` Event, and returns ``result`` or
    raises ``error``. A cancelled run returns at once (what it returns is then discarded).
    """

    def __init__(self, *percents: int, result: object = "result", error: Exception | None = None):
        self.percents = percents
        self.result = result
        self.error = error
        self.starts = 0
        self.running = asyncio.Event()
        self.reported = asyncio.Event()
        self.release = asyncio.Event()
        self.saw_cancel = asyncio.Event()
        self.cancelled: asyncio.Event | None = None
        self.report: Report | None = None

    async def __call__(self, report: Report, cancelled: asyncio.Event) -> object:
        self.starts += 1
        self.report, self.cancelled = report, cancelled
        self.running.set()
        for percent in self.percents:
            report(percent, f"step {percent}")
        self.reported.set()
        release = asyncio.ensure_future(self.release.wait())
        cancel = asyncio.ensure_future(cancelled.wait())
        try:
            await asyncio.wait({release, cancel}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            release.cancel()
            cancel.cancel()
        if cancelled.is_set():
            self.saw_cancel.set()
            return "too late"
        if self.error is not None:
            raise self.error
        return self.result


# --- sharing and broadcast -------------------------------------------------------------------


async def test_twenty_identical_subscribers_share_one_job(make_flights: MakeFlights) -> None:
    """Identical concurrent requests run the job once; all see the same monotonic story."""
    flights = make_flights()
    starts = 0

    async def job(report: Report, cancelled: asyncio.Event) -> object:
        nonlocal starts
        starts += 1
        for percent in range(0, 101, 10):
            report(percent, f"at {percent}")
            await asyncio.sleep(0.001)
        return {"objText": "o"}

    subscriptions = [flights.subscribe("k", job, client=f"c{n}") for n in range(20)]
    assert flights.stats().subscribers == 20
    streams = await asyncio.gather(*(collect(s) for s in subscriptions))

    assert starts == 1
    assert flights.stats().jobs_started == 1
    expected = [Progress(p, f"at {p}", id=p // 10 + 1) for p in range(0, 101, 10)]
    for events in streams:
        assert events == [*expected, Completed({"objText": "o"}, id=12)]


async def test_late_joiner_first_gets_the_latest_progress(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(10, 20, 30)
    first = flights.subscribe("k", job, client="a")
    assert percents(await take(first, 3)) == [10, 20, 30]

    late = flights.subscribe("k", job, client="b")
    assert await take(late, 1) == [Progress(30, "step 30", id=3)]
    job.release.set()
    assert await collect(late) == [Completed("result", id=4)]
    assert await collect(first) == [Completed("result", id=4)]
    assert job.starts == 1


async def test_progress_never_goes_backwards(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(50, 40, 60, 60, 0)
    subscription = flights.subscribe("k", job, client="a")
    await job.reported.wait()
    job.release.set()
    assert percents(await collect(subscription)) == [50, 60, 60]


async def test_report_rejects_a_percent_outside_0_to_100(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(101)
    events = await collect(flights.subscribe("k", job, client="a"))
    assert events == [Failed("Progress percent 101 is out of range: must be 0 to 100.", id=1)]


# --- errors are not cached -------------------------------------------------------------------


async def test_failure_reaches_every_waiter_and_is_not_cached(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(10, error=RuntimeError("boom"))
    subscriptions = [flights.subscribe("k", job, client=f"c{n}") for n in range(3)]
    await job.reported.wait()
    job.release.set()
    for events in await asyncio.gather(*(collect(s) for s in subscriptions)):
        assert events == [Progress(10, "step 10", id=1), Failed("boom", id=2)]

    job.error = None
    again = flights.subscribe("k", job, client="c0")
    await job.reported.wait()
    job.release.set()
    assert (await collect(again))[-1] == Completed("result", id=2)
    assert job.starts == 2
    assert flights.stats().jobs_failed == 1


async def test_failure_message_falls_back_to_the_exception_type(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(error=KeyError())
    subscription = flights.subscribe("k", job, client="a")
    job.release.set()
    assert await collect(subscription) == [Failed("KeyError", id=1)]


async def test_a_result_is_not_kept_after_completion(make_flights: MakeFlights) -> None:
    """Results belong to the ResultCache: a subscriber arriving afterwards starts a new flight."""
    flights = make_flights()
    job = Job()
    job.release.set()
    assert await collect(flights.subscribe("k", job, client="a")) == [Completed("result", id=1)]
    assert await collect(flights.subscribe("k", job, client="a")) == [Completed("result", id=1)]
    assert job.starts == 2


# --- leaving, and the grace ------------------------------------------------------------------


async def test_last_subscriber_leaving_cancels_after_the_grace(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=0.2)
    job = Job(10)
    subscription = flights.subscribe("k", job, client="a")
    await job.running.wait()
    loop = asyncio.get_running_loop()
    left_at = loop.time()
    subscription.close()

    await asyncio.sleep(0.1)
    assert job.cancelled is not None
    assert not job.cancelled.is_set(), "cancelled before the grace was over"
    assert flights.stats().in_flight == 1
    await asyncio.wait_for(job.saw_cancel.wait(), 1)
    assert loop.time() - left_at >= 0.19
    assert flights.stats() == FlightStats(
        jobs_started=1, jobs_completed=0, jobs_cancelled=1, jobs_failed=0,
        subscribers=0, in_flight=0,
    )


async def test_resubscribing_within_the_grace_keeps_the_job(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=0.2)
    job = Job(10)
    flights.subscribe("k", job, client="a").close()
    await asyncio.sleep(0.05)
    back = flights.subscribe("k", job, client="a")
    await asyncio.sleep(0.3)
    assert job.cancelled is not None
    assert not job.cancelled.is_set()
    job.release.set()
    assert await collect(back) == [Progress(10, "step 10", id=1), Completed("result", id=2)]
    assert job.starts == 1


async def test_the_grace_starts_again_when_the_last_subscriber_leaves_again(
    make_flights: MakeFlights,
) -> None:
    """The grace is counted from the latest departure, not the first."""
    flights = make_flights(grace=0.2)
    job = Job()
    flights.subscribe("k", job, client="a").close()
    await asyncio.sleep(0.1)
    flights.subscribe("k", job, client="a").close()
    await asyncio.sleep(0.15)  # 0.25 s after the first departure, 0.15 s after the second
    assert job.cancelled is not None
    assert not job.cancelled.is_set()
    await asyncio.wait_for(job.saw_cancel.wait(), 1)


async def test_one_subscriber_leaving_does_not_affect_another(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=0)
    job = Job(10)
    staying = flights.subscribe("k", job, client="a")
    flights.subscribe("k", job, client="b").close()
    await asyncio.sleep(0.05)
    job.release.set()
    assert (await collect(staying))[-1] == Completed("result", id=2)


async def test_cancelling_the_reader_task_propagates(make_flights: MakeFlights) -> None:
    """A CancelledError aimed at the reading task is never swallowed; the job is not touched."""
    flights = make_flights(grace=60)
    job = Job(10)
    subscription = flights.subscribe("k", job, client="a")
    await take(subscription, 1)

    async def read() -> Event:
        return await anext(subscription)

    reader = asyncio.create_task(read())
    await asyncio.sleep(0.01)
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    assert job.cancelled is not None
    assert not job.cancelled.is_set()
    assert flights.stats().subscribers == 1
    job.release.set()
    assert await collect(subscription) == [Completed("result", id=2)]


# --- clients that move on --------------------------------------------------------------------


async def test_a_client_switching_keys_cancels_its_old_work_only(make_flights: MakeFlights) -> None:
    """A's new parameters cancel A's old flight; B's flight on another key is untouched."""
    flights = make_flights(grace=60)
    old, other, new = Job(10), Job(20), Job(30)
    a_old = flights.subscribe("x", old, client="A")
    b = flights.subscribe("y", other, client="B")
    await take(a_old, 1)

    a_new = flights.subscribe("z", new, client="A")
    assert await collect(a_old) == [Cancelled(id=1)]
    await asyncio.wait_for(old.saw_cancel.wait(), 1)
    assert other.cancelled is not None
    assert not other.cancelled.is_set()

    other.release.set()
    new.release.set()
    assert (await collect(b))[-1] == Completed("result", id=2)
    assert (await collect(a_new))[-1] == Completed("result", id=2)
    assert flights.stats().jobs_cancelled == 1


async def test_a_shared_flight_survives_one_client_switching(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=60)
    shared, new = Job(10), Job(30)
    a_old = flights.subscribe("x", shared, client="A")
    b = flights.subscribe("x", shared, client="B")
    await shared.reported.wait()

    a_new = flights.subscribe("y", new, client="A")
    assert await collect(a_old) == [Cancelled(id=0)]  # it had seen nothing yet
    await asyncio.sleep(0.05)
    assert shared.cancelled is not None
    assert not shared.cancelled.is_set()
    assert flights.stats().subscribers == 2

    shared.release.set()
    new.release.set()
    assert await collect(b) == [Progress(10, "step 10", id=1), Completed("result", id=2)]
    assert (await collect(a_new))[-1] == Completed("result", id=2)
    assert shared.starts == 1


async def test_a_client_that_closed_then_switched_cancels_at_once(
    make_flights: MakeFlights,
) -> None:
    """The web UI closes its old EventSource before opening the new one: no grace is waited."""
    flights = make_flights(grace=60)
    old, new = Job(10), Job(30)
    flights.subscribe("x", old, client="A").close()
    await old.running.wait()
    a_new = flights.subscribe("y", new, client="A")
    await asyncio.wait_for(old.saw_cancel.wait(), 0.5)
    new.release.set()
    assert (await collect(a_new))[-1] == Completed("result", id=2)


async def test_a_switch_waits_the_grace_for_a_reconnecting_client(
    make_flights: MakeFlights,
) -> None:
    """B dropped its stream and may reconnect: A moving on does not cancel B's work."""
    flights = make_flights(grace=0.2)
    shared, new = Job(10), Job(30)
    flights.subscribe("x", shared, client="B").close()
    a_old = flights.subscribe("x", shared, client="A")
    a_new = flights.subscribe("y", new, client="A")
    assert await collect(a_old) == [Cancelled(id=0)]
    await asyncio.sleep(0.1)
    assert shared.cancelled is not None
    assert not shared.cancelled.is_set()
    await asyncio.wait_for(shared.saw_cancel.wait(), 1)  # then the grace runs out
    new.release.set()
    await collect(a_new)


async def test_a_client_following_a_cached_key_cancels_its_old_work_only(
    make_flights: MakeFlights,
) -> None:
    """A goes back to a result it gets from a cache (no flight): its old work ends all the same."""
    flights = make_flights(grace=60)
    old, other = Job(10), Job(20)
    a_old = flights.subscribe("x", old, client="A")
    b = flights.subscribe("y", other, client="B")
    await take(a_old, 1)

    flights.follow("A", "cached")
    assert await collect(a_old) == [Cancelled(id=1)]
    await asyncio.wait_for(old.saw_cancel.wait(), 1)
    assert other.cancelled is not None
    assert not other.cancelled.is_set()
    flights.follow("B", "y")  # following the key it waits for changes nothing
    other.release.set()
    assert (await collect(b))[-1] == Completed("result", id=2)
    assert flights.stats().jobs_cancelled == 1


# --- reconnecting with Last-Event-ID ---------------------------------------------------------


async def test_reconnect_replays_what_was_missed_once(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=60)
    job = Job(10, 20)
    first = flights.subscribe("k", job, client="a")
    seen = await take(first, 2)
    assert ids(seen) == [1, 2]
    first.close()
    assert job.report is not None
    job.report(30, "step 30")
    job.report(40, "step 40")

    again = flights.subscribe("k", job, client="a", last_event_id=2)
    assert await take(again, 2) == [Progress(30, "step 30", id=3), Progress(40, "step 40", id=4)]
    job.release.set()
    assert await collect(again) == [Completed("result", id=5)]
    assert job.starts == 1


async def test_an_id_the_flight_never_issued_counts_as_none(make_flights: MakeFlights) -> None:
    """An id from an earlier flight of the key: join as a newcomer, with the latest progress."""
    flights = make_flights()
    job = Job(10, 20)
    subscription = flights.subscribe("k", job, client="a", last_event_id=99)
    await job.reported.wait()
    stranger = flights.subscribe("k", job, client="b", last_event_id=99)
    job.release.set()
    assert ids(await collect(subscription)) == [1, 2, 3]
    assert await collect(stranger) == [Progress(20, "step 20", id=2), Completed("result", id=3)]


async def test_reconnect_after_the_end_gets_the_missed_final(make_flights: MakeFlights) -> None:
    """A client that dropped just before completion gets its final event without a new job."""
    flights = make_flights(grace=60)
    job = Job(10, 20)
    first = flights.subscribe("k", job, client="a")
    await take(first, 1)
    first.close()
    job.release.set()
    await asyncio.sleep(0.01)
    assert flights.stats().jobs_completed == 1

    again = flights.subscribe("k", job, client="a", last_event_id=1)
    assert await collect(again) == [Progress(20, "step 20", id=2), Completed("result", id=3)]
    assert job.starts == 1
    job.release.clear()
    fresh = flights.subscribe("k", job, client="a")  # no id: new work
    job.release.set()
    assert ids(await collect(fresh)) == [1, 2, 3]
    assert job.starts == 2


async def test_reconnect_after_seeing_the_final_starts_afresh(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job()
    job.release.set()
    assert await collect(flights.subscribe("k", job, client="a")) == [Completed("result", id=1)]
    again = flights.subscribe("k", job, client="a", last_event_id=1)
    assert await collect(again) == [Completed("result", id=1)]
    assert job.starts == 2


async def test_retained_flights_expire(make_flights: MakeFlights) -> None:
    flights = make_flights(retain=0.05)
    job = Job(10)
    job.release.set()
    await collect(flights.subscribe("k", job, client="a"))
    await asyncio.sleep(0.1)
    await collect(flights.subscribe("k", job, client="a", last_event_id=1))
    assert job.starts == 2


# --- rate limiting ---------------------------------------------------------------------------


async def test_progress_is_rate_limited_and_the_last_one_delivered(
    make_flights: MakeFlights,
) -> None:
    """1000 updates in about 0.1 s reach a subscriber as a handful of events, 0.1 s apart."""
    flights = make_flights(progress_interval=0.1)
    arrivals: list[float] = []

    async def chatty(report: Report, cancelled: asyncio.Event) -> object:
        for step in range(1000):
            if step % 100 == 0 and step:
                await asyncio.sleep(0.01)
            report(step // 10, f"step {step}")
        return "done"

    events: list[Event] = []
    async with asyncio.timeout(2), flights.subscribe("k", chatty, client="a") as subscription:
        async for event in subscription:
            events.append(event)
            arrivals.append(asyncio.get_running_loop().time())

    progress = [event for event in events if isinstance(event, Progress)]
    assert 2 <= len(progress) <= 4
    assert percents(events) == sorted(percents(events))
    assert progress[-1] == Progress(99, "step 999", id=len(progress))
    assert events[-1] == Completed("done", id=len(progress) + 1)
    throttled = arrivals[:-2]  # the last progress is flushed right before the final event
    assert all(later - earlier >= 0.09 for earlier, later in itertools.pairwise(throttled))


async def test_held_back_progress_is_sent_when_the_interval_ends(
    make_flights: MakeFlights,
) -> None:
    flights = make_flights(progress_interval=0.05, grace=60)
    job = Job(10, 20, 30)
    subscription = flights.subscribe("k", job, client="a")
    assert await take(subscription, 2, deadline=0.5) == [
        Progress(10, "step 10", id=1),
        Progress(30, "step 30", id=2),
    ]
    job.release.set()
    await collect(subscription)


async def test_held_back_progress_is_delivered_before_the_final_event(
    make_flights: MakeFlights,
) -> None:
    flights = make_flights(progress_interval=60)
    job = Job(10, 20, 30)
    job.release.set()
    assert await collect(flights.subscribe("k", job, client="a")) == [
        Progress(10, "step 10", id=1),
        Progress(30, "step 30", id=2),
        Completed("result", id=3),
    ]


async def test_a_long_step_repeats_the_latest_progress_every_heartbeat(
    make_flights: MakeFlights,
) -> None:
    """A subscriber hears from a job at least every ``heartbeat``, and nothing after the end."""
    flights = make_flights(heartbeat=0.05, grace=60)
    job = Job(10)
    subscription = flights.subscribe("k", job, client="a")
    loop = asyncio.get_running_loop()
    began = loop.time()
    assert await take(subscription, 3, deadline=0.5) == [
        Progress(10, "step 10", id=1), Progress(10, "step 10", id=2), Progress(10, "step 10", id=3)
    ]
    assert loop.time() - began >= 0.09
    assert job.report is not None
    job.report(20, "step 20")
    job.release.set()
    assert await collect(subscription) == [Progress(20, "step 20", id=4), Completed("result", id=5)]
    await asyncio.sleep(0.15)
    # No beat after the end: the final event is still the last one, so a client that saw it
    # starts afresh.
    fresh = Job(result="fresh")
    fresh.release.set()
    late = flights.subscribe("k", fresh, client="a", last_event_id=5)
    assert await collect(late) == [Completed("fresh", id=1)]


async def test_no_heartbeat_before_the_first_report(make_flights: MakeFlights) -> None:
    flights = make_flights(heartbeat=0.02)
    job = Job()
    subscription = flights.subscribe("k", job, client="a")
    await job.running.wait()
    await asyncio.sleep(0.1)
    job.release.set()
    assert await collect(subscription) == [Completed("result", id=1)]


@pytest.mark.parametrize("expected", [True, False])
async def test_expected_failures_are_logged_in_one_line(
    expected: bool, caplog: pytest.LogCaptureFixture
) -> None:
    async with Flights(expected=(LookupError,) if expected else ()) as flights:
        job = Job(error=KeyError("no such part"))
        job.release.set()
        assert (await collect(flights.subscribe("k", job, client="a")))[-1] == Failed(
            "'no such part'", id=1
        )
    [record] = [r for r in caplog.records if "failed" in r.getMessage()]
    assert record.getMessage().startswith("job k failed after ")
    assert (record.exc_info is None) == expected


# --- cancel, close, counters -----------------------------------------------------------------


async def test_cancel_ends_the_flight_for_everyone(make_flights: MakeFlights) -> None:
    flights = make_flights()
    job = Job(10)
    subscriptions = [flights.subscribe("k", job, client=f"c{n}") for n in range(2)]
    await job.reported.wait()
    assert flights.cancel("k")
    assert not flights.cancel("k")
    for subscription in subscriptions:
        assert await collect(subscription) == [Progress(10, "step 10", id=1), Cancelled(id=2)]
    await asyncio.wait_for(job.saw_cancel.wait(), 1)
    await asyncio.sleep(0.01)
    stats = flights.stats()
    assert (stats.jobs_cancelled, stats.jobs_completed) == (1, 0)  # "too late" was discarded


async def test_close_ends_everything_promptly(make_flights: MakeFlights) -> None:
    """Even jobs that ignore their Event are stopped: shutdown must not wait for them."""
    flights = make_flights(grace=60)
    stubborn_stopped = asyncio.Event()

    async def stubborn(report: Report, cancelled: asyncio.Event) -> object:
        report(5, "ignoring cancellation")
        try:
            await asyncio.sleep(3600)
        finally:
            stubborn_stopped.set()
        return "never"

    polite = Job(10)
    readers = [
        asyncio.create_task(collect(flights.subscribe(key, start, client=key)))
        for key, start in (("s1", stubborn), ("s2", stubborn), ("p", polite))
    ]
    await polite.reported.wait()
    await asyncio.sleep(0.01)

    loop = asyncio.get_running_loop()
    began = loop.time()
    async with asyncio.timeout(1):
        await flights.close(timeout=0.05)
        streams = await asyncio.gather(*readers)
    assert loop.time() - began < 0.5
    assert [events[-1] for events in streams] == [Cancelled(id=2)] * 3
    assert stubborn_stopped.is_set()
    assert polite.saw_cancel.is_set()
    with pytest.raises(RuntimeError, match="closed"):
        flights.subscribe("s1", stubborn, client="late")


async def test_counters(make_flights: MakeFlights) -> None:
    flights = make_flights(grace=60)
    ok, bad, dropped = Job(10), Job(error=ValueError("no")), Job(10)
    ok_subscriptions = [flights.subscribe("ok", ok, client=f"c{n}") for n in range(2)]
    bad_subscription = flights.subscribe("bad", bad, client="d")
    dropped_subscription = flights.subscribe("dropped", dropped, client="e")
    assert flights.stats() == FlightStats(
        jobs_started=3, jobs_completed=0, jobs_cancelled=0, jobs_failed=0,
        subscribers=4, in_flight=3,
    )
    ok.release.set()
    bad.release.set()
    flights.cancel("dropped")
    for subscription in [*ok_subscriptions, bad_subscription, dropped_subscription]:
        await collect(subscription)
    assert flights.stats() == FlightStats(
        jobs_started=3, jobs_completed=1, jobs_cancelled=1, jobs_failed=1,
        subscribers=0, in_flight=0,
    )


@pytest.mark.parametrize("option", ["grace", "retain", "progress_interval"])
def test_negative_durations_are_refused(option: str) -> None:
    with pytest.raises(ValueError, match=f"Flights {option} is -1: must be at least 0 seconds"):
        Flights(**{option: -1})


def test_a_heartbeat_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="Flights heartbeat is 0: must be more than 0 seconds"):
        Flights(heartbeat=0)


def test_events_read_payload_first_and_are_frozen() -> None:
    event = Progress(40, "Building rotor", id=7)
    assert (event.percent, event.message, event.id) == (40, "Building rotor", 7)
    with pytest.raises(AttributeError):
        event.percent = 50  # type: ignore[misc]


def test_a_map_can_be_built_outside_a_loop() -> None:
    """Like Go's zero value: construction needs no running loop; subscribing does."""
    Flights()
