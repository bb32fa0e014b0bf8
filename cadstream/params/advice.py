"""Warnings: values a builder may mean, but that leave the recipe book's path for their shape."""

from __future__ import annotations

import math

from cadstream.params.model import Parameters
from cadstream.params.problems import Problem
from cadstream.params.schema import recommended_range
from cadstream.params.shape import Shape
from cadstream.params.spec import PARAMETERS, ParameterSpec

__all__ = ["advice"]


def _off_step(value: float, step: float) -> bool:
    ratio = value / step
    return not math.isclose(ratio, round(ratio), rel_tol=0, abs_tol=1e-9)


def _range_advice(spec: ParameterSpec, given: int | float, shape: Shape) -> Problem | None:
    value = float(given)
    if spec.shape_choices is not None:
        choices = spec.shape_choices[shape]
        if value not in choices:
            listed = ", ".join(f"{c:g}" for c in choices)
            return Problem(spec.key, given, f"the recipe book uses {listed} mm for the {shape} "
                           "shape")
        return None
    if spec.enum is not None:
        return None
    minimum, maximum = recommended_range(spec, shape)
    unit = f" {spec.unit}" if spec.unit else ""
    if minimum is not None and value < minimum:
        return Problem(spec.key, given,
                       f"is below the recommended minimum of {minimum:g}{unit} for the {shape} "
                       "shape")
    if maximum is not None and value > maximum:
        return Problem(spec.key, given,
                       f"is above the recommended maximum of {maximum:g}{unit} for the {shape} "
                       "shape")
    if _off_step(value, spec.multiple_of):
        return Problem(spec.key, given, f"is not a multiple of the form's step "
                       f"{spec.multiple_of:g}{unit}")
    return None


def _coil_advice(p: Parameters) -> list[Problem]:
    coil_type = int(p["magnafpm.CoilType"])
    outer = float(p["magnafpm.CoilHoleWidthAtOuterRadius"])
    inner = float(p["magnafpm.CoilHoleWidthAtInnerRadius"])
    found = []
    if coil_type == 1 and outer != inner:
        found.append(Problem("magnafpm.CoilHoleWidthAtInnerRadius", p[
            "magnafpm.CoilHoleWidthAtInnerRadius"], "a rectangular coil (CoilType 1) has the "
            "same hole width at both ends; the outer width is used for the winder"))
    if coil_type == 2 and outer <= inner:
        found.append(Problem("magnafpm.CoilHoleWidthAtOuterRadius", p[
            "magnafpm.CoilHoleWidthAtOuterRadius"], "a keyhole coil (CoilType 2) is usually "
            "wider at its outer end than at its inner end"))
    per_phase = int(p["magnafpm.NumberOfCoilsPerPhase"])
    magnets = int(p["magnafpm.NumberMagnet"])
    if per_phase * 4 != magnets:
        found.append(Problem("magnafpm.NumberOfCoilsPerPhase", per_phase,
                             f"the stator of {magnets} magnets has {magnets // 4} coils per "
                             "phase; the coil winder and bill of materials will use "
                             f"{per_phase}"))
    return found


def advice(parameters: Parameters, shape: Shape) -> list[Problem]:
    """Every recommendation ``parameters`` departs from, for its effective ``shape``."""
    found = []
    for spec in PARAMETERS:
        value = parameters[spec.key]
        if isinstance(value, int | float) and (
                problem := _range_advice(spec, value, shape)) is not None:
            found.append(problem)
    return found + _coil_advice(parameters)
