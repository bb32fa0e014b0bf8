"""Drawings of the welded frame and of where it meets the yaw bearing (tools §2.a.3, tables 5
and 7a–7c).

Every view is OCCT's hidden-line projection of the very solids the turbine is built from
(:func:`cadstream.cad.frame.pieces`, :func:`cadstream.cad.yaw_bearing.pieces`), placed by the
design's own placements where a view shows frame and bearing together. Dimension ends are points
the solids have (bounding-box corners in a frame the view is square to, profile vertices carried
by the parts' placements, circle centres), so each label is measured, never handed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import cadquery as cq
from OCP.gp import gp_Pnt

from cadstream.cad import names
from cadstream.cad import yaw_bearing as bearing
from cadstream.cad.alternator import alternator_location
from cadstream.cad.frame import CHANNEL, bottom_plate_location, pieces
from cadstream.cad.parts import FlatPart
from cadstream.cad.placement import location
from cadstream.cad.turbine_dims import (
    BottomPlate,
    ExtendedTop,
    FrameDims,
    TopPlate,
    TurbineDims,
    YawBearingDims,
)
from cadstream.design.cells import TypedValues
from cadstream.outputs import printed
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.views import Vector3, View, visible_edges
from cadstream.outputs.outline import Arc, Point, outline

__all__ = ["flat_bar_side_view", "flat_bar_top_view", "frame_dimensions", "frame_to_yaw_pipe"]

#: The frame seen along the shaft from the stator, the alternator's x (T) or −y (H, Star) up,
#: which is up in the turbine.
_ALONG_SHAFT = {"T": View((0.0, 0.0, -1.0), (0.0, -1.0, 0.0)),
                "H": View((0.0, 0.0, -1.0), (1.0, 0.0, 0.0)),
                "Star": View((0.0, 0.0, -1.0), (1.0, 0.0, 0.0))}
#: The turbine from the yaw axis's side (−Z), upwind to the left.
_SIDE = View((0.0, 0.0, -1.0), (-1.0, 0.0, 0.0))
#: The turbine from above, upwind to the right and the yaw axis (−Z) up the page.
_ABOVE = View((0.0, 1.0, 0.0), (1.0, 0.0, 0.0))
#: The T junction from above, tail to the right as in :data:`_SIDE`.
_ABOVE_T = View((0.0, 1.0, 0.0), (-1.0, 0.0, 0.0))
#: The T frame seen down its upright (the two-hole bracket, along the alternator's x), tail
#: to the right as in :data:`_SIDE`.
_DOWN_UPRIGHT = View((-1.0, 0.0, 0.0), (0.0, 0.0, 1.0))
#: A flat part's edge, seen along its profile's x.
_EDGE_ON = View((1.0, 0.0, 0.0), (0.0, 0.0, -1.0))
#: Members :func:`frame_dimensions` leaves out: it draws the angle iron, and the T's bottom yaw
#: bearing plate belongs to the junction's drawing.
_PLATES = (names.YAW_BEARING_PLATE_BOTTOM,)
#: A length below which a dimension is not drawn (mm).
_NOTHING = 1e-6
#: Space between two views of one drawing, in text heights.
_GAP = 4.0

Edges = list[tuple[Point, ...]]


def frame_dimensions(cells: TypedValues) -> Picture:
    """The frame seen along the shaft from the stator, brackets' hole legs facing the viewer:
    every piece the table lists at its length (T: upright A, channel B,C, end bracket D and the
    shaft's position X along the channel; H: G and H; Star: A, B and C), and the angle's width
    W on one bracket."""
    d = TurbineDims.from_cells(cells).frame
    view = _ALONG_SHAFT[d.shape]
    members = {name: solid for name, solid in _members(d).items() if name not in _PLATES}
    edges = visible_edges(members.values(), view)
    c = Canvas(_extent(edges))
    c.edges(edges)
    u = c.unit
    box = {name: _page_box(solid, view) for name, solid in members.items()}
    channel = box[CHANNEL]
    shaft = view.project(_shaft_centre(members[CHANNEL]))
    _centre_mark(c, shaft, 1.5 * d.channel.hole_radius)
    if d.shape == "T":
        upright, end = box["Frame_Bracket_End_TwoHole"], box["Frame_Bracket_End_OneHole"]
        _vertical(c, upright.xmax, upright.ymin, upright.ymax, -2 * u,
                  "A", "Length of upright A")
        _horizontal(c, channel.xmin, channel.xmax, channel.ymax, 2 * u, "B,C",
                    "Channel pieces B,C")
        _vertical(c, end.xmin, end.ymin, end.ymax, 2 * u, "D", "End bracket D")
        # X runs from the channel's end at the upright to the shaft; drawn below the upright,
        # whose edge the channel's end is, so that its label stays clear of the frame.
        _horizontal(c, shaft[0], channel.xmax, channel.ymin,
                    -(channel.ymin - upright.ymin) - 2 * u, "X", "Position of shaft X")
        _horizontal(c, end.xmin, end.xmax, end.ymin, -2 * u, "W", "Steel angle section width")
        c.note((upright.xmax + u, upright.ymax + 0.5 * u), "upright", anchor="start")
        c.note((end.xmin - u, end.ymax + 0.5 * u), "end bracket", anchor="end")
        return Picture(c.svg("T shape frame"), "T shape frame")
    top, bottom = box["Frame_Bracket_End_TwoHole_Top"], box["Frame_Bracket_End_TwoHole_Bottom"]
    end_letter, channel_letter = ("G", "H") if d.shape == "H" else ("A", "B")
    _horizontal(c, top.xmin, top.xmax, top.ymax, 2 * u, end_letter, end_letter)
    # The channel runs between the end brackets' corner edges, on its own centre line.
    left = min(b.xmin for b in box.values())
    _vertical(c, bottom.xmin, bottom.ymax, top.ymin, bottom.xmin - left + 2 * u,
              channel_letter, channel_letter)
    _vertical(c, bottom.xmax, bottom.ymin, bottom.ymax, -2 * u, "W",
              "Steel angle section width")
    if d.shape == "Star":
        middle = box["Frame_Bracket_Middle_Left"]
        _horizontal(c, middle.xmin, middle.xmax, middle.ymin, -2 * u, "C", "C")
    alt = f"{d.shape} shape frame"
    return Picture(c.svg(alt), alt)


def frame_to_yaw_pipe(cells: TypedValues) -> Picture | None:
    """T only: the junction of frame and yaw bearing in three views. From the side, the frame
    leaning back 4° with the alternator and the upright yaw pipe with its length; from above,
    the top plate over the pipe reaching K beyond it towards the frame; down the upright, the
    bottom plate in the angle's inside corner with the gaps from the upright (I) and from the
    hole leg (J) to the pipe's seat, the plate's notch."""
    dims = TurbineDims.from_cells(cells)
    d, yaw = dims.frame, dims.yaw_bearing
    plate = d.bottom_plate
    if d.shape != "T" or plate is None or not isinstance(yaw.top, TopPlate):
        return None
    frame_at = _frame_location(cells)
    yaw_at = location(cells.placement("WindTurbine.YawBearingPlacement"))
    members = _members(d)
    upright, bottom = members["Frame_Bracket_End_TwoHole"], members[names.YAW_BEARING_PLATE_BOTTOM]
    yaw_pieces = _bearing_pieces(yaw)
    pipe = yaw_pieces[bearing.PIPE].moved(yaw_at)
    top = yaw_pieces[names.YAW_BEARING_PLATE_TOP].moved(yaw_at)
    side = visible_edges([upright.moved(frame_at), bottom.moved(frame_at), pipe, top], _SIDE)
    above = visible_edges([upright.moved(frame_at), pipe, top], _ABOVE_T)
    down = visible_edges([upright, bottom], _DOWN_UPRIGHT)
    side_box, above_box, down_box = _bounds(side), _bounds(above), _bounds(down)
    c = Canvas(max(_extent(side), _extent(above) + _extent(down)))
    u = c.unit
    r = yaw.pipe.radius

    # From the side: the pipe's length on its tail side.
    c.edges(side)
    tail_top = _SIDE.project(_moved(yaw_at, (0.0, 0.0, -r)))
    tail_bottom = _SIDE.project(_moved(yaw_at, (0.0, -yaw.pipe.length, -r)))
    c.dimension(tail_bottom, tail_top, -2 * u, letter="Pipe", row="Length of yaw bearing pipe",
                printed=printed.length)
    c.note(((side_box[0] + side_box[2]) / 2, side_box[1] - 1.5 * u),
           "Side view: upright, plates, yaw pipe")

    # From above, right of the side view: K on the top plate, from its front edge (+z in the
    # yaw frame is upwind) to the pipe's surface under it.
    x0 = side_box[2] + (_GAP + 4) * u
    above_at = (x0 - above_box[0], side_box[3] - 2 * u - above_box[3])
    c.edges(above, at=above_at)
    _title(c, above_box, above_at, "Top plate, from above")

    def from_above(p: Vector3) -> Point:
        x, y = _ABOVE_T.project(_moved(yaw_at, p))
        return (x + above_at[0], y + above_at[1])

    axis = from_above((0.0, 0.0, 0.0))
    c.circle(axis, r, weight="thin")
    front = yaw_pieces[names.YAW_BEARING_PLATE_TOP].BoundingBox().zmax
    k_line = -r - 1.5 * u
    c.dimension(from_above((0.0, 0.0, front)), from_above((0.0, 0.0, r)), k_line,
                letter="K", row="K", printed=printed.length)

    # Down the upright, below: the bottom plate's notch is the pipe's seat.
    below_k = min(axis[1] + k_line - 2 * u, above_box[1] + above_at[1])
    down_at = (x0 - down_box[0], below_k - (_GAP - 1) * u - down_box[3])
    c.edges(down, at=down_at)
    _title(c, down_box, down_at, "Bottom plate, down the upright")
    seat = _notch(plate)
    at_plate = bottom_plate_location(plate)

    def down_upright(p: Point) -> Point:
        x, y = _DOWN_UPRIGHT.project(_moved(at_plate, (p[0], p[1], 0.0)))
        return (x + down_at[0], y + down_at[1])

    (cx, cy), radius = seat.center, seat.radius
    centre = down_upright((cx, cy))
    c.circle(centre, radius, weight="thin")
    _centre_mark(c, centre, radius + 0.5 * u)
    if cx - radius > _NOTHING:
        c.dimension(down_upright((0.0, cy)), down_upright((cx - radius, cy)), radius + u,
                    letter="I", row="I", printed=printed.length)
    c.dimension(down_upright((cx, 0.0)), down_upright((cx, cy - radius)), -radius - 1.5 * u,
                letter="J", row="J", printed=printed.length)
    return Picture(c.svg("T shape yaw bearing frame junction"),
                   "T shape yaw bearing frame junction")


def flat_bar_top_view(cells: TypedValues) -> Picture | None:
    """H and Star: the frame and the extended yaw bearing from above: the top flat bar's length
    L along its long edge and width M at the pipe, and the offset from the alternator's axis to
    the yaw axis."""
    extended = _ExtendedFrame.of(cells)
    if extended is None:
        return None
    yaw, bar, frame_at, yaw_at = extended.yaw, extended.bar, extended.frame_at, extended.yaw_at
    members = extended.members
    edges = visible_edges(extended.solids(), _ABOVE)
    c = Canvas(_extent(edges))
    c.edges(edges)
    u = c.unit

    def on_page(p: Vector3) -> Point:
        return _ABOVE.project(_moved(yaw_at, p))

    near, far = bar.base.x, bar.base.x + bar.length
    top, half = bar.base.y, bar.width / 2
    c.dimension(on_page((near, top, half)), on_page((far, top, half)), -2 * u, letter="L",
                row="L length of flat bar", printed=printed.length)
    c.dimension(on_page((near, top, -half)), on_page((near, top, half)), -2 * u, letter="M",
                row="M width of flat bar", printed=printed.length)
    # Offset: across the turbine, from the shaft's axis to the yaw axis.
    axis = on_page((0.0, 0.0, 0.0))
    shaft = _ABOVE.project(_moved(frame_at, _shaft_centre(members[CHANNEL])))
    box = _bounds(edges)
    c.polyline([(box[0] - u, shaft[1]), (box[2] + u, shaft[1])], weight="centre")
    _centre_mark(c, axis, yaw.pipe.radius + 0.5 * u)
    c.dimension((axis[0], shaft[1]), axis, 3 * u + yaw.pipe.radius, letter="Offset",
                row="Offset", printed=printed.length)
    c.circle(axis, yaw.pipe.radius, weight="thin")
    c.note((box[2] + 1.5 * u, shaft[1] - 0.3 * u), "shaft axis", anchor="start")
    alt = "Top of extended frame"
    return Picture(c.svg(alt), alt)


def flat_bar_side_view(cells: TypedValues) -> Picture | None:
    """H and Star: the frame and the extended yaw bearing from the yaw axis's side: where the
    top flat bar meets the channel below its top (S), the bar's thickness N and the pipe's
    length O; beside it the side piece flat, P × Q, and on edge, R."""
    extended = _ExtendedFrame.of(cells)
    if extended is None:
        return None
    yaw, bar, frame_at, yaw_at = extended.yaw, extended.bar, extended.frame_at, extended.yaw_at
    d = extended.frame
    side = visible_edges(extended.solids(), _SIDE)
    side_piece = extended.flat_parts[names.YAW_BEARING_EXTENDED_SIDE]
    flat = outline(side_piece.profile)
    edge = visible_edges([side_piece.solid()], _EDGE_ON)
    side_box, edge_box, fb = _bounds(side), _bounds(edge), flat.bounds
    c = Canvas(max(side_box[2] - side_box[0], side_box[3] - side_box[1] + fb.height))
    u = c.unit
    c.edges(side)

    def on_side(p: Vector3) -> Point:
        return _SIDE.project(_moved(yaw_at, p))

    # S: from the channel's top corner (web back face, far edge) to the bar's far corner.
    leg, depth = d.section.leg, d.channel.length
    channel_top = _SIDE.project(_moved(frame_at, (-leg, -depth / 2, 0.0)))
    bar_corner = on_side((bar.base.x + bar.length, bar.base.y, bar.base.z + bar.width))
    channel_front = _SIDE.project(_moved(frame_at, (-leg, -depth / 2, -leg)))
    c.dimension(bar_corner, channel_top, abs(channel_top[0] - channel_front[0]) + 2 * u,
                letter="S",
                row="S length from top of channel section to weld flat bar",
                printed=printed.length)
    # N at the bar's near end; O on the pipe's silhouette, beyond the bar's end.
    near, underside, half = bar.base.x, bar.base.y - bar.thickness, bar.width / 2
    bar_top, bar_bottom = on_side((near, bar.base.y, half)), on_side((near, underside, half))
    c.dimension(bar_top, bar_bottom, 1.5 * u, letter="N", row="N flat bar thickness",
                printed=printed.length)
    r = yaw.pipe.radius
    axis_top, axis_bottom = on_side((0.0, 0.0, 0.0)), on_side((0.0, -yaw.pipe.length, 0.0))
    silhouette = axis_top[0] + r
    c.dimension((silhouette, axis_bottom[1]), (silhouette, axis_top[1]),
                -(bar_top[0] - silhouette + 5 * u), letter="O",
                row="O length of yaw bearing pipe", printed=printed.length)
    c.note(((side_box[0] + side_box[2]) / 2, side_box[3] + u),
           "Side view: channel, top flat bar, side piece, yaw pipe")

    # The side piece on its own, below: flat (P × Q), and on edge (R) beside it.
    at = (side_box[0] + 3 * u - fb.xmin, side_box[1] - (_GAP + 1) * u - fb.ymax)
    c.outline(flat, at=at)
    edge_at = (at[0] + fb.xmax + 3 * u - edge_box[0], at[1] + fb.ymin - edge_box[1])
    c.edges(edge, at=edge_at)
    x0, y0, x1, y1 = fb.xmin + at[0], fb.ymin + at[1], fb.xmax + at[0], fb.ymax + at[1]
    _horizontal(c, x0, x1, y1, 1.5 * u, "P", "P side piece flat bar length")
    _vertical(c, x0, y0, y1, 1.5 * u, "Q", "Q side piece flat bar width")
    _horizontal(c, edge_box[0] + edge_at[0], edge_box[2] + edge_at[0], edge_box[1] + edge_at[1],
                -1.5 * u, "R", "R side piece flat bar thickness")
    c.note(((x0 + x1) / 2, y0 - 1.5 * u), "Side piece, flat and on edge")
    alt = "Side of extended frame"
    return Picture(c.svg(alt), alt)


# --- geometry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ExtendedFrame:
    """An H or Star frame with its extended yaw bearing, as both of their drawings show it."""

    frame: FrameDims
    yaw: YawBearingDims
    bar: ExtendedTop
    members: Mapping[str, cq.Solid]
    bearing_pieces: Mapping[str, cq.Solid]
    flat_parts: Mapping[str, FlatPart]
    frame_at: cq.Location
    yaw_at: cq.Location

    @staticmethod
    def of(cells: TypedValues) -> _ExtendedFrame | None:
        """None for a T frame, whose small yaw bearing plates have no such drawings."""
        dims = TurbineDims.from_cells(cells)
        bar = dims.yaw_bearing.top
        if dims.frame.shape == "T" or not isinstance(bar, ExtendedTop):
            return None
        shapes, flat_parts = _bearing(dims.yaw_bearing)
        return _ExtendedFrame(dims.frame, dims.yaw_bearing, bar, _members(dims.frame), shapes,
                              flat_parts, _frame_location(cells),
                              location(cells.placement("WindTurbine.YawBearingPlacement")))

    def solids(self) -> list[cq.Shape]:
        """The frame's members, the yaw pipe, the top bar and the side piece, in the turbine."""
        return [*(s.moved(self.frame_at) for s in self.members.values()),
                *(self.bearing_pieces[name].moved(self.yaw_at) for name in
                  (bearing.PIPE, names.YAW_BEARING_EXTENDED_TOP,
                   names.YAW_BEARING_EXTENDED_SIDE))]


def _members(d: FrameDims) -> Mapping[str, cq.Solid]:
    """The frame's members in the frame frame."""
    return pieces(d)[0]


def _bearing(d: YawBearingDims) -> tuple[Mapping[str, cq.Solid], Mapping[str, FlatPart]]:
    """The yaw bearing's pieces in the yaw frame, and its flat parts by label."""
    shapes, flat_parts = bearing.pieces(d)
    return shapes, {flat.label: flat for flat in flat_parts}


def _bearing_pieces(d: YawBearingDims) -> Mapping[str, cq.Solid]:
    return _bearing(d)[0]


def _frame_location(cells: TypedValues) -> cq.Location:
    """The frame frame in the turbine, as :mod:`cadstream.cad.wind_turbine` places it."""
    return alternator_location(cells) * location(cells.placement("Alternator.FramePlacement"))


def _moved(at: cq.Location, p: Vector3) -> Vector3:
    q = gp_Pnt(*p).Transformed(at.wrapped.Transformation())
    return (q.X(), q.Y(), q.Z())


def _shaft_centre(channel: cq.Solid) -> Vector3:
    """The centre of the stub axle's hole through the channel's web."""
    hole = max((e for e in channel.Edges() if e.geomType() == "CIRCLE"),
               key=lambda e: e.radius())
    centre = hole.arcCenter()
    return (centre.x, centre.y, centre.z)


def _notch(plate: BottomPlate) -> Arc:
    """The bottom plate's notch round the yaw pipe, in its profile."""
    drawn = outline(bearing.bottom_plate_profile(plate))
    first = drawn.loops[0]
    arcs = [s for s in first if isinstance(s, Arc)] if isinstance(first, tuple) else []
    if len(arcs) != 1:
        raise ValueError(f"the bottom plate's outline has {len(arcs)} arcs, expected 1")
    return arcs[0]


class _Box:
    """A solid's bounding box as the page shows it (the view square to the box's axes)."""

    def __init__(self, corners: Iterable[Point]) -> None:
        xs, ys = zip(*corners, strict=True)
        self.xmin, self.xmax, self.ymin, self.ymax = min(xs), max(xs), min(ys), max(ys)


def _page_box(solid: cq.Shape, view: View) -> _Box:
    b = solid.BoundingBox()
    return _Box(view.project((x, y, z)) for x in (b.xmin, b.xmax) for y in (b.ymin, b.ymax)
                for z in (b.zmin, b.zmax))


# --- drawing ---------------------------------------------------------------------------------


def _bounds(edges: Edges) -> tuple[float, float, float, float]:
    xs = [x for edge in edges for x, _ in edge]
    ys = [y for edge in edges for _, y in edge]
    return min(xs), min(ys), max(xs), max(ys)


def _extent(edges: Edges) -> float:
    x0, y0, x1, y1 = _bounds(edges)
    return max(x1 - x0, y1 - y0)



def _title(c: Canvas, box: tuple[float, float, float, float], at: Point, text: str) -> None:
    """A view's name, centred above it."""
    c.note(((box[0] + box[2]) / 2 + at[0], box[3] + at[1] + c.unit), text)


def _centre_mark(c: Canvas, centre: Point, half: float) -> None:
    x, y = centre
    c.polyline([(x - half, y), (x + half, y)], weight="centre")
    c.polyline([(x, y - half), (x, y + half)], weight="centre")


def _horizontal(c: Canvas, x0: float, x1: float, y: float, offset: float, letter: str,
                row: str) -> None:
    """A length along the page from x0 to x1 at height y, drawn ``offset`` above it."""
    c.dimension((x0, y), (x1, y), offset, letter=letter, row=row, printed=printed.length)


def _vertical(c: Canvas, x: float, y0: float, y1: float, offset: float, letter: str,
              row: str) -> None:
    """A length up the page from y0 to y1 at x, drawn ``offset`` to its left."""
    c.dimension((x, y0), (x, y1), offset, letter=letter, row=row, printed=printed.length)

