"""The command line: derive, tables and workbook for every preset, and clear errors."""

import json
from pathlib import Path

import pytest

from cadstream.cli import main
from cadstream.params.presets import presets

PRESETS = list(presets())


@pytest.mark.parametrize("name", PRESETS)
def test_derive_prints_every_cell(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "--preset", name]) == 0
    cells = json.loads(capsys.readouterr().out)
    assert cells["Spreadsheet.RotorDiskRadius"] == presets()[name].parameters[
        "magnafpm.RotorDiskRadius"]
    assert isinstance(cells["Alternator.NumberOfCoils"], int)
    placement = cells["Tail.TailAssemblyPlacement"]
    assert set(placement) == {"base", "axis", "angle"} and len(placement["base"]) == 3


@pytest.mark.parametrize("name", PRESETS)
def test_tables_print_json(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", "--preset", name]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert len(tables) in (19, 20)
    assert all(table["tagName"] == "table" for table in tables)


@pytest.mark.parametrize("name", PRESETS)
def test_workbook_is_written(name: str, tmp_path: Path) -> None:
    output = tmp_path / "design.xlsx"
    assert main(["workbook", "--preset", name, "-o", str(output)]) == 0
    assert output.read_bytes()[:2] == b"PK"


def test_overrides_apply(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "magnafpm.RotorDiskRadius=160"]) == 0
    assert json.loads(capsys.readouterr().out)["Spreadsheet.RotorDiskRadius"] == 160


def test_bad_input_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "magnafpm.RotorDiskRadius=nan"]) == 2
    err = capsys.readouterr().err
    assert "magnafpm.RotorDiskRadius = 'nan': must be a finite decimal number" in err
    assert "Traceback" not in err
    assert main(["derive", "Offset"]) == 2
    assert "write overrides as group.Name=value" in capsys.readouterr().err


def test_missing_mat_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "--mat", str(tmp_path / "none.mat")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "user.HolesDiameter=13"]) == 0
    assert "warning: user.HolesDiameter = 13: is not a multiple" in capsys.readouterr().err
