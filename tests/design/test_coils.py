"""Closed-form coil and stator outlines (derived-dimensions §5) against the document's figures and
against a brute-force area: every outline except the reduced coil is the convex hull of a few
circles, so sampling the circles and taking the hull's area checks the formulas independently.
"""

from __future__ import annotations

import itertools
import math

import pytest

from cadstream.design.coils import (
    Arc,
    arcs_area,
    rectangular_coil_area,
    rectangular_coil_outside_centres,
    reduced_triangular_coil_area,
    reduced_triangular_coil_outline,
    rounded_trapezoid_area,
    triangular_coil_area,
    triangular_hole_area,
    triangular_hole_flank_angle,
)
from cadstream.design.stator_outline import (
    circular_stator_outline_area,
    ear_half_angle,
    hexagonal_stator_outline_area,
)

Circle = tuple[float, float, float]


def _hull_area(circles: list[Circle], samples: int = 8000) -> float:
    """Area of the convex hull of ``(x, y, r)`` circles, each sampled at ``samples`` points."""
    points = sorted({(x + r * math.cos(2 * math.pi * k / samples),
                      y + r * math.sin(2 * math.pi * k / samples))
                     for x, y, r in circles for k in range(samples)})

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def chain(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for p in pts:
            while len(out) >= 2 and cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]

    hull = chain(points) + chain(points[::-1])
    return abs(sum(a[0] * b[1] - b[0] * a[1]
                   for a, b in zip(hull, hull[1:] + hull[:1], strict=True))) / 2


def _rectangular_by_hull(clw: float, ml: float, w_out: float, w_in: float, pr: float) -> float:
    xo, xi = w_out / 2 - pr, w_in / 2 - pr
    c1, c2 = rectangular_coil_outside_centres(clw, ml, w_out, w_in, pr)
    hole = _hull_area([(s * xi, clw + pr, pr) for s in (-1, 1)]
                      + [(s * xo, clw + ml - pr, pr) for s in (-1, 1)])
    outside = _hull_area([(s * c1, clw, clw) for s in (-1, 1)]
                         + [(s * c2, clw + ml, clw) for s in (-1, 1)])
    return outside - hole


def _triangular_circles(mw: float, ml: float, pr: float, rb: float, grow: float) -> list[Circle]:
    return [(0.0, rb, rb + grow), (mw / 2 - pr, ml - pr, pr + grow),
            (-(mw / 2 - pr), ml - pr, pr + grow)]


def test_rounded_trapezoid_degenerate_cases() -> None:
    assert rounded_trapezoid_area(3, 5, 4, 0) == pytest.approx(32)
    assert rounded_trapezoid_area(0, 0, 0, 2) == pytest.approx(4 * math.pi)


@pytest.mark.parametrize(("args", "area"), [
    ((21.5, 46, 30, 30, 2.5), 4699.606),  # T Shape, rectangular
    ((32, 46, 30, 30, 2.5), 8064.839),  # H Shape, rectangular
    ((31.13, 58, 34.63, 19.45, 2.5), 8366.130),  # Star Shape, keyhole
])
def test_rectangular_and_keyhole_areas(args: tuple[float, ...], area: float) -> None:
    assert rectangular_coil_area(*args) == pytest.approx(area, abs=0.0005)
    assert rectangular_coil_area(*args) == pytest.approx(_rectangular_by_hull(*args), rel=1e-6)


def test_rectangular_side_sits_just_inside_a_leg_width() -> None:
    """For a rectangular hole the outer side is √(CLW² − Pr²) from the hole side (T: 21.354)."""
    c1, c2 = rectangular_coil_outside_centres(21.5, 46, 30, 30, 2.5)
    assert c1 == c2
    assert c1 + 21.5 - 15 == pytest.approx(math.sqrt(21.5**2 - 2.5**2))
    assert c1 + 21.5 - 15 == pytest.approx(21.354, abs=0.0005)


def test_triangular_flank_angle_of_the_fallback_geometry() -> None:
    assert triangular_hole_flank_angle(30, 46, 2.5, 4) == pytest.approx(-15.49, abs=0.005)


@pytest.mark.parametrize(("args", "thickness", "volume"), [
    ((21.99, 50, 50, 2.5, 4), 11.8, 59957.69),  # T Shape 2F
    ((21.5, 30, 46, 2.5, 4), 12.8, 53653.21),  # the T preset's fallback triangular geometry
])
def test_triangular_coil_volume(args: tuple[float, ...], thickness: float, volume: float) -> None:
    assert triangular_coil_area(*args) * thickness == pytest.approx(volume, abs=0.005)


@pytest.mark.parametrize("args", [(21.99, 50, 50, 2.5, 4), (12.38, 70, 50, 2.5, 4),
                                  (25.92, 50, 75, 2.5, 4)])
def test_triangular_areas_by_hull(args: tuple[float, float, float, float, float]) -> None:
    clw, mw, ml, pr, rb = args
    hole = _hull_area(_triangular_circles(mw, ml, pr, rb, 0))
    outside = _hull_area(_triangular_circles(mw, ml, pr, rb, clw))
    assert triangular_hole_area(mw, ml, pr, rb) == pytest.approx(hole, rel=1e-6)
    assert triangular_coil_area(*args) == pytest.approx(outside - hole, rel=1e-6)


H4F = {"leg_width": 25.92, "corner_radius": 22.921789791086432, "magnet_width": 50,
       "magnet_length": 75, "pin_radius": 2.5, "bottom_radius": 4,
       "circumradius": (4 * 75**2 - 8 * 75 * 2.5 + 45**2) / (8 * 70)}


def test_reduced_triangular_coil_volume() -> None:
    """H Shape 4F: one coil 92 268.18 mm³ (about 6 686.1 mm² × 13.8)."""
    area = reduced_triangular_coil_area(**H4F)
    assert area * 13.8 == pytest.approx(92268.18, abs=0.005)
    assert area == pytest.approx(6686.1, abs=0.05)


def test_reduced_triangular_outline_is_smooth_and_spans_the_coil() -> None:
    arcs = reduced_triangular_coil_outline(**H4F)
    assert arcs[0].point(arcs[0].start) == pytest.approx((0, -H4F["corner_radius"]))
    assert arcs[-1].point(arcs[-1].end) == pytest.approx((0, 75 + 25.92))
    for before, after in itertools.pairwise(arcs):
        assert before.point(before.end) == pytest.approx(after.point(after.start), abs=1e-9)
        assert math.cos(math.radians(before.end - after.start)) == pytest.approx(1)
    widest = max(arc.cx + arc.radius for arc in arcs if arc.start <= 0 <= arc.start + arc.sweep)
    assert widest == pytest.approx(46.878, abs=0.0005)


def test_arcs_area_matches_a_polygon() -> None:
    arcs = reduced_triangular_coil_outline(**H4F)
    points = [arc.point(arc.start + arc.sweep * k / 4000) for arc in arcs for k in range(4000)]
    points += [(0.0, 75 + 25.92)]
    half = sum(a[0] * b[1] - b[0] * a[1]
               for a, b in zip(points, points[1:] + points[:1], strict=True)) / 2
    assert arcs_area(arcs) == pytest.approx(half, rel=1e-6)


def test_arcs_area_of_a_full_circle() -> None:
    assert arcs_area((Arc(1, 2, 3, 0, 180), Arc(1, 2, 3, 180, 360))) == pytest.approx(9 * math.pi)


def test_ear_half_angle() -> None:
    """The joining line is tangent to the main circle at ±Δ and to the ear."""
    r, e = 192.5, 25
    delta = ear_half_angle(r, e)
    assert r - r * math.cos(math.radians(delta)) == pytest.approx(e)


@pytest.mark.parametrize(("radius", "ear", "ears"), [(192.5, 25, 3), (285, 35, 4), (152.22, 25, 3)])
def test_circular_outline_is_the_hull_of_circle_and_ears(radius: float, ear: float,
                                                         ears: int) -> None:
    studs = [(radius * math.cos(2 * math.pi * k / ears), radius * math.sin(2 * math.pi * k / ears),
              ear) for k in range(ears)]
    hull = _hull_area([(0.0, 0.0, radius), *studs])
    assert circular_stator_outline_area(radius, ear, ears) == pytest.approx(hull, rel=1e-6)


def test_hexagonal_outline() -> None:
    corners = [(math.cos(math.pi * k / 3), math.sin(math.pi * k / 3)) for k in range(6)]
    shoelace = sum(a[0] * b[1] - b[0] * a[1]
                   for a, b in zip(corners, corners[1:] + corners[:1], strict=True)) / 2
    assert hexagonal_stator_outline_area(1) == pytest.approx(shoelace)
    assert hexagonal_stator_outline_area(490.0203) == pytest.approx(623850, abs=0.5)
