"""Low and high end stops and the furl limit (§14–§16) against §21.3 and §21.6."""

from __future__ import annotations

import math

import pytest

from cadstream.design.derive import Design
from cadstream.design.vectors import Vector

#: §21 prints up to 4 decimals with trailing zeros dropped: good to half a unit in the 4th.
TOLERANCE = 5e-5
PRESETS = ("T Shape", "H Shape", "Star Shape")

#: §21.3 rows of the LowEndStop and HighEndStop sheets.
WORKED_VALUES: dict[str, tuple[float, float, float]] = {
    "LowEndStop.LowEndStopAngle": (74.6763, 74.1496, 75.8145),
    "LowEndStop.LowEndStopLength": (125.3053, 171.2651, 247.6007),
    "HighEndStop.Radius": (981.8323, 1797.2752, 2588.5911),
    "HighEndStop.MaximumFurlAngle": (110.1543, 108.1559, 108.2357),
    "HighEndStop.HighEndStopWidth": (21.387, 35.4133, 55.0506),
    "HighEndStop.HighEndStopLength": (131.6849, 156.8867, 221.7144),
    "HighEndStop.SafetyCatchZ": (274.0567, 401.0875, 596.1437),
    "HighEndStop.SafetyCatchAngle": (2.9717, 3.5768, 3.4996),
    "HighEndStop.HighEndStopWidthExtensionToLowEndStop": (1.7725, 9.5579, 10.6287),
}

#: §21.6: (MaximumFurlAngle, YawPipeLength) of further presets.
BRANCH_VALUES: dict[str, tuple[float, float]] = {
    "T Shape 2F": (107.4027, 263.3072),
    "H Shape 4F": (110.1653, 460.0535),
    "1.8m 46x30x10mm magnets": (110.146, 251.4694),
    "1.2m 46x30x10mm magnets": (110.2035, 219.0546),
    "Magnet Width > Length, Rectangular Coil": (110.1543, 288.6807),
    "Magnet Width > Length, Triangular Coil": (110.2203, 289.689),
}


@pytest.mark.parametrize(("key", "preset", "expected"), [
    (key, preset, value) for key, values in WORKED_VALUES.items()
    for preset, value in zip(PRESETS, values, strict=True)])
def test_worked_values(designs: dict[str, Design], key: str, preset: str,
                       expected: float) -> None:
    assert designs[preset].cells.num(key) == pytest.approx(expected, abs=TOLERANCE)


@pytest.mark.parametrize(("preset", "furl", "yaw_pipe"),
                         [(preset, *values) for preset, values in BRANCH_VALUES.items()])
def test_branch_values(designs: dict[str, Design], preset: str, furl: float,
                       yaw_pipe: float) -> None:
    cells = designs[preset].cells
    assert cells.num("HighEndStop.MaximumFurlAngle") == pytest.approx(furl, abs=TOLERANCE)
    assert cells.num("HighEndStop.YawPipeLength") == pytest.approx(yaw_pipe, abs=TOLERANCE)


@pytest.mark.parametrize(("preset", "lengthened"), [
    ("T Shape", False), ("H Shape", False), ("Star Shape", False), ("H Shape 4F", True),
    ("Magnet Width > Length, Triangular Coil", True)])
def test_yaw_pipe_is_lengthened_only_when_the_catch_needs_it(
        designs: dict[str, Design], preset: str, lengthened: bool) -> None:
    cells = designs[preset].cells
    catch_z = cells.num("HighEndStop.SafetyCatchZ")
    fmt = cells.num("HighEndStop.FlatMetalThickness")
    projected = cells.num("HighEndStop.YawPipeProjectedLength")
    expected = catch_z + fmt if lengthened else projected
    assert cells.num("HighEndStop.YawPipeLength") == expected


def test_low_end_stop_lies_in_its_plane_towards_the_contact(designs: dict[str, Design]) -> None:
    """The contact point is in the stop's plane, along the turned stop's long edge."""
    for design in designs.values():
        cells = design.cells
        local = cells.vector("LowEndStop.TangentPointLowEndStopLocal")
        assert local.z == pytest.approx(0, abs=1e-9)
        stop = cells.placement("LowEndStop.LowEndStopPlacement")
        edge = stop.rotation.apply(Vector(0, -1, 0))
        assert (edge - local.normalized()).length < 1e-9


@pytest.mark.parametrize("preset", PRESETS)
def test_length_scale_factor(designs: dict[str, Design], preset: str) -> None:
    cells = designs[preset].cells
    expected = {"T Shape": 1.15, "H Shape": 1.1, "Star Shape": 1.1}[preset]
    assert cells.num("LowEndStop.LowEndStopLengthScaleFactor") == expected
    assert cells.num("LowEndStop.LowEndStopLength") == pytest.approx(
        cells.vector("LowEndStop.TangentPointLowEndStopLocal").length * expected)


def test_unfurled_boom_end_starts_the_circle(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        unfurled = (cells.placement("Tail.TailAssemblyPlacement")
                    * cells.placement("HighEndStop.TailBoomVaneAssemblyParentPlacement")
                    * cells.placement("HighEndStop.EndOfBoomPlacement")).base
        start = cells.placement("HighEndStop.FurledEndOfBoom0Placement").base
        assert (unfurled - start).length < 1e-9


def test_furl_limit_is_on_the_circle_and_the_limit_plane(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        limit = cells.vector("HighEndStop.FarthestIntersectionPoint")
        center = cells.vector("HighEndStop.CenterOfSphere")
        radius = cells.num("HighEndStop.Radius")
        assert (limit - center).length == pytest.approx(radius)
        vh = cells.vector("HighEndStop.Vh")
        assert vh.dot(limit) + cells.num("HighEndStop.BoomRotationPlaneDistance") == pytest.approx(
            0, abs=1e-6)
        assert limit.x == pytest.approx(
            cells.num("HighEndStop.slope") * limit.y + cells.num("HighEndStop.xIntercept"))
        # The plane stays 5° off the blade plane: its slope is -tan 85° whatever the hinge.
        assert cells.num("HighEndStop.slope") == pytest.approx(-math.tan(math.radians(85)))


def test_furled_high_end_stop_touches_the_yaw_pipe(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        contact = cells.vector("HighEndStop.YawBearingHighEndStopTangentPoint")
        assert math.hypot(contact.x, contact.y) == pytest.approx(
            cells.num("HighEndStop.YawPipeRadius"))
        assert cells.vector("HighEndStop.Vn").dot(contact) == pytest.approx(
            cells.num("HighEndStop.FurledHighEndStopPlaneDistance"))


def test_extension_meets_the_low_end_stop_edge(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        meet = cells.vector("HighEndStop.IntersectionPoint")
        left = cells.vector("LowEndStop.LeftPerpendicularLowEndStopPlaneNormalVector")
        left_d = cells.num("LowEndStop.LeftPerpendicularLowEndStopPlaneDistance")
        front = cells.vector("HighEndStop.FrontPerpendicularHighEndStopPlaneNormalVector")
        front_d = cells.num("HighEndStop.FrontPerpendicularHighEndStopPlaneDistance")
        assert left.dot(meet) + left_d == pytest.approx(0, abs=1e-9)
        assert front.dot(meet) + front_d == pytest.approx(0, abs=1e-9)
