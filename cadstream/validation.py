"""Validate a request's parameters once, at the boundary: every problem at once, then advice.

Errors stop the design (wrong types, impossible values, combinations that cannot be built);
warnings do not (values outside the recipe book's ranges for the shape). A parameter set that
passes derives every dimension without error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from cadstream.cad.dims import AlternatorDims
from cadstream.cad.disk_check import disk_conflicts
from cadstream.design.cells import Cells
from cadstream.design.derive import DerivationError, Design, derive
from cadstream.design.feasibility import design_infeasibilities, infeasibilities
from cadstream.params.advice import advice
from cadstream.params.fields import check_field, unknown_keys
from cadstream.params.model import Parameters, Scalar
from cadstream.params.problems import ParameterError, Problem
from cadstream.params.spec import GROUPS, PARAMETERS

__all__ = ["Validated", "validate"]

_SPECS = {spec.key: spec for spec in PARAMETERS}


@dataclass(frozen=True)
class Validated:
    parameters: Parameters
    design: Design
    warnings: tuple[Problem, ...]


#: Which inputs to name when a sheet cannot be computed, and what that means for the build.
_SHEET_BLAME = {
    "Blade": (("user.BladeWidth", "magnafpm.RotorDiameter", "user.HubPitchCircleDiameter"),
              "the blades cannot be screwed to the hub plates"),
    "YawBearing": (("furling.Offset", "user.FlatMetalThickness", "user.YawPipeDiameter"),
                   "the yaw bearing cannot be built"),
    "Tail": (("furling.VerticalPlaneAngle", "furling.HorizontalPlaneAngle",
              "furling.BoomPipeDiameter"), "the tail hinge and boom cannot be built"),
    "LowEndStop": (("furling.VerticalPlaneAngle", "furling.HorizontalPlaneAngle"),
                   "the tail's low end stop cannot reach the yaw pipe"),
    "HighEndStop": (("furling.VerticalPlaneAngle", "furling.HorizontalPlaneAngle",
                     "furling.BoomLength"),
                    "the tail's furl limit and high end stop cannot be found"),
}


def _derivation_problem(parameters: Parameters, error: DerivationError) -> Problem:
    keys, meaning = _SHEET_BLAME.get(error.sheet, ((), "these values cannot be built"))
    given = ", ".join(f"{key.partition('.')[2]} {parameters[key]}" for key in keys)
    advice = f" with {given}; values nearer the preset's will build" if given else ""
    name = keys[0] if keys else "parameters"
    return Problem(name, parameters[name] if keys else None, f"{meaning}{advice} ({error})")


def _disk_problems(design: Design) -> list[Problem]:
    """Holes of the steel rotor disks must not run into each other or into the pockets."""
    rotor = AlternatorDims.from_cells(design.cells).rotor
    conflicts = sorted({c for disk in (rotor.back_disk, rotor.front_disk)
                        for c in disk_conflicts(disk)})
    if not conflicts:
        return []
    cells = design.cells
    return [Problem("user.HubPitchCircleDiameter", cells["Spreadsheet.HubPitchCircleDiameter"],
                    "the rotor disk cannot be cut: " + "; ".join(conflicts) + " (frame shape "
                    f"{cells['Spreadsheet.CalculatedWindTurbineShape']}, hub holes "
                    f"{cells['Spreadsheet.HubHolesDiameter']} mm; try the preset's hub or shape)")]


def _design_advice(design: Design) -> list[Problem]:
    cells = design.cells
    found = []
    if cells.num("Spreadsheet.CoilType") == 3 and cells.num("Alternator.DoCoilsOverlap") == 1:
        found.append(Problem("magnafpm.CoilLegWidth", cells["Spreadsheet.CoilLegWidth"],
                             "triangular coils this wide would overlap; their legs are reduced "
                             f"to {cells.num('Alternator.CoilLegWidthReduced'):.2f} mm"))
    clash = _yaw_pipe_into_t_frame(cells)
    if clash is not None:
        found.append(clash)
    minimum = cells.num("Blade.MinimumBladeWidth")
    if cells.num("Spreadsheet.BladeWidth") < minimum:
        found.append(Problem("user.BladeWidth", cells["Spreadsheet.BladeWidth"],
                             f"is below {minimum:g} mm, the narrowest blade the recipe book "
                             "uses for this rotor diameter"))
    return found


def _yaw_pipe_into_t_frame(cells: Cells) -> Problem | None:
    """A T frame's yaw pipe stands Offset from the shaft; closer than the frame's upright allows,
    the reference sets the gap I to 0 and builds the pipe into the upright, so the builder must
    notch one or move the other. A warning: the recipe book's own T Shape 2F does this."""
    if cells.text("Spreadsheet.CalculatedWindTurbineShape") != "T":
        return None
    offset = cells.num("Spreadsheet.Offset")
    clear = (cells.num("Alternator.YawPipeRadius") + cells.num("Spreadsheet.MetalThicknessL")
             + cells.num("Alternator.X"))
    if offset >= clear:
        return None
    return Problem("furling.Offset", cells["Spreadsheet.Offset"],
                   f"puts the yaw pipe {clear - offset:.2f} mm into the T frame's upright (the "
                   f"yaw bearing plates' gap I is 0); an Offset of {math.ceil(clear)} mm or more "
                   "clears it")


def validate(groups: Mapping[str, Mapping[str, object]]) -> Validated:
    """Typed, checked parameters with their design and warnings; or ``ParameterError``."""
    problems = unknown_keys({g: v for g, v in groups.items() if g in GROUPS}, _SPECS)
    problems += [Problem(group, None, f"is not a parameter group; use {', '.join(GROUPS)}")
                 for group in groups if group not in GROUPS]
    typed: dict[str, dict[str, Scalar]] = {group: {} for group in GROUPS}
    for spec in PARAMETERS:
        if spec.name not in groups.get(spec.group, {}):
            problems.append(Problem(spec.key, None, "is required"))
            continue
        value, problem = check_field(spec, groups[spec.group][spec.name])
        if problem is not None:
            problems.append(problem)
        elif value is not None:
            typed[spec.group][spec.name] = value
    if problems:
        raise ParameterError(problems)
    parameters = Parameters.from_groups(typed)
    problems = infeasibilities(parameters)
    if problems:
        raise ParameterError(problems)
    try:
        design = derive(parameters)
    except DerivationError as error:
        raise ParameterError([_derivation_problem(parameters, error)]) from None
    problems = design_infeasibilities(design.cells) + _disk_problems(design)
    if problems:
        raise ParameterError(problems)
    warnings = advice(parameters, design.shape) + _design_advice(design)
    return Validated(parameters, design, tuple(warnings))
