"""Closed-form outlines and areas of one stator coil, for the resin estimate and the CAD geometry.

Every coil is drawn in its own frame: ``y`` runs radially outward, the coil is symmetric about the
``y`` axis and ``x`` is tangential. Rectangular and keyhole coils (CoilType 1, 2) put ``y = 0`` on
the coil's inner edge; triangular coils (CoilType 3) put it on the innermost point of the hole.
Angles are in degrees, as everywhere in the design.

The copper of a rectangular or keyhole coil is the ring between two rounded trapezoids; that of a
triangular coil is its hole offset outward by the leg width; the "reduced" triangular coil (used
when neighbouring coils would overlap) has an outline of five arcs per half instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cadstream.design.arith import acos, atan2, cos, sin
from cadstream.design.cells import TypedValues

__all__ = [
    "Arc",
    "CoilOutline",
    "RectangularCoil",
    "ReducedTriangularCoil",
    "TriangularCoil",
    "arcs_area",
    "coil_outline",
    "rectangular_coil_area",
    "rectangular_coil_outside_centres",
    "reduced_triangular_coil_area",
    "reduced_triangular_coil_outline",
    "reduced_triangular_coil_outline_is_simple",
    "rounded_trapezoid_area",
    "triangular_coil_area",
    "triangular_hole_area",
    "triangular_hole_flank_angle",
    "triangular_hole_perimeter",
]


def rounded_trapezoid_area(inner_half_width: float, outer_half_width: float, height: float,
                           radius: float) -> float:
    """Area of a symmetric trapezoid offset outward by ``radius`` (rounded corners).

    The trapezoid has half-width ``inner_half_width`` at one base and ``outer_half_width`` at the
    other, ``height`` apart; offsetting a convex polygon adds its perimeter times the offset plus
    one full disk of that radius.
    """
    a, b = inner_half_width, outer_half_width
    area = (a + b) * height
    perimeter = 2 * a + 2 * b + 2 * math.hypot(b - a, height)
    return area + radius * perimeter + math.pi * radius**2


def rectangular_coil_outside_centres(leg_width: float, hole_length: float,
                                     outer_hole_width: float, inner_hole_width: float,
                                     pin_radius: float) -> tuple[float, float]:
    """Half-spacing ``(c1, c2)`` of the outside corner circles, at ``y = CLW`` and ``CLW + Ml``.

    The reference's sketch puts the outer side's lower tangent point exactly one leg width from
    the hole side's lower tangent point, so the sides end up slightly less than a leg width apart.
    """
    xo = outer_hole_width / 2 - pin_radius
    xi = inner_hole_width / 2 - pin_radius
    side = math.hypot(xo - xi, hole_length - 2 * pin_radius)
    tx, ty = (xo - xi) / side, (hole_length - 2 * pin_radius) / side
    gap = leg_width - pin_radius
    u = -gap * ty + math.sqrt(gap**2 * ty**2 + 2 * pin_radius * gap * (1 - tx))
    c1 = xi + u
    return c1, c1 + hole_length * tx / ty


def rectangular_coil_area(leg_width: float, hole_length: float, outer_hole_width: float,
                          inner_hole_width: float, pin_radius: float) -> float:
    """Copper area of a rectangular or keyhole coil (CoilType 1 or 2).

    The hole is the hull of four winder pins of ``pin_radius`` filling ``hole_length`` radially
    and the two hole widths tangentially; the outside is the hull of four circles of radius
    ``leg_width`` spanning ``hole_length + 2 * leg_width``.
    """
    xo = outer_hole_width / 2 - pin_radius
    xi = inner_hole_width / 2 - pin_radius
    hole = rounded_trapezoid_area(xi, xo, hole_length - 2 * pin_radius, pin_radius)
    c1, c2 = rectangular_coil_outside_centres(leg_width, hole_length, outer_hole_width,
                                              inner_hole_width, pin_radius)
    outside = rounded_trapezoid_area(c1, c2, hole_length, leg_width)
    return outside - hole


@dataclass(frozen=True)
class _TriangularHole:
    """The hull of a bottom circle at ``(0, rb)`` and two pins of radius ``pr`` at ``(±a, h)``."""

    a: float
    h: float
    pr: float
    rb: float

    @staticmethod
    def of(magnet_width: float, magnet_length: float, pin_radius: float,
           bottom_radius: float) -> _TriangularHole:
        return _TriangularHole(magnet_width / 2 - pin_radius, magnet_length - pin_radius,
                               pin_radius, bottom_radius)

    @property
    def centre_distance(self) -> float:
        return math.hypot(self.a, self.h - self.rb)

    @property
    def flank_angle(self) -> float:
        return atan2(self.h - self.rb, self.a) - acos((self.rb - self.pr) / self.centre_distance)

    @property
    def tangent_length(self) -> float:
        return math.sqrt(self.centre_distance**2 - (self.rb - self.pr) ** 2)

    @property
    def perimeter(self) -> float:
        phi = math.radians(self.flank_angle)
        return (2 * self.a + 2 * self.tangent_length + 2 * self.pr * (math.pi / 2 - phi)
                + self.rb * (math.pi + 2 * phi))

    @property
    def area(self) -> float:
        phi = math.radians(self.flank_angle)
        return (self.a * (self.h - self.rb) + 2 * self.a * self.pr
                + self.tangent_length * (self.rb + self.pr)
                + self.pr**2 * (math.pi / 2 - phi) + self.rb**2 * (math.pi + 2 * phi) / 2)


def triangular_hole_flank_angle(magnet_width: float, magnet_length: float, pin_radius: float,
                                bottom_radius: float) -> float:
    """Outward normal angle of the right flank of a triangular coil hole (negative, degrees).

    The flank is the outer common tangent of the bottom circle (centre ``(0, bottom_radius)``,
    through the origin) and the right pin (its outer extreme at ``magnet_width / 2``, its top at
    ``magnet_length``).
    """
    return _TriangularHole.of(magnet_width, magnet_length, pin_radius, bottom_radius).flank_angle


def triangular_hole_perimeter(magnet_width: float, magnet_length: float, pin_radius: float,
                              bottom_radius: float) -> float:
    """Perimeter of a triangular coil hole: top edge, pin arcs, flanks and bottom arc."""
    return _TriangularHole.of(magnet_width, magnet_length, pin_radius, bottom_radius).perimeter


def triangular_hole_area(magnet_width: float, magnet_length: float, pin_radius: float,
                         bottom_radius: float) -> float:
    """Area of a triangular coil hole."""
    return _TriangularHole.of(magnet_width, magnet_length, pin_radius, bottom_radius).area


def triangular_coil_area(leg_width: float, magnet_width: float, magnet_length: float,
                         pin_radius: float, bottom_radius: float) -> float:
    """Copper area of a triangular coil (CoilType 3 when neighbours do not overlap).

    The outside is the hole offset by ``leg_width``, so the copper is the hole's perimeter times
    the leg width plus one disk of that radius.
    """
    perimeter = triangular_hole_perimeter(magnet_width, magnet_length, pin_radius, bottom_radius)
    return perimeter * leg_width + math.pi * leg_width**2


@dataclass(frozen=True)
class Arc:
    """A counter-clockwise circular arc from ``start`` to ``end`` degrees about ``(cx, cy)``."""

    cx: float
    cy: float
    radius: float
    start: float
    end: float

    @property
    def sweep(self) -> float:
        """Swept angle in degrees, in ``[0, 360)``."""
        return (self.end - self.start) % 360

    def point(self, degrees: float) -> tuple[float, float]:
        return self.cx + self.radius * cos(degrees), self.cy + self.radius * sin(degrees)


def arcs_area(arcs: tuple[Arc, ...]) -> float:
    """Area enclosed by a closed counter-clockwise chain of arcs, by Green's theorem.

    A chain that starts and ends on the ``y`` axis (a right half) gives the half area, because the
    closing segment along the axis adds nothing to ``∮ x dy − y dx``.
    """
    total = 0.0
    for arc in arcs:
        end = arc.start + arc.sweep
        total += (arc.radius * (arc.cx * (sin(end) - sin(arc.start))
                                - arc.cy * (cos(end) - cos(arc.start)))
                  + arc.radius**2 * math.radians(arc.sweep))
    return total / 2


def _radius_through_point(point: tuple[float, float], normal: tuple[float, float],
                          centre: tuple[float, float], corner_radius: float) -> float:
    """Radius of the arc through ``point`` with its centre at ``point − ρ·normal`` that is
    internally tangent to the circle of ``corner_radius`` about ``centre``."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    return (corner_radius**2 - dx * dx - dy * dy) / (
        2 * (-(normal[0] * dx + normal[1] * dy) + corner_radius))


def _angle_to(frm: tuple[float, float], to: tuple[float, float]) -> float:
    return atan2(to[1] - frm[1], to[0] - frm[0])


def reduced_triangular_coil_outline(leg_width: float, corner_radius: float, magnet_width: float,
                                    magnet_length: float, pin_radius: float, bottom_radius: float,
                                    circumradius: float) -> tuple[Arc, ...]:
    """Right half of a reduced triangular coil's outline: five arcs from ``(0, −corner_radius)``
    up to ``(0, magnet_length + leg_width)``; the left half is its mirror image.

    Three corner circles of ``corner_radius`` (at the origin and where the pins touch the coil
    winder's circumcircle) pull the outline in so neighbouring coils do not overlap, while the legs
    keep ``leg_width`` of copper at the height of the circumcircle's centre.
    """
    hole = _TriangularHole.of(magnet_width, magnet_length, pin_radius, bottom_radius)
    phi = hole.flank_angle
    normal = (cos(phi), sin(phi))
    # The flank line n·p = c is tangent to the bottom circle of centre (0, rb).
    c = hole.rb * normal[1] + hole.rb
    flank_x = (c - circumradius * normal[1]) / normal[0]
    leg = (flank_x + leg_width * normal[0], circumradius + leg_width * normal[1])

    scale = circumradius / (circumradius - pin_radius)
    upper = (scale * hole.a, circumradius + scale * (hole.h - circumradius))
    bottom = (0.0, 0.0)

    rho_low = _radius_through_point(leg, normal, bottom, corner_radius)
    low = (leg[0] - rho_low * normal[0], leg[1] - rho_low * normal[1])
    rho_high = _radius_through_point(leg, normal, upper, corner_radius)
    high = (leg[0] - rho_high * normal[0], leg[1] - rho_high * normal[1])

    top = magnet_length + leg_width
    reach = top - corner_radius
    top_y = (reach**2 - upper[0] ** 2 - upper[1] ** 2) / (2 * (reach - upper[1]))
    top_centre = (0.0, top_y)

    to_bottom = _angle_to(low, bottom)
    to_upper = _angle_to(high, upper)
    to_top = _angle_to(top_centre, upper)
    return (
        Arc(*bottom, corner_radius, -90.0, to_bottom),
        Arc(*low, rho_low, to_bottom, phi),
        Arc(*high, rho_high, phi, to_upper),
        Arc(*upper, corner_radius, to_upper, to_top),
        Arc(*top_centre, top - top_y, to_top, 90.0),
    )


def reduced_triangular_coil_outline_is_simple(leg_width: float, corner_radius: float,
                                              magnet_width: float, magnet_length: float,
                                              pin_radius: float, bottom_radius: float,
                                              circumradius: float) -> bool:
    """Whether the five arcs make a simple convex closed outline (with the mirrored left half).

    Consecutive arcs are tangent and all turn counter-clockwise, so the outline is a simple convex
    curve exactly when every radius is positive and the right half turns through half a turn. A
    leg too wide for the corner circles makes the leg arcs touch a corner circle beyond where the
    next arc leaves it: that corner arc would run backwards, wraps round instead, and the half
    turns through well over 180°.
    """
    arcs = reduced_triangular_coil_outline(leg_width, corner_radius, magnet_width, magnet_length,
                                           pin_radius, bottom_radius, circumradius)
    if not all(math.isfinite(a.radius) and a.radius > 0 for a in arcs):
        return False
    return abs(sum(a.sweep for a in arcs) - 180) < 1e-6


def reduced_triangular_coil_area(leg_width: float, corner_radius: float, magnet_width: float,
                                 magnet_length: float, pin_radius: float, bottom_radius: float,
                                 circumradius: float) -> float:
    """Copper area of a reduced triangular coil (CoilType 3 when neighbours would overlap)."""
    outline = reduced_triangular_coil_outline(leg_width, corner_radius, magnet_width,
                                              magnet_length, pin_radius, bottom_radius,
                                              circumradius)
    hole = triangular_hole_area(magnet_width, magnet_length, pin_radius, bottom_radius)
    return 2 * arcs_area(outline) - hole


@dataclass(frozen=True)
class RectangularCoil:
    """CoilType 1 or 2: hole of ``hole_length`` radially, ``inner_hole_width`` at its hub end and
    ``outer_hole_width`` at the rim, rounded by the winder pins; legs ``leg_width`` wide."""

    leg_width: float
    hole_length: float
    outer_hole_width: float
    inner_hole_width: float
    pin_radius: float

    @property
    def area(self) -> float:
        return rectangular_coil_area(self.leg_width, self.hole_length, self.outer_hole_width,
                                     self.inner_hole_width, self.pin_radius)


@dataclass(frozen=True)
class TriangularCoil:
    """CoilType 3 without overlap: a rounded-triangle hole offset outward by ``leg_width``."""

    leg_width: float
    magnet_width: float
    magnet_length: float
    pin_radius: float
    bottom_radius: float

    @property
    def area(self) -> float:
        return triangular_coil_area(self.leg_width, self.magnet_width, self.magnet_length,
                                    self.pin_radius, self.bottom_radius)


@dataclass(frozen=True)
class ReducedTriangularCoil:
    """CoilType 3 where neighbours would overlap: the same hole, a slimmer five-arc outline."""

    leg_width: float
    corner_radius: float
    magnet_width: float
    magnet_length: float
    pin_radius: float
    bottom_radius: float
    circumradius: float

    @property
    def area(self) -> float:
        return reduced_triangular_coil_area(self.leg_width, self.corner_radius,
                                            self.magnet_width, self.magnet_length,
                                            self.pin_radius, self.bottom_radius,
                                            self.circumradius)


CoilOutline = RectangularCoil | TriangularCoil | ReducedTriangularCoil


def coil_outline(cells: TypedValues) -> CoilOutline:
    """The coil the stator is built with, chosen as the reference does: rectangular or keyhole
    for CoilType 1 and 2, triangular for 3, reduced triangular where those would overlap."""
    a = "Alternator."
    clw = cells.num(a + "CoilLegWidth")
    ml = cells.num(a + "MagnetLength")
    pin_r = cells.num(a + "CoilWinderPinRadius")
    if cells.num(a + "CoilType") != 3:
        return RectangularCoil(clw, ml, cells.num(a + "CoilHoleWidthAtOuterRadius"),
                               cells.num(a + "CoilHoleWidthAtInnerRadius"), pin_r)
    mw = cells.num(a + "Mw")
    bottom_r = cells.num(a + "CoilHoleWidthAtInnerRadius") / 2
    if cells.num(a + "DoCoilsOverlap") == 1:
        return ReducedTriangularCoil(clw, cells.num(a + "CoilLegWidthReduced"), mw, ml, pin_r,
                                     bottom_r, cells.num(a + "TriangularCoilWinderCircumradius"))
    return TriangularCoil(clw, mw, ml, pin_r, bottom_r)
