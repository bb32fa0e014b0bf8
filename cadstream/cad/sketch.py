"""Plane outlines drawn the way the reference's plate sketches are: corners and arcs in order.

The tail's plates mix straight edges with arcs that run either way round (a stop plate wraps its
pipe with a concave arc), which :func:`cadstream.cad.profiles.arc_chain_wire` (counter-clockwise
arcs only) cannot draw. Here an outline is a list of steps: a corner is a point, a :class:`Turn`
an arc from its start angle to its end angle; consecutive steps are joined by a straight line
wherever they do not meet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cadquery as cq

from cadstream.design.arith import cos, sin

__all__ = ["Step", "Turn", "outline_wire"]

#: Points closer than this (mm) are one point: no line is drawn between them.
_SAME = 1e-9


@dataclass(frozen=True)
class Turn:
    """An arc of ``radius`` about ``(cx, cy)`` from ``start`` to ``end`` degrees: counter-clockwise
    when ``end`` > ``start``, clockwise when ``end`` < ``start``; less than a full turn."""

    cx: float
    cy: float
    radius: float
    start: float
    end: float

    def point(self, degrees: float) -> tuple[float, float]:
        return self.cx + self.radius * cos(degrees), self.cy + self.radius * sin(degrees)


Step = tuple[float, float] | Turn


def _ends(step: Step) -> tuple[tuple[float, float], tuple[float, float]]:
    if isinstance(step, Turn):
        return step.point(step.start), step.point(step.end)
    return step, step


def _vector(point: tuple[float, float]) -> cq.Vector:
    return cq.Vector(point[0], point[1], 0)


def outline_wire(steps: Sequence[Step]) -> cq.Wire:
    """The closed wire through ``steps`` in order, in the XY plane."""
    edges: list[cq.Edge] = []
    for step, after in zip(steps, [*steps[1:], steps[0]], strict=True):
        start, end = _ends(step)
        if isinstance(step, Turn):
            middle = step.point((step.start + step.end) / 2)
            edges.append(cq.Edge.makeThreePointArc(_vector(start), _vector(middle), _vector(end)))
        following = _ends(after)[0]
        if math.dist(end, following) > _SAME:
            edges.append(cq.Edge.makeLine(_vector(end), _vector(following)))
    return cq.Wire.assembleEdges(edges)
