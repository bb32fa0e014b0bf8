"""The dimension tables' pictures: drawn from each design's geometry, parsed back, and checked
against the very tables they illustrate, for every preset."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import cadquery as cq
import pytest
from drawing_checks import SVG, check_picture, dimensions_of

from cadstream.design.derive import Design
from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.drawings.catalog import table_pictures
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.drawings.views import View, visible_edges
from cadstream.outputs.printed import length
from cadstream.outputs.tables import Element, dimension_tables, title_of

#: Rows each picture must dimension: what its table letters.
MUST_SHOW = {
    "Rotor Mould Dimensions": {"Mould side A", "Rotor radius B", "Island radius C"},
}


@pytest.fixture(scope="module")
def pictured(designs: dict[str, Design]) -> dict[str, tuple[dict[str, Picture],
                                                          list[Element]]]:
    """Every preset's pictures and the tables they illustrate."""
    made = {}
    for name, design in designs.items():
        pictures = table_pictures(design.cells)
        made[name] = (pictures, dimension_tables(design.cells, pictures))
    return made


#: The tables with a picture in the reference (tools-and-outputs §2.a.3), by frame shape.
PICTURED = {"Frame Dimensions", "Steel Pipe Dimensions for Tail",
            "Tail Junction Cross Piece Dimensions", "Tail Vane Dimensions",
            "Coil Winder Dimensions", "Stator Mould Dimensions", "Rotor Mould Dimensions",
            "Magnet Positioning Jig Dimensions"}
PICTURED_BY_SHAPE = {
    "T": PICTURED | {"Alternator Frame to Yaw Pipe Sizes"},
    "H": PICTURED | {"Frame Dimensions, Flat Bar Top View", "Frame Dimensions, Flat Bar Side View"},
    "Star": PICTURED | {"Frame Dimensions, Flat Bar Top View",
                        "Frame Dimensions, Flat Bar Side View"},
}


def test_every_table_the_reference_pictures_has_a_drawing(
        designs: dict[str, Design],
        pictured: dict[str, tuple[dict[str, Picture], list[Element]]]) -> None:
    for name, (pictures, tables) in pictured.items():
        shape = designs[name].cells.text("Spreadsheet.CalculatedWindTurbineShape")
        assert pictures.keys() == PICTURED_BY_SHAPE[shape], name
        assert {title_of(t) for t in tables} >= pictures.keys()



def test_every_picture_agrees_with_its_table(
        pictured: dict[str, tuple[dict[str, Picture], list[Element]]]) -> None:
    for name, (pictures, tables) in pictured.items():
        assert MUST_SHOW.keys() <= pictures.keys(), name
        by_title = {title_of(table): table for table in tables}
        for title, picture in pictures.items():
            check_picture(picture, by_title[title], MUST_SHOW.get(title, set()))


def test_a_pictured_table_gains_an_image_column(
        pictured: dict[str, tuple[dict[str, Picture], list[Element]]]) -> None:
    """§2.a.1: the header and footers span three columns; the first body row carries the image,
    spanning every body row, with the picture as a data URL."""
    pictures, tables = pictured["T Shape"]
    table = next(t for t in tables if title_of(t) == "Rotor Mould Dimensions")
    head, body, foot = table["children"]
    assert head["children"][0]["children"][0]["properties"]["colSpan"] == 3
    assert foot["children"][0]["children"][0]["properties"]["colSpan"] == 3
    rows = body["children"]
    image_cell = rows[0]["children"][2]
    assert image_cell["properties"] == {"rowSpan": len(rows)}
    image = image_cell["children"][0]
    assert image["tagName"] == "img"
    assert image["properties"]["src"] == pictures["Rotor Mould Dimensions"].src
    assert str(image["properties"]["src"]).startswith("data:image/svg+xml;base64,")
    assert image["properties"]["alt"] == "Rotor mould dimensions"
    assert all(len(row["children"]) == 2 for row in rows[1:])


def test_tables_without_pictures_keep_two_columns(designs: dict[str, Design]) -> None:
    plain = dimension_tables(designs["T Shape"].cells)
    assert all(t["children"][0]["children"][0]["children"][0]["properties"]["colSpan"] == 2
               for t in plain)


def test_a_dimension_prints_the_distance_it_spans() -> None:
    """The label comes from the points, not from a number handed in: 300.4 mm prints 300 mm."""
    canvas = Canvas(400)
    canvas.polyline([(0, 0), (300.4, 0)])
    canvas.dimension((0, 0), (300.4, 0), -10, letter="A", row="Side A", printed=length)
    picture = Picture(canvas.svg("test"), "test")
    assert dimensions_of(picture) == {"Side A": ("A = 300 mm", pytest.approx(300.4))}


def test_labels_stay_inside_the_view_box() -> None:
    canvas = Canvas(100)
    canvas.polyline([(0, 0), (100, 0)])
    canvas.dimension((0, 0), (100, 0), 50, letter="A", row="A", printed=length)
    root = ET.fromstring(canvas.svg("test"))
    x0, y0, width, height = (float(v) for v in root.get("viewBox", "").split())
    text = next(root.iter(SVG + "text"))
    assert y0 <= float(text.get("y", "nan")) <= y0 + height
    assert x0 <= float(text.get("x", "nan")) <= x0 + width


def test_a_view_projects_edges_and_points_alike() -> None:
    """A 10 × 20 × 30 box seen from +x with +y to the right: its visible edges end exactly where
    the view projects its corners."""
    view = View((1.0, 0.0, 0.0), (0.0, 1.0, 0.0))
    edges = visible_edges([cq.Solid.makeBox(10, 20, 30)], view)
    ends = {(round(x, 9), round(y, 9)) for edge in edges for x, y in edge}
    corners = {view.project((10.0, y, z)) for y in (0.0, 20.0) for z in (0.0, 30.0)}
    assert ends == corners
