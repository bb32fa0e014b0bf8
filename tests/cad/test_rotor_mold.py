"""The rotor mold of every preset against the reference's part tree and closed-form plate areas,
and its invariant: the mold is the rotor cast's negative (surround hole = RotorMoldSurroundRadius,
island = IslandRadius, neither entering the cast), with the alternator's own back rotor in it
(tools §1.2, derived dimensions §8 and §20.8)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from built_tools import BuiltTool, build, overlap, solids, z_range

from cadstream.cad.dims import HoleCircle
from cadstream.cad.tools import names
from cadstream.cad.tools.rotor_mold import RotorMoldDims, lid_profile, rotor_mold_steps
from cadstream.design.cells import Cells
from cadstream.design.derive import Design
from cadstream.params.presets import presets

PRESETS = tuple(presets())
A = "Alternator."
ABS = 1e-6
REL = 1e-9
BASE = 15.0


@pytest.fixture(scope="session")
def rotor_molds(designs: dict[str, Design]) -> dict[str, BuiltTool]:
    return {name: build(name, design.cells, rotor_mold_steps)
            for name, design in designs.items()}


@pytest.fixture(params=PRESETS)
def mold(request: pytest.FixtureRequest, rotor_molds: dict[str, BuiltTool]) -> BuiltTool:
    return rotor_molds[request.param]


def _num(c: Cells, alias: str) -> float:
    return c.num(A + alias)


def _ferrite(c: Cells) -> bool:
    return c.text(A + "MagnetMaterial") == "Ferrite C8"


def test_the_presets_cover_lids_topologies_and_reduced_disks(
        rotor_molds: dict[str, BuiltTool]) -> None:
    cells = [mold.cells for mold in rotor_molds.values()]
    assert {_ferrite(c) for c in cells} == {True, False}
    assert {c.text(A + "RotorTopology") for c in cells} == {"Double", "Single and metal disk",
                                                            "Single"}
    assert any(_num(c, "RotorDiskRadius") > 230 for c in cells)


def test_every_solid_is_valid(mold: BuiltTool) -> None:
    for name, shape in mold.parts.items():
        assert shape.isValid(), name


def test_parts_are_named_as_the_reference_lists_them(mold: BuiltTool) -> None:
    """§2.e.2, the lid left out for ferrite magnets (the resin covers only 70 % of them)."""
    lid = [] if _ferrite(mold.cells) else ["Rotor_Mold_Lid"]
    assert list(mold.parts) == [
        "Rotor_Mold_Base", "Rotor_Mold_Surround", "Rotor_Mold_Island", "Rotor_Disk_Back",
        "Rotor_ResinCast", "Rotor_Magnets", *lid, "Bolts", "Nuts", "Screws"]


def test_plates_are_plywood_flat_parts_one_set_per_magnet_rotor(mold: BuiltTool) -> None:
    """The rotor disk is the alternator's flat part and is not handed out again."""
    c = mold.cells
    count = 2 if c.text(A + "RotorTopology") == "Double" else 1
    thickness = {names.ROTOR_MOLD_BASE: BASE,
                 names.ROTOR_MOLD_SURROUND: _num(c, "RotorMoldSurroundThickness"),
                 names.ROTOR_MOLD_ISLAND: _num(c, "RotorMoldIslandThickness")}
    if not _ferrite(c):
        thickness[names.ROTOR_MOLD_LID] = 6
    assert set(mold.flat_parts) == set(thickness)
    for label, flat in mold.flat_parts.items():
        assert (flat.material, flat.thickness, flat.count) == ("Plywood", thickness[label],
                                                               count), label
        assert mold.parts[label].Volume() == pytest.approx(
            flat.profile.Area() * flat.thickness, rel=REL), label


def test_plate_areas_match_the_closed_forms(mold: BuiltTool) -> None:
    c = mold.cells
    side = _num(c, "RotorMoldSideLength")
    bolts = _num(c, "NumberOfRotorMoldBolts") * math.pi * c.num("Hub.HubHolesRadius") ** 2
    screws = _num(c, "NumberOfRotorMoldScrews") * math.pi * _num(c, "ScrewHoleRadius") ** 2
    expected = {
        names.ROTOR_MOLD_BASE: side * side - bolts - screws,
        names.ROTOR_MOLD_SURROUND:
            side * side - math.pi * _num(c, "RotorMoldSurroundRadius") ** 2 - screws,
        names.ROTOR_MOLD_ISLAND: math.pi * _num(c, "IslandRadius") ** 2 - bolts,
    }
    if not _ferrite(c):
        clearance = c.num("Fastener.HubHolesWidthAcrossCorners") / 2 + 5
        expected[names.ROTOR_MOLD_LID] = (side * side - _num(c, "NumberOfRotorMoldBolts")
                                          * math.pi * clearance**2)
    for label, area in expected.items():
        assert mold.flat_parts[label].profile.Area() == pytest.approx(area, rel=REL), label


def test_plates_and_rotor_stack_as_the_reference_places_them(mold: BuiltTool) -> None:
    """Base 0…15, surround and disk from 15, island on the disk, lid on the magnets (§20.8)."""
    c, parts = mold.cells, mold.parts
    td, mt = _num(c, "RotorDiskThickness"), _num(c, "MagnetThickness")
    island_t = _num(c, "RotorMoldIslandThickness")
    expected = {
        names.ROTOR_MOLD_BASE: (0, BASE),
        names.ROTOR_MOLD_SURROUND: (BASE, BASE + _num(c, "RotorMoldSurroundThickness")),
        "Rotor_Disk_Back": (BASE, BASE + td),
        names.ROTOR_RESIN_CAST: (BASE, BASE + td + island_t),
        names.ROTOR_MOLD_ISLAND: (BASE + td, BASE + td + island_t),
    }
    if not _ferrite(c):
        expected[names.ROTOR_MOLD_LID] = (BASE + td + mt, BASE + td + mt + 6)
    for name, span in expected.items():
        assert z_range(parts[name]) == pytest.approx(span, abs=ABS), name


def test_the_mold_is_the_rotor_cast_s_negative(mold: BuiltTool) -> None:
    """The surround's hole is the cast's outer edge and the island its inner edge; neither
    plate, nor the base under it, enters the cast."""
    c, parts = mold.cells, mold.parts
    cast = parts[names.ROTOR_RESIN_CAST].BoundingBox()
    outer = _num(c, "RotorMoldSurroundRadius")
    assert (cast.xmin, cast.xmax, cast.ymin, cast.ymax) == pytest.approx(
        (-outer, outer, -outer, outer), abs=ABS)
    hole = max(mold.flat_parts[names.ROTOR_MOLD_SURROUND].profile.innerWires(),
               key=lambda w: w.BoundingBox().xlen)
    assert hole.BoundingBox().xlen == pytest.approx(2 * outer, abs=ABS)
    inner = _num(c, "IslandRadius")
    top = z_range(parts[names.ROTOR_RESIN_CAST])[1]
    (cast_top,) = [f for f in parts[names.ROTOR_RESIN_CAST].Faces()
                   if f.normalAt().z > 0.999 and abs(f.Center().z - top) < ABS]
    (cast_hole,) = cast_top.innerWires()
    assert cast_hole.BoundingBox().xlen == pytest.approx(2 * inner, abs=ABS)
    assert parts[names.ROTOR_MOLD_ISLAND].BoundingBox().xlen == pytest.approx(2 * inner, abs=ABS)
    for plate in (names.ROTOR_MOLD_BASE, names.ROTOR_MOLD_SURROUND, names.ROTOR_MOLD_ISLAND):
        assert overlap(parts[plate], parts[names.ROTOR_RESIN_CAST]) == pytest.approx(
            0, abs=1e-3), plate


def test_the_rotor_is_the_alternator_s_back_rotor(mold: BuiltTool) -> None:
    """A reduced-weight disk (six pockets) above 230 mm; the magnets stand on it inside the
    cast; the disk never enters the mold's plates."""
    c, parts = mold.cells, mold.parts
    disk = parts["Rotor_Disk_Back"]
    (bottom,) = [f for f in disk.Faces() if f.normalAt().z < -0.999]
    holes = 1 + c.num("Hub.NumberOfHoles") + (6 if _num(c, "RotorDiskRadius") > 230 else 0)
    assert len(bottom.innerWires()) == holes
    assert solids(parts[names.ROTOR_MAGNETS]) == _num(c, "NumberMagnet")
    assert z_range(parts[names.ROTOR_MAGNETS])[0] == pytest.approx(
        BASE + _num(c, "RotorDiskThickness"), abs=ABS)
    for plate in mold.flat_parts:
        assert overlap(parts[plate], disk) == pytest.approx(0, abs=1e-3), plate
        assert overlap(parts[plate], parts[names.ROTOR_MAGNETS]) == pytest.approx(
            0, abs=1e-3), plate


def test_bolts_clamp_base_disk_and_island_and_screws_hold_the_surround(
        mold: BuiltTool) -> None:
    """Hub bolts on their heads under the base, through the disk's hub holes and the island,
    nuts on the island; screws' heads flush with the surround's top."""
    c, parts = mold.cells, mold.parts
    n_bolts = _num(c, "NumberOfRotorMoldBolts")
    assert solids(parts[names.BOLTS]) == solids(parts[names.NUTS]) == n_bolts
    assert solids(parts[names.SCREWS]) == _num(c, "NumberOfRotorMoldScrews")
    for name in (*mold.flat_parts, "Rotor_Disk_Back"):
        assert overlap(parts[names.BOLTS], parts[name]) == pytest.approx(0, abs=1e-3), name
    assert z_range(parts[names.BOLTS]) == pytest.approx(
        (-c.num("Fastener.HexNutThickness"), c.num("Fastener.HubHolesBoltLength")), abs=ABS)
    island_top = z_range(parts[names.ROTOR_MOLD_ISLAND])[1]
    assert z_range(parts[names.NUTS])[0] == pytest.approx(island_top, abs=ABS)
    top = BASE + _num(c, "RotorMoldSurroundThickness")
    assert z_range(parts[names.SCREWS]) == pytest.approx(
        (top - _num(c, "RotorMoldScrewLength"), top), abs=ABS)


def test_nuts_bear_on_the_island_inside_the_lid_s_clearance_holes(mold: BuiltTool) -> None:
    """The lid's wide holes clear the nuts, so no nut enters any plate."""
    plates = [mold.parts[label] for label in mold.flat_parts]
    for plate in plates:
        assert overlap(mold.parts[names.NUTS], plate) == pytest.approx(0, abs=1e-3)


def test_steps_name_what_they_build(mold: BuiltTool) -> None:
    assert mold.steps == ("rotor mold plates", "rotor in its mold",
                          "rotor mold lid and fasteners")


def test_crowded_lid_holes_become_one_hole_clearing_every_nut(designs: dict[str, Design]) -> None:
    """Five studs on a 23.5 mm pitch circle with 14.24 mm clearance holes (a random design the
    hardening tests found) would overlap: the lid gets one round hole over all the nuts instead,
    and stays one valid face."""
    d = RotorMoldDims.from_cells(designs["T Shape"].cells)
    crowded = replace(d, bolt_holes=HoleCircle.even(5, d.bolt_holes.radius, 23.5, 90),
                      lid_hole_radius=14.24)
    face = lid_profile(crowded)
    assert face.isValid() and len(face.innerWires()) == 1
    assert face.Area() == pytest.approx(d.side**2 - math.pi * (23.5 + 14.24) ** 2)
    spread = lid_profile(d)
    assert len(spread.innerWires()) == d.bolt_holes.count
