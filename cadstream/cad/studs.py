"""Threaded studs with their nuts and washers: the hub studs and the stator mounting studs.

A stud unit is built once (rod, nuts and washers as plain solids; the reference's nut chamfers
and grooves are left out, they only cost faces) and copied to every stud position. Unit frame:
origin on the stud's axis, +z along it; the pattern turns each copy with its position, as the
reference's polar arrays do.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad.dims import FastenerDims, StudDims
from cadstream.cad.placement import pattern, rotated_z, translated
from cadstream.cad.profiles import annulus, circle_wire, disk, polygon_wire, prism, profile
from cadstream.design.arith import cos, sin

__all__ = ["nut", "stud_unit", "studs", "washer"]


def nut(f: FastenerDims) -> cq.Solid:
    """Hex nut, z ∈ [0, nut_thickness]: across corners 3.5·r with corners on ±y, bore r."""
    rc = f.nut_circumradius
    hexagon = polygon_wire([(rc * cos(90 + 60 * k), rc * sin(90 + 60 * k)) for k in range(6)])
    return prism(profile(hexagon, [circle_wire(0, 0, f.radius)]), f.nut_thickness)


def washer(f: FastenerDims, wide: bool) -> cq.Solid:
    """Washer, z ∈ [0, washer_thickness]: bore r + 0.5, outer 2·r (standard) or 3·r (wide)."""
    return annulus((3 if wide else 2) * f.radius, f.washer_inner_radius, f.washer_thickness)


def stud_unit(d: StudDims) -> cq.Compound:
    """One stud in its unit frame: the rod from ``rod_start`` and each nut and washer at its z."""
    solids = {"nut": nut(d.fastener), "washer": washer(d.fastener, wide=False),
              "wide washer": washer(d.fastener, wide=True)}
    rod = disk(d.fastener.radius, d.length).moved(translated(z=d.rod_start))
    return cq.Compound.makeCompound(
        [rod, *(solids[kind].moved(translated(z=z)) for kind, z in d.items)])


def studs(d: StudDims) -> cq.Compound:
    """Every stud at its position on ``d.positions`` (unit z = 0 in the plane z = 0)."""
    seat = translated(0, d.positions.pitch_radius, 0)
    return pattern(stud_unit(d), (rotated_z(angle - 90) * seat for angle in d.positions.angles))
