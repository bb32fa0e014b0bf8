"""The alternator of every preset against the reference's closed forms and invariants.

Volumes are checked against the Resin sheet's closed forms and against π·r²·t sums written here
from the cells; positions against the axial stack of the assembly reference (§4.1), read in the
alternator frame; the rest are physical invariants (gaps, containment, no overlap).
"""

from __future__ import annotations

import itertools
import math

import cadquery as cq
import pytest
from built_alternator import BuiltAlternator

from cadstream.cad import names
from cadstream.cad.placement import rotated_z
from cadstream.design.cells import Cells
from cadstream.params.presets import presets

PRESETS = tuple(presets())
REL = 1e-4
ABS = 1e-6  # mm, for positions and extents
A = "Alternator."

COMMON = {
    names.STATOR_COILS, names.STATOR_RESIN_CAST, names.ROTOR_DISK_BACK,
    names.ROTOR_RESIN_CAST_BACK, names.ROTOR_MAGNETS_BACK, names.HUB_FLANGE,
    names.HUB_FLANGE_COVER_FRONT, names.HUB_FLANGE_COVER_BACK, names.HUB_STUB_AXLE_SHAFT,
    names.STUDS_HUB, names.STUDS_FRAME,
}
FRONT = {
    "Double": {names.ROTOR_DISK_FRONT, names.ROTOR_RESIN_CAST_FRONT, names.ROTOR_MAGNETS_FRONT},
    "Single and metal disk": {names.ROTOR_DISK_FRONT},
    "Single": set(),
}


@pytest.fixture(params=PRESETS)
def alt(request: pytest.FixtureRequest, alternators: dict[str, BuiltAlternator]
        ) -> BuiltAlternator:
    return alternators[request.param]


def _bb(shape: cq.Shape) -> cq.BoundBox:
    return shape.BoundingBox()


def _topology(c: Cells) -> str:
    return c.text(A + "RotorTopology")


def _overlap(a: cq.Shape, b: cq.Shape) -> float:
    return a.intersect(b).Volume()


def test_the_presets_cover_every_topology_and_variant(
        alternators: dict[str, BuiltAlternator]) -> None:
    """Guards the coverage the other tests claim: every topology, shape and coil outline."""
    cells = [alt.cells for alt in alternators.values()]
    assert {_topology(c) for c in cells} == set(FRONT)
    assert {c.text(A + "CalculatedWindTurbineShape") for c in cells} == {"T", "H", "Star"}
    assert {(c.num(A + "CoilType"), c.num(A + "DoCoilsOverlap")) for c in cells} >= {
        (1, 0), (2, 0), (3, 0), (3, 1)}
    assert any(c.num(A + "RotorDiskRadius") > 230 for c in cells)


def test_every_solid_is_valid(alt: BuiltAlternator) -> None:
    for name, shape in alt.parts.items():
        assert shape.isValid(), name  # a compound is checked down to every solid


def test_part_names_follow_the_rotor_topology(alt: BuiltAlternator) -> None:
    assert set(alt.parts) == COMMON | FRONT[_topology(alt.cells)]


def test_steps_name_what_they_build(alt: BuiltAlternator) -> None:
    front = ("front rotor",) if _topology(alt.cells) != "Single" else ()
    assert alt.steps == ("stator", "back rotor", *front, "hub", "hub studs", "stator studs")


def test_resin_casts_coils_and_magnets_match_the_resin_sheet(alt: BuiltAlternator) -> None:
    c, local = alt.cells, alt.local
    expected = {
        names.STATOR_RESIN_CAST: c.num("Resin.StatorResinCastVolume"),
        names.STATOR_COILS: c.num("Resin.CoilsVolume"),
        names.ROTOR_RESIN_CAST_BACK: c.num("Resin.RotorResinCastVolume"),
        names.ROTOR_MAGNETS_BACK: c.num("Resin.MagnetsVolume"),
    }
    if _topology(c) == "Double":
        expected[names.ROTOR_RESIN_CAST_FRONT] = c.num("Resin.RotorResinCastVolume")
        expected[names.ROTOR_MAGNETS_FRONT] = c.num("Resin.MagnetsVolume")
    for name, volume in expected.items():
        assert local[name].Volume() == pytest.approx(volume, rel=REL), name


def _disk_area(c: Cells, front: bool) -> tuple[float, int]:
    """Closed-form profile area of a rotor disk and its number of holes and pockets (§4.2)."""
    rd = c.num(A + "RotorDiskRadius")
    hub_holes = c.num("Hub.NumberOfHoles")
    area = (math.pi * (rd**2 - c.num("Hub.RotorDiskCentralHoleRadius") ** 2)
            - hub_holes * math.pi * c.num("Hub.HubHolesRadius") ** 2)
    holes = 1 + hub_holes
    if front:
        jacking = c.num(A + "NumberOfJackingHoles")
        area -= jacking * math.pi * (c.num(A + "JackingHoleDiameter") / 2) ** 2
        holes += jacking
    metal_front = front and _topology(c) == "Single and metal disk"
    if rd > 230 and not metal_front:
        inner, outer = c.num(A + "PocketInnerRadius"), c.num(A + "PocketOuterRadius")
        area -= 6 * math.asin(math.pi / 12) * (outer**2 - inner**2)
        holes += 6
    return area, round(holes)


def test_rotor_disks_are_their_flat_parts_and_match_the_closed_form(
        alt: BuiltAlternator) -> None:
    c = alt.cells
    td, rd = c.num(A + "RotorDiskThickness"), c.num(A + "RotorDiskRadius")
    disks = {names.ROTOR_DISK_BACK} | ({names.ROTOR_DISK_FRONT} & set(alt.parts))
    assert set(alt.flat_parts) == disks
    for label in disks:
        flat = alt.flat_parts[label]
        assert (flat.material, flat.count, flat.thickness) == ("Steel", 1, td)
        profile_box = _bb(flat.profile)
        assert profile_box.zmin == pytest.approx(0, abs=ABS)
        assert profile_box.zmax == pytest.approx(0, abs=ABS)
        area, holes = _disk_area(c, front=label == names.ROTOR_DISK_FRONT)
        assert len(flat.profile.innerWires()) == holes, label
        assert flat.profile.Area() == pytest.approx(area, rel=1e-9), label
        disk = alt.local[label]
        assert disk.Volume() == pytest.approx(flat.profile.Area() * td, rel=1e-9), label
        box = _bb(disk)
        assert (box.xlen, box.ylen, box.zlen) == pytest.approx((2 * rd, 2 * rd, td), abs=ABS)


def test_stator_extents(alt: BuiltAlternator) -> None:
    """Thickness St, and at every stud the outline reaches out to the ear's tip (T, H) or the
    hexagon's corner (Star)."""
    c = alt.cells
    st = c.num(A + "StatorThickness")
    cast = alt.local[names.STATOR_RESIN_CAST]
    box = _bb(cast)
    assert (box.zmin, box.zmax) == pytest.approx((-st / 2, st / 2), abs=ABS)
    star = c.text(A + "CalculatedWindTurbineShape") == "Star"
    hexagon_r = c.num(A + "HexagonalStatorOuterCircumradius")
    reach = hexagon_r if star else c.num(A + "StatorHolesCircumradius") + c.num(A + "EarSize")
    n = round(c.num(A + "NumberOfStatorHoles"))
    first = {"T": 90, "H": 45, "Star": 0}[c.text(A + "CalculatedWindTurbineShape")]
    for k in range(n):
        turned = _bb(cast.moved(rotated_z(-(first + k * 360 / n))))
        assert turned.xmax == pytest.approx(reach, abs=ABS), k
    if star:
        assert (box.xmax, box.ymax) == pytest.approx((hexagon_r, hexagon_r * math.sqrt(3) / 2),
                                                     abs=ABS)


def _range(shape: cq.Shape) -> tuple[float, float]:
    box = _bb(shape)
    return box.zmin, box.zmax


def test_axial_stack_matches_the_reference(alt: BuiltAlternator) -> None:
    """Every part's z range in the alternator frame, from §4.1 and §20.1."""
    c, local = alt.cells, alt.local
    st, g = c.num(A + "StatorThickness"), c.num(A + "MechanicalClearance")
    td, mt = c.num(A + "RotorDiskThickness"), c.num(A + "MagnetThickness")
    mt_drawn = mt - (0 if c.text(A + "MagnetMaterial") == "Ferrite C8" else 0.05)
    cast_t = c.num(A + "RotorMoldSurroundThickness")
    coil_t = c.num(A + "CoilThickness")
    expected = {
        names.STATOR_RESIN_CAST: (-st / 2, st / 2),
        names.STATOR_COILS: (-coil_t / 2, coil_t / 2),
    }
    topology = _topology(c)
    if topology == "Single":
        brz = -(g + st / 2 + mt + td)
        expected |= {names.ROTOR_DISK_BACK: (brz, brz + td),
                     names.ROTOR_MAGNETS_BACK: (brz + td, brz + td + mt_drawn),
                     names.ROTOR_RESIN_CAST_BACK: (brz, brz + cast_t)}
    else:
        brz = g + st / 2 + mt + td
        expected |= {names.ROTOR_DISK_BACK: (brz - td, brz),
                     names.ROTOR_MAGNETS_BACK: (st / 2 + g + mt - mt_drawn, st / 2 + g + mt),
                     names.ROTOR_RESIN_CAST_BACK: (brz - cast_t, brz)}
    if topology == "Double":
        frz = -st / 2 - g - mt - td
        expected |= {names.ROTOR_DISK_FRONT: (frz, frz + td),
                     names.ROTOR_MAGNETS_FRONT: (frz + td, frz + td + mt_drawn),
                     names.ROTOR_RESIN_CAST_FRONT: (frz, frz + cast_t)}
    if topology == "Single and metal disk":
        expected[names.ROTOR_DISK_FRONT] = (-st / 2 - g - td, -st / 2 - g)
    for name, z_range in expected.items():
        assert _range(local[name]) == pytest.approx(z_range, abs=ABS), name


def test_rotors_keep_the_mechanical_clearance_from_the_stator(alt: BuiltAlternator) -> None:
    """The rotor faces nearest the stator stand exactly MechanicalClearance off each side."""
    c, local = alt.cells, alt.local
    st, g = c.num(A + "StatorThickness"), c.num(A + "MechanicalClearance")
    rotor_parts = [name for name in local if name.startswith("Rotor_")]
    blade_side = [n for n in rotor_parts if _range(local[n])[1] < 0]
    frame_side = [n for n in rotor_parts if _range(local[n])[0] > 0]
    assert sorted(blade_side + frame_side) == sorted(rotor_parts)
    assert max(_range(local[n])[1] for n in blade_side) == pytest.approx(-st / 2 - g, abs=ABS)
    if _topology(c) == "Single":
        assert frame_side == []
    else:
        assert min(_range(local[n])[0] for n in frame_side) == pytest.approx(st / 2 + g, abs=ABS)


#: Part pairs that overlap in the reference's own model of a preset: the per-shape hub constants
#: (frame-side pad radius, nut size) against a small stud circle, a disk's central hole smaller
#: than the pad that passes it (Single), and hub studs crossing a small stator hole.
KNOWN_CLASHES: dict[str, set[frozenset[str]]] = {
    "1.2N MWT Hoverboard 16 pole 24V": {frozenset({names.HUB_FLANGE, names.STUDS_HUB})},
    "1.8m 46x30x10mm magnets": {frozenset({names.STATOR_COILS, names.STUDS_HUB}),
                                frozenset({names.STATOR_RESIN_CAST, names.STUDS_HUB})},
    "1.2m 46x30x10mm magnets": {frozenset({names.HUB_FLANGE, names.ROTOR_DISK_BACK}),
                                frozenset({names.HUB_FLANGE, names.STUDS_HUB})},
    "Magnet Width > Length, Triangular Coil": {frozenset({names.HUB_FLANGE, names.STUDS_HUB})},
}


def _apart(a: cq.BoundBox, b: cq.BoundBox) -> bool:
    return (a.xmax < b.xmin or b.xmax < a.xmin or a.ymax < b.ymin or b.ymax < a.ymin
            or a.zmax < b.zmin or b.zmax < a.zmin)


def _meant_to_overlap(a: str, b: str) -> bool:
    """Coils are cast into the stator, and a rotor's magnets into its resin."""
    return {a, b} == {names.STATOR_COILS, names.STATOR_RESIN_CAST} or (
        a.startswith("Rotor_Magnets") and b.startswith("Rotor_ResinCast")
        and a.rsplit("_", 1)[1] == b.rsplit("_", 1)[1])


def test_no_two_parts_overlap_beyond_the_reference_s_own_clashes(alt: BuiltAlternator) -> None:
    """Rotors and stator never touch; nothing else overlaps unless the reference's model does."""
    local = alt.local
    boxes = {name: _bb(shape) for name, shape in local.items()}
    clashes = set()
    for a, b in itertools.combinations(sorted(local), 2):
        if _meant_to_overlap(a, b) or _meant_to_overlap(b, a):
            continue
        if _apart(boxes[a], boxes[b]):
            continue
        if _overlap(local[a], local[b]) > 1e-3:
            clashes.add(frozenset({a, b}))
    assert clashes == KNOWN_CLASHES.get(alt.name, set())


def test_magnets_sit_on_the_disk_inside_the_resin(alt: BuiltAlternator) -> None:
    """Magnets stand on the disk without entering it, and the resin covers them up to the
    mold island's thickness (fully for NdFeB, 70 % for ferrite), never entering the disk."""
    c, local = alt.cells, alt.local
    covered = min(c.num(A + "RotorMoldIslandThickness"),
                  c.num(A + "MagnetThickness") - c.num("Resin.MagnetThicknessOffset"))
    footprint = (c.num(A + "NumberMagnet") * c.num(A + "MagnetWidth")
                 * c.num(A + "MagnetLength"))
    sides = ("Back", "Front") if _topology(c) == "Double" else ("Back",)
    for side in sides:
        disk = local[f"Rotor_Disk_{side}"]
        cast = local[f"Rotor_ResinCast_{side}"]
        magnets = local[f"Rotor_Magnets_{side}"]
        assert _overlap(magnets, cast) == pytest.approx(footprint * covered, rel=REL), side
        assert _overlap(magnets, disk) == pytest.approx(0, abs=ABS), side
        assert _overlap(cast, disk) == pytest.approx(0, abs=ABS), side


def test_coils_lie_inside_the_stator_cast(alt: BuiltAlternator) -> None:
    coils = alt.local[names.STATOR_COILS]
    outside = coils.cut(alt.local[names.STATOR_RESIN_CAST]).Volume()
    assert outside == pytest.approx(0, abs=1e-6 * coils.Volume())


def test_hub_sits_on_the_back_disk_and_the_axle_passes_the_frame(alt: BuiltAlternator) -> None:
    """The flange's middle pad bears on the back disk's outer face (behind it with two rotors,
    in front of the single one), and the stub axle ends 20 mm behind the frame."""
    c, local = alt.cells, alt.local
    pad_t = c.num("Hub.MiddlePadThickness")
    disk_lo, disk_hi = _range(local[names.ROTOR_DISK_BACK])
    axle_lo, axle_hi = _range(local[names.HUB_STUB_AXLE_SHAFT])
    if _topology(c) == "Single":
        assert axle_lo + pad_t == pytest.approx(disk_lo, abs=ABS)
    else:
        assert axle_lo == pytest.approx(disk_hi, abs=ABS)
    frame_z = c.num(A + "FrameZ")
    assert axle_hi == pytest.approx(
        frame_z + c.num("Hub.DistanceStubAxleShaftExtendsBeyondTheFrame"), abs=ABS)
    assert axle_hi - axle_lo == pytest.approx(c.num("Hub.StubAxleShaftLength"), abs=ABS)


def test_hub_volumes_match_the_closed_forms(alt: BuiltAlternator) -> None:
    h = {alias: alt.cells.num("Hub." + alias) for alias in (
        "MiddlePadRadius", "MiddlePadThickness", "RotorSidePadRadius", "ProtrudingPadThickness",
        "NumberOfHoles", "HubHolesRadius", "FrameSidePadRadius", "FrameSidePadWidth",
        "RotorSidePadWidth", "CoverThickness", "StubAxleShaftRadius", "StubAxleShaftLength")}
    wall, cover = h["ProtrudingPadThickness"], h["CoverThickness"]

    def tube(r: float, length: float) -> float:
        return math.pi * (r**2 - (r - wall) ** 2) * length

    pad = math.pi * h["MiddlePadThickness"] * (
        h["MiddlePadRadius"] ** 2 - (h["RotorSidePadRadius"] - wall) ** 2
        - h["NumberOfHoles"] * h["HubHolesRadius"] ** 2)
    flange = (pad + tube(h["FrameSidePadRadius"], h["FrameSidePadWidth"] - cover)
              + tube(h["RotorSidePadRadius"], h["RotorSidePadWidth"] - cover))
    r, length = h["StubAxleShaftRadius"], h["StubAxleShaftLength"]
    expected = {
        names.HUB_FLANGE: flange,
        names.HUB_FLANGE_COVER_FRONT: math.pi * h["RotorSidePadRadius"] ** 2 * cover,
        names.HUB_FLANGE_COVER_BACK: math.pi * (h["FrameSidePadRadius"] ** 2 - r**2) * cover,
        names.HUB_STUB_AXLE_SHAFT: math.pi * length * (0.4 * (r - 10) ** 2 + 0.6 * r**2),
    }
    for name, volume in expected.items():
        assert alt.local[name].Volume() == pytest.approx(volume, rel=REL), name
    assert len(alt.local[names.HUB_FLANGE].Solids()) == 1


def test_hub_studs_carry_the_nuts_and_washers_of_the_topology(alt: BuiltAlternator) -> None:
    """Per stud: the rod, 2 nuts and a wide washer (Single), or 3 + spacer nuts and 2 + spacer
    washers (§7); the back nut bears on the middle pad (or the single disk) and the thread runs
    5 mm past it unless the nut is the stud's end (Single)."""
    c, local = alt.cells, alt.local
    holes = c.num("Hub.NumberOfHoles")
    nut_t = c.num(A + "HubHexNutThickness")
    thread = c.num(A + "DistanceThreadsExtendFromNuts")
    single = _topology(c) == "Single"
    per_stud = 1 + (3 if single else 5 + c.num(A + "NumberOfNutsBetweenRotorDisks")
                    + c.num(A + "NumberOfWashersBetweenRotorDisks"))
    studs = local[names.STUDS_HUB]
    assert len(studs.Solids()) == holes * per_stud
    disk_hi = _range(local[names.ROTOR_DISK_BACK])[1]
    top = (disk_hi + nut_t if single
           else disk_hi + c.num("Hub.MiddlePadThickness") + nut_t + thread)
    assert _range(studs)[1] == pytest.approx(top, abs=ABS)
    rod_length = c.num(A + "HubStudsLength")
    assert _range(studs)[1] - _range(studs)[0] == pytest.approx(rod_length, abs=ABS)


def test_frame_studs_clamp_the_stator_and_the_brackets(alt: BuiltAlternator) -> None:
    """Per stud: the rod, 4 nuts and 2 washers; the washers sit on the stator's faces with nuts
    outside them, the frame nuts clamp the bracket leg, and the thread runs 5 mm past both
    outer nuts."""
    c = alt.cells
    studs = alt.local[names.STUDS_FRAME]
    assert len(studs.Solids()) == 7 * c.num(A + "NumberOfStatorHoles")
    st, nut_t = c.num(A + "StatorThickness"), c.num(A + "HexNutThickness")
    washer_t, thread = c.num(A + "WasherThickness"), c.num(A + "DistanceThreadsExtendFromNuts")
    bracket_back = c.num(A + "FrameZ") - c.num(A + "MetalLengthL") + c.num(A + "MetalThicknessL")
    assert _range(studs) == pytest.approx(
        (-st / 2 - washer_t - nut_t - thread, bracket_back + nut_t + thread), abs=ABS)
    assert _range(studs)[1] - _range(studs)[0] == pytest.approx(
        c.num(A + "StatorMountingStudsLength"), abs=ABS)


def test_frame_studs_pass_through_the_stator_holes(alt: BuiltAlternator) -> None:
    """Rods and stud holes share their radius, so a stud in its hole touches the cast without
    entering it; a stud beside its hole would cut the resin."""
    overlap = _overlap(alt.local[names.STUDS_FRAME], alt.local[names.STATOR_RESIN_CAST])
    assert overlap == pytest.approx(0, abs=1e-3)


def test_repeated_parts_share_one_geometry(alt: BuiltAlternator) -> None:
    for name in (names.STATOR_COILS, names.ROTOR_MAGNETS_BACK):
        first, *others = alt.parts[name].Solids()
        assert others and all(other.wrapped.IsPartner(first.wrapped) for other in others), name


def test_the_alternator_sits_in_the_turbine_frame(alt: BuiltAlternator) -> None:
    """The stator's centre is the alternator link's base, the shaft runs along (cos 4°, sin 4°, 0)
    with the frame side towards −x, and a stud's ear points +Z (T, studs at 90°) or the hexagon's
    corner −Z (Star, +x_alt → −Z)."""
    c, parts = alt.cells, alt.parts
    base = c.placement("WindTurbine.AlternatorLinkPlacement").base
    centre = parts[names.STATOR_RESIN_CAST].Center()
    assert centre.toTuple() == pytest.approx((base.x, base.y, base.z), abs=ABS)
    axis = (parts[names.ROTOR_DISK_BACK].Center() - centre).normalized()
    behind = -1 if _topology(c) != "Single" else 1
    tilt = math.radians(4)
    assert axis.toTuple() == pytest.approx(
        (behind * math.cos(tilt), behind * math.sin(tilt), 0), abs=1e-9)
    box = _bb(parts[names.STATOR_RESIN_CAST])
    shape = c.text(A + "CalculatedWindTurbineShape")
    if shape == "T":
        reach = c.num(A + "StatorHolesCircumradius") + c.num(A + "EarSize")
        assert box.zmax - base.z == pytest.approx(reach, abs=ABS)
    if shape == "Star":
        reach = c.num(A + "HexagonalStatorOuterCircumradius")
        assert base.z - box.zmin == pytest.approx(reach, abs=ABS)
