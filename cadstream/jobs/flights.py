"""Singleflight for asyncio: one job per key, its events broadcast to every subscriber.

The map knows nothing of what a job does: it is handed ``start(report, cancelled)`` and runs it as
a task. Everything here runs on one event loop, so no locks are needed: each public method changes
the map in one synchronous step.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Self, TypeAlias

from cadstream.jobs.events import Cancelled, Completed, Event, Failed, Final, Progress

__all__ = ["FlightStats", "Flights", "Report", "Start", "Subscription"]

logger = logging.getLogger(__name__)

#: ``report(percent, message)``: how a job publishes progress. Call it on the event loop's thread.
Report: TypeAlias = Callable[[int, str], None]
#: ``start(report, cancelled)``: runs one job and returns its result or raises. ``cancelled`` is set
#: when nobody wants the result any more; the job should check it between steps and stop.
Start: TypeAlias = Callable[[Report, asyncio.Event], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class FlightStats:
    """A snapshot of a ``Flights`` map's counters, e.g. for a health endpoint."""

    jobs_started: int
    jobs_completed: int
    jobs_cancelled: int
    jobs_failed: int
    #: Open subscriptions attached to an unfinished flight.
    subscribers: int
    #: Flights whose job is running and whose final event is not yet out.
    in_flight: int


class _Pacer:
    """Paces a flight's progress: at most one update per ``interval``, at least one per
    ``heartbeat`` once the job has reported (repeating the latest while a step runs long).

    Holding back the newest (not the first) means a subscriber always sees the furthest point the
    job reached; ``flush()`` sends it at once, so it is never lost behind a final event. The
    repeats tell a waiting client (and every proxy on the way) that the job is alive; they count
    as sends, so the two limits never combine into a burst. ``stop()`` ends both timers.
    """

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        interval: float,
        heartbeat: float,
        send: Callable[[int, str], None],
    ) -> None:
        self._loop = loop
        self._interval = interval
        self._heartbeat = heartbeat
        self._send = send
        self._sent_at = -math.inf
        self._sent: tuple[int, str] | None = None
        self._pending: tuple[int, str] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._beat: asyncio.TimerHandle | None = None

    def offer(self, percent: int, message: str) -> None:
        self._pending = (percent, message)
        if self._timer is None:
            delay = self._sent_at + self._interval - self._loop.time()
            if delay <= 0:
                self.flush()
            else:
                self._timer = self._loop.call_later(delay, self.flush)

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._pending is not None:
            self._emit(self._pending)
            self._pending = None

    def stop(self) -> None:
        self.flush()
        for timer in (self._timer, self._beat):
            if timer is not None:
                timer.cancel()
        self._timer = self._beat = None

    def _repeat(self) -> None:
        self._beat = None
        if self._sent is not None:
            self._emit(self._sent)

    def _emit(self, update: tuple[int, str]) -> None:
        if self._beat is not None:
            self._beat.cancel()
        self._sent = update
        self._sent_at = self._loop.time()
        self._beat = self._loop.call_later(self._heartbeat, self._repeat)
        self._send(*update)


class _Flight:
    """One run of one job: the log of every event it emitted, who listens, the Event it watches.

    The log is the broadcast: each subscription reads it with its own cursor, so a late joiner and
    a reconnecting client are served by the same mechanism, and there are no queues to drain.
    An event's id is its position in the log plus one.
    """

    def __init__(
        self, key: str, loop: asyncio.AbstractEventLoop, progress_interval: float, heartbeat: float
    ) -> None:
        self.key = key
        self.log: list[Event] = []
        self.subscriptions: set[Subscription] = set()
        #: Clients that joined and have not moved on to another key; a client in this set without
        #: an open subscription may be reconnecting, which is what the grace waits for.
        self.clients: set[str] = set()
        self.cancelled = asyncio.Event()
        self.started_at = loop.time()
        self.grace_timer: asyncio.TimerHandle | None = None
        self._percent = 0
        self._pacer = _Pacer(loop, progress_interval, heartbeat, self._progress)

    @property
    def finished(self) -> bool:
        return bool(self.log) and not isinstance(self.log[-1], Progress)

    def report(self, percent: int, message: str) -> None:
        """The job's ``report``: ignored once finished or when ``percent`` would go backwards."""
        if not 0 <= percent <= 100:
            raise ValueError(f"Progress percent {percent!r} is out of range: must be 0 to 100.")
        if self.finished or percent < self._percent:
            return
        self._percent = percent
        self._pacer.offer(percent, message)

    def start_index(self, last_event_id: int | None) -> int:
        """Where a subscriber starts reading: after ``last_event_id`` if this flight issued it,
        else at the latest event (a newcomer's first event is the latest progress)."""
        if last_event_id is not None and last_event_id <= len(self.log):
            return last_event_id
        return max(len(self.log) - 1, 0)

    def finish(self, make: Callable[[int], Final]) -> Final:
        """Append the final event (after any held-back progress) and let go of every subscriber."""
        self._pacer.stop()
        final = make(len(self.log) + 1)
        self._append(final)
        self.subscriptions.clear()
        if self.grace_timer is not None:
            self.grace_timer.cancel()
            self.grace_timer = None
        return final

    def _progress(self, percent: int, message: str) -> None:
        self._append(Progress(percent, message, id=len(self.log) + 1))

    def _append(self, event: Event) -> None:
        self.log.append(event)
        for subscription in self.subscriptions:
            subscription._wake()


class Subscription:
    """One subscriber's stream of a flight's events, from where it joined to the final one.

    ``async for event in subscription`` yields events and stops after a final event or after
    ``close()``. Always close it, best with ``async with``: an open subscription keeps its flight
    alive. Cancelling the task that iterates it cancels only that task.
    """

    def __init__(
        self,
        flight: _Flight,
        client: str,
        start: int,
        release: Callable[[_Flight, Subscription], None],
    ) -> None:
        self._flight = flight
        self._client = client
        self._cursor = start
        self._release = release
        self._ending: Cancelled | None = None
        self._done = False
        self._wakeup = asyncio.Event()

    @property
    def key(self) -> str:
        return self._flight.key

    @property
    def client(self) -> str:
        return self._client

    def close(self) -> None:
        """Stop receiving; idempotent. Releases only this subscriber: others keep the job."""
        if not self._done:
            self._done = True
            self._release(self._flight, self)
            self._wakeup.set()

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Event:
        while not self._done:
            if self._ending is not None:
                self._done = True
                return self._ending
            if self._cursor < len(self._flight.log):
                event = self._flight.log[self._cursor]
                self._cursor += 1
                self._done = not isinstance(event, Progress)
                return event
            self._wakeup.clear()
            await self._wakeup.wait()
        raise StopAsyncIteration

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.close()

    def _wake(self) -> None:
        self._wakeup.set()

    def _end(self) -> None:
        """End this subscription alone with ``Cancelled``: its client has moved on.

        The event is not in the flight's log; its id is the last one this subscriber has seen, so a
        ``Last-Event-ID`` echoing it still resumes at the first event the subscriber missed.
        """
        self._ending = Cancelled(id=self._cursor)
        self._wakeup.set()


class Flights:
    """A map from key to the one job in flight for it, broadcasting its events to every subscriber.

    ``subscribe(key, start, client)`` joins the flight for ``key`` and runs ``start(report,
    cancelled)`` only if none is in flight, so identical concurrent requests run one job.

    - Broadcast: every subscriber gets every event emitted after it joined, a late joiner first
      the latest progress; all get the same final event (``Completed``, ``Failed`` or
      ``Cancelled``) and nothing after it.
    - Progress never goes backwards (a lower percent is ignored) and a flight emits at most one
      ``Progress`` per ``progress_interval`` (0.1 s: 10 a second), holding back the newest, which is
      always delivered before the final event. Once the job has reported, a flight also emits at
      least one per ``heartbeat`` (1 s), repeating the latest while a step runs long, so a
      subscriber can tell a slow job from a dead connection.
    - Nothing is cached: a finished flight leaves the map, so the next ``subscribe`` starts a new
      job. Errors must not stick; results belong to a ``ResultCache`` that the ``start`` function
      consults first and fills, so one owner decides what is kept and for how long.
    - Reconnect: ``subscribe(..., last_event_id=n)`` replays the flight's events after ``n`` from
      its log, without duplicates; an id the flight never issued counts as none. A flight that
      completed or failed is retained ``retain`` seconds for such reconnects only, so a client that
      dropped just before the end still gets its final event; a subscribe without an id never
      sees it.
    - Leaving: a subscriber releases only itself. When the last one has left an unfinished
      flight, its job is cancelled after ``grace`` seconds unless someone subscribes again (a
      browser reconnects after about 3 s).
    - Clients: when a client subscribes to another key (or ``follow``s one whose result it got
      elsewhere), its subscriptions to other flights end with ``Cancelled`` and it stops waiting
      for them; a flight nobody waits for any more (no open subscription, no other client
      within the grace) is cancelled at once. One client's new parameters never cancel another
      client's work. A client follows one key at a time.
    - Cancelling sets the job's ``cancelled`` Event, which the job checks between steps, and sends
      ``Cancelled`` at once; what the job returns afterwards is discarded. ``close()`` cancels
      everything, and cancels the tasks of jobs that have not stopped after its timeout.
    - Logging: one line per job as it starts and one as it ends (completed, cancelled or failed,
      with its duration). A failure logs its traceback too, unless it is one of the ``expected``
      exception types, whose message says all there is to know (e.g. "the worker died").

    Use it from one event loop; jobs must call ``report`` on that loop's thread.
    """

    def __init__(
        self,
        *,
        grace: float = 2.0,
        retain: float = 10.0,
        progress_interval: float = 0.1,
        heartbeat: float = 1.0,
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        for name, value in (
            ("grace", grace), ("retain", retain), ("progress_interval", progress_interval)
        ):
            if not value >= 0:
                raise ValueError(f"Flights {name} is {value!r}: must be at least 0 seconds.")
        if not heartbeat > 0:
            raise ValueError(f"Flights heartbeat is {heartbeat!r}: must be more than 0 seconds.")
        self._grace = grace
        self._retain = retain
        self._progress_interval = progress_interval
        self._heartbeat = heartbeat
        self._expected = expected
        self._live: dict[str, _Flight] = {}
        self._retained: dict[str, tuple[_Flight, asyncio.TimerHandle]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self._started = self._completed = self._cancelled = self._failed = 0

    def subscribe(
        self, key: str, start: Start, client: str, *, last_event_id: int | None = None
    ) -> Subscription:
        """Join the flight for ``key``, starting ``start`` if none is in flight (see the class).

        Call it from a coroutine on the map's loop; it returns at once, and a new job begins on
        the loop's next turn, after this subscription is attached.
        """
        if self._closed:
            raise RuntimeError(f"Flights is closed: cannot subscribe to {key!r}.")
        if last_event_id is not None and last_event_id < 0:
            raise ValueError(f"last_event_id is {last_event_id!r}: must be at least 0.")
        self._move_client(client, key)
        flight = self._live.get(key)
        if flight is None and last_event_id is not None and key in self._retained:
            retained, _ = self._retained[key]
            if last_event_id < len(retained.log):
                return Subscription(retained, client, last_event_id, self._release)
        if flight is None:
            flight = self._launch(key, start)
        subscription = Subscription(
            flight, client, flight.start_index(last_event_id), self._release
        )
        flight.subscriptions.add(subscription)
        flight.clients.add(client)
        if flight.grace_timer is not None:
            flight.grace_timer.cancel()
            flight.grace_timer = None
        return subscription

    def follow(self, client: str, key: str) -> None:
        """``client`` now wants ``key`` without joining its flight, e.g. its result came from a
        cache: as on ``subscribe``, its subscriptions to other keys end with ``Cancelled`` and a
        flight nobody else waits for is cancelled. Otherwise a client that goes back to a known
        result would leave its abandoned work running to the end."""
        self._move_client(client, key)

    def cancel(self, key: str) -> bool:
        """Cancel the flight for ``key``; False if none is in flight."""
        flight = self._live.get(key)
        if flight is None:
            return False
        self._cancel(flight, "cancel() was called")
        return True

    def stats(self) -> FlightStats:
        return FlightStats(
            jobs_started=self._started,
            jobs_completed=self._completed,
            jobs_cancelled=self._cancelled,
            jobs_failed=self._failed,
            subscribers=sum(len(flight.subscriptions) for flight in self._live.values()),
            in_flight=len(self._live),
        )

    async def close(self, timeout: float = 0.5) -> None:
        """Cancel every flight and refuse new subscriptions; every subscription ends at once.

        Then wait up to ``timeout`` seconds for the jobs to return, and cancel the tasks of those
        that have not, so nothing outlives the map (for server shutdown).
        """
        self._closed = True
        for flight in list(self._live.values()):
            self._cancel(flight, "the map was closed")
        for _, expiry in self._retained.values():
            expiry.cancel()
        self._retained.clear()
        if not self._tasks:
            return
        try:
            await asyncio.wait(self._tasks, timeout=timeout)
        finally:
            stragglers = [task for task in self._tasks if not task.done()]
            for task in stragglers:
                task.cancel()
        if stragglers:
            await asyncio.wait(stragglers)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def _launch(self, key: str, start: Start) -> _Flight:
        loop = asyncio.get_running_loop()
        flight = _Flight(key, loop, self._progress_interval, self._heartbeat)
        self._live[key] = flight
        if key in self._retained:
            self._retained.pop(key)[1].cancel()
        self._started += 1
        task = loop.create_task(self._run(flight, start), name=f"cadstream.jobs flight {key}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        logger.info("job %s started", key)
        return flight

    async def _run(self, flight: _Flight, start: Start) -> None:
        try:
            result = await start(flight.report, flight.cancelled)
        except Exception as error:
            message = str(error) or type(error).__name__
            self._settle(flight, lambda n: Failed(message, id=n), error=error)
        except BaseException:
            self._settle(flight, lambda n: Cancelled(id=n), why="its task was cancelled")
            raise
        else:
            self._settle(flight, lambda n: Completed(result, id=n))

    def _move_client(self, client: str, key: str) -> None:
        """``client`` now wants ``key``: it stops waiting for the flights of other keys."""
        for flight in [f for f in self._live.values() if f.key != key and client in f.clients]:
            flight.clients.discard(client)
            for subscription in [s for s in flight.subscriptions if s.client == client]:
                flight.subscriptions.discard(subscription)
                subscription._end()
            self._check_abandoned(flight)

    def _release(self, flight: _Flight, subscription: Subscription) -> None:
        if subscription in flight.subscriptions:
            flight.subscriptions.discard(subscription)
            self._check_abandoned(flight)

    def _check_abandoned(self, flight: _Flight) -> None:
        """Cancel an unsubscribed live flight: now, or after the grace if a client may return."""
        if flight.subscriptions or self._live.get(flight.key) is not flight:
            return
        if not flight.clients:
            self._cancel(flight, "its last client moved on")
        elif flight.grace_timer is None:
            flight.grace_timer = asyncio.get_running_loop().call_later(
                self._grace, self._grace_expired, flight
            )

    def _grace_expired(self, flight: _Flight) -> None:
        flight.grace_timer = None
        if not flight.subscriptions:
            self._cancel(flight, "no subscriber came back within the grace")

    def _cancel(self, flight: _Flight, why: str) -> None:
        flight.cancelled.set()
        self._settle(flight, lambda n: Cancelled(id=n), why=why)

    def _settle(
        self,
        flight: _Flight,
        make: Callable[[int], Final],
        *,
        why: str = "",
        error: BaseException | None = None,
    ) -> None:
        """End ``flight`` with the final event ``make(id)`` unless it has already ended."""
        if self._live.get(flight.key) is not flight:
            return
        del self._live[flight.key]
        final = flight.finish(make)
        elapsed = asyncio.get_running_loop().time() - flight.started_at
        if isinstance(final, Cancelled):
            self._cancelled += 1
            logger.info("job %s cancelled after %.2f s: %s", flight.key, elapsed, why)
            return
        if isinstance(final, Completed):
            self._completed += 1
            logger.info("job %s completed in %.2f s", flight.key, elapsed)
        else:
            self._failed += 1
            trace = None if isinstance(error, self._expected) else error
            logger.warning(
                "job %s failed after %.2f s: %s", flight.key, elapsed, final.message, exc_info=trace
            )
        self._retain_for_reconnects(flight)

    def _retain_for_reconnects(self, flight: _Flight) -> None:
        if flight.key in self._retained:
            self._retained.pop(flight.key)[1].cancel()
        expiry = asyncio.get_running_loop().call_later(self._retain, self._expire, flight)
        self._retained[flight.key] = (flight, expiry)

    def _expire(self, flight: _Flight) -> None:
        entry = self._retained.get(flight.key)
        if entry is not None and entry[0] is flight:
            del self._retained[flight.key]
