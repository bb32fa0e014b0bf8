"""What the design tests compare against: the reference's cell list and its printed figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from cadstream.design.cells import Cell, Cells, Value
from cadstream.design.derive import Design

#: shared/ sits beside the repository, in a session and in CI alike.
CELL_NAMES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cell-names.json"


@cache
def _sheets() -> dict[str, dict[str, str]]:
    sheets: dict[str, dict[str, str]] = json.loads(CELL_NAMES.read_text("utf-8"))["sheets"]
    return sheets


def reference_kinds(sheet: str) -> dict[str, str]:
    """Alias → kind of every cell of ``sheet``, in the reference's order."""
    return _sheets()[sheet]


def printed(text: str) -> object:
    """``text`` as printed in the reference tables: equal to half a unit in its last digit."""
    decimals = len(text.partition(".")[2])
    return pytest.approx(float(text), abs=0.5 * 10.0**-decimals)


def sheet_with(design: Design, compute: Callable[[Cells], tuple[Cell, ...]],
               **spreadsheet: Value) -> dict[str, Value]:
    """One sheet recomputed with some ``Spreadsheet`` inputs replaced."""
    cells = {key: design.cells.cell(key) for key in design.cells}
    for alias, value in spreadsheet.items():
        cells[f"Spreadsheet.{alias}"] = replace(cells[f"Spreadsheet.{alias}"], value=value)
    return {cell.alias: cell.value for cell in compute(Cells(cells))}
