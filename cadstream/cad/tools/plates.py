"""Plywood plates: the outlines the tools share and a plate placed in its tool.

Outlines are arc chains (:mod:`cadstream.cad.profiles`), so a plate with its notches and dozens of
holes is one face extruded once, never a stack of boolean cuts. The notch geometry is plain
arithmetic on points and arcs, testable without the CAD kernel.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import cadquery as cq

from cadstream.cad.parts import FlatPart, Part
from cadstream.cad.placement import translated
from cadstream.cad.profiles import circle_wire, polygon_wire
from cadstream.design.arith import atan2, cos, sin
from cadstream.design.coils import Arc

__all__ = [
    "Notch",
    "Point",
    "hexagon_wire",
    "notched_rim",
    "placed",
    "polar",
    "round_holes",
    "square_wire",
    "turned",
]

Point = tuple[float, float]


def polar(radius: float, degrees: float) -> Point:
    return radius * cos(degrees), radius * sin(degrees)


def turned(point: Point, degrees: float) -> Point:
    """``point`` turned counter-clockwise about the origin."""
    c, s = cos(degrees), sin(degrees)
    return c * point[0] - s * point[1], s * point[0] + c * point[1]


def square_wire(side: float, centre_y: float = 0.0) -> cq.Wire:
    """A square of ``side`` centred on ``(0, centre_y)``, edges along the axes."""
    h = side / 2
    return polygon_wire([(-h, centre_y - h), (h, centre_y - h), (h, centre_y + h),
                         (-h, centre_y + h)])


def hexagon_wire(x: float, y: float, circumradius: float) -> cq.Wire:
    """A regular hexagon centred on ``(x, y)`` with two corners on the line y = const (±x)."""
    return polygon_wire([(x + px, y + py) for px, py in
                         (polar(circumradius, 60 * k) for k in range(6))])


def round_holes(centres: Iterable[Point], radius: float) -> list[cq.Wire]:
    return [circle_wire(x, y, radius) for x, y in centres]


def placed(flat: FlatPart, z: float) -> Part:
    """The flat part's own solid lifted to ``z``, named after its label."""
    return Part(flat.label, flat.solid().moved(translated(z=z)))


@dataclass(frozen=True)
class Notch:
    """A cut in from a disk's rim.

    Its two sides run outward through the rim, from ``points[0]`` along the unit vector
    ``entry`` and from ``points[-1]`` along ``exit``; ``points`` is its inner end, listed in the
    order a counter-clockwise walk round the disk meets them (material on the left).
    """

    points: tuple[Point, ...]
    entry: Point
    exit: Point

    @property
    def angle(self) -> float:
        """Polar angle of the notch's inner end, in [0, 360): orders the notches round the rim."""
        x = sum(p[0] for p in self.points) / len(self.points)
        y = sum(p[1] for p in self.points) / len(self.points)
        return atan2(y, x) % 360


def _rim_corner(start: Point, outward: Point, material: Point, radius: float,
                fillet: float) -> Point:
    """Centre of the fillet of ``fillet`` rounding the corner where a notch side meets the rim.

    The side runs from ``start`` along ``outward``; ``material`` is its unit normal into the
    plate. The centre lies ``fillet`` off the side, inside the plate, and ``radius − fillet``
    from the disk's centre; a zero fillet gives the sharp corner on the rim itself.
    """
    bx, by = start[0] + fillet * material[0], start[1] + fillet * material[1]
    along = bx * outward[0] + by * outward[1]
    reach = along * along - (bx * bx + by * by) + (radius - fillet) ** 2
    if reach < 0:
        raise ValueError(f"a notch side from {start} misses the rim of radius {radius}")
    s = -along + math.sqrt(reach)
    if s < 0:
        raise ValueError(f"a notch side from {start} starts outside the rim of radius {radius}")
    return bx + s * outward[0], by + s * outward[1]


def notched_rim(radius: float, notches: Sequence[Notch], fillet: float) -> tuple[Arc, ...]:
    """The outline of a disk of ``radius`` (centred on the origin) with ``notches`` cut in from
    its rim, each rim corner rounded by ``fillet`` (0 for sharp corners), as a closed
    counter-clockwise arc chain for :func:`~cadstream.cad.profiles.arc_chain_wire`.

    Inner-end points become zero-radius arcs, so straight lines join them; notches must not
    overlap one another.
    """
    cuts: list[tuple[Point, tuple[Arc, ...], Point]] = []
    for notch in sorted(notches, key=lambda n: n.angle):
        entry_side = (notch.entry[1], -notch.entry[0])
        exit_side = (-notch.exit[1], notch.exit[0])
        first = _rim_corner(notch.points[0], notch.entry, entry_side, radius, fillet)
        last = _rim_corner(notch.points[-1], notch.exit, exit_side, radius, fillet)
        arcs = (Arc(*first, fillet, atan2(first[1], first[0]),
                    atan2(-entry_side[1], -entry_side[0])),
                *(Arc(*point, 0.0, 0.0, 0.0) for point in notch.points),
                Arc(*last, fillet, atan2(-exit_side[1], -exit_side[0]), atan2(last[1], last[0])))
        cuts.append((first, arcs, last))
    chain: list[Arc] = []
    for k, (first, arcs, _) in enumerate(cuts):
        previous_last = cuts[k - 1][2]
        chain.append(Arc(0.0, 0.0, radius, atan2(previous_last[1], previous_last[0]),
                         atan2(first[1], first[0])))
        chain += arcs
    return tuple(chain)
