"""Sheets: flat parts grouped by material and thickness, in the overview's order."""

from __future__ import annotations

from flat_profiles import rectangle

from cadstream.cad.parts import FlatPart
from cadstream.outputs.sheets import sheets


def test_grouped_sorted_and_tallest_first() -> None:
    parts = [FlatPart(label, rectangle(10, h), t, m, 1) for label, h, t, m in [
        ("S10", 5, 10.0, "Steel"), ("P12a", 8, 12.0, "Plywood"), ("S6", 9, 6.0, "Steel"),
        ("P12b", 20, 12.004, "Plywood"), ("P9", 3, 9.0, "Plywood"), ("P12c", 20, 12.0, "Plywood")]]
    assert [(s.material, s.thickness, [d.part.label for d in s.parts]) for s in sheets(parts)] == [
        ("Plywood", 9.0, ["P9"]),
        ("Plywood", 12.0, ["P12c", "P12b", "P12a"]),
        ("Steel", 6.0, ["S6"]),
        ("Steel", 10.0, ["S10"]),
    ]


def test_outlines_come_with_their_parts() -> None:
    (sheet,) = sheets([FlatPart("P", rectangle(30, 20, 5, 5), 6.0, "Steel", 1)])
    (drawn,) = sheet.parts
    assert (drawn.outline.bounds.width, drawn.outline.bounds.height) == (30, 20)


def test_no_parts_no_sheets() -> None:
    assert sheets([]) == ()
