"""The furl transform: its shape, and the hinge and limits of derived-dimensions §21.3."""

import math

import pytest

from cadstream.design.derive import Design
from cadstream.design.furl import furl_transform
from cadstream.design.vectors import Placement, Rotation, Vector

MAXIMUM = {"T Shape": 110.15, "H Shape": 108.16, "Star Shape": 108.24}
HINGE = {"T Shape": (71.9787, 85.7316), "H Shape": (94.155, 127.4213),
         "Star Shape": (132.1559, 190.2932)}
HINGE_ANGLE = {"T Shape": 20, "H Shape": 15, "Star Shape": 15}


@pytest.mark.parametrize("name", list(MAXIMUM))
def test_main_presets(designs: dict[str, Design], name: str) -> None:
    transform = furl_transform(designs[name].cells)
    assert transform["maximum_angle"] == MAXIMUM[name]
    parent, tail, hinge = transform["transforms"]
    assert [t["name"] for t in (parent, tail, hinge)] == ["parent", "tail", "hinge"]
    x, z = HINGE[name]
    assert hinge["position"] == pytest.approx([x, 0, z], abs=5e-5)
    vpa = designs[name].cells.num("Spreadsheet.VerticalPlaneAngle")
    assert hinge["axis"] == pytest.approx([0, 1, 0])
    assert hinge["angle"] == pytest.approx(math.radians(vpa))
    assert tail["axis"] == pytest.approx([math.sin(math.radians(vpa)), 0,
                                          math.cos(math.radians(vpa))])
    assert tail["angle"] == 0 and tail["position"] == [0, 0, 0]


def test_parent_composes_link_and_tail_assembly(designs: dict[str, Design]) -> None:
    cells = designs["T Shape"].cells
    parent = furl_transform(cells)["transforms"][0]
    rebuilt = Placement(Vector(*parent["position"]),
                        Rotation.about(Vector(*parent["axis"]), math.degrees(parent["angle"])))
    expected = (cells.placement("WindTurbine.TailAssemblyLinkPlacement")
                * cells.placement("HighEndStop.TailAssemblyPlacement"))
    for point in (Vector(0, 0, 0), Vector(100, -50, 30)):
        got, want = rebuilt.apply(point), expected.apply(point)
        assert (got - want).length < 1e-9


def test_fresh_for_every_call(designs: dict[str, Design]) -> None:
    first = furl_transform(designs["T Shape"].cells)
    furl_transform(designs["H Shape"].cells)
    assert furl_transform(designs["T Shape"].cells) == first
