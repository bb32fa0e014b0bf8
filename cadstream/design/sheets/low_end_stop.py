"""The ``LowEndStop`` sheet: the stop plate on the outer hinge that rests against the yaw pipe.

The stop's plane cuts the yaw pipe in an ellipse. Turned so the stop lies over the x axis and
squeezed along x by the ellipse's axis ratio, that becomes a circle, where the tangent from the
stop's pivot is a 2-D construction; undoing both steps gives the contact point, hence the
plate's angle and length. The plate's planes are then handed to the high end stop.
"""

from __future__ import annotations

import math

from cadstream.design.arith import acos
from cadstream.design.cells import ANGLE, MM, NONE, Cell, Cells, SheetBuilder
from cadstream.design.vectors import Placement, Vector

__all__ = ["compute"]


def _inputs(s: SheetBuilder, v: Cells) -> None:
    s.copy(v, "Spreadsheet.FlatMetalThickness", "Spreadsheet.YawPipeDiameter",
           "Spreadsheet.CalculatedWindTurbineShape", "Spreadsheet.VerticalPlaneAngle")
    s.put("CanSideExtendToMiddleOfYawBearingPipe",
          v.flag("YawBearing.CanSideExtendToMiddleOfYawBearingPipe"), NONE,
          "Whether the yaw bearing's side piece reaches the pipe middle.")
    s.copy(v, "Tail.TailBoomTriangularBraceWidth", "Tail.OuterTailHingeParentPlacement",
           "Tail.TailAssemblyAngle", "Tail.HingeOuterPipeRadius")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("LowEndStop")
    _inputs(s, v)
    fmt = v.num("Spreadsheet.FlatMetalThickness")
    pipe_d = v.num("Spreadsheet.YawPipeDiameter")
    outer_r = v.num("Tail.HingeOuterPipeRadius")
    hinge = v.placement("Tail.OuterTailHingeParentPlacement")
    pipe_r = s.put("YawPipeRadius", pipe_d / 2, MM, "Yaw pipe radius.")
    stop_z = s.put("LowEndStopZ", v.num("Tail.TailBoomTriangularBraceWidth") - fmt, MM,
                   "Stop height on the outer hinge pipe, under the brace.")
    base = s.put("LowEndStopBase", Vector(0, 0, stop_z), MM, "Stop pivot on the outer hinge.")
    outer_width = s.put("OuterLowEndStopWidth", outer_r * 0.5, MM,
                        "Stop width beyond the hinge pipe.")
    overlap = s.put("LowEndStopYawBearingOverlap", math.floor(pipe_d / 6), MM,
                    "Stop length cut away by the yaw pipe.")
    s.put("LowEndStopWidth", outer_r + outer_width, MM, "Stop width from the hinge axis.")
    unturned = s.put("LowEndStopTailAssemblyPlacementAxisAligned", hinge * Placement(base), NONE,
                     "Stop frame in the tail assembly before its own turn.")
    local = _tangent_point_local(s, unturned, hinge.apply(base),
                                 v.num("Tail.TailAssemblyAngle"), pipe_r)
    stop = _angle_and_length(s, base, local, v.text("Spreadsheet.CalculatedWindTurbineShape"),
                             v.flag("YawBearing.CanSideExtendToMiddleOfYawBearingPipe"))
    _planes(s, hinge * stop, overlap)
    return s.cells()


def _tangent_point_local(s: SheetBuilder, unturned: Placement, pivot: Vector, assembly_angle: float,
                         pipe_r: float) -> Vector:
    """Where the stop plane touches the yaw pipe, in the stop's unturned frame."""
    s.put("LowEndStopTailAssemblyBase", pivot, MM, "Stop pivot in the tail assembly.")
    align = s.put("AlignLowEndStopWithXAxis", Placement.of(Vector(), Vector(0, 0, 1),
                                                           assembly_angle), NONE,
                  "Turn bringing the stop over the x axis.")
    aligned = s.put("LowEndStopTailAssemblyBaseAxisAligned", align.apply(pivot), MM,
                    "Stop pivot after that turn.")
    normal = s.put("Vn", (align.rotation * unturned.rotation).apply(Vector(0, 0, 1)), NONE,
                   "Normal of the stop plane after that turn.")
    d = s.put("LowEndStopPlaneDistance", normal.dot(aligned), MM, "Stop plane: Vn · p = d.")
    zero_z = s.put("ZeroAngleZ", (d - normal.x * pipe_r) / normal.z, MM,
                   "Plane height on the pipe at +x.")
    pi_z = s.put("PiAngleZ", (d + normal.x * pipe_r) / normal.z, MM,
                 "Plane height on the pipe at -x.")
    zero_point = s.put("ZeroAnglePoint", Vector(pipe_r, 0, zero_z), MM, "Ellipse vertex at +x.")
    pi_point = s.put("PiAnglePoint", Vector(-pipe_r, 0, pi_z), MM, "Ellipse vertex at -x.")
    major = s.put("MajorAxis", zero_point - pi_point, MM, "Major axis of the ellipse.")
    semi_major = s.put("SemiMajorAxisLength", major.length / 2, MM, "Semi-major axis length.")
    down = s.put("XDownScaleFactor", pipe_r / semi_major, NONE,
                 "x squeeze turning the ellipse into the pipe circle.")
    x0 = s.put("ScaledDownLowEndStopX", aligned.x * down, MM, "Squeezed stop pivot x.")
    slope = s.put("SlopeOfTangentLine", pipe_r / math.sqrt(-(pipe_r**2) + x0**2), NONE,
                  "Slope of the tangent from the pivot to the circle.")
    tx = s.put("TangentPointX2d", slope * pipe_r / math.sqrt(1 + slope**2), MM,
               "Tangency x on the circle.")
    ty = s.put("TangentPointY2d", slope * tx - pipe_r * math.sqrt(1 + slope**2), MM,
               "Tangency y on the circle.")
    up = s.put("XUpScaleFactor", 1 / down, NONE, "Undoes the x squeeze.")
    x = s.put("TangentPointX", up * tx, MM, "Tangency x on the ellipse.")
    z = s.put("TangentPointZ", (d - normal.x * x) / normal.z, MM, "Tangency z on the stop plane.")
    aligned_point = s.put("AxisAlignedTangentPoint", Vector(x, ty, z), MM,
                          "Contact point, stop over the x axis.")
    point = s.put("TangentPoint", align.inverse().apply(aligned_point), MM,
                  "Contact point in the tail assembly.")
    return unturned.inverse().apply(point)


def _angle_and_length(s: SheetBuilder, base: Vector, local: Vector, shape: str,
                      can_side_reach: bool) -> Placement:
    """Turn the stop onto the contact point; lengthen it a little so it overlaps the pipe."""
    long_end = s.put("VectorTowardsLongEnd", Vector(0, -1, 0), NONE,
                     "Direction the stop extends, in its own frame.")
    s.put("TangentPointLowEndStopLocal", local, MM, "Contact point in the unturned stop frame.")
    angle = s.put("LowEndStopAngle",
                  acos(local.dot(long_end) / (local.length * long_end.length)), ANGLE,
                  "Stop turn about the hinge to reach the pipe.")
    stop = s.put("LowEndStopPlacement", Placement.of(base, Vector(0, 0, -1), angle), NONE,
                 "Stop on the outer hinge pipe.")
    factor = s.put("LowEndStopLengthScaleFactor",
                   1.15 if shape == "T" else (1 if can_side_reach else 1.1), NONE,
                   "Extra length; kept short of the yaw bearing's side piece.")
    s.put("LowEndStopLength", local.length * factor, MM, "Stop plate length.")
    return stop


def _planes(s: SheetBuilder, stop: Placement, overlap: float) -> None:
    """The stop's left edge and lower face as planes ``n · p + d = 0`` in the tail assembly."""
    towards_high = s.put("VectorTowardsHighEndStop", Vector(-1, 0, 0), NONE,
                         "Towards the high end stop, in the stop's frame.")
    s.put("LowEndStopTailAssemblyPlacement", stop, NONE, "Stop in the tail assembly.")
    corner = s.put("LowEndStopBottomLeftPoint", stop.apply(Vector(-overlap, 0, 0)), MM,
                   "Stop's lower corner nearest the high end stop.")
    left = s.put("LeftPerpendicularLowEndStopPlaneNormalVector",
                 stop.rotation.apply(towards_high), NONE, "Normal of the stop's left edge plane.")
    s.put("LeftPerpendicularLowEndStopPlaneDistance", -left.dot(corner), MM,
          "Offset of the stop's left edge plane.")
    lower = s.put("LowerLowEndStopPlaneNormalVector", stop.rotation.apply(Vector(0, 0, 1)), NONE,
                  "Normal of the stop's lower face.")
    s.put("LowerLowEndStopPlaneDistance", -lower.dot(corner), MM,
          "Offset of the stop's lower face plane.")
