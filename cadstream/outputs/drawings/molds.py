"""Drawings of the resin moulds, from the plates the mould is cut from (tools §1.1, §1.2)."""

from __future__ import annotations

import math

from cadstream.cad.tools import stator_mold
from cadstream.cad.tools.rotor_mold import RotorMoldDims, island_profile, surround_profile
from cadstream.design.cells import TypedValues
from cadstream.outputs import printed
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.spots import Spots, bearing, preferring
from cadstream.outputs.outline import Arc, Circle, Line, Outline, Point, as_circle, outline

__all__ = ["rotor_mould", "stator_mould"]

#: How near (mm) an arc's centre must be to the mould's axis to count as centred on it.
_ON_AXIS = 1e-6


def rotor_mould(cells: TypedValues) -> Picture:
    """The surround plate seen from above with the island in its cavity: the square's side A,
    the cavity's radius B (the rotor's resin edge) and the island's radius C."""
    d = RotorMoldDims.from_cells(cells)
    surround, island = outline(surround_profile(d)), outline(island_profile(d))
    cavity = max((loop for loop in surround.loops[1:] if isinstance(loop, Circle)),
                 key=lambda loop: loop.radius)
    b = surround.bounds
    c = Canvas(max(b.width, b.height))
    c.outline(surround)
    c.outline(island, weight="thin")
    c.dimension((b.xmin, b.ymin), (b.xmax, b.ymin), -2 * c.unit, letter="A",
                row="Mould side A", printed=printed.length)
    c.radius(cavity.center, cavity.radius, 45, letter="B", row="Rotor radius B",
             printed=printed.length)
    rim = as_circle(island.loops[0])
    c.radius(rim.center, rim.radius, 200, letter="C", row="Island radius C",
             printed=printed.length)
    return Picture(c.svg("Rotor mould"), "Rotor mould dimensions")


def stator_mould(cells: TypedValues) -> Picture:
    """The surround layer seen from above with the island in its cavity: the square's side A,
    the cavity's outer radius B and the island's radius C, and how many mounts the stator has.

    B is measured on the cavity the surround really has: for T and H its round part, the circle
    through the mounting ears' centres (StatorHolesCircumradius); for the Star's hexagon the
    distance to a corner (HexagonalStatorOuterCircumradius). The mounts are the cavity's ears
    (T, H) or the hexagon's corners (Star).
    """
    d = stator_mold.StatorMoldDims.from_cells(cells)
    surround = outline(stator_mold.surround_profile(d))
    island = outline(stator_mold.island_profile(d))
    cavity = _cavity(surround)
    b = surround.bounds
    c = Canvas(max(b.width, b.height))
    spots = Spots(c)
    c.outline(surround)
    c.outline(island, weight="thin")
    spots.outline(surround)
    spots.outline(island)
    c.dimension((b.xmin, b.ymin), (b.xmax, b.ymin), -2 * c.unit, letter="A",
                row="Mould side A", printed=printed.length)

    if d.cavity.hexagonal:
        corners = _corners(cavity)
        reach = max(math.hypot(*p) for p in corners)
        angles = [bearing(p) for p in corners if math.isclose(math.hypot(*p), reach)]
        mounts = len(corners)
    else:
        round_part = [s for s in cavity if isinstance(s, Arc) and _on_axis(s.center)]
        reach = round_part[0].radius
        angles = [a for arc in round_part for a in _inside(arc)]
        mounts = sum(1 for s in cavity if isinstance(s, Arc) and not _on_axis(s.center))
    text = f"B = {printed.length(reach)}"
    angle = spots.clearest_radius((0.0, 0.0), reach, preferring(angles, 45.0), text)
    c.radius((0.0, 0.0), reach, angle, letter="B", row="Outer radius B",
             printed=printed.length)

    rim = as_circle(island.loops[0])
    text = f"C = {printed.length(rim.radius)}"
    angle = spots.clearest_radius(rim.center, rim.radius,
                                  preferring([5.0 * k for k in range(72)], 225.0), text)
    c.radius(rim.center, rim.radius, angle, letter="C", row="Inner radius C",
             printed=printed.length)
    c.note((b.xmin + c.unit, b.ymin + c.unit), f"{mounts} mounts", anchor="start")
    return Picture(c.svg("Stator mould"), "Stator mould dimensions")


def _cavity(surround: Outline) -> tuple[Line | Arc, ...]:
    """The surround's one hole that is not round: the cast's outline."""
    loops = [loop for loop in surround.loops[1:] if not isinstance(loop, Circle)]
    if len(loops) != 1:
        raise ValueError(f"expected one cavity in the stator mould's surround, got {len(loops)}")
    segments = loops[0]
    if not all(isinstance(s, Line | Arc) for s in segments):
        raise ValueError("the stator mould's cavity has a curve that is neither line nor arc")
    return tuple(s for s in segments if isinstance(s, Line | Arc))


def _corners(cavity: tuple[Line | Arc, ...]) -> list[Point]:
    return [s.start for s in cavity]


def _on_axis(p: Point) -> bool:
    return math.hypot(*p) < _ON_AXIS



def _inside(arc: Arc, step: float = 5.0) -> list[float]:
    """Angles along ``arc`` every ``step`` degrees, keeping a step clear of its ends; its middle
    where it is too short for that."""
    count = math.floor(arc.sweep / step)
    inside = [(arc.start_angle + k * step) % 360.0 for k in range(1, count)]
    return inside or [(arc.start_angle + arc.sweep / 2) % 360.0]


