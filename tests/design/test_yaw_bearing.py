"""YawBearing sheet against the worked values of derived-dimensions §21.2."""

from __future__ import annotations

import math

import pytest

from cadstream.design.derive import Design
from cadstream.design.vectors import Vector

#: §21 prints up to 4 decimals with trailing zeros dropped: good to half a unit in the 4th.
TOLERANCE = 5e-5

#: §21.2 yaw bearing rows (the T values in parentheses included), by cell and preset.
WORKED_VALUES: dict[str, dict[str, float]] = {
    "YawBearing.I": {"T Shape": 17.6},
    "YawBearing.RotorDiskRadiusFromBladeRotorDiameter":
        {"T Shape": 151.9372, "H Shape": 229.8593, "Star Shape": 347.7443},
    "YawBearing.YawPipeProjectedLength":
        {"T Shape": 288.6807, "H Shape": 413.7467, "Star Shape": 625.9397},
    "HighEndStop.YawPipeLength": {"T Shape": 288.6807, "H Shape": 413.7467, "Star Shape": 625.9397},
    "YawBearing.MM": {"T Shape": 84.2792, "H Shape": 99.9673, "Star Shape": 132.8746},
    "YawBearing.L": {"T Shape": 235.4978, "H Shape": 432.8725, "Star Shape": 595.9961},
    "YawBearing.SideWidth": {"H Shape": 103.4367, "Star Shape": 156.4849},
    "YawBearing.SideLength": {"H Shape": 289.2649, "Star Shape": 416.0482},
}


@pytest.mark.parametrize(("key", "preset", "expected"), [
    (key, preset, value) for key, by_preset in WORKED_VALUES.items()
    for preset, value in by_preset.items()])
def test_worked_values(designs: dict[str, Design], key: str, preset: str,
                       expected: float) -> None:
    assert designs[preset].cells.num(key) == pytest.approx(expected, abs=TOLERANCE)


@pytest.mark.parametrize(("preset", "expected"),
                         [("T Shape", True), ("H Shape", False), ("Star Shape", False)])
def test_side_reaches_pipe_middle_only_when_the_bar_is_wide(designs: dict[str, Design],
                                                            preset: str, expected: bool) -> None:
    cells = designs[preset].cells
    assert cells.flag("YawBearing.CanSideExtendToMiddleOfYawBearingPipe") is expected
    side_gap = cells.num("YawBearing.DistanceBetweenSideAndPipe")
    assert (side_gap > 0) is expected


def test_top_bar_is_never_narrower_than_the_pipe(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        assert cells.num("YawBearing.MM") >= cells.num("YawBearing.YawPipeDiameter")


def test_shape_picks(designs: dict[str, Design]) -> None:
    """T uses the small plates' wire hole and arc length; H/Star the extended bar's."""
    for design in designs.values():
        cells = design.cells
        is_t = design.shape == "T"
        assert cells.num("YawBearing.YawPipeScaleFactor") == (0.95 if is_t else 0.9)
        assert cells.num("YawBearing.YawBearingPlateTopHoleRadius") == (10 if is_t else 17.5)
        chosen = "Small" if is_t else "Large"
        assert cells.num("YawBearing.ArcWireSupportLength") == cells.num(
            f"YawBearing.ArcWireSupport{chosen}Length")


def test_projected_length_follows_the_blade_diameter(designs: dict[str, Design]) -> None:
    """The generator-size fit is exponential in the rotor diameter (174.97·e^(0.23·D)/2)."""
    for design in designs.values():
        cells = design.cells
        diameter_m = cells.num("YawBearing.RotorDiameter") / 1000
        assert cells.num("YawBearing.RotorDiskRadiusFromBladeRotorDiameter") == pytest.approx(
            174.97 * math.exp(0.23 * diameter_m) / 2)


def test_extended_top_sits_on_the_pipe_edge(designs: dict[str, Design]) -> None:
    cells = designs["H Shape"].cells
    placement = cells.placement("YawBearing.ExtendedTopPlacement")
    assert placement.base == Vector(-88.9 / 2, 10, -cells.num("YawBearing.MM") / 2)
    assert placement.rotation.angle == 0
