"""The yaw bearing the turbine turns on: pipe, plates, arc wire support, safety catch (assembly §5).

Pieces are built in the yaw frame (:class:`~cadstream.cad.turbine_dims.YawBearingDims`): +y up
the yaw axis, origin on the axis at the pipe's top end. T designs get the small bearing (a top
plate; its bottom plate is welded into the frame, so :mod:`cadstream.cad.frame` places it with
:func:`bottom_plate_profile`), H and Star the extended one (a 45° top bar and a side gusset). Every
plate is a flat part whose profile, extruded once, is the solid placed, so the cut files and the
model agree. The whole bearing is one OBJ object, ``YawBearing``.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad import names
from cadstream.cad.parts import Built, FlatPart, Part
from cadstream.cad.placement import rotated_x, rotated_y, translated
from cadstream.cad.profiles import annulus, circle_wire, polygon_wire, prism, profile
from cadstream.cad.sketch import Turn, outline_wire
from cadstream.cad.turbine_dims import (
    ArcWireSupport,
    BottomPlate,
    ExtendedTop,
    SafetyCatch,
    SidePiece,
    TopPlate,
    YawBearingDims,
    YawPipe,
)
from cadstream.design.arith import asin

__all__ = [
    "ARC_WIRE_SUPPORT",
    "PIPE",
    "arc_wire_support",
    "bottom_plate_profile",
    "extended_top_profile",
    "pieces",
    "pipe",
    "safety_catch_profile",
    "side_profile",
    "top_plate_profile",
    "yaw_bearing_parts",
]

#: Names of the pieces that are not flat parts (those go by their labels, in :mod:`names`).
PIPE = "YawBearing_Pipe"
ARC_WIRE_SUPPORT = "ArcWireSupport"


def pipe(d: YawPipe) -> cq.Solid:
    """The bearing's pipe in the yaw frame: a tube about the y axis over y ∈ [−length, 0]."""
    tube = annulus(d.radius, d.radius - d.wall, d.length)
    return tube.moved(translated(y=-d.length) * rotated_x(-90))


def top_plate_profile(d: TopPlate) -> cq.Face:
    """The T top plate, centred on the origin, with the wire hole and its rounded corner at
    (+x, +y) and the chamfer at (−x, −y) (:class:`TopPlate`)."""
    w, h, c = d.width / 2, d.length / 2, d.chamfer
    hx, hy = d.hole
    outline = outline_wire([(-w + c, -h), (w, -h), Turn(hx, hy, d.corner_radius, 0, 90),
                            (-w, h), (-w, -h + c)])
    return profile(outline, [circle_wire(hx, hy, d.hole_radius)])


def bottom_plate_profile(d: BottomPlate) -> cq.Face:
    """The T bottom plate from its chamfered corner at the origin: the far corner notched round
    the yaw pipe (:class:`BottomPlate`)."""
    w, h, c = d.width, d.length, d.chamfer
    return profile(outline_wire([(c, 0), (w, 0), Turn(w, h, d.notch_radius, 270, 180), (0, h),
                                 (0, c)]))


def extended_top_profile(d: ExtendedTop) -> cq.Face:
    """The extended top bar from its near corner, far end at 45°, wire hole over the yaw axis.

    This is the face its cut file draws, the projection along the yaw axis (tools-and-outputs
    §2.b.2), laid in XY: profile x is the bar's x, profile y its z.
    """
    length, width = d.length, d.width
    outline = polygon_wire([(0, 0), (length - width, 0), (length, width), (0, width)])
    return profile(outline, [circle_wire(d.hole_x, width / 2, d.hole_radius)])


def side_profile(d: SidePiece) -> cq.Face:
    """The side gusset: ``length`` × ``width`` from the origin."""
    return profile(polygon_wire([(0, 0), (d.length, 0), (d.length, d.width), (0, d.width)]))


def safety_catch_profile(d: SafetyCatch) -> cq.Face:
    """The catch with the yaw axis at the origin: ``width`` across y, from the pipe's surface (a
    concave arc of its radius) out along +x to ``length`` beyond it."""
    half, outer = d.width / 2, d.pipe_radius + d.length
    edge = asin(half / d.pipe_radius)
    return profile(outline_wire([(outer, -half), (outer, half),
                                 Turn(0, 0, d.pipe_radius, edge, -edge)]))


def arc_wire_support(d: ArcWireSupport) -> cq.Solid:
    """The half ring in its own frame: centre at the origin, arching over +y in the x-y plane,
    its feet on y = 0, ``width`` thick across z ∈ [−width/2, width/2]."""
    half_ring = outline_wire([Turn(0, 0, d.outer_radius, 0, 180),
                              Turn(0, 0, d.outer_radius - d.thickness, 180, 0)])
    return prism(profile(half_ring), d.width).moved(translated(z=-d.width / 2))


def _steel(label: str, face: cq.Face, thickness: float) -> FlatPart:
    return FlatPart(label, face, thickness, "Steel", 1)


def _flat_parts(d: YawBearingDims) -> list[tuple[FlatPart, cq.Location]]:
    """The bearing's flat parts, each with where its solid sits in the yaw frame.

    The T top plate is turned flat by −90° about x (its +y becomes −z) and shifted so its hole
    is on the axis; the extended bar by +90° (its +y becomes +z) to ``ExtendedTopPlacement``;
    the side stands in the x-y plane turned ``SideYAngle`` about y; the catch is laid flat, its
    lower face at its height, and turned to its heading.
    """
    top, side, catch = d.top, d.side, d.catch
    placed: list[tuple[FlatPart, cq.Location]]
    if isinstance(top, TopPlate):
        placed = [(_steel(names.YAW_BEARING_PLATE_TOP, top_plate_profile(top), top.thickness),
                   translated(-top.hole[0], 0, top.hole[1]) * rotated_x(-90))]
    else:
        placed = [(_steel(names.YAW_BEARING_EXTENDED_TOP, extended_top_profile(top),
                          top.thickness),
                   translated(top.base.x, top.base.y, top.base.z) * rotated_x(90))]
    if side is not None:
        placed.append((_steel(names.YAW_BEARING_EXTENDED_SIDE, side_profile(side), side.thickness),
                       translated(side.x, side.y, side.z) * rotated_y(side.angle)))
    placed.append((_steel(names.YAW_BEARING_SAFETY_CATCH, safety_catch_profile(catch),
                          catch.thickness),
                   translated(y=catch.height) * rotated_y(catch.heading) * rotated_x(-90)))
    return placed


def pieces(d: YawBearingDims) -> tuple[dict[str, cq.Solid], tuple[FlatPart, ...]]:
    """Every piece of the bearing in the yaw frame by name (flat parts by their label), and the
    flat parts they are cut from."""
    arc = d.arc
    shapes = {
        PIPE: pipe(d.pipe),
        ARC_WIRE_SUPPORT: arc_wire_support(arc).moved(
            translated(arc.centre.x, arc.centre.y, arc.centre.z) * rotated_y(arc.angle)),
    }
    placed = _flat_parts(d)
    shapes |= {flat.label: flat.solid().moved(seat) for flat, seat in placed}
    return shapes, tuple(flat for flat, _ in placed)


def yaw_bearing_parts(d: YawBearingDims, at: cq.Location) -> Built:
    """The bearing as one object placed by ``at`` (the yaw frame's location in the turbine, i.e.
    ``WindTurbine.YawBearingPlacement``), and its flat parts."""
    shapes, flat_parts = pieces(d)
    whole = cq.Compound.makeCompound(list(shapes.values())).moved(at)
    return Built((Part(names.YAW_BEARING, whole),), flat_parts)
