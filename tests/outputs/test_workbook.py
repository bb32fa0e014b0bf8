"""Workbook: every preset round-trips, sheets and rows keep the reference's layout, and each value
cell has a ``Sheet_Alias`` name."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from cadstream.design.cells import Cell, Cells, Value
from cadstream.design.derive import SHEETS, Design
from cadstream.design.vectors import Placement, Rotation, Vector
from cadstream.outputs.workbook import HEADER, read_workbook, write_workbook
from cadstream.params.presets import preset


@pytest.fixture(scope="module")
def workbooks(designs: dict[str, Design], tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, Path]:
    """Every preset's workbook, written once."""
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for name, design in designs.items():
        paths[name] = folder / f"{name}.xlsx"
        write_workbook(design, paths[name])
    return paths


def close_rotations(a: Rotation, b: Rotation) -> bool:
    """Compared as matrices, to 1e-9: ``q`` and ``−q`` are the same rotation, and the workbook
    keeps a rotation as axis and angle."""
    return all(math.isclose(p, q, rel_tol=0, abs_tol=1e-9)
               for row_a, row_b in zip(a.matrix(), b.matrix(), strict=True)
               for p, q in zip(row_a, row_b, strict=True))


def same_value(written: Value, read: Value) -> bool:
    """Numbers, text, flags and vectors exactly, with their Python type; rotations to 1e-9."""
    if isinstance(written, Rotation):
        return isinstance(read, Rotation) and close_rotations(written, read)
    if isinstance(written, Placement):
        return (isinstance(read, Placement) and read.base == written.base
                and close_rotations(written.rotation, read.rotation))
    return type(read) is type(written) and read == written


def test_every_preset_round_trips(designs: dict[str, Design],
                                  workbooks: dict[str, Path]) -> None:
    for name, design in designs.items():
        values = read_workbook(workbooks[name])
        assert list(values) == list(design.cells), name
        different = [key for key, value in design.cells.items()
                     if not same_value(value, values[key])]
        assert different == [], name


def test_sheets_header_and_rows(designs: dict[str, Design],
                                workbooks: dict[str, Path]) -> None:
    design = designs["T Shape"]
    workbook = load_workbook(workbooks["T Shape"])
    assert workbook.sheetnames == list(SHEETS)
    for sheet in SHEETS:
        worksheet = workbook[sheet]
        assert next(worksheet.iter_rows(max_row=1, values_only=True)) == HEADER
        assert worksheet.freeze_panes == "A2"
        found = [(name, unit or "", description or "") for name, _value, unit, description
                 in worksheet.iter_rows(min_row=2, values_only=True)]
        assert found == [(cell.alias, cell.unit, cell.description)
                         for cell in design.sheet(sheet)], sheet


def test_units_present(workbooks: dict[str, Path]) -> None:
    workbook = load_workbook(workbooks["T Shape"])
    units = {(sheet, row[0]): row[2] for sheet in SHEETS
             for row in workbook[sheet].iter_rows(min_row=2, values_only=True)}
    assert units[("Spreadsheet", "RotorDiskRadius")] == "mm"
    assert units[("Spreadsheet", "VerticalPlaneAngle")] == "°"
    assert units[("Hub", "MiddlePadRadius")] == "mm"
    assert units[("Spreadsheet", "WireWeight")] == "kg"


def test_numbers_text_flags_and_geometry_keep_their_kinds(workbooks: dict[str, Path]) -> None:
    workbook = load_workbook(workbooks["T Shape"])
    kinds = {f"{sheet}.{row[0]}": type(row[1]) for sheet in SHEETS
             for row in workbook[sheet].iter_rows(min_row=2, values_only=True)}
    assert kinds["Spreadsheet.RotorTopology"] is str
    assert kinds["YawBearing.CanSideExtendToMiddleOfYawBearingPipe"] is bool
    assert kinds["Alternator.StatorMoldSideLength"] is float
    assert kinds["Spreadsheet.RotorDiskRadius"] is int
    values = read_workbook(workbooks["T Shape"])
    assert values["Spreadsheet.CalculatedWindTurbineShape"] == "T"
    assert values["Hub.MiddlePadRadius"] == 71


def test_floats_keep_every_bit(tmp_path: Path) -> None:
    """openpyxl on its own would write 0.30000000000000004 as 0.3 (16 significant digits)."""
    samples: list[tuple[str, Value]] = [
        ("Sum", 0.1 + 0.2), ("Whole", 12.0), ("Tiny", 5e-324), ("Huge", 1.7976931348623157e308),
        ("Negative", -2.675), ("Big", 2**60),
    ]
    cells = {f"Spreadsheet.{alias}": Cell("Spreadsheet", alias, value, "", "")
             for alias, value in samples}
    path = tmp_path / "floats.xlsx"
    write_workbook(Design(preset("T Shape").parameters, Cells(cells)), path)
    values = read_workbook(path)
    assert all(same_value(cell.value, values[key]) for key, cell in cells.items())


def named_cell(workbook: Workbook, name: str) -> tuple[str, Any]:
    """The sheet and the openpyxl cell a workbook-level name points at (exactly one)."""
    [(sheet, ref)] = list(workbook.defined_names[name].destinations)
    return sheet, workbook[sheet][ref.replace("$", "")]


def test_every_cell_has_a_name_on_its_value(designs: dict[str, Design],
                                            workbooks: dict[str, Path]) -> None:
    design = designs["T Shape"]
    workbook = load_workbook(workbooks["T Shape"])
    assert len(workbook.defined_names) == len(design.cells)
    for key in design.cells:
        cell = design.cells.cell(key)
        sheet, target = named_cell(workbook, f"{cell.sheet}_{cell.alias}")
        assert sheet == cell.sheet
        assert target.column_letter == "B"
        assert workbook[sheet].cell(target.row, 1).value == cell.alias


@pytest.mark.parametrize(("name", "value"), [
    ("Hub_MiddlePadRadius", 71),
    ("Spreadsheet_RotorDiskRadius", 150),
    ("Alternator_StatorMoldSideLength", 596.75),
])
def test_named_values(workbooks: dict[str, Path], name: str, value: float) -> None:
    sheet, target = named_cell(load_workbook(workbooks["T Shape"]), name)
    assert sheet == name.partition("_")[0]
    assert target.value == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize("name", ["Tail_h1", "Tail_h2", "Alternator_I", "Alternator_j",
                                  "YawBearing_L", "YawBearing_MM", "WindTurbine_k"])
def test_aliases_that_look_like_references_are_names(workbooks: dict[str, Path],
                                                     name: str) -> None:
    """``h1`` or ``I`` alone would read as a cell or column reference; prefixed they do not."""
    workbook = load_workbook(workbooks["T Shape"])
    sheet, target = named_cell(workbook, name)
    assert (sheet, target.column_letter) == (name.partition("_")[0], "B")
    assert workbook[sheet].cell(target.row, 1).value == name.partition("_")[2]


def test_awkward_values(tmp_path: Path) -> None:
    """Text that looks like a formula stays text, empty text survives, every kind comes back."""
    samples: list[tuple[str, Value]] = [
        ("Formula", "=1+1"), ("Empty", ""), ("Flag", False), ("Count", 3), ("Third", 1 / 3),
        ("Point", Vector(1.5, -2, 0)), ("Turn", Rotation.about(Vector(0, 0, 1), 270)),
        ("Place", Placement.of(Vector(1, 2, 3), Vector(1, 1, 0), 30)),
    ]
    cells = {f"Spreadsheet.{alias}": Cell("Spreadsheet", alias, value, "", "")
             for alias, value in samples}
    design = Design(preset("T Shape").parameters, Cells(cells))
    path = tmp_path / "awkward.xlsx"
    write_workbook(design, path)
    values = read_workbook(path)
    assert list(values) == list(cells)
    assert all(same_value(cell.value, values[key]) for key, cell in cells.items())


def test_infinity_is_refused(tmp_path: Path) -> None:
    cells = {"Spreadsheet.Far": Cell("Spreadsheet", "Far", math.inf, "mm", "")}
    design = Design(preset("T Shape").parameters, Cells(cells))
    with pytest.raises(ValueError, match="cannot hold"):
        write_workbook(design, tmp_path / "far.xlsx")
