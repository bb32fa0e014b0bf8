"""The derived design as an Excel workbook, and back: one worksheet per reference sheet.

Builders who know the reference look values up in its spreadsheets, so the workbook keeps its
sheet names and order (``Spreadsheet`` holds the inputs) with one row per cell: name, value, unit
and description. Each value cell also gets a workbook-level name ``Sheet_Alias`` so a formula can
say ``=Alternator_StatorMoldSideLength``. Values are written as values, never formulas: the
workbook is a record of one design, and :func:`read_workbook` gives back what the tables need.
"""

from __future__ import annotations

import json
import math
import os
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from cadstream.design.cells import Cell, Value
from cadstream.design.derive import SHEETS, Design
from cadstream.design.serialize import json_value
from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = ["HEADER", "read_workbook", "write_workbook"]

HEADER = ("Name", "Value", "Unit", "Description")
_VALUE_COLUMN = 2
#: Column width bounds in characters: wide enough to read, narrow enough to fit a screen.
_MIN_WIDTH = 8
_MAX_WIDTH = (40, 40, 8, 90)


def _stored(value: Value) -> float | int | str | bool:
    """Numbers, text and flags as themselves; vectors, rotations and placements as JSON text.

    Excel has no infinity or NaN (openpyxl would silently write an empty cell), so they raise.
    """
    if isinstance(value, Vector | Rotation | Placement):
        return json.dumps(json_value(value))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"a workbook cannot hold {value!r}")
    return value


def _vector(components: list[float]) -> Vector:
    x, y, z = components
    return Vector(x, y, z)


def _structured(data: Any) -> Vector | Rotation | Placement:
    """The inverse of :func:`cadstream.design.serialize.json_value` for the non-scalar kinds."""
    if isinstance(data, list):
        return _vector(data)
    rotation = Rotation.about(_vector(data["axis"]), data["angle"])
    if "base" in data:
        return Placement(_vector(data["base"]), rotation)
    return rotation


def _value(stored: object) -> Value:
    """A cell value from what openpyxl read.

    No text cell of a design starts with ``[`` or ``{``, so those mark the JSON of vectors,
    rotations and placements. An empty cell is empty text: Excel does not store ``""``.
    """
    if stored is None:
        return ""
    if isinstance(stored, bool | int | float):
        return stored
    if isinstance(stored, str):
        return _structured(json.loads(stored)) if stored[:1] in ("[", "{") else stored
    raise TypeError(f"unexpected workbook value {stored!r}")


def _row(cell: Cell) -> tuple[str, float | int | str | bool, str, str]:
    return cell.alias, _stored(cell.value), cell.unit, cell.description


def _put(worksheet: Worksheet, row: int, column: int, stored: float | int | str | bool) -> None:
    """Write one cell with the type we mean rather than the one openpyxl would guess.

    openpyxl writes numbers to 16 significant digits, which loses the last bit of a quarter of
    our floats, and takes text starting with ``=`` for a formula. So a number goes in as its
    shortest exact ``repr`` (openpyxl reads one with a decimal point or exponent as a float, so
    ``12`` and ``12.0`` keep their types), and text is marked as text.
    """
    target = worksheet.cell(row, column)
    if isinstance(stored, bool):
        target.value = stored
    elif isinstance(stored, int | float):
        target.value = repr(stored)
        target.data_type = "n"
    else:
        target.value = stored
        target.data_type = "s"


def write_workbook(design: Design, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write every cell of ``design`` as ``.xlsx`` to a path or a binary file object."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet)
        rows = [HEADER, *(_row(cell) for cell in design.sheet(sheet))]
        for r, row in enumerate(rows, start=1):
            for c, stored in enumerate(row, start=1):
                _put(worksheet, r, c, stored)
            if r > 1:
                name = f"{sheet}_{row[0]}"
                ref = f"'{sheet}'!${get_column_letter(_VALUE_COLUMN)}${r}"
                workbook.defined_names[name] = DefinedName(name, attr_text=ref)
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        worksheet.freeze_panes = "A2"
        for c, limit in enumerate(_MAX_WIDTH, start=1):
            longest = max(len(str(row[c - 1])) for row in rows)
            width = min(max(longest, _MIN_WIDTH), limit) + 2
            worksheet.column_dimensions[get_column_letter(c)].width = width
    workbook.save(target)


def read_workbook(path: str | os.PathLike[str]) -> dict[str, Value]:
    """Every cell value keyed ``Sheet.Alias``, in sheet and row order.

    Numbers, text and flags come back exactly as written; rotations and placements are rebuilt
    from axis and angle, so they agree with the design to rounding (about 1e-15).
    """
    workbook = load_workbook(path, read_only=True)
    try:
        values: dict[str, Value] = {}
        for worksheet in workbook.worksheets:
            rows = worksheet.iter_rows(min_row=2, max_col=_VALUE_COLUMN, values_only=True)
            for name, stored in rows:
                values[f"{worksheet.title}.{name}"] = _value(stored)
        return values
    finally:
        workbook.close()
