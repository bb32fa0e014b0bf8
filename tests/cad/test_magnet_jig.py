"""The magnet jig of every preset: the variant by the gap between magnets, the reference's part
tree and closed-form plate areas, and its invariant: it holds the magnets where the rotor has
them, every magnet snug in its own pocket (tools §1.3, derived dimensions §8 and §20.8)."""

from __future__ import annotations

import math

import cadquery as cq
import pytest
from built_tools import BuiltTool, build, overlap, solids, z_range

from cadstream.cad.placement import rotated_z
from cadstream.cad.tools import names
from cadstream.cad.tools.magnet_jig import magnet_jig_steps
from cadstream.design.cells import Cells
from cadstream.design.derive import Design
from cadstream.params.presets import presets

PRESETS = tuple(presets())
A = "Alternator."
ABS = 1e-6
REL = 1e-9
JIG_T = 6.0
#: Width (mm) of the feeler slabs laid against a magnet's sides.
FEELER = 0.01


@pytest.fixture(scope="session")
def magnet_jigs(designs: dict[str, Design]) -> dict[str, BuiltTool]:
    return {name: build(name, design.cells, magnet_jig_steps)
            for name, design in designs.items()}


@pytest.fixture(params=PRESETS)
def jig(request: pytest.FixtureRequest, magnet_jigs: dict[str, BuiltTool]) -> BuiltTool:
    return magnet_jigs[request.param]


def _num(c: Cells, alias: str) -> float:
    return c.num(A + alias)


def _inner(c: Cells) -> bool:
    return c.num("Spreadsheet.InnerDistanceBetweenMagnets") >= 10


def test_the_presets_cover_both_jigs(magnet_jigs: dict[str, BuiltTool]) -> None:
    """The ferrite presets (0.5 and 2 mm gaps) and "W > L Triangular" take the outer jig."""
    outer = {name for name, jig in magnet_jigs.items() if not _inner(jig.cells)}
    assert outer == {"T Shape 2F", "H Shape 4F", "Magnet Width > Length, Triangular Coil"}


def test_every_solid_is_valid(jig: BuiltTool) -> None:
    for name, shape in jig.parts.items():
        assert shape.isValid(), name


def test_parts_are_named_as_the_reference_lists_them(jig: BuiltTool) -> None:
    """§2.e.2: washers under the inner jig only, the jig disk with the outer jig only."""
    if _inner(jig.cells):
        expected = ["Bolts", "Rotor_Disk_Back", "Rotor_Magnets", "Washers", "Rotor_MagnetJig",
                    "Nuts"]
    else:
        expected = ["Bolts", "Rotor_Disk_Back", "Rotor_Magnets", "Rotor_MagnetJig", "Nuts",
                    "Rotor_MagnetJig_Disk"]
    assert list(jig.parts) == expected


def test_plates_are_plywood_flat_parts_one_each(jig: BuiltTool) -> None:
    """Not multiplied by the rotors; the disk is the alternator's and not handed out again."""
    labels = {names.ROTOR_MAGNET_JIG} | (set() if _inner(jig.cells)
                                          else {names.ROTOR_MAGNET_JIG_DISK})
    assert set(jig.flat_parts) == labels
    for label, flat in jig.flat_parts.items():
        assert (flat.material, flat.thickness, flat.count) == ("Plywood", JIG_T, 1), label
        assert jig.parts[label].Volume() == pytest.approx(flat.profile.Area() * JIG_T, rel=REL)


def _strip_in_circle(radius: float, half_width: float, start: float) -> float:
    """Area of {|x| ≤ half_width, start ≤ y} inside the circle of ``radius``."""
    w = half_width
    return (w * math.sqrt(radius**2 - w * w) + radius**2 * math.asin(w / radius)
            - 2 * w * start)


def test_plate_areas_match_the_closed_forms(jig: BuiltTool) -> None:
    c = jig.cells
    n = _num(c, "NumberMagnet")
    w, ml, inner = _num(c, "MagnetWidth") / 2, _num(c, "MagnetLength"), _num(
        c, "DistanceOfMagnetFromCenter")
    bolts = _num(c, "NumberOfRotorMoldBolts") * math.pi * c.num("Hub.HubHolesRadius") ** 2
    area = jig.flat_parts[names.ROTOR_MAGNET_JIG].profile.Area()
    if _inner(c):
        rd = _num(c, "RotorDiskRadius")
        expected = math.pi * rd**2 - bolts - n * _strip_in_circle(rd, w, inner)
    else:
        circle_r = inner / math.cos(math.pi / n)
        hole = math.pi * circle_r**2 + n * (2 * w * ml - _strip_in_circle(circle_r, w, inner))
        expected = _num(c, "RotorMoldSideLength") ** 2 - hole
        disk = jig.flat_parts[names.ROTOR_MAGNET_JIG_DISK].profile.Area()
        assert disk == pytest.approx(math.pi * inner**2 - bolts, rel=REL)
    assert area == pytest.approx(expected, rel=REL)


def test_the_jig_lies_on_the_disk_or_on_its_washers(jig: BuiltTool) -> None:
    c, parts = jig.cells, jig.parts
    td = _num(c, "RotorDiskThickness")
    z = td + (2.5 if _inner(c) else 0)
    assert z_range(parts["Rotor_Disk_Back"]) == pytest.approx((0, td), abs=ABS)
    assert z_range(parts[names.ROTOR_MAGNET_JIG]) == pytest.approx((z, z + JIG_T), abs=ABS)
    if _inner(c):
        assert z_range(parts[names.WASHERS]) == pytest.approx((td, td + 2.5), abs=ABS)
    else:
        assert z_range(parts[names.ROTOR_MAGNET_JIG_DISK]) == pytest.approx((z, z + JIG_T),
                                                                           abs=ABS)
    assert z_range(parts[names.NUTS])[0] == pytest.approx(z + JIG_T, abs=ABS)
    bolts = _num(c, "NumberOfRotorMoldBolts")
    assert solids(parts[names.BOLTS]) == solids(parts[names.NUTS]) == bolts
    for name, shape in parts.items():
        if name != names.BOLTS:
            assert overlap(parts[names.BOLTS], shape) == pytest.approx(0, abs=1e-3), name


def _holder(jig: BuiltTool) -> cq.Shape:
    """The jig's plywood as it is cut (profiles at z = 0): the jig, and the outer jig's disk."""
    return cq.Compound.makeCompound([flat.profile for flat in jig.flat_parts.values()])


def _feelers(c: Cells, x: tuple[float, float], y: tuple[float, float]) -> cq.Compound:
    """A thin rectangle spanning ``x`` × ``y`` (magnet frame: +y radial, centred on x = 0),
    copied to every magnet."""
    rectangle = cq.Face.makeFromWires(cq.Wire.makePolygon(
        [cq.Vector(x[0], y[0], 0), cq.Vector(x[1], y[0], 0), cq.Vector(x[1], y[1], 0),
         cq.Vector(x[0], y[1], 0)], close=True))
    n = round(_num(c, "NumberMagnet"))
    return cq.Compound.makeCompound([rectangle.moved(rotated_z(k * 360 / n)) for k in range(n)])


def _touch(a: cq.Shape, b: cq.Shape) -> float:
    return a.intersect(b).Area()


def test_the_jig_holds_every_magnet_where_the_rotor_has_it(jig: BuiltTool) -> None:
    """No plywood over any magnet, and a pocket exactly a magnet wide: feelers laid against
    both sides of every magnet's footprint touch the jig along the pocket's side, and one laid
    across its inner end touches the jig (inner) or the jig's disk (outer)."""
    c, parts = jig.cells, jig.parts
    magnets = parts[names.ROTOR_MAGNETS]
    for label in jig.flat_parts:
        assert overlap(parts[label], magnets) == pytest.approx(0, abs=1e-3), label
    holder = _holder(jig)
    w, ml = _num(c, "MagnetWidth") / 2, _num(c, "MagnetLength")
    inner = _num(c, "DistanceOfMagnetFromCenter")
    n = _num(c, "NumberMagnet")
    assert _touch(holder, _feelers(c, (-w, w), (inner, inner + ml))) == pytest.approx(
        0, abs=1e-6)
    # The inner jig's notch sides run the magnet's whole length (out to the rim); the outer
    # jig's windows open into the central hole short of the magnet's inner end.
    side = ml if _inner(c) else inner + ml - math.sqrt((inner / math.cos(math.pi / n)) ** 2
                                                       - w * w)
    for x in ((w, w + FEELER), (-w - FEELER, -w)):
        touched = _touch(holder, _feelers(c, x, (inner, inner + ml)))
        # to first order in the feeler's width (its outer corner may overhang the rim)
        assert touched == pytest.approx(n * FEELER * side, rel=1e-3), x
    across_inner_end = _touch(holder, _feelers(c, (-w, w), (inner - FEELER, inner)))
    assert across_inner_end > 0
    if _inner(c):
        assert across_inner_end == pytest.approx(n * FEELER * 2 * w, rel=1e-3)


def test_steps_name_what_they_build(jig: BuiltTool) -> None:
    assert jig.steps == ("rotor under the magnet jig", "magnet jig")
