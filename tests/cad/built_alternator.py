"""An alternator built for inspection: shared by the session fixture and the tests' types."""

from __future__ import annotations

from dataclasses import dataclass

import cadquery as cq

from cadstream.cad.alternator import alternator_location, alternator_steps
from cadstream.cad.parts import FlatPart
from cadstream.design.cells import Cells


@dataclass(frozen=True)
class BuiltAlternator:
    """One design's alternator as the steps built it, plus each part moved back into the
    alternator frame (z along the shaft, stator mid-plane at z = 0) for axial checks."""

    name: str
    cells: Cells
    steps: tuple[str, ...]
    parts: dict[str, cq.Shape]
    local: dict[str, cq.Shape]
    flat_parts: dict[str, FlatPart]


def build(name: str, cells: Cells) -> BuiltAlternator:
    steps = alternator_steps(cells)
    results = [step.build() for step in steps]
    parts = [part for result in results for part in result.parts]
    labels = [part.name for part in parts]
    assert len(set(labels)) == len(labels), f"a part name repeats in {labels}"
    back = alternator_location(cells).inverse
    return BuiltAlternator(
        name=name,
        cells=cells,
        steps=tuple(step.name for step in steps),
        parts={part.name: part.shape for part in parts},
        local={part.name: part.shape.moved(back) for part in parts},
        flat_parts={flat.label: flat for result in results for flat in result.flat_parts},
    )
