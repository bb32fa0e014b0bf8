"""What a subscriber to a flight receives: progress, then exactly one final event.

Every event carries ``id``, its place in the flight's sequence (1, 2, 3, ... with no gaps), so a
streaming layer can send it as an SSE ``id:`` line and resume a reconnecting client after the
``Last-Event-ID`` it echoes back. ``id`` is keyword-only so the payload reads first:
``Progress(40, "Building rotor", id=7)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["Cancelled", "Completed", "Event", "Failed", "Final", "Progress"]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Numbered:
    id: int


@dataclass(frozen=True, slots=True)
class Progress(_Numbered):
    """The job has reached ``percent`` (0-100, never below an earlier one) doing ``message``."""

    percent: int
    message: str


@dataclass(frozen=True, slots=True)
class Completed(_Numbered):
    """The job returned ``result``; no event follows."""

    result: object


@dataclass(frozen=True, slots=True)
class Failed(_Numbered):
    """The job raised; ``message`` says why. No event follows."""

    message: str


@dataclass(frozen=True, slots=True)
class Cancelled(_Numbered):
    """The work was cancelled, or this subscriber's client moved on. No event follows."""


#: An event that ends a subscription.
Final: TypeAlias = Completed | Failed | Cancelled
#: Any event a subscription yields.
Event: TypeAlias = Progress | Final
