"""JSON Schema (draft 2020-12) of the parameters for one frame shape: the form and the advice.

Ranges and the yaw pipe list are the recipe book's recommendations for that shape, computed from
the shape's own preset as the reference does; validation turns a breach of them into a warning,
while types and hard enums come from the same specs and are errors.
"""

from __future__ import annotations

from typing import Any

from cadstream.params.presets import presets
from cadstream.params.shape import (
    H_SHAPE_LOWER_BOUND,
    STAR_SHAPE_LOWER_BOUND,
    Shape,
    effective_shape,
    shape_preset_name,
)
from cadstream.params.spec import GROUPS, PARAMETERS, ParameterSpec

__all__ = ["parameters_schema", "recommended_range", "schema_document"]

_GROUP_DESCRIPTIONS = {
    "magnafpm": "Generator parameters, normally from the MagnAFPM simulator.",
    "furling": "Tail, hinge and furling geometry.",
    "user": "Builder's choices: frame, pipes, bolts and blades.",
}


def recommended_range(spec: ParameterSpec, shape: Shape) -> tuple[float | None, float | None]:
    """The recipe book's minimum and maximum of ``spec`` for ``shape`` (None where open)."""
    if spec.shape_range is not None:
        default = float(presets()[shape_preset_name(shape)].parameters[spec.key])
        return spec.shape_range(shape, default)
    return spec.minimum, spec.maximum


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _property(spec: ParameterSpec, shape: Shape) -> dict[str, Any]:
    prop: dict[str, Any] = {"title": spec.title, "description": spec.description}
    if spec.unit:
        prop["unit"] = spec.unit
    prop["type"] = spec.kind
    if spec.shape_choices is not None:
        prop["enum"] = list(spec.shape_choices[shape])
    elif spec.enum is not None:
        prop["enum"] = list(spec.enum)
    else:
        minimum, maximum = recommended_range(spec, shape)
        if minimum is not None:
            prop["minimum"] = _plain(minimum)
        if maximum is not None:
            prop["maximum"] = _plain(maximum)
        prop["multipleOf"] = spec.multiple_of
    return prop


def parameters_schema(shape: Shape) -> dict[str, Any]:
    """The schema of all three groups for ``shape``."""
    properties: dict[str, Any] = {}
    for group in GROUPS:
        properties[group] = {
            "type": "object",
            "description": _GROUP_DESCRIPTIONS[group],
            "properties": {spec.name: _property(spec, shape)
                           for spec in PARAMETERS if spec.group == group},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "description": "Parameters of an axial-flux wind turbine, in three groups.",
        "properties": properties,
    }


def schema_document() -> dict[str, Any]:
    """The reference's ``/api/parametersschema`` shape: shape bounds, then a schema per preset."""
    document: dict[str, Any] = {"bounds": {"h_shape_lower_bound": H_SHAPE_LOWER_BOUND,
                                           "star_shape_lower_bound": STAR_SHAPE_LOWER_BOUND}}
    for name, preset in presets().items():
        shape = effective_shape(str(preset.parameters["user.WindTurbineShape"]),
                                float(preset.parameters["magnafpm.RotorDiskRadius"]))
        document[name] = parameters_schema(shape)
    return document
