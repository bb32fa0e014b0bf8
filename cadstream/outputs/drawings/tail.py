"""Drawings of the tail: its steel pipes, the hinge junction's cross piece and the vane
(dimension tables 8, 9 and 10 of tools §2.a.3).

Each view shows solids the tail is built from, made by the tail builders and their profile
functions (:mod:`cadstream.cad.tail`, :mod:`~cadstream.cad.tail_hinge`,
:mod:`~cadstream.cad.tail_boom`) from :class:`~cadstream.cad.tail_dims.TailDims`, through OCCT's
hidden-line removal; every dimension spans points of those solids (their exact bounding boxes,
or points of the flat parts' outlines carried by the tail's own frames), so a label prints what
the model measures.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad import names, tail_boom, tail_hinge, yaw_bearing
from cadstream.cad.placement import location, rotated_y, translated
from cadstream.cad.profiles import prism
from cadstream.cad.tail import tail_steps
from cadstream.cad.tail_dims import PipeDims, TailDims
from cadstream.cad.turbine_dims import YawPipe
from cadstream.design.cells import TypedValues
from cadstream.design.vectors import Vector
from cadstream.outputs import printed
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.views import View, visible_edges
from cadstream.outputs.outline import Arc, Line, Loop, Point, outline

__all__ = ["tail_junction_cross_piece", "tail_pipes", "tail_vane"]

#: Looking along +y: x to the right, z up (a pipe's side, standing on z = 0).
_SIDE = View((0.0, -1.0, 0.0), (1.0, 0.0, 0.0))
#: Looking down −z: x to the right, y up (a flat part's sketch as drawn).
_ABOVE = View((0.0, 0.0, 1.0), (1.0, 0.0, 0.0))
#: How much of the boom the vane drawing shows, as a share of the vane's width G.
_BOOM_SHOWN = 0.4

#: A page rectangle: its lower left and upper right corners.
Box = tuple[Point, Point]


def tail_pipes(cells: TypedValues) -> Picture:
    """The boom lying along the top and the outer and inner hinge pipes standing under it, each
    as built: boom length A and diameter B, outer pipe length C and diameter D, inner pipe
    length E and diameter F."""
    d = TailDims.from_cells(cells)
    unit = Canvas(d.boom.length).unit
    # Laid out on the sheet: the hinge pipes stand with their tops level, each with its length
    # on its left and its name on its right; the boom lies above them, its diameter at its end.
    outer_x = 3 * unit + d.outer_pipe.radius
    inner_x = outer_x + d.outer_pipe.radius + 12 * unit + d.inner_pipe.radius
    boom_axis = 4 * unit + d.boom.radius
    laid = [
        tail_hinge.pipe(d.boom).moved(translated(z=boom_axis) * rotated_y(90)),
        tail_hinge.pipe(d.outer_pipe).moved(translated(x=outer_x, z=-d.outer_pipe.length)),
        tail_hinge.pipe(d.inner_pipe).moved(translated(x=inner_x, z=-d.inner_pipe.length)),
    ]
    boom, outer, inner = (_box(solid, _SIDE) for solid in laid)
    c = Canvas(max(_width(boom), boom[1][1] - inner[0][1]))
    c.edges(visible_edges(laid, _SIDE))

    (x0, y0), (x1, y1) = boom
    c.dimension((x0, y1), (x1, y1), 1.5 * c.unit, letter="A", row="Boom length A",
                printed=printed.length)
    c.dimension((x1, y0), (x1, y1), -1.5 * c.unit, letter="B", row="Diameter B",
                printed=printed.length_1dp)
    c.note((x0 + 0.75 * (x1 - x0), y0 - 1.2 * c.unit), "boom")
    for box, (length, diameter), name in ((outer, "CD", "outer"), (inner, "EF", "inner")):
        (x0, y0), (x1, y1) = box
        c.dimension((x0, y0), (x0, y1), 1.2 * c.unit, letter=length,
                    row=f"Hinge {name} {length}", printed=printed.length)
        c.dimension((x0, y1), (x1, y1), 1.2 * c.unit, letter=diameter,
                    row=f"Diameter {diameter}", printed=printed.length_1dp)
        c.note((x1 + 0.6 * c.unit, (y0 + y1) / 2 - 0.3 * c.unit), f"{name} hinge pipe",
               anchor="start")
    return Picture(c.svg("Steel pipes for the tail"), "Tail boom dimensions")


def tail_junction_cross_piece(cells: TypedValues) -> Picture:
    """The tail hinge's fixed half as built (inner pipe and junction plates) on the yaw bearing
    pipe, seen from the side, with the cross piece's top above the yaw pipe's lower end, and
    from above, with the cross piece's width D between the two pipes it joins."""
    d = TailDims.from_cells(cells)
    f, j = d.frames, d.junction
    # The junction frame: the yaw axis is z (z = 0 at the yaw pipe's lower end), +x runs to
    # the inner hinge pipe.
    into_junction = location(f.junction.inverse())
    yaw_pipe = yaw_bearing.pipe(YawPipe(d.yaw_pipe_radius, d.inner_pipe.wall,
                                        d.yaw_pipe_length)).moved(
        into_junction * location(cells.placement("WindTurbine.YawBearingPlacement")))
    hinge = next(part for part in next(s for s in tail_steps(cells) if s.name == "tail hinge")
                 .build().parts if part.name == names.TAIL_HINGE_INNER)
    solids = [yaw_pipe, hinge.shape.moved(into_junction)]
    both = cq.Compound.makeCompound(solids)
    side, plan = _box(both, _SIDE), _box(both, _ABOVE)
    c = Canvas(max(_width(side), _height(side) + _height(plan)))
    # The plan stands over the side view, x for x (third-angle projection), clear of its top.
    lift = side[1][1] - plan[0][1] + 3 * c.unit
    c.edges(visible_edges(solids, _SIDE))
    c.edges(visible_edges(solids, _ABOVE), at=(0.0, lift))

    (pipe_left, pipe_end), (pipe_right, pipe_top) = _box(yaw_pipe, _SIDE)
    _, (inner_right, inner_top) = _box(hinge.shape.moved(into_junction), _SIDE)
    c.note((pipe_right + 0.5 * c.unit, pipe_top - 1.0 * c.unit), "yaw bearing pipe",
           anchor="start")
    c.note((inner_right + 0.3 * c.unit, inner_top - 1.0 * c.unit), "inner hinge pipe",
           anchor="start")
    c.note(((plan[0][0] + plan[1][0]) / 2, plan[1][1] + lift + 0.5 * c.unit),
           "cross piece, from above")

    # Side view: up the yaw pipe from its lower end to the level of the cross piece's top face,
    # carried across the pipe by a thin line.
    top_face = tail_hinge.junction_top_profile(j)
    top_piece = prism(top_face, j.thickness).moved(tail_hinge.junction_seats(j)[0])
    top_level = _box(top_piece, _SIDE)[1][1]
    c.polyline([(pipe_left, top_level), (j.chamfer, top_level)], weight="thin")
    c.dimension((pipe_left, pipe_end), (pipe_left, top_level), 1.5 * c.unit, letter="h",
                row="Position from end of yaw bearing pipe", printed=printed.length)

    # Plan: between the cross piece's two concave arcs, on the line through both pipes' axes.
    top = outline(top_face)
    yaw_arc, hinge_arc = _end_arcs(top.loops[0])
    c.dimension((yaw_arc.center[0] + yaw_arc.radius, yaw_arc.center[1] + lift),
                (hinge_arc.center[0] - hinge_arc.radius, hinge_arc.center[1] + lift),
                -(top.bounds.ymax + 1.5 * c.unit), letter="D", row="Width of cross piece D",
                printed=printed.length)
    return Picture(c.svg("Tail junction cross piece"), "Width of cross piece D")


def tail_vane(cells: TypedValues) -> Picture:
    """The vane seen square on from its brackets' side, with the end of the boom the brackets
    are welded to: the plywood's G (along the boom) and H (across it), a bracket's length J.

    The brackets are their flat bars as placed by the tail's frames, the lower one the upper one
    reflected across the boom's axis as :mod:`cadstream.cad.tail` builds it; their bolts are
    left out.
    """
    d = TailDims.from_cells(cells)
    f, b = d.frames, d.vane_bracket
    # The vane's sketch frame: x from the boom's end along the boom, y across, z through the
    # vane towards the brackets.
    into_vane = f.vane.inverse()
    bracket_at = into_vane * f.vane_bracket
    vane_face = tail_boom.vane_profile(d.vane)
    bracket_face = tail_boom.bracket_profile(b)
    upper = prism(bracket_face, b.thickness).moved(location(bracket_at))
    boom_x = into_vane.rotation.apply(f.boom.rotation.apply(Vector(1, 0, 0)))
    boom_base = into_vane.apply(f.boom.base)
    lower = upper.mirror(cq.Vector(*_xyz(boom_x)), cq.Vector(*_xyz(boom_base)))
    shown = _BOOM_SHOWN * d.vane.width
    boom_end = tail_hinge.pipe(PipeDims(d.boom.radius, d.boom.wall, shown)).moved(
        location(into_vane * f.boom) * translated(z=d.boom.length - shown))
    solids = [prism(vane_face, d.vane.thickness), upper, lower, boom_end]

    vane = outline(vane_face).bounds
    c = Canvas(max(vane.height, vane.width + shown))
    c.edges(visible_edges(solids, _ABOVE))
    c.dimension((vane.xmin, vane.ymin), (vane.xmax, vane.ymin), -1.5 * c.unit, letter="G",
                row="Vane plywood dimension G", printed=printed.length)
    c.dimension((vane.xmax, vane.ymin), (vane.xmax, vane.ymax), -1.5 * c.unit, letter="H",
                row="Vane plywood dimension H", printed=printed.length)
    # The upper bracket's long edge, on its top face: from its square end to its mitre's tip.
    edge = _longest_line(outline(bracket_face).loops[0])
    start, end = (_ABOVE.project(_xyz(bracket_at.apply(Vector(x, y, b.thickness))))
                  for x, y in (edge.start, edge.end))
    c.dimension(start, end, 1.2 * c.unit, letter="J", row="Vane bracket flat bar length J",
                printed=printed.length)
    c.note(((vane.xmin + vane.xmax) / 2, 0.0), "vane")
    boom_box = _box(boom_end, _ABOVE)
    c.note(((boom_box[0][0] + boom_box[1][0]) / 2, boom_box[0][1] - 1.2 * c.unit), "boom")
    return Picture(c.svg("Tail vane"), "Tail vane dimensions")


# --- helpers ---------------------------------------------------------------------------------


def _box(shape: cq.Shape, view: View) -> Box:
    """The page rectangle ``shape`` fills in ``view``: its exact 3-D bounding box projected (the
    views here look along a model axis, so the box's corners land on the shape's outline)."""
    bb = shape.BoundingBox()
    corners = [view.project((x, y, z)) for x in (bb.xmin, bb.xmax) for y in (bb.ymin, bb.ymax)
               for z in (bb.zmin, bb.zmax)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return (min(xs), min(ys)), (max(xs), max(ys))


def _width(box: Box) -> float:
    return box[1][0] - box[0][0]


def _height(box: Box) -> float:
    return box[1][1] - box[0][1]



def _xyz(v: Vector) -> tuple[float, float, float]:
    return (v.x, v.y, v.z)


def _end_arcs(loop: Loop) -> tuple[Arc, Arc]:
    """The outline's arcs nearest and farthest along x: the yaw pipe's and the hinge pipe's."""
    if isinstance(loop, tuple):
        arcs = sorted((s for s in loop if isinstance(s, Arc)), key=lambda a: a.center[0])
        if len(arcs) >= 2:
            return arcs[0], arcs[-1]
    raise ValueError(f"expected an outline between two arcs, got {loop!r}")


def _longest_line(loop: Loop) -> Line:
    if not isinstance(loop, tuple):
        raise ValueError(f"expected a polygon outline, got {loop!r}")
    return max((s for s in loop if isinstance(s, Line)),
               key=lambda s: (s.end[0] - s.start[0]) ** 2 + (s.end[1] - s.start[1]) ** 2)
