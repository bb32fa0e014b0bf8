"""What a builder hands to the outputs: named solids in an assembly, and the flat parts to cut.

A flat part carries its cutting profile (a face in the XY plane) rather than a solid to project:
the builder made the solid by extruding that very profile, so the DXF, the CNC overview and the
cut list draw exactly what is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import cadquery as cq

__all__ = ["Assembly", "Built", "FlatPart", "Material", "Part", "PartBuilder"]

Material = Literal["Steel", "Plywood"]


@dataclass(frozen=True)
class Part:
    """One named object of an assembly (the OBJ object name), located in the assembly's frame."""

    name: str
    shape: cq.Shape


@dataclass(frozen=True)
class FlatPart:
    """A part cut from sheet: ``profile`` lies in the XY plane at z = 0, holes as inner wires."""

    label: str
    profile: cq.Face
    thickness: float
    material: Material
    count: int

    def solid(self) -> cq.Solid:
        """The part as cut: its profile extruded along +z by its thickness.

        Builders place this solid rather than making their own, so the model, the DXF and the
        cut list are drawn from one face.
        """
        return cq.Solid.extrudeLinear(self.profile, cq.Vector(0, 0, self.thickness))


@dataclass(frozen=True)
class Built:
    """What one step made: its named parts and the flat parts they are cut from."""

    parts: tuple[Part, ...]
    flat_parts: tuple[FlatPart, ...] = ()


@dataclass(frozen=True)
class PartBuilder:
    """A step of an assembly, building a few parts (a rotor disk, a magnet ring...).

    Assemblies are lists of short steps so that a worker can report progress and check for
    cancellation between them.
    """

    name: str
    build: Callable[[], Built]


@dataclass(frozen=True)
class Assembly:
    name: str
    parts: tuple[Part, ...]
    flat_parts: tuple[FlatPart, ...]
