"""WindTurbine placements (§17), the welding distance S of §21.2, and the reference's cell names
and kinds for every sheet from the yaw bearing on."""

from __future__ import annotations

import math

import pytest
from reference_cells import reference_kinds

from cadstream.design.cells import Value
from cadstream.design.derive import Design
from cadstream.design.vectors import Placement, Rotation, Vector

SHEETS = ("YawBearing", "Tail", "LowEndStop", "HighEndStop", "WindTurbine")
_KINDS: dict[str, type | tuple[type, ...]] = {
    "number": (int, float), "angle": (int, float), "vector": Vector, "rotation": Rotation,
    "placement": Placement, "boolean": bool, "string": str}

#: §21 prints up to 4 decimals with trailing zeros dropped: good to half a unit in the 4th.
TOLERANCE = 5e-5


def _is_kind(value: Value, kind: str) -> bool:
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, _KINDS[kind])


def _finite(value: Value) -> bool:
    if isinstance(value, Placement):
        return _finite(value.base) and _finite(value.rotation)
    if isinstance(value, Vector | Rotation):
        return all(math.isfinite(c) for c in vars(value).values())
    return isinstance(value, str) or math.isfinite(value)


@pytest.mark.parametrize("sheet", SHEETS)
def test_cells_follow_the_reference(designs: dict[str, Design], sheet: str) -> None:
    """Every preset declares the reference's cells, in order, of its kinds, finite, described."""
    names = reference_kinds(sheet)
    for preset, design in designs.items():
        cells = design.sheet(sheet)
        assert [cell.alias for cell in cells] == list(names), preset
        for cell in cells:
            assert _is_kind(cell.value, names[cell.alias]), (preset, cell)
            assert _finite(cell.value), (preset, cell)
            assert cell.description and "\n" not in cell.description, cell


@pytest.mark.parametrize(("preset", "expected"),
                         [("T Shape", 241.6205), ("H Shape", 92.2724), ("Star Shape", 91.8676)])
def test_channel_section_to_top_bar(designs: dict[str, Design], preset: str,
                                    expected: float) -> None:
    """§21.2 "S" (shown for H/Star, computed for T too)."""
    cells = designs[preset].cells
    assert cells.num("WindTurbine.LengthFromTopOfChannelSectionToWeldTopBar") == pytest.approx(
        expected, abs=TOLERANCE)


@pytest.mark.parametrize(("preset", "angle"),
                         [("T Shape", 90), ("H Shape", 45), ("Star Shape", 45)])
def test_yaw_bearing_turn(designs: dict[str, Design], preset: str, angle: float) -> None:
    """Small bearing turned +90° about y, extended one -45° (the axis flips)."""
    placement = designs[preset].cells.placement("WindTurbine.YawBearingPlacement")
    assert placement.rotation.angle == pytest.approx(angle)
    assert placement.rotation.axis.y == pytest.approx(1 if preset == "T Shape" else -1)


def test_positions_pick_the_bearing_of_the_shape(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        size = "Small" if design.shape == "T" else "Large"
        base = cells.placement("WindTurbine.YawBearingPlacement").base
        assert base == Vector(*(cells.num(f"WindTurbine.{size}YawBearing{c}") for c in "XYZ"))
        hinge = cells.placement("WindTurbine.TailAssemblyLinkPlacement").base
        assert hinge == Vector(*(cells.num(f"WindTurbine.{size}TailHinge{c}") for c in "XYZ"))
        assert base.z == -cells.num("Spreadsheet.Offset")


def test_large_bearing_y_by_shape(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        expected = (cells.num("WindTurbine.LargeYawBearingYPreAlternatorTilt")
                    if design.shape == "Star"
                    else cells.num("WindTurbine.HShapeChannelSectionHeight") / 4)
        assert cells.num("WindTurbine.LargeYawBearingY") == pytest.approx(expected)


def test_tail_link_permutes_the_axes(designs: dict[str, Design]) -> None:
    """The tail assembly's x, y, z become the turbine's z, x, y."""
    rotation = designs["T Shape"].cells.rotation("WindTurbine.TailAssemblyLinkRotation")
    for axis, image in ((Vector(1, 0, 0), Vector(0, 0, 1)), (Vector(0, 1, 0), Vector(1, 0, 0)),
                        (Vector(0, 0, 1), Vector(0, 1, 0))):
        assert (rotation.apply(axis) - image).length < 1e-12


def test_alternator_link_tilts_about_the_yaw_bearing(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        link = cells.placement("WindTurbine.AlternatorLinkPlacement")
        assert link.rotation.angle == pytest.approx(4)
        x = cells.num("WindTurbine.YawBearingXOffset")
        assert link.base.y == pytest.approx(-math.sin(math.radians(4)) * x)
