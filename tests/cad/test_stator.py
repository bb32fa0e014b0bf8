"""Coil and stator profiles on outlines the presets do not reach, against the closed forms."""

from __future__ import annotations

import math

import pytest

from cadstream.cad.dims import (
    CoilDims,
    CoilOutline,
    HoleCircle,
    RectangularCoil,
    ReducedTriangularCoil,
    Shape,
    StatorDims,
    TriangularCoil,
)
from cadstream.cad.stator import coil_profile, stator_profile
from cadstream.design.coils import (
    rectangular_coil_area,
    reduced_triangular_coil_area,
    triangular_coil_area,
)
from cadstream.design.stator_outline import (
    circular_stator_outline_area,
    hexagonal_stator_outline_area,
)

COILS: dict[str, tuple[CoilOutline, float]] = {
    "keyhole": (RectangularCoil(18, 60, 40, 12, 2.5), rectangular_coil_area(18, 60, 40, 12, 2.5)),
    "pins merged at the hub end": (RectangularCoil(15, 40, 30, 5, 2.5),
                                   rectangular_coil_area(15, 40, 30, 5, 2.5)),
    "wide triangle": (TriangularCoil(20, 80, 40, 2.5, 6), triangular_coil_area(20, 80, 40, 2.5, 6)),
    "reduced triangle": (ReducedTriangularCoil(25, 22.92, 50, 75, 2.5, 4, 41.12),
                         reduced_triangular_coil_area(25, 22.92, 50, 75, 2.5, 4, 41.12)),
}


@pytest.mark.parametrize(("outline", "area"), COILS.values(), ids=COILS.keys())
def test_a_coil_profile_has_the_closed_form_copper_area(outline: CoilOutline,
                                                        area: float) -> None:
    face = coil_profile(outline)
    assert face.isValid()
    assert len(face.innerWires()) == 1
    assert face.Area() == pytest.approx(area, rel=1e-9)
    box = face.BoundingBox()
    assert box.xmin == pytest.approx(-box.xmax)


def _stator(shape: Shape, studs: int, ear: float) -> StatorDims:
    coils = CoilDims(RectangularCoil(20, 46, 30, 30, 2.5), 9, 12.8, 80, 0.1, 20)
    first = {"T": 90, "H": 315, "Star": 0}[shape]
    return StatorDims(shape, 13, 80, HoleCircle.even(studs, 6, 200, first), ear, 240, coils)


@pytest.mark.parametrize(("shape", "studs", "ear"), [("T", 3, 25), ("H", 4, 35), ("T", 3, 45)])
def test_a_circular_stator_has_the_closed_form_area(shape: Shape, studs: int, ear: float) -> None:
    """Ears wider than 30° either side of a T stud still join the circle by tangent lines."""
    face = stator_profile(_stator(shape, studs, ear))
    assert face.isValid()
    holes = math.pi * 80**2 + studs * math.pi * 36
    assert len(face.innerWires()) == 1 + studs
    assert face.Area() == pytest.approx(circular_stator_outline_area(200, ear, studs) - holes,
                                        rel=1e-9)


def test_a_hexagonal_stator_has_its_corners_on_the_x_axis() -> None:
    face = stator_profile(_stator("Star", 6, 35))
    holes = math.pi * 80**2 + 6 * math.pi * 36
    assert face.Area() == pytest.approx(hexagonal_stator_outline_area(240) - holes, rel=1e-9)
    box = face.BoundingBox()
    assert (box.xmax, box.ymax) == pytest.approx((240, 240 * math.sqrt(3) / 2), abs=1e-6)
