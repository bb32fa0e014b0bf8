"""Worker processes for CPU-bound jobs, which survive the jobs that hang or kill their worker.

``WorkerPool`` runs module-level job functions in a ``ProcessPoolExecutor`` (``forkserver``
context, so the server process forks nothing while it runs threads) and adds what the executor
cannot do by itself: cancel a running job, stop a job that ignores its cancellation or overruns
its timeout, and outlive a worker that dies. It knows nothing of aiohttp or of what a job does.
The server process imports the job functions' modules (to name them), so those must import
cadquery lazily; the ``initializer`` imports it in each worker as it starts (about 2 s per
process), so no request pays for it.

A job function is ``fn(context, *args)``; ``context`` is a ``JobContext``, its only link back to
the server: ``context.progress(percent, message)`` reports progress and ``context.check()`` raises
``JobCancelled`` once the job is cancelled, so a job calls it between short steps.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.managers import SyncManager
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, TypeVarTuple, cast

from cadstream.jobs.lifeline import exit_with

__all__ = [
    "JobCancelled",
    "JobContext",
    "JobError",
    "JobFailed",
    "JobTimedOut",
    "WorkerCrashed",
    "WorkerPool",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

#: How long the workers of a new executor may take to start (their initializer included).
_START_TIMEOUT = 120.0
#: How long the executor's own SIGTERM to the survivors of a crash may take before SIGKILL.
_SIGTERM_WAIT = 1.0
#: A job on this many pools that broke without an identifiable culprit is reported as crashed,
#: so a crash that cannot be attributed cannot resubmit its cause forever.
_MAX_UNEXPLAINED = 3
#: What the server puts on a job's progress queue after the job ended: the pump stops there.
_END = None


class JobError(Exception):
    """Base of the errors ``WorkerPool.run`` raises for a job; ``str()`` is safe to show users."""


class JobCancelled(JobError):
    """The job was cancelled, or the pool shut down before it finished."""


class JobTimedOut(JobError):
    """The job ran past its timeout; its worker was killed and the pool rebuilt."""


class WorkerCrashed(JobError):
    """The job's worker died (a signal, a segfault, the OOM killer), or workers failed to start."""


class JobFailed(JobError):
    """The job function raised: ``str()`` is its message, ``exception_type`` its class name.

    The worker's traceback is logged by the pool, never carried here, so it cannot reach a client.
    """

    def __init__(self, message: str, exception_type: str) -> None:
        super().__init__(message, exception_type)
        self.message = message
        self.exception_type = exception_type

    def __str__(self) -> str:
        return self.message


class _Failure(Exception):
    """How a job function's exception crosses back from the worker: plain, always picklable text."""

    def __init__(self, exception_type: str, message: str, trace: str) -> None:
        super().__init__(exception_type, message, trace)
        self.exception_type = exception_type
        self.message = message
        self.trace = trace


class JobContext:
    """A job's link to the server, passed to the job function in the worker (picklable).

    Both methods are round trips to the pool's Manager process (well under a millisecond), so a
    job may call them between steps as often as it likes.
    """

    def __init__(self, event: threading.Event, progress: queue.Queue[object]) -> None:
        self._event = event
        self._queue = progress

    def progress(self, percent: int, message: str) -> None:
        """Report progress; the caller's ``report`` receives it in order on the event loop."""
        if not 0 <= percent <= 100:
            raise ValueError(f"progress percent must be within 0..100, got {percent!r}")
        self._queue.put((percent, message))

    def check(self) -> None:
        """Raise ``JobCancelled`` if the job was cancelled: call it between short steps."""
        if self._event.is_set():
            raise JobCancelled("job cancelled")

    def _announce(self) -> None:
        """Tell the server which worker runs this attempt, so a crash can be blamed on its job."""
        self._queue.put(os.getpid())


def _execute(fn: Callable[..., T], context: JobContext, args: tuple[object, ...]) -> T:
    """Worker side of one attempt: announce the worker, run ``fn``, make its errors picklable.

    ``BaseException`` is caught too: a ``SystemExit`` sent back as is would stop the server's
    event loop.
    """
    context._announce()
    try:
        return fn(context, *args)
    except JobCancelled:
        raise
    except BaseException as exc:
        raise _Failure(type(exc).__name__, str(exc), traceback.format_exc()) from None


def _start_worker(owner: int, initializer: Callable[[], object] | None) -> None:
    """A worker's first act: to end with the server (``owner``), then the caller's set-up."""
    exit_with(owner)
    if initializer is not None:
        initializer()


def _warm_up(barrier: threading.Barrier) -> int:
    """Hold a worker until every worker runs one of these, proving all have started."""
    barrier.wait()
    return os.getpid()


def _retrieve(future: asyncio.Future[Any]) -> None:
    """Mark an outcome retrieved: futures the pool stopped waiting for must not log noise."""
    if not future.cancelled():
        future.exception()


def _describe_exit(code: int) -> str:
    """A worker's exit code for people: ``-9`` is ``killed by SIGKILL``."""
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


@dataclass(eq=False)
class _Generation:
    """One executor and its workers; retired (never reused) when the pool restarts."""

    executor: ProcessPoolExecutor
    processes: tuple[BaseProcess, ...]
    retired: bool = False
    #: After a crash, pid -> exit code of the workers that died by themselves (empty if none can
    #: be told apart); None while running or when the pool killed the workers on purpose.
    crashed: dict[int, int] | None = None

    def kill(self) -> None:
        """SIGKILL every worker: the only stop a job stuck in C code cannot delay."""
        for process in self.processes:
            process.kill()


@dataclass(eq=False)
class _Job(Generic[T]):
    """The server's record of one ``run``; it outlives attempts on broken pools."""

    name: str
    fn: Callable[..., T]
    args: tuple[object, ...]
    report: Callable[[int, str], None] | None
    timeout: float | None
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    verdict: JobError | None = None
    event: threading.Event | None = None
    progress: queue.Queue[object] | None = None
    worker_pid: int | None = None
    unexplained: int = 0
    kill_at: float | None = None
    high_water: int = 0
    #: True while the job holds a worker slot (from getting a worker to its outcome).
    holding: bool = False

    def cancel(self, verdict: JobError) -> None:
        """Ask the job to stop. Its caller gets the first verdict given, or the reason the pool
        then had to kill its worker."""
        if self.verdict is None:
            self.verdict = verdict
        self.stop.set()

    def stopped(self) -> JobError:
        """The error to raise for a job that was asked to stop."""
        assert self.verdict is not None, "stopped() called on a job nobody cancelled"
        return self.verdict

    def deliver(self, percent: int, message: str) -> None:
        """Pass progress to ``report``, hiding any step back (an attempt replayed after a restart).

        Runs on the event loop thread. A failing ``report`` is logged: it must not kill the job.
        """
        if self.report is None or percent < self.high_water:
            return
        self.high_water = percent
        try:
            self.report(percent, message)
        except Exception:
            logger.exception("progress report of job %s failed", self.name)


class WorkerPool:
    """A process pool for job functions that survives hung, overrunning and crashing jobs.

    Use it as ``async with WorkerPool(n, initializer=...) as pool`` from one event loop; entering
    starts the Manager and all ``max_workers`` workers (their initializer included) before it
    returns, so no request pays the start-up. At most ``max_workers`` jobs run at once; the others
    wait for a worker in call order, and their timeout starts when they get one.

    ``await pool.run(fn, *args, report=..., cancelled=..., timeout=...)`` runs ``fn(context,
    *args)`` in a worker and returns its result. ``report(percent, message)`` is called on the
    event loop thread, in order, with non-decreasing percents, and every report the job made has
    been delivered when ``run`` returns or raises. A job that does not succeed raises one of:

    - ``JobCancelled`` when ``cancelled`` is set (or ``run`` itself is cancelled, or the pool shuts
      down) before the job ends, even if it then finished: the job's Event is set, and a job still
      running ``grace`` seconds later has its worker killed and the pool rebuilt.
    - ``JobTimedOut`` when the job runs past ``timeout`` seconds: worker killed, pool rebuilt.
    - ``WorkerCrashed`` when the job's worker dies: pool rebuilt.
    - ``JobFailed`` when ``fn`` raises; the traceback is logged here, only the message goes on.

    Rebuilding kills every worker, so the other jobs that were running are resubmitted to the new
    workers (their timeout restarts): their callers see only a delay, and ``report`` hides the
    replayed progress. Leaving the ``async with`` takes well under a second even with jobs running:
    their callers get ``JobCancelled``, the workers are killed and the Manager stops.
    """

    def __init__(
        self,
        max_workers: int,
        *,
        initializer: Callable[[], object] | None = None,
        grace: float = 3.0,
    ) -> None:
        """``initializer``: a module-level callable run once in each worker as it starts (it
        must be importable in a fresh process). ``grace``: seconds a cancelled job may keep
        running before its worker is killed."""
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers!r}")
        if grace < 0:
            raise ValueError(f"grace must be at least 0 seconds, got {grace!r}")
        self._max_workers = max_workers
        self._initializer = initializer
        self._grace = grace
        self._context = multiprocessing.get_context("forkserver")
        self._manager: SyncManager | None = None
        # Blocking calls to the Manager and the executor: one progress pump per running job plus
        # room for short calls, so a pump can never starve the call that ends it.
        self._threads = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers + 4, thread_name_prefix="cadstream-pool"
        )
        self._generation: _Generation | None = None
        self._lock = asyncio.Lock()  # one restart at a time; held while workers start or stop
        self._slots = asyncio.Semaphore(max_workers)
        self._supervisors: dict[asyncio.Task[Any], _Job[Any]] = {}
        self._running = 0
        self._restarts = 0
        self._entered = False
        self._closing = False
        self._abort_start = threading.Event()

    @property
    def workers(self) -> int:
        """How many worker processes the pool keeps."""
        return self._max_workers

    @property
    def worker_pids(self) -> tuple[int, ...]:
        """The current workers' process ids (empty before start-up and after shutdown)."""
        generation = self._generation
        if generation is None or generation.retired:
            return ()
        return tuple(p.pid for p in generation.processes if p.pid is not None)

    @property
    def restarts(self) -> int:
        """How many times the workers were killed and started again."""
        return self._restarts

    @property
    def running(self) -> int:
        """How many jobs hold a worker now (waiting jobs excluded)."""
        return self._running

    @property
    def stopping(self) -> int:
        """How many cancelled jobs still hold a worker: their worker has neither stopped them
        nor been killed yet. It drops back as each worker sees its Event (within a step) or, at
        the latest, when the grace runs out and the pool kills it."""
        return sum(1 for job in self._supervisors.values() if job.holding and job.stop.is_set())

    async def __aenter__(self) -> Self:
        if self._entered:
            raise RuntimeError("a WorkerPool can be entered only once")
        self._entered = True
        try:
            await self._blocking(self._start_manager)
            self._generation = await self._blocking(self._start_workers)
        except BaseException:  # e.g. SIGTERM while the workers start: stop them, not wait
            await self._release_resources()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closing = True
        self._abort_start.set()
        for job in self._supervisors.values():
            job.cancel(JobCancelled(f"job {job.name} was cancelled: the worker pool shut down"))
        async with self._lock:
            if self._generation is not None and not self._generation.retired:
                await self._retire(self._generation, crashed=False)
        if self._supervisors:
            await asyncio.wait(list(self._supervisors))
        await self._release_resources()

    async def run(
        self,
        fn: Callable[[JobContext, *Ts], T],
        *args: *Ts,
        report: Callable[[int, str], None] | None = None,
        cancelled: asyncio.Event | None = None,
        timeout: float | None = None,
    ) -> T:
        """Run ``fn(context, *args)`` in a worker and return its result (see the class).

        ``fn`` and ``args`` must be picklable: ``fn`` a module-level function of a module the
        workers can import. If this coroutine is cancelled, the job is cancelled as if
        ``cancelled`` were set and the pool goes on stopping it in the background.
        """
        if not self._entered or self._closing:
            raise RuntimeError("the WorkerPool is not running: use it as `async with WorkerPool()`")
        name = getattr(fn, "__qualname__", repr(fn))
        job = _Job(name=name, fn=fn, args=tuple(args), report=report, timeout=timeout)
        supervisor = asyncio.create_task(self._supervise(job), name=f"cadstream.jobs.pool {name}")
        self._supervisors[supervisor] = job
        supervisor.add_done_callback(self._forget)
        watcher = None if cancelled is None else asyncio.create_task(cancelled.wait())
        try:
            waits: set[asyncio.Future[Any]] = {supervisor}
            if watcher is not None:
                waits.add(watcher)
            done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            if supervisor not in done:
                job.cancel(JobCancelled(f"job {name} was cancelled"))
                await asyncio.wait({supervisor})
            return supervisor.result()
        except asyncio.CancelledError:
            job.cancel(JobCancelled(f"job {name} was cancelled"))
            raise
        finally:
            if watcher is not None:
                watcher.cancel()

    def _forget(self, supervisor: asyncio.Task[Any]) -> None:
        del self._supervisors[supervisor]
        _retrieve(supervisor)

    async def _blocking(self, call: Callable[[], T]) -> T:
        """Run a blocking call (Manager round trip, process start or stop) off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._threads, call)

    async def _supervise(self, job: _Job[T]) -> T:
        """Own one job from waiting for a worker to its outcome; never cancelled itself."""
        slot = asyncio.create_task(self._slots.acquire())
        stop = asyncio.create_task(job.stop.wait())
        await asyncio.wait({slot, stop}, return_when=asyncio.FIRST_COMPLETED)
        if not slot.done():
            slot.cancel()
            await asyncio.wait({slot})
        if slot.cancelled():
            stop.cancel()
            raise job.stopped()
        self._running += 1
        job.holding = True
        try:
            assert self._manager is not None
            job.event = await self._blocking(self._manager.Event)
            job.progress = progress = await self._blocking(self._manager.Queue)
            loop = asyncio.get_running_loop()
            pump = loop.run_in_executor(self._threads, self._pump, job, loop)
            try:
                return await self._attempts(job, stop)
            finally:
                await self._blocking(partial(progress.put, _END))
                await pump
        finally:
            stop.cancel()
            job.holding = False
            self._running -= 1
            self._slots.release()

    @staticmethod
    def _pump(job: _Job[Any], loop: asyncio.AbstractEventLoop) -> None:
        """Drain a job's progress queue into its ``report`` on the loop, until ``_END``.

        Runs in a pool thread. The server puts ``_END`` after the job ended, behind everything
        the job put, so nothing is lost. The worker pid is recorded here, off the loop, so that it
        is known by the time a crash is examined.
        """
        assert job.progress is not None
        while (item := job.progress.get()) is not _END:
            if isinstance(item, int):
                job.worker_pid = item
            else:
                percent, message = cast(tuple[int, str], item)
                loop.call_soon_threadsafe(job.deliver, percent, message)

    async def _attempts(self, job: _Job[T], stop: asyncio.Task[Any]) -> T:
        """Submit the job, again after each pool restart it did not cause, until it ends."""
        assert job.event is not None and job.progress is not None
        context = JobContext(job.event, job.progress)
        while True:
            if job.stop.is_set():
                raise job.stopped()
            generation = await self._live_generation()
            job.worker_pid = None
            try:
                submitted = generation.executor.submit(_execute, job.fn, context, job.args)
            except BrokenProcessPool:  # an idle worker died since the last job
                await self._replace(generation, crashed=True, reason="an idle worker died")
                continue
            future = asyncio.wrap_future(submitted)
            future.add_done_callback(_retrieve)
            kill = await self._watch(job, future, stop)
            if kill is not None:
                job.verdict = kill
                await self._replace(generation, crashed=False, reason=str(kill))
                raise kill
            if future.cancelled() or isinstance(future.exception(), BrokenProcessPool):
                await self._replace(generation, crashed=True, reason="a worker died")
                self._blame(job, generation)
                continue
            return self._outcome(job, future)

    async def _watch(
        self, job: _Job[Any], future: asyncio.Future[Any], stop: asyncio.Task[Any]
    ) -> JobError | None:
        """Wait for an attempt to settle, setting the job's Event once it is cancelled.

        Returns the error to raise when the worker must be killed instead: still running
        ``grace`` seconds after the cancellation, or past the job's timeout.
        """
        assert job.event is not None
        loop = asyncio.get_running_loop()
        deadline = None if job.timeout is None else loop.time() + job.timeout
        while not future.done():
            wakes = [t for t in (deadline, job.kill_at) if t is not None]
            delay = max(0.0, min(wakes) - loop.time()) if wakes else None
            waits: set[asyncio.Future[Any]] = {future} if stop.done() else {future, stop}
            await asyncio.wait(waits, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
            if future.done():
                break
            now = loop.time()
            if stop.done() and job.kill_at is None:
                job.kill_at = now + self._grace
                await self._blocking(job.event.set)
            elif job.kill_at is not None and now >= job.kill_at:
                return JobCancelled(
                    f"job {job.name} was cancelled and did not stop within {self._grace:g} s; "
                    "its worker was killed"
                )
            elif deadline is not None and now >= deadline:
                return JobTimedOut(
                    f"job {job.name} ran longer than its {job.timeout:g} s timeout; "
                    "its worker was killed"
                )
        return None

    def _blame(self, job: _Job[Any], generation: _Generation) -> None:
        """After its attempt broke: raise if this job's worker died by itself; else return.

        A job is also reported after ``_MAX_UNEXPLAINED`` crashes without a culprit (a worker
        killed by SIGTERM looks like the executor's clean-up), so such a crash cannot loop.
        """
        if job.stop.is_set():
            raise job.stopped()
        if generation.crashed is None:  # the pool killed the workers for another job
            return
        code = generation.crashed.get(job.worker_pid) if job.worker_pid is not None else None
        if code is not None:
            raise WorkerCrashed(
                f"the worker running job {job.name} died ({_describe_exit(code)}); "
                "the worker pool was restarted"
            )
        if not generation.crashed:
            job.unexplained += 1
            if job.unexplained >= _MAX_UNEXPLAINED:
                raise WorkerCrashed(
                    f"job {job.name} was on {job.unexplained} worker pools that broke "
                    "for no visible reason; giving up"
                )

    def _outcome(self, job: _Job[T], future: asyncio.Future[T]) -> T:
        """The attempt's result, or the ``JobError`` its caller gets."""
        error = future.exception()
        if job.stop.is_set():
            raise job.stopped()
        if error is None:
            return future.result()
        if isinstance(error, JobCancelled):
            raise JobCancelled(f"job {job.name} cancelled itself: {error}") from None
        if isinstance(error, _Failure):
            logger.error(
                "job %s failed in worker %s: %s: %s\n%s",
                job.name, job.worker_pid, error.exception_type, error.message, error.trace,
            )
            raise JobFailed(error.message, error.exception_type) from None
        # The executor's own errors, e.g. arguments or a result that do not pickle.
        logger.error("job %s failed", job.name, exc_info=error)
        raise JobFailed(str(error), type(error).__name__) from None

    async def _live_generation(self) -> _Generation:
        """The workers to submit to, starting them if the last start failed."""
        generation = self._generation
        if generation is not None and not generation.retired:
            return generation
        async with self._lock:
            if self._closing:
                raise JobCancelled("the worker pool shut down")
            if self._generation is None:
                self._generation = await self._blocking(self._start_workers)
            return self._generation

    async def _replace(self, generation: _Generation, *, crashed: bool, reason: str) -> None:
        """Retire ``generation`` and start new workers, unless another job already did.

        Every job on ``generation`` calls this when its attempt breaks; the first does the work
        and the others only wait for it. ``crashed``: a worker died by itself, so the exit codes
        are examined; otherwise the pool is killing the workers on purpose. A failed start is
        logged, not raised: the next job to submit tries again and gets the error.
        """
        async with self._lock:
            if generation.retired:
                return
            await self._retire(generation, crashed=crashed)
            if self._closing:
                return
            self._restarts += 1
            logger.warning("restarting the worker pool: %s", reason)
            self._generation = None
            try:
                self._generation = await self._blocking(self._start_workers)
            except WorkerCrashed as exc:
                logger.error("the worker pool could not restart: %s", exc)

    async def _retire(self, generation: _Generation, *, crashed: bool) -> None:
        """Stop the executor and its workers; every attempt on it has settled on return.

        After a crash the executor has already sent SIGTERM to the surviving workers: waiting for
        that (instead of killing them) keeps the exit codes telling, as only the culprit died of
        something else. The executor's thread reads the exit codes itself, and reading them
        concurrently would corrupt them, so they are read only once it has finished.
        """
        generation.retired = True
        if not crashed:
            generation.kill()
        stopping = asyncio.get_running_loop().run_in_executor(
            self._threads, partial(generation.executor.shutdown, wait=True, cancel_futures=True)
        )
        done, _ = await asyncio.wait({stopping}, timeout=_SIGTERM_WAIT)
        if not done:  # a worker outlived SIGTERM; it will be reported as crashed by SIGKILL
            generation.kill()
            await stopping
        if crashed:
            generation.crashed = {
                p.pid: p.exitcode
                for p in generation.processes
                if p.pid is not None and p.exitcode is not None and p.exitcode != -signal.SIGTERM
            }
            for pid, code in generation.crashed.items():
                logger.error("worker %d died (%s)", pid, _describe_exit(code))

    def _start_workers(self) -> _Generation:
        """Start an executor and all its workers, proved up by a barrier every worker must reach.

        Runs in a pool thread. Raises ``WorkerCrashed`` if a worker dies or does not start within
        ``_START_TIMEOUT`` seconds (a failing initializer) or when the pool shuts down meanwhile.
        """
        assert self._manager is not None
        began = time.monotonic()
        executor = ProcessPoolExecutor(
            self._max_workers, mp_context=self._context,
            initializer=partial(_start_worker, os.getpid(), self._initializer),
        )
        barrier = self._manager.Barrier(self._max_workers, timeout=_START_TIMEOUT)
        # Each submit starts a process while none is idle, so this starts all of them, and the
        # barrier holds each worker to one warm-up task.
        warm_ups = [executor.submit(_warm_up, barrier) for _ in range(self._max_workers)]
        # The executor keeps no public list of its processes; they are needed to kill them.
        generation = _Generation(executor, tuple(executor._processes.values()))
        problem: str | None = None
        while problem is None:
            done, pending = concurrent.futures.wait(warm_ups, timeout=0.05)
            failures = [f.exception() for f in done if f.exception() is not None]
            if failures:
                problem = f"a worker failed to start ({failures[0]!r}); see the log"
            elif self._abort_start.is_set():
                problem = "the worker pool shut down while its workers were starting"
            elif not pending:
                logger.info(
                    "started %d workers in %.2f s", self._max_workers, time.monotonic() - began
                )
                return generation
            elif time.monotonic() - began > _START_TIMEOUT:
                problem = f"workers did not start within {_START_TIMEOUT:g} s"
        generation.kill()
        executor.shutdown(wait=True, cancel_futures=True)
        raise WorkerCrashed(problem)

    def _start_manager(self) -> None:
        """Start the Manager (in a pool thread); kept even if the caller stopped waiting, so
        that ``_release_resources`` still stops it."""
        manager = SyncManager(ctx=self._context)
        manager.start(exit_with, (os.getpid(),))
        self._manager = manager

    async def _release_resources(self) -> None:
        """Stop the pool's threads, then the Manager.

        The threads are idle after a normal exit (every job has ended); when entering was
        interrupted, a start of workers still under way sees ``_abort_start``, kills its workers
        and returns first, so that no worker is left waiting on a Manager that is gone.
        """
        self._abort_start.set()
        await asyncio.to_thread(self._threads.shutdown, wait=True)
        if self._manager is not None:
            await asyncio.to_thread(self._manager.shutdown)
