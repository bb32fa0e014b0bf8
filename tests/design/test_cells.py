"""Sheet building: a sheet repeats other sheets' cells with their own alias, unit and meaning."""

from __future__ import annotations

import pytest

from cadstream.design.cells import MM, NONE, Cell, Cells, SheetBuilder


def test_copy_repeats_cells_under_their_own_alias_unit_and_description() -> None:
    source = Cells({"Spreadsheet.YawPipeDiameter":
                    Cell("Spreadsheet", "YawPipeDiameter", 60.3, MM, "Yaw pipe diameter."),
                    "Spreadsheet.CalculatedWindTurbineShape":
                    Cell("Spreadsheet", "CalculatedWindTurbineShape", "T", NONE, "Frame shape.")})
    s = SheetBuilder("Tail")
    s.copy(source, "Spreadsheet.YawPipeDiameter", "Spreadsheet.CalculatedWindTurbineShape")
    assert s.cells() == (Cell("Tail", "YawPipeDiameter", 60.3, MM, "Yaw pipe diameter."),
                         Cell("Tail", "CalculatedWindTurbineShape", "T", NONE, "Frame shape."))
    with pytest.raises(ValueError, match=r"Tail\.YawPipeDiameter is declared twice"):
        s.copy(source, "Spreadsheet.YawPipeDiameter")
