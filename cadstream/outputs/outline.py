"""A flat part's cutting profile as 2-D drawing primitives: what the DXF and the SVG both draw.

Both outputs are written from this one description, so a cut file and the overview can never
disagree about an edge. Lines, arcs and circles stay exact (a router follows a true arc far better
than a chain of chords, and CAM programs offset circles as circles); only curves with no such
form (splines, ellipses) become polylines, sampled to :data:`SAMPLE_DEFLECTION`.

A loop is either a whole circle or a chain of segments in order around it, each segment starting
where the previous one ends and the last ending where the first starts. The outer boundary comes
first, then the holes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import cadquery as cq
from OCP.BRepAdaptor import BRepAdaptor_Curve
from OCP.GCPnts import GCPnts_QuasiUniformDeflection
from OCP.TopAbs import TopAbs_Orientation

__all__ = [
    "SAMPLE_DEFLECTION",
    "Arc",
    "Bounds",
    "Circle",
    "Line",
    "Loop",
    "Outline",
    "Point",
    "Polyline",
    "Segment",
    "as_circle",
    "outline",
]

#: Largest distance (mm) between a sampled curve and its polyline: finer than a router follows.
SAMPLE_DEFLECTION = 0.01
#: How far (mm, and in its normal's z) a profile may stray from the XY plane at z = 0.
_PLANE_TOLERANCE = 1e-6

Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    """A straight segment, from ``start`` to ``end`` along its loop."""

    start: Point
    end: Point


@dataclass(frozen=True)
class Arc:
    """A circular arc, as DXF states it: counter-clockwise from ``start_angle`` to ``end_angle``.

    Angles are in degrees in [0, 360). Its loop may run the other way: then ``clockwise`` is true
    and the loop enters at ``end_angle`` and leaves at ``start_angle`` (see :attr:`start`).
    """

    center: Point
    radius: float
    start_angle: float
    end_angle: float
    clockwise: bool

    @property
    def sweep(self) -> float:
        """The angle (degrees) the arc spans, in (0, 360)."""
        return (self.end_angle - self.start_angle) % 360.0

    def at(self, angle: float) -> Point:
        """The point of the arc's circle at ``angle`` degrees."""
        radians = math.radians(angle)
        return (self.center[0] + self.radius * math.cos(radians),
                self.center[1] + self.radius * math.sin(radians))

    @property
    def start(self) -> Point:
        """Where the loop enters the arc."""
        return self.at(self.end_angle if self.clockwise else self.start_angle)

    @property
    def end(self) -> Point:
        """Where the loop leaves the arc."""
        return self.at(self.start_angle if self.clockwise else self.end_angle)


@dataclass(frozen=True)
class Circle:
    """A full circle: a loop of its own."""

    center: Point
    radius: float


@dataclass(frozen=True)
class Polyline:
    """A curve with no exact 2-D primitive, sampled; ``points`` run along the loop, both ends
    included."""

    points: tuple[Point, ...]

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]


Segment = Line | Arc | Polyline
#: A closed boundary: a whole circle, or segments end to end.
Loop = Circle | tuple[Segment, ...]


@dataclass(frozen=True)
class Bounds:
    """The exact bounding box of an outline (arcs by their extreme points, not their ends)."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float

    @property
    def width(self) -> float:
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        return self.ymax - self.ymin


@dataclass(frozen=True)
class Outline:
    """A profile's loops, the outer boundary first, and its bounding box."""

    loops: tuple[Loop, ...]
    bounds: Bounds


def as_circle(loop: Loop) -> Circle:
    """``loop`` where a drawing knows it is a whole circle (a disk's rim); ValueError if not."""
    if not isinstance(loop, Circle):
        raise ValueError(f"expected a circular outline, got {loop!r}")
    return loop


def outline(face: cq.Face) -> Outline:
    """The loops of a planar face lying in the XY plane at z = 0 (a flat part's profile).

    Raises ValueError for any other face: drawing a tilted or lifted face in XY would silently
    distort the part.
    """
    _check_in_xy(face)
    loops = tuple(_loop(wire) for wire in (face.outerWire(), *face.innerWires()))
    return Outline(loops, _bounds(loops))


def _check_in_xy(face: cq.Face) -> None:
    """Checks the surface itself: a bounding box would also grow with the edges' tolerances."""
    kind = face.geomType()
    normal, center = face.normalAt(), face.Center()
    off_plane = abs(abs(normal.z) - 1) > _PLANE_TOLERANCE or abs(center.z) > _PLANE_TOLERANCE
    if kind != "PLANE" or off_plane:
        raise ValueError(
            f"a flat part's profile must be a plane face in XY at z = 0; got a {kind} face "
            f"with normal ({normal.x:g}, {normal.y:g}, {normal.z:g}) at z = {center.z:g}")


def _loop(wire: cq.Wire) -> Loop:
    # Iterating a cq.Wire follows the edges in order around it (BRepTools_WireExplorer), each
    # edge oriented along the wire, and an edge's start and end points respect that orientation.
    edges = list(wire)
    if len(edges) == 1 and edges[0].geomType() == "CIRCLE":
        return Circle(_xy(edges[0].arcCenter()), edges[0].radius())
    return tuple(_segment(edge) for edge in edges)


def _xy(v: cq.Vector) -> Point:
    return (v.x, v.y)


def _segment(edge: cq.Edge) -> Segment:
    start, end = _xy(edge.startPoint()), _xy(edge.endPoint())
    kind = edge.geomType()
    if kind == "LINE":
        return Line(start, end)
    if kind == "CIRCLE":
        middle = _xy(edge.positionAt(0.5))
        return _arc(_xy(edge.arcCenter()), edge.radius(), start, middle, end)
    return Polyline(_sampled(edge, start, end))


def _angle(center: Point, point: Point) -> float:
    return math.degrees(math.atan2(point[1] - center[1], point[0] - center[0])) % 360.0


def _arc(center: Point, radius: float, start: Point, middle: Point, end: Point) -> Arc:
    """The arc through ``start``, ``middle`` and ``end``, in that order along its loop.

    The loop runs counter-clockwise exactly when turning counter-clockwise from the start meets
    the middle before the end; the curve's own axis cannot tell, as it may point down.
    """
    a0, am, a1 = (_angle(center, p) for p in (start, middle, end))
    if (am - a0) % 360.0 < (a1 - a0) % 360.0:
        return Arc(center, radius, a0, a1, clockwise=False)
    return Arc(center, radius, a1, a0, clockwise=True)


def _sampled(edge: cq.Edge, start: Point, end: Point) -> tuple[Point, ...]:
    """Points along ``edge`` from ``start`` to ``end``, which are used as they are so the polyline
    meets its neighbours exactly."""
    curve = BRepAdaptor_Curve(edge.wrapped)
    sampler = GCPnts_QuasiUniformDeflection(curve, SAMPLE_DEFLECTION)
    inner = [_xy(cq.Vector(sampler.Value(i))) for i in range(2, sampler.NbPoints())]
    if edge.wrapped.Orientation() == TopAbs_Orientation.TopAbs_REVERSED:
        inner.reverse()
    return (start, *inner, end)


def _extremes(loop: Loop) -> Iterator[Point]:
    """Points whose bounding box is the loop's."""
    if isinstance(loop, Circle):
        (cx, cy), r = loop.center, loop.radius
        yield from ((cx - r, cy - r), (cx + r, cy + r))
        return
    for segment in loop:
        if isinstance(segment, Polyline):
            yield from segment.points
        else:
            yield from (segment.start, segment.end)
        if isinstance(segment, Arc):
            for quadrant in (0.0, 90.0, 180.0, 270.0):
                if (quadrant - segment.start_angle) % 360.0 < segment.sweep:
                    yield segment.at(quadrant)


def _bounds(loops: Iterable[Loop]) -> Bounds:
    points = [p for loop in loops for p in _extremes(loop)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Bounds(min(xs), min(ys), max(xs), max(ys))
