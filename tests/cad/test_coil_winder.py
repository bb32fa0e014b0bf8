"""The coil winder of every preset: the reference's part tree and stack, its flat parts, and its
invariant: the former (spacer and pins) is the coil's hole for each coil type, the pins standing
exactly where the hole's corner arcs are (tools §1.4, derived dimensions §7 and §20.7)."""

from __future__ import annotations

import math

import cadquery as cq
import pytest
from built_tools import BuiltTool, build, overlap, solids, z_range

from cadstream.cad.placement import translated
from cadstream.cad.tools import names
from cadstream.cad.tools.coil_winder import coil_winder_steps
from cadstream.design.cells import Cells
from cadstream.design.derive import Design
from cadstream.outputs.outline import outline
from cadstream.params.presets import presets

PRESETS = tuple(presets())
A = "Alternator."
ABS = 1e-6
REL = 1e-9
CHEEK = 12.0
WASHER = 2.5


@pytest.fixture(scope="session")
def coil_winders(designs: dict[str, Design]) -> dict[str, BuiltTool]:
    return {name: build(name, design.cells, coil_winder_steps)
            for name, design in designs.items()}


@pytest.fixture(params=PRESETS)
def winder(request: pytest.FixtureRequest, coil_winders: dict[str, BuiltTool]) -> BuiltTool:
    return coil_winders[request.param]


def _num(c: Cells, alias: str) -> float:
    return c.num(A + alias)


def _layers(c: Cells) -> int:
    return round(_num(c, "NumberOfCoilsPerPhase"))


def test_the_presets_cover_every_coil_type_and_the_turned_coil(
        coil_winders: dict[str, BuiltTool]) -> None:
    cells = [winder.cells for winder in coil_winders.values()]
    assert {(_num(c, "CoilType"), _num(c, "DoCoilsOverlap")) for c in cells} >= {
        (1, 0), (2, 0), (3, 0), (3, 1)}
    assert {_num(c, "CoilWinderCoilsAngle") for c in cells} == {0, 90}


def test_every_solid_is_valid(winder: BuiltTool) -> None:
    for name, shape in winder.parts.items():
        assert shape.isValid(), name


def test_parts_are_named_as_the_reference_lists_them(winder: BuiltTool) -> None:
    """§2.e.2: array elements ``<array><index>`` from 0, the rest kept whole."""
    n = _layers(winder.cells)

    def array(label: str, count: int) -> list[str]:
        return [f"{label}{j}" for j in range(count)]

    assert list(winder.parts) == [
        *array("Stator_CoilWinder_Cheeks", n), *array("Stator_CoilWinder_Cheek_Spacers", n),
        *array("Stator_Coils", n), *array("Stator_CoilWinder_Cheek_Notches", n),
        "Outer_Nut_Back", "Rods", "Outer_Washer_Back", "Outer_Washer_Front", "Outer_Nut_Front",
        *array("InnerBackWashers", n - 1), *array("NutStacks", n - 1),
        *array("InnerFrontWashers", n - 1)]


def test_plates_are_plywood_flat_parts_one_per_coil_of_a_phase(winder: BuiltTool) -> None:
    """Cheeks 12 mm; the spacer models the stator's thickness but is cut from plywood 1 mm
    thinner (§2.b.3)."""
    c = winder.cells
    t, n = _num(c, "StatorThickness"), _layers(c)
    expected = {names.COIL_WINDER_CHEEK: (CHEEK, "Stator_CoilWinder_Cheeks0"),
                names.COIL_WINDER_CHEEK_NOTCH: (CHEEK, "Stator_CoilWinder_Cheek_Notches0"),
                names.COIL_WINDER_SPACER: (t - 1, "Stator_CoilWinder_Cheek_Spacers0")}
    assert set(winder.flat_parts) == set(expected)
    for label, (thickness, part) in expected.items():
        flat = winder.flat_parts[label]
        assert (flat.material, flat.thickness, flat.count) == ("Plywood", thickness, n), label
        modelled = t if label == names.COIL_WINDER_SPACER else thickness
        assert winder.parts[part].Volume() == pytest.approx(flat.profile.Area() * modelled,
                                                            rel=REL), label


def test_cells_stack_along_the_rod_as_the_reference_places_them(winder: BuiltTool) -> None:
    """Cell j at j·P: cheek, spacer (and coil), notched cheek; washer, four nuts and washer
    between cells; a washer and nut at each end; rod and pins 5 mm past them (§1.4.3)."""
    c, parts = winder.cells, winder.parts
    t, n = _num(c, "StatorThickness"), _layers(c)
    pitch, h = _num(c, "CoilWinderSpaceBetweenLayer"), _num(c, "CoilWinderHexNutThickness")
    layer, total = _num(c, "CoilWinderAssemblyThickness"), _num(
        c, "CoilWinderAssemblyThicknessTotal")
    for j in range(n):
        z = j * pitch
        expected = {
            f"Stator_CoilWinder_Cheeks{j}": (z, z + CHEEK),
            f"Stator_CoilWinder_Cheek_Spacers{j}": (z + CHEEK, z + CHEEK + t),
            f"Stator_Coils{j}": (z + CHEEK, z + CHEEK + _num(c, "CoilThickness")),
            f"Stator_CoilWinder_Cheek_Notches{j}": (z + CHEEK + t, z + 2 * CHEEK + t),
        }
        if j < n - 1:
            expected |= {
                f"InnerBackWashers{j}": (z + layer, z + layer + WASHER),
                f"NutStacks{j}": (z + layer + WASHER, z + layer + WASHER + 4 * h),
                f"InnerFrontWashers{j}": (z + layer + WASHER + 4 * h, z + pitch),
            }
            assert solids(parts[f"NutStacks{j}"]) == 4
        for name, span in expected.items():
            assert z_range(parts[name]) == pytest.approx(span, abs=ABS), name
    ends = {"Outer_Washer_Back": (-WASHER, 0), "Outer_Nut_Back": (-WASHER - h, -WASHER),
            "Outer_Washer_Front": (total, total + WASHER),
            "Outer_Nut_Front": (total + WASHER, total + WASHER + h),
            "Rods": (-WASHER - h - 5, -WASHER - h - 5 + _num(c, "CoilWinderCenterRodLength"))}
    for name, span in ends.items():
        assert z_range(parts[name]) == pytest.approx(span, abs=ABS), name
    assert total == pytest.approx((n - 1) * pitch + layer)


def _face_at(shape: cq.Shape, z: float) -> cq.Face:
    """The face of ``shape`` facing −z at height ``z``, moved down to z = 0."""
    (face,) = [f for f in shape.Faces() if f.normalAt().z < -0.999 and abs(f.Center().z - z)
               < ABS]
    return face.moved(translated(z=-z))


def _pins(winder: BuiltTool) -> set[tuple[float, float, float]]:
    """``(x, y, radius)`` of every pin (and the triangular winder's bottom rod): the rods that
    start 5 mm under the first cheek."""
    found = set()
    for rod in winder.parts[names.RODS].Solids():
        box = rod.BoundingBox()
        if abs(box.zmin + 5) < ABS:
            found.add((round(box.center.x, 6), round(box.center.y, 6), round(box.xlen / 2, 6)))
    return found


def test_the_former_is_the_coil_s_hole(winder: BuiltTool) -> None:
    """Every coil as wound: its hole's corner arcs are the pins (centre and radius), and the
    spacer lies inside the hole, touching no pin and no coil."""
    c, parts = winder.cells, winder.parts
    pitch = _num(c, "CoilWinderSpaceBetweenLayer")
    spacer = cq.Face.makeFromWires(
        winder.flat_parts[names.COIL_WINDER_SPACER].profile.outerWire())
    pins = _pins(winder)
    expected = 4 if _num(c, "CoilType") != 3 else 3
    assert len(pins) == expected
    for j in range(_layers(c)):
        coil = parts[f"Stator_Coils{j}"]
        (hole_wire,) = _face_at(coil, j * pitch + CHEEK).innerWires()
        arcs = {(round(e.arcCenter().x, 6), round(e.arcCenter().y, 6), round(e.radius(), 6))
                for e in hole_wire.Edges() if e.geomType() == "CIRCLE"}
        assert arcs == pins, j
        hole = cq.Face.makeFromWires(hole_wire)
        assert spacer.cut(hole).Area() == pytest.approx(0, abs=1e-6), j
        assert overlap(coil, parts[f"Stator_CoilWinder_Cheek_Spacers{j}"]) == pytest.approx(
            0, abs=1e-3)
        assert overlap(coil, parts[names.RODS]) == pytest.approx(0, abs=1e-3)


def test_pins_and_rod_pass_the_plates_and_bear_on_the_spacer(winder: BuiltTool) -> None:
    """Pins and rod go through their holes in every cheek without cutting one, and every pin
    touches the spacer's edge, so the coil is wound on both."""
    parts = winder.parts
    plates = cq.Compound.makeCompound([shape for name, shape in parts.items()
                                       if name.startswith("Stator_CoilWinder")])
    assert overlap(parts[names.RODS], plates) == pytest.approx(0, abs=1e-3)
    spacer = winder.flat_parts[names.COIL_WINDER_SPACER].profile
    for x, y, r in _pins(winder):
        pin = cq.Face.makeFromWires(cq.Wire.makeCircle(r, cq.Vector(x, y, 0),
                                                       cq.Vector(0, 0, 1)))
        assert pin.distance(spacer) == pytest.approx(0, abs=1e-6), (x, y)
        assert pin.intersect(spacer).Area() == pytest.approx(0, abs=1e-6), (x, y)


def test_a_rectangular_coil_on_wide_magnets_is_wound_turned(
        coil_winders: dict[str, BuiltTool]) -> None:
    """Magnets 46 wide × 30 long: the pins span Ml across and Mw along +y (§1.4.2), so the coil,
    whose hole is Ml radially, lies a quarter turn round."""
    winder = coil_winders["Magnet Width > Length, Rectangular Coil"]
    xs = {x for x, _, _ in _pins(winder)}
    ys = {y for _, y, _ in _pins(winder)}
    pr = _num(winder.cells, "CoilWinderPinRadius")
    assert max(xs) - min(xs) == pytest.approx(_num(winder.cells, "MagnetLength") - 2 * pr)
    assert max(ys) - min(ys) == pytest.approx(_num(winder.cells, "MagnetWidth") - 2 * pr)


def test_every_plate_is_one_plane_face_the_cnc_overview_can_draw(winder: BuiltTool) -> None:
    """Cheeks: rim, rod hole and a hole per pin and bottom rod; spacer: outline and rod hole."""
    holes = 4 if _num(winder.cells, "CoilType") == 3 else 5
    loops = {names.COIL_WINDER_CHEEK: 1 + holes, names.COIL_WINDER_CHEEK_NOTCH: 1 + holes,
             names.COIL_WINDER_SPACER: 2}
    for label, flat in winder.flat_parts.items():
        assert isinstance(flat.profile, cq.Face) and flat.profile.isValid(), label
        assert len(outline(flat.profile).loops) == loops[label], label


def _inside(shape: cq.Shape, x: float, y: float, z: float) -> bool:
    return shape.isInside(cq.Vector(x, y, z))


def test_the_cheeks_notches_leave_room_for_tape_and_leads(winder: BuiltTool) -> None:
    """Tape notches CoilWinderDiskTapeNotchWidth wide, square to the coil's sides, out through
    the rim (rectangular and keyhole: on ±x from the pins' line; triangular: 2 mm outside each
    flank); the notched cheek's lead notch ends just beyond the outer pins and opens 50°; every
    rim corner rounded R8."""
    c, parts = winder.cells, winder.parts
    cheek, notched = parts["Stator_CoilWinder_Cheeks0"], parts["Stator_CoilWinder_Cheek_Notches0"]
    z_cheek, z_notched = CHEEK / 2, sum(z_range(notched)) / 2
    width, eps = _num(c, "CoilWinderDiskTapeNotchWidth"), 0.01
    radius = _num(c, "CoilWinderDiskRadius")
    fillets = {names.COIL_WINDER_CHEEK: 4, names.COIL_WINDER_CHEEK_NOTCH: 6}
    for label, count in fillets.items():
        edges = winder.flat_parts[label].profile.outerWire().Edges()
        rounded = [e for e in edges if e.geomType() == "CIRCLE" and abs(e.radius() - 8) < ABS]
        assert len(rounded) == count, label
    if _num(c, "CoilType") != 3:
        v = _num(c, "RectangularVerticalDistanceOfHolesFromCenter")
        outer = _num(c, "OuterHorizontalDistanceBetweenCenterOfSmallHoles") / 2
        inner = _num(c, "InnerHorizontalDistanceBetweenCenterOfSmallHoles") / 2

        def line(y: float) -> float:
            """x of the line through the right-hand pins."""
            return inner + (outer - inner) * (y + v) / (2 * v)

        top = width / 2 - eps
        for sign in (1, -1):
            for shape, z in ((cheek, z_cheek), (notched, z_notched)):
                assert not _inside(shape, sign * (line(top) + eps), top, z)
                assert not _inside(shape, sign * (radius - 1), -top, z)
                assert _inside(shape, sign * (line(top) + 1), width / 2 + eps, z)
                assert _inside(shape, sign * (line(0) - eps), 0, z)
        apex = v + _num(c, "CoilWinderPinRadius")
    else:
        apex = (_num(c, "TriangularVerticalDistanceOfHolesFromCenter")
                + _num(c, "CoilWinderPinRadius"))
    assert _inside(cheek, 0, apex + eps, z_cheek)
    assert not _inside(notched, 0, apex + eps, z_notched)
    assert _inside(notched, 0, apex - eps, z_notched)
    for side in (1, -1):
        ray = math.radians(90 - side * 25)
        for reach, inside in ((-eps, True), (eps, False)):
            # Just either side of the lead notch's edge, halfway out to the rim.
            along = (radius - apex) / 2
            normal = math.radians(90 - side * 25 - side * 90)
            x = along * math.cos(ray) - reach * math.cos(normal)
            y = apex + along * math.sin(ray) - reach * math.sin(normal)
            assert _inside(notched, x, y, z_notched) == inside, (side, reach)


def test_steps_name_what_they_build(winder: BuiltTool) -> None:
    assert winder.steps == ("coil winder cheeks, spacers and coils",
                            "coil winder rod, pins and nuts")


def test_every_cell_is_a_copy_of_the_first(winder: BuiltTool) -> None:
    """Plates and coils are made once and placed in every cell."""
    n = _layers(winder.cells)
    for array in ("Stator_CoilWinder_Cheeks", "Stator_CoilWinder_Cheek_Spacers", "Stator_Coils",
                  "Stator_CoilWinder_Cheek_Notches"):
        first = winder.parts[f"{array}0"].wrapped
        assert all(winder.parts[f"{array}{j}"].wrapped.IsPartner(first) for j in range(n)), array
