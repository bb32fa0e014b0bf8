"""The ``WindTurbine`` sheet: where yaw bearing, alternator and tail sit in the whole turbine.

The small (T) yaw bearing hangs below the frame; the extended (H/Star) one is turned -45° onto
the frame's channel sections. The alternator is then tilted 4° back about the yaw bearing, and
for H/Star the welder's distance "S" from the channel section top to the top bar is measured.
"""

from __future__ import annotations

from typing import NamedTuple

from cadstream.design.arith import cos, sin
from cadstream.design.cells import ANGLE, MM, Cell, Cells, SheetBuilder
from cadstream.design.vectors import Vector

__all__ = ["compute"]

#: 240° about (1, 1, 1) takes the tail assembly's x, y, z to the turbine's z, x, y. The axis is
#: written as the reference writes it; any positive multiple gives the same rotation.
_TAIL_LINK_AXIS = Vector(0.58, 0.58, 0.58)
_TAIL_LINK_ANGLE = 240


def _inputs(s: SheetBuilder, v: Cells) -> None:
    s.copy(v, "Spreadsheet.FlatMetalThickness", "Spreadsheet.CalculatedWindTurbineShape",
           "Spreadsheet.VerticalPlaneAngle", "Spreadsheet.HorizontalPlaneAngle")
    for name in ("Offset", "YawPipeDiameter", "MetalLengthL", "MetalThicknessL"):
        s.copy(v, f"Spreadsheet.{name}")
    s.copy(v, "Alternator.FrameZ")
    s.put("HShapeChannelSectionHeight", v.num("Alternator.HH"), MM, "H frame channel length (HH).")
    s.put("StarShapeChannelSectionHeight", v.num("Alternator.B"), MM,
          "Star frame channel length (B).")
    s.copy(v, "Alternator.AlternatorTiltAngle", "Alternator.AlternatorPlacement",
           "Alternator.FramePlacement", "Alternator.k", "YawBearing.TopAngle",
           "YawBearing.SideWidth", "YawBearing.LargeYawBearingXOffset",
           "YawBearing.ExtendedTopPlacement", "YawBearing.MM", "YawBearing.L",
           "HighEndStop.YawPipeLength")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("WindTurbine")
    _inputs(s, v)
    shape = v.text("Spreadsheet.CalculatedWindTurbineShape")
    is_t = shape == "T"
    fmt = v.num("Spreadsheet.FlatMetalThickness")
    tilt = v.num("Alternator.AlternatorTiltAngle")
    pipe_length = v.num("HighEndStop.YawPipeLength")
    pipe_r = s.put("YawPipeRadius", v.num("Spreadsheet.YawPipeDiameter") / 2, MM,
                   "Yaw pipe radius.")
    yaw_z = s.put("YawBearingZPosition", -v.num("Spreadsheet.Offset"), MM,
                  "Yaw axis offset from the alternator centre.")
    small = _small_yaw_bearing(s, v, pipe_r, pipe_length, fmt, yaw_z)
    large, channel = _large_yaw_bearing(s, v, shape, small, fmt, yaw_z, tilt)
    hinge = _tail_hinges(s, is_t, small, large, fmt, pipe_length)
    small_distance = s.put("SmallVerticalDistanceFromCenter", (pipe_length + fmt) / 2, MM,
                           "Small bearing below the hub centre.")
    large_distance = s.put("LargeVerticalDistanceFromCenter", large.base.y, MM,
                           "Extended bearing below the hub centre.")
    distance = s.put("VerticalDistanceFromCenter", small_distance if is_t else large_distance, MM,
                     "Yaw bearing below the hub centre.")
    x_offset = s.put("AlternatorXoffset", cos(90 - tilt) * distance, MM,
                     "Shift of the alternator centre from its tilt.")
    mount = small if is_t else large
    yaw_bearing = s.placement("YawBearing", mount.base, Vector(0, 1, 0), mount.angle,
                                "Yaw bearing in the turbine")
    x = mount.base.x
    alternator_link = s.placement(
        "AlternatorLink", Vector(x - x * cos(tilt) + x_offset, -sin(tilt) * x, 0),
        Vector(0, 0, 1), tilt, "Alternator tilted back about the yaw bearing")
    s.placement("TailAssemblyLink", hinge, _TAIL_LINK_AXIS, _TAIL_LINK_ANGLE,
                  "Tail assembly at the yaw pipe's foot")
    top = s.put("GlobalChannelSectionTopPoint",
                (alternator_link * v.placement("Alternator.AlternatorPlacement")
                 * v.placement("Alternator.FramePlacement")).apply(
                    Vector(-v.num("Spreadsheet.MetalLengthL"), -channel / 2, 0)), MM,
                "Top of the frame's channel section.")
    bottom = s.put("GlobalChannelSectionBottomPoint",
                   (yaw_bearing * v.placement("YawBearing.ExtendedTopPlacement")).apply(
                       Vector(v.num("YawBearing.L"), 0, v.num("YawBearing.MM"))), MM,
                   "Far corner of the yaw bearing's top bar.")
    gap = s.put("LengthFromTopOfChannelSectionToWeldTopBarVector", top - bottom, MM,
                "Top bar corner to channel section top.")
    s.put("LengthFromTopOfChannelSectionToWeldTopBar", gap.length, MM,
          "Welding distance S from the channel section top to the top bar (H/Star).")
    return s.cells()


class _Mount(NamedTuple):
    """A yaw bearing position and its turn about y."""

    base: Vector
    angle: float


def _small_yaw_bearing(s: SheetBuilder, v: Cells, pipe_r: float, pipe_length: float,
                       fmt: float, yaw_z: float) -> _Mount:
    """T plates hang from the frame's bottom channel; origin between pipe and top plate."""
    angle = s.put("SmallYawBearingAngle", 90, ANGLE, "Turn of the small bearing about y.")
    x = s.put("SmallYawBearingX",
              -v.num("Alternator.FrameZ") - pipe_r - v.num("Alternator.k")
              + v.num("Spreadsheet.MetalLengthL") - v.num("Spreadsheet.MetalThicknessL"), MM,
              "Small bearing x.")
    y = s.put("SmallYawBearingY", (pipe_length - fmt) / 2, MM, "Small bearing y.")
    z = s.put("SmallYawBearingZ", yaw_z, MM, "Small bearing z.")
    return _Mount(Vector(x, y, z), angle)


def _large_yaw_bearing(s: SheetBuilder, v: Cells, shape: str, small: _Mount, fmt: float,
                       yaw_z: float, tilt: float) -> tuple[_Mount, float]:
    """Extended bearing between the channel sections; returns it and the channel length."""
    metal_l = v.num("Spreadsheet.MetalLengthL")
    side_width = v.num("YawBearing.SideWidth")
    star_channel = v.num("Alternator.B")
    space = s.put("SpaceBetweenMiddleBracketAndTopEndBracket", star_channel / 2 - metal_l / 2, MM,
                  "Star frame: room between middle and end brackets.")
    adjustment = s.put("LargeYawBearingYAdjustment", (space - (side_width + fmt)) / 2, MM,
                       "Centres the side piece in that room.")
    star_y = s.put("LargeYawBearingYPreAlternatorTilt", metal_l / 2 + side_width + adjustment, MM,
                   "Star bearing y.")
    z = s.put("LargeYawBearingZPosition", yaw_z, MM, "Extended bearing z.")
    x = s.put("LargeYawBearingXPosition",
              z - v.num("Alternator.FrameZ") + v.num("YawBearing.LargeYawBearingXOffset"), MM,
              "Extended bearing x.")
    x_offset = s.put("YawBearingXOffset", small.base.x if shape == "T" else x, MM,
                     "Yaw bearing x for this shape.")
    s.put("AlternatorLinkYOffset", -sin(tilt) * x_offset, MM,
          "Alternator shift from its tilt, across.")
    is_star = shape == "Star"
    channel = s.put("ChannelSectionHeight", star_channel if is_star else v.num("Alternator.HH"),
                    MM, "Channel section length of this frame.")
    h_y = s.put("HShapeYawBearingY", channel * 0.25, MM, "H bearing y.")
    s.put("StarShapeYawBearingY", star_y, MM, "Star bearing y.")
    angle = s.put("LargeYawBearingAngle", -v.num("YawBearing.TopAngle"), ANGLE,
                  "Turn of the extended bearing about y.")
    base = Vector(s.put("LargeYawBearingX", x, MM, "Extended bearing x."),
                  s.put("LargeYawBearingY", star_y if is_star else h_y, MM, "Extended bearing y."),
                  s.put("LargeYawBearingZ", z, MM, "Extended bearing z."))
    return _Mount(base, angle), channel


def _tail_hinges(s: SheetBuilder, is_t: bool, small: _Mount, large: _Mount, fmt: float,
                 pipe_length: float) -> Vector:
    """Tail hinge at the yaw pipe's lower end, for either bearing; returns this shape's."""
    small_hinge = Vector(s.put("SmallTailHingeX", small.base.x, MM, "Tail hinge x, small bearing."),
                         s.put("SmallTailHingeY", -small.base.y - fmt, MM,
                               "Tail hinge y, small bearing."),
                         s.put("SmallTailHingeZ", small.base.z, MM, "Tail hinge z, small bearing."))
    large_hinge = Vector(s.put("LargeTailHingeX", large.base.x, MM,
                               "Tail hinge x, extended bearing."),
                         s.put("LargeTailHingeY", -(pipe_length - large.base.y), MM,
                               "Tail hinge y, extended bearing."),
                         s.put("LargeTailHingeZ", large.base.z, MM,
                               "Tail hinge z, extended bearing."))
    return small_hinge if is_t else large_hinge
