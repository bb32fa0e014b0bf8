"""Drawings of the jigs: the magnet positioning jig and the coil winder's cheek (tools §1.3,
§1.4), from the very plates the tools are cut from."""

from __future__ import annotations

import math

from cadstream.cad.tools.coil_winder import CoilWinderDims, cheek_profile, spacer_profile
from cadstream.cad.tools.magnet_jig import (
    MagnetJigDims,
    inner_jig_profile,
    jig_disk_profile,
    outer_jig_profile,
)
from cadstream.design.cells import TypedValues
from cadstream.outputs import printed
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.spots import Spots, bearing, preferring
from cadstream.outputs.outline import (
    Arc,
    Circle,
    Line,
    Loop,
    Outline,
    Point,
    Segment,
    as_circle,
    outline,
)

__all__ = ["coil_winder", "magnet_jig"]

#: How near (mm) a centre must be to the origin, or to the y axis, to lie on it.
_ON = 1e-6

_COIL_WINDER_ALT = {1: "Rectangular coil winder dimensions", 2: "Keyhole coil winder dimensions"}
_TRIANGULAR_ALT = "Triangular coil winder dimensions"


# ------------------------------------------------------------------------------- magnet jig


def magnet_jig(cells: TypedValues) -> Picture:
    """The magnet jig seen from above, the first magnet's pocket at the top: the larger radius E,
    out to the magnets' outer corners on the rotor's rim, the circle radius (half a magnet's
    width: a circle touching both sides of the top pocket) and the number of magnets.

    Which jig is drawn follows the model: the disk with a notch per magnet where the magnets
    stand at least 10 mm apart at their inner ends, else the square with a window per magnet and
    the disk that fills its centre (drawn thin).

    The smaller radius D (RotorDiskRadius − MagnetLength) is not drawn: no edge of either jig
    lies there. Each pocket is the magnet's footprint on the rotor, inner edge at
    DistanceOfMagnetFromCenter (R − MagnetLength less the offset that puts the outer corners on
    the rim), so the pocket's inner end lies up to a few millimetres inside D.
    """
    d = MagnetJigDims.from_cells(cells)
    jig = outline(inner_jig_profile(d) if d.inner else outer_jig_profile(d))
    disk = None if d.inner else outline(jig_disk_profile(d))
    b = jig.bounds
    c = Canvas(max(b.width, b.height))
    spots = Spots(c)
    c.outline(jig)
    spots.outline(jig)
    if disk is not None:
        c.outline(disk, weight="thin")
        spots.outline(disk)

    # The table's circle, centred on the middle of the top magnet's inner edge: its radius is
    # the distance from there to the pocket's sides.
    centre, half = _pocket_circle(jig, disk)
    c.circle(centre, half, weight="thin")
    spots.circle(centre, half)
    text = f"r = {printed.length(half)}"
    angle = spots.clearest_radius(centre, half, preferring([15.0 * k for k in range(24)], 315.0),
                                  text)
    c.radius(centre, half, angle, letter="r", row="Circle radius", printed=printed.length)

    if d.inner:
        rim = [s for s in _segments(jig.loops[0]) if isinstance(s, Arc) and _at_origin(s.center)]
        reach = rim[0].radius
        angles = [(arc.start_angle + arc.sweep / 2) % 360.0 for arc in rim]
    else:
        corners = _outer_corners(jig)
        reach = max(math.hypot(*p) for p in corners)
        angles = [bearing(p) for p in corners]
    text = f"E = {printed.length(reach)}"
    angle = spots.clearest_radius((0.0, 0.0), reach, preferring(angles, 300.0), text)
    c.radius((0.0, 0.0), reach, angle, letter="E", row="Larger radius E",
             printed=printed.length)
    bottom = b.ymin - 1.6 * c.unit if d.inner else b.ymin + 0.9 * c.unit
    c.note((0.0, bottom), f"{d.count} magnets")
    return Picture(c.svg("Magnet positioning jig"), "Magnet positioning jig dimensions")


def _pocket_circle(jig: Outline, disk: Outline | None) -> tuple[Point, float]:
    """The middle of the top magnet's inner edge and the distance from it to its pocket's sides.

    The inner edge is the notch's inner end (inner jig) or, on the outer jig, where the disk in
    its centre touches the magnet, the disk's top; the sides are the pocket's two edges parallel
    to the y axis above it.
    """
    if disk is None:
        ends = [s for s in _segments(jig.loops[0]) if isinstance(s, Line)
                and abs(s.start[1] - s.end[1]) < _ON and s.start[0] * s.end[0] < 0
                and s.start[1] > 0]
        if not ends:
            raise ValueError("the magnet jig has no notch across the +y axis")
        end = min(ends, key=lambda s: s.start[1])
        centre = ((end.start[0] + end.end[0]) / 2, end.start[1])
    else:
        rim = as_circle(disk.loops[0])
        centre = (rim.center[0], rim.center[1] + rim.radius)
    sides = [s for loop in jig.loops for s in _segments(loop) if isinstance(s, Line)
             and abs(s.start[0] - s.end[0]) < _ON and min(s.start[1], s.end[1]) >= centre[1] - _ON]
    if not sides:
        raise ValueError("the magnet jig's top pocket has no sides")
    return centre, min(abs(s.start[0] - centre[0]) for s in sides)


def _outer_corners(jig: Outline) -> list[Point]:
    """The windows' corners farthest from the centre: on the rotor's rim."""
    points = [s.start for loop in jig.loops[1:] if not isinstance(loop, Circle)
              for s in _segments(loop) if isinstance(s, Line)]
    reach = max(math.hypot(*p) for p in points)
    return [p for p in points if math.isclose(math.hypot(*p), reach, abs_tol=1e-6)]


# ------------------------------------------------------------------------------- coil winder


def coil_winder(cells: TypedValues) -> Picture:
    """A cheek seen from above with its spacer on it (thin) between the pin holes: the cheek's
    diameter and the pins' spacings, all between hole centres: A vertically between the two
    rows, B across the outer (upper) pair, C across the inner pair, or for a triangular winder
    the bottom rod's hole's diameter.

    A triangular winder's A is left out: its only vertical spacing, pins to bottom rod
    (MagnetLength − pin radius − bottom hole radius), is not the table's
    2·RectangularVerticalDistanceOfHolesFromCenter (MagnetLength − pin diameter).
    """
    coil_type = round(cells.num("Alternator.CoilType"))
    d = CoilWinderDims.from_cells(cells)
    cheek, spacer = outline(cheek_profile(d)), outline(spacer_profile(d))
    holes = [loop for loop in cheek.loops[1:] if isinstance(loop, Circle)]
    on_axis = [h for h in holes if abs(h.center[0]) < _ON and not _at_origin(h.center)]
    pins = [h for h in holes if abs(h.center[0]) >= _ON]
    rim = [s for s in _segments(cheek.loops[0]) if isinstance(s, Arc) and _at_origin(s.center)]
    b = cheek.bounds
    c = Canvas(max(b.width, b.height))
    u = c.unit
    c.outline(cheek)
    c.outline(spacer, weight="thin")

    radius = max(arc.radius for arc in rim)
    top, low = (_on_rim(rim, radius, angle) for angle in (90.0, 270.0))
    c.dimension(low, top, radius + 1.5 * u, letter="Ø", row="Cheek piece diameter",
                printed=printed.length)

    rows = sorted({round(p.center[1], 9) for p in pins}, reverse=True)
    upper = sorted(p.center for p in pins if round(p.center[1], 9) == rows[0])
    pin_radius = max(p.radius for p in pins)
    c.dimension(upper[0], upper[-1], 1.6 * u + pin_radius, letter="B", row="B",
                printed=printed.length)
    if on_axis:
        (cx, cy), r = on_axis[0].center, on_axis[0].radius
        c.dimension((cx - r, cy), (cx + r, cy), -(r + 1.2 * u), letter="C", row="C",
                    printed=printed.length)
    else:
        lower = sorted(p.center for p in pins if round(p.center[1], 9) == rows[-1])
        c.dimension(lower[0], lower[-1], -(1.6 * u + pin_radius), letter="C", row="C",
                    printed=printed.length)
        # A stands outside the rim, clear of the tape notch between the rows; centre lines
        # carry each row out to the dimension's extension lines.
        x = max(p.center[0] for p in pins)
        for row in (lower, upper):
            c.polyline([(row[0][0] - pin_radius - 0.5 * u, row[0][1]),
                        (x + pin_radius + 0.5 * u, row[0][1])], weight="centre")
        c.dimension((x, upper[-1][1]), (x, lower[-1][1]), radius - x + 1.5 * u, letter="A",
                    row="A", printed=printed.length)
    alt = _COIL_WINDER_ALT.get(coil_type, _TRIANGULAR_ALT)
    return Picture(c.svg("Coil winder cheek and spacer"), alt, "max-width: 330px")


def _on_rim(rim: list[Arc], radius: float, angle: float) -> Point:
    """The rim's point at ``angle``, which must lie on one of its full-radius arcs."""
    for arc in rim:
        if math.isclose(arc.radius, radius) and (angle - arc.start_angle) % 360.0 <= arc.sweep:
            return arc.at(angle)
    raise ValueError(f"the coil winder's cheek has a notch at {angle}° on its rim")


# ------------------------------------------------------------------------------- helpers


def _segments(loop: Loop) -> tuple[Segment, ...]:
    return () if isinstance(loop, Circle) else loop



def _at_origin(p: Point) -> bool:
    return math.hypot(*p) < _ON




