"""The Alternator sheet against the worked values of derived-dimensions §21 (all marked H✓).

Expected values are written as printed there; each is checked to half a unit of its last printed
digit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest
from reference_cells import reference_kinds

from cadstream.design.derive import Design
from cadstream.design.vectors import Placement, Rotation, Vector

MAIN = ("T Shape", "H Shape", "Star Shape")
BRANCHES = ("T Shape 2F", "H Shape 4F", "1.8m 46x30x10mm magnets", "1.2m 46x30x10mm magnets",
            "Magnet Width > Length, Rectangular Coil", "Magnet Width > Length, Triangular Coil")

#: §21.1 and §21.2, cells of the Alternator sheet, for T, H and Star.
MAIN_VALUES: dict[str, tuple[str, str, str]] = {
    "NumberOfCoils": ("9", "12", "24"),
    "CoilAngle": ("40", "30", "15"),
    "OffsetToAlignCornersOfMagnetToDisk": ("0.7519", "0.5006", "0.2449"),
    "DistanceOfMagnetFromCenter": ("103.2481", "178.4994", "313.9951"),
    "StatorInnerHoleRadius": ("81.7481", "146.4994", "282.8651"),
    "OutsideCoilEdgeRadius": ("171.5", "257", "403.37"),
    "StatorMoldSurroundEdgeRadius": ("192.5", "278", "424.37"),
    "HexagonalStatorOuterCircumradius": ("222.2799", "321.0067", "490.0203"),
    "StatorHolesCircumradius": ("192.5", "285", "446.6951"),
    "NumberOfStatorHoles": ("3", "4", "6"),
    "CoilsAngle": ("20", "90", "90"),
    "LidNotchDegrees": ("190", "195", "217.5"),
    "StatorMoldSideLength": ("596.75", "883.5", "1384.7549"),
    "LengthMiddleHoles": ("216.5", "309", "514.0203"),
    "IslandInnerRadius": ("63.7635", "128.4994", "264.8651"),
    "StatorMoldBoltDiameter": ("12", "12", "12"),
    "StatorMoldBoltLength": ("60", "55", "65"),
    "LocatingBoltLength": ("85", "85", "95"),
    "StatorMoldSurroundNumberOfBolts": ("12", "16", "24"),
    "StatorMoldIslandNumberOfBolts": ("4", "6", "12"),
    "CoilWinderDiskRadius": ("60.9591", "71.4591", "75.1183"),
    "CoilWinderCenterRodLength": ("221.5", "297.7", "618.5"),
    "DoCoilsOverlap": ("0", "0", "0"),
    "IslandRadius": ("77", "154", "289.24"),
    "RotorMoldSurroundRadius": ("155", "230", "377.24"),
    "RotorMoldSideLength": ("399.99", "599.985", "992.6152"),
    "NumberOfRotorMoldBolts": ("2", "5", "6"),
    "NumberOfRotorMoldScrews": ("9", "13", "21"),
    "DistanceBetweenStatorAndFrame": ("59.38", "62.66", "72.5"),
    "HubStudsLength": ("184.57", "236.49", "316.25"),
    "StatorMountingStudsLength": ("111.26", "117.82", "131.66"),
    "DistanceBetweenRotorDisks": ("39", "39", "41"),
    "NumberOfNutsBetweenRotorDisks": ("3", "3", "2"),
    "NumberOfWashersBetweenRotorDisks": ("3", "1", "3"),
    "HexNutThickness": ("10.19", "11.83", "11.83"),
    "HubHexNutThickness": ("10.19", "11.83", "16.75"),
    "FrameZ": ("115.88", "129.16", "160"),
}

#: §21.2 frame lengths, given only for the shape that uses them.
FRAME_VALUES: dict[str, dict[str, str]] = {
    "T Shape": {"TShapeTwoHoleEndBracketLength": "383.4198", "BC": "238.75", "D": "100",
                "X": "71.25", "I": "17.6", "j": "45", "k": "25"},
    "H Shape": {"GG": "463.0509", "HH": "343.0509"},
    "Star Shape": {"StarShapeTwoHoleEndBracketLength": "526.6951", "B": "693.6987",
                   "CC": "406.6951"},
}

#: §21.6, cells of the Alternator sheet, for the branch presets in BRANCHES order.
BRANCH_VALUES: dict[str, tuple[str, ...]] = {
    "DistanceBetweenStatorAndFrame": ("67.38", "72.66", "55.38", "21.32", "59.38", "59.38"),
    "DistanceBetweenFrameAndMiddlePad": ("20.38", "23.66", "20.38", "50.32", "20.38", "20.38"),
    "FrontRotorThickness": ("26", "30", "6", "0", "20", "20"),
    "HubStudsLength": ("190.57", "267.49", "155.57", "96.32", "184.57", "184.57"),
    "NumberOfNutsBetweenRotorDisks": ("6", "5", "2", "0", "3", "3"),
    "RotorMoldIslandThickness": ("14", "14", "10", "10", "10", "10"),
    "DoCoilsOverlap": ("0", "1", "0", "0", "0", "0"),
    "CoilLegWidthReduced": ("17.592", "22.9218", "22.536", "15.264", "14.816", "9.904"),
    "CoilWinderCoilsAngle": ("0", "0", "0", "0", "90", "0"),
    "CoilWinderVerticalDimension": ("50", "75", "46", "46", "46", "50"),
    "TriangularCoilWinderCircumradius": ("30.625", "41.1161", "28.125", "28.125", "23.405",
                                         "36.7361"),
    "StatorMoldBoltDiameter": ("12", "12", "10", "10", "12", "12"),
    "StatorHolesCircumradius": ("196.56", "333.69", "178.53", "152.22", "190.3", "227.31"),
}

SHAPES = {"T Shape": "T", "H Shape": "H", "Star Shape": "Star", "T Shape 2F": "T",
          "H Shape 4F": "H", "1.8m 46x30x10mm magnets": "T", "1.2m 46x30x10mm magnets": "T",
          "Magnet Width > Length, Rectangular Coil": "T",
          "Magnet Width > Length, Triangular Coil": "H"}


def _printed(design: Design, alias: str, text: str) -> None:
    """The cell equals ``text`` to half a unit of its last printed digit."""
    decimals = len(text.partition(".")[2])
    value = design.cells.num(f"Alternator.{alias}")
    assert value == pytest.approx(float(text), abs=0.5 * 10.0**-decimals), alias


def _cases(table: Mapping[str, tuple[str, ...]], presets: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [(preset, alias, values[k]) for alias, values in table.items()
            for k, preset in enumerate(presets)]


@pytest.mark.parametrize(("preset", "alias", "text"), _cases(MAIN_VALUES, MAIN))
def test_main_presets(designs: dict[str, Design], preset: str, alias: str, text: str) -> None:
    _printed(designs[preset], alias, text)


@pytest.mark.parametrize(("preset", "alias", "text"),
                         [(p, a, t) for p, cells in FRAME_VALUES.items() for a, t in cells.items()])
def test_frame_lengths(designs: dict[str, Design], preset: str, alias: str, text: str) -> None:
    _printed(designs[preset], alias, text)


@pytest.mark.parametrize(("preset", "alias", "text"), _cases(BRANCH_VALUES, BRANCHES))
def test_branch_presets(designs: dict[str, Design], preset: str, alias: str, text: str) -> None:
    _printed(designs[preset], alias, text)


@pytest.mark.parametrize(("preset", "shape"), SHAPES.items())
def test_shape_is_re_exported(designs: dict[str, Design], preset: str, shape: str) -> None:
    assert designs[preset].cells.text("Alternator.CalculatedWindTurbineShape") == shape


def test_every_alias_in_reference_order(designs: dict[str, Design]) -> None:
    expected = list(reference_kinds("Alternator"))
    for design in designs.values():
        assert [cell.alias for cell in design.sheet("Alternator")] == expected


def test_kinds_match_the_reference(designs: dict[str, Design]) -> None:
    """Strings stay strings, vectors and placements stay objects, every number is a number."""
    kinds = reference_kinds("Alternator")
    types = {"number": (int, float), "angle": (int, float), "string": (str,),
             "vector": (Vector,), "rotation": (Rotation,), "placement": (Placement,)}
    for design in designs.values():
        for cell in design.sheet("Alternator"):
            assert isinstance(cell.value, types[kinds[cell.alias]]), cell.alias
            assert not isinstance(cell.value, bool), cell.alias


def test_all_presets_finite(designs: dict[str, Design]) -> None:
    assert len(designs) == 11
    for name, design in designs.items():
        for cell in design.sheet("Alternator"):
            value = cell.value
            if isinstance(value, Placement):
                value = value.base
            numbers = (value.as_list() if isinstance(value, Vector)
                       else [value.x, value.y, value.z, value.w] if isinstance(value, Rotation)
                       else [value] if isinstance(value, int | float) else [])
            assert all(math.isfinite(x) for x in numbers), (name, cell.alias)
            assert cell.description, (name, cell.alias)


def test_inputs_are_read_from_their_sheets(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    for key in ("Spreadsheet.RotorDiskRadius", "Hub.DistanceBetweenFrameAndMiddlePad",
                "Hub.RotorThickness", "Fastener.HexNutThickness",
                "Blade.BladeAssemblyPlateThickness", "Blade.BladeThickness"):
        assert cells[f"Alternator.{key.partition('.')[2]}"] == cells[key]


@pytest.mark.parametrize("preset", MAIN)
def test_frame_placement_lifts_the_frame_only(designs: dict[str, Design], preset: str) -> None:
    cells = designs[preset].cells
    placement = cells.placement("Alternator.FramePlacement")
    assert placement.base == Vector(0, 0, cells.num("Alternator.FrameZ"))
    assert placement.rotation.angle == 0


def test_alternator_shaft_points_along_minus_x(designs: dict[str, Design]) -> None:
    """Both Euler triples, T (−90°, 0°, 90°) and H/Star (−180°, 90°, 0°), lay the shaft on −x."""
    for design in designs.values():
        turn = design.cells.placement("Alternator.AlternatorPlacement").rotation
        shaft = turn.apply(Vector(0, 0, 1))
        assert shaft.as_list() == pytest.approx([-1, 0, 0], abs=1e-12)


ALIGNED = ("1.2N MWT Hoverboard 16 pole 24V", "1.8m 46x30x10mm magnets",
           "1.2m 46x30x10mm magnets")


def test_lid_notch_on_a_bolt_drops_that_bolt(designs: dict[str, Design]) -> None:
    """T stators with 30° or 60° coils put the wire exit at 210°, on a surround bolt (30° pitch).

    derived-dimensions §22 says no preset reaches this branch; FreeCAD's ``mod`` of two angles is
    dimensionless, so ``mod(210°; 30°) == 0`` holds there too and these three presets do.
    """
    for name, design in designs.items():
        cells = design.cells
        aligned = name in ALIGNED
        assert cells.num("Alternator.DoesLidNotchAlignWithBolt") == (1 if aligned else 0), name
        studs = cells.num("Alternator.NumberOfStatorHoles")
        assert cells.num("Alternator.LargeInnerPolarPatternOccurrences") == (
            studs - 1 if aligned else studs)
        assert cells.num("Alternator.LargeInnerPolarPatternOverallAngle") == (
            240 if aligned else 360)
    assert designs[ALIGNED[0]].cells.num("Alternator.LidNotchDegrees") == 210


def test_tape_notch_is_widest_that_fits(designs: dict[str, Design]) -> None:
    for design in designs.values():
        cells = design.cells
        vertical = cells.num("Alternator.CoilWinderVerticalDimension")
        pin_d = cells.num("Alternator.CoilWinderPinDiameter")
        notch = cells.num("Alternator.CoilWinderDiskTapeNotchWidth")
        fits = [w for w in range(21, 10, -1) if (vertical - 2 * pin_d - w) / 2 >= 2]
        assert notch == (fits[0] if fits else 10)
