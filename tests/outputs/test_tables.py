"""Dimension tables: order, titles, every printed row of the T Shape, the shape-dependent tables of
H and Star, footers and the exact Element form.

Expected values are worked by hand from derived-dimensions §21 (and the formulas it summarises),
then rounded with Python's ``round`` as the reference's table code does (192.5 prints 192).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cadstream.design.derive import Design
from cadstream.outputs.tables import Element, dimension_tables
from cadstream.outputs.workbook import read_workbook, write_workbook

BOOK = "A Wind Turbine Recipe Book (2014 metric edition), "

FIRST_TITLES = [
    "Dimensions of hub plywood pieces",
    "Yaw Bearing Pipe Sizes",
    "Wheel Bearing Hub",
    "Steel Disk Sizes",
    "Frame Dimensions",
    "Offset distance laterally from alternator center to yaw center",
]
LAST_TITLES = [
    "Steel Pipe Dimensions for Tail",
    "Tail Junction Cross Piece Dimensions",
    "Tail Vane Dimensions",
    "Magnets and Coils",
    "Coil Winder Dimensions",
    "Stator Mould Dimensions",
    "Rotor Mould Dimensions",
    "Magnet Positioning Jig Dimensions",
    "Various Parts Dimensions",
    "Total pipe length by outer diameter",
    "Studs, nuts, & washers",
    "Resin",
]
T_TITLES = [*FIRST_TITLES, "Alternator Frame to Yaw Pipe Sizes", *LAST_TITLES]
H_STAR_TITLES = [*FIRST_TITLES, "Frame Dimensions, Flat Bar Top View",
                 "Frame Dimensions, Flat Bar Side View", *LAST_TITLES]

T_ROWS: dict[str, list[tuple[str, str]]] = {
    "Dimensions of hub plywood pieces": [
        ("Thickness", "12 mm"),
        ("Disk diameter", "251 mm"),
        ("Triangle side", "359 mm"),
        ("Stainless steel screws", "5 × 30 mm — 51 pieces"),  # 27 + 24 + 0 + 0
    ],
    "Yaw Bearing Pipe Sizes": [
        ("Tower top stub outer diameter", "48.3 mm"),
        ("Yaw pipe outer diameter", "60.3 mm"),
        ("Yaw pipe wall thickness", "5 mm"),
        ("Yaw pipe length", "289 mm"),  # 288.6807
    ],
    "Wheel Bearing Hub": [
        ("Pitch Circle Diameter (PCD)", "100 mm"),
        ("Number of bolts", "4"),
        ("Bolt diameter", "12 mm"),
    ],
    "Steel Disk Sizes": [
        ("Diameter", "300 mm"),
        ("Thickness", "10 mm"),
        ("Central hole diameter", "65 mm"),
    ],
    "Frame Dimensions": [
        ("Length of upright A", "383 mm"),  # 383.4198
        ("Channel pieces B,C", "239 mm"),  # 238.75
        ("End bracket D", "100 mm"),
        ("Position of shaft X", "71 mm"),  # 71.25
        ("Steel angle section width", "50 mm"),
        ("Steel angle section thickness", "6 mm"),
        ("Steel angle section length total", "961 mm"),  # 383 + 2·239 + 100
    ],
    "Offset distance laterally from alternator center to yaw center": [("Offset", "125 mm")],
    "Alternator Frame to Yaw Pipe Sizes": [
        ("Length of yaw bearing pipe", "289 mm"),
        ("I", "18 mm"),  # 17.6
        ("J", "45 mm"),
        ("K", "25 mm"),
    ],
    "Steel Pipe Dimensions for Tail": [
        ("Boom length A", "1000 mm"),
        ("Diameter B", "48.3 mm"),
        ("Hinge outer C", "143 mm"),  # 143.0759
        ("Diameter D", "60.3 mm"),
        ("Hinge inner E", "243 mm"),  # 243.0995
        ("Diameter F", "48.3 mm"),
        ("Wall thickness of tail hinge pipes", "5 mm"),
    ],
    "Tail Junction Cross Piece Dimensions": [
        ("Width of cross piece D", "26 mm"),  # 80.154 − 30.15 − 24.15
        ("Position from end of yaw bearing pipe", "81 mm"),  # 81.0332
    ],
    "Tail Vane Dimensions": [
        ("Tail hinge angle", "20°"),
        ("Vane plywood dimension G", "500 mm"),
        ("Vane plywood dimension H", "1200 mm"),
        ("Vane plywood thickness", "6 mm"),
        ("Vane bracket flat bar width", "30 mm"),
        ("Vane bracket flat bar thickness", "5 mm"),
        ("Vane bracket flat bar length J", "300 mm"),
        ("Vane bracket bolts", "M12 × 30 mm — 4 pieces"),
        ("Vane bracket nuts", "M12 — 4 pieces"),
        ("Vane bracket washers (large)", "M12 — 4 pieces"),
    ],
    "Magnets and Coils": [
        ("Number of rotor disks", "2"),
        ("Magnets per rotor disk", "12"),
        ("Magnet material", "NdFeB N40"),
        ("Magnet length", "46 mm"),
        ("Magnet width", "30 mm"),
        ("Magnet thickness", "10 mm"),
        ("Number of coils", "9"),
        ("Weight of wire", "2.6 kg"),
        ("Wire diameter", "1.4 mm"),
        ("Number of wires in hand", "2"),
        ("Turns per coil", "43"),
    ],
    "Coil Winder Dimensions": [
        ("Cheek piece diameter", "122 mm"),  # 2 · 60.9591
        ("A", "41 mm"),  # 2 · (46/2 − 2.5)
        ("B", "25 mm"),  # 30 − 5
        ("C", "25 mm"),
        ("Threaded rod diameter", "M10"),
        ("Pin diameter", "M5"),
    ],
    "Stator Mould Dimensions": [
        ("Mould side A", "597 mm"),  # 596.75
        ("Outer radius B", "192 mm"),  # round(192.5) is 192: ties to even
        ("Inner radius C", "82 mm"),  # 81.7481
        ("Number of mounts", "3"),
        ("Surround and island thickness", "13 mm"),
        ("Bolts (fully threaded)", "M12 × 60 mm — 16 pieces"),  # 4 island + 12 surround
        ("Locating Bolts (fully threaded)", "M12 × 85 mm — 3 pieces"),
        ("Nuts", "M12 — 19 pieces"),
        ("Washers (large)", "M12 — 19 pieces"),
        ("Screws", "5 × 25 mm — 32 pieces"),  # 24 surround + 8 island
    ],
    "Rotor Mould Dimensions": [
        ("Mould side A", "400 mm"),  # 399.99
        ("Rotor radius B", "155 mm"),
        ("Island radius C", "77 mm"),
        ("Surround thickness", "20 mm"),
        ("Island thickness", "10 mm"),
        ("Bolts (fully threaded)", "M12 × 50 mm — 4 pieces"),  # 2 per rotor, 2 rotors
        ("Nuts", "M12 — 4 pieces"),
        ("Screws", "5 × 35 mm — 18 pieces"),
    ],
    "Magnet Positioning Jig Dimensions": [
        ("Number of magnets", "12"),
        ("Smaller radius D", "104 mm"),
        ("Larger radius E", "150 mm"),
        ("Circle radius", "15 mm"),
        ("Bolts (fully threaded)", "M12 × 50 mm — 2 pieces"),
        ("Nuts", "M12 — 2 pieces"),
        ("Washers (standard)", "M12 — 2 pieces"),
    ],
    "Various Parts Dimensions": [("Thickness of all flat steel pieces", "10 mm")],
    "Total pipe length by outer diameter": [
        ("48.3 mm outer diameter pipe length", "1243 mm"),  # 243 + 1000
        ("60.3 mm outer diameter pipe length", "432 mm"),  # 289 + 143
    ],
    "Studs, nuts, & washers": [
        ("Bearing hub studs", "M12 × 185 mm — 4 pieces"),  # 184.57
        ("Blade assembly nuts", "M12 — 8 pieces"),
        ("Blade assembly washers (large)", "M12 — 8 pieces"),
        ("Rotor disk assembly nuts", "M12 — 16 pieces"),  # (3 + 1) · 4
        ("Rotor disk assembly washers (standard)", "M12 — 12 pieces"),  # 3 · 4
        ("Stator studs", "M12 × 111 mm — 3 pieces"),  # 111.26
        ("Stator assembly nuts", "M12 — 12 pieces"),
        ("Stator assembly washers (standard)", "M12 — 6 pieces"),
        ("Jacking studs", "M12 × 250 mm — 4 pieces"),
        ("Jacking hole diameter", "10.25 mm"),
        ("Threaded rod for coil winder", "M10 × 572 mm — 1 pieces"),  # 221.5 + 350, to even
        ("10 mm diameter studs length total", "572 mm"),
        ("12 mm diameter studs length total", "2073 mm"),  # 185·4 + 111·3 + 250·4
    ],
    "Resin": [
        ("Estimated weight of vinyl ester resin", "2.53 kg"),
        ("Estimated weight of talcum powder", "1.26 kg"),  # 2.53 / 2 = 1.265 → 1.26
    ],
}

T_FOOTERS: dict[str, list[str]] = {
    "Dimensions of hub plywood pieces": [BOOK + "page 20 right-hand side"],
    "Yaw Bearing Pipe Sizes": [BOOK + "page 24 left-hand side"],
    "Wheel Bearing Hub": [BOOK + "page 25 left-hand side"],
    "Steel Disk Sizes": [BOOK + "page 25 right-hand side"],
    "Frame Dimensions": [BOOK + "page 26 right-hand side"],
    "Offset distance laterally from alternator center to yaw center":
        [BOOK + "page 27 right-hand side"],
    "Alternator Frame to Yaw Pipe Sizes": [BOOK + "page 28 right-hand side"],
    "Steel Pipe Dimensions for Tail": [BOOK + "page 31 right-hand side"],
    "Tail Junction Cross Piece Dimensions": [],
    "Tail Vane Dimensions": [BOOK + "page 32 bottom",
                             "Vane bracket bolts, nuts, and washers are stainless steel"],
    "Magnets and Coils": [],
    "Coil Winder Dimensions": [],
    "Stator Mould Dimensions": [BOOK + "page 40 left-hand side"],
    "Rotor Mould Dimensions": [BOOK + "page 42 left-hand side"],
    "Magnet Positioning Jig Dimensions": [BOOK + "page 42 & 43"],
    "Various Parts Dimensions": [],
    "Total pipe length by outer diameter": [],
    "Studs, nuts, & washers": ["All except jacking studs are stainless steel"],
    "Resin": [],
}

H_ROWS: dict[str, list[tuple[str, str]]] = {
    "Frame Dimensions": [
        ("G", "463 mm"),  # 463.0509
        ("H", "343 mm"),  # 343.0509
        ("Steel angle section width", "60 mm"),
        ("Steel angle section thickness", "6 mm"),
        ("Steel angle section length total", "1612 mm"),  # 2·463 + 2·343
    ],
    "Frame Dimensions, Flat Bar Top View": [
        ("Offset", "250 mm"),
        ("L length of flat bar", "433 mm"),  # 432.8725
        ("M width of flat bar", "100 mm"),  # 99.9673
    ],
    "Frame Dimensions, Flat Bar Side View": [
        ("N flat bar thickness", "10 mm"),
        ("O length of yaw bearing pipe", "414 mm"),  # 413.7467
        ("P side piece flat bar length", "289 mm"),  # 289.2649
        ("Q side piece flat bar width", "103 mm"),  # 103.4367
        ("R side piece flat bar thickness", "10 mm"),
        ("S length from top of channel section to weld flat bar", "92 mm"),  # 92.2724
    ],
    "Coil Winder Dimensions": [
        ("Cheek piece diameter", "143 mm"),  # 2 · 71.4591
        ("A", "41 mm"),
        ("B", "25 mm"),
        ("C", "25 mm"),
        ("Threaded rod diameter", "M10"),
        ("Pin diameter", "M5"),
    ],
    "Stator Mould Dimensions": [
        ("Mould side A", "884 mm"),  # 883.5, to even
        ("Outer radius B", "285 mm"),
        ("Inner radius C", "146 mm"),  # 146.4994
        ("Number of mounts", "4"),
        ("Surround and island thickness", "13 mm"),
        ("Bolts (fully threaded)", "M12 × 55 mm — 22 pieces"),  # 6 island + 16 surround
        ("Locating Bolts (fully threaded)", "M12 × 85 mm — 3 pieces"),
        ("Nuts", "M12 — 25 pieces"),
        ("Washers (large)", "M12 — 25 pieces"),
        ("Screws", "5 × 25 mm — 44 pieces"),  # 32 surround + 12 island
    ],
}

STAR_ROWS: dict[str, list[tuple[str, str]]] = {
    "Frame Dimensions": [
        ("A", "527 mm"),  # 526.6951
        ("B", "694 mm"),  # 693.6987
        ("C", "407 mm"),  # 406.6951
        ("Steel angle section width", "80 mm"),
        ("Steel angle section thickness", "8 mm"),
        ("Steel angle section length total", "3256 mm"),  # 2·(527 + 694 + 407)
    ],
    "Frame Dimensions, Flat Bar Top View": [
        ("Offset", "348 mm"),
        ("L length of flat bar", "596 mm"),  # 595.9961
        ("M width of flat bar", "133 mm"),  # 132.8746
    ],
    "Frame Dimensions, Flat Bar Side View": [
        ("N flat bar thickness", "12 mm"),
        ("O length of yaw bearing pipe", "626 mm"),  # 625.9397
        ("P side piece flat bar length", "416 mm"),  # 416.0482
        ("Q side piece flat bar width", "156 mm"),  # 156.4849
        ("R side piece flat bar thickness", "12 mm"),
        ("S length from top of channel section to weld flat bar", "92 mm"),  # 91.8676
    ],
    "Coil Winder Dimensions": [
        ("Cheek piece diameter", "150 mm"),  # 2 · 75.1183
        ("A", "53 mm"),  # 2 · (58/2 − 2.5)
        ("B", "30 mm"),  # 34.63 − 5
        ("C", "14 mm"),  # 19.45 − 5
        ("Threaded rod diameter", "M10"),
        ("Pin diameter", "M5"),
    ],
    "Stator Mould Dimensions": [
        ("Mould side A", "1385 mm"),  # 1384.7549
        ("Outer radius B", "490 mm"),  # hexagon corner radius 490.0203
        ("Inner radius C", "283 mm"),  # 282.8651
        ("Number of mounts", "6"),
        ("Surround and island thickness", "15 mm"),
        ("Bolts (fully threaded)", "M12 × 65 mm — 36 pieces"),  # 12 island + 24 surround
        ("Locating Bolts (fully threaded)", "M12 × 95 mm — 3 pieces"),
        ("Nuts", "M12 — 39 pieces"),
        ("Washers (large)", "M12 — 39 pieces"),
        ("Screws", "5 × 30 mm — 72 pieces"),  # 48 surround + 24 island
    ],
}

RESIN = {
    "T Shape": ("2.53 kg", "1.26 kg"),
    "H Shape": ("5.05 kg", "2.52 kg"),
    "Star Shape": ("9.53 kg", "4.76 kg"),
    "T Shape 2F": ("2.14 kg", "1.07 kg"),
    "H Shape 4F": ("5.76 kg", "2.88 kg"),
}


def title(table: Element) -> str:
    thead = table["children"][0]
    return str(thead["children"][0]["children"][0]["properties"]["textContent"])


def rows(table: Element) -> list[tuple[str, str]]:
    tbody = table["children"][1]
    return [(str(label["properties"]["textContent"]), str(value["properties"]["textContent"]))
            for label, value in (tr["children"] for tr in tbody["children"])]


def footers(table: Element) -> list[str]:
    return [str(td["properties"]["textContent"])
            for tfoot in table["children"][2:] for tr in tfoot["children"]
            for td in tr["children"]]


def by_title(tables: list[Element]) -> dict[str, Element]:
    return {title(table): table for table in tables}


@pytest.fixture(scope="module")
def tables(designs: dict[str, Design]) -> dict[str, list[Element]]:
    """Every preset's tables, built once from its derived cells."""
    return {name: dimension_tables(design.cells) for name, design in designs.items()}


@pytest.mark.parametrize(("preset", "titles"), [
    ("T Shape", T_TITLES), ("H Shape", H_STAR_TITLES), ("Star Shape", H_STAR_TITLES),
])
def test_titles_in_reference_order(tables: dict[str, list[Element]], preset: str,
                                   titles: list[str]) -> None:
    assert [title(table) for table in tables[preset]] == titles
    assert len(titles) == (19 if preset == "T Shape" else 20)


def test_every_t_shape_row(tables: dict[str, list[Element]]) -> None:
    assert {name: rows(table) for name, table in by_title(tables["T Shape"]).items()} == T_ROWS


def test_t_shape_footers(tables: dict[str, list[Element]]) -> None:
    assert {name: footers(table) for name, table in by_title(tables["T Shape"]).items()} \
        == T_FOOTERS


@pytest.mark.parametrize(("preset", "expected"), [
    ("H Shape", H_ROWS), ("Star Shape", STAR_ROWS),
])
def test_shape_dependent_rows(tables: dict[str, list[Element]], preset: str,
                              expected: dict[str, list[tuple[str, str]]]) -> None:
    found = by_title(tables[preset])
    assert {name: rows(found[name]) for name in expected} == expected


@pytest.mark.parametrize(("preset", "frame", "top_view"), [
    ("H Shape", [BOOK + "page 27 right-hand side"], [BOOK + "page 29 left-hand side"]),
    ("Star Shape", [], [BOOK + "page 29 left-hand side"]),
])
def test_shape_dependent_footers(tables: dict[str, list[Element]], preset: str,
                                 frame: list[str], top_view: list[str]) -> None:
    found = by_title(tables[preset])
    assert footers(found["Frame Dimensions"]) == frame
    assert footers(found["Frame Dimensions, Flat Bar Top View"]) == top_view
    assert footers(found["Frame Dimensions, Flat Bar Side View"]) == []


def test_a_table_without_footers_has_no_tfoot(tables: dict[str, list[Element]]) -> None:
    found = by_title(tables["Star Shape"])
    assert [child["tagName"] for child in found["Frame Dimensions"]["children"]] \
        == ["thead", "tbody"]
    assert [child["tagName"] for child in found["Steel Disk Sizes"]["children"]] \
        == ["thead", "tbody", "tfoot"]


@pytest.mark.parametrize("preset", sorted(RESIN))
def test_resin(tables: dict[str, list[Element]], preset: str) -> None:
    resin, talc = RESIN[preset]
    assert rows(by_title(tables[preset])["Resin"]) == [
        ("Estimated weight of vinyl ester resin", resin),
        ("Estimated weight of talcum powder", talc),
    ]


def test_triangular_coil_winder_and_ferrite_jig(tables: dict[str, list[Element]]) -> None:
    """Triangular coils: C is the bottom hole's diameter; ferrite magnets: no jig washers."""
    found = by_title(tables["T Shape 2F"])
    assert rows(found["Coil Winder Dimensions"]) == [
        ("Cheek piece diameter", "139 mm"),  # 2 · (√5000/2 + 21.99 + 12)
        ("A", "45 mm"),  # 2 · (50/2 − 2.5)
        ("B", "45 mm"),  # 50 − 5
        ("C", "8 mm"),  # 2 · 8/2
        ("Threaded rod diameter", "M10"),
        ("Pin diameter", "M5"),
    ]
    assert rows(found["Magnet Positioning Jig Dimensions"]) == [
        ("Number of magnets", "12"),
        ("Smaller radius D", "99 mm"),  # 148.57 − 50
        ("Larger radius E", "149 mm"),
        ("Circle radius", "25 mm"),
        ("Bolts (fully threaded)", "M12 × 50 mm — 2 pieces"),
        ("Nuts", "M12 — 2 pieces"),
    ]


def test_integral_floats_print_without_decimal_point(tables: dict[str, list[Element]]) -> None:
    """The preset gives 147.0 turns and a single magnet rotor."""
    magnets_and_coils = dict(rows(by_title(tables["1.8m 46x30x10mm magnets"])
                                  ["Magnets and Coils"]))
    assert magnets_and_coils["Turns per coil"] == "147"
    assert magnets_and_coils["Number of rotor disks"] == "1"


def test_exact_element_of_a_small_table(tables: dict[str, list[Element]]) -> None:
    steel_disk = by_title(tables["T Shape"])["Steel Disk Sizes"]

    def td(text: str) -> str:
        return f'{{"tagName":"td","properties":{{"textContent":"{text}"}}}}'

    def tr(*cells: str) -> str:
        return f'{{"tagName":"tr","children":[{",".join(cells)}]}}'

    expected = (
        '{"tagName":"table","children":['
        '{"tagName":"thead","children":[' + tr(
            '{"tagName":"th","properties":{"textContent":"Steel Disk Sizes","colSpan":2}}')
        + ']},'
        '{"tagName":"tbody","children":['
        + ",".join([tr(td("Diameter"), td("300 mm")), tr(td("Thickness"), td("10 mm")),
                    tr(td("Central hole diameter"), td("65 mm"))])
        + ']},'
        '{"tagName":"tfoot","children":[' + tr(
            '{"tagName":"td","properties":{"textContent":"A Wind Turbine Recipe Book (2014 '
            'metric edition), page 25 right-hand side","colSpan":2}}')
        + ']}]}'
    )
    assert json.dumps(steel_disk, separators=(",", ":"), ensure_ascii=False) == expected


def test_tables_read_only_the_values(designs: dict[str, Design],
                                     tables: dict[str, list[Element]], tmp_path: Path) -> None:
    """A workbook read back gives the same tables, so nothing else feeds them."""
    for name, design in designs.items():
        path = tmp_path / f"{name}.xlsx"
        write_workbook(design, path)
        assert dimension_tables(read_workbook(path)) == tables[name], name


def test_a_changed_value_shows_in_its_table(designs: dict[str, Design]) -> None:
    values = dict(designs["T Shape"].cells)
    values["Spreadsheet.Offset"] = 131.5
    found = by_title(dimension_tables(values))
    assert rows(found["Offset distance laterally from alternator center to yaw center"]) \
        == [("Offset", "132 mm")]
