"""The blade hub plates of every preset against the reference (assembly §4.8, derived-dimensions
§18, §20.1, §20.10): plywood flat parts with closed-form areas and hole counts, screw layouts
matching the reference's checks, axial positions, and stud holes on the hub studs."""

from __future__ import annotations

import math

import pytest
from built_tools import overlap
from built_turbine import BuiltTurbine

from cadstream.cad import names
from cadstream.cad.turbine_dims import TurbineDims
from cadstream.design.derive import Design
from cadstream.params.presets import presets

PRESETS = tuple(presets())
ABS = 1e-6
REL = 1e-9
B = "Blade."
A = "Alternator."
PLATES = (names.BLADE_ASSEMBLY_BACK_DISK, names.BLADE_ASSEMBLY_FRONT_TRIANGLE)


@pytest.fixture(params=PRESETS)
def turbine(request: pytest.FixtureRequest, turbines: dict[str, BuiltTurbine]) -> BuiltTurbine:
    return turbines[request.param]


def _single(t: BuiltTurbine) -> bool:
    return t.cells.text(A + "RotorTopology") == "Single"


def _holes(t: BuiltTurbine) -> dict[str, tuple[int, float]]:
    """Per plate: its number of holes and their total area (§4.8, §20.10)."""
    c = t.cells
    studs = round(c.num("Hub.NumberOfHoles"))
    stud_area = studs * math.pi * c.num("Hub.HubHolesRadius") ** 2
    screw_area = math.pi * c.num(B + "ScrewHoleRadius") ** 2
    back_screws = 3 * round(c.num(B + "NumberOfBackDiskScrewsPerBlade"))
    centre_r = 2 if _single(t) else 6
    rows = ("Outer",) if c.num(B + "HideInnerScrews") == 1 else ("Inner", "Outer")
    front_screws = 3 * sum(round(c.num(f"{B}NumberOf{row}Screws")) for row in rows)
    return {
        names.BLADE_ASSEMBLY_BACK_DISK: (
            1 + studs + back_screws,
            math.pi * centre_r**2 + stud_area + back_screws * screw_area),
        names.BLADE_ASSEMBLY_FRONT_TRIANGLE: (studs + front_screws,
                                              stud_area + front_screws * screw_area),
    }


def test_plates_are_plywood_flat_parts_with_closed_form_areas(turbine: BuiltTurbine) -> None:
    """Outline less every hole, so holes that overlapped one another or the edge would show (as
    would an invalid face); the solid is the profile extruded by the plate's thickness."""
    c = turbine.cells
    plate_t = c.num(B + "BladeAssemblyPlateThickness")
    radius = c.num(B + "BladeAssemblyBackDiskDiameter") / 2
    side = c.num(B + "BladeAssemblyFrontTriangleSideLength")
    outline = {names.BLADE_ASSEMBLY_BACK_DISK: math.pi * radius**2,
               names.BLADE_ASSEMBLY_FRONT_TRIANGLE: math.sqrt(3) / 4 * side**2}
    for name, (count, hole_area) in _holes(turbine).items():
        flat = turbine.flat_parts[name]
        assert (flat.material, flat.count, flat.thickness) == ("Plywood", 1, plate_t), name
        assert flat.profile.isValid(), name
        assert len(flat.profile.innerWires()) == count, name
        assert flat.profile.Area() == pytest.approx(outline[name] - hole_area, rel=REL), name
        solid = turbine.parts[name]
        assert solid.isValid(), name
        assert solid.Volume() == pytest.approx(flat.profile.Area() * plate_t, rel=REL), name


def test_plates_sit_on_the_hub_studs_in_front_of_the_rotor(turbine: BuiltTurbine) -> None:
    """§20.1: the back disk against the front disk's nut and washer (two rotors) or the hub's
    pad (one), the blades' thickness, then the triangle; both on the axis."""
    c = turbine.cells
    plate_t = c.num(B + "BladeAssemblyPlateThickness")
    st, g = c.num(A + "StatorThickness"), c.num(A + "MechanicalClearance")
    if _single(turbine):
        back_z = (-(g + st / 2 + c.num(A + "RotorThickness")) - c.num("Hub.MiddlePadThickness")
                  - plate_t)
    else:
        front_disk = -st / 2 - g * c.num(A + "FrontRotorCount") - c.num(A + "FrontRotorThickness")
        back_z = front_disk - c.num(A + "HubHexNutThickness") - 2.5 - plate_t
    front_z = back_z - c.num(B + "BladeThickness") - plate_t
    back = turbine.alternator_at.inverse
    for name, z in zip(PLATES, (back_z, front_z), strict=True):
        box = turbine.parts[name].moved(back).BoundingBox()
        assert (box.zmin, box.zmax) == pytest.approx((z, z + plate_t), abs=ABS), name
        centre = turbine.flat_parts[name].solid().Center()
        assert math.hypot(centre.x, centre.y) < 0.05 * plate_t, name
    disk = turbine.parts[names.BLADE_ASSEMBLY_BACK_DISK].moved(back).BoundingBox()
    radius = c.num(B + "BladeAssemblyBackDiskDiameter") / 2
    assert (disk.xmin, disk.xmax) == pytest.approx((-radius, radius), abs=ABS)


def test_the_triangle_is_turned_to_meet_the_back_disk(turbine: BuiltTurbine) -> None:
    """A vertex of the triangle points to 90° − pick(T: 35°, H: 48°, Star: 75°) in the
    alternator frame (§4.8, turned clockwise seen from +z)."""
    c = turbine.cells
    turn = {"T": 35, "H": 48, "Star": 75}[c.text(A + "CalculatedWindTurbineShape")]
    local = turbine.parts[names.BLADE_ASSEMBLY_FRONT_TRIANGLE].moved(turbine.alternator_at.inverse)
    far = max(local.Vertices(), key=lambda v: math.hypot(v.X, v.Y))
    angle = math.degrees(math.atan2(far.Y, far.X))
    vertex_r = c.num(B + "BladeAssemblyFrontTriangleSideLength") / math.sqrt(3)
    assert math.hypot(far.X, far.Y) == pytest.approx(vertex_r, abs=ABS)
    assert min(abs((angle - (90 - turn + 120 * k) + 180) % 360 - 180)
               for k in range(3)) == pytest.approx(0, abs=1e-6)


def test_the_studs_pass_the_plates(turbine: BuiltTurbine) -> None:
    """Stud holes and studs share their radius and circle, so the studs touch the plates (both
    of them: the reference leaves the triangle's stud holes out, a builder drills them)."""
    for name in PLATES:
        assert overlap(turbine.parts[name], turbine.parts[names.STUDS_HUB]) == pytest.approx(
            0, abs=1e-3), name


@pytest.mark.parametrize(("preset", "inner", "outer"), [
    ("T Shape", (-55.977, 45.468), (-61.377, 71.660)),
    ("H Shape", (-110.413, 23.515), (-120.404, 81.367)),
])
def test_first_triangle_screws_match_the_reference(designs: dict[str, Design], preset: str,
                                                   inner: tuple[float, float],
                                                   outer: tuple[float, float]) -> None:
    """derived-dimensions §18's check: each row's first hole before the plate's turn."""
    c = designs[preset].cells
    screws = TurbineDims.from_cells(c).blade_hub.front.screws
    n_inner = round(c.num(B + "NumberOfInnerScrews"))
    assert screws[0] == pytest.approx(inner, abs=1e-3)
    assert screws[n_inner] == pytest.approx(outer, abs=1e-3)


def test_back_disk_screw_rings_follow_the_part_document(designs: dict[str, Design]) -> None:
    """T Shape by hand (§4.8): 9 screws a blade, round(0.43·9) = 4 inner, 5 outer; the disk's
    radius 125.5 split between the stud holes (50 + 6) and the rim in gaps of
    (125.5 − 2 − 56)/3 = 22.5, so rings of 78.5 and 103; screws from 45° + step, each ring's
    step its covered angle 120° + atan(√(ρ² − 48²)/(−68)) over n + 1 (W − BladeWidth = −68)."""
    c = designs["T Shape"].cells
    assert c.num(B + "BladeWidth") == 124 and c.num(B + "BladeTemplateDim_W") == 56
    rings = TurbineDims.from_cells(c).blade_hub.back.screw_rings
    for ring, count, radius in ((rings[0], 4, 78.5), (rings[3], 5, 103.0)):
        covered = 120 + math.degrees(math.atan(math.sqrt(radius**2 - 48**2) / -68))
        step = covered / (count + 1)
        assert (ring.count, ring.radius, ring.pitch_radius) == (count, 2, pytest.approx(radius))
        assert (ring.first_angle, ring.step) == pytest.approx((45 + step, step))
    assert [ring.first_angle - rings[0].first_angle for ring in rings[:3]] == pytest.approx(
        [0, 120, 240])
