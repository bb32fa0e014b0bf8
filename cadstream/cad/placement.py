"""Locations for CadQuery: the design's placements, and copies of a part placed many times.

A :class:`~cadstream.design.vectors.Placement` maps ``p`` to ``R·p + b``, which is exactly what a
``cq.Location`` made of a rotation and then a translation part does, so the reference's placement
chains convert one to one and compose in the same order (``a * b`` applies ``b`` first).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import cadquery as cq

from cadstream.design.vectors import Placement

__all__ = ["location", "pattern", "rotated_x", "rotated_y", "rotated_z", "translated"]


def location(placement: Placement) -> cq.Location:
    """The location that applies ``placement``.

    The angle comes from ``atan2`` of the quaternion rather than ``acos`` of its scalar part, which
    keeps small rotations accurate.
    """
    b, q = placement.base, placement.rotation
    sine = math.sqrt(q.x * q.x + q.y * q.y + q.z * q.z)
    if sine == 0.0:
        return cq.Location(cq.Vector(b.x, b.y, b.z))
    angle = math.degrees(2 * math.atan2(sine, q.w))
    return cq.Location(cq.Vector(b.x, b.y, b.z), cq.Vector(q.x, q.y, q.z) / sine, angle)


def translated(x: float = 0.0, y: float = 0.0, z: float = 0.0) -> cq.Location:
    return cq.Location(cq.Vector(x, y, z))


def rotated_x(degrees: float) -> cq.Location:
    """A turn about +x: ``rotated_x(-90)`` stands a part drawn in XY up in XZ, its +z now +y."""
    return cq.Location(cq.Vector(), cq.Vector(1, 0, 0), degrees)


def rotated_y(degrees: float) -> cq.Location:
    """A turn about +y (the yaw axis in the turbine and yaw bearing frames)."""
    return cq.Location(cq.Vector(), cq.Vector(0, 1, 0), degrees)


def rotated_z(degrees: float) -> cq.Location:
    """A turn about +z (the alternator's axis in every local frame of this package)."""
    return cq.Location(cq.Vector(), cq.Vector(0, 0, 1), degrees)


def pattern(shape: cq.Shape, locations: Iterable[cq.Location]) -> cq.Compound:
    """One compound of ``shape`` at each location: a repeated part is built once, placed many
    times, and the copies share its geometry (and its meshing, later)."""
    return cq.Compound.makeCompound([shape.moved(loc) for loc in locations])
