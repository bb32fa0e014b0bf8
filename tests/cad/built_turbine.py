"""A whole wind turbine built for inspection: shared by the session fixture and the tests' types."""

from __future__ import annotations

from dataclasses import dataclass

import cadquery as cq
from built_tools import build as build_steps

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
    built = build_steps(name, cells, wind_turbine_steps)
    alternator_at = alternator_location(cells)
    return BuiltTurbine(
        name=name, cells=cells, dims=TurbineDims.from_cells(cells), steps=built.steps,
        parts=built.parts, flat_parts=built.flat_parts, alternator_at=alternator_at,
        frame_at=alternator_at * location(cells.placement("Alternator.FramePlacement")),
        yaw_at=location(cells.placement("WindTurbine.YawBearingPlacement")),
        seconds=built.seconds,
    )
