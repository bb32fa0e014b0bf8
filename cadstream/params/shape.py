"""Frame shape selection: T, H or Star, from the rotor disk radius unless the builder chose one."""

from __future__ import annotations

from typing import Literal

__all__ = ["H_SHAPE_LOWER_BOUND", "SHAPES", "STAR_SHAPE_LOWER_BOUND", "Shape",
           "effective_shape", "shape_preset_name"]

Shape = Literal["T", "H", "Star"]
SHAPES: tuple[Shape, ...] = ("T", "H", "Star")
H_SHAPE_LOWER_BOUND = 187.5
STAR_SHAPE_LOWER_BOUND = 275.0


def effective_shape(wind_turbine_shape: str, rotor_disk_radius: float) -> Shape:
    """The shape the frame is built as; the lower bound of each larger shape is inclusive."""
    if wind_turbine_shape == "T":
        return "T"
    if wind_turbine_shape == "H":
        return "H"
    if wind_turbine_shape == "Star":
        return "Star"
    if rotor_disk_radius < H_SHAPE_LOWER_BOUND:
        return "T"
    if rotor_disk_radius < STAR_SHAPE_LOWER_BOUND:
        return "H"
    return "Star"


def shape_preset_name(shape: Shape) -> str:
    """The preset whose defaults set the recommended ranges of a shape."""
    return f"{shape} Shape"
