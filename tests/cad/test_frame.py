"""The frame of every preset against the reference's member lengths, hole positions and placement
(assembly §4.6, derived-dimensions §10): each member's extent and volume in closed form, its
holes on the stator studs, and the T's bottom yaw bearing plate where §4.6 puts it."""

from __future__ import annotations

import math

import cadquery as cq
import pytest
from built_turbine import BuiltTurbine

from cadstream.cad import frame, names
from cadstream.cad.dims import AlternatorDims
from cadstream.cad.yaw_bearing import bottom_plate_profile
from cadstream.params.presets import presets

PRESETS = tuple(presets())
ABS = 1e-6
REL = 1e-9
A = "Alternator."


@pytest.fixture(params=PRESETS)
def turbine(request: pytest.FixtureRequest, turbines: dict[str, BuiltTurbine]) -> BuiltTurbine:
    return turbines[request.param]


def _shape(t: BuiltTurbine) -> str:
    return t.cells.text(A + "CalculatedWindTurbineShape")


def _box(shape: cq.Shape) -> tuple[float, float, float, float, float, float]:
    b = shape.BoundingBox()
    return b.xmin, b.xmax, b.ymin, b.ymax, b.zmin, b.zmax


def _expected_brackets(t: BuiltTurbine) -> dict[str, tuple[float, int]]:
    """Bracket name → (length, holes), from the Alternator sheet (derived-dimensions §10)."""
    c = t.cells
    shape = _shape(t)
    if shape == "T":
        return {"Frame_Bracket_End_OneHole": (c.num(A + "D"), 1),
                "Frame_Bracket_End_TwoHole": (c.num(A + "TShapeTwoHoleEndBracketLength"), 2)}
    length = c.num(A + ("GG" if shape == "H" else "StarShapeTwoHoleEndBracketLength"))
    brackets = {"Frame_Bracket_End_TwoHole_Bottom": (length, 2),
                "Frame_Bracket_End_TwoHole_Top": (length, 2)}
    if shape == "Star":
        brackets |= {"Frame_Bracket_Middle_Left": (c.num(A + "CC"), 1),
                     "Frame_Bracket_Middle_Right": (c.num(A + "CC"), 1)}
    return brackets


def test_the_frame_is_one_valid_object(turbine: BuiltTurbine) -> None:
    whole = turbine.parts[names.FRAME]
    assert whole.isValid()
    members, _ = frame.pieces(turbine.dims.frame)
    assert len(whole.Solids()) == len(members)
    assert whole.Volume() == pytest.approx(sum(m.Volume() for m in members.values()), rel=REL)


def test_members_have_the_reference_lengths_and_sections(turbine: BuiltTurbine) -> None:
    """Channel BC / HH / B long, a C of 2·L × L; brackets A, D, GG, A_star, CC long, an L of
    L × L; volumes are the sections' areas times the lengths less the drilled holes."""
    c = turbine.cells
    leg, t = c.num(A + "MetalLengthL"), c.num(A + "MetalThicknessL")
    hole_r, stub_r = c.num(A + "HolesRadius"), c.num("Hub.StubAxleShaftRadius")
    members, _ = frame.pieces(turbine.dims.frame)
    shape = _shape(turbine)
    depth = c.num(A + {"T": "BC", "H": "HH", "Star": "B"}[shape])
    start = -c.num(A + "X") if shape == "T" else -depth / 2
    channel = members[frame.CHANNEL]
    assert _box(channel) == pytest.approx((-leg, leg, start, start + depth, -leg, 0), abs=ABS)
    c_area = 2 * leg * t + 2 * (leg - t) * t
    assert channel.Volume() == pytest.approx(c_area * depth - math.pi * stub_r**2 * t, rel=REL)
    brackets = _expected_brackets(turbine)
    expected_members = {frame.CHANNEL, *brackets} | (
        {names.YAW_BEARING_PLATE_BOTTOM} if shape == "T" else set())
    assert set(members) == expected_members
    for name, (length, holes) in brackets.items():
        box = members[name].BoundingBox()
        assert (box.xlen, box.ylen, box.zlen) == pytest.approx((length, leg, leg), abs=ABS), name
        assert (box.zmin, box.zmax) == pytest.approx((-leg, 0), abs=ABS), name
        volume = (2 * leg * t - t * t) * length - holes * math.pi * hole_r**2 * t
        assert members[name].Volume() == pytest.approx(volume, rel=REL), name


def test_bracket_holes_sit_on_the_stator_studs(turbine: BuiltTurbine) -> None:
    """Every bracket hole is over a stator stud (radius StatorHolesCircumradius, at the stud
    angles: T 90/210/330°, H 45° + k·90°, Star k·60°); the stub axle's hole is in the channel."""
    studs = AlternatorDims.from_cells(turbine.cells).frame_studs.positions
    holes = turbine.dims.frame.stud_holes()
    assert len(holes) == len(studs.centres)
    for stud in studs.centres:
        assert min(math.dist(stud, hole) for hole in holes) == pytest.approx(0, abs=1e-9), stud
    channel = turbine.dims.frame.channel
    assert channel.start < 0 < channel.start + channel.length


def test_the_frame_passes_the_studs_and_the_stub_axle(turbine: BuiltTurbine) -> None:
    """Holes and rods share their radii: the studs and the axle touch the frame, never enter it."""
    whole = turbine.parts[names.FRAME]
    for name in (names.STUDS_FRAME, names.HUB_STUB_AXLE_SHAFT):
        assert whole.intersect(turbine.parts[name]).Volume() == pytest.approx(0, abs=1e-3), name


def test_the_frame_sits_behind_the_stator(turbine: BuiltTurbine) -> None:
    """In the alternator frame the members span z_alt ∈ [FrameZ − L, FrameZ]: hole legs on the
    stator side, the channel's web at the back (assembly §4.6)."""
    c = turbine.cells
    frame_z, leg = c.num(A + "FrameZ"), c.num(A + "MetalLengthL")
    members, _ = frame.pieces(turbine.dims.frame)
    members.pop(names.YAW_BEARING_PLATE_BOTTOM, None)
    back = turbine.alternator_at.inverse
    local = cq.Compound.makeCompound(list(members.values())).moved(turbine.frame_at).moved(back)
    box = local.BoundingBox()
    assert (box.zmin, box.zmax) == pytest.approx((frame_z - leg, frame_z), abs=ABS)


def test_the_t_bottom_plate_is_flush_with_the_yaw_pipe(turbine: BuiltTurbine) -> None:
    """T only: the flat part YawBearing_Plate_Bottom, (YPR + I) × (YPR + j) less a 10 mm chamfer
    and a quarter notch of the pipe's radius, placed in the alternator frame as §4.6 tabulates."""
    t = turbine
    if _shape(t) != "T":
        assert t.dims.frame.bottom_plate is None
        assert names.YAW_BEARING_PLATE_BOTTOM not in t.flat_parts
        return
    c = t.cells
    plate = t.dims.frame.bottom_plate
    assert plate is not None
    flat = t.flat_parts[names.YAW_BEARING_PLATE_BOTTOM]
    r, i, j = c.num("YawBearing.YawPipeRadius"), c.num(A + "I"), c.num(A + "j")
    fmt, chamfer = c.num("Spreadsheet.FlatMetalThickness"), 10
    assert (flat.material, flat.count, flat.thickness) == ("Steel", 1, fmt)
    area = (r + i) * (r + j) - chamfer**2 / 2 - math.pi * r**2 / 4
    assert flat.profile.Area() == pytest.approx(area, rel=REL)
    assert bottom_plate_profile(plate).Area() == pytest.approx(area, rel=REL)
    members, _ = frame.pieces(t.dims.frame)
    solid = members[names.YAW_BEARING_PLATE_BOTTOM]
    assert solid.Volume() == pytest.approx(area * fmt, rel=REL)
    local = solid.moved(t.frame_at).moved(t.alternator_at.inverse)
    ypl, x = c.num("HighEndStop.YawPipeLength"), c.num(A + "X")
    leg, thickness = c.num(A + "MetalLengthL"), c.num(A + "MetalThicknessL")
    low_z = c.num(A + "FrameZ") - leg + thickness
    assert _box(local) == pytest.approx(
        ((ypl - fmt) / 2, (ypl + fmt) / 2, -x - thickness - r - i, -x - thickness,
         low_z, low_z + r + j), abs=ABS)
