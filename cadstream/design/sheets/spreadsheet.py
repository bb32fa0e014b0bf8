"""The ``Spreadsheet`` sheet: the 46 inputs as given, plus the frame shape they resolve to."""

from __future__ import annotations

from cadstream.design.cells import NONE, Cell, SheetBuilder
from cadstream.params.model import Parameters
from cadstream.params.shape import effective_shape
from cadstream.params.spec import PARAMETERS

__all__ = ["compute"]

#: The reference's input sheet lists the furling group in this order.
_FURLING_ORDER = (
    "VerticalPlaneAngle", "HorizontalPlaneAngle", "BracketLength", "BracketWidth",
    "BracketThickness", "BoomLength", "BoomPipeDiameter", "BoomPipeThickness", "VaneThickness",
    "VaneLength", "VaneWidth", "Offset",
)
_USER_ORDER = (
    "WindTurbineShape", "BladeWidth", "HubPitchCircleDiameter", "RotorDiskCentralHoleDiameter",
    "HolesDiameter", "MetalLengthL", "MetalThicknessL", "FlatMetalThickness", "YawPipeDiameter",
    "PipeThickness", "RotorResinMargin", "HubHolesDiameter",
)


def compute(parameters: Parameters) -> tuple[Cell, ...]:
    sheet = SheetBuilder("Spreadsheet")
    specs = {spec.key: spec for spec in PARAMETERS}
    keys = [spec.key for spec in PARAMETERS if spec.group == "magnafpm"]
    keys += [f"furling.{name}" for name in _FURLING_ORDER]
    keys += [f"user.{name}" for name in _USER_ORDER]
    for key in keys:
        spec = specs[key]
        sheet.put(spec.name, parameters[key], spec.unit, spec.description)
    shape = effective_shape(str(parameters["user.WindTurbineShape"]),
                            float(parameters["magnafpm.RotorDiskRadius"]))
    sheet.put("CalculatedWindTurbineShape", shape, NONE,
              "Frame shape the design is built as (T, H or Star).")
    return sheet.cells()
