"""The tail's table pictures (tables 8–10): for every preset each one agrees with its table, and
the lengths it measures on the model are the design's own, to a micrometre."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drawing_checks import check_picture, dimensions_of

from cadstream.design.cells import TypedValues
from cadstream.design.derive import Design
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.tail import tail_junction_cross_piece, tail_pipes, tail_vane
from cadstream.outputs.tables import Element, dimension_tables, title_of

PIPES = "Steel Pipe Dimensions for Tail"
JUNCTION = "Tail Junction Cross Piece Dimensions"
VANE = "Tail Vane Dimensions"

DRAWERS: dict[str, Callable[[TypedValues], Picture | None]] = {
    PIPES: tail_pipes,
    JUNCTION: tail_junction_cross_piece,
    VANE: tail_vane,
}

#: Rows each picture must dimension: every length its table letters, and the junction's height.
MUST_SHOW = {
    PIPES: {"Boom length A", "Diameter B", "Hinge outer C", "Diameter D", "Hinge inner E",
            "Diameter F"},
    JUNCTION: {"Width of cross piece D", "Position from end of yaw bearing pipe"},
    VANE: {"Vane plywood dimension G", "Vane plywood dimension H",
           "Vane bracket flat bar length J"},
}

ALT = {PIPES: "Tail boom dimensions", JUNCTION: "Width of cross piece D",
       VANE: "Tail vane dimensions"}

Pictured = dict[str, tuple[dict[str, Picture], dict[str, Element]]]



@pytest.fixture(scope="module")
def pictured(designs: dict[str, Design]) -> Pictured:
    """Every preset's tail pictures, and the tables (with those pictures) by title."""
    made: Pictured = {}
    for name, design in designs.items():
        pictures = {}
        for title, draw in DRAWERS.items():
            picture = draw(design.cells)
            assert picture is not None, (name, title)
            pictures[title] = picture
        tables = {title_of(t): t for t in dimension_tables(design.cells, pictures)}
        made[name] = (pictures, tables)
    return made


def test_every_tail_picture_agrees_with_its_table(pictured: Pictured) -> None:
    for name, (pictures, tables) in pictured.items():
        for title, picture in pictures.items():
            try:
                check_picture(picture, tables[title], MUST_SHOW[title])
            except AssertionError as error:
                raise AssertionError(f"{name}: {title}: {error}") from error
            assert picture.alt == ALT[title]


def test_the_pictures_go_into_their_tables(pictured: Pictured) -> None:
    pictures, tables = pictured["H Shape"]
    for title, picture in pictures.items():
        image = tables[title]["children"][1]["children"][0]["children"][2]["children"][0]
        assert image["properties"]["src"] == picture.src


def _measured(picture: Picture) -> dict[str, float]:
    return {row: length for row, (_, length) in dimensions_of(picture).items()}


def test_the_pipes_measure_the_designs_pipes(designs: dict[str, Design]) -> None:
    """Lengths and outside diameters of the pipes as built, not their rounded table values."""
    for design in designs.values():
        v = design.cells
        measured = _measured(tail_pipes(v))
        assert measured["Boom length A"] == pytest.approx(v.num("Spreadsheet.BoomLength"),
                                                          abs=1e-6)
        assert measured["Diameter B"] == pytest.approx(2 * v.num("Tail.BoomPipeRadius"),
                                                       abs=1e-6)
        assert measured["Hinge outer C"] == pytest.approx(v.num("Tail.HingeOuterPipeLength"),
                                                          abs=1e-6)
        assert measured["Diameter D"] == pytest.approx(2 * v.num("Tail.HingeOuterPipeRadius"),
                                                       abs=1e-6)
        assert measured["Hinge inner E"] == pytest.approx(v.num("Tail.HingeInnerPipeLength"),
                                                          abs=1e-6)
        assert measured["Diameter F"] == pytest.approx(2 * v.num("Tail.HingeInnerPipeRadius"),
                                                       abs=1e-6)


def test_the_cross_piece_spans_the_gap_between_the_pipes(designs: dict[str, Design]) -> None:
    """D is the junction's full width less both pipes' radii (the table's closed form), and the
    cross piece's top stands the junction's height above the yaw pipe's lower end: measured on
    the plate's outline, the yaw bearing pipe and the plate's solid as placed."""
    for design in designs.values():
        v = design.cells
        measured = _measured(tail_junction_cross_piece(v))
        width = (v.num("Tail.TailHingeJunctionFullWidth")
                 - v.num("Spreadsheet.YawPipeDiameter") / 2 - v.num("Tail.HingeInnerPipeRadius"))
        assert measured["Width of cross piece D"] == pytest.approx(width, abs=1e-6)
        assert measured["Position from end of yaw bearing pipe"] == pytest.approx(
            v.num("Tail.TailHingeJunctionHeight"), abs=1e-6)


def test_the_vane_measures_the_plywood_and_the_bracket(designs: dict[str, Design]) -> None:
    """G runs along the boom, H across it, J along the bracket's long edge carried through the
    tail's frames."""
    for design in designs.values():
        v = design.cells
        measured = _measured(tail_vane(v))
        assert measured["Vane plywood dimension G"] == pytest.approx(
            v.num("Spreadsheet.VaneWidth"), abs=1e-6)
        assert measured["Vane plywood dimension H"] == pytest.approx(
            v.num("Spreadsheet.VaneLength"), abs=1e-6)
        assert measured["Vane bracket flat bar length J"] == pytest.approx(
            v.num("Spreadsheet.BracketLength"), abs=1e-6)
