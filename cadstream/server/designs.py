"""One design job per parameter set, shared by every stream and download that asks for it.

A finished design comes from the result cache at once; otherwise the request joins the flight of
its key (starting it if needed), whose job runs in the worker pool and lands in the cache. A job
that fails unexpectedly reaches its clients as ``BUILD_FAILED``: the details go to the log.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from cadstream.config import JobSettings
from cadstream.design.derive import DerivationError
from cadstream.jobs import (
    Cancelled,
    Completed,
    Event,
    Failed,
    Flights,
    Report,
    ResultCache,
    Subscription,
)
from cadstream.jobs.pool import JobError, JobFailed, WorkerPool
from cadstream.params.cache_key import cache_key
from cadstream.params.problems import ParameterError
from cadstream.results import DesignOutputs
from cadstream.validation import Validated
from cadstream.worker import build_design

__all__ = ["BUILD_FAILED", "WAITING_FOR_A_WORKER", "DesignRequest", "DesignService",
           "DesignUnavailable"]

_log = logging.getLogger(__name__)

#: The progress message of a job queued behind others until a worker is free.
WAITING_FOR_A_WORKER = "Waiting for a free worker"
#: What a client is told of a job that raised something unexpected: its text may name files
#: and internals of the server, so it goes to the log only.
BUILD_FAILED = "The design could not be built; the server log has the details"
#: Exceptions of the design code whose message tells the user what to change.
_USER_ERRORS = frozenset({ParameterError.__name__, DerivationError.__name__})


class DesignUnavailable(RuntimeError):
    """The job for a design failed or was cancelled; the message says which."""


@dataclass(frozen=True)
class DesignRequest:
    validated: Validated
    key: str

    @staticmethod
    def of(validated: Validated) -> DesignRequest:
        return DesignRequest(validated, cache_key(validated.parameters))


class DesignService:
    """Joins requests onto flights and fills the result cache; owns no resource itself."""

    def __init__(self, flights: Flights, pool: WorkerPool, cache: ResultCache[DesignOutputs],
                 settings: JobSettings) -> None:
        self.flights = flights
        self.pool = pool
        self.cache = cache
        self._settings = settings

    def cached(self, request: DesignRequest, client: str | None = None) -> DesignOutputs | None:
        """The finished design if it is cached. A hit for a stream's ``client`` also makes that
        client follow this design, as subscribing would: its streams on other designs end and
        work nobody else waits for is cancelled (see ``Flights.follow``)."""
        outputs = self.cache.get(request.key)
        if outputs is not None and client is not None:
            self.flights.follow(client, request.key)
        return outputs

    def subscribe(self, request: DesignRequest, client: str,
                  last_event_id: int | None = None) -> Subscription:
        """Follow the job of ``request`` as ``client`` (see ``Flights.subscribe``)."""

        async def start(report: Report, cancelled: asyncio.Event) -> DesignOutputs:
            try:
                return await self._build(request, report, cancelled)
            except Exception as error:
                if _shown(error):
                    raise
                if isinstance(error, JobFailed):  # the pool has logged the worker's traceback
                    kind = error.exception_type
                    _log.error("design %s failed: %s: %s", request.key, kind, error)
                else:
                    kind = type(error).__name__
                    _log.exception("design %s failed", request.key)
                raise JobFailed(BUILD_FAILED, kind) from None

        return self.flights.subscribe(request.key, start, client, last_event_id=last_event_id)

    async def _build(self, request: DesignRequest, report: Report,
                     cancelled: asyncio.Event) -> DesignOutputs:
        cached = self.cache.get(request.key)
        if cached is not None:
            return cached
        if self.pool.running >= self.pool.workers:
            # Say so, rather than nothing until a worker is free (the flight repeats it).
            report(0, WAITING_FOR_A_WORKER)
        # Compressed by the worker: the cache holds a quarter of the bytes, and a stream
        # decompresses only the one file it sends.
        result = await self.pool.run(
            build_design, request.validated.parameters.as_groups(), request.key,
            self._settings.step_delay, report=report, cancelled=cancelled,
            timeout=self._settings.timeout)
        self.cache.put(request.key, result)
        return result

    async def outputs(self, request: DesignRequest, client: str) -> DesignOutputs:
        """The finished design, waiting for its job if needed (for downloads)."""
        cached = self.cached(request)
        if cached is not None:
            return cached
        async with self.subscribe(request, client) as subscription:
            async for event in subscription:
                final = _final(event)
                if final is not None:
                    return final
        raise DesignUnavailable("the design job ended without a result")


def _shown(error: Exception) -> bool:
    """Whether a job's error may reach its clients as it is: the pool's own (cancelled, timed
    out, worker died), and the design code's errors that tell the user what to change."""
    if isinstance(error, JobFailed):
        return error.exception_type in _USER_ERRORS
    return isinstance(error, JobError)


def _final(event: Event) -> DesignOutputs | None:
    if isinstance(event, Completed):
        assert isinstance(event.result, DesignOutputs)
        return event.result
    if isinstance(event, Failed):
        raise DesignUnavailable(event.message)
    if isinstance(event, Cancelled):
        raise DesignUnavailable("the design job was cancelled")
    return None
