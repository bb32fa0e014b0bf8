"""An assembly built for inspection (a tool, or the turbine before its own extras): shared by the
session fixtures and their tests' types."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import cadquery as cq

from cadstream.cad.parts import FlatPart, PartBuilder
from cadstream.design.cells import Cells, TypedValues


@dataclass(frozen=True)
class BuiltTool:
    """One design's tool as its steps built it: parts by name in build order, flat parts by
    label, and how long the steps took."""

    name: str
    cells: Cells
    steps: tuple[str, ...]
    parts: dict[str, cq.Shape]
    flat_parts: dict[str, FlatPart]
    seconds: float


def build(name: str, cells: Cells, steps: Callable[[TypedValues], list[PartBuilder]]
          ) -> BuiltTool:
    started = time.perf_counter()
    builders = steps(cells)
    results = [builder.build() for builder in builders]
    seconds = time.perf_counter() - started
    parts = [part for result in results for part in result.parts]
    labels = [part.name for part in parts]
    assert len(set(labels)) == len(labels), f"a part name repeats in {labels}"
    flats = [flat for result in results for flat in result.flat_parts]
    assert len({flat.label for flat in flats}) == len(flats), "a flat part label repeats"
    return BuiltTool(name=name, cells=cells, steps=tuple(b.name for b in builders),
                     parts={part.name: part.shape for part in parts},
                     flat_parts={flat.label: flat for flat in flats}, seconds=seconds)


def overlap(a: cq.Shape, b: cq.Shape) -> float:
    """Volume common to two shapes (mm³)."""
    return a.intersect(b).Volume()


def z_range(shape: cq.Shape) -> tuple[float, float]:
    box = shape.BoundingBox()
    return box.zmin, box.zmax


def solids(shape: cq.Shape) -> int:
    return len(shape.Solids())
