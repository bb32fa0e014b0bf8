"""The ``Blade`` sheet: the plywood hub plates, the blade template and the wood screws.

The blades are clamped between a back disk and a front triangle. Each blade's root is held on the
triangle by two lines of screws parallel to the triangle's edge, both starting on the *start ray*
from the triangle's centre at 270° − Alpha. The stretch at the start of a line that the blade's
trailing edge leaves uncovered (the line's *offset*) carries no screws, so a blade wider than the
minimum covers more of its lines and gets additional screws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from cadstream.design.arith import (
    acos,
    asin,
    atan,
    cos,
    round_down5,
    round_half_away,
    round_up3,
    sin,
)
from cadstream.design.cells import ANGLE, COUNT, MM, NONE, Cell, Cells, SheetBuilder, TypedValues
from cadstream.design.vectors import Vector

__all__ = ["LINES", "Line", "compute", "front_triangle_screws"]

Line = Literal["Inner", "Outer"]
LINES: tuple[Line, ...] = ("Inner", "Outer")

#: Birch plywood bands for the hub plates: (unrounded thickness below, sheet), ``Range7`` first.
_PLYWOOD_BANDS = ((28.5, 27), (25.5, 24), (22.5, 21), (19.5, 18), (16.5, 15), (13.5, 12),
                  (10.5, 9))
#: The top band; the reference means 30 mm (its text prints an enum name there on new Pythons).
_THICKEST_PLYWOOD = 30

#: Screws closer than this to the triangle's edge push both lines inward (inner line hidden).
_MINIMUM_OUTER_SCREW_EDGE_DISTANCE = 10

#: Direction (from +x) of the normal of each line of the first blade, as the reference sketches
#: it: the outer sketch holds 61° where the inner holds 60°, so the outer row starts 1° off.
_LINE_NORMAL: dict[Line, float] = {"Inner": 150, "Outer": 151}
#: Direction (from +x) both rows step along: parallel to the triangle's edge.
_ROW_DIRECTION = 60


def _plate_thickness_picks(unrounded: float) -> list[tuple[bool, float]]:
    """Picks for :meth:`SheetBuilder.cascade`, in the reference's order (``Range7`` first)."""
    return [(unrounded < limit, sheet) for limit, sheet in _PLYWOOD_BANDS]


@dataclass(frozen=True)
class _GammaTriangle:
    """Right triangle at the start of a screw line, beyond the blade's trailing edge.

    ``adjacent`` lies along the start ray, ``hypotenuse`` along the screw line.
    """

    adjacent: float
    hypotenuse: float
    opposite: float


def _gamma_triangle(beta_hypotenuse: float, distance_from_center: float,
                    gamma: float) -> _GammaTriangle:
    adjacent = max(beta_hypotenuse - distance_from_center, 0.0)
    hypotenuse = adjacent / cos(gamma)
    return _GammaTriangle(adjacent, hypotenuse, math.sqrt(hypotenuse**2 - adjacent**2))


@dataclass(frozen=True)
class _LineReach:
    """Where one screw line runs under a blade, for the actual and the minimum blade width."""

    beta_hypotenuse: float
    triangle_adjacent: float
    triangle_hypotenuse: float
    actual: _GammaTriangle
    minimum: _GammaTriangle


def _line_reach(distance: float, template_w: float, beta: float, gamma: float,
                distance_from_center: float, minimum_distance_from_center: float) -> _LineReach:
    """``distance`` is the line's distance from the triangle's centre."""
    beta_hypotenuse = distance / cos(beta)
    triangle_adjacent = beta_hypotenuse + template_w
    return _LineReach(
        beta_hypotenuse, triangle_adjacent, triangle_adjacent / cos(gamma),
        _gamma_triangle(beta_hypotenuse, distance_from_center, gamma),
        _gamma_triangle(beta_hypotenuse, minimum_distance_from_center, gamma))


@dataclass(frozen=True)
class _Angles:
    """Trailing-edge angles that extend each line's uncovered stretch, actual and minimum width."""

    epsilon: float
    zeta: float
    minimum_epsilon: float
    minimum_zeta: float


@dataclass(frozen=True)
class _LineScrews:
    """Screw count and spacing along one line."""

    addition: float
    minimum_addition: float
    offset: float
    minimum_offset: float
    offset_difference: float
    line_hypotenuse: float
    maximum_distance: float
    additional: float
    number: float
    distance_between: float
    line_length: float
    first_offset: float


def _line_screws(reach: _LineReach, minimum_screws: float, angles: _Angles) -> _LineScrews:
    """Spread the line's screws evenly over its covered length; add one per extra spacing gained.

    ``maximum_distance`` is the spacing with the minimum count; the offset the wider blade saves,
    divided by it and rounded, is the number of additional screws.
    """
    actual, minimum = reach.actual, reach.minimum
    addition = actual.opposite / sin(angles.zeta) * sin(angles.epsilon)
    minimum_addition = minimum.opposite / sin(angles.minimum_zeta) * sin(angles.minimum_epsilon)
    offset = actual.hypotenuse + addition
    minimum_offset = minimum.hypotenuse + minimum_addition
    offset_difference = minimum_offset - offset
    line_hypotenuse = reach.triangle_hypotenuse - offset
    maximum_distance = line_hypotenuse / (minimum_screws + 1)
    additional = round_half_away(offset_difference / maximum_distance)
    number = minimum_screws + additional
    distance_between = line_hypotenuse / (number + 1)
    return _LineScrews(
        addition, minimum_addition, offset, minimum_offset, offset_difference, line_hypotenuse,
        maximum_distance, additional, number, distance_between,
        line_hypotenuse - distance_between * 2, offset + distance_between)


def _put_lines(s: SheetBuilder, template: str, unit: str, description: str,
               inner: float, outer: float) -> None:
    """Declare a row's inner-line and outer-line cells; ``{}`` in the texts names the line."""
    for line, value in zip(LINES, (inner, outer), strict=True):
        s.put(template.format(line), value, unit, description.format(line.lower()))


def _put_gamma_triangles(s: SheetBuilder, prefix: str, width: str, inner: _GammaTriangle,
                         outer: _GammaTriangle) -> None:
    _put_lines(s, prefix + "{}ScrewGammaAdjacent", MM,
               f"Start-ray distance to the {{}} line beyond the trailing edge of {width}.",
               inner.adjacent, outer.adjacent)
    _put_lines(s, prefix + "{}ScrewGammaHypotenuse", MM,
               f"Uncovered stretch at the start of the {{}} line, {width}.",
               inner.hypotenuse, outer.hypotenuse)
    _put_lines(s, prefix + "{}ScrewGammaOpposite", MM,
               f"Third side of the {{}} line's uncovered triangle, {width}.",
               inner.opposite, outer.opposite)


def _put_reaches(s: SheetBuilder, inner: _LineReach, outer: _LineReach) -> None:
    _put_lines(s, "{}ScrewBetaHypotenuse", MM,
               "Distance from the centre along the start ray to the {} line.",
               inner.beta_hypotenuse, outer.beta_hypotenuse)
    _put_lines(s, "{}ScrewLineTriangle_Adjacent", MM,
               "Start-ray distance to the {} line plus template width W.",
               inner.triangle_adjacent, outer.triangle_adjacent)
    _put_lines(s, "{}ScrewLineTriangle_Hypotenuse", MM,
               "Length of the {} line across the blade root, uncovered part included.",
               inner.triangle_hypotenuse, outer.triangle_hypotenuse)
    _put_gamma_triangles(s, "", "the blade", inner.actual, outer.actual)
    _put_gamma_triangles(s, "Minimum", "a minimum-width blade", inner.minimum, outer.minimum)


def _put_screws(s: SheetBuilder, inner: _LineScrews, outer: _LineScrews) -> None:
    _put_lines(s, "{}ScrewHypotenuseAddition", MM,
               "Further uncovered length of the {} line up to the trailing edge.",
               inner.addition, outer.addition)
    _put_lines(s, "Minimum{}ScrewHypotenuseAddition", MM,
               "Further uncovered length of the {} line, minimum-width blade.",
               inner.minimum_addition, outer.minimum_addition)
    _put_lines(s, "{}ScrewHypotenuseOffset", MM,
               "Start of the {} line the blade leaves uncovered.", inner.offset, outer.offset)
    _put_lines(s, "Minimum{}ScrewHypotenuseOffset", MM,
               "Start of the {} line a minimum-width blade leaves uncovered.",
               inner.minimum_offset, outer.minimum_offset)
    _put_lines(s, "{}ScrewHypotenuseOffsetDifference", MM,
               "Length of the {} line gained over a minimum-width blade.",
               inner.offset_difference, outer.offset_difference)
    _put_lines(s, "{}ScrewLineHypotenuse", MM, "Covered length of the {} line.",
               inner.line_hypotenuse, outer.line_hypotenuse)
    _put_lines(s, "MaximumDistanceBetween{}Screws", MM,
               "Spacing of the minimum number of {} screws.",
               inner.maximum_distance, outer.maximum_distance)
    _put_lines(s, "NumberOfAdditional{}Screws", COUNT,
               "Screws added on the {} line for the extra blade width.",
               inner.additional, outer.additional)
    _put_lines(s, "NumberOf{}Screws", COUNT, "Screws per blade on the {} line.",
               inner.number, outer.number)
    _put_lines(s, "DistanceBetween{}Screws", MM, "Spacing of the screws on the {} line.",
               inner.distance_between, outer.distance_between)
    _put_lines(s, "{}ScrewLineLength", MM, "Span from the first to the last {} screw.",
               inner.line_length, outer.line_length)
    _put_lines(s, "First{}ScrewOffset", MM,
               "Distance along the {} line from its start to the first screw.",
               inner.first_offset, outer.first_offset)


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Blade")
    rotor_d = s.put("RotorDiameter", v.num("Spreadsheet.RotorDiameter"), MM,
                    "Diameter swept by the blades (input).")
    blade_width = s.put("BladeWidth", v.num("Spreadsheet.BladeWidth"), MM,
                        "Blade width at the root (input).")
    pitch_d = s.put("HubPitchCircleDiameter", v.num("Spreadsheet.HubPitchCircleDiameter"), MM,
                    "Pitch circle diameter of the wheel studs (input).")
    holes_d = s.put("HubHolesDiameter", v.num("Spreadsheet.HubHolesDiameter"), MM,
                    "Wheel stud diameter (input).")
    screw_hole_d = s.put("ScrewHoleDiameter", v.num("Fastener.ScrewHoleDiameter"), MM,
                         "Pilot hole diameter for the wood screws.")
    s.put("BladeTemplateThickness", 6, MM, "Thickness of the blade template plate.")
    pitch_r = s.put("HubPitchCircleRadius", pitch_d / 2, MM,
                    "Radius of the circle the wheel studs stand on.")
    holes_r = s.put("HubHolesRadius", holes_d / 2, MM, "Wheel stud radius.")
    screw_r = s.put("ScrewHoleRadius", screw_hole_d / 2, MM, "Pilot hole radius.")
    blade_r = s.put("BladeRadius", rotor_d / 2, MM, "Blade length from the rotor axis.")
    minimum_width = s.put("MinimumBladeWidth",
                          max(round_half_away(0.055 * rotor_d - 8), 95), MM,
                          "Narrowest recommended blade root.")
    s.put("BladeAssemblyBackDiskDiameter", max(round_half_away(0.106 * rotor_d - 3.121), 200),
          MM, "Diameter of the rear plywood disk.")
    side = s.put("BladeAssemblyFrontTriangleSideLength",
                 max(round_half_away(0.147 * rotor_d + 6.213), 274), MM,
                 "Side of the front plywood triangle.")
    s.put("BladeTemplateDim_V", max(round_half_away(0.086 * rotor_d - 10.669), 140), MM,
          "Blade template root dimension V.")
    template_w = s.put("BladeTemplateDim_W", round_half_away(0.018 * rotor_d + 12.986), MM,
                       "Blade template root dimension W.")
    unrounded_plate = s.put("UnroundedBladeAssemblyPlateThickness", 0.004 * rotor_d + 2.426, MM,
                            "Hub plate thickness before picking a plywood sheet.")
    plate_t = s.cascade(["Range7", "Range6", "Range5", "Range4", "Range3", "Range2",
                         "BladeAssemblyPlateThickness"],
                        _plate_thickness_picks(unrounded_plate), _THICKEST_PLYWOOD, MM,
                        "Hub plate thickness, the nearest birch plywood sheet.")
    total = s.put("TotalNumberOfBladeScrews", max(round_half_away(0.013 * rotor_d + 16.929), 42),
                  COUNT, "Wood screws holding the three blades, before rounding per plate.")
    unrounded_front = s.put("UnroundedMinimumNumberOfFrontTriangleScrews", total * 0.48, COUNT,
                            "Share of the screws through the front triangle.")
    unrounded_back = s.put("UnroundedNumberOfBackDiskScrews", total - unrounded_front, COUNT,
                           "Share of the screws through the back disk.")
    minimum_front = s.put("MinimumNumberOfFrontTriangleScrews", round_up3(unrounded_front),
                          COUNT, "Front triangle screws for minimum-width blades, a multiple of 3.")
    back = s.put("NumberOfBackDiskScrews", round_up3(unrounded_back), COUNT,
                 "Back disk screws, a multiple of 3.")
    per_blade = s.put("MinimumNumberOfFrontTriangleScrewsPerBlade", minimum_front / 3, COUNT,
                      "Front triangle screws per minimum-width blade.")
    s.put("NumberOfBackDiskScrewsPerBlade", back / 3, COUNT, "Back disk screws per blade.")
    small = s.put("LessThan3000", round_half_away(rotor_d * 0.0083333333333 + 20), MM,
                  "Blade thickness rule for rotors under 3 m.")
    large = s.put("GreaterThanOrEqualTo3000", round_half_away(rotor_d * 0.025 - 30), MM,
                  "Blade thickness rule for rotors of 3 m and more.")
    blade_t = s.put("BladeThickness", max(small if rotor_d < 3000 else large, 35), MM,
                    "Thickness of the timber the blades are carved from.")
    unrounded_screw = s.put("UnroundedBladeAssemblyScrewLength", (plate_t * 2 + blade_t) / 2, MM,
                            "Half the clamped stack: both plates and a blade.")
    s.put("BladeAssemblyScrewLength", round_half_away(round_down5(unrounded_screw)), MM,
          "Wood screw length, rounded down to a multiple of 5.")

    distance_from_center = s.put("DistanceFromCenter", blade_width - template_w, MM,
                                 "Blade width beyond template width W.")
    minimum_distance_from_center = s.put("MinimumDistanceFromCenter", minimum_width - template_w,
                                         MM, "The same for a minimum-width blade.")
    half = s.put("HalfScrewsPerBlade", round_half_away(per_blade * 0.5), COUNT,
                 "Half the front triangle screws of a blade, rounded.")
    inner_count = s.put("MinimumNumberOfInnerScrews", min(half, per_blade - half), COUNT,
                          "Inner line screws of a minimum-width blade: the smaller half.")
    outer_count = s.put("MinimumNumberOfOuterScrews", per_blade - inner_count, COUNT,
                          "Outer line screws of a minimum-width blade: the rest.")
    height = s.put("TriangleHeight", side * math.sqrt(3) / 2, MM, "Height of the front triangle.")
    inscribed = s.put("InscribedCircleRadius", height / 3, MM,
                      "Distance from the triangle's centre to its edges.")
    large_gap = s.put("LargeDistanceBetweenScrewHolesCircumradii",
                      (inscribed - screw_r - (pitch_r + holes_r)) / 3, MM,
                      "Gap between stud holes, screw lines and edge when both lines fit.")
    small_gap = s.put("SmallDistanceBetweenScrewHolesCircumradii",
                      (inscribed - screw_r - pitch_r) / 2, MM,
                      "Gap between the lines when they start at the stud circle.")
    to_vertex = s.put("TriangleCenterToVertexDistance", height * 2 / 3, MM,
                      "Distance from the triangle's centre to a vertex.")
    large_inner = s.put("LargeInnerScrewLineDistanceFromCenter", pitch_r + holes_r + large_gap,
                        MM, "Inner line distance from the centre, clear of the stud holes.")
    small_inner = s.put("SmallInnerScrewLineDistanceFromCenter", pitch_r, MM,
                        "Inner line distance from the centre on the stud circle.")
    large_outer = s.put("LargeOuterScrewLineDistanceFromCenter",
                        large_inner + screw_r + large_gap, MM,
                        "Outer line distance from the centre, clear of the inner line.")
    small_outer = s.put("SmallOuterScrewLineDistanceFromCenter",
                        small_inner + screw_r + small_gap, MM,
                        "Outer line distance from the centre when the inner line is hidden.")
    edge_distance = s.put("DistanceBetweenOuterScrewAndEdge",
                          inscribed - (large_outer + screw_r), MM,
                          "Wood left between the outer screw holes and the triangle's edge.")
    hide_inner = s.put("HideInnerScrews",
                       1 if edge_distance < _MINIMUM_OUTER_SCREW_EDGE_DISTANCE else 0, NONE,
                       "1 when the plate is too small for the inner line (it is left out).")
    inner_distance = s.put("InnerScrewLineDistanceFromCenter",
                           small_inner if hide_inner == 1 else large_inner, MM,
                           "Inner line distance from the triangle's centre.")
    outer_distance = s.put("OuterScrewLineDistanceFromCenter",
                           small_outer if hide_inner == 1 else large_outer, MM,
                           "Outer line distance from the triangle's centre.")
    alpha = s.put("Alpha", acos(template_w / to_vertex), ANGLE,
                  "Angle whose cosine is W over the centre-to-vertex distance; sets the start ray.")
    beta = s.put("Beta", 180 - 60 - alpha, ANGLE,
                 "Angle between the start ray and the screw lines' normal.")
    gamma = s.put("Gamma", 180 - 90 - beta, ANGLE,
                  "Angle between the start ray and the screw lines.")
    inner_reach, outer_reach = (
        _line_reach(distance, template_w, beta, gamma, distance_from_center,
                    minimum_distance_from_center)
        for distance in (inner_distance, outer_distance))
    _put_reaches(s, inner_reach, outer_reach)

    trailing = s.put("BladeTemplateTrailingEdgeAngle", atan(blade_r / distance_from_center),
                     ANGLE, "Trailing edge angle of the blade template.")
    minimum_trailing = s.put("MinimumBladeTemplateTrailingEdgeAngle",
                             atan(blade_r / minimum_distance_from_center), ANGLE,
                             "The same for a minimum-width blade.")
    epsilon = s.put("Epsilon", 90 - trailing, ANGLE,
                    "90° less the trailing edge angle.")
    minimum_epsilon = s.put("MinimumEpsilon", 90 - minimum_trailing, ANGLE,
                            "The same for a minimum-width blade.")
    inner, minimum_inner = inner_reach.actual, inner_reach.minimum
    delta = s.put("Delta",
                  0.0 if inner.hypotenuse == 0 else asin(inner.adjacent / inner.hypotenuse),
                  ANGLE, "Angle of the inner line's uncovered triangle facing its start-ray side.")
    supplement = s.put("DeltaSupplementaryAngle", 180 - delta, ANGLE, "180° less Delta.")
    zeta = s.put("Zeta", 180 - supplement - epsilon, ANGLE,
                 "Angle at the trailing edge of the triangle extending the uncovered stretch.")
    # The reference leaves this unguarded and divides zero by zero whenever a minimum-width blade
    # already covers the inner line (common on large rotors with small hubs). Wherever it is
    # defined, adjacent / hypotenuse = cos(Gamma), so its limit 90° − Gamma is the same angle.
    minimum_delta = s.put("MinimumDelta",
                          90 - gamma if minimum_inner.hypotenuse == 0
                          else asin(minimum_inner.adjacent / minimum_inner.hypotenuse),
                          ANGLE, "Delta for a minimum-width blade.")
    minimum_supplement = s.put("MinimumDeltaSupplementaryAngle", 180 - minimum_delta, ANGLE,
                               "180° less MinimumDelta.")
    minimum_zeta = s.put("MinimumZeta", 180 - minimum_supplement - minimum_epsilon, ANGLE,
                         "Zeta for a minimum-width blade.")
    angles = _Angles(epsilon, zeta, minimum_epsilon, minimum_zeta)
    _put_screws(s, _line_screws(inner_reach, inner_count, angles),
                _line_screws(outer_reach, outer_count, angles))
    return s.cells()


def _direction(degrees: float) -> Vector:
    return Vector(cos(degrees), sin(degrees))


def front_triangle_screws(v: TypedValues, line: Line) -> tuple[Vector, ...]:
    """Pilot hole centres of the first blade's ``line`` row on the front triangle.

    In the plate's frame before the row is copied to the other blades at 120° and the plate is
    turned to meet the back disk: centre at the origin, a vertex on +y. The row starts where its
    line meets the ray from the centre at 270° − Alpha, moves ``First<line>ScrewOffset`` along
    the line, then steps along 60°. An inner row the plate has no room for is empty.
    """
    if line == "Inner" and v.num("Blade.HideInnerScrews") == 1:
        return ()
    normal = _LINE_NORMAL[line]
    ray = 270 - v.num("Blade.Alpha")
    reach = v.num(f"Blade.{line}ScrewLineDistanceFromCenter") / cos(ray - normal)
    along = v.num(f"Blade.First{line}ScrewOffset")
    first = _direction(ray) * reach + _direction(normal - 90) * along
    step = _direction(_ROW_DIRECTION) * v.num(f"Blade.DistanceBetween{line}Screws")
    return tuple(first + step * k for k in range(int(v.num(f"Blade.NumberOf{line}Screws"))))
