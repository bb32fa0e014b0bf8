"""One design job per parameter set, shared by every stream and download that asks for it.

A finished design comes from the result cache at once; otherwise the request joins the flight of
its key (starting it if needed), whose job runs in the worker pool and lands in the cache.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from cadstream.config import JobSettings
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
from cadstream.jobs.pool import WorkerPool
from cadstream.params.cache_key import cache_key
from cadstream.results import DesignOutputs
from cadstream.validation import Validated
from cadstream.worker import build_design

__all__ = ["DesignRequest", "DesignService", "DesignUnavailable"]


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

    def cached(self, request: DesignRequest) -> DesignOutputs | None:
        return self.cache.get(request.key)

    def subscribe(self, request: DesignRequest, client: str,
                  last_event_id: int | None = None) -> Subscription:
        """Follow the job of ``request`` as ``client`` (see ``Flights.subscribe``)."""

        async def start(report: Report, cancelled: asyncio.Event) -> DesignOutputs:
            cached = self.cache.get(request.key)
            if cached is not None:
                return cached
            result = await self.pool.run(
                build_design, request.validated.parameters.as_groups(), request.key,
                self._settings.step_delay, report=report, cancelled=cancelled,
                timeout=self._settings.timeout)
            self.cache.put(request.key, result)
            return result

        return self.flights.subscribe(request.key, start, client, last_event_id=last_event_id)

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


def _final(event: Event) -> DesignOutputs | None:
    if isinstance(event, Completed):
        assert isinstance(event.result, DesignOutputs)
        return event.result
    if isinstance(event, Failed):
        raise DesignUnavailable(event.message)
    if isinstance(event, Cancelled):
        raise DesignUnavailable("the design job was cancelled")
    return None
