"""What every table picture must show: it parses, and each dimension it draws prints, from the
length it measured on the geometry, exactly what its table prints in the row it names."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.tables import Element

SVG = "{http://www.w3.org/2000/svg}"


def rows_of(table: Element) -> dict[str, str]:
    """Label → printed value of a table's body rows."""
    body = table["children"][1]
    return {str(row["children"][0]["properties"]["textContent"]):
            str(row["children"][1]["properties"]["textContent"]) for row in body["children"]}


def dimensions_of(picture: Picture) -> dict[str, tuple[str, float]]:
    """Row → (label text, measured length) of every dimension in the picture."""
    root = ET.fromstring(picture.svg)
    assert root.tag == SVG + "svg"
    found: dict[str, tuple[str, float]] = {}
    for group in root.iter(SVG + "g"):
        if group.get("class") != "dimension":
            continue
        row, text = group.get("data-row"), group.find(SVG + "text")
        assert row is not None and text is not None and text.text is not None
        assert row not in found, f"row {row!r} dimensioned twice"
        found[row] = (text.text, float(group.get("data-length", "nan")))
    return found


def check_picture(picture: Picture, table: Element, must_show: set[str]) -> None:
    """Every dimension agrees with its table row; ``must_show`` rows are all dimensioned."""
    rows = rows_of(table)
    shown = dimensions_of(picture)
    assert must_show <= shown.keys(), must_show - shown.keys()
    for row, (text, _) in shown.items():
        assert row in rows, f"{row!r} is not a row of the table"
        letter, _, value = text.partition(" = ")
        assert value == rows[row], (row, text, rows[row])
        letters = [word for word in row.split() if word.replace(",", "").isupper()]
        assert letter, row
        if letters:
            assert letter in letters, (letter, row)
