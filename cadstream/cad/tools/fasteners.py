"""Bought fasteners holding the tools together: hex bolts and wood screws (tools §1.0.1).

Nuts and washers are the alternator's (:mod:`cadstream.cad.studs`). A fastener is one plain solid,
built once per tool and copied to every position; the reference's chamfers, threads and cross
recesses are left out (they only cost faces), which §1.0.1 allows.
"""

from __future__ import annotations

from dataclasses import dataclass

import cadquery as cq

from cadstream.cad.placement import translated
from cadstream.cad.profiles import disk, prism, profile
from cadstream.cad.tools.plates import hexagon_wire

__all__ = ["BoltDims", "ScrewDims", "hex_bolt", "wood_screw"]

#: Height of a wood screw's conical tip (mm).
_TIP_HEIGHT = 5.0


@dataclass(frozen=True)
class BoltDims:
    """A hex bolt: shank of ``radius`` × ``length``, head ``head_height`` high and
    ``head_across_corners`` wide."""

    radius: float
    length: float
    head_height: float
    head_across_corners: float


@dataclass(frozen=True)
class ScrewDims:
    """A countersunk wood screw of ``diameter`` and overall ``length``; the head's height and
    radius follow from the diameter as the reference's screw model has them."""

    diameter: float
    length: float

    @property
    def head_height(self) -> float:
        return 1.9 * self.diameter / 2 - 1.55

    @property
    def head_radius(self) -> float:
        return 1.7 * self.diameter / 2 + 0.6


def hex_bolt(d: BoltDims) -> cq.Solid:
    """A bolt standing on its head, as the tools use them (the reference instances its bolts
    mirrored and turned 30°): the head fills z ∈ [−head_height, 0] with two corners on ±x, the
    shank z ∈ [0, length]."""
    head = prism(profile(hexagon_wire(0, 0, d.head_across_corners / 2)), d.head_height)
    fused = head.moved(translated(z=-d.head_height)).fuse(disk(d.radius, d.length)).clean()
    solids = fused.Solids()
    if len(solids) != 1:
        raise ValueError(f"a hex bolt came out as {len(solids)} solids, expected 1")
    return solids[0]


def wood_screw(d: ScrewDims) -> cq.Solid:
    """A wood screw, tip down: its 5 mm conical tip from z = 0, the shank (radius diameter / 2)
    and the countersunk head, whose flat top is at z = length.

    Revolving its half-section makes it in one step; the thread is left out.
    """
    r, length = d.diameter / 2, d.length
    shank_top = length - d.head_height
    if shank_top <= _TIP_HEIGHT:
        raise ValueError(f"a wood screw {length} mm long has no room for its shank "
                         f"(head {d.head_height} mm, tip {_TIP_HEIGHT} mm)")
    section = [(0.0, 0.0), (r, _TIP_HEIGHT), (r, shank_top), (d.head_radius, length),
               (0.0, length)]
    wire = cq.Wire.makePolygon([cq.Vector(x, 0, z) for x, z in section], close=True)
    return cq.Solid.revolve(cq.Face.makeFromWires(wire), 360, cq.Vector(), cq.Vector(0, 0, 1))
