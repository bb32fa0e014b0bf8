"""The asyncio side of the job system: singleflight with broadcast, and a cache of results.

It knows nothing of aiohttp, cadquery or the design code: jobs are opaque async functions.
"""

from cadstream.jobs.events import Cancelled, Completed, Event, Failed, Final, Progress
from cadstream.jobs.flights import Flights, FlightStats, Report, Start, Subscription
from cadstream.jobs.lru import ResultCache

__all__ = [
    "Cancelled",
    "Completed",
    "Event",
    "Failed",
    "Final",
    "FlightStats",
    "Flights",
    "Progress",
    "Report",
    "ResultCache",
    "Start",
    "Subscription",
]
