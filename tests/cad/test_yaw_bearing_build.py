"""The yaw bearing of every preset against the reference (assembly §1.2, §3, §5; derived-dimensions
§11, §16, §17): the pipe on the yaw axis, plates of the tabulated sizes with closed-form areas,
the flat parts' labels and counts, and pieces that touch without overlapping."""

from __future__ import annotations

import itertools
import math

import cadquery as cq
import pytest
from built_tools import overlap
from built_turbine import BuiltTurbine

from cadstream.cad import frame, names, yaw_bearing
from cadstream.params.presets import presets

PRESETS = tuple(presets())
ABS = 1e-6
REL = 1e-9
Y = "YawBearing."
HES = "HighEndStop."


@pytest.fixture(params=PRESETS)
def turbine(request: pytest.FixtureRequest, turbines: dict[str, BuiltTurbine]) -> BuiltTurbine:
    return turbines[request.param]


def _t_shape(t: BuiltTurbine) -> bool:
    return t.cells.text("Alternator.CalculatedWindTurbineShape") == "T"


def _pieces(t: BuiltTurbine) -> dict[str, cq.Solid]:
    return yaw_bearing.pieces(t.dims.yaw_bearing)[0]


def _box(shape: cq.Shape) -> tuple[float, float, float, float, float, float]:
    b = shape.BoundingBox()
    return b.xmin, b.xmax, b.ymin, b.ymax, b.zmin, b.zmax


def test_the_bearing_is_one_valid_object(turbine: BuiltTurbine) -> None:
    whole = turbine.parts[names.YAW_BEARING]
    assert whole.isValid()
    pieces = _pieces(turbine)
    assert len(whole.Solids()) == len(pieces)
    expected = ({names.YAW_BEARING_PLATE_TOP} if _t_shape(turbine)
                else {names.YAW_BEARING_EXTENDED_TOP, names.YAW_BEARING_EXTENDED_SIDE})
    assert set(pieces) == {yaw_bearing.PIPE, yaw_bearing.ARC_WIRE_SUPPORT,
                           names.YAW_BEARING_SAFETY_CATCH, *expected}


def test_the_pipe_stands_on_the_yaw_axis(turbine: BuiltTurbine) -> None:
    """Vertical at X = YawBearingXOffset, Z = −Offset (§1.2); YawPipeLength long, its bottom end
    at the tail assembly's origin (§1.5), of YawPipeDiameter and PipeThickness."""
    c = turbine.cells
    pipe = _pieces(turbine)[yaw_bearing.PIPE].moved(turbine.yaw_at)
    x, z = c.num("WindTurbine.YawBearingXOffset"), -c.num("Spreadsheet.Offset")
    length, d = c.num(HES + "YawPipeLength"), c.num("Spreadsheet.YawPipeDiameter")
    wall = c.num("Spreadsheet.PipeThickness")
    bottom = c.placement("WindTurbine.TailAssemblyLinkPlacement").base.y
    assert _box(pipe) == pytest.approx(
        (x - d / 2, x + d / 2, bottom, bottom + length, z - d / 2, z + d / 2), abs=ABS)
    assert pipe.Volume() == pytest.approx(math.pi * (d**2 / 4 - (d / 2 - wall) ** 2) * length,
                                          rel=1e-6)
    axis = cq.Vector(0, 1, 0)
    for face in pipe.Faces():
        if face.geomType() == "CYLINDER":
            assert abs(face.normalAt().dot(axis)) < 1e-9


def _closed_form_area(t: BuiltTurbine, label: str) -> float:
    """Profile areas of §5 in closed form."""
    c = t.cells
    r = c.num(Y + "YawPipeRadius")
    hole = math.pi * c.num(Y + "YawBearingPlateTopHoleRadius") ** 2
    if label == names.YAW_BEARING_PLATE_TOP:
        width, length = 2 * r + c.num("Alternator.I"), 2 * r + c.num("Alternator.k")
        return width * length - 10**2 / 2 - (r * r - math.pi * r * r / 4) - hole
    if label == names.YAW_BEARING_PLATE_BOTTOM:
        width, length = r + c.num("Alternator.I"), r + c.num("Alternator.j")
        return width * length - 10**2 / 2 - math.pi * r * r / 4
    if label == names.YAW_BEARING_EXTENDED_TOP:
        mm = c.num(Y + "MM")
        return c.num(Y + "L") * mm - mm * mm / 2 - hole
    if label == names.YAW_BEARING_EXTENDED_SIDE:
        return c.num(Y + "SideLength") * c.num(Y + "SideWidth")
    assert label == names.YAW_BEARING_SAFETY_CATCH
    half, length = c.num(HES + "SafetyCatchWidth") / 2, c.num(HES + "SafetyCatchLength")
    under_arc = half * math.sqrt(r * r - half * half) + r * r * math.asin(half / r)
    return 2 * half * (r + length) - under_arc


def test_flat_parts_are_the_reference_s_with_closed_form_areas(turbine: BuiltTurbine) -> None:
    """Labels and counts of tools-and-outputs §2.b.6 (Steel, FlatMetalThickness, 1 each); each
    profile lies in XY at z = 0 and, extruded by its thickness, is the solid placed."""
    labels = ({names.YAW_BEARING_PLATE_TOP, names.YAW_BEARING_PLATE_BOTTOM} if _t_shape(turbine)
              else {names.YAW_BEARING_EXTENDED_TOP, names.YAW_BEARING_EXTENDED_SIDE})
    labels.add(names.YAW_BEARING_SAFETY_CATCH)
    found = {label for label in turbine.flat_parts if label.startswith("YawBearing_")}
    assert found == labels
    fmt = turbine.cells.num("Spreadsheet.FlatMetalThickness")
    pieces = _pieces(turbine) | frame.pieces(turbine.dims.frame)[0]
    for label in labels:
        flat = turbine.flat_parts[label]
        assert (flat.material, flat.count, flat.thickness) == ("Steel", 1, fmt), label
        box = flat.profile.BoundingBox()
        assert (box.zmin, box.zmax) == pytest.approx((0, 0), abs=ABS), label
        area = _closed_form_area(turbine, label)
        assert flat.profile.Area() == pytest.approx(area, rel=REL), label
        assert pieces[label].Volume() == pytest.approx(area * fmt, rel=REL), label


def test_plates_lie_where_the_reference_puts_them(turbine: BuiltTurbine) -> None:
    """In the yaw frame (§5): T top plate over x ∈ [−R − I, R], z ∈ [−R, R + k]; extended bar
    over x ∈ [−R, L − R], z ∈ ±MM/2 (its hole over the pipe); both on y ∈ [0, FMT]; the side
    under the bar, y ∈ [−SideWidth, 0]; the catch's lower face SafetyCatchZ above the pipe's
    foot; the arc wire support standing on the plate."""
    c, pieces = turbine.cells, _pieces(turbine)
    r, fmt = c.num(Y + "YawPipeRadius"), c.num("Spreadsheet.FlatMetalThickness")
    if _t_shape(turbine):
        i, k = c.num("Alternator.I"), c.num("Alternator.k")
        assert _box(pieces[names.YAW_BEARING_PLATE_TOP]) == pytest.approx(
            (-r - i, r, 0, fmt, -r, r + k), abs=ABS)
    else:
        half, length = c.num(Y + "MM") / 2, c.num(Y + "L")
        assert _box(pieces[names.YAW_BEARING_EXTENDED_TOP]) == pytest.approx(
            (-r, length - r, 0, fmt, -half, half), abs=ABS)
        side = pieces[names.YAW_BEARING_EXTENDED_SIDE].BoundingBox()
        assert (side.ymin, side.ymax) == pytest.approx((-c.num(Y + "SideWidth"), 0), abs=ABS)
    catch = pieces[names.YAW_BEARING_SAFETY_CATCH].BoundingBox()
    foot = -c.num(HES + "YawPipeLength")
    assert (catch.ymin, catch.ymax) == pytest.approx(
        (foot + c.num(HES + "SafetyCatchZ"), foot + c.num(HES + "SafetyCatchZ") + fmt), abs=ABS)
    arc = pieces[yaw_bearing.ARC_WIRE_SUPPORT].BoundingBox()
    assert (arc.ymin, arc.ymax) == pytest.approx(
        (fmt, fmt + c.num(Y + "ArcWireSupportLength") / 2), abs=ABS)


def test_the_catch_points_back_turned_by_the_safety_catch_angle(turbine: BuiltTurbine) -> None:
    """From the yaw axis the catch reaches along (−cos a, 0, −sin a) in the turbine frame, a =
    SafetyCatchAngle, whichever way the bearing is turned (§5.1)."""
    c = turbine.cells
    catch = _pieces(turbine)[names.YAW_BEARING_SAFETY_CATCH].moved(turbine.yaw_at)
    centre = catch.Center()
    reach = cq.Vector(centre.x - c.num("WindTurbine.YawBearingXOffset"), 0,
                      centre.z + c.num("Spreadsheet.Offset")).normalized()
    angle = math.radians(c.num(HES + "SafetyCatchAngle"))
    assert reach.toTuple() == pytest.approx((-math.cos(angle), 0, -math.sin(angle)), abs=1e-9)


def test_pieces_touch_without_overlapping(turbine: BuiltTurbine) -> None:
    """Plates sit on the pipe's end, the catch wraps it, the side runs beside it."""
    pieces = _pieces(turbine)
    for (a, sa), (b, sb) in itertools.combinations(pieces.items(), 2):
        smaller = min(sa.Volume(), sb.Volume())
        assert overlap(sa, sb) < 1e-6 * smaller, (a, b)


def test_the_t_top_plate_meets_the_two_hole_bracket(turbines: dict[str, BuiltTurbine]) -> None:
    """Assembly §3's check for T: the top plate's front edge touches the back face of the
    frame's two-hole bracket (before the alternator's tilt moves the bracket by a hair)."""
    t = turbines["T Shape"]
    plate = _pieces(t)[names.YAW_BEARING_PLATE_TOP].moved(t.yaw_at)
    bracket = frame.pieces(t.dims.frame)[0]["Frame_Bracket_End_TwoHole"].moved(t.frame_at)
    assert plate.distance(bracket) == pytest.approx(0, abs=1e-6)
    assert overlap(plate, bracket) == pytest.approx(0, abs=1e-6)
