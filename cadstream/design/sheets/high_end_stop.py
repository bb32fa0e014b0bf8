"""The ``HighEndStop`` sheet: maximum furl angle, high end stop, safety catch, yaw pipe length.

The tail may furl about the hinge axis until it is 5° short of the blade plane: the boom's end
sweeps a circle, and the furl limit is where that circle crosses the limiting vertical plane. At
that furl the high end stop must touch the yaw pipe, which sizes the stop and places the safety
catch; the yaw pipe is lengthened if the catch would not fit. Finally the stop is widened until
it meets the low end stop of the unfurled tail. All in the tail assembly's frame.
"""

from __future__ import annotations

import math

from cadstream.design.arith import acos, cos, sin
from cadstream.design.cells import ANGLE, MM, NONE, Cell, Cells, SheetBuilder
from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = ["compute"]

_ANGLE_BETWEEN_TAIL_AND_ROTOR = 5
_SAFETY_CATCH_Z_PADDING = 12
_QUARTER_TURNS = (0, 90, 180, 270)


def _inputs(s: SheetBuilder, v: Cells) -> None:
    for name in ("FlatMetalThickness", "BoomPipeDiameter", "YawPipeDiameter"):
        s.copy(v, f"Spreadsheet.{name}")
    s.copy(v, "Spreadsheet.VerticalPlaneAngle", "Spreadsheet.HorizontalPlaneAngle",
           "Spreadsheet.BoomLength", "YawBearing.YawPipeProjectedLength",
           "Tail.TailHingeJunctionChamfer", "Tail.OuterTailHingeParentPlacement",
           "Tail.TailPlacement", "Tail.OuterTailHingeBase", "Tail.TailAssemblyPlacement",
           "Tail.HingeOuterPipeDiameter")
    for name, what in (("LeftPerpendicularLowEndStopPlane", "left edge"),
                       ("LowerLowEndStopPlane", "lower face")):
        s.put(f"{name}NormalVector", v.vector(f"LowEndStop.{name}NormalVector"), NONE,
              f"Normal of the low end stop's {what}.")
        s.put(f"{name}Distance", v.num(f"LowEndStop.{name}Distance"), MM,
              f"Offset of the low end stop's {what} plane.")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("HighEndStop")
    _inputs(s, v)
    vpa = v.num("Spreadsheet.VerticalPlaneAngle")
    fmt = v.num("Spreadsheet.FlatMetalThickness")
    assembly = v.placement("Tail.TailAssemblyPlacement")
    hinge_base = v.vector("Tail.OuterTailHingeBase")
    furl_axis = s.put("FurlAxis", Vector(sin(vpa), 0, cos(vpa)), NONE,
                      "Hinge axis the tail furls about.")
    pipe_r = s.put("YawPipeRadius", v.num("Spreadsheet.YawPipeDiameter") / 2, MM,
                   "Yaw pipe radius.")
    boom_r = s.put("BoomPipeRadius", v.num("Spreadsheet.BoomPipeDiameter") / 2, MM,
                   "Boom pipe radius.")
    boom_vane = s.placement("TailBoomVaneAssembly", Vector(), Vector(0, 1, 0), 90,
                              "Boom and vane in the tail")
    stop = s.placement("HighEndStop", Vector(fmt / 2, boom_r, 0), Vector(0, 1, 0), -90,
                         "High end stop on the boom")
    boom_end = s.placement("EndOfBoom", Vector(0, 0, v.num("Spreadsheet.BoomLength")),
                             Vector(0, 1, 0), -90, "End of the boom")
    tail = s.put("TailBoomVaneAssemblyParentPlacement",
                 v.placement("Tail.TailPlacement") * boom_vane, NONE,
                 "Boom and vane in the tail assembly's hinge frame.")
    slope, x_intercept, plane_normal = _maximum_furl_plane(
        s, v.placement("Tail.OuterTailHingeParentPlacement").base)
    furl_angle = _maximum_furl_angle(s, assembly, tail * boom_end, furl_axis, hinge_base, slope,
                                     x_intercept, plane_normal)
    furl = s.put("FurlRotation", Rotation.about(furl_axis, furl_angle), NONE,
                 "Tail turn at maximum furl.")
    furl_turn = _about_hinge(s, furl, hinge_base)
    _furled_stop_and_yaw_pipe(s, assembly * furl_turn * tail * stop, pipe_r, fmt,
                              v.num("YawBearing.YawPipeProjectedLength"))
    _extension_to_low_end_stop(s, v, assembly * tail * stop, fmt)
    return s.cells()


def _maximum_furl_plane(s: SheetBuilder, hinge: Vector) -> tuple[float, float, Vector]:
    """Vertical plane ``x = slope·y + xIntercept`` through the hinge, 5° off the blade plane."""
    margin = s.put("AngleBetweenTailAndRotor", _ANGLE_BETWEEN_TAIL_AND_ROTOR, ANGLE,
                   "Closest the furled tail may come to the blade plane.")
    py = s.put("Py", hinge.x * cos(90 - margin) + hinge.y, MM,
               "Second point on the furl limit plane, y.")
    px = s.put("Px", -1 * hinge.x * sin(90 - margin) + hinge.x, MM,
               "Second point on the furl limit plane, x.")
    slope = s.put("slope", (px - hinge.x) / (py - hinge.y), NONE, "dx/dy of the furl limit plane.")
    x_intercept = s.put("xIntercept", px - slope * py, MM, "x of the furl limit plane at y = 0.")
    normal = s.put("NormalVectorOfMaximumFurlPlane", Vector(-1, slope, 0), NONE,
                   "Normal of the furl limit plane.")
    return slope, x_intercept, normal


def _about_hinge(s: SheetBuilder, rotation: Rotation, hinge_base: Vector) -> Placement:
    """Placement turning by ``rotation`` about the hinge base (declares ``TailFurlBase``)."""
    base = s.put("TailFurlBase", hinge_base - rotation.apply(hinge_base), MM,
                 "Translation keeping the hinge fixed at maximum furl.")
    return s.put("TailFurlPlacement", Placement(base, rotation), NONE,
                 "Tail turn about the hinge at maximum furl.")


def _maximum_furl_angle(s: SheetBuilder, assembly: Placement, tail_end: Placement,
                        furl_axis: Vector, hinge_base: Vector, slope: float, x_intercept: float,
                        plane_normal: Vector) -> float:
    """Furl at which the boom end, sweeping its circle, reaches the furl limit plane."""
    rotations = [s.put(f"EndOfBoom{a}Rotation", Rotation.about(furl_axis, a), NONE,
                       f"Furl of {a}° about the hinge.") for a in _QUARTER_TURNS]
    turns = [s.put(f"EndOfBoom{a}Placement", Placement(hinge_base - r.apply(hinge_base), r), NONE,
                   f"Furl of {a}° about the hinge base.")
             for a, r in zip(_QUARTER_TURNS, rotations, strict=True)]
    ends = [s.put(f"FurledEndOfBoom{a}Placement", assembly * turn * tail_end, NONE,
                  f"Boom end furled {a}°.").base
            for a, turn in zip(_QUARTER_TURNS, turns, strict=True)]
    axis1 = s.put("Axis1", ends[2] - ends[0], MM, "Boom end circle diameter, 0° to 180°.")
    axis2 = s.put("Axis2", ends[3] - ends[1], MM, "Boom end circle diameter, 90° to 270°.")
    cross = s.put("Vg", axis1.cross(axis2), NONE, "Normal of the boom end circle's plane.")
    vh = s.put("Vh", cross / cross.length, NONE, "Unit normal of that plane.")
    d = s.put("BoomRotationPlaneDistance", -vh.dot(ends[0]), MM,
              "Offset of the boom end circle's plane.")
    center = s.put("CenterOfSphere", ends[0] + axis1 / 2, MM, "Centre of the boom end circle.")
    radius = s.put("Radius", axis1.length / 2, MM, "Radius of the boom end circle.")
    x0 = s.put("xLineOrigin", center.x - radius * 1.1, MM, "Start of the planes' line, x.")
    y0 = s.put("yLineOrigin", (x0 - x_intercept) / slope, MM, "Start of the planes' line, y.")
    z0 = s.put("zLineOrigin", -(d + vh.x * x0 + vh.y * y0) / vh.z, MM,
               "Start of the planes' line, z.")
    origin = s.put("LineOrigin", Vector(x0, y0, z0), MM,
                   "Point on both the circle's plane and the furl limit plane.")
    direction = s.put("DirectionVector", vh.cross(plane_normal), NONE,
                      "Direction of the two planes' intersection.")
    unit = s.put("NormalizedDirectionVector", direction / direction.length, NONE,
                 "Unit direction of that line.")
    t_closest = s.put("ValueOfTForPointOnLineClosestToCenterOfSphere",
                      (center - origin).dot(unit), MM, "Line parameter nearest the centre.")
    closest = s.put("PointOnLineClosestToCenterOfSphere", origin + unit * t_closest, MM,
                    "Line point nearest the centre.")
    y_vector = s.put("yVector", center - closest, MM, "Centre from that point.")
    y_distance = s.put("yDistance", y_vector.length, MM, "Distance of the line from the centre.")
    x_distance = s.put("xDistance", math.sqrt(radius**2 - y_distance**2), MM,
                       "Half chord the line cuts from the circle.")
    t_far = s.put("ValueOfTForFarthestIntersectionPoint", t_closest + x_distance, MM,
                  "Line parameter of the far crossing.")
    farthest = s.put("FarthestIntersectionPoint", origin + unit * t_far, MM,
                     "Boom end at maximum furl.")
    chord = s.put("dVector", farthest - ends[0], MM, "Boom end travel, unfurled to maximum furl.")
    distance = s.put("dDistance", chord.length, MM, "Chord of that travel.")
    return s.put("MaximumFurlAngle", acos(1 - distance**2 / (2 * radius**2)), ANGLE,
                 "Largest furl before the tail nears the blades.")


def _furled_stop_and_yaw_pipe(s: SheetBuilder, furled: Placement, pipe_r: float, fmt: float,
                              projected: float) -> None:
    """High end stop width/length from its contact with the yaw pipe at maximum furl."""
    s.put("FurledHighEndStopTailAssemblyPlacement", furled, NONE,
          "High end stop at maximum furl.")
    boom_dir = s.put("HighEndStopBoomDirectionVector", furled.rotation.apply(Vector(1, 0, 0)),
                     NONE, "Stop's length direction, furled.")
    yaw_dir = s.put("HighEndStopYawBearingDirectionVector",
                    furled.rotation.apply(Vector(0, 1, 0)), NONE,
                    "Stop's width direction, towards the yaw pipe.")
    normal = s.put("Vn", furled.rotation.apply(Vector(0, 0, 1)), NONE,
                   "Normal of the furled stop plane.")
    d = s.put("FurledHighEndStopPlaneDistance", normal.dot(furled.base), MM,
              "Furled stop plane: Vn · p = d.")
    angle_y = s.put("AngleBetweenYAxisAndHighEndStop", acos(boom_dir.y), ANGLE,
                    "Stop's length direction from the y axis.")
    tangent = s.put("TangentAngle", 360 - angle_y, ANGLE, "Contact angle around the yaw pipe.")
    z = s.put("TangentAngleZ", (d - normal.x * pipe_r * cos(tangent)
                                - normal.y * pipe_r * sin(tangent)) / normal.z, MM,
              "Contact point z.")
    x = s.put("TangentAngleX", (d - normal.z * z - normal.y * pipe_r * sin(tangent)) / normal.x,
              MM, "Contact point x.")
    y = s.put("TangentAngleY", (d - normal.x * x - normal.z * z) / normal.y, MM, "Contact point y.")
    contact = s.put("YawBearingHighEndStopTangentPoint", Vector(x, y, z), MM,
                    "Where the furled stop touches the yaw pipe.")
    t = s.put("T_tangent", (x - furled.base.x) / boom_dir.x, MM,
              "Stop edge parameter level with the contact.")
    edge = s.put("HighEndStopPointWhereXEqualsTangent", furled.base + boom_dir * t, MM,
                 "Stop edge point level with the contact.")
    width_vector = s.put("HighEndStopWidthVector", contact - edge, MM, "Stop edge to contact.")
    width = s.put("HighEndStopWidth", width_vector.length, MM, "High end stop width.")
    corner = s.put("UpperBottomLeftCorner",
                   furled.apply(Vector(0, 0, fmt)) + yaw_dir * width, MM,
                   "Stop's upper corner by the hinge and the yaw pipe.")
    s.put("SafetyCatchAngle", angle_y - 90, ANGLE, "Safety catch turn to lie along the stop.")
    catch_width = s.put("SafetyCatchWidth", pipe_r * 1.67, MM, "Safety catch width.")
    s.put("SafetyCatchLength", width * 0.6, MM, "Safety catch length.")
    x_upper = s.put("Xupper", catch_width / 2, MM, "Safety catch edge x.")
    t_upper = s.put("Tupper", (x_upper - corner.x) / boom_dir.x, MM,
                    "Stop edge parameter at the catch edge.")
    catch = s.put("SafetyCatchPosition", corner + boom_dir * t_upper, MM,
                  "Where the furled stop passes the catch edge.")
    padding = s.put("SafetyCatchZPadding", _SAFETY_CATCH_Z_PADDING, MM, "Clearance above the stop.")
    catch_z = s.put("SafetyCatchZ", catch.z + padding, MM, "Safety catch height on the yaw pipe.")
    s.put("HighEndStopLength", (catch.x + 10 - furled.base.x) / boom_dir.x, MM,
          "Stop length: about 1 cm past the safety catch.")
    s.put("YawPipeLength", projected if catch_z <= projected - fmt else catch_z + fmt, MM,
          "Yaw pipe length, long enough for the safety catch.")


def _extension_to_low_end_stop(s: SheetBuilder, v: Cells, stop: Placement, fmt: float) -> None:
    """How far to widen the unfurled high end stop so it meets the low end stop."""
    outer_d = v.num("Tail.HingeOuterPipeDiameter")
    left_n = v.vector("LowEndStop.LeftPerpendicularLowEndStopPlaneNormalVector")
    left_d = v.num("LowEndStop.LeftPerpendicularLowEndStopPlaneDistance")
    lower_n = v.vector("LowEndStop.LowerLowEndStopPlaneNormalVector")
    lower_d = v.num("LowEndStop.LowerLowEndStopPlaneDistance")
    s.put("HighEndStopTailAssemblyPlacement", stop, NONE, "High end stop, tail unfurled.")
    bottom = s.put("HighEndStopBottomFrontRightPoint", stop.apply(Vector(-outer_d, 0, 0)), MM,
                   "Stop's lower front corner by the hinge.")
    top = s.put("HighEndStopTopFrontRightPoint", stop.apply(Vector(-outer_d, 0, fmt)), MM,
                "Stop's upper front corner by the hinge.")
    s.put("HighEndStopFrontRightVector", top - bottom, MM, "Across the stop's thickness.")
    t = s.put("TwhereHighEndStopFrontRightVectorAndLowerLowEndStopPlaneIntersect",
              -(lower_n.dot(bottom) + lower_d) / (lower_n.z * fmt), NONE,
              "Fraction of FMT up to the low end stop's lower face.")
    scale = s.put("ZScaleFactor", max(t, 0), NONE, "That fraction, not below the stop.")
    front = s.put("HighEndStopFrontRightPoint", bottom + Vector(0, 0, fmt) * scale, MM,
                  "Front corner level with the low end stop.")
    stop_n = s.put("HighEndStopPlaneNormalVector", stop.rotation.apply(Vector(0, 0, 1)), NONE,
                   "Normal of the stop plane.")
    stop_d = s.put("HighEndStopPlaneDistance", stop_n.dot(front) * -1, MM,
                   "Offset of the stop plane.")
    front_n = s.put("FrontPerpendicularHighEndStopPlaneNormalVector",
                    stop.rotation.apply(Vector(-1, 0, 0)), NONE, "Normal of the stop's front edge.")
    front_d = s.put("FrontPerpendicularHighEndStopPlaneDistance", front_n.dot(front) * -1, MM,
                    "Offset of the stop's front edge plane.")
    line = s.put("IntersectionVector", left_n.cross(stop_n), NONE,
                 "Direction where the low stop's edge meets the high stop's plane.")
    y0 = s.put("PointOnLineOfIntersectionY", -(left_d + left_n.z * -stop_d) / left_n.y, MM,
               "y of a point on that line (x = 0, stop plane taken as level).")
    origin = s.put("PointOnLineOfIntersection", Vector(0, y0, -stop_d), MM,
                   "A point on that line.")
    tq = s.put("TwherePlanesIntersect",
               (front_n.y * y0 + front_d) / (-front_n.x * line.x - front_n.y * line.y), NONE,
               "Line parameter at the stop's front edge.")
    meet = s.put("IntersectionPoint", origin + line * tq, MM,
                 "Where the widened stop meets the low end stop.")
    gap = s.put("HighEndToLowEndStopExtensionVector", meet - front, MM,
                "Front corner to that point.")
    s.put("HighEndStopWidthExtensionToLowEndStop", gap.length, MM,
          "Extra high end stop width reaching the low end stop.")
