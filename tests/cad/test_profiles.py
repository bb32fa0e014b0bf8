"""Plane outlines: hulls of circles and arc chains against the closed forms of design/coils.py."""

from __future__ import annotations

import math

import pytest

from cadstream.cad.profiles import (
    annulus,
    arc_chain_wire,
    hull_arcs,
    mirrored_halves,
    profile,
)
from cadstream.design.coils import (
    arcs_area,
    reduced_triangular_coil_outline,
    rounded_trapezoid_area,
)


@pytest.mark.parametrize(("a", "b", "h", "r"), [(10, 10, 40, 3), (5, 20, 30, 6), (0, 12, 25, 2)])
def test_a_hull_of_four_circles_is_a_rounded_trapezoid(a: float, b: float, h: float,
                                                       r: float) -> None:
    """Symmetric trapezoid corners, listed counter-clockwise; ``a = 0`` merges the bottom pair
    into one circle, which the hull drops as a repeat."""
    arcs = hull_arcs([(a, 0, r), (b, h, r), (-b, h, r), (-a, 0, r)])
    assert len(arcs) == (3 if a == 0 else 4)
    assert sum(arc.sweep for arc in arcs) == pytest.approx(360)
    face = profile(arc_chain_wire(arcs))
    assert face.isValid()
    assert face.Area() == pytest.approx(rounded_trapezoid_area(a, b, h, r), rel=1e-12)


def test_a_hull_joins_unequal_circles_by_their_outer_tangents() -> None:
    """Each joining line touches both circles: its normal ``n`` has ``n·c + r`` equal at both."""
    circles = [(0.0, 4.0, 4.0), (20.0, 45.0, 2.5), (-20.0, 45.0, 2.5)]
    arcs = hull_arcs(circles)
    for arc, following in zip(arcs, arcs[1:] + arcs[:1], strict=True):
        angle = math.radians(arc.end)
        n = (math.cos(angle), math.sin(angle))
        assert arc.end == pytest.approx(following.start)
        assert (n[0] * arc.cx + n[1] * arc.cy + arc.radius
                == pytest.approx(n[0] * following.cx + n[1] * following.cy + following.radius))


def test_mirrored_halves_close_a_symmetric_outline() -> None:
    right = reduced_triangular_coil_outline(25, 22.92, 50, 75, 2.5, 4, 41.12)
    wire = arc_chain_wire(mirrored_halves(right))
    assert wire.IsClosed()
    face = profile(wire)
    assert face.isValid()
    assert face.Area() == pytest.approx(2 * arcs_area(right), rel=1e-12)
    box = face.BoundingBox()
    assert box.xmin == pytest.approx(-box.xmax)


def test_an_annulus_is_a_tube_on_plus_z() -> None:
    tube = annulus(10, 6, 4)
    box = tube.BoundingBox()
    assert (box.zmin, box.zmax, box.xmax) == pytest.approx((0, 4, 10), abs=1e-6)
    assert tube.Volume() == pytest.approx(math.pi * (100 - 36) * 4)
