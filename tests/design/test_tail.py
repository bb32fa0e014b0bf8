"""Tail sheet against derived-dimensions §12–§13 and the worked values of §21.3."""

from __future__ import annotations

import pytest

from cadstream.design.cells import MM, SheetBuilder
from cadstream.design.derive import Design
from cadstream.design.sheets.tail import inner_hinge_pipe_picks
from cadstream.design.vectors import Rotation, Vector

#: §21 prints up to 4 decimals with trailing zeros dropped: good to half a unit in the 4th.
TOLERANCE = 5e-5

#: §21.3 rows of the Tail sheet (and the vane bracket bolt of the Fastener sheet).
WORKED_VALUES: dict[str, tuple[float, float, float]] = {
    "Tail.HingeInnerPipeDiameter": (48.3, 73, 101.6),
    "Tail.HingeInnerPipeLength": (243.0995, 367.7749, 556.3908),
    "Tail.HingeOuterPipeLength": (143.0759, 231.0785, 350.773),
    "Tail.TailHingeJunctionHeight": (81.0332, 122.5916, 185.4636),
    "Tail.TailHingeJunctionFullWidth": (80.154, 111.1188, 154.4294),
    "Tail.TailBoomTriangularBraceWidth": (72, 171.0747, 265.1978),
    "Tail.OuterTailHingeXPosition": (71.9787, 94.155, 132.1559),
    "Tail.OuterTailHingeZPosition": (85.7316, 127.4213, 190.2932),
    "Tail.TailRotationAngle": (35, 35, 35),
    "Tail.TailXPosition": (124.5252, 174.6949, 247.6638),
    "Tail.TailYPosition": (12.5557, 21.9103, 27.3614),
    "Tail.TailZPosition": (177.6742, 307.1002, 470.396),
    "Fastener.TailVaneBracketBoltLength": (30, 35, 40),
}
PRESETS = ("T Shape", "H Shape", "Star Shape")


@pytest.mark.parametrize(("key", "preset", "expected"), [
    (key, preset, value) for key, values in WORKED_VALUES.items()
    for preset, value in zip(PRESETS, values, strict=True)])
def test_worked_values(designs: dict[str, Design], key: str, preset: str,
                       expected: float) -> None:
    assert designs[preset].cells.num(key) == pytest.approx(expected, abs=TOLERANCE)


def _inner_diameter(outer: float) -> float:
    aliases = [f"Range{i}_inner" for i in range(8, 0, -1)] + ["HingeInnerPipeDiameter"]
    return SheetBuilder("Tail").cascade(aliases, inner_hinge_pipe_picks(outer), 141.3, MM, "")


@pytest.mark.parametrize(("outer", "inner"), [
    (33.4, 33.4), (42.2, 33.4), (48.3, 42.2), (60.3, 48.3), (73.0, 60.3), (88.9, 73.0),
    (101.6, 88.9), (114.3, 101.6), (127.0, 114.3), (141.3, 127.0), (160.0, 141.3)])
def test_inner_hinge_pipe_is_one_size_smaller(outer: float, inner: float) -> None:
    """Table §1.2: the largest standard size strictly below the outer pipe."""
    assert _inner_diameter(outer) == inner


def test_cover_only_on_h_and_star(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        shown = design.shape != "T"
        assert cells.num("Tail.HingeInnerPipeDisplayCover") == (1 if shown else 0)
        assert cells.num("Tail.HingeInnerPipeCoverOffset") == (5 if shown else 0)


def test_brace_width_is_halved_pipe_only_on_t(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        below = cells.num("Tail.DistanceOfOuterHingeBelowBoom")
        expected = (min(cells.num("Tail.HalfHingeOuterPipeLength"), below)
                    if design.shape == "T" else below)
        assert cells.num("Tail.TailBoomTriangularBraceWidth") == expected


def test_tail_swings_about_the_hinge_axis(designs: dict[str, Design]) -> None:
    """The boom root keeps its height along, and distance from, the hinge axis."""
    for design in designs.values():
        cells = design.cells
        center = cells.vector("Tail.Center")
        axis = cells.vector("Tail.TailAxisVector")
        before = cells.vector("Tail.Point") - center
        after = cells.vector("Tail.RotatedPoint") - center
        assert after.dot(axis) == pytest.approx(before.dot(axis))
        assert after.length == pytest.approx(before.length)
        assert cells.num("Tail.TailRotationAngle") == pytest.approx(
            cells.num("Tail.HorizontalPlaneAngle") - 20)


def test_placements(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    chamfer = cells.num("Tail.TailHingeJunctionChamfer")
    assembly = cells.placement("Tail.TailAssemblyPlacement")
    assert assembly.base.length == pytest.approx(chamfer)
    assert assembly.rotation.angle == pytest.approx(145)
    assert (assembly.rotation.axis - Vector(0, 0, -1)).length < 1e-12
    tail = cells.placement("Tail.TailPlacement")
    assert tail.base == cells.vector("Tail.RotatedPoint")
    # The boom turns about z, not about the hinge axis (a quirk kept from the reference).
    assert tail.rotation == Rotation.about(Vector(0, 0, 1), 35)
    hinge = cells.placement("Tail.OuterTailHingePlacement")
    parent = cells.placement("Tail.OuterTailHingeParentPlacement")
    assert (parent.base - assembly.apply(hinge.base)).length < 1e-12
