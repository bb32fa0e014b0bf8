"""The tail hinge: the pipes it turns on, their caps and the junction plates (assembly §6.2, §6.3).

A pipe is built in its own frame: axis +z, from z = 0 at its lower end. The junction plates are
drawn in the junction frame, whose z axis is the yaw axis (z = 0 at the yaw pipe's lower end) and
whose +x runs towards the inner hinge pipe; each plate is its cutting profile extruded once, and
:func:`junction_seats` says where each one sits in that frame.
"""

from __future__ import annotations

import math

import cadquery as cq

from cadstream.cad.placement import translated
from cadstream.cad.profiles import annulus, circle_wire, polygon_wire, profile
from cadstream.cad.sketch import Turn, outline_wire
from cadstream.cad.tail_dims import CoverDims, JunctionDims, PipeDims
from cadstream.design.arith import acos, atan2

__all__ = [
    "cover_profile",
    "junction_seats",
    "junction_side_profile",
    "junction_top_profile",
    "pipe",
]


def pipe(d: PipeDims) -> cq.Solid:
    """The tube in its frame: outside radius ``d.radius``, z ∈ [0, ``d.length``]."""
    return annulus(d.radius, d.radius - d.wall, d.length)


def cover_profile(d: CoverDims) -> cq.Face:
    """A pipe cap's cutting profile: the disk of ``d.radius`` centred on the origin."""
    return profile(circle_wire(0, 0, d.radius))


def junction_top_profile(d: JunctionDims) -> cq.Face:
    """The top plate's profile in the junction frame (yaw axis at the origin).

    Between the yaw pipe circle and the inner pipe circle at x = ``full_width``, bounded above and
    below by the lines from the yaw circle's top (bottom) point tangent to the inner pipe circle;
    cut straight at x = ``chamfer`` and at the tangent points' x less ``chamfer``, with concave
    arcs following both pipes.
    """
    r, rh, w, c = d.yaw_radius, d.hinge_radius, d.full_width, d.chamfer
    tangent = atan2(r, -w) - acos(rh / math.hypot(w, r))
    tx, ty = w + rh * math.cos(math.radians(tangent)), rh * math.sin(math.radians(tangent))
    far = tx - c

    def edge(x: float) -> float:
        return r + (ty - r) * x / tx

    yaw_end = acos(c / r)
    hinge_end = acos((w - far) / rh)
    return profile(outline_wire([
        Turn(0, 0, r, yaw_end, -yaw_end),
        (c, -edge(c)),
        (far, -edge(far)),
        Turn(w, 0, rh, 180 + hinge_end, 180 - hinge_end),
        (far, edge(far)),
        (c, edge(c)),
    ]))


def junction_side_profile(d: JunctionDims) -> cq.Face:
    """A side plate's profile in its own sketch (x from the yaw axis, y up the junction).

    Along the bottom to where both pipes' radii meet, up the inner pipe's slant to just under the
    top plate, then straight back to the top of the junction at that same x.
    """
    base = d.yaw_radius + d.hinge_radius
    return profile(polygon_wire([(0, 0), (base, 0), (d.full_width, d.height - d.thickness),
                                 (base, d.height), (0, d.height)]))


def junction_seats(d: JunctionDims) -> tuple[cq.Location, cq.Location, cq.Location]:
    """Where the top plate and the front and back side plates sit in the junction frame.

    The top plate lies on z ∈ [height − thickness, height]. The side plates stand up (their sketch
    turned 90° about x, so its thickness runs towards −y) against the yaw pipe's sides, the front
    one on y ∈ [−r − thickness, −r], the back one on [r, r + thickness], each turned about z by
    ``side_angle`` towards the smaller inner pipe.
    """
    r, t, angle = d.yaw_radius, d.thickness, d.side_angle
    stand = cq.Location(cq.Vector(), cq.Vector(1, 0, 0), 90)
    turn = cq.Vector(0, 0, 1)
    return (translated(z=d.height - t),
            cq.Location(cq.Vector(0, -r, 0), turn, angle) * stand,
            cq.Location(cq.Vector(0, r + t, 0), turn, -angle) * stand)
