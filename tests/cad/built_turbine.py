"""A whole wind turbine built for inspection: shared by the session fixture and the tests' types."""

from __future__ import annotations

import time
from dataclasses import dataclass

import cadquery as cq

from cadstream.cad.alternator import alternator_location
from cadstream.cad.parts import FlatPart
from cadstream.cad.placement import location
from cadstream.cad.turbine_dims import TurbineDims
from cadstream.cad.wind_turbine import wind_turbine_steps
from cadstream.design.cells import Cells


@dataclass(frozen=True)
class BuiltTurbine:
    """One design's turbine as its steps built it (parts by object name, in the turbine frame;
    flat parts by label), the dimensions the builders read, the frames they placed the frame and
    the yaw bearing in, and how long the steps took."""

    name: str
    cells: Cells
    dims: TurbineDims
    steps: tuple[str, ...]
    parts: dict[str, cq.Shape]
    flat_parts: dict[str, FlatPart]
    alternator_at: cq.Location
    frame_at: cq.Location
    yaw_at: cq.Location
    seconds: float


def build(name: str, cells: Cells) -> BuiltTurbine:
    started = time.perf_counter()
    builders = wind_turbine_steps(cells)
    results = [builder.build() for builder in builders]
    seconds = time.perf_counter() - started
    parts = [part for result in results for part in result.parts]
    labels = [part.name for part in parts]
    assert len(set(labels)) == len(labels), f"a part name repeats in {labels}"
    flats = [flat for result in results for flat in result.flat_parts]
    assert len({flat.label for flat in flats}) == len(flats), "a flat part label repeats"
    alternator_at = alternator_location(cells)
    return BuiltTurbine(
        name=name, cells=cells, dims=TurbineDims.from_cells(cells),
        steps=tuple(builder.name for builder in builders),
        parts={part.name: part.shape for part in parts},
        flat_parts={flat.label: flat for flat in flats},
        alternator_at=alternator_at,
        frame_at=alternator_at * location(cells.placement("Alternator.FramePlacement")),
        yaw_at=location(cells.placement("WindTurbine.YawBearingPlacement")),
        seconds=seconds,
    )


def overlap(a: cq.Shape, b: cq.Shape) -> float:
    """Volume common to two shapes (mm³)."""
    return a.intersect(b).Volume()
