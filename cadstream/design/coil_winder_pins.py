"""Where the coil winder's pins stand and the spacer's outline between them: pure maths, no CAD
kernel, so validation can ask whether the plates can be cut before a worker builds them.

Winder frame (tools §1.4): origin on the centre rod's axis, +y towards the coil's outer end.
The spacer is the reference's: for rectangular and keyhole coils the quadrilateral through the
four pin centres with each corner chamfered tangent to its pin; for triangular coils six edges
between two pins and a bottom rod. Neither construction has a guard: a coil hole too narrow for
its pins makes the chamfers cross, a bottom rod too large lifts the spacer's floor over the rod
hole, and the reference's sketches break the same way. :func:`winder_conflicts` names such
faults so that validation refuses the design rather than the CNC overview failing on the part.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from cadstream.design.arith import cos, sin
from cadstream.design.cells import TypedValues
from cadstream.design.coils import triangular_hole_flank_angle

__all__ = [
    "MINIMUM_WEB",
    "PinLayout",
    "Point",
    "pin_layout",
    "polygon_is_simple",
    "quadrilateral_layout",
    "triangular_layout",
    "winder_conflicts",
]

Point = tuple[float, float]

#: The least plywood (mm) to leave between two holes, or between a hole and the spacer's edge.
MINIMUM_WEB = 1.0
#: Lengths (mm) below this are taken as zero: touching is allowed where the design means it.
_TOUCH = 1e-6
_A = "Alternator."


@dataclass(frozen=True)
class PinLayout:
    """What shapes a coil's hole on the winder: ``pins`` (centres, radius ``pin_radius``), the
    triangular winder's ``bottom`` rod ``(centre, radius)`` and the ``spacer`` outline,
    counter-clockwise, touching every pin and rod from inside the coil's hole. A triangular
    winder's ``flank`` is the outward unit normal of the coil hole's right flank, which the
    spacer's flank and the cheeks' tape notch follow.
    """

    pins: tuple[Point, ...]
    pin_radius: float
    bottom: tuple[Point, float] | None
    spacer: tuple[Point, ...]
    flank: Point | None = None

    @property
    def rods(self) -> tuple[tuple[Point, float], ...]:
        """Every pin and the bottom rod as ``(centre, radius)``."""
        rods = tuple((pin, self.pin_radius) for pin in self.pins)
        return rods if self.bottom is None else (*rods, self.bottom)


def _chamfered(corners: Sequence[Point], cut: float) -> tuple[Point, ...]:
    """The convex polygon ``corners`` with each corner cut square to its bisector, ``cut`` in
    from the corner (so a pin of radius ``cut`` there touches the cut)."""
    points: list[Point] = []
    for k, (x, y) in enumerate(corners):
        (ax, ay), (bx, by) = corners[k - 1], corners[(k + 1) % len(corners)]
        la, lb = math.hypot(ax - x, ay - y), math.hypot(bx - x, by - y)
        ua, ub = ((ax - x) / la, (ay - y) / la), ((bx - x) / lb, (by - y) / lb)
        half_cos = math.sqrt((1 + ua[0] * ub[0] + ua[1] * ub[1]) / 2)
        along = cut / half_cos
        points += [(x + along * ua[0], y + along * ua[1]), (x + along * ub[0], y + along * ub[1])]
    return tuple(points)


def quadrilateral_layout(vertical: float, outer: float, inner: float,
                         pin_radius: float) -> PinLayout:
    """Rectangular and keyhole winders: pins at (±outer/2, +vertical) and (±inner/2, −vertical);
    the spacer is their quadrilateral with each corner chamfered square to its bisector and
    tangent to the pin there (tools §1.4.4)."""
    corners = ((inner / 2, -vertical), (outer / 2, vertical), (-outer / 2, vertical),
               (-inner / 2, -vertical))
    return PinLayout(corners, pin_radius, None, _chamfered(corners, pin_radius))


def _meet(a: tuple[float, float, float], b: tuple[float, float, float]) -> Point:
    """Where the lines ``a·(x, y) = c`` and ``b·(x, y) = c`` (as ``(a, b, c)``) cross."""
    det = a[0] * b[1] - a[1] * b[0]
    return (a[2] * b[1] - a[1] * b[2]) / det, (a[0] * b[2] - a[2] * b[0]) / det


def _flank_normal(circumradius: float, pin_spacing: float, pin_height: float,
                  pin_radius: float, bottom_radius: float) -> Point:
    """The outward unit normal of the triangular coil hole's right flank (the outer tangent of
    the bottom rod and the right pin), from the hole's closed form: the hole frame puts the
    bottom circle at (0, rb), and a shift along y leaves the normal unchanged."""
    phi = triangular_hole_flank_angle(pin_spacing + 2 * pin_radius,
                                      pin_height + pin_radius + circumradius, pin_radius,
                                      bottom_radius)
    return cos(phi), sin(phi)


def triangular_layout(circumradius: float, pin_spacing: float, pin_height: float,
                      pin_radius: float, bottom_radius: float, flank_gap: float) -> PinLayout:
    """Triangular winders: pins at (±pin_spacing/2, pin_height) and a bottom rod centred
    (0, −(circumradius − bottom_radius)), all touching the circle of ``circumradius`` from inside.

    The spacer (tools §1.4.4) has six straight edges: the line through the pin centres, a chamfer
    tangent to each pin on its side facing the rod, flanks ``flank_gap`` inside the coil's flanks
    and the tangent over the bottom rod.
    """
    rho, pr, rb, yp = circumradius, pin_radius, bottom_radius, pin_height
    pin = (pin_spacing / 2, yp)
    bottom = (0.0, -(rho - rb))
    n = _flank_normal(rho, pin_spacing, yp, pr, rb)
    reach = math.hypot(*pin)
    u = (pin[0] / reach, pin[1] / reach)
    top = (0.0, 1.0, yp)
    chamfer = (u[0], u[1], rho - 2 * pr)
    inside_flank = (n[0], n[1], n[1] * bottom[1] + rb - flank_gap)
    floor = (0.0, 1.0, -(rho - 2 * rb))
    c1, c2, c3 = _meet(top, chamfer), _meet(chamfer, inside_flank), _meet(inside_flank, floor)
    spacer = ((-c3[0], c3[1]), c3, c2, c1, (-c1[0], c1[1]), (-c2[0], c2[1]))
    return PinLayout((pin, (-pin[0], yp)), pr, (bottom, rb), spacer, n)


def pin_layout(cells: TypedValues) -> PinLayout:
    """The layout of one design's winder, read from its Alternator cells."""
    pin_r = cells.num(_A + "CoilWinderPinRadius")
    if cells.num(_A + "CoilType") == 3:
        return triangular_layout(
            cells.num(_A + "TriangularCoilWinderCircumradius"),
            cells.num(_A + "TriangularHorizontalDistanceBetweenPins"),
            cells.num(_A + "TriangularVerticalDistanceOfHolesFromCenter"), pin_r,
            cells.num(_A + "CoilWinderDiskBottomHoleRadius"),
            cells.num(_A + "DistanceBetweenTriangularCoilAndTapeNotch"))
    return quadrilateral_layout(
        cells.num(_A + "RectangularVerticalDistanceOfHolesFromCenter"),
        cells.num(_A + "OuterHorizontalDistanceBetweenCenterOfSmallHoles"),
        cells.num(_A + "InnerHorizontalDistanceBetweenCenterOfSmallHoles"), pin_r)


# -------------------------------------------------------------------------------------- checks


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segments_meet(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether the closed segments pq and rs share a point (touching counts)."""
    d1, d2, d3, d4 = _cross(r, s, p), _cross(r, s, q), _cross(p, q, r), _cross(p, q, s)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return any(_segment_distance(a, b, c) <= _TOUCH
               for a, b, c in ((p, r, s), (q, r, s), (r, p, q), (s, p, q)))


def _segment_distance(point: Point, a: Point, b: Point) -> float:
    """How far ``point`` lies from the segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length2
    t = min(1.0, max(0.0, t))
    return math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy)


def _edges(polygon: Sequence[Point]) -> list[tuple[Point, Point]]:
    return list(zip(polygon, [*polygon[1:], polygon[0]], strict=True))


def polygon_is_simple(polygon: Sequence[Point]) -> bool:
    """Whether the closed polygon is one counter-clockwise loop: edges of non-zero length,
    neighbours meeting only at their shared corner and no others meeting at all, positive area.
    """
    edges = _edges(polygon)
    if len(edges) < 3 or any(math.dist(a, b) <= _TOUCH for a, b in edges):
        return False
    count = len(edges)
    for i, j in combinations(range(count), 2):
        (p, q), (r, s) = edges[i], edges[j]
        if j == i + 1 or (i == 0 and j == count - 1):
            # Neighbours share one corner; they overlap if they fold back onto each other.
            (a, corner, b) = (p, q, s) if j == i + 1 else (r, p, q)
            folded = (abs(_cross(corner, a, b)) <= _TOUCH * math.dist(corner, a)
                      and (a[0] - corner[0]) * (b[0] - corner[0])
                      + (a[1] - corner[1]) * (b[1] - corner[1]) > 0)
            if folded:
                return False
        elif _segments_meet(p, q, r, s):
            return False
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in edges) / 2
    return area > 0


def _inside(point: Point, polygon: Sequence[Point]) -> bool:
    """Whether ``point`` is inside the simple polygon (even-odd rule)."""
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in _edges(polygon):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _boundary_distance(point: Point, polygon: Sequence[Point]) -> float:
    return min(_segment_distance(point, a, b) for a, b in _edges(polygon))


def _floor(length: float) -> str:
    """``length`` in mm to two decimals, rounded down (bar float noise) so that a shortfall never
    reads as enough."""
    return f"{math.floor(length * 100 + _TOUCH) / 100:.2f}"


def winder_conflicts(layout: PinLayout, rod_radius: float,
                     web: float = MINIMUM_WEB) -> list[str]:
    """Why the winder's cheeks or spacer cannot be cut, each reason once (empty when they can).

    The spacer must be one simple outline around the centre rod's hole with ``web`` of plywood
    between them, and must not cover a pin or the bottom rod (it touches them); the holes
    through the cheeks (rod, pins, bottom rod) must leave ``web`` between each other.
    """
    found = []
    spacer = layout.spacer
    need = f"({web:g} mm of plywood needed)"
    if not polygon_is_simple(spacer):
        found.append("the spacer's outline would cross itself")
    else:
        rod, centred = "the centre rod's hole", _inside((0.0, 0.0), spacer)
        edge = _boundary_distance((0.0, 0.0), spacer)
        if not centred and edge >= rod_radius:
            found.append(f"{rod} lies outside the spacer")
        elif not centred or edge <= rod_radius:
            found.append(f"{rod} (radius {rod_radius:g} mm) runs through the spacer's edge")
        elif edge - rod_radius < web:
            found.append(f"{rod} leaves {_floor(edge - rod_radius)} mm to the spacer's edge "
                         f"{need}")
        if any(_inside(centre, spacer) or _boundary_distance(centre, spacer) < radius - _TOUCH
               for centre, radius in layout.rods):
            found.append("the spacer runs over a pin or the bottom rod")
    holes = [("the centre rod", (0.0, 0.0), rod_radius),
             *(("a pin", centre, layout.pin_radius) for centre in layout.pins),
             *([] if layout.bottom is None else [("the bottom rod", *layout.bottom)])]
    for (name_a, a, ra), (name_b, b, rb) in combinations(holes, 2):
        gap = math.dist(a, b) - ra - rb
        pair = "two pins" if name_a == name_b else f"{name_a} and {name_b}"
        if gap <= 0:
            found.append(f"the cheeks' holes for {pair} overlap")
        elif gap < web:
            found.append(f"the cheeks' holes for {pair} leave {_floor(gap)} mm between them "
                         f"{need}")
    return list(dict.fromkeys(found))
