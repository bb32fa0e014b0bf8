"""Drawings of the resin moulds, from the plates the mould is cut from (tools §1.1, §1.2)."""

from __future__ import annotations

from cadstream.cad.tools.rotor_mold import RotorMoldDims, island_profile, surround_profile
from cadstream.design.cells import TypedValues
from cadstream.outputs import printed
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.outline import Circle, Loop, outline

__all__ = ["rotor_mould"]


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
    rim = _circle(island.loops[0])
    c.radius(rim.center, rim.radius, 200, letter="C", row="Island radius C",
             printed=printed.length)
    return Picture(c.svg("Rotor mould"), "Rotor mould dimensions")


def _circle(loop: Loop) -> Circle:
    if not isinstance(loop, Circle):
        raise ValueError(f"expected a circular outline, got {loop!r}")
    return loop
