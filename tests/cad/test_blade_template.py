"""The blade template of every preset against the reference's pentagon (tools §1.5): its corners,
its area by the shoelace formula and its single flat part."""

from __future__ import annotations

import pytest
from built_tools import BuiltTool, build

from cadstream.cad.tools import names
from cadstream.cad.tools.blade_template import blade_template_steps
from cadstream.design.derive import Design
from cadstream.params.presets import presets

PRESETS = tuple(presets())
ABS = 1e-6


@pytest.fixture(scope="session")
def blade_templates(designs: dict[str, Design]) -> dict[str, BuiltTool]:
    return {name: build(name, design.cells, blade_template_steps)
            for name, design in designs.items()}


@pytest.fixture(params=PRESETS)
def template(request: pytest.FixtureRequest,
             blade_templates: dict[str, BuiltTool]) -> BuiltTool:
    return blade_templates[request.param]


def _pentagon(w: float, v: float, length: float) -> list[tuple[float, float]]:
    """(0, 0) → (W, W·tan 60°) → (W, BladeRadius) → (0, BladeRadius) → (W − V, 0)."""
    return [(0, 0), (w, w * 3**0.5), (w, length), (0, length), (w - v, 0)]


def _shoelace(points: list[tuple[float, float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2)
               in zip(points, points[1:] + points[:1], strict=True)) / 2


def test_the_template_is_one_plywood_plate(template: BuiltTool) -> None:
    assert list(template.parts) == ["Blade_Template"]
    flat = template.flat_parts[names.BLADE_TEMPLATE]
    assert (flat.material, flat.thickness, flat.count) == ("Plywood", 6, 1)
    assert template.parts["Blade_Template"].isValid()
    assert template.parts["Blade_Template"].Volume() == pytest.approx(flat.profile.Area() * 6)


def test_the_outline_is_the_reference_s_pentagon(template: BuiltTool) -> None:
    """T preset: W 56, V 196 on a 1200 mm blade; a 120° root at the origin."""
    c = template.cells
    w, v = c.num("Blade.BladeTemplateDim_W"), c.num("Blade.BladeTemplateDim_V")
    length = c.num("Blade.BladeRadius")
    corners = _pentagon(w, v, length)
    profile = template.flat_parts[names.BLADE_TEMPLATE].profile
    assert profile.Area() == pytest.approx(_shoelace(corners), rel=1e-12)
    found = sorted((p.X, p.Y) for p in profile.Vertices())
    assert len(found) == len(corners)
    for point, corner in zip(found, sorted(corners), strict=True):
        assert point == pytest.approx(corner, abs=ABS)
    box = profile.BoundingBox()
    assert (box.xmin, box.xmax, box.ymin, box.ymax) == pytest.approx((w - v, w, 0, length),
                                                                     abs=ABS)


def test_t_shape_dimensions(blade_templates: dict[str, BuiltTool]) -> None:
    box = blade_templates["T Shape"].flat_parts[names.BLADE_TEMPLATE].profile.BoundingBox()
    assert (box.xmin, box.xmax, box.ymax) == pytest.approx((56 - 196, 56, 1200))


def test_steps_name_what_they_build(template: BuiltTool) -> None:
    assert template.steps == ("blade template",)
