"""Plane profiles (faces in XY) and the prisms and rings made from them.

Outlines are chains of counter-clockwise arcs (``design.coils.Arc``, the type the closed-form
outlines of ``design/coils.py`` return); where two arcs do not meet, the straight line tangent to
both joins them. That covers every outline of the alternator (rounded trapezoids and
triangles, the five-arc reduced coil, the stator's ears), so a part is one profile extruded once
rather than a stack of boolean operations.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import cadquery as cq

from cadstream.design.arith import atan2
from cadstream.design.coils import Arc

__all__ = [
    "Circle",
    "annulus",
    "arc_chain_wire",
    "circle_wire",
    "disk",
    "hull_arcs",
    "mirrored_halves",
    "polygon_wire",
    "prism",
    "profile",
]

Circle = tuple[float, float, float]
"""``(x, y, radius)``."""

#: Points closer than this (mm) are the same point; arcs shorter than it are left out.
_SAME = 1e-9

_Z = cq.Vector(0, 0, 1)


def hull_arcs(circles: Sequence[Circle]) -> tuple[Arc, ...]:
    """The convex hull of ``circles`` (listed counter-clockwise) as its arcs.

    Consecutive circles are joined by their outer common tangent: its outward normal ``n`` meets
    ``n · (c₂ − c₁) = r₁ − r₂`` and lies right of the travel direction. Repeated circles (a pin
    pair that has merged) are dropped.
    """
    unique = [c for i, c in enumerate(circles)
              if math.dist(c[:2], circles[i - 1][:2]) > _SAME or c[2] != circles[i - 1][2]]
    normals: list[float] = []
    for (x1, y1, r1), (x2, y2, r2) in zip(unique, unique[1:] + unique[:1], strict=True):
        d = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / d, (y2 - y1) / d
        along = (r1 - r2) / d
        across = math.sqrt(1 - along * along)
        normals.append(atan2(along * uy - across * ux, along * ux + across * uy))
    return tuple(Arc(x, y, r, normals[i - 1], normals[i]) for i, (x, y, r) in enumerate(unique))


def mirrored_halves(right: Sequence[Arc]) -> tuple[Arc, ...]:
    """A closed outline symmetric about the y axis, from its right half (bottom to top)."""
    left = tuple(Arc(-a.cx, a.cy, a.radius, 180 - a.end, 180 - a.start) for a in reversed(right))
    return (*right, *left)


def _edge(a: Arc) -> cq.Edge:
    return cq.Edge.makeCircle(a.radius, cq.Vector(a.cx, a.cy, 0), _Z, a.start, a.start + a.sweep)


def arc_chain_wire(arcs: Sequence[Arc]) -> cq.Wire:
    """A closed wire through ``arcs`` in order, with a straight line wherever two do not meet."""
    edges: list[cq.Edge] = []
    for arc, after in zip(arcs, [*arcs[1:], arcs[0]], strict=True):
        if arc.radius * math.radians(arc.sweep) > _SAME:
            edges.append(_edge(arc))
        end, start = arc.point(arc.start + arc.sweep), after.point(after.start)
        if math.dist(end, start) > _SAME:
            edges.append(cq.Edge.makeLine(cq.Vector(*end, 0), cq.Vector(*start, 0)))
    return cq.Wire.assembleEdges(edges)


def circle_wire(x: float, y: float, radius: float) -> cq.Wire:
    return cq.Wire.makeCircle(radius, cq.Vector(x, y, 0), _Z)


def polygon_wire(points: Sequence[tuple[float, float]]) -> cq.Wire:
    return cq.Wire.makePolygon([cq.Vector(x, y, 0) for x, y in points], close=True)


def profile(outer: cq.Wire, holes: Sequence[cq.Wire] = ()) -> cq.Face:
    """A face in XY bounded by ``outer``, with ``holes`` (which must lie inside and apart)."""
    return cq.Face.makeFromWires(outer, list(holes))


def prism(face: cq.Face, height: float) -> cq.Solid:
    """``face`` extruded along +z from where it lies."""
    return cq.Solid.extrudeLinear(face, cq.Vector(0, 0, height))


def disk(radius: float, height: float) -> cq.Solid:
    """Solid cylinder on +z from z = 0."""
    return cq.Solid.makeCylinder(radius, height)


def annulus(outer_radius: float, inner_radius: float, height: float) -> cq.Solid:
    """Tube (the reference's ``Part::Tube``) on +z from z = 0."""
    return prism(profile(circle_wire(0, 0, outer_radius), [circle_wire(0, 0, inner_radius)]),
                 height)
