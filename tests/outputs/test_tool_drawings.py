"""The tools' pictures (stator mould, magnet jig, coil winder): drawn from the plates the tools
are cut from, checked against the tables they illustrate and against closed forms, for every
preset."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from drawing_checks import SVG, check_picture, dimensions_of, rows_of

from cadstream.design.cells import TypedValues
from cadstream.design.derive import Design
from cadstream.outputs.drawings.jigs import coil_winder, magnet_jig
from cadstream.outputs.drawings.molds import stator_mould
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.tables import Element, dimension_tables, title_of

_A = "Alternator."
STATOR = "Stator Mould Dimensions"
JIG = "Magnet Positioning Jig Dimensions"
WINDER = "Coil Winder Dimensions"
DRAWERS = {STATOR: stator_mould, JIG: magnet_jig, WINDER: coil_winder}

Pictured = dict[str, tuple[TypedValues, dict[str, Picture], dict[str, Element]]]


def _must_show(title: str, cells: TypedValues) -> set[str]:
    """Rows each picture must dimension: what its table letters, less what the model lacks
    (D on the jig, a triangular winder's A; see the tests below)."""
    if title == STATOR:
        return {"Mould side A", "Outer radius B", "Inner radius C"}
    if title == JIG:
        return {"Larger radius E", "Circle radius"}
    rows = {"Cheek piece diameter", "B", "C"}
    return rows if _triangular(cells) else rows | {"A"}


def _triangular(cells: TypedValues) -> bool:
    return cells.num(_A + "CoilType") == 3



@pytest.fixture(scope="module")
def pictured(designs: dict[str, Design]) -> Pictured:
    """Every preset's cells, tool pictures and the tables they illustrate, by preset."""
    made: Pictured = {}
    for name, design in designs.items():
        drawn = {title: draw(design.cells) for title, draw in DRAWERS.items()}
        pictures = {title: p for title, p in drawn.items() if p is not None}
        tables = {title_of(t): t for t in dimension_tables(design.cells, pictures)}
        made[name] = (design.cells, pictures, tables)
    return made


def _lengths(picture: Picture) -> dict[str, float]:
    return {row: length for row, (_, length) in dimensions_of(picture).items()}


def _texts(picture: Picture) -> list[str]:
    return [t.text or "" for t in ET.fromstring(picture.svg).iter(SVG + "text")]


def test_every_tool_picture_agrees_with_its_table(pictured: Pictured) -> None:
    for name, (cells, pictures, tables) in pictured.items():
        assert pictures.keys() == DRAWERS.keys(), name
        for title, picture in pictures.items():
            check_picture(picture, tables[title], _must_show(title, cells))


def test_the_coil_types_cover_every_winder(pictured: Pictured) -> None:
    """The presets draw all three winders, each with its own alt text, at the table's width."""
    alts = {1: "Rectangular coil winder dimensions", 2: "Keyhole coil winder dimensions",
            3: "Triangular coil winder dimensions"}
    seen = set()
    for cells, pictures, _ in pictured.values():
        coil_type = round(cells.num(_A + "CoilType"))
        seen.add(coil_type)
        assert pictures[WINDER].alt == alts[coil_type]
        assert pictures[WINDER].style == "max-width: 330px"
        assert pictures[STATOR].alt == "Stator mould dimensions"
        assert pictures[JIG].alt == "Magnet positioning jig dimensions"
    assert seen == {1, 2, 3}


def test_the_stator_mould_measures_its_cavity(pictured: Pictured) -> None:
    """B is the cavity's round part (T, H) or its hexagon's corner (Star), C the island."""
    shapes = set()
    for cells, pictures, _ in pictured.values():
        shape = cells.text(_A + "CalculatedWindTurbineShape")
        shapes.add(shape)
        outer = cells.num(_A + ("HexagonalStatorOuterCircumradius" if shape == "Star"
                                else "StatorHolesCircumradius"))
        lengths = _lengths(pictures[STATOR])
        assert lengths["Mould side A"] == pytest.approx(cells.num(_A + "StatorMoldSideLength"),
                                                        abs=1e-6)
        assert lengths["Outer radius B"] == pytest.approx(outer, abs=1e-6)
        assert lengths["Inner radius C"] == pytest.approx(
            cells.num(_A + "StatorInnerHoleRadius"), abs=1e-6)
    assert shapes == {"T", "H", "Star"}


def test_the_notes_count_what_the_tables_count(pictured: Pictured) -> None:
    """The mounts the cavity has (ears, or the hexagon's corners) and the jig's pockets."""
    for _, pictures, tables in pictured.values():
        mounts = rows_of(tables[STATOR])["Number of mounts"]
        assert f"{mounts} mounts" in _texts(pictures[STATOR])
        magnets = rows_of(tables[JIG])["Number of magnets"]
        assert f"{magnets} magnets" in _texts(pictures[JIG])


def test_the_magnet_jig_measures_the_rim_and_a_pocket(pictured: Pictured) -> None:
    for cells, pictures, _ in pictured.values():
        lengths = _lengths(pictures[JIG])
        assert lengths["Larger radius E"] == pytest.approx(
            cells.num(_A + "RotorDiskRadius"), abs=1e-6)
        assert lengths["Circle radius"] == pytest.approx(cells.num(_A + "MagnetWidth") / 2,
                                                         abs=1e-6)


def test_the_magnet_jig_leaves_out_d_which_it_does_not_have(pictured: Pictured) -> None:
    """The table's D is RotorDiskRadius − MagnetLength; the jig's pockets end where the rotor's
    magnets do, at DistanceOfMagnetFromCenter, short of D by the offset that puts the magnets'
    outer corners on the rim (0.2 to 3.3 mm for the presets): no dimension can show D."""
    for cells, pictures, _ in pictured.values():
        assert "Smaller radius D" not in dimensions_of(pictures[JIG])
        d = cells.num(_A + "RotorDiskRadius") - cells.num(_A + "MagnetLength")
        assert d - cells.num(_A + "DistanceOfMagnetFromCenter") > 0.1


def test_the_coil_winder_measures_between_hole_centres(pictured: Pictured) -> None:
    for cells, pictures, _ in pictured.values():
        lengths = _lengths(pictures[WINDER])
        assert lengths["Cheek piece diameter"] == pytest.approx(
            2 * cells.num(_A + "CoilWinderDiskRadius"), abs=1e-6)
        outer = cells.num(_A + "OuterHorizontalDistanceBetweenCenterOfSmallHoles")
        assert lengths["B"] == pytest.approx(outer, abs=1e-6)
        if _triangular(cells):
            assert lengths["C"] == pytest.approx(
                2 * cells.num(_A + "CoilWinderDiskBottomHoleRadius"), abs=1e-6)
        else:
            assert lengths["C"] == pytest.approx(
                cells.num(_A + "InnerHorizontalDistanceBetweenCenterOfSmallHoles"), abs=1e-6)
            assert lengths["A"] == pytest.approx(
                2 * cells.num(_A + "RectangularVerticalDistanceOfHolesFromCenter"), abs=1e-6)


def test_a_triangular_winder_leaves_out_a_which_it_does_not_have(pictured: Pictured) -> None:
    """The table's A, 2·RectangularVerticalDistanceOfHolesFromCenter, is MagnetLength less a pin
    diameter; a triangular cheek's only vertical spacing, pins to bottom rod, is MagnetLength
    less a pin radius and the rod's radius."""
    triangular = [(cells, pictures) for cells, pictures, _ in pictured.values()
                  if _triangular(cells)]
    assert triangular
    for cells, pictures in triangular:
        assert "A" not in dimensions_of(pictures[WINDER])
        spacing = (cells.num(_A + "TriangularVerticalDistanceOfHolesFromCenter")
                   + cells.num(_A + "TriangularCoilWinderCircumradius")
                   - cells.num(_A + "CoilWinderDiskBottomHoleRadius"))
        table = 2 * cells.num(_A + "RectangularVerticalDistanceOfHolesFromCenter")
        assert abs(spacing - table) > 0.5
