"""The tail of every preset against the reference's closed forms, and the furl invariant.

Areas and volumes are checked against formulas written here from the cells (§6, §20.12); extents
in each part's frame, rebuilt here from the placement cells rather than taken from the builder;
the yaw pipe is built here from the yaw bearing's placement. The furl test turns the moving parts
exactly as the viewer does (tools-and-outputs §2.d.2), from the furl transform handed to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cadquery as cq
import pytest
from OCP.BRepExtrema import BRepExtrema_DistShapeShape

from cadstream.cad import end_stops, names
from cadstream.cad.parts import FlatPart
from cadstream.cad.placement import location
from cadstream.cad.profiles import annulus, disk
from cadstream.cad.tail import tail_steps
from cadstream.cad.tail_dims import TailDims
from cadstream.design.cells import Cells
from cadstream.design.derive import Design
from cadstream.design.furl import furl_transform
from cadstream.design.vectors import Placement, Rotation, Vector
from cadstream.params.presets import presets

PRESETS = tuple(presets())
ABS = 1e-6  # mm, for positions and extents
REL = 1e-9  # for areas and volumes of exact prisms

FIXED = names.TAIL_HINGE_INNER
MOVING = (names.TAIL_HINGE_OUTER, names.TAIL_BOOM_PIPE, names.TAIL_BOOM_SUPPORT,
          names.TAIL_STOP_HIGH_END, names.TAIL_VANE, names.VANE_BRACKET_TOP,
          names.VANE_BRACKET_BOTTOM)
STEPS = ("tail hinge", "tail outer hinge", "tail boom", "tail high end stop", "tail vane")


@dataclass(frozen=True)
class BuiltTail:
    """One design's tail as the steps built it."""

    cells: Cells
    dims: TailDims
    steps: tuple[str, ...]
    parts: dict[str, cq.Shape]
    flat_parts: tuple[FlatPart, ...]

    @property
    def shape(self) -> str:
        return self.cells.text("Tail.CalculatedWindTurbineShape")

    def flat(self, label: str) -> FlatPart:
        (flat,) = [f for f in self.flat_parts if f.label == label]
        return flat


@pytest.fixture(scope="session")
def tails(designs: dict[str, Design]) -> dict[str, BuiltTail]:
    built = {}
    for name, design in designs.items():
        steps = tail_steps(design.cells)
        results = [step.build() for step in steps]
        parts = [part for result in results for part in result.parts]
        built[name] = BuiltTail(
            cells=design.cells,
            dims=TailDims.from_cells(design.cells),
            steps=tuple(step.name for step in steps),
            parts={part.name: part.shape for part in parts},
            flat_parts=tuple(flat for result in results for flat in result.flat_parts),
        )
        assert len(built[name].parts) == len(parts), f"a part name repeats in {name}"
    return built


@pytest.fixture(params=PRESETS)
def tail(request: pytest.FixtureRequest, tails: dict[str, BuiltTail]) -> BuiltTail:
    return tails[request.param]


def _frame(c: Cells, *keys: str) -> Placement:
    """The tail frame (link · assembly placement) followed by the named placements."""
    frame = (c.placement("WindTurbine.TailAssemblyLinkPlacement")
             * c.placement("HighEndStop.TailAssemblyPlacement"))
    for key in keys:
        frame = frame * c.placement(key)
    return frame


def _local(shape: cq.Shape, frame: Placement) -> cq.BoundBox:
    return shape.moved(location(frame.inverse())).BoundingBox()


def _yaw_pipe(c: Cells) -> cq.Solid:
    """The yaw bearing's pipe in the turbine frame: vertical at (YawBearingXOffset, ·, −Offset),
    its top at the yaw bearing's origin (assembly §1.4, §3)."""
    r, length = c.num("Spreadsheet.YawPipeDiameter") / 2, c.num("HighEndStop.YawPipeLength")
    top = c.placement("WindTurbine.YawBearingPlacement").base.y
    upright = cq.Location(cq.Vector(c.num("WindTurbine.YawBearingXOffset"), top - length,
                                    -c.num("Spreadsheet.Offset")), cq.Vector(1, 0, 0), -90)
    return annulus(r, r - c.num("Spreadsheet.PipeThickness"), length).moved(upright)


def _placement(transform: dict[str, object]) -> Placement:
    position, axis, angle = transform["position"], transform["axis"], transform["angle"]
    assert isinstance(position, list) and isinstance(axis, list) and isinstance(angle, float)
    return Placement(Vector(*position), Rotation.about(Vector(*axis), math.degrees(angle)))


def _furl_axis(c: Cells) -> tuple[Vector, Vector]:
    """The world hinge axis as the viewer turns the tail: through the outer hinge origin (the
    translation of parent · tail · hinge), along the parent's rotation of the tail axis."""
    parent, tail, hinge = furl_transform(c)["transforms"]
    outer = _placement(parent) * _placement(hinge)
    axis = tail["axis"]
    assert isinstance(axis, list)
    return outer.base, _placement(parent).rotation.apply(Vector(*axis))


def _furled(c: Cells, degrees: float) -> cq.Location:
    centre, axis = _furl_axis(c)
    return location(Placement(centre, Rotation.about(axis, degrees)) * Placement(-centre))


def _shoelace(points: list[tuple[float, float]]) -> float:
    """Area of a polygon (counter-clockwise) by the shoelace formula."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2)
               in zip(points, points[1:] + points[:1], strict=True)) / 2


# --- builds, names, flat parts -------------------------------------------------------------------


def test_every_solid_is_valid(tail: BuiltTail) -> None:
    for name, shape in tail.parts.items():
        assert shape.isValid(), name


def test_objects_are_the_viewer_s_and_steps_name_what_they_build(tail: BuiltTail) -> None:
    assert set(tail.parts) == {FIXED, *MOVING}
    assert tail.steps == STEPS


def test_flat_parts_carry_the_reference_s_labels_counts_and_materials(tail: BuiltTail) -> None:
    """tools-and-outputs §2.b.1–§2.b.6: two junction side plates and two bracket bodies (a part
    and its mirror), the inner pipe's cap only on H and Star; each label handed out once."""
    c = tail.cells
    fmt = c.num("Spreadsheet.FlatMetalThickness")
    expected = {
        names.TAIL_VANE: (1, "Plywood", c.num("Spreadsheet.VaneThickness")),
        names.TAIL_VANE_BRACKET_BODY: (2, "Steel", c.num("Spreadsheet.BracketThickness")),
        names.TAIL_BOOM_SUPPORT: (1, "Steel", fmt),
        names.TAIL_HINGE_OUTER_PIPE_COVER: (1, "Steel", fmt),
        names.TAIL_HINGE_JUNCTION_COVER_SIDE: (2, "Steel", fmt),
        names.TAIL_HINGE_JUNCTION_COVER_TOP: (1, "Steel", fmt),
        names.TAIL_STOP_LOW_END: (1, "Steel", fmt),
        names.TAIL_STOP_HIGH_END: (1, "Steel", fmt),
    }
    if tail.shape != "T":
        expected[names.TAIL_HINGE_INNER_PIPE_COVER] = (
            1, "Steel", c.num("Tail.HingeInnerPipeCoverThickness"))
    assert sorted(f.label for f in tail.flat_parts) == sorted(expected)
    for flat in tail.flat_parts:
        assert (flat.count, flat.material, flat.thickness) == expected[flat.label], flat.label
        assert flat.profile.geomType() == "PLANE", flat.label
        assert flat.profile.normalAt().z == pytest.approx(1, abs=ABS), flat.label
        box = flat.profile.BoundingBox()
        assert (box.zmin, box.zmax) == pytest.approx((0, 0), abs=ABS), flat.label


def _bolt_set_volume(c: Cells) -> float:
    """Head (hexagon across corners HolesWidthAcrossCorners), shank, wide washer and nut (§7)."""
    r, nut_t = c.num("Fastener.HolesRadius"), c.num("Fastener.HexNutThickness")
    head_r = c.num("Fastener.HolesWidthAcrossCorners") / 2

    def hexagon(rc: float) -> float:
        return 3 * math.sqrt(3) / 2 * rc * rc

    return (hexagon(head_r) * nut_t
            + math.pi * r * r * c.num("Fastener.TailVaneBracketBoltLength")
            + math.pi * ((3 * r) ** 2 - (r + 0.5) ** 2) * c.num("Fastener.WasherThickness")
            + (hexagon(1.75 * r) - math.pi * r * r) * nut_t)


def _tube(radius: float, wall: float, length: float) -> float:
    return math.pi * (radius**2 - (radius - wall) ** 2) * length


def _plate(tail: BuiltTail, label: str, copies: int = 1) -> float:
    flat = tail.flat(label)
    return copies * flat.profile.Area() * flat.thickness


def test_objects_are_their_plates_and_pipes(tail: BuiltTail) -> None:
    """Every uncut object's volume from its flat parts' areas and the pipes' π·(R² − r²)·L."""
    c = tail.cells
    wall = c.num("Spreadsheet.PipeThickness")
    inner = _tube(c.num("Tail.HingeInnerPipeRadius"), wall, c.num("Tail.HingeInnerPipeLength"))
    inner += _plate(tail, names.TAIL_HINGE_JUNCTION_COVER_TOP)
    inner += _plate(tail, names.TAIL_HINGE_JUNCTION_COVER_SIDE, 2)
    if tail.shape != "T":
        inner += _plate(tail, names.TAIL_HINGE_INNER_PIPE_COVER)
    bracket = _plate(tail, names.TAIL_VANE_BRACKET_BODY) + 2 * _bolt_set_volume(c)
    expected = {
        FIXED: inner,
        names.TAIL_BOOM_PIPE: _tube(c.num("Tail.BoomPipeRadius"),
                                    c.num("Spreadsheet.BoomPipeThickness"),
                                    c.num("Spreadsheet.BoomLength")),
        names.TAIL_BOOM_SUPPORT: _plate(tail, names.TAIL_BOOM_SUPPORT),
        names.TAIL_VANE: _plate(tail, names.TAIL_VANE),
        names.VANE_BRACKET_TOP: bracket,
        names.VANE_BRACKET_BOTTOM: bracket,
    }
    for name, volume in expected.items():
        assert tail.parts[name].Volume() == pytest.approx(volume, rel=REL), name


def _cut_stops(tail: BuiltTail) -> dict[str, float]:
    """Each stop's volume: the low one is what the outer hinge holds beyond its pipe and cap, the
    high one its largest piece (T Shape 2F's is cut in two)."""
    c = tail.cells
    ro, length = c.num("Tail.HingeOuterPipeRadius"), c.num("Tail.HingeOuterPipeLength")
    cap = math.pi * ro * ro * c.num("Spreadsheet.FlatMetalThickness")
    low = tail.parts[names.TAIL_HINGE_OUTER].Volume() - cap - _tube(
        ro, c.num("Spreadsheet.PipeThickness"), length)
    high = max(s.Volume() for s in tail.parts[names.TAIL_STOP_HIGH_END].Solids())
    return {names.TAIL_STOP_LOW_END: low, names.TAIL_STOP_HIGH_END: high}


def test_a_cut_stop_is_its_profile_up_to_the_slant_of_the_cut(tail: BuiltTail) -> None:
    """A pipe meets a stop at VerticalPlaneAngle to the plate's normal, so across the thickness
    t its cut edge shifts by t·tan(VPA): |V − A·t| ≤ perimeter · t² · tan(VPA) / 2."""
    slant = math.tan(math.radians(tail.cells.num("Spreadsheet.VerticalPlaneAngle")))
    for label, volume in _cut_stops(tail).items():
        flat = tail.flat(label)
        t = flat.thickness
        bound = flat.profile.outerWire().Length() * t * t * slant / 2
        assert abs(volume - flat.profile.Area() * t) <= bound, label


# --- outlines against closed forms ---------------------------------------------------------------


def test_uncut_end_stop_outlines_match_the_closed_forms(tail: BuiltTail) -> None:
    """High end stop: (Lh + 2·Ro − Wh)·Wh + π·Wh²/4 + Ro·E (§20.12). Low end stop, by Green's
    theorem along §20.12's outline: ½·(x₁y₂ − x₂y₁) for its straight edges and ½·R²·Δθ for its
    two arcs about the hinge axis, the inner one clockwise."""
    c, d = tail.cells, tail.dims
    ro = c.num("Tail.HingeOuterPipeRadius")
    wh, lh = c.num("HighEndStop.HighEndStopWidth"), c.num("HighEndStop.HighEndStopLength")
    e = c.num("HighEndStop.HighEndStopWidthExtensionToLowEndStop")
    high = end_stops.high_end_stop_outline(d.high_end_stop)
    assert high.Area() == pytest.approx((lh + 2 * ro - wh) * wh + math.pi * wh**2 / 4 + ro * e,
                                        rel=REL)
    w, ls = c.num("LowEndStop.LowEndStopWidth"), c.num("LowEndStop.LowEndStopLength")
    ov = c.num("LowEndStop.LowEndStopYawBearingOverlap")
    turn = c.num("Tail.TailY") - c.num("Spreadsheet.FlatMetalThickness") / 2
    swing = (math.sin(math.radians(c.num("Tail.TailAngle")))
             * c.num("LowEndStop.OuterLowEndStopWidth"))
    angle = math.radians(c.num("LowEndStop.LowEndStopAngle"))
    inner, outer = angle + turn / ro, angle + (turn + swing) / w
    end = math.acos(ov / ro) - math.pi
    corner = (-ov, -ls)
    lines = [(corner, (w, -ls)), ((w, -ls), (w, 0.0)),
             ((w * math.cos(outer), w * math.sin(outer)),
              (ro * math.cos(inner), ro * math.sin(inner))),
             ((ro * math.cos(end), ro * math.sin(end)), corner)]
    area = (sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in lines)
            + w * w * outer + ro * ro * (end - inner)) / 2
    low = end_stops.low_end_stop_outline(d.low_end_stop)
    assert low.Area() == pytest.approx(area, rel=REL)


def test_the_vane_is_a_rounded_hexagon_with_four_bolt_holes(tail: BuiltTail) -> None:
    """VaneLength across by VaneWidth along the boom; the hexagon's area less, at each corner of
    interior angle φ, R²·(cot(φ/2) − (π − φ)/2) for its 50 mm rounding, less the holes."""
    c = tail.cells
    vane = tail.flat(names.TAIL_VANE).profile
    width, length = c.num("Spreadsheet.VaneWidth"), c.num("Spreadsheet.VaneLength")
    box = vane.BoundingBox()
    assert (box.xmin, box.xmax, box.ymin, box.ymax) == pytest.approx(
        (0, width, -length / 2, length / 2), abs=ABS)
    bracket_angle = math.radians(c.num("Tail.VaneBracketAngle"))
    mitre = c.num("Spreadsheet.BracketWidth") / math.cos(bracket_angle)
    narrow = math.tan(bracket_angle) * mitre + c.num("Tail.BoomPipeRadius")
    taper = width - 0.5 * width / (1 - narrow / length)
    spread = math.atan((length / 2 - narrow) / taper)
    corners = [math.pi / 2 + spread, math.pi - spread, math.pi / 2] * 2
    radius = 50
    area = taper * (2 * narrow + length) / 2 + (width - taper) * length
    area -= sum(radius**2 * (1 / math.tan(phi / 2) - (math.pi - phi) / 2) for phi in corners)
    area -= 4 * math.pi * c.num("Fastener.HolesRadius") ** 2
    assert len(vane.innerWires()) == 4
    assert vane.Area() == pytest.approx(area, rel=REL)


def test_bracket_brace_and_junction_plates_match_their_outlines(tail: BuiltTail) -> None:
    """Bracket: L·W less the 45° mitre's W²/2 and two holes. Brace: the triangle ½·a·b·sin(90° +
    VPA) (T), or (H, Star) less the corner triangle A P Q left by the 100 mm bar, unless the
    triangle is narrower than the bar (Magnet Width > Length, Triangular Coil). Side plate: the
    pentagon of §6.2's sketch."""
    c = tail.cells
    length, width = c.num("Spreadsheet.BracketLength"), c.num("Spreadsheet.BracketWidth")
    body = tail.flat(names.TAIL_VANE_BRACKET_BODY).profile
    mitre = width**2 / 2 / math.tan(math.radians(c.num("Tail.VaneBracketAngle")))
    assert body.Area() == pytest.approx(
        length * width - mitre - 2 * math.pi * c.num("Fastener.HolesRadius") ** 2, rel=REL)
    a, b = c.num("Tail.TailBoomTriangularBraceWidth"), c.num("Tail.TailBoomTriangularBraceLength")
    angle_a = math.radians(90 + c.num("Spreadsheet.VerticalPlaneAngle"))
    area = a * b * math.sin(angle_a) / 2
    side = math.sqrt(a * a + b * b - 2 * a * b * math.cos(angle_a))
    if tail.shape != "T" and 2 * area / side > 100:  # else the bar is wider than the triangle
        angle_b = math.asin(a * math.sin(angle_a) / side)
        angle_c = math.pi - angle_a - angle_b
        corner = (a - 100 / math.sin(angle_c)) * (b - 100 / math.sin(angle_b))
        area -= corner * math.sin(angle_a) / 2
    assert tail.flat(names.TAIL_BOOM_SUPPORT).profile.Area() == pytest.approx(area, rel=REL)
    r, rh = c.num("Tail.YawPipeRadius"), c.num("Tail.HingeInnerPipeRadius")
    full, height = c.num("Tail.TailHingeJunctionFullWidth"), c.num("Tail.TailHingeJunctionHeight")
    pentagon = [(0, 0), (r + rh, 0), (full, height - c.num("Spreadsheet.FlatMetalThickness")),
                (r + rh, height), (0, height)]
    side_plate = tail.flat(names.TAIL_HINGE_JUNCTION_COVER_SIDE).profile
    assert side_plate.Area() == pytest.approx(_shoelace(pentagon), rel=REL)


def test_the_junction_top_plate_spans_from_chamfer_to_its_tangent_cut(tail: BuiltTail) -> None:
    """From x = Chamfer to the tangent point's x less Chamfer, the tangent running from the yaw
    circle's top to the inner pipe circle; its concave edges are arcs of both pipe circles."""
    c = tail.cells
    r, rh = c.num("Tail.YawPipeRadius"), c.num("Tail.HingeInnerPipeRadius")
    full, chamfer = c.num("Tail.TailHingeJunctionFullWidth"), c.num("Tail.TailHingeJunctionChamfer")
    reach = math.hypot(full, r)
    beta = math.atan2(r, -full) - math.acos(rh / reach)
    top = tail.flat(names.TAIL_HINGE_JUNCTION_COVER_TOP).profile
    box = top.BoundingBox()
    assert (box.xmin, box.xmax) == pytest.approx((chamfer, full + rh * math.cos(beta) - chamfer),
                                                 abs=ABS)
    arcs = {(round(e.radius(), 9), round(e.arcCenter().x, 9)) for e in top.Edges()
            if e.geomType() == "CIRCLE"}
    assert arcs == {(round(r, 9), 0.0), (round(rh, 9), round(full, 9))}


# --- placements ---------------------------------------------------------------------------------


def test_bounding_boxes_agree_with_the_derived_dimensions(tail: BuiltTail) -> None:
    """In the boom frame the boom spans BoomLength along its axis and the vane VaneWidth beyond
    it, VaneLength across, under the brackets; along the hinge axis the outer hinge is its pipe
    and cap, and the fixed hinge tops out at its pipe's end (or cap)."""
    c, parts = tail.cells, tail.parts
    boom_frame = _frame(c, "Tail.TailPlacement", "HighEndStop.TailBoomVaneAssemblyPlacement")
    boom_r, boom_length = c.num("Tail.BoomPipeRadius"), c.num("Spreadsheet.BoomLength")
    box = _local(parts[names.TAIL_BOOM_PIPE], boom_frame)
    assert (box.xmin, box.xmax, box.ymin, box.ymax, box.zmin, box.zmax) == pytest.approx(
        (-boom_r, boom_r, -boom_r, boom_r, 0, boom_length), abs=ABS)
    vane_t, bracket_t = c.num("Spreadsheet.VaneThickness"), c.num("Spreadsheet.BracketThickness")
    length, width = c.num("Spreadsheet.VaneLength"), c.num("Spreadsheet.VaneWidth")
    box = _local(parts[names.TAIL_VANE], boom_frame)
    assert (box.xmin, box.xmax, box.ymin, box.ymax, box.zmin, box.zmax) == pytest.approx(
        (-length / 2, length / 2, -bracket_t / 2 - vane_t, -bracket_t / 2, boom_length,
         boom_length + width), abs=ABS)
    outer = _local(parts[names.TAIL_HINGE_OUTER], _frame(c, "Tail.OuterTailHingePlacement"))
    assert (outer.zmin, outer.zmax) == pytest.approx(
        (0, c.num("Tail.HingeOuterPipeLength") + c.num("Spreadsheet.FlatMetalThickness")),
        abs=ABS)
    vpa = c.num("Spreadsheet.VerticalPlaneAngle")
    inner_frame = _frame(c) * Placement.of(
        Vector(c.num("Tail.TailHingePipeX"), 0, c.num("Tail.TailHingePipeZ")), Vector(0, 1, 0), vpa)
    cap = c.num("Tail.HingeInnerPipeCoverOffset")
    assert _local(parts[FIXED], inner_frame).zmax == pytest.approx(
        c.num("Tail.HingeInnerPipeLength") + cap, abs=ABS)
    # the outer pipe turns on the inner one: same axis, PipeHeightOffset up it
    outer_in_inner = inner_frame.inverse() * _frame(c, "Tail.OuterTailHingePlacement")
    assert outer_in_inner.base.as_list() == pytest.approx(
        [0, 0, c.num("Tail.PipeHeightOffset")], abs=ABS)
    assert outer_in_inner.rotation.apply(Vector(0, 0, 1)).as_list() == pytest.approx([0, 0, 1])


def test_bracket_bolts_pass_through_the_vane_s_holes(tail: BuiltTail) -> None:
    """The vane's holes (its own sketch's formula) lie under the bracket's holes (the bracket's
    sketch and placement), both brackets mirrored across the boom's horizontal plane."""
    d = tail.dims
    to_vane = d.frames.vane.inverse() * d.frames.vane_bracket
    b = d.vane_bracket
    under = [to_vane.apply(Vector(x, b.width / 2, 0)) for x in b.holes]
    for point in under:
        assert point.z == pytest.approx(d.vane.thickness, abs=ABS)
    mirrored = sorted(c for p in under for sign in (1, -1) for c in (p.x, sign * p.y))
    assert mirrored == pytest.approx(sorted(c for hole in d.vane.holes for c in hole), abs=ABS)


def test_the_bottom_bracket_mirrors_the_top_one(tail: BuiltTail) -> None:
    c = tail.cells
    boom_frame = _frame(c, "Tail.TailPlacement", "HighEndStop.TailBoomVaneAssemblyPlacement")
    top = _local(tail.parts[names.VANE_BRACKET_TOP], boom_frame)
    bottom = _local(tail.parts[names.VANE_BRACKET_BOTTOM], boom_frame)
    assert (bottom.xmin, bottom.xmax, bottom.ymin, bottom.ymax, bottom.zmin, bottom.zmax) == \
        pytest.approx((-top.xmax, -top.xmin, top.ymin, top.ymax, top.zmin, top.zmax), abs=1e-3)


# --- the yaw pipe, unfurled and furled ----------------------------------------------------------


def test_the_unfurled_tail_clears_the_yaw_pipe(tail: BuiltTail) -> None:
    """The furling parts do not enter the yaw pipe, and the low end stop rests on it. The fixed
    hinge is welded to it: only its side plates, turned by SideCoverAngle about their edge on the
    pipe, reach in, no deeper than (YawPipeRadius + FMT)·(1 − cos SideCoverAngle)."""
    c = tail.cells
    pipe = _yaw_pipe(c)
    for name in MOVING:
        assert tail.parts[name].intersect(pipe).Volume() < ABS, name
    assert tail.parts[names.TAIL_HINGE_OUTER].distance(pipe) < ABS
    r, fmt = c.num("Tail.YawPipeRadius"), c.num("Spreadsheet.FlatMetalThickness")
    side_angle = math.atan((r - c.num("Tail.HingeInnerPipeRadius"))
                           / c.num("Tail.TailHingeJunctionFullWidth"))
    depth = (r + fmt) * (1 - math.cos(side_angle))
    core = disk(r - depth - 1e-3, c.num("HighEndStop.YawPipeLength")).moved(
        location(c.placement("WindTurbine.TailAssemblyLinkPlacement")))
    assert tail.parts[FIXED].intersect(core).Volume() < ABS


def _contact(a: cq.Shape, b: cq.Shape) -> Vector:
    extrema = BRepExtrema_DistShapeShape(a.wrapped, b.wrapped)
    point = extrema.PointOnShape1(1)
    return Vector(point.X(), point.Y(), point.Z())


@pytest.mark.parametrize("preset", PRESETS)
def test_the_high_end_stop_meets_the_yaw_pipe_at_maximum_furl(
        tails: dict[str, BuiltTail], preset: str) -> None:
    """Turned by MaximumFurlAngle about the viewer's hinge axis, the high end stop is within
    0.5 mm of the yaw pipe: no farther, and turned back by 0.5 mm of travel at the contact, clear
    of it. At 0.98 of the angle nothing that furls touches the pipe.

    It does reach in a little: 0.05 mm (T), 0.09 mm (H), 0.14 mm (Star), as the reference measures
    HighEndStopWidth from the contact to the stop's edge along a line of constant x rather than
    across the stop.
    """
    tail = tails[preset]
    c = tail.cells
    pipe, stop = _yaw_pipe(c), tail.parts[names.TAIL_STOP_HIGH_END]
    limit = c.num("HighEndStop.MaximumFurlAngle")
    furled = stop.moved(_furled(c, limit))
    assert furled.distance(pipe) < 0.5
    centre, axis = _furl_axis(c)
    offset = _contact(furled, pipe) - centre
    lever = (offset - axis * offset.dot(axis)).length
    assert stop.moved(_furled(c, limit - math.degrees(0.5 / lever))).distance(pipe) > 0
    for name in MOVING:
        assert tail.parts[name].moved(_furled(c, 0.98 * limit)).distance(pipe) > 0, name
