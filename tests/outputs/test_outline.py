"""Outline: each profile becomes closed loops of exact lines, arcs and circles whose area and
extent are the face's, with polylines only where no exact primitive exists."""

from __future__ import annotations

import math
from itertools import pairwise

import cadquery as cq
import pytest
from flat_profiles import ALL, Profile, holed_plate, notched_disk, pocketed_disk, slotted_stadium

from cadstream.outputs.outline import (
    SAMPLE_DEFLECTION,
    Arc,
    Circle,
    Line,
    Loop,
    Point,
    Polyline,
    Segment,
    outline,
)

CLOSED = 1e-9


def _kinds(loop: Loop) -> list[str]:
    return ["Circle"] if isinstance(loop, Circle) else [type(s).__name__ for s in loop]


def _integral(segment: Segment) -> float:
    """∮ x dy − y dx along the segment, in its direction (twice its shoelace contribution)."""
    if isinstance(segment, Arc):
        (cx, cy), r = segment.center, segment.radius
        t0, t1 = math.radians(segment.start_angle), math.radians(segment.end_angle)
        ccw = (r * cx * (math.sin(t1) - math.sin(t0)) - r * cy * (math.cos(t1) - math.cos(t0))
               + r * r * math.radians(segment.sweep))
        return -ccw if segment.clockwise else ccw
    points: tuple[Point, ...] = ((segment.start, segment.end) if isinstance(segment, Line)
                                 else segment.points)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points))


def loop_area(loop: Loop) -> float:
    """Signed area: positive when the loop runs counter-clockwise."""
    if isinstance(loop, Circle):
        return math.pi * loop.radius**2
    return sum(_integral(s) for s in loop) / 2


@pytest.mark.parametrize("name", ALL)
def test_loops_are_closed_chains(name: str) -> None:
    for loop in outline(ALL[name]().face).loops:
        if isinstance(loop, Circle):
            continue
        for before, after in zip(loop, (*loop[1:], loop[0]), strict=True):
            assert math.dist(before.end, after.start) < CLOSED, (name, before, after)


@pytest.mark.parametrize("name", ALL)
def test_area_is_the_face_area(name: str) -> None:
    profile: Profile = ALL[name]()
    outer, *holes = (abs(loop_area(loop)) for loop in outline(profile.face).loops)
    assert outer - sum(holes) == pytest.approx(profile.area, rel=1e-4)
    assert all(hole < outer for hole in holes), "the outer loop comes first"


@pytest.mark.parametrize("name", ALL)
def test_bounds_are_exact(name: str) -> None:
    profile = ALL[name]()
    bounds = outline(profile.face).bounds
    got = (bounds.xmin, bounds.ymin, bounds.xmax, bounds.ymax)
    assert got == pytest.approx(profile.bounds, abs=1e-6 if name != "spline_plate" else 0.05)
    assert (bounds.width, bounds.height) == pytest.approx(
        (profile.bounds[2] - profile.bounds[0], profile.bounds[3] - profile.bounds[1]), abs=0.05)


def test_round_holes_stay_circles() -> None:
    loops = outline(holed_plate().face).loops
    assert [_kinds(loop) for loop in loops] == [["Line"] * 4] + [["Circle"]] * 5
    circles = [loop for loop in loops if isinstance(loop, Circle)]
    assert sorted((c.center, c.radius) for c in circles) == sorted(
        [((20, 20), 6), ((180, 20), 6), ((20, 100), 6), ((180, 100), 6), ((100, 60), 20)])


def test_slots_keep_their_arcs_and_curves_become_fine_polylines() -> None:
    loops = outline(slotted_stadium().face).loops
    assert sorted(_kinds(loop) for loop in loops) == [
        ["Line", "Arc", "Line", "Arc"], ["Line", "Arc", "Line", "Arc"], ["Polyline"]]
    arcs = [s for loop in loops if not isinstance(loop, Circle) for s in loop
            if isinstance(s, Arc)]
    assert sorted(round(a.radius, 9) for a in arcs) == [5, 5, 20, 20]
    assert all(a.sweep == pytest.approx(180) for a in arcs)
    (ellipse,) = (s for loop in loops if not isinstance(loop, Circle) for s in loop
                  if isinstance(s, Polyline))
    assert ellipse.start == ellipse.end

    def level(x: float, y: float) -> float:
        """Zero on the ellipse x²/36 + y²/9 = 1 about (10, -8)."""
        return ((x - 10) / 6) ** 2 + ((y + 8) / 3) ** 2 - 1

    def distance(x: float, y: float) -> float:
        """Distance to the ellipse, to first order."""
        return abs(level(x, y)) / math.hypot(2 * (x - 10) / 36, 2 * (y + 8) / 9)

    assert all(level(x, y) == pytest.approx(0, abs=1e-9) for x, y in ellipse.points)
    chord_middles = [((x0 + x1) / 2, (y0 + y1) / 2)
                     for (x0, y0), (x1, y1) in pairwise(ellipse.points)]
    assert max(distance(x, y) for x, y in chord_middles) <= SAMPLE_DEFLECTION


def test_arcs_run_the_way_of_their_loop() -> None:
    """The outer loop runs counter-clockwise and holes clockwise (OCCT's convention for a face
    facing +Z), so every arc of the pocket holes is traversed clockwise on the outside radius."""
    loops = outline(pocketed_disk().face).loops
    pockets = [loop for loop in loops if not isinstance(loop, Circle)]
    assert len(pockets) == 6
    for pocket in pockets:
        assert loop_area(pocket) < 0
        outer_arc, inner_arc = sorted((s for s in pocket if isinstance(s, Arc)),
                                      key=lambda a: -a.radius)
        assert (outer_arc.radius, inner_arc.radius) == pytest.approx((120, 60))
        assert (outer_arc.sweep, inner_arc.sweep) == pytest.approx((40, 40))
        assert outer_arc.clockwise and not inner_arc.clockwise


def test_large_arcs_keep_their_sweep() -> None:
    (loop,) = outline(notched_disk().face).loops
    assert not isinstance(loop, Circle)
    (arc,) = (s for s in loop if isinstance(s, Arc))
    assert arc.sweep == pytest.approx(270)
    assert (arc.start_angle, arc.end_angle) == pytest.approx((90, 0))


def test_a_face_facing_down_draws_the_same_part() -> None:
    """A profile taken from the bottom of a solid (normal −Z) has loops running the other way."""
    solid = cq.Workplane().placeSketch(cq.Sketch().slot(40, 40)).extrude(5)
    bottom = solid.faces("<Z").val()
    assert bottom.normalAt().z == pytest.approx(-1)
    (loop,) = outline(bottom).loops
    assert abs(loop_area(loop)) == pytest.approx(40 * 40 + math.pi * 20**2)


@pytest.mark.parametrize("face", [
    cq.Face.makePlane(10, 10, basePnt=(0, 0, 3)),
    cq.Face.makePlane(10, 10, dir=(1, 0, 0)),
    cq.Solid.makeCylinder(5, 10).Faces()[0],
], ids=["lifted", "tilted", "curved"])
def test_faces_off_the_xy_plane_are_refused(face: cq.Face) -> None:
    with pytest.raises(ValueError, match="plane face in XY at z = 0"):
        outline(face)
