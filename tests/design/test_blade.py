"""The ``Blade`` sheet against derived-dimensions §1.3, §18 and the worked values of §21.4."""

from __future__ import annotations

import itertools
import math

import pytest
from reference_cells import printed, reference_kinds, sheet_with

from cadstream.design.arith import cos, sin
from cadstream.design.cells import ANGLE, COUNT, MM, NONE
from cadstream.design.derive import Design
from cadstream.design.sheets import blade

MAIN = ("T Shape", "H Shape", "Star Shape")

#: §21.4 (T, H, Star).
WORKED_21_4 = {
    "MinimumBladeWidth": ("124", "223", "322"),
    "BladeAssemblyPlateThickness": ("12", "18", "27"),
    "BladeAssemblyBackDiskDiameter": ("251", "442", "633"),
    "BladeAssemblyFrontTriangleSideLength": ("359", "624", "888"),
    "BladeThickness": ("40", "75", "120"),
    "BladeTemplateDim_V": ("196", "351", "505"),
    "BladeTemplateDim_W": ("56", "89", "121"),
    "NumberOfBackDiskScrews": ("27", "39", "51"),
    "MinimumNumberOfFrontTriangleScrews": ("24", "36", "48"),
    "BladeAssemblyScrewLength": ("30", "55", "85"),
    "NumberOfInnerScrews": ("4", "6", "8"),
    "NumberOfOuterScrews": ("4", "6", "8"),
}
#: §18 check: first inner and first outer screw before the body rotation.
FIRST_SCREWS = {
    "T Shape": (("-55.977", "45.468"), ("-61.377", "71.660")),
    "H Shape": (("-110.413", "23.515"), ("-120.404", "81.367")),
}
#: RotorDiameter → plywood sheet (§1.3), one per band; unrounded = 0.004·D + 2.426.
PLYWOOD_BANDS = ((1200, 9), (2400, 12), (3200, 15), (4200, 18), (5000, 21), (5500, 24),
                 (5800, 27), (7000, 30))


@pytest.mark.parametrize("alias", WORKED_21_4)
@pytest.mark.parametrize("column", range(3))
def test_worked_values(designs: dict[str, Design], alias: str, column: int) -> None:
    design = designs[MAIN[column]]
    assert design.cells.num(f"Blade.{alias}") == printed(WORKED_21_4[alias][column])


@pytest.mark.parametrize("name", FIRST_SCREWS)
def test_first_front_triangle_screws(designs: dict[str, Design], name: str) -> None:
    for line, (x, y) in zip(blade.LINES, FIRST_SCREWS[name], strict=True):
        first = blade.front_triangle_screws(designs[name].cells, line)[0]
        assert (first.x, first.y) == (printed(x), printed(y)), line


def test_screw_rows_step_along_their_line(designs: dict[str, Design]) -> None:
    for name, design in designs.items():
        cells = design.cells
        for line in blade.LINES:
            screws = blade.front_triangle_screws(cells, line)
            if line == "Inner" and cells.num("Blade.HideInnerScrews") == 1:
                assert screws == (), name
                continue
            assert len(screws) == cells.num(f"Blade.NumberOf{line}Screws"), (name, line)
            spacing = cells.num(f"Blade.DistanceBetween{line}Screws")
            for a, b in itertools.pairwise(screws):
                assert (b - a).length == pytest.approx(spacing), (name, line)
                assert math.degrees(math.atan2(b.y - a.y, b.x - a.x)) == pytest.approx(60)
            if line == "Inner":  # The inner row lies on its line; the outer starts 1° off.
                distance = cells.num("Blade.InnerScrewLineDistanceFromCenter")
                for screw in screws:
                    assert screw.x * cos(150) + screw.y * sin(150) == pytest.approx(distance)


def test_plate_thickness_cascade_keeps_the_reference_chain(designs: dict[str, Design]) -> None:
    """Unrounded 12.026: every Range cell holds its own band until Range2 catches it."""
    cells = designs["T Shape"].cells
    chain = [cells.num(f"Blade.Range{i}") for i in range(7, 1, -1)]
    assert chain == [27, 24, 21, 18, 15, 12]
    assert cells.num("Blade.BladeAssemblyPlateThickness") == 12


@pytest.mark.parametrize(("rotor_diameter", "sheet"), PLYWOOD_BANDS)
def test_plate_thickness_bands(designs: dict[str, Design], rotor_diameter: float,
                               sheet: float) -> None:
    cells = sheet_with(designs["Star Shape"], blade.compute, RotorDiameter=rotor_diameter)
    assert cells["BladeAssemblyPlateThickness"] == sheet


def test_plate_thickness_top_band_is_30(designs: dict[str, Design]) -> None:
    """The reference renders an enum name there on new Pythons; it means 30 mm (§1.3)."""
    cells = sheet_with(designs["Star Shape"], blade.compute, RotorDiameter=7000)
    assert cells["UnroundedBladeAssemblyPlateThickness"] == pytest.approx(30.426)
    assert cells["Range7"] == 30
    assert cells["BladeAssemblyPlateThickness"] == 30


def test_small_rotors_take_the_minimum_blade_thickness(designs: dict[str, Design]) -> None:
    cells = designs["1.2m 46x30x10mm magnets"].cells
    assert cells.num("Blade.LessThan3000") == 30
    assert cells.num("Blade.BladeThickness") == 35


def test_a_small_plate_hides_the_inner_line(designs: dict[str, Design]) -> None:
    cells = designs["1.8m 46x30x10mm magnets"].cells
    assert cells.num("Blade.DistanceBetweenOuterScrewAndEdge") < 10
    assert cells.num("Blade.HideInnerScrews") == 1
    assert cells.num("Blade.InnerScrewLineDistanceFromCenter") == cells.num(
        "Blade.HubPitchCircleRadius")
    assert cells.num("Blade.OuterScrewLineDistanceFromCenter") == cells.num(
        "Blade.SmallOuterScrewLineDistanceFromCenter")
    assert designs["T Shape"].cells.num("Blade.HideInnerScrews") == 0


def test_a_wider_blade_gets_additional_screws(designs: dict[str, Design]) -> None:
    """T Shape 2F: a 124 mm blade on a 2 m rotor (minimum 102) gains one screw per line."""
    cells = designs["T Shape 2F"].cells
    assert cells.num("Blade.BladeWidth") > cells.num("Blade.MinimumBladeWidth")
    assert cells.num("Blade.NumberOfAdditionalInnerScrews") == 1
    assert cells.num("Blade.NumberOfAdditionalOuterScrews") == 1
    for name in MAIN:  # BladeWidth = MinimumBladeWidth: no additional screws.
        assert designs[name].cells.num("Blade.NumberOfAdditionalInnerScrews") == 0
        assert designs[name].cells.num("Blade.NumberOfAdditionalOuterScrews") == 0


def test_minimum_delta_is_guarded_where_the_reference_divides_by_zero(
        designs: dict[str, Design]) -> None:
    """A T-size hub on a 5 m rotor: a minimum-width blade already covers the inner line, where
    the reference's MinimumDelta divides zero by zero; its limit, 90° − Gamma, is used."""
    cells = sheet_with(designs["T Shape"], blade.compute, RotorDiameter=5000, BladeWidth=267)
    assert cells["MinimumBladeWidth"] == 267
    assert cells["MinimumDelta"] == pytest.approx(90 - float(cells["Gamma"]))
    assert cells["MinimumInnerScrewGammaHypotenuse"] == 0.0
    counts = [cells[f"Number{kind}Screws"] for kind in ("OfInner", "OfOuter")]
    assert all(isinstance(n, float | int) and n >= 1 for n in counts)


def test_cells_follow_the_reference_names_and_order(designs: dict[str, Design]) -> None:
    expected = list(reference_kinds("Blade"))
    for name, design in designs.items():
        assert [cell.alias for cell in design.sheet("Blade")] == expected, name


def test_units_match_the_reference_kinds(designs: dict[str, Design]) -> None:
    kinds = reference_kinds("Blade")
    for cell in designs["T Shape"].sheet("Blade"):
        assert (cell.unit == ANGLE) == (kinds[cell.alias] == "angle"), cell.alias
        assert cell.unit in (MM, COUNT, NONE, ANGLE), cell.alias
        assert cell.description and "\n" not in cell.description, cell.alias


def test_every_preset_derives_finite_numbers(designs: dict[str, Design]) -> None:
    assert len(designs) == 11
    for name, design in designs.items():
        for cell in design.sheet("Blade"):
            assert isinstance(cell.value, int | float), (name, cell.alias)
            assert math.isfinite(cell.value), (name, cell.alias)
