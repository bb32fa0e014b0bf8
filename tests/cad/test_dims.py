"""Typed dimensions: the part-document formulas against hand-worked T Shape numbers, and bad
cells refused with their name."""

from __future__ import annotations

import pytest

from cadstream.cad.dims import AlternatorDims
from cadstream.design.cells import ValueMap
from cadstream.design.derive import Design


def test_the_t_shape_stack_matches_the_hand_worked_positions(designs: dict[str, Design]) -> None:
    """St 13, g 3, Td 10, Mt 10, HubStudsLength 184.57, HubHexNutThickness 10.19, FrameZ 115.88:
    front disk at −6.5 − 3 − 20, back at 6.5 + 3 + 20 (flipped), the flange on the back disk and
    the hub studs ending 5 mm past the nut behind the 16 mm middle pad."""
    stack = AlternatorDims.from_cells(designs["T Shape"].cells).stack
    assert stack.stator_z == -6.5
    assert stack.front_rotor_z == pytest.approx(-29.5)
    assert (stack.back_rotor_z, stack.back_flipped) == (pytest.approx(29.5), True)
    assert stack.hub_z == pytest.approx(29.5)
    assert stack.hub_studs_z == pytest.approx(29.5 + 16 + 5 - 184.57 + 10.19)
    assert stack.frame_z == pytest.approx(115.88)


def test_a_single_rotor_sits_on_the_blade_side_unturned(designs: dict[str, Design]) -> None:
    d = AlternatorDims.from_cells(designs["1.2m 46x30x10mm magnets"].cells)
    assert d.stack.front_rotor_z is None
    assert not d.stack.back_flipped
    assert d.stack.back_rotor_z < 0
    assert d.stack.hub_z == pytest.approx(d.stack.back_rotor_z - 16)


def test_hub_stud_items_follow_the_reference_stack(designs: dict[str, Design]) -> None:
    """T Shape: back nut 169.38, three spacer nuts from 133.19 down, three washers, the front
    disk nut at 84.19 and the blade-plate washers and nut below it (§4.5)."""
    items = AlternatorDims.from_cells(designs["T Shape"].cells).hub_studs.items
    kinds = [kind for kind, _ in items]
    assert kinds == ["nut", "nut", "nut", "nut", "washer", "washer", "washer", "nut",
                     "wide washer", "wide washer", "nut"]
    z = [position for _, position in items]
    assert z[:2] == pytest.approx([169.38, 133.19])
    assert z[7:] == pytest.approx([84.19, 81.69, 15.19, 5.0])


def test_a_fractional_count_is_refused_with_its_cell(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    bad = ValueMap({**{key: cells[key] for key in cells}, "Alternator.NumberOfCoils": 7.5})
    with pytest.raises(ValueError, match=r"Alternator\.NumberOfCoils.*7\.5"):
        AlternatorDims.from_cells(bad)


def test_an_unknown_topology_is_refused(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    bad = ValueMap({**{key: cells[key] for key in cells}, "Alternator.RotorTopology": "Triple"})
    with pytest.raises(ValueError, match="Triple"):
        AlternatorDims.from_cells(bad)


@pytest.mark.parametrize("preset", ["T Shape", "H Shape", "Star Shape"])
def test_coils_leave_room_for_the_studs(designs: dict[str, Design], preset: str) -> None:
    """T: every stud midway between two coils; H and Star: a coil centred on 180° (§4.3)."""
    d = AlternatorDims.from_cells(designs[preset].cells).stator
    centres = sorted((90 + a) % 360 for a in d.coils.angles)
    pitch = 360 / d.coils.count
    if d.shape == "T":
        for stud in d.studs.angles:
            offset = min((stud - c) % 360 for c in centres)
            assert offset == pytest.approx(pitch / 2), stud
    else:
        assert any(c == pytest.approx(180) for c in centres)
