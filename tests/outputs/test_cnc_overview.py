"""CNC overview: valid SVG with a titled group per flat part, rows per sheet in the reference's
order, its layout worked by hand for a small case, size-scaled styles, and drawings that enclose
the parts' areas."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import cadquery as cq
import pytest
from flat_profiles import ALL, rectangle

from cadstream.cad.parts import FlatPart
from cadstream.outputs.cnc_overview import OverviewStyle, cnc_overview_svg
from cadstream.outputs.sheets import sheets

SVG = "{http://www.w3.org/2000/svg}"
TRANSLATE = re.compile(r"translate\((\S+), (\S+)\) scale\(1, -1\)")


def _disk(radius: float, hole: float) -> cq.Face:
    z = cq.Vector(0, 0, 1)
    return cq.Face.makeFromWires(cq.Wire.makeCircle(radius, cq.Vector(), z),
                                 [cq.Wire.makeCircle(hole, cq.Vector(), z)])


#: Worked by hand below, with the T-size style (R = 150: font 72, padding 16, row gap 64,
#: column gap 32, text margin 48).
SMALL = [
    FlatPart("C_Disk", _disk(50, 10), 6.0, "Steel", 4),
    FlatPart("B_Bar", rectangle(40, 20, -20, -10), 12.0, "Plywood", 3),
    FlatPart("A_Plate", rectangle(100, 60), 12.0, "Plywood", 1),
    FlatPart("D_Square", rectangle(30, 30), 12.0, "Plywood", 2),
]


def _root(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _groups(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{SVG}g")


def _texts(root: ET.Element) -> list[tuple[str, float, float, float]]:
    return [(t.text or "", float(t.attrib["x"]), float(t.attrib["y"]),
             float(t.attrib["font-size"])) for t in root.findall(f"{SVG}text")]


def test_small_layout_by_hand() -> None:
    root = _root(cnc_overview_svg(sheets(SMALL), 150))
    # Row 1, Plywood 12: y = 16 + 72 = 88 for the header, + 48 = 136 for the row's top; the
    # tallest part (A, 60 high) hangs from it, the others stand on its bottom (136 + 60 = 196).
    # A: x 16, tx = 16 - 0, ty = 136 + 60; next x = 16 + 100 + 16 + 32 = 164.
    # D: starts at y = 0, so ty = 196; next x = 164 + 30 + 16 + 32 = 242.
    # B: symmetric about y = 0 (-10 to 10): tx = 242 + 20, ty = 196 - 10; right edge 242 + 40 + 16.
    # Counts at y = 136 + 60 + 72 = 268. Next row top: 136 + 60 + 48 + 64 + 16 = 324.
    # Row 2, Steel 6: header at 324 + 72 = 396, top 444; C (r50 about the origin): tx = 16 + 50,
    # ty = 444 + 50; count at 444 + 100 + 72 = 616; height 444 + 100 + 48 + 64 + 16 = 672.
    placed = {g.attrib["data-label"]: tuple(map(float, TRANSLATE.fullmatch(
        g.attrib["transform"]).groups())) for g in _groups(root)}  # type: ignore[union-attr]
    assert placed == {"A_Plate": (16, 196), "D_Square": (164, 196), "B_Bar": (262, 186),
                      "C_Disk": (66, 494)}
    assert [g.attrib["data-label"] for g in _groups(root)] == [
        "A_Plate", "D_Square", "B_Bar", "C_Disk"]
    assert _texts(root) == [
        ("Plywood 12.00 mm", 16, 88, 72),
        ("1", 16, 268, 54), ("2", 164, 268, 54), ("3", 242, 268, 54),
        ("Steel 6.00 mm", 16, 396, 72),
        ("4", 16, 616, 54),
    ]
    assert (root.attrib["width"], root.attrib["height"]) == ("298mm", "672mm")
    assert root.attrib["viewBox"] == "0 0 298 672"


def test_document_shape() -> None:
    svg = cnc_overview_svg(sheets(SMALL), 150)
    root = _root(svg)
    assert root.tag == f"{SVG}svg"
    assert root.attrib["version"] == "1.1"
    (background,) = root.findall(f"{SVG}rect")
    assert background.attrib == {"width": "100%", "height": "100%", "fill": "#000000"}
    assert next(iter(root)) is background, "the background is painted first"
    for text in root.findall(f"{SVG}text"):
        assert (text.attrib["font-family"], text.attrib["fill"]) == ("sans-serif", "#FFFFFF")
    for group in _groups(root):
        label = group.attrib["data-label"]
        assert group.attrib["id"] == f"cnc-{label}"
        assert group.attrib["pointer-events"] == "bounding-box"
        title, *drawing = list(group)
        assert (title.tag, title.text) == (f"{SVG}title", label)
        assert drawing
        for element in drawing:
            assert element.tag in (f"{SVG}path", f"{SVG}circle")
            assert (element.attrib["fill"], element.attrib["stroke"],
                    element.attrib["stroke-width"]) == ("none", "#FFFFFF", "2.5")


def test_rows_by_material_then_thickness() -> None:
    stock = [("Steel", 10.0), ("Plywood", 18.0), ("Steel", 6.0), ("Plywood", 12.0),
             ("Steel", 6.004)]
    parts = [FlatPart(f"P{i}", rectangle(10 + i, 10 + i), t, m, 1)
             for i, (m, t) in enumerate(stock)]
    headers = [t for t, *_ in _texts(_root(cnc_overview_svg(sheets(parts), 150))) if "mm" in t]
    assert headers == ["Plywood 12.00 mm", "Plywood 18.00 mm", "Steel 6.00 mm", "Steel 10.00 mm"]


def test_tallest_first_then_label_descending() -> None:
    parts = [FlatPart(label, rectangle(10, h), 6.0, "Steel", 1)
             for label, h in [("Low", 5), ("Alpha", 20), ("Beta", 20), ("Mid", 10)]]
    root = _root(cnc_overview_svg(sheets(parts), 150))
    assert [g.attrib["data-label"] for g in _groups(root)] == ["Beta", "Alpha", "Mid", "Low"]


def test_one_titled_group_per_part() -> None:
    parts = [FlatPart(name, make().face, 6.0, "Steel", 1) for name, make in ALL.items()]
    groups = _groups(_root(cnc_overview_svg(sheets(parts), 225)))
    assert sorted(g.find(f"{SVG}title").text or "" for g in groups) == sorted(ALL)  # type: ignore[union-attr]


def test_labels_are_escaped() -> None:
    part = FlatPart('Odd<&>"Label', rectangle(10, 10), 6.0, "Steel", 1)
    (group,) = _groups(_root(cnc_overview_svg(sheets([part]), 150)))
    assert group.attrib["data-label"] == 'Odd<&>"Label'
    assert group.find(f"{SVG}title").text == 'Odd<&>"Label'  # type: ignore[union-attr]


@pytest.mark.parametrize(("radius", "font", "padding", "row_gap", "column_gap", "margin"), [
    (150, 72, 16, 64, 32.0, 48),
    (225, 108, 24, 96, 48.0, 72),
    (372.24, 179, 40, 159, 79.5, 119),
])
def test_style_scales_with_the_rotor(radius: float, font: int, padding: int, row_gap: int,
                                     column_gap: float, margin: int) -> None:
    style = OverviewStyle.for_rotor_disk_radius(radius)
    assert (style.font_size, style.padding, style.row_gap, style.column_gap,
            style.text_margin) == (font, padding, row_gap, column_gap, margin)
    assert (style.stroke_width, style.font_family, style.foreground, style.background) == (
        2.5, "sans-serif", "#FFFFFF", "#000000")
    # The document uses it: header at padding + font size, count text at 0.75 font size.
    part = FlatPart("P", rectangle(10, 10), 6.0, "Steel", 7)
    header, count = _texts(_root(cnc_overview_svg(sheets([part]), radius)))
    assert header == ("Steel 6.00 mm", padding, padding + font, font)
    assert count[0] == "7"
    assert count[3] == pytest.approx(0.75 * font)


def test_radius_must_be_positive() -> None:
    with pytest.raises(ValueError, match="rotor disk radius must be positive, got 0"):
        cnc_overview_svg(sheets([]), 0)


def _path_areas(d: str) -> list[float]:
    """The unsigned area of each closed subpath of an SVG path using M, L, A and Z."""
    tokens = re.findall(r"[MLAZ]|-?[\d.]+(?:e-?\d+)?", d)
    areas: list[float] = []
    integral, current, command, i = 0.0, (0.0, 0.0), "", 0
    while i < len(tokens):
        if tokens[i] in "MLAZ":
            command = tokens[i]
            i += 1
            if command == "Z":
                areas.append(abs(integral) / 2)
                integral = 0.0
            continue
        if command == "M":
            current = (float(tokens[i]), float(tokens[i + 1]))
            i += 2
        elif command == "L":
            end = (float(tokens[i]), float(tokens[i + 1]))
            integral += current[0] * end[1] - end[0] * current[1]
            current, i = end, i + 2
        else:
            r, _, _, large, sweep, x, y = map(float, tokens[i:i + 7])
            end = (x, y)
            integral += _arc_integral(current, end, r, large == 1, sweep == 1)
            current, i = end, i + 7
    return areas


def _arc_integral(start: tuple[float, float], end: tuple[float, float], r: float, large: bool,
                  positive: bool) -> float:
    """∮ x dy − y dx along an SVG circular arc, from its endpoint parameterisation (SVG 1.1 F.6.5:
    the centre lies left of the chord when the flags differ)."""
    half = math.dist(start, end) / 2
    ux, uy = (end[0] - start[0]) / (2 * half), (end[1] - start[1]) / (2 * half)
    h = math.sqrt(max(r * r - half * half, 0.0)) * (1 if large != positive else -1)
    cx, cy = (start[0] + end[0]) / 2 - h * uy, (start[1] + end[1]) / 2 + h * ux
    t0 = math.atan2(start[1] - cy, start[0] - cx)
    t1 = math.atan2(end[1] - cy, end[0] - cx)
    sweep = (t1 - t0) % (2 * math.pi) if positive else -((t0 - t1) % (2 * math.pi))
    t1 = t0 + sweep
    return (r * cx * (math.sin(t1) - math.sin(t0)) - r * cy * (math.cos(t1) - math.cos(t0))
            + r * r * sweep)


@pytest.mark.parametrize("name", ALL)
def test_drawings_enclose_the_part(name: str) -> None:
    """Arcs drawn with the wrong flags would bulge the wrong way and change the area."""
    profile = ALL[name]()
    part = FlatPart(name, profile.face, 6.0, "Steel", 1)
    (group,) = _groups(_root(cnc_overview_svg(sheets([part]), 150)))
    areas = [math.pi * float(c.attrib["r"]) ** 2 for c in group.findall(f"{SVG}circle")]
    for path in group.findall(f"{SVG}path"):
        areas += _path_areas(path.attrib["d"])
    outer, *holes = sorted(areas, reverse=True)
    assert outer - sum(holes) == pytest.approx(profile.area, rel=1e-3)
