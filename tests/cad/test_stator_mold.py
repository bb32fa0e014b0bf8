"""The stator mold of every preset against the reference's part tree, closed-form plate areas and
its invariants: the cavity is the stator cast's outline, bolts pass every layer untouched, and
the lid's notch never cuts a bolt hole (tools §1.1, derived dimensions §6 and §20.6)."""

from __future__ import annotations

import math

import cadquery as cq
import pytest
from built_tools import BuiltTool, build, overlap, solids, z_range

from cadstream.cad.placement import translated
from cadstream.cad.tools import names
from cadstream.cad.tools.stator_mold import LidNotch, StatorMoldDims, stator_mold_steps
from cadstream.design.cells import Cells
from cadstream.design.derive import Design
from cadstream.design.stator_outline import (
    circular_stator_outline_area,
    hexagonal_stator_outline_area,
)
from cadstream.params.presets import presets

PRESETS = tuple(presets())
A = "Alternator."
ABS = 1e-6  # mm, for positions and extents
REL = 1e-9  # profile areas against closed forms

PLATES = (names.STATOR_MOLD_BASE, names.STATOR_MOLD_BOLT_HEAD_LAYER,
          names.STATOR_MOLD_BOLT_SHAFT_LAYER, names.STATOR_MOLD_SURROUND,
          names.STATOR_MOLD_ISLAND, names.STATOR_MOLD_LID)


@pytest.fixture(scope="session")
def stator_molds(designs: dict[str, Design]) -> dict[str, BuiltTool]:
    return {name: build(name, design.cells, stator_mold_steps)
            for name, design in designs.items()}


@pytest.fixture(params=PRESETS)
def mold(request: pytest.FixtureRequest, stator_molds: dict[str, BuiltTool]) -> BuiltTool:
    return stator_molds[request.param]


def _num(c: Cells, alias: str) -> float:
    return c.num(A + alias)


def test_the_presets_cover_both_molds_and_the_lid_notch_branch(
        stator_molds: dict[str, BuiltTool]) -> None:
    cells = [mold.cells for mold in stator_molds.values()]
    assert {c.text(A + "CalculatedWindTurbineShape") for c in cells} == {"T", "H", "Star"}
    assert {_num(c, "DoesLidNotchAlignWithBolt") for c in cells} == {0, 1}
    assert {_num(c, "StatorMoldBoltDiameter") for c in cells} == {10, 12}


def test_every_solid_is_valid(mold: BuiltTool) -> None:
    for name, shape in mold.parts.items():
        assert shape.isValid(), name
    for label, flat in mold.flat_parts.items():
        assert flat.profile.isValid(), label


def test_parts_are_named_and_ordered_as_the_reference_lists_them(mold: BuiltTool) -> None:
    """§2.e.2: fasteners kept whole, the stator under its alternator names."""
    assert list(mold.parts) == [
        "Stator_Mold_Base", "LocatingBolts", "LocatingWashers", "Stator_Mold_BoltHeadLayer",
        "Bolts", "Nuts", "Washers", "Stator_Mold_BoltShaftLayer", "IslandScrews",
        "SurroundScrews", "Stator_Mold_Surround", "Stator_Coils", "Stator_ResinCast",
        "Stator_Mold_Island", "Stator_Mold_Lid"]


def test_layers_stack_one_stator_thickness_each(mold: BuiltTool) -> None:
    t = _num(mold.cells, "StatorThickness")
    layers = {names.STATOR_MOLD_BASE: 0, names.STATOR_MOLD_BOLT_HEAD_LAYER: 1,
              names.STATOR_MOLD_BOLT_SHAFT_LAYER: 2, names.STATOR_MOLD_SURROUND: 3,
              names.STATOR_MOLD_ISLAND: 3, "Stator_ResinCast": 3, names.STATOR_MOLD_LID: 4}
    for name, layer in layers.items():
        assert z_range(mold.parts[name]) == pytest.approx((layer * t, layer * t + t), abs=ABS)


def test_plates_are_plywood_flat_parts_one_each(mold: BuiltTool) -> None:
    t = _num(mold.cells, "StatorThickness")
    assert set(mold.flat_parts) == set(PLATES)
    for label, flat in mold.flat_parts.items():
        assert (flat.material, flat.thickness, flat.count) == ("Plywood", t, 1), label
        box = flat.profile.BoundingBox()
        assert (box.zmin, box.zmax) == pytest.approx((0, 0), abs=ABS), label
        assert mold.parts[label].Volume() == pytest.approx(flat.profile.Area() * t, rel=REL)


def _circles(n: float, r: float) -> float:
    return n * math.pi * r * r


def _hexagons(n: float, circumradius: float) -> float:
    return n * 3 * math.sqrt(3) / 2 * circumradius**2


def _notch_area(c: Cells) -> float:
    """The lid notch: a half disk and the flared slot from its centre to the left edge."""
    halfway = (_num(c, "StatorMoldSurroundEdgeRadius") + _num(c, "OutsideCoilEdgeRadius")) / 2
    px = -abs(halfway * math.cos(math.radians(_num(c, "LidNotchDegrees"))))
    r = _num(c, "WireTubeDiameter") / 2 + _num(c, "RadiusOfResinAroundWireTube")
    run = px + _num(c, "StatorMoldSideLength") / 2
    return math.pi * r * r / 2 + run * (2 * r + run * math.tan(math.radians(3)))


def test_plate_areas_match_the_closed_forms(mold: BuiltTool) -> None:
    """Square less every hole, each hole whole and apart: a hole cut into another, into the
    cavity or across the lid's notch would change the area."""
    c = mold.cells
    shape = c.text(A + "CalculatedWindTurbineShape")
    side, bolt_r = _num(c, "StatorMoldSideLength"), _num(c, "StatorMoldBoltDiameter") / 2
    screw_r = _num(c, "StatorMoldScrewHoleRadius")
    surround_bolts = (_num(c, "StatorMoldSurroundNumberOfBolts")
                      - _num(c, "DoesLidNotchAlignWithBolt"))
    island_bolts = _num(c, "StatorMoldIslandNumberOfBolts")
    bolts = surround_bolts + island_bolts
    surround_screws = _num(c, "StatorMoldSurroundNumberOfScrews")
    island_screws = _num(c, "StatorMoldIslandNumberOfScrews")
    square = side * side - _circles(3, bolt_r)
    cavity = (hexagonal_stator_outline_area(_num(c, "HexagonalStatorOuterCircumradius"))
              if shape == "Star"
              else circular_stator_outline_area(_num(c, "StatorHolesCircumradius"),
                                                _num(c, "EarSize"),
                                                _num(c, "NumberOfStatorHoles")))
    expected = {
        names.STATOR_MOLD_BASE: square,
        names.STATOR_MOLD_BOLT_HEAD_LAYER:
            square - _hexagons(bolts, _num(c, "StatorMoldBoltWidthAcrossCorners") / 2),
        names.STATOR_MOLD_BOLT_SHAFT_LAYER:
            square - _circles(bolts, bolt_r) - _circles(surround_screws + island_screws,
                                                         screw_r),
        names.STATOR_MOLD_SURROUND:
            square - _circles(surround_bolts, bolt_r) - _circles(surround_screws, screw_r)
            - cavity,
        names.STATOR_MOLD_ISLAND:
            math.pi * _num(c, "StatorInnerHoleRadius") ** 2 - _circles(island_bolts, bolt_r)
            - _circles(island_screws, screw_r),
        names.STATOR_MOLD_LID: square - _circles(bolts, bolt_r) - _notch_area(c),
    }
    for label, area in expected.items():
        assert mold.flat_parts[label].profile.Area() == pytest.approx(area, rel=REL), label


def _largest_hole(face: cq.Face) -> cq.Face:
    return max((cq.Face.makeFromWires(w) for w in face.innerWires()), key=lambda f: f.Area())


def _bottom_outline(solid: cq.Shape, z: float) -> cq.Face:
    """The outline of ``solid``'s face lying at height ``z``, moved down to z = 0."""
    (face,) = [f for f in solid.Faces()
               if f.normalAt().z < -0.999 and abs(f.Center().z - z) < ABS]
    return cq.Face.makeFromWires(face.outerWire()).moved(translated(z=-z))


def test_the_cavity_is_the_stator_cast_s_outline(mold: BuiltTool) -> None:
    """The surround's cavity and the cast's outline, as they sit in the mold, differ by less
    than a 0.1 mm band (here by nothing: both are the same circle-with-ears or hexagon)."""
    t = _num(mold.cells, "StatorThickness")
    cavity = _largest_hole(mold.flat_parts[names.STATOR_MOLD_SURROUND].profile)
    outline = _bottom_outline(mold.parts["Stator_ResinCast"], 3 * t)
    difference = cavity.cut(outline).Area() + outline.cut(cavity).Area()
    assert difference <= 0.1 * outline.outerWire().Length()
    assert difference == pytest.approx(0, abs=1e-6 * outline.Area())
    assert cavity.Area() == pytest.approx(outline.Area(), rel=REL)


def test_the_stator_fills_the_space_between_surround_and_island(mold: BuiltTool) -> None:
    """The island is the cast's central hole (StatorInnerHoleRadius), and neither plate
    enters the cast or its coils."""
    parts = mold.parts
    cast, coils = parts["Stator_ResinCast"], parts["Stator_Coils"]
    island = parts[names.STATOR_MOLD_ISLAND]
    radius = _num(mold.cells, "StatorInnerHoleRadius")
    box = island.BoundingBox()
    assert (box.xmin, box.xmax, box.ymin, box.ymax) == pytest.approx(
        (-radius, radius, -radius, radius), abs=ABS)
    for plate in (names.STATOR_MOLD_SURROUND, names.STATOR_MOLD_ISLAND):
        assert overlap(parts[plate], cast) == pytest.approx(0, abs=1e-3), plate
        assert overlap(parts[plate], coils) == pytest.approx(0, abs=1e-3), plate
    t = _num(mold.cells, "StatorThickness")
    (bottom,) = [f for f in cast.Faces()
                 if f.normalAt().z < -0.999 and abs(f.Center().z - 3 * t) < ABS]
    assert _largest_hole(bottom).Area() == pytest.approx(math.pi * radius**2, rel=1e-6)


def test_bolts_pass_every_layer_without_touching_it(mold: BuiltTool) -> None:
    """Heads in the hexagonal pockets, shanks through round holes in every layer above: a bolt
    off its hole in any layer would cut into that plate."""
    plates = cq.Compound.makeCompound([mold.parts[label] for label in PLATES])
    for bolts in (names.BOLTS, names.LOCATING_BOLTS):
        assert overlap(mold.parts[bolts], plates) == pytest.approx(0, abs=1e-3), bolts


def test_fasteners_follow_the_reference_counts_and_stack(mold: BuiltTool) -> None:
    """4N (Star 24) surround bolts less the one the lid notch would cut, the island bolts, and
    a washer and nut on each above the lid with the three locating bolts'; locating bolts under
    the base on their washers; screws' heads flush with the surround (§1.1.6)."""
    c, parts = mold.cells, mold.parts
    t, washer_t = _num(c, "StatorThickness"), 2.5
    bolts = (_num(c, "StatorMoldSurroundNumberOfBolts") - _num(c, "DoesLidNotchAlignWithBolt")
             + _num(c, "StatorMoldIslandNumberOfBolts"))
    assert solids(parts[names.BOLTS]) == bolts
    assert solids(parts[names.NUTS]) == solids(parts[names.WASHERS]) == bolts + 3
    assert solids(parts[names.LOCATING_BOLTS]) == solids(parts[names.LOCATING_WASHERS]) == 3
    assert solids(parts[names.ISLAND_SCREWS]) == _num(c, "StatorMoldIslandNumberOfScrews")
    assert solids(parts[names.SURROUND_SCREWS]) == _num(c, "StatorMoldSurroundNumberOfScrews")
    head = _num(c, "HexNutThickness")
    assert z_range(parts[names.BOLTS]) == pytest.approx(
        (t, t + head + _num(c, "StatorMoldBoltLength")), abs=ABS)
    assert z_range(parts[names.LOCATING_BOLTS])[0] == pytest.approx(-washer_t - head, abs=ABS)
    assert z_range(parts[names.LOCATING_WASHERS]) == pytest.approx((-washer_t, 0), abs=ABS)
    assert z_range(parts[names.WASHERS]) == pytest.approx((5 * t, 5 * t + washer_t), abs=ABS)
    assert z_range(parts[names.NUTS]) == pytest.approx(
        (5 * t + washer_t, 5 * t + washer_t + _num(c, "StatorMoldHexNutThickness")), abs=ABS)
    for screws in (names.ISLAND_SCREWS, names.SURROUND_SCREWS):
        assert z_range(parts[screws]) == pytest.approx(
            (4 * t - _num(c, "StatorMoldScrewLength"), 4 * t), abs=ABS)
    bolt_top = z_range(parts[names.BOLTS])[1]
    nut_top = z_range(parts[names.NUTS])[1]
    assert bolt_top >= nut_top + 2 - ABS  # the thread shows at least 2 mm past every nut


def test_the_lid_notch_drops_the_bolt_it_lines_up_with(designs: dict[str, Design]) -> None:
    """Three presets put the notch at 210°, on a large inner bolt (bolt pitch 30°): that bolt,
    and only that one, goes; every other preset keeps all 4N."""
    for name, design in designs.items():
        c = design.cells
        d = StatorMoldDims.from_cells(c)
        full = 24 if c.text(A + "CalculatedWindTurbineShape") == "Star" else 4 * _num(
            c, "NumberOfStatorHoles")
        notch = _num(c, "LidNotchDegrees")
        angles = {round(math.degrees(math.atan2(y, x)) % 360, 6) for x, y in d.surround_bolts}
        if _num(c, "DoesLidNotchAlignWithBolt"):
            assert (notch, len(d.surround_bolts)) == (210, full - 1), name
            assert notch not in angles, name
        else:
            assert len(d.surround_bolts) == full, name


def test_a_hole_reaches_the_notch_by_its_edge() -> None:
    notch = LidNotch((-100.0, -50.0), 13.0, 3.0)
    assert notch.reaches(-100 + 13 + 5.9, -50, 6)
    assert not notch.reaches(-100 + 13 + 6.1, -50, 6)
    flare = 13 + 100 * math.tan(math.radians(3))
    assert notch.reaches(-200, -50 + flare + 5.9, 6)
    assert not notch.reaches(-200, -50 + flare + 6.1 / math.cos(math.radians(3)), 6)


def test_t_shape_pilot_holes_follow_the_ear_as_the_reference_places_them(
        designs: dict[str, Design]) -> None:
    """§20.6: the two pilot holes on the tangent line left of the bottom ear, T preset."""
    d = StatorMoldDims.from_cells(designs["T Shape"].cells)
    for expected in ((-74.740, -205.347), (-39.486, -223.939)):
        assert any(math.dist(expected, p) < 1e-3 for p in d.surround_screws), expected


def test_the_hexagonal_mold_puts_its_bolts_on_a_hexagon(designs: dict[str, Design]) -> None:
    """Star: 24 bolts every 15° with corners at 0°, 60°…, all on the hexagon of
    LengthMiddleHoles, and the 48 pilot holes on its edges too."""
    c = designs["Star Shape"].cells
    d = StatorMoldDims.from_cells(c)
    apothem = _num(c, "LengthMiddleHoles") * math.cos(math.radians(30))
    for x, y in d.surround_bolts + d.surround_screws:
        polar = math.degrees(math.atan2(y, x)) % 360
        edge = math.radians(30 + 60 * math.floor(polar / 60))
        assert x * math.cos(edge) + y * math.sin(edge) == pytest.approx(apothem, abs=ABS)
    angles = sorted(round(math.degrees(math.atan2(y, x)) % 360, 6) for x, y in d.surround_bolts)
    assert angles == [15.0 * k for k in range(24)]


def test_steps_name_what_they_build(mold: BuiltTool) -> None:
    assert mold.steps == ("stator mold base", "stator mold bolt head layer",
                          "stator mold bolt shaft layer", "stator mold surround and stator",
                          "stator mold lid")


def test_fasteners_are_built_once_and_copied(mold: BuiltTool) -> None:
    for name in (names.BOLTS, names.NUTS, names.WASHERS, names.ISLAND_SCREWS,
                 names.SURROUND_SCREWS, names.LOCATING_BOLTS):
        first, *others = mold.parts[name].Solids()
        assert others and all(o.wrapped.IsPartner(first.wrapped) for o in others), name
