"""The plywood plates the blades are clamped between: back disk and front triangle (assembly §4.8).

Both are flat parts drawn in their profile frames (:class:`~cadstream.cad.turbine_dims.BackDisk`,
:class:`~cadstream.cad.turbine_dims.FrontTriangle`) and placed in the alternator frame at their
axial positions (``derived-dimensions.md`` §20.1), the triangle turned to meet the back disk's
screws. The wood screws are not modelled, only their pilot holes. The hub studs pass through
both plates: the back disk's stud holes are the reference's; the triangle gets them too (the
reference leaves them out, but its screw lines keep clear of them and a builder drills them).
"""

from __future__ import annotations

import math

import cadquery as cq

from cadstream.cad import names
from cadstream.cad.dims import HoleCircle
from cadstream.cad.parts import Built, FlatPart, Part
from cadstream.cad.placement import rotated_z, translated
from cadstream.cad.profiles import circle_wire, polygon_wire, profile
from cadstream.cad.turbine_dims import BackDisk, BladeHubDims, FrontTriangle

__all__ = ["back_disk_profile", "blade_hub_parts", "front_triangle_profile"]


def _holes(circle: HoleCircle) -> list[cq.Wire]:
    return [circle_wire(x, y, circle.radius) for x, y in circle.centres]


def back_disk_profile(d: BackDisk) -> cq.Face:
    """The back disk centred on the origin: centre hole, stud holes (the first on +y) and every
    blade's two rings of screw pilot holes."""
    holes = [circle_wire(0, 0, d.centre_hole_radius), *_holes(d.hub_holes)]
    for ring in d.screw_rings:
        holes += _holes(ring)
    return profile(circle_wire(0, 0, d.radius), holes)


def front_triangle_profile(d: FrontTriangle) -> cq.Face:
    """The front triangle before its turn: centred on the origin, a vertex on +y, with the screw
    pilot holes and the stud holes (:class:`FrontTriangle`)."""
    r = d.side / math.sqrt(3)
    corners = [(r * math.cos(math.radians(a)), r * math.sin(math.radians(a)))
               for a in (90, 210, 330)]
    holes = [circle_wire(x, y, d.screw_radius) for x, y in d.screws]
    return profile(polygon_wire(corners), [*holes, *_holes(d.hub_holes)])


def blade_hub_parts(d: BladeHubDims, at: cq.Location) -> Built:
    """Both plates placed by ``at`` (the alternator frame's location in the turbine), each its
    own object and a plywood flat part (:class:`BladeHubDims` says where they lie)."""
    back = FlatPart(names.BLADE_ASSEMBLY_BACK_DISK, back_disk_profile(d.back), d.back.thickness,
                    "Plywood", 1)
    front = FlatPart(names.BLADE_ASSEMBLY_FRONT_TRIANGLE, front_triangle_profile(d.front),
                     d.front.thickness, "Plywood", 1)
    return Built((
        Part(back.label, back.solid().moved(at * translated(z=d.back_z))),
        Part(front.label, front.solid().moved(at * translated(z=d.front_z)
                                              * rotated_z(d.front.turn))),
    ), (back, front))
