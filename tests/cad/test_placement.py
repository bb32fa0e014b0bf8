"""Placements become locations that move points exactly as the design's placement algebra does."""

from __future__ import annotations

import math

import cadquery as cq
import pytest

from cadstream.cad.placement import location, pattern, rotated_z, translated
from cadstream.design.derive import Design
from cadstream.design.vectors import Placement, Rotation, Vector

POINTS = (Vector(0, 0, 0), Vector(1, 0, 0), Vector(0, 1, 0), Vector(0, 0, 1),
          Vector(123.4, -56.7, 89.0))

PLACEMENTS = {
    "identity": Placement(),
    "translation": Placement.of(Vector(10, -20, 30)),
    "half turn about y": Placement.of(Vector(0, 0, 29.5), Vector(0, 1, 0), 180),
    "tail link": Placement.of(Vector(-127.03, -149.34, -125), Vector(1, 1, 1), 240),
    "tiny angle": Placement.of(Vector(1, 2, 3), Vector(0.3, -0.2, 0.9), 1e-9),
    "euler": Placement(Vector(5, 6, 7), Rotation.ypr(-90, 0, 90)),
}


def _moved(point: Vector, loc: cq.Location) -> tuple[float, float, float]:
    return cq.Vertex.makeVertex(point.x, point.y, point.z).moved(loc).toTuple()


@pytest.mark.parametrize("placement", PLACEMENTS.values(), ids=PLACEMENTS.keys())
def test_a_location_moves_points_as_its_placement(placement: Placement) -> None:
    loc = location(placement)
    for point in POINTS:
        expected = placement.apply(point)
        assert _moved(point, loc) == pytest.approx(expected.as_list(), abs=1e-9)


def test_locations_compose_in_the_placements_order() -> None:
    a, b = PLACEMENTS["tail link"], PLACEMENTS["euler"]
    for point in POINTS:
        assert _moved(point, location(a) * location(b)) == pytest.approx(
            _moved(point, location(a * b)), abs=1e-9)


def test_the_alternator_frame_maps_as_the_reference_tabulates(
        designs: dict[str, Design]) -> None:
    """Assembly §1.3, before the 4° tilt: T sends +x, +y, +z to −Y, +Z, −X; H and Star to −Z,
    −Y, −X."""
    axes = {"T": ((0, -1, 0), (0, 0, 1), (-1, 0, 0)),
            "H": ((0, 0, -1), (0, -1, 0), (-1, 0, 0)),
            "Star": ((0, 0, -1), (0, -1, 0), (-1, 0, 0))}
    for preset in ("T Shape", "H Shape", "Star Shape"):
        cells = designs[preset].cells
        loc = location(cells.placement("Alternator.AlternatorPlacement"))
        for unit, expected in zip(((1, 0, 0), (0, 1, 0), (0, 0, 1)),
                                  axes[cells.text("Alternator.CalculatedWindTurbineShape")],
                                  strict=True):
            assert _moved(Vector(*unit), loc) == pytest.approx(expected, abs=1e-12), preset


def test_a_pattern_places_copies_of_one_geometry() -> None:
    box = cq.Solid.makeBox(1, 2, 3, cq.Vector(-0.5, -1, 0))
    copies = pattern(box, (rotated_z(a) * translated(10, 0, 0) for a in (0, 120, 240)))
    solids = copies.Solids()
    assert len(solids) == 3
    assert all(s.wrapped.IsPartner(box.wrapped) for s in solids)
    assert copies.Volume() == pytest.approx(18)
    centres = sorted(round(math.degrees(math.atan2(s.Center().y, s.Center().x))) for s in solids)
    assert centres == [-120, 0, 120]
