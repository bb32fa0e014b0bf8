"""Cell values as JSON: numbers as numbers, vectors as lists, rotations and placements as objects.

Integral floats print as integers, as the reference's spreadsheet hands them back, so a count
reads ``9`` and a length ``150`` rather than ``9.0``.
"""

from __future__ import annotations

from typing import Any

from cadstream.design.cells import Value
from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = ["json_number", "json_value"]


def json_number(x: float | int) -> float | int:
    """``x`` as an int when it is integral (and not huge), else the float itself."""
    if isinstance(x, int):
        return x
    if x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _vector(v: Vector) -> list[float | int]:
    return [json_number(c) for c in v.as_list()]


def json_value(value: Value) -> Any:
    """A JSON-ready form of one cell value."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return json_number(value)
    if isinstance(value, Vector):
        return _vector(value)
    if isinstance(value, Rotation):
        return {"axis": _vector(value.axis), "angle": json_number(value.angle)}
    if isinstance(value, Placement):
        return {"base": _vector(value.base), "axis": _vector(value.rotation.axis),
                "angle": json_number(value.rotation.angle)}
    raise TypeError(f"not a cell value: {value!r}")
