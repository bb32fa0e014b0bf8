"""The ``Tail`` sheet: hinge pipes, junction, boom brace and where the tail sits when unfurled.

The inner hinge pipe is welded to the yaw pipe tilted by ``VerticalPlaneAngle``; the outer pipe
carrying boom and vane turns about it. Everything here is in the tail assembly's own frame, whose
placement in the turbine is ``TailAssemblyPlacement``.
"""

from __future__ import annotations

import math

from cadstream.design.arith import asin, cos, round_half_away, sin, tan
from cadstream.design.cells import ANGLE, MM, NONE, Cell, Cells, SheetBuilder
from cadstream.design.vectors import Rotation, Vector

__all__ = ["compute", "inner_hinge_pipe_picks"]

#: Standard pipe outside diameters, smallest first.
_PIPE_SIZES = (33.4, 42.2, 48.3, 60.3, 73.0, 88.9, 101.6, 114.3, 127.0, 141.3)
_DEFAULT_TAIL_ANGLE = 110
_BOOM_FROM_HINGE_TOP = 10


def inner_hinge_pipe_picks(outer_diameter: float) -> list[tuple[bool, float]]:
    """Picks for :meth:`SheetBuilder.cascade` choosing the next pipe size below ``outer_diameter``.

    In the reference's order (``Range8_inner`` first); the cascade starts from the largest size.
    """
    return [(outer_diameter <= _PIPE_SIZES[i + 1], _PIPE_SIZES[i])
            for i in range(len(_PIPE_SIZES) - 2, -1, -1)]


def _inputs(s: SheetBuilder, v: Cells) -> None:
    s.copy(v, "Spreadsheet.RotorDiskRadius", "Spreadsheet.BracketLength",
           "Spreadsheet.FlatMetalThickness", "Spreadsheet.CalculatedWindTurbineShape",
           "Spreadsheet.YawPipeDiameter", "Spreadsheet.VerticalPlaneAngle",
           "Spreadsheet.HorizontalPlaneAngle", "Spreadsheet.BoomLength",
           "Spreadsheet.BoomPipeDiameter")
    s.put("RotorDiskRadiusFromBladeRotorDiameter",
          v.num("YawBearing.RotorDiskRadiusFromBladeRotorDiameter"), MM,
          "Generator radius expected for the blade diameter.")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Tail")
    _inputs(s, v)
    vpa = v.num("Spreadsheet.VerticalPlaneAngle")
    fmt = v.num("Spreadsheet.FlatMetalThickness")
    boom_d = v.num("Spreadsheet.BoomPipeDiameter")
    shape = v.text("Spreadsheet.CalculatedWindTurbineShape")
    pipe_r = s.put("YawPipeRadius", v.num("Spreadsheet.YawPipeDiameter") / 2, MM,
                   "Yaw pipe radius.")
    boom_r = s.put("BoomPipeRadius", boom_d / 2, MM, "Boom pipe radius.")
    outer_r, inner_r, cover_offset, inner_length = _hinge_pipe_sizes(
        s, shape, v.num("Spreadsheet.YawPipeDiameter"),
        v.num("YawBearing.RotorDiskRadiusFromBladeRotorDiameter"))
    height, chamfer, inner_width = _junction(s, vpa, fmt, pipe_r, inner_r, inner_length)
    pipe_x, pipe_z = _inner_pipe_position(s, vpa, fmt, pipe_r, inner_r, height, chamfer,
                                          inner_width)
    outer_length = _outer_pipe_length(s, vpa, inner_length, pipe_z, height, cover_offset)
    _vane_bracket(s, v.num("Spreadsheet.BracketLength"))
    hinge_x, hinge_z = _outer_pipe_position(s, vpa, inner_length, outer_length, cover_offset,
                                            pipe_x, pipe_z)
    brace_width = _brace(s, shape, vpa, boom_d, outer_length, v.num("Spreadsheet.BoomLength"))
    hinge_base = Vector(hinge_x, 0, hinge_z)
    offset_hpa, tail_base, tail_angle = _tail_position(
        s, vpa, v.num("Spreadsheet.HorizontalPlaneAngle"), outer_r, boom_d, boom_r, outer_length,
        hinge_base, brace_width)
    _placements(s, vpa, chamfer, offset_hpa, hinge_base, tail_base, tail_angle)
    return s.cells()


def _hinge_pipe_sizes(s: SheetBuilder, shape: str, pipe_d: float,
                      generator_radius: float) -> tuple[float, float, float, float]:
    """Outer pipe is the yaw pipe size, inner one size smaller; length scales with the rotor.

    Returns the outer and inner radii, the length the inner pipe's cap adds and its length.
    """
    outer_d = s.put("HingeOuterPipeDiameter", pipe_d, MM, "Outer hinge pipe: the yaw pipe size.")
    outer_r = s.put("HingeOuterPipeRadius", outer_d / 2, MM, "Outer hinge pipe radius.")
    inner_d = s.cascade([f"Range{i}_inner" for i in range(8, 0, -1)] + ["HingeInnerPipeDiameter"],
                        inner_hinge_pipe_picks(outer_d), _PIPE_SIZES[-1], MM,
                        "Inner hinge pipe: one standard size below the outer.")
    inner_r = s.put("HingeInnerPipeRadius", inner_d / 2, MM, "Inner hinge pipe radius.")
    cover_t = s.put("HingeInnerPipeCoverThickness", 5, MM, "Cap on the inner hinge pipe.")
    show_cover = s.put("HingeInnerPipeDisplayCover", 0 if shape == "T" else 1, NONE,
                       "1 when the inner pipe is capped (not for T).")
    cover_offset = s.put("HingeInnerPipeCoverOffset", cover_t if show_cover == 1 else 0, MM,
                         "Length the cap adds.")
    inner_length = s.put("HingeInnerPipeLength", 0.8 * 2 * generator_radius, MM,
                         "Inner hinge pipe length.")
    return outer_r, inner_r, cover_offset, inner_length


def _vane_bracket(s: SheetBuilder, bracket_length: float) -> None:
    """Bolt hole layout of the brackets clamping the vane to the boom."""
    s.put("DistanceToFirstHole", bracket_length / 10, MM, "Bracket end to its first bolt hole.")
    s.put("DistanceBetweenHoles", bracket_length / 2, MM, "Spacing of the bracket's bolt holes.")
    s.put("VaneBracketAngle", 45, ANGLE, "Angle of the bracket's end.")


def _junction(s: SheetBuilder, vpa: float, fmt: float, pipe_r: float, inner_r: float,
              inner_length: float) -> tuple[float, float, float]:
    """Plates welding the tilted inner pipe to the yaw pipe; (height, chamfer, inner width)."""
    height = s.put("TailHingeJunctionHeight", inner_length / 3, MM,
                   "Junction plates' height on the hinge pipe.")
    hypotenuse = s.put("hypotenuse", (height - fmt) / cos(vpa), MM,
                       "Slanted junction side below its top plate.")
    inner_width = s.put("TailHingeJunctionInnerWidth",
                        math.sqrt(hypotenuse**2 - (height - fmt) ** 2), MM,
                        "Junction widening caused by the hinge tilt.")
    s.put("TailHingeJunctionFullWidth", pipe_r + inner_r + inner_width, MM,
          "Junction width from yaw pipe to hinge pipe.")
    chamfer = s.put("TailHingeJunctionChamfer", pipe_r / 2, MM, "Chamfer of the junction plates.")
    return height, chamfer, inner_width


def _inner_pipe_position(s: SheetBuilder, vpa: float, fmt: float, pipe_r: float, inner_r: float,
                         height: float, chamfer: float, inner_width: float) -> tuple[float, float]:
    """Inner pipe base once tilted about its own bottom centre; returns (x, z)."""
    adjacent = s.put("Adjacent", cos(vpa) * inner_r, MM, "Pipe radius projected after the tilt.")
    x_rotation = s.put("XRotationOffset", inner_r - adjacent, MM, "x shift the tilt causes.")
    bottom = s.put("JunctionBottom", height - fmt, MM, "Junction height below its top plate.")
    opposite = s.put("Opposite", tan(vpa) * bottom, MM, "Lean of the pipe over that height.")
    trig = s.put("TrigOffset", opposite + x_rotation, MM, "Total x correction for the tilt.")
    pipe_x = s.put("TailHingePipeX", pipe_r - chamfer + inner_width + inner_r - trig, MM,
                   "Inner hinge pipe x.")
    pipe_z = s.put("TailHingePipeZ", -inner_r * sin(vpa), MM, "Inner hinge pipe z.")
    return pipe_x, pipe_z


def _outer_pipe_length(s: SheetBuilder, vpa: float, inner_length: float, pipe_z: float,
                       height: float, cover_offset: float) -> float:
    """Outer pipe spans the inner one above the junction, less a small gap."""
    h1 = s.put("h1", -(pipe_z / cos(vpa)), MM, "Inner pipe below the junction base.")
    h2 = s.put("h2", height / cos(vpa), MM, "Inner pipe inside the junction.")
    gap = s.put("DistanceBetweenJunctionAndOuterHinge", 5, MM, "Gap above the junction.")
    return s.put("HingeOuterPipeLength", inner_length - h1 - h2 - gap + cover_offset, MM,
                 "Outer hinge pipe length.")


def _outer_pipe_position(s: SheetBuilder, vpa: float, inner_length: float, outer_length: float,
                         cover_offset: float, pipe_x: float, pipe_z: float) -> tuple[float, float]:
    """Outer pipe base: up the tilted inner pipe by the length it leaves uncovered."""
    rise = s.put("PipeHeightOffset", inner_length - outer_length + cover_offset, MM,
                 "Inner pipe length below the outer pipe.")
    xxx = s.put("XXX", sin(vpa) * rise, MM, "That length along x.")
    zzz = s.put("ZZZ", cos(vpa) * rise, MM, "That length along z.")
    hinge_x = s.put("OuterTailHingeXPosition", xxx + pipe_x, MM, "Outer hinge pipe x.")
    hinge_z = s.put("OuterTailHingeZPosition", zzz + pipe_z, MM, "Outer hinge pipe z.")
    return hinge_x, hinge_z


def _brace(s: SheetBuilder, shape: str, vpa: float, boom_d: float, outer_length: float,
           boom_length: float) -> float:
    """Triangular brace between boom and outer hinge pipe; returns its width along the pipe."""
    boom_hypotenuse = s.put("BoomPipeTailHingeHypotenuse", boom_d / sin(90 - vpa), MM,
                            "Boom diameter along the tilted hinge.")
    from_top = s.put("DistanceOfBoomFromTopOfOuterTailHinge", _BOOM_FROM_HINGE_TOP, MM,
                     "Boom below the hinge top.")
    half = s.put("HalfHingeOuterPipeLength", round_half_away(outer_length / 2), MM,
                 "Half the outer pipe, rounded.")
    below = s.put("DistanceOfOuterHingeBelowBoom", outer_length - from_top - boom_hypotenuse, MM,
                  "Outer pipe left below the boom.")
    t_width = s.put("TShapeTailBoomTriangularBraceWidth", min(half, below), MM,
                    "Brace width on a T turbine.")
    width = s.put("TailBoomTriangularBraceWidth", t_width if shape == "T" else below, MM,
                  "Brace width along the hinge pipe.")
    s.put("TailBoomTriangularBraceLength", boom_length / 3, MM, "Brace length along the boom.")
    return width


def _tail_position(s: SheetBuilder, vpa: float, hpa: float, outer_r: float, boom_d: float,
                   boom_r: float, outer_length: float, hinge_base: Vector,
                   brace_width: float) -> tuple[float, Vector, float]:
    """Boom root swung about the hinge axis to the low end stop.

    Returns 90° + HPA, the swung root and the swing angle.
    """
    default_angle = s.put("DefaultTailAngle", _DEFAULT_TAIL_ANGLE, ANGLE,
                          "Tail angle resting on the low end stop.")
    x_initial = s.put("TailXInitial", cos(vpa) * outer_r, MM, "Outer pipe wall x from its axis.")
    z_offset = s.put("TailZOffset", -sin(vpa) * outer_r, MM, "Outer pipe wall z from its axis.")
    unrotated_x = s.put("NonRotatedTailX", x_initial + hinge_base.x, MM, "Pipe wall x at its base.")
    truncated = s.put("OuterTailHingeTruncatedHypotenuse", outer_length - _BOOM_FROM_HINGE_TOP, MM,
                      "Outer pipe length up to the boom.")
    x_offset = s.put("OuterTailHingeXPositionOffset", cos(90 - vpa) * truncated, MM,
                     "That length along x.")
    negative_x = s.put("OuterTailHingeNegativeXOffset", boom_d / tan(90 - vpa), MM,
                       "x taken back by the boom's own diameter.")
    unrotated_z = s.put("NonRotatedTailZ", hinge_base.z - boom_r + z_offset, MM,
                        "Boom axis z at the pipe base.")
    z_offset_up = s.put("OuterTailHingeZPositionOffset", sin(90 - vpa) * truncated, MM,
                        "Outer pipe length up to the boom along z.")
    offset_hpa = s.put("OffsetHorizontalPlaneAngle", 90 + hpa, ANGLE,
                       "Hinge azimuth from the tail assembly's x axis.")
    point = Vector(s.put("PointX", unrotated_x + x_offset - negative_x, MM,
                         "Boom root x, unturned."),
                   s.put("PointY", 0, MM, "Boom root y, unturned."),
                   s.put("PointZ", unrotated_z + z_offset_up, MM, "Boom root z, unturned."))
    s.put("Point", point, MM, "Boom root before turning about the hinge.")
    center = Vector(s.put("CenterX", hinge_base.x, MM, "Hinge pivot x."),
                    s.put("CenterY", 0, MM, "Hinge pivot y."),
                    s.put("CenterZ", hinge_base.z, MM, "Hinge pivot z."))
    s.put("Center", center, MM, "Pivot the tail turns about.")
    axis = Vector(s.put("TailAxisX", sin(vpa), NONE, "Hinge axis x."),
                  s.put("TailAxisY", 0, NONE, "Hinge axis y."),
                  s.put("TailAxisZ", cos(vpa), NONE, "Hinge axis z."))
    s.put("TailAxisVector", axis, NONE, "Hinge (furl) axis.")
    angle = s.put("TailRotationAngle", offset_hpa - default_angle, ANGLE,
                  "Turn about the hinge to the low end stop.")
    rotation = s.put("TailRotationObject", Rotation.about(axis, angle), NONE,
                     "That turn as a rotation.")
    rotated = s.put("RotatedPoint", center + rotation.apply(point - center), MM,
                    "Boom root at the low end stop.")
    s.put("TailXPosition", rotated.x, MM, "Boom root x.")
    tail_y = s.put("TailYPosition", rotated.y, MM, "Boom root y.")
    s.put("TailZPosition", rotated.z, MM, "Boom root z.")
    s.put("TailBoomTriangularBraceZAxisAngle", asin(tail_y / brace_width), ANGLE,
          "Brace turn so it meets the swung boom.")
    return offset_hpa, rotated, angle


def _placements(s: SheetBuilder, vpa: float, chamfer: float, offset_hpa: float,
                hinge_base: Vector, tail_base: Vector, tail_angle: float) -> None:
    """Tail assembly in the turbine, outer hinge in the assembly, boom/vane on the hinge.

    The boom placement turns about z although its point was turned about the hinge axis, as in
    the reference.
    """
    assembly = s.placement("TailAssembly",
        Vector(chamfer * cos(offset_hpa), chamfer * sin(-offset_hpa), 0), Vector(0, 0, -1),
        offset_hpa, "Tail assembly at the yaw pipe")
    hinge = s.placement("OuterTailHinge", hinge_base, Vector(0, 1, 0), vpa,
                          "Outer hinge pipe in the tail assembly")
    s.placement("Tail", tail_base, Vector(0, 0, 1), tail_angle,
                  "Boom and vane on the outer hinge")
    s.put("OuterTailHingeParentPlacement", assembly * hinge, NONE,
          "Outer hinge pipe in the turbine's tail frame.")
