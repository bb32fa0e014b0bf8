"""The ``Hub`` sheet against derived-dimensions §1.1, §3 and the worked values of §21."""

from __future__ import annotations

import math

import pytest
from reference_cells import printed, reference_kinds, sheet_with

from cadstream.design.cells import ANGLE, COUNT, MM, NONE
from cadstream.design.derive import Design
from cadstream.design.sheets import hub

MAIN = ("T Shape", "H Shape", "Star Shape")
#: Columns of derived-dimensions §21.6, by preset name.
EXTRA = ("T Shape 2F", "H Shape 4F", "1.8m 46x30x10mm magnets", "1.2m 46x30x10mm magnets",
         "Magnet Width > Length, Rectangular Coil", "Magnet Width > Length, Triangular Coil")

#: §21.1, hub rows (HexNutThickness and HubHexNutThickness are re-exported on the Hub sheet).
WORKED_21_1 = {
    "MiddlePadRadius": ("71", "87", "132.5"),
    "DistanceBetweenStatorAndFrame": ("59.38", "62.66", "72.5"),
    "StubAxleShaftLength": ("106.38", "119.66", "149.5"),
    "HexNutThickness": ("10.19", "11.83", "11.83"),
    "HubHexNutThickness": ("10.19", "11.83", "16.75"),
}
#: §21.6, hub rows.
WORKED_21_6 = {
    "DistanceBetweenStatorAndFrame": ("67.38", "72.66", "55.38", "21.32", "59.38", "59.38"),
    "DistanceBetweenFrameAndMiddlePad": ("20.38", "23.66", "20.38", "50.32", "20.38", "20.38"),
    "StubAxleShaftLength": ("106.38", "119.66", "106.38", "126.32", "106.38", "106.38"),
}
#: §1.1, the hub's per-shape constants (T, H, Star), under the alias of the picked value.
SHAPE_CONSTANTS = {
    "MiddlePadRadiusMargin": (15, 15, 20),
    "ProtrudingPadThickness": (5, 5, 10),
    "FrameSidePadRadius": (32.5, 42.5, 52.5),
    "FrameSidePadWidth": (45, 45, 55),
    "DefaultRotorSidePadRadius": (28, 31, 47.5),
    "RotorSidePadWidth": (40, 40, 75),
    "NumberOfHoles": (4, 5, 6),
    "StubAxleShaftRadius": (18, 22.5, 30),
}


@pytest.mark.parametrize("alias", WORKED_21_1)
@pytest.mark.parametrize("column", range(3))
def test_worked_values_main_presets(designs: dict[str, Design], alias: str, column: int) -> None:
    design = designs[MAIN[column]]
    assert design.cells.num(f"Hub.{alias}") == printed(WORKED_21_1[alias][column])


@pytest.mark.parametrize("alias", WORKED_21_6)
@pytest.mark.parametrize("column", range(len(EXTRA)))
def test_worked_values_branch_presets(designs: dict[str, Design], alias: str,
                                      column: int) -> None:
    design = designs[EXTRA[column]]
    assert design.cells.num(f"Hub.{alias}") == printed(WORKED_21_6[alias][column])


@pytest.mark.parametrize("alias", SHAPE_CONSTANTS)
def test_shape_constants_are_picked_by_shape(designs: dict[str, Design], alias: str) -> None:
    for name, expected in zip(MAIN, SHAPE_CONSTANTS[alias], strict=True):
        assert designs[name].cells.num(f"Hub.{alias}") == expected, name


def test_every_shape_row_is_declared_whatever_the_shape(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    for shape, column in (("TShape", 0), ("HShape", 1), ("StarShape", 2)):
        for alias, values in SHAPE_CONSTANTS.items():
            suffix = alias.removeprefix("Default")
            assert cells.num(f"Hub.{shape}{suffix}") == values[column]


def test_rotor_side_pad_keeps_its_default_inside_a_large_central_hole(
        designs: dict[str, Design]) -> None:
    assert designs["T Shape"].cells.num("Hub.RotorSidePadRadius") == 28


def test_rotor_side_pad_shrinks_to_pass_a_small_central_hole(designs: dict[str, Design]) -> None:
    # Central hole Ø35 (radius 17.5) is smaller than the T pad's default radius 28.
    assert designs["1.2N MWT Hoverboard 16 pole 24V"].cells.num("Hub.RotorSidePadRadius") == 14.5
    # A hole exactly the pad's size also shrinks the pad (the reference compares with >=).
    cells = sheet_with(designs["T Shape"], hub.compute, RotorDiskCentralHoleDiameter=56)
    assert cells["RotorSidePadRadius"] == 25


def test_only_a_plain_single_rotor_moves_the_hub_behind_the_stator(
        designs: dict[str, Design]) -> None:
    """"Single and metal disk" stacks like "Double": two stud nuts between frame and flange."""
    for name in ("1.8m 46x30x10mm magnets", "T Shape"):
        cells = designs[name].cells
        assert cells.num("Hub.DistanceBetweenFrameAndMiddlePad") == cells.num(
            "Hub.NonSingleRotorDistanceBetweenFrameAndMiddlePad")
    single = designs["1.2m 46x30x10mm magnets"].cells
    assert single.num("Hub.DistanceBetweenFrameAndMiddlePad") == pytest.approx(
        single.num("Hub.DistanceBetweenStatorAndFrame") + single.num("Hub.StatorThickness")
        + single.num("Hub.MechanicalClearance") + single.num("Hub.RotorThickness"))


def test_cells_follow_the_reference_names_and_order(designs: dict[str, Design]) -> None:
    expected = list(reference_kinds("Hub"))
    for name, design in designs.items():
        assert [cell.alias for cell in design.sheet("Hub")] == expected, name


def test_units_match_the_reference_kinds(designs: dict[str, Design]) -> None:
    kinds = reference_kinds("Hub")
    for cell in designs["T Shape"].sheet("Hub"):
        kind = kinds[cell.alias]
        assert (cell.unit == NONE) == (kind == "string"), cell.alias
        assert (cell.unit == ANGLE) == (kind == "angle"), cell.alias
        assert cell.unit in (MM, COUNT, NONE), cell.alias
        assert cell.description and "\n" not in cell.description, cell.alias


def test_every_preset_derives_finite_numbers(designs: dict[str, Design]) -> None:
    assert len(designs) == 11
    for name, design in designs.items():
        for cell in design.sheet("Hub"):
            if not isinstance(cell.value, str):
                assert isinstance(cell.value, int | float), (name, cell.alias)
                assert math.isfinite(cell.value), (name, cell.alias)
