"""MagnAFPM .mat import: tests write their own level-5 MAT files with scipy."""

import io

import numpy as np
import pytest
import scipy.io

from cadstream.params.matfile import MatFileError, read_mat

T_SHAPE_EXPORT = {
    "Rturb": 1.2, "rotor": 2.0, "Rout": 150.004, "Rin": 103.2549, "hr": 10.0, "la": 46.0,
    "wm": 30.0, "hm": 10.0, "BHmax": 326.0, "magnet_num": 12.0, "tw": 13.0, "coil_type": 1.0,
    "wc": 21.4999, "coil_hole_Rout_constr": 30.0, "coil_hole_Rin_constr": 30.0, "g": 3.0,
    "dist_magnet_Rin": 20.0012, "q": 3.0, "mcu_constr": 2.6049, "dc": 1.4,
    "No_wires_at_hand": 2.0, "Nc": 43.0,
}


def mat_bytes(variables: dict[str, object]) -> bytes:
    buffer = io.BytesIO()
    scipy.io.savemat(buffer, variables)
    return buffer.getvalue()


def test_maps_a_t_shape_export() -> None:
    imported = read_mat(mat_bytes({**T_SHAPE_EXPORT, "comment": "MagnAFPM run 7",
                                   "curve": np.arange(5.0)}))
    assert imported.preset == "T Shape"
    assert imported.magnafpm == {
        "RotorDiameter": 2400, "RotorTopology": "Double", "RotorDiskRadius": 150.0,
        "RotorDiskInnerRadius": 103.25, "RotorDiskThickness": 10.0, "MagnetLength": 46.0,
        "MagnetWidth": 30.0, "MagnetThickness": 10.0, "MagnetMaterial": "NdFeB N40",
        "NumberMagnet": 12, "StatorThickness": 13.0, "CoilType": 1, "CoilLegWidth": 21.5,
        "CoilHoleWidthAtOuterRadius": 30.0, "CoilHoleWidthAtInnerRadius": 30.0,
        "MechanicalClearance": 3.0, "InnerDistanceBetweenMagnets": 20.0,
        "NumberOfCoilsPerPhase": 3.0, "WireWeight": 2.6, "WireDiameter": 1.4,
        "NumberOfWiresInHand": 2.0, "TurnsPerCoil": 43.0,
    }


@pytest.mark.parametrize(("radius", "preset"), [(187.49, "T Shape"), (187.5, "H Shape"),
                                                (275.0, "Star Shape")])
def test_preset_follows_rotor_disk_radius(radius: float, preset: str) -> None:
    assert read_mat(mat_bytes({**T_SHAPE_EXPORT, "Rout": radius})).preset == preset


@pytest.mark.parametrize(("code", "topology"), [(0, "Single"), (1, "Single and metal disk")])
def test_topology_codes(code: int, topology: str) -> None:
    assert read_mat(mat_bytes({**T_SHAPE_EXPORT, "rotor": code})).magnafpm[
        "RotorTopology"] == topology


def test_corrupt_file_is_refused() -> None:
    data = mat_bytes(T_SHAPE_EXPORT)
    with pytest.raises(MatFileError, match=r"not a readable MATLAB \.mat file"):
        read_mat(data[:150] + b"\xff" * 40)
    with pytest.raises(MatFileError, match=r"not a readable MATLAB \.mat file"):
        read_mat(b"PK\x03\x04 this is a zip, not a mat file")


def test_foreign_mat_file_names_missing_variables() -> None:
    with pytest.raises(MatFileError, match=r"missing numeric variables .*Rturb.*BHmax"):
        read_mat(mat_bytes({"x": 1.0, "wm": 30.0, "BHmax_text": "326"}))


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(MatFileError, match="'rotor' = 3 is not a rotor topology code"):
        read_mat(mat_bytes({**T_SHAPE_EXPORT, "rotor": 3.0}))
    with pytest.raises(MatFileError, match="'BHmax' = 300 is not a known magnet grade"):
        read_mat(mat_bytes({**T_SHAPE_EXPORT, "BHmax": 300.0}))
