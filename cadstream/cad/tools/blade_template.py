"""The blade template: one plywood plate to mark the blade blanks with (tools §1.5).

Template frame: the plate lies in XY from z = 0 up to its thickness; the root corner is at the
origin with the blade's axis along +y, so the template reaches y = BladeRadius.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import cadquery as cq

from cadstream.cad.parts import Built, FlatPart, PartBuilder
from cadstream.cad.profiles import polygon_wire, profile
from cadstream.cad.tools import names
from cadstream.cad.tools.plates import Point, placed
from cadstream.design.arith import tan
from cadstream.design.cells import TypedValues

__all__ = ["BladeTemplateDims", "blade_template_profile", "blade_template_steps"]


@dataclass(frozen=True)
class BladeTemplateDims:
    """The template's root dimensions ``width`` (W) and ``root`` (V), its ``length`` (the blade
    radius) and plywood ``thickness``."""

    width: float
    root: float
    length: float
    thickness: float

    @property
    def corners(self) -> tuple[Point, ...]:
        """The pentagon, counter-clockwise: from the root corner up the 60° edge to x = W, up to
        the tip, across, and down the long edge to the root line at x = W − V (a 120° root)."""
        w = self.width
        return ((0.0, 0.0), (w, w * tan(60)), (w, self.length), (0.0, self.length),
                (w - self.root, 0.0))

    @staticmethod
    def from_cells(cells: TypedValues) -> BladeTemplateDims:
        return BladeTemplateDims(width=cells.num("Blade.BladeTemplateDim_W"),
                                 root=cells.num("Blade.BladeTemplateDim_V"),
                                 length=cells.num("Blade.BladeRadius"),
                                 thickness=cells.num("Blade.BladeTemplateThickness"))


def blade_template_profile(d: BladeTemplateDims) -> cq.Face:
    return profile(polygon_wire(d.corners))


def _template(d: BladeTemplateDims) -> Built:
    flat = FlatPart(names.BLADE_TEMPLATE, blade_template_profile(d), d.thickness, "Plywood", 1)
    return Built((placed(flat, 0.0),), (flat,))


def blade_template_steps(cells: TypedValues) -> list[PartBuilder]:
    """The one step building the blade template."""
    return [PartBuilder("blade template", partial(_template, BladeTemplateDims.from_cells(cells)))]
