"""STEP: read back by CadQuery with every solid and its volume, one named, coloured product per
part, and names that must be unique."""

from __future__ import annotations

import math
import re
from pathlib import Path

import cadquery as cq
import pytest

from cadstream.cad.parts import Part
from cadstream.cad.wind_turbine import wind_turbine_steps
from cadstream.design.derive import Design
from cadstream.outputs.step import colour, step_bytes


@pytest.fixture(scope="module")
def turbine_parts(designs: dict[str, Design]) -> list[Part]:
    """The T Shape turbine: plates with holes, compounds of repeated parts, tilted placements."""
    return [part for step in wind_turbine_steps(designs["T Shape"].cells)
            for part in step.build().parts]


@pytest.fixture(scope="module")
def turbine_step(turbine_parts: list[Part]) -> bytes:
    return step_bytes("WindTurbine", turbine_parts)


def _read_back(data: bytes, folder: Path) -> list[cq.Solid]:
    path = folder / "read.step"
    path.write_bytes(data)
    return [solid for shape in cq.importers.importStep(str(path)).vals()
            for solid in shape.Solids()]


def test_the_turbine_reads_back_solid_for_solid(turbine_parts: list[Part], turbine_step: bytes,
                                                tmp_path: Path) -> None:
    solids = _read_back(turbine_step, tmp_path)
    assert len(solids) == sum(len(part.shape.Solids()) for part in turbine_parts)
    assert sum(s.Volume() for s in solids) == pytest.approx(
        sum(part.shape.Volume() for part in turbine_parts), rel=1e-6)
    assert all(solid.isValid() for solid in solids)


def test_each_part_is_a_named_product(turbine_parts: list[Part], turbine_step: bytes) -> None:
    text = turbine_step.decode("latin-1")
    assert text.startswith("ISO-10303-21;")
    products = re.findall(r"PRODUCT\('([^']*)'", text)
    assert {part.name for part in turbine_parts} | {"WindTurbine"} <= set(products)


def test_parts_are_coloured_by_what_they_are_made_of(turbine_step: bytes) -> None:
    """Steel, copper, magnets, plywood and (translucent) resin: five colours in the file."""
    text = turbine_step.decode("latin-1")
    rgb = {tuple(round(float(v), 3) for v in match)
           for match in re.findall(r"COLOUR_RGB\('[^']*',([-\d.E+]+),([-\d.E+]+),([-\d.E+]+)\)",
                                   text)}
    expected = {tuple(round(c, 3) for c in colour(name).toTuple()[:3])
                for name in ("Frame", "Stator_Coils", "Rotor_Magnets_Back",
                             "Blade_Assembly_BackDisk", "Stator_ResinCast")}
    assert expected <= rgb


def test_colours_follow_the_viewer_s_material_rules() -> None:
    """First match wins: resin, copper, magnets, plywood, else steel (assembly §10.4)."""
    def rgba(name: str) -> tuple[float, ...]:
        return colour(name).toTuple()

    assert rgba("Rotor_ResinCast_Front")[3] < 1  # resin is translucent
    assert rgba("Stator_ResinCast") == rgba("Rotor_ResinCast_Back")
    assert rgba("Tail_Vane") == rgba("Blade_Assembly_FrontTriangle")
    assert rgba("Studs_Hub") == rgba("Frame") == rgba("Rotor_Disk_Back")
    assert len({rgba(n) for n in ("Frame", "Stator_Coils", "Rotor_Magnets_Back", "Tail_Vane",
                                   "Stator_ResinCast")}) == 5


def test_a_small_assembly_round_trips(tmp_path: Path) -> None:
    box = cq.Solid.makeBox(10, 20, 30)
    pins = cq.Compound.makeCompound([cq.Solid.makeCylinder(2, 5, cq.Vector(x, 0, 0))
                                     for x in (0, 10, 20)])
    data = step_bytes("Jig", [Part("Block", box), Part("Pins", pins)])
    solids = _read_back(data, tmp_path)
    assert len(solids) == 4
    assert sum(s.Volume() for s in solids) == pytest.approx(6000 + 3 * math.pi * 4 * 5,
                                                            rel=1e-6)
    assert {"Jig", "Block", "Pins"} <= set(re.findall(r"PRODUCT\('([^']*)'", data.decode()))


def test_repeated_names_are_refused() -> None:
    box = cq.Solid.makeBox(1, 1, 1)
    with pytest.raises(ValueError, match="Block"):
        step_bytes("Jig", [Part("Block", box), Part("Block", box)])
