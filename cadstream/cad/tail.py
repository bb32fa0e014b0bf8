"""The tail, placed in the turbine frame: fixed hinge, outer hinge, boom, high end stop, vane (§6).

Parts are built in their local frames and carried into the turbine frame by the reference's chain
``TailAssemblyLinkPlacement · TailAssemblyPlacement · …`` (the frames of
:class:`~cadstream.cad.tail_dims.TailFrames`), so at furl 0 the OBJ holds the tail where the
viewer's furl transform expects it.
Two cuts reach across frames, as in the reference: the yaw pipe's cylinder seats the low end stop
against the yaw pipe, and the outer hinge pipe's cylinder shapes the high end stop round that
pipe. The objects are the viewer's: ``Tail_Hinge_Inner`` stays put, the others furl.
"""

from __future__ import annotations

from functools import partial

import cadquery as cq
from OCP.gp import gp_Ax2, gp_Dir, gp_Pnt, gp_Trsf

from cadstream.cad import end_stops, names, tail_boom, tail_hinge
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import location, translated
from cadstream.cad.profiles import disk
from cadstream.cad.tail_dims import TailDims
from cadstream.design.cells import TypedValues
from cadstream.design.vectors import Vector

__all__ = ["tail_steps"]


def _fixed_hinge(d: TailDims) -> Built:
    """Inner pipe, its cap (H and Star) and the junction plates: the object ``Tail_Hinge_Inner``."""
    f, j = d.frames, d.junction
    top = FlatPart(names.TAIL_HINGE_JUNCTION_COVER_TOP, tail_hinge.junction_top_profile(j),
                   j.thickness, "Steel", 1)
    side = FlatPart(names.TAIL_HINGE_JUNCTION_COVER_SIDE, tail_hinge.junction_side_profile(j),
                    j.thickness, "Steel", 2)
    junction = location(f.junction)
    top_seat, front_seat, back_seat = tail_hinge.junction_seats(j)
    side_solid = side.solid()
    pipe_at = location(f.inner_pipe)
    solids: list[cq.Shape] = [
        tail_hinge.pipe(d.inner_pipe).moved(pipe_at),
        top.solid().moved(junction * top_seat),
        side_solid.moved(junction * front_seat),
        side_solid.moved(junction * back_seat),
    ]
    flats = [top, side]
    if d.inner_cover is not None:
        cover = FlatPart(names.TAIL_HINGE_INNER_PIPE_COVER,
                         tail_hinge.cover_profile(d.inner_cover), d.inner_cover.thickness,
                         "Steel", 1)
        solids.append(cover.solid().moved(pipe_at * translated(z=d.inner_pipe.length)))
        flats.append(cover)
    return Built((Part(names.TAIL_HINGE_INNER, cq.Compound.makeCompound(solids)),), tuple(flats))


def _outer_hinge(d: TailDims) -> Built:
    """Outer pipe, its cap and the low end stop, seated on the yaw pipe: ``Tail_Hinge_Outer``."""
    f = d.frames
    cover = FlatPart(names.TAIL_HINGE_OUTER_PIPE_COVER, tail_hinge.cover_profile(d.outer_cover),
                     d.outer_cover.thickness, "Steel", 1)
    yaw_pipe = disk(d.yaw_pipe_radius, d.yaw_pipe_length).moved(
        location(f.low_end_stop.inverse() * f.yaw_pipe))
    stop = d.low_end_stop
    stop_solid, stop_profile = end_stops.cut_plate(end_stops.low_end_stop_outline(stop),
                                                   stop.thickness, yaw_pipe)
    hinge = location(f.outer_hinge)
    whole = cq.Compound.makeCompound([
        tail_hinge.pipe(d.outer_pipe).moved(hinge),
        cover.solid().moved(hinge * translated(z=d.outer_pipe.length)),
        stop_solid.moved(location(f.low_end_stop)),
    ])
    flat_stop = FlatPart(names.TAIL_STOP_LOW_END, stop_profile, stop.thickness, "Steel", 1)
    return Built((Part(names.TAIL_HINGE_OUTER, whole),), (cover, flat_stop))


def _boom(d: TailDims) -> Built:
    """The boom pipe and the brace holding it to the outer hinge pipe."""
    f = d.frames
    brace = d.boom_support
    support = FlatPart(names.TAIL_BOOM_SUPPORT, tail_boom.boom_support_profile(brace),
                       brace.thickness, "Steel", 1)
    return Built((
        Part(names.TAIL_BOOM_PIPE, tail_hinge.pipe(d.boom).moved(location(f.boom))),
        Part(names.TAIL_BOOM_SUPPORT, support.solid().moved(location(f.boom_support))),
    ), (support,))


def _high_end_stop(d: TailDims) -> Built:
    """The high end stop, shaped round the outer hinge pipe: ``Tail_Stop_HighEnd``."""
    f = d.frames
    stop = d.high_end_stop
    outer_pipe = disk(d.outer_pipe.radius, d.outer_pipe.length).moved(
        location(f.high_end_stop.inverse() * f.outer_hinge))
    solid, outline = end_stops.cut_plate(end_stops.high_end_stop_outline(stop), stop.thickness,
                                         outer_pipe)
    return Built((Part(names.TAIL_STOP_HIGH_END, solid.moved(location(f.high_end_stop))),),
                 (FlatPart(names.TAIL_STOP_HIGH_END, outline, stop.thickness, "Steel", 1),))


def _mirror(point: Vector, normal: Vector) -> gp_Trsf:
    """The reflection in the plane through ``point`` normal to ``normal``."""
    trsf = gp_Trsf()
    trsf.SetMirror(gp_Ax2(gp_Pnt(point.x, point.y, point.z), gp_Dir(normal.x, normal.y, normal.z)))
    return trsf


def _reflected(outer: gp_Trsf, seat: cq.Location, inner: gp_Trsf) -> cq.Location:
    """``outer · seat · inner``: a part placed at ``seat`` and reflected by ``outer``, for a part
    that ``inner`` (a reflection in its own frame) leaves unchanged. Two reflections make a
    rotation, so the mirror image is the part itself, moved: no left-handed solid is made."""
    trsf = gp_Trsf()
    trsf.Multiply(outer)
    trsf.Multiply(seat.wrapped.Transformation())
    trsf.Multiply(inner)
    return cq.Location(trsf)


def _vane(d: TailDims) -> Built:
    """The vane and its two brackets, each bracket with two bolts, washers and nuts.

    The bottom bracket mirrors the top one across the horizontal plane through the boom axis:
    its plate is the top one turned over (a plate is symmetric through its thickness), and each
    bolt set the top one's mirrored about its own axis (it is symmetric in its x).
    """
    f, b = d.frames, d.vane_bracket
    vane = FlatPart(names.TAIL_VANE, tail_boom.vane_profile(d.vane), d.vane.thickness,
                    "Plywood", 1)
    body = FlatPart(names.TAIL_VANE_BRACKET_BODY, tail_boom.bracket_profile(b), b.thickness,
                    "Steel", 2)
    body_solid = body.solid()
    bolts = tail_boom.bolt_set(b.bolt, b.thickness, b.vane_thickness)
    top = location(f.vane_bracket)
    bolt_seats = [top * seat for seat in tail_boom.bracket_bolt_seats(b)]
    across = _mirror(f.boom.base, f.boom.rotation.apply(Vector(1, 0, 0)))
    flip = _mirror(Vector(0, 0, b.thickness / 2), Vector(0, 0, 1))
    side = _mirror(Vector(), Vector(1, 0, 0))
    top_bracket = [body_solid.moved(top), *(bolts.moved(seat) for seat in bolt_seats)]
    bottom_bracket = [body_solid.moved(_reflected(across, top, flip)),
                      *(bolts.moved(_reflected(across, seat, side)) for seat in bolt_seats)]
    return Built((
        Part(names.TAIL_VANE, vane.solid().moved(location(f.vane))),
        Part(names.VANE_BRACKET_TOP, cq.Compound.makeCompound(top_bracket)),
        Part(names.VANE_BRACKET_BOTTOM, cq.Compound.makeCompound(bottom_bracket)),
    ), (vane, body))


def tail_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the tail of a derived design, in the turbine frame, unfurled.

    Dimensions are read (and checked) before any step runs. Objects: ``Tail_Hinge_Inner`` (fixed
    to the yaw pipe), and the furling ``Tail_Hinge_Outer`` (with the low end stop),
    ``Tail_Boom_Pipe``, ``Tail_Boom_Support``, ``Tail_Stop_HighEnd``, ``Tail_Vane``,
    ``Vane_Bracket_Top`` and ``Vane_Bracket_Bottom``; each flat part is handed out once.
    """
    d = TailDims.from_cells(cells)
    return [
        PartBuilder("tail hinge", partial(_fixed_hinge, d)),
        PartBuilder("tail outer hinge", partial(_outer_hinge, d)),
        PartBuilder("tail boom", partial(_boom, d)),
        PartBuilder("tail high end stop", partial(_high_end_stop, d)),
        PartBuilder("tail vane", partial(_vane, d)),
    ]
