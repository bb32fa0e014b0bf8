"""MagnAFPM's MATLAB export (.mat, level 5) to ``magnafpm`` parameters and the preset it implies.

Only top-level scalar variables are read; the mapping and conversions follow the reference
(radius in metres to a diameter in mm, codes to topology and magnet grade, 2-decimal rounding).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cadstream.params.model import Scalar
from cadstream.params.shape import effective_shape, shape_preset_name

__all__ = ["MatFileError", "MatImport", "read_mat"]

_TOPOLOGIES = {2: "Double", 1: "Single and metal disk", 0: "Single"}
_MATERIALS_BY_BHMAX = {30: "Ferrite C8", 287: "NdFeB N35", 326: "NdFeB N40", 342: "NdFeB N42",
                       366: "NdFeB N45", 422: "NdFeB N52"}


class MatFileError(ValueError):
    """The file is not a MagnAFPM export we can read; the message says why."""


@dataclass(frozen=True)
class MatImport:
    preset: str
    magnafpm: dict[str, Scalar]


def _two_decimals(x: float) -> float:
    return round(x, 2)


def _as_is(x: float) -> float:
    return x


def _integer(x: float) -> int:
    return int(x)


def _diameter(radius_m: float) -> int:
    return round(radius_m * 2000)


def _topology(code: float) -> str:
    topology = _TOPOLOGIES.get(int(code))
    if topology is None:
        raise MatFileError(f"variable 'rotor' = {code:g} is not a rotor topology code (0, 1, 2)")
    return topology


def _material(bhmax: float) -> str:
    material = _MATERIALS_BY_BHMAX.get(int(bhmax)) if float(bhmax).is_integer() else None
    if material is None:
        codes = ", ".join(str(code) for code in _MATERIALS_BY_BHMAX)
        raise MatFileError(f"variable 'BHmax' = {bhmax:g} is not a known magnet grade ({codes})")
    return material


_MAPPING: tuple[tuple[str, str, Callable[[float], Scalar]], ...] = (
    ("Rturb", "RotorDiameter", _diameter),
    ("rotor", "RotorTopology", _topology),
    ("Rout", "RotorDiskRadius", _two_decimals),
    ("Rin", "RotorDiskInnerRadius", _two_decimals),
    ("hr", "RotorDiskThickness", _as_is),
    ("la", "MagnetLength", _as_is),
    ("wm", "MagnetWidth", _as_is),
    ("hm", "MagnetThickness", _as_is),
    ("BHmax", "MagnetMaterial", _material),
    ("magnet_num", "NumberMagnet", _integer),
    ("tw", "StatorThickness", _as_is),
    ("coil_type", "CoilType", _integer),
    ("wc", "CoilLegWidth", _two_decimals),
    ("coil_hole_Rout_constr", "CoilHoleWidthAtOuterRadius", _two_decimals),
    ("coil_hole_Rin_constr", "CoilHoleWidthAtInnerRadius", _two_decimals),
    ("g", "MechanicalClearance", _as_is),
    ("dist_magnet_Rin", "InnerDistanceBetweenMagnets", _two_decimals),
    ("q", "NumberOfCoilsPerPhase", _as_is),
    ("mcu_constr", "WireWeight", _two_decimals),
    ("dc", "WireDiameter", _as_is),
    ("No_wires_at_hand", "NumberOfWiresInHand", _as_is),
    ("Nc", "TurnsPerCoil", _as_is),
)


def _scalars(content: Mapping[str, object]) -> dict[str, float]:
    """Top-level real numeric scalars (1×1 arrays collapse to numbers); text is ignored."""
    import numpy as np  # with scipy, below: the server imports them for its first upload only

    scalars = {}
    for name, value in content.items():
        if name.startswith("__"):
            continue
        array = np.asarray(value)
        if array.size == 1 and array.dtype.kind in "iuf":
            number = float(array.reshape(()))
            if math.isfinite(number):
                scalars[name] = number
    return scalars


def read_mat(data: bytes) -> MatImport:
    """Map a MagnAFPM .mat file's bytes; ``MatFileError`` for corrupt or foreign files."""
    import scipy.io  # 0.5 s and 30 MB that a server without uploads need not pay

    try:
        content = scipy.io.loadmat(io.BytesIO(data), squeeze_me=True)
    except Exception as error:  # scipy raises many kinds for damaged input
        raise MatFileError(f"not a readable MATLAB .mat file ({error})") from None
    scalars = _scalars(content)
    missing = [variable for variable, _, _ in _MAPPING if variable not in scalars]
    if missing:
        raise MatFileError("not a MagnAFPM export: missing numeric variables "
                           + ", ".join(missing))
    magnafpm = {name: convert(scalars[variable]) for variable, name, convert in _MAPPING}
    shape = effective_shape("Calculated", float(magnafpm["RotorDiskRadius"]))
    return MatImport(shape_preset_name(shape), magnafpm)
