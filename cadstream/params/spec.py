"""The 46 input parameters: type, unit, meaning, hard limits and the recipe book's ranges.

Order matters: it is the reference's canonical key order (magnafpm, furling, user), used by the
workbook's input sheet and the form. Hard limits (``enum``, ``positive``) make a design impossible;
ranges and steps only advise, and are computed per frame shape from that shape's own preset.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "GROUPS",
    "MAGNET_MATERIALS",
    "NUMBER_MAGNET_CHOICES",
    "PARAMETERS",
    "PIPE_SIZES",
    "ROTOR_TOPOLOGIES",
    "SHAPE_CHOICES",
    "YAW_PIPE_CHOICES",
    "Group",
    "Kind",
    "ParameterSpec",
    "spec_for",
]

Group = Literal["magnafpm", "furling", "user"]
Kind = Literal["number", "integer", "string"]
Shape = Literal["T", "H", "Star"]
GROUPS: tuple[Group, ...] = ("magnafpm", "furling", "user")

PIPE_SIZES = (33.4, 42.2, 48.3, 60.3, 73.0, 88.9, 101.6, 114.3, 127.0, 141.3)
ROTOR_TOPOLOGIES = ("Double", "Single and metal disk", "Single")
MAGNET_MATERIALS = (
    "Ferrite C8", "NdFeB N35", "NdFeB N40", "NdFeB N42", "NdFeB N45", "NdFeB N52",
)
NUMBER_MAGNET_CHOICES = tuple(range(4, 33, 4))
SHAPE_CHOICES = ("Calculated", "T", "H", "Star")
#: The recipe book's yaw pipe sizes per frame shape: the default, one size up and (T) one down.
YAW_PIPE_CHOICES: dict[Shape, tuple[float, ...]] = {
    "T": (48.3, 60.3, 73.0),
    "H": (88.9, 101.6),
    "Star": (114.3, 127.0),
}

#: Recommended range as a function of the shape and that shape's preset default.
ShapeRange = Callable[[Shape, float], tuple[float, float]]


def _around(below: dict[Shape, float], above: dict[Shape, float]) -> ShapeRange:
    return lambda shape, default: (default - below[shape], default + above[shape])


def _fixed(ranges: dict[Shape, tuple[float, float]]) -> ShapeRange:
    return lambda shape, _default: ranges[shape]


def _same(value: float) -> dict[Shape, float]:
    return {"T": value, "H": value, "Star": value}


@dataclass(frozen=True)
class ParameterSpec:
    group: Group
    name: str
    kind: Kind
    unit: str
    description: str
    enum: tuple[float | int | str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    #: A length or count that must be above zero to build anything.
    positive: bool = False
    #: Must not be negative (zero is meaningful).
    non_negative: bool = False
    shape_range: ShapeRange | None = None
    #: The enum is a per-shape recommendation (yaw pipe), not a hard list.
    shape_choices: dict[Shape, tuple[float, ...]] | None = None

    @property
    def key(self) -> str:
        return f"{self.group}.{self.name}"

    @property
    def title(self) -> str:
        return " ".join(re.findall(r"[A-Z][a-z]*|[0-9]+", self.name)) or self.name

    @property
    def multiple_of(self) -> float:
        if self.step is not None:
            return self.step
        return 1 if self.kind == "integer" else 0.01


def _m(name: str, kind: Kind, unit: str, description: str, **rest: object) -> ParameterSpec:
    return ParameterSpec("magnafpm", name, kind, unit, description, **rest)  # type: ignore[arg-type]


def _f(name: str, kind: Kind, unit: str, description: str, **rest: object) -> ParameterSpec:
    return ParameterSpec("furling", name, kind, unit, description, **rest)  # type: ignore[arg-type]


def _u(name: str, kind: Kind, unit: str, description: str, **rest: object) -> ParameterSpec:
    return ParameterSpec("user", name, kind, unit, description, **rest)  # type: ignore[arg-type]


PARAMETERS: tuple[ParameterSpec, ...] = (
    _m("RotorDiameter", "number", "mm", "Diameter of the circle swept by the blades.",
       minimum=1200, maximum=7000, positive=True),
    _m("RotorTopology", "string", "", "How the magnet rotors sandwich the stator: two rotors, "
       "one rotor and a plain steel disk, or one rotor alone.", enum=ROTOR_TOPOLOGIES),
    _m("RotorDiskRadius", "number", "mm", "Outer radius of the steel rotor disks; it also "
       "selects the frame shape.", minimum=0, positive=True),
    _m("RotorDiskInnerRadius", "number", "mm", "Inner radius of the magnet ring, as MagnAFPM "
       "reports it (informational).", minimum=0, non_negative=True),
    _m("RotorDiskThickness", "integer", "mm", "Thickness of the steel rotor disks.",
       minimum=3, maximum=16, positive=True),
    _m("MagnetLength", "integer", "mm", "Magnet size along the radius.",
       minimum=5, maximum=150, positive=True),
    _m("MagnetWidth", "integer", "mm", "Magnet size across the radius.",
       minimum=5, maximum=150, positive=True),
    _m("MagnetThickness", "integer", "mm", "Magnet size along the shaft.",
       minimum=2, maximum=50, positive=True),
    _m("MagnetMaterial", "string", "", "Magnet material and grade; ferrite magnets are only "
       "partly covered by resin.", enum=MAGNET_MATERIALS),
    _m("NumberMagnet", "integer", "", "Magnets per rotor disk; the stator has three coils for "
       "every four magnets.", enum=NUMBER_MAGNET_CHOICES),
    _m("StatorThickness", "integer", "mm", "Thickness of the resin stator.",
       minimum=6, maximum=21, positive=True),
    _m("CoilType", "integer", "", "Coil shape: 1 rectangular, 2 keyhole, 3 triangular.",
       enum=(1, 2, 3)),
    _m("CoilLegWidth", "number", "mm", "Width of copper from the coil hole to the coil's "
       "outer edge.", minimum=0, positive=True),
    _m("CoilHoleWidthAtOuterRadius", "number", "mm", "Width of the coil hole at its outer end.",
       minimum=0, positive=True),
    _m("CoilHoleWidthAtInnerRadius", "number", "mm", "Width of the coil hole at its inner end.",
       minimum=0, positive=True),
    _m("MechanicalClearance", "number", "mm", "Air gap between the stator and each magnet "
       "rotor.", minimum=0.5, maximum=7, positive=True),
    _m("InnerDistanceBetweenMagnets", "number", "mm", "Gap between neighbouring magnets at "
       "their inner edge; below 10 mm the outer magnet jig is used.", minimum=0,
       non_negative=True),
    _m("NumberOfCoilsPerPhase", "integer", "", "Coils in each of the three phases.",
       minimum=1, maximum=8, positive=True),
    _m("WireWeight", "number", "kg", "Copper wire mass, two spare coils included.",
       non_negative=True),
    _m("WireDiameter", "number", "mm", "Copper wire diameter.", non_negative=True),
    _m("NumberOfWiresInHand", "integer", "", "Strands wound together in parallel.",
       non_negative=True),
    _m("TurnsPerCoil", "integer", "", "Turns of wire in each coil.", non_negative=True),
    _f("VerticalPlaneAngle", "integer", "°", "Tilt of the tail hinge axis away from the yaw "
       "axis.", minimum=0, maximum=360),
    _f("HorizontalPlaneAngle", "integer", "°", "Angle between the alternator frame and the "
       "tail hinge, seen from above.", minimum=0, maximum=360),
    _f("BoomLength", "integer", "mm", "Length of the tail boom pipe.", minimum=0, positive=True),
    _f("BoomPipeDiameter", "number", "mm", "Outside diameter of the tail boom pipe.",
       enum=PIPE_SIZES),
    _f("BoomPipeThickness", "integer", "mm", "Wall thickness of the tail boom pipe.",
       minimum=0, maximum=6, positive=True),
    _f("VaneLength", "integer", "mm", "Length of the plywood tail vane.", minimum=0,
       positive=True),
    _f("VaneWidth", "integer", "mm", "Width of the plywood tail vane.", minimum=0,
       positive=True),
    _f("VaneThickness", "integer", "mm", "Thickness of the plywood tail vane.", minimum=0,
       positive=True),
    _f("BracketLength", "integer", "mm", "Length of each flat-bar vane bracket.", minimum=0,
       positive=True),
    _f("BracketWidth", "integer", "mm", "Width of each vane bracket.", minimum=0,
       positive=True),
    _f("BracketThickness", "integer", "mm", "Thickness of each vane bracket.", minimum=0,
       positive=True),
    _f("Offset", "integer", "mm", "Sideways offset of the alternator centre from the yaw "
       "axis; it makes the turbine furl.", minimum=0, non_negative=True),
    _u("WindTurbineShape", "string", "", "Frame shape, or Calculated to choose it from the "
       "rotor disk radius.", enum=SHAPE_CHOICES),
    _u("BladeWidth", "number", "mm", "Blade width near the root, limited by the timber at "
       "hand.", minimum=0, maximum=380, positive=True),
    _u("RotorDiskCentralHoleDiameter", "integer", "mm", "Central hole in the steel rotor "
       "disks.", positive=True, shape_range=_around(_same(30), _same(5))),
    _u("HolesDiameter", "integer", "mm", "Diameter of the general bolts and holes: stator "
       "studs, frame, vane brackets.", step=2, positive=True,
       shape_range=_around({"T": 4, "H": 2, "Star": 2}, _same(2))),
    _u("MetalLengthL", "integer", "mm", "Leg width of the steel angle of the frame.", step=10,
       positive=True,
       shape_range=_fixed({"T": (40, 60), "H": (50, 70), "Star": (60, 100)})),
    _u("MetalThicknessL", "integer", "mm", "Thickness of the steel angle of the frame.",
       positive=True, shape_range=_fixed({"T": (5, 6), "H": (5, 7), "Star": (6, 10)})),
    _u("FlatMetalThickness", "integer", "mm", "Thickness of the flat steel parts.",
       positive=True, shape_range=_around({"T": 5, "H": 2, "Star": 2}, _same(3))),
    _u("YawPipeDiameter", "number", "mm", "Outside diameter of the yaw bearing pipe, also the "
       "outer tail hinge pipe.", enum=PIPE_SIZES, shape_choices=YAW_PIPE_CHOICES),
    _u("PipeThickness", "integer", "mm", "Wall thickness of the yaw pipe and the tail hinge "
       "pipes.", positive=True,
       shape_range=_fixed({"T": (3, 5), "H": (4, 6), "Star": (5, 8)})),
    _u("RotorResinMargin", "integer", "mm", "Resin beyond the rotor disk edge that protects "
       "the magnet ends.", non_negative=True, shape_range=_around(_same(0), _same(5))),
    _u("HubPitchCircleDiameter", "integer", "mm", "Pitch circle diameter of the wheel hub "
       "studs.", positive=True, shape_range=_around({"T": 50, "H": 10, "Star": 10},
                                                    _same(40))),
    _u("HubHolesDiameter", "integer", "mm", "Diameter of the wheel hub studs.", step=2,
       positive=True, shape_range=_around({"T": 4, "H": 2, "Star": 2}, _same(2))),
)

_BY_KEY = {spec.key: spec for spec in PARAMETERS}


def spec_for(key: str) -> ParameterSpec | None:
    """The spec of ``group.Name``, or None when there is no such parameter."""
    return _BY_KEY.get(key)
