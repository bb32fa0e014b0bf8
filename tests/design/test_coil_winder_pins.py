"""The coil winder's pins and spacer as pure maths (tools §1.4.4): the reference's worked
values, and the checks that refuse a winder whose plates cannot be cut. The bad cases are the
random designs whose CNC overview failed on a spacer that was not one simple face: a keyhole
coil's pins set 2.05 mm apart (draw 4), and a triangular coil whose bottom rod reached over the
centre rod (draw 12)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest

from cadstream.design.coil_winder_pins import (
    MINIMUM_WEB,
    PinLayout,
    Point,
    pin_layout,
    polygon_is_simple,
    quadrilateral_layout,
    triangular_layout,
    winder_conflicts,
)
from cadstream.design.derive import Design

#: The T-preset fallback of §1.4.4: ρ, pin spacing, pin height, pin radius; rod radius 5.
TRIANGULAR = (28.125, 41.0, 15.375, 2.5)
ROD = 5.0


def _area(polygon: Sequence[Point]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1]
               for a, b in zip(polygon, [*polygon[1:], polygon[0]], strict=True)) / 2


def test_the_triangular_spacer_matches_the_reference_s_worked_values() -> None:
    """§1.4.4 check: bottom rod 4, t 13: right-half corners and the volume less the rod hole."""
    spacer = triangular_layout(*TRIANGULAR, 4.0, 2.0).spacer
    right = [p for p in spacer if p[0] > 0]
    for corner in ((17.375, 15.375), (19.624, 12.376), (4.123, -20.125)):
        assert any(math.dist(corner, p) < 1e-3 for p in right), corner
    assert (_area(spacer) - math.pi * ROD**2) * 13 == pytest.approx(10454.95, abs=0.01)


def test_the_quadrilateral_spacer_is_chamfered_tangent_to_each_pin() -> None:
    """Each corner cut square to its bisector, the pin's radius in from the corner."""
    layout = quadrilateral_layout(20.5, 25.0, 15.0, 2.5)
    spacer = layout.spacer
    assert len(spacer) == 8 and polygon_is_simple(spacer)
    for k, pin in enumerate(layout.pins):
        a, b = spacer[2 * k], spacer[2 * k + 1]
        dx, dy = b[0] - a[0], b[1] - a[1]
        reach = abs((pin[0] - a[0]) * dy - (pin[1] - a[1]) * dx) / math.hypot(dx, dy)
        assert reach == pytest.approx(2.5), pin


@pytest.mark.parametrize(("polygon", "simple"), [
    (((0, 0), (1, 0), (1, 1), (0, 1)), True),
    (((0, 0), (0, 1), (1, 1), (1, 0)), False),  # clockwise
    (((0, 0), (1, 1), (1, 0), (0, 1)), False),  # a bow tie
    (((0, 0), (1, 0), (1, 0), (0, 1)), False),  # a zero-length edge
    (((0, 0), (2, 0), (1, 0), (1, 1)), False),  # an edge folding back onto the last
    (((0, 0), (4, 0), (4, 4), (2, 0.5), (0, 4)), True),  # not convex, still one loop
    (((0, 0), (4, 0), (4, 4), (2, 0), (0, 4)), False),  # a corner touching another edge
])
def test_polygon_is_simple(polygon: tuple[Point, ...], simple: bool) -> None:
    assert polygon_is_simple(polygon) is simple


def test_every_preset_s_winder_can_be_cut(designs: dict[str, Design]) -> None:
    for name, design in designs.items():
        rod = design.cells.num("Alternator.CoilWinderCenterRodRadius")
        assert winder_conflicts(pin_layout(design.cells), rod) == [], name


def test_pins_too_close_together_cross_the_spacer_s_chamfers() -> None:
    """Draw 4: a keyhole hole 7.05 mm wide at its inner end puts 5 mm pins 2.05 mm apart."""
    layout = quadrilateral_layout(29.5, 40.09, 2.05, 2.5)
    assert winder_conflicts(layout, ROD) == ["the spacer's outline would cross itself",
                                             "the cheeks' holes for two pins overlap"]
    # Apart, but nearer than the chamfers need: they still cross.
    assert winder_conflicts(quadrilateral_layout(29.5, 40.09, 7.0, 2.5), ROD) == [
        "the spacer's outline would cross itself"]
    assert winder_conflicts(quadrilateral_layout(29.5, 40.09, 8.5, 2.5), ROD) == []


def test_a_bottom_rod_over_the_centre_rod_is_refused() -> None:
    """Draw 12: a bottom rod of radius 12 reaches 4.125 mm above the centre rod's axis."""
    layout = triangular_layout(*TRIANGULAR, 12.0, 2.0)
    assert winder_conflicts(layout, ROD) == [
        "the centre rod's hole (radius 5 mm) runs through the spacer's edge",
        "the cheeks' holes for the centre rod and the bottom rod overlap"]


def test_the_rod_hole_needs_a_web_of_plywood() -> None:
    """A bottom rod of radius 11.1625 puts the spacer's floor 5.8 mm under the axis: 0.8 mm of
    plywood round a 5 mm rod, less than the minimum web."""
    layout = triangular_layout(*TRIANGULAR, 11.1625, 2.0)
    assert MINIMUM_WEB == 1.0
    assert winder_conflicts(layout, ROD) == [
        "the centre rod's hole leaves 0.80 mm to the spacer's edge (1 mm of plywood needed)",
        "the cheeks' holes for the centre rod and the bottom rod leave 0.80 mm between them "
        "(1 mm of plywood needed)"]
    assert winder_conflicts(layout, ROD, web=0.5) == []


def test_a_spacer_covering_a_pin_is_refused() -> None:
    """The spacer must stop at the pins: one that reaches over a pin's centre is refused."""
    layout = quadrilateral_layout(20.5, 25.0, 25.0, 2.5)
    grown = PinLayout(layout.pins, layout.pin_radius, None,
                      ((-15, -25), (15, -25), (15, 25), (-15, 25)))
    assert winder_conflicts(grown, ROD) == ["the spacer runs over a pin or the bottom rod"]
