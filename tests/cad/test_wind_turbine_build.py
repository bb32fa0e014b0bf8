"""The whole turbine of every preset: the steps, the object names the viewer expects, the flat
parts of tools-and-outputs §2.b.6, valid solids, and a frame that keeps clear of the rotors and
the stator."""

from __future__ import annotations

import itertools
import re

import cadquery as cq
import pytest
from built_tools import overlap
from built_turbine import BuiltTurbine

from cadstream.cad import names
from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.cad.parts import Part
from cadstream.cad.wind_turbine import wind_turbine_steps
from cadstream.outputs.obj import obj_text
from cadstream.params.presets import presets

PRESETS = tuple(presets())

#: Assembly §10.2: the 26 objects of a Double rotor turbine.
VIEWER_NAMES = {
    "Blade_Assembly_BackDisk", "Blade_Assembly_FrontTriangle", "Stator_Coils", "Stator_ResinCast",
    "Rotor_Disk_Front", "Rotor_ResinCast_Front", "Rotor_Magnets_Front", "Rotor_Disk_Back",
    "Rotor_ResinCast_Back", "Rotor_Magnets_Back", "Hub_Flange", "Hub_Flange_Cover_Front",
    "Hub_Flange_Cover_Back", "Hub_StubAxleShaft", "Studs_Hub", "Frame", "YawBearing",
    "Tail_Hinge_Inner", "Tail_Hinge_Outer", "Tail_Boom_Pipe", "Tail_Boom_Support",
    "Tail_Stop_HighEnd", "Vane_Bracket_Top", "Vane_Bracket_Bottom", "Tail_Vane", "Studs_Frame",
}
#: Front rotor objects a topology leaves out.
MISSING = {
    "Double": set(),
    "Single and metal disk": {"Rotor_ResinCast_Front", "Rotor_Magnets_Front"},
    "Single": {"Rotor_Disk_Front", "Rotor_ResinCast_Front", "Rotor_Magnets_Front"},
}


@pytest.fixture(params=PRESETS)
def turbine(request: pytest.FixtureRequest, turbines: dict[str, BuiltTurbine]) -> BuiltTurbine:
    return turbines[request.param]


def _topology(t: BuiltTurbine) -> str:
    return t.cells.text("Alternator.RotorTopology")


def test_the_wind_turbine_assembly_is_built_by_these_steps() -> None:
    assert ASSEMBLY_STEPS["WindTurbine"] is wind_turbine_steps


def test_steps_follow_the_alternator(turbine: BuiltTurbine) -> None:
    front = ("front rotor",) if _topology(turbine) != "Single" else ()
    alternator = ("stator", "back rotor", *front, "hub", "hub studs", "stator studs")
    mine = ("frame", "yaw bearing", "blade hub plates")
    assert turbine.steps[:len(alternator) + 3] == (*alternator, *mine)
    assert all(step.startswith("tail") for step in turbine.steps[len(alternator) + 3:])


def test_objects_are_the_ones_the_viewer_expects(turbine: BuiltTurbine) -> None:
    """Assembly §10.2: 26 objects with two rotors, without the absent ``*_Front`` parts; the OBJ
    holds each once, ``Frame`` and ``YawBearing`` whole (one object each)."""
    expected = VIEWER_NAMES - MISSING[_topology(turbine)]
    assert set(turbine.parts) == expected
    text = obj_text([Part(name, shape) for name, shape in turbine.parts.items()])
    objects = re.findall(r"^o (\S+)$", text, flags=re.MULTILINE)
    meshes = [name for name in objects if not re.search(r"Wire\d+$", name)]
    assert sorted(meshes) == sorted(expected)
    assert len(text.encode("utf-8")) < 3_000_000, "the whole turbine's OBJ must stay under 3 MB"


def test_every_solid_is_valid(turbine: BuiltTurbine) -> None:
    for name, shape in turbine.parts.items():
        assert shape.isValid(), name


def test_flat_parts_and_counts_follow_the_reference(turbine: BuiltTurbine) -> None:
    """tools-and-outputs §2.b.6: every turbine flat part once, but the junction's side covers
    and the vane bracket bodies (a part and its mirror) twice."""
    shape = turbine.cells.text("Alternator.CalculatedWindTurbineShape")
    expected = {
        "Blade_Assembly_BackDisk": 1, "Blade_Assembly_FrontTriangle": 1, "Rotor_Disk_Back": 1,
        "Tail_Boom_Support": 1, "Tail_Hinge_Junction_Cover_Top": 1,
        "Tail_Hinge_Junction_Cover_Side": 2, "Tail_Hinge_Outer_Pipe_Cover": 1,
        "Tail_Stop_HighEnd": 1, "Tail_Stop_LowEnd": 1, "Tail_Vane": 1,
        "Tail_Vane_Bracket_Body": 2, "YawBearing_SafetyCatch": 1,
    }
    if _topology(turbine) != "Single":
        expected["Rotor_Disk_Front"] = 1
    if shape == "T":
        expected |= {"YawBearing_Plate_Top": 1, "YawBearing_Plate_Bottom": 1}
    else:
        expected |= {"YawBearing_Extended_Top": 1, "YawBearing_Extended_Side": 1,
                     "Tail_Hinge_Inner_Pipe_Cover": 1}
    assert {label: flat.count for label, flat in turbine.flat_parts.items()} == expected


def _apart(a: cq.BoundBox, b: cq.BoundBox) -> bool:
    return (a.xmax < b.xmin or b.xmax < a.xmin or a.ymax < b.ymin or b.ymax < a.ymin
            or a.zmax < b.zmin or b.zmax < a.zmin)


def test_rotors_stator_and_frame_do_not_intersect(turbine: BuiltTurbine) -> None:
    """No two of them share more than 1e-6 of the smaller's volume, but the coils cast into the
    stator and each rotor's magnets into its resin. Checked in the alternator frame, where parts
    stacked along the shaft have boxes apart and need no boolean."""
    back = turbine.alternator_at.inverse
    parts = {name: shape.moved(back) for name, shape in turbine.parts.items()
             if name.startswith(("Rotor_", "Stator_")) or name == names.FRAME}
    boxes = {name: shape.BoundingBox() for name, shape in parts.items()}
    cast_in = [{names.STATOR_COILS, names.STATOR_RESIN_CAST},
               {names.ROTOR_MAGNETS_BACK, names.ROTOR_RESIN_CAST_BACK},
               {names.ROTOR_MAGNETS_FRONT, names.ROTOR_RESIN_CAST_FRONT}]
    for (a, sa), (b, sb) in itertools.combinations(parts.items(), 2):
        if {a, b} in cast_in or _apart(boxes[a], boxes[b]):
            continue
        smaller = min(sa.Volume(), sb.Volume())
        assert overlap(sa, sb) < 1e-6 * smaller, (a, b)
