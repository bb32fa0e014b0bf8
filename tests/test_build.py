"""``cadstream build`` writes a whole design to a folder through the job code."""

import json
from pathlib import Path

import ezdxf
import pytest

from cadstream.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build") / "t-shape"
    assert main(["build", "--preset", "T Shape", "-o", str(folder)]) == 0
    return folder


def test_writes_every_output(built: Path) -> None:
    names = {path.name for path in built.iterdir()}
    assert {"WindTurbine.obj", "WindTurbine.step", "furl-transform.json", "cnc-overview.svg",
            "cnc-parts.json", "design.xlsx", "dimension-tables.json", "dxf"} <= names
    assert "\no Rotor_Disk_Back\n" in (built / "WindTurbine.obj").read_text()
    assert (built / "WindTurbine.step").read_bytes().startswith(b"ISO-10303-21;")
    assert json.loads((built / "furl-transform.json").read_text())["maximum_angle"] == 110.15
    assert len(json.loads((built / "dimension-tables.json").read_text())) == 19
    assert (built / "design.xlsx").read_bytes()[:2] == b"PK"
    assert (built / "cnc-overview.svg").read_text().startswith("<svg")


def test_cut_list_and_dxf_files_agree(built: Path) -> None:
    entries = json.loads((built / "cnc-parts.json").read_text())
    by_name = {entry["name"]: entry for entry in entries}
    assert by_name["Rotor_Disk_Back"] == {"name": "Rotor_Disk_Back", "material": "Steel",
                                          "thickness": 10, "count": 1, "width": 300,
                                          "height": 300}
    for entry in entries:
        document = ezdxf.readfile(built / "dxf" / f"{entry['name']}.dxf")
        assert document.header["$INSUNITS"] == 4
        assert len(document.modelspace()) > 0


def test_progress_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--preset", "1.2m 46x30x10mm magnets", "-o", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "  0% Computing dimensions" in err and "100% Complete" in err


def test_bad_parameters_build_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "magnafpm.NumberMagnet=7", "-o", str(tmp_path / "out")]) == 2
    assert "magnafpm.NumberMagnet" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
