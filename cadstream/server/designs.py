"""One design job per parameter set, shared by every stream and download that asks for it.

A finished design comes from the result cache at once; otherwise the request joins the flight of
its key (starting it if needed), whose job runs in the worker pool and lands in the cache.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
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

__all__ = ["WAITING_FOR_A_WORKER", "DesignRequest", "DesignService", "DesignUnavailable"]

#: The progress message of a job queued behind others until a worker is free.
WAITING_FOR_A_WORKER = "Waiting for a free worker"


class DesignUnavailable(RuntimeError):
    """The job for a design failed or was cancelled; the message says which."""


@dataclass(frozen=True)
class DesignRequest:
    validated: Validated
    key: str

    @staticmethod
    def of(validated: Validated) -> DesignRequest:
        return DesignRequest(validated, cache_key(validated.parameters))


#: The views a client can ask of a design: six assemblies, the CNC overview and the tables.
_VIEWS_PER_DESIGN = 8
#: Encoded views are kept for this many designs: the crowd asks for the newest one, and each
#: view of a turbine is megabytes that need not sit in memory beside the design itself.
_ENCODED_DESIGNS = 2


class DesignService:
    """Joins requests onto flights and fills the result cache; owns no resource itself."""

    def __init__(self, flights: Flights, pool: WorkerPool, cache: ResultCache[DesignOutputs],
                 settings: JobSettings) -> None:
        self.flights = flights
        self.pool = pool
        self.cache = cache
        self._settings = settings
        self._encoded: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._encoded_limit = _VIEWS_PER_DESIGN * _ENCODED_DESIGNS

    def encoded(self, outputs: DesignOutputs, view: str, encode: Callable[[], str]) -> str:
        """``encode()`` of one view of a finished design, computed once however many clients
        receive it (a turbine's OBJ is megabytes of JSON: a hundred streams must not encode it
        a hundred times). Kept for the most recently used designs only."""
        key = (outputs.key, view)
        text = self._encoded.get(key)
        if text is None:
            text = self._encoded[key] = encode()
            while len(self._encoded) > self._encoded_limit:
                self._encoded.popitem(last=False)
        else:
            self._encoded.move_to_end(key)
        return text

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
            cached = self.cache.get(request.key)
            if cached is not None:
                return cached
            if self.pool.running >= self.pool.workers:
                # Say so, rather than nothing until a worker is free (the flight repeats it).
                report(0, WAITING_FOR_A_WORKER)
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
