"""The boom and what it carries: its brace, the vane and the vane brackets with their bolts (§6.3).

Every plate here is a cutting profile in its sketch's XY plane, extruded once along +z by its
thickness; the tail's placements (``TailFrames``) lay each sketch where the reference does. The
bolts are drawn in the bracket's sketch frame, where the bracket lies on z ∈ [0, thickness] and
the vane under it on z ∈ [−vane thickness, 0].
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad.placement import translated
from cadstream.cad.profiles import circle_wire, disk, polygon_wire, prism, profile
from cadstream.cad.studs import nut, washer
from cadstream.cad.tail_dims import BoomSupportDims, BracketBoltDims, VaneBracketDims, VaneDims
from cadstream.design.arith import cos, sin, tan

__all__ = [
    "bolt_set",
    "boom_support_profile",
    "bracket_bolt_seats",
    "bracket_profile",
    "vane_profile",
]


def boom_support_profile(d: BoomSupportDims) -> cq.Face:
    """The brace's profile: its sketch corners (x along the boom, −y down the hinge pipe)."""
    return profile(polygon_wire(d.outline))


def vane_profile(d: VaneDims) -> cq.Face:
    """The vane's profile, x from the boom end along the boom, y across, symmetric about y = 0.

    A hexagon narrowing to ±``narrow_half`` at the boom end, every corner rounded by
    ``corner_radius``, with the four bracket bolt holes.
    """
    half = d.length / 2
    hexagon = polygon_wire([(0, -d.narrow_half), (d.taper_length, -half), (d.width, -half),
                            (d.width, half), (d.taper_length, half), (0, d.narrow_half)])
    rounded = hexagon.fillet2D(d.corner_radius, hexagon.Vertices())
    return profile(rounded, [circle_wire(x, y, d.hole_radius) for x, y in d.holes])


def bracket_profile(d: VaneBracketDims) -> cq.Face:
    """The bracket body's profile: the bar along +x from its square end at x = 0, y ∈ [0, width],
    its far end cut at ``angle`` (the lower edge the shorter), holes on the centre line."""
    short = d.length - d.width / tan(d.angle)
    bar = polygon_wire([(0, 0), (short, 0), (d.length, d.width), (0, d.width)])
    return profile(bar, [circle_wire(x, d.width / 2, d.hole_radius) for x in d.holes])


def bracket_bolt_seats(d: VaneBracketDims) -> tuple[cq.Location, ...]:
    """Where each bolt set's frame (:func:`bolt_set`) sits in the bracket's frame: on the holes."""
    return tuple(translated(x, d.width / 2) for x in d.holes)


def bolt_set(d: BracketBoltDims, bracket_thickness: float, vane_thickness: float) -> cq.Compound:
    """A hex bolt through bracket and vane, with a wide washer and a nut under the vane.

    Frame: origin on the bolt's axis at the face where bracket meets vane, +z through the
    bracket. The head (corners on ±y, as the nut's) stands on the bracket at z = bracket
    thickness; the shank of ``d.length`` runs down from under it; the washer and nut sit under
    the vane. Symmetric under x → −x, which the mirrored bracket relies on.
    """
    f = d.fastener
    rc = d.head_circumradius
    head = prism(profile(polygon_wire([(rc * cos(90 + 60 * k), rc * sin(90 + 60 * k))
                                       for k in range(6)])), f.nut_thickness)
    under_vane = -vane_thickness - f.washer_thickness
    return cq.Compound.makeCompound([
        head.moved(translated(z=bracket_thickness)),
        disk(f.radius, d.length).moved(translated(z=bracket_thickness - d.length)),
        washer(f, wide=True).moved(translated(z=under_vane)),
        nut(f).moved(translated(z=under_vane - f.nut_thickness)),
    ])

