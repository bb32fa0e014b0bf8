"""The ``YawBearing`` sheet: yaw pipe length estimate, plates and the extended (H/Star) top bar.

The small (T) bearing is two plates; the extended one is a 45° top flat bar stiffened by a side
piece, sized so the bar reaches the alternator frame's channel sections despite the 4° tilt.
"""

from __future__ import annotations

import math

from cadstream.design.arith import atan, cos, sin, tan
from cadstream.design.cells import ANGLE, MM, NONE, Cell, Cells, SheetBuilder
from cadstream.design.vectors import Vector

__all__ = ["compute", "rotor_disk_radius_from_blade_rotor_diameter"]

_TOP_ANGLE = 45.0


def rotor_disk_radius_from_blade_rotor_diameter(rotor_diameter: float) -> float:
    """Exponential fit of generator size to blade diameter over the book's designs."""
    return 174.97 * math.exp(0.23 * (rotor_diameter / 1000)) / 2


def _inputs(s: SheetBuilder, v: Cells) -> None:
    for name in ("YawPipeDiameter", "FlatMetalThickness", "MetalLengthL", "Offset",
                 "RotorDiskRadius"):
        s.copy(v, f"Spreadsheet.{name}")
    s.copy(v, "Spreadsheet.CalculatedWindTurbineShape", "Spreadsheet.RotorDiameter",
           "Alternator.AlternatorTiltAngle", "Alternator.I")


def _pipe_and_plates(s: SheetBuilder, shape: str, rotor_diameter: float) -> tuple[float, float]:
    """Projected yaw pipe length and wire hole radius; returns (projected length, hole radius)."""
    factor = s.put("YawPipeScaleFactor", 0.95 if shape == "T" else 0.9, NONE,
                   "Yaw pipe length per generator diameter.")
    radius = s.put("RotorDiskRadiusFromBladeRotorDiameter",
                   rotor_disk_radius_from_blade_rotor_diameter(rotor_diameter), MM,
                   "Generator radius expected for this blade diameter.")
    projected = s.put("YawPipeProjectedLength", radius * factor * 2, MM,
                      "Yaw pipe length before the safety catch is fitted.")
    s.put("YawBearingPlateCornerChamferLength", 10, MM, "Chamfer on the plate corners.")
    hole = s.put("YawBearingPlateTopHoleRadius", 10 if shape == "T" else 17.5, MM,
                 "Radius of the wire hole in the top plate.")
    return projected, hole


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("YawBearing")
    _inputs(s, v)
    shape = v.text("Spreadsheet.CalculatedWindTurbineShape")
    pipe_d = v.num("Spreadsheet.YawPipeDiameter")
    fmt = v.num("Spreadsheet.FlatMetalThickness")
    metal_l = v.num("Spreadsheet.MetalLengthL")
    offset = v.num("Spreadsheet.Offset")
    projected, hole_radius = _pipe_and_plates(s, shape, v.num("Spreadsheet.RotorDiameter"))

    side_width = s.put("SideWidth", projected * 0.25, MM,
                       "Width of the side piece stiffening the top bar.")
    top_angle = s.put("TopAngle", _TOP_ANGLE, ANGLE, "Angle of the top bar's end.")
    gamma = s.put("Gamma", tan(v.num("Alternator.AlternatorTiltAngle")) * side_width, MM,
                  "Overhang the alternator tilt adds along the side width.")
    delta = s.put("Delta", cos(top_angle) * fmt, MM, "Flat bar thickness across the 45° end.")
    epsilon = s.put("Epsilon", delta * 2, MM, "Twice Delta.")
    overhang = s.put("TopFrameJunctionOverhangDistance", epsilon + gamma, MM,
                     "How far the top bar passes the frame junction.")
    m_hypotenuse = s.put("Mhypotenuse", metal_l * 2 + overhang, MM,
                         "Top bar diagonal across both channel legs.")
    pipe_r = s.put("YawPipeRadius", pipe_d / 2, MM, "Yaw pipe radius.")
    m_adjacent = s.put("Madjacent", cos(top_angle) * m_hypotenuse, MM,
                       "Top bar width from the frame.")
    mm = s.put("MM", pipe_d if m_adjacent < pipe_d else m_adjacent, MM,
               "Top bar width (book M), at least the pipe diameter.")
    mm_hypotenuse = s.put("MMhypotenuse", math.hypot(mm, mm), MM, "Diagonal of an MM square.")
    ratio = s.put("AlternatorCenterRatio", (metal_l * 2 - overhang) / 2 / mm_hypotenuse, NONE,
                  "Where the alternator centre falls along the bar's width.")
    length = s.put("L", pipe_r + offset / cos(top_angle) + ratio * mm, MM,
                   "Top bar length (book L).")
    s.put("LargeYawBearingXOffset", overhang / 2, MM, "Shift of the extended bearing on the frame.")
    _side(s, pipe_d, pipe_r, fmt, mm, length, overhang, side_width, top_angle)
    _arc_wire_support(s, shape, fmt, pipe_r, v.num("Alternator.I"), mm / 2, hole_radius)
    s.placement("ExtendedTop", Vector(-pipe_r, fmt, -mm / 2), Vector(0, 0, 1), 0,
                  "Top bar in the extended bearing")
    return s.cells()


def _side(s: SheetBuilder, pipe_d: float, pipe_r: float, fmt: float, mm: float, length: float,
          overhang: float, side_width: float, top_angle: float) -> None:
    """Side piece under the top bar: reaches the pipe's middle when the bar is wide enough."""
    can = s.put("CanSideExtendToMiddleOfYawBearingPipe", (mm - pipe_d) / 2 > fmt, NONE,
                "Whether the side piece fits beside the pipe up to its middle.")
    half_width = s.put("HalfWidth", mm / 2, MM, "Half the top bar width.")
    top_gap = s.put("DistanceBetweenTopAndPipe", half_width - pipe_r, MM,
                    "Top bar edge beyond the pipe.")
    side_gap = s.put("DistanceBetweenSideAndPipe", top_gap - fmt if can else 0, MM,
                     "Gap between side piece and pipe.")
    av = s.put("AV", fmt - top_gap if fmt - top_gap > 0 else fmt, MM,
               "Depth the side piece reaches into the pipe circle.")
    vo = s.put("VO", pipe_r - av, MM, "Pipe centre to the side piece face.")
    side_x = s.put("SideX", 0 if can else math.sqrt(pipe_r**2 - vo**2), MM,
                   "Side piece x: where it meets the pipe.")
    s.put("SideY", -side_width, MM, "Side piece y.")
    s.put("SideZ", -half_width + side_gap, MM, "Side piece z.")
    adj = s.put("Adj", length - mm - pipe_r, MM, "Bar length left beyond the pipe.")
    extends = s.put("DistanceSideExtendsFromFrameAtJunction",
                    overhang - math.hypot(side_gap, side_gap), MM,
                    "Side piece reach past the frame junction.")
    eta = s.put("Eta", math.hypot(extends, extends), MM, "That reach along the 45° end.")
    theta = s.put("Theta", eta - fmt, MM, "Extension of the side from top bar to frame.")
    side_angle = s.put("SideYAngle", atan(side_gap / adj), ANGLE,
                       "Side piece tilt when it reaches the pipe middle.")
    hyp = s.put("Hyp", math.hypot(side_gap, adj), MM, "Tilted side piece run.")
    iota = s.put("Iota", fmt * tan(top_angle - side_angle), MM, "Pipe end allowance.")
    kappa = s.put("Kappa", fmt / sin(top_angle + side_angle), MM, "Frame end allowance.")
    lam = s.put("Lambda", overhang - kappa, MM, "Overhang left after Kappa.")
    zeta = s.put("Zeta", lam / cos(top_angle + side_angle), MM, "That overhang along the side.")
    s.put("SideLength", hyp + iota + zeta if can else adj - side_x + side_gap + theta, MM,
          "Side piece length (book P).")


def _arc_wire_support(s: SheetBuilder, shape: str, fmt: float, pipe_r: float, i: float,
                      half_width: float, hole_radius: float) -> None:
    """Arc bar guiding the wires out of the top plate's hole."""
    s.put("ArcWireSupportThickness", 5, MM, "Arc wire support thickness.")
    width = s.put("ArcWireSupportWidth", fmt, MM, "Arc wire support width.")
    hole_y = s.put("Hole_y", pipe_r + i, MM, "Wire hole position on the T top plate.")
    small = s.put("ArcWireSupportSmallLength", hole_y - hole_radius, MM,
                  "Arc wire support length on the T plate.")
    large = s.put("ArcWireSupportLargeLength", half_width * math.sqrt(2) - hole_radius - width / 2,
                  MM, "Arc wire support length on the extended top bar.")
    s.put("ArcWireSupportLength", small if shape == "T" else large, MM,
          "Arc wire support length.")
