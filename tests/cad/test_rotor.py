"""Rotor disk features the volume checks cannot see: where pockets, jacking holes and magnets
sit (assembly §4.2)."""

from __future__ import annotations

import math

import pytest

from cadstream.cad.dims import AlternatorDims
from cadstream.cad.rotor import disk_profile, magnet_ring
from cadstream.design.derive import Design


def test_pockets_are_sectors_half_a_pitch_wide(designs: dict[str, Design]) -> None:
    """Six pockets centred at 90° + k·60°, as wide as WidthInnerPocket and WidthOuterPocket at
    their inner and outer radii (radial sides at ±asin(π/12))."""
    cells = designs["Star Shape"].cells
    d = AlternatorDims.from_cells(cells).rotor.back_disk
    assert d.pockets is not None
    assert d.pockets.angles == (90, 150, 210, 270, 330, 390)
    inner = cells.num("Alternator.PocketInnerRadius")
    outer = cells.num("Alternator.PocketOuterRadius")
    alpha = math.asin(math.pi / 12)
    (pocket,) = [w for w in disk_profile(d).innerWires() if w.Center().y > inner]
    box = pocket.BoundingBox()
    assert box.xmax == pytest.approx(cells.num("Alternator.WidthOuterPocket") / 2, abs=1e-6)
    assert box.ymin == pytest.approx(inner * math.cos(alpha), abs=1e-6)
    assert box.ymax == pytest.approx(outer, abs=1e-6)
    assert inner * math.sin(alpha) == pytest.approx(
        cells.num("Alternator.WidthInnerPocket") / 2)


@pytest.mark.parametrize(("preset", "angles"), [
    ("T Shape", (45, 135, 225, 315)),      # between the four hub holes
    ("H Shape", (90, 210, 330)),
    ("Star Shape", (240, 120, 0)),         # pocketed: in the webs, clockwise from 240°
    ("1.8m 46x30x10mm magnets", (45, 135, 225, 315)),
])
def test_jacking_holes_sit_clear_of_hub_holes_and_pockets(
        designs: dict[str, Design], preset: str, angles: tuple[float, ...]) -> None:
    d = AlternatorDims.from_cells(designs[preset].cells).rotor.front_disk
    assert d.jacking_holes is not None
    assert tuple(a % 360 for a in d.jacking_holes.angles) == pytest.approx(angles)
    assert disk_profile(d).isValid()


def test_magnet_corners_touch_the_disk_rim(designs: dict[str, Design]) -> None:
    d = AlternatorDims.from_cells(designs["H Shape"].cells).rotor
    ring = magnet_ring(d.magnets, d.back_disk.thickness)
    reach = max(math.hypot(v.X, v.Y) for v in ring.Vertices())
    assert reach == pytest.approx(d.back_disk.radius, abs=1e-9)
    assert len(ring.Solids()) == d.magnets.count
