"""The design job: parameters in, every output out, in short steps that report and can stop.

Runs in a worker process (it builds CadQuery solids) or in ``cadstream build``; both hand it a
``JobSteps`` that shows progress and raises when the job is cancelled, which it calls between
steps so a cancelled job stops within one short step.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.cad.parts import FlatPart, Part
from cadstream.design.derive import derive
from cadstream.design.furl import furl_transform
from cadstream.outputs.cnc_overview import cnc_overview_svg
from cadstream.outputs.cut_list import cut_list
from cadstream.outputs.drawings.catalog import table_pictures
from cadstream.outputs.dxf import dxf_files, dxf_zip
from cadstream.outputs.obj import obj_text
from cadstream.outputs.sheets import sheets
from cadstream.outputs.step import step_bytes
from cadstream.outputs.tables import dimension_tables
from cadstream.outputs.workbook import write_workbook
from cadstream.params.model import Parameters
from cadstream.results import DesignOutputs

__all__ = ["JobSteps", "build_design"]


class JobSteps(Protocol):
    def progress(self, percent: int, message: str) -> None:
        """Show how far the job is (0–100) and what it does now."""

    def check(self) -> None:
        """Raise if the job has been cancelled."""


#: Share of the progress bar (start, end) of each stage.
_BUILD = (5, 55)
_MESH = 55
_STEP = 65
_CNC = 75
_WORKBOOK = 86
_DRAWINGS = 90
_TABLES = 96


def build_design(parameters: Parameters, key: str, job: JobSteps) -> DesignOutputs:
    """Derive, build, mesh and draw the whole design (parameters must be validated)."""
    timings: dict[str, float] = {}

    @contextmanager
    def stage(percent: int, message: str) -> Iterator[None]:
        job.check()
        job.progress(percent, message)
        started = time.perf_counter()
        yield
        timings[message] = timings.get(message, 0.0) + time.perf_counter() - started

    with stage(0, "Computing dimensions"):
        design = derive(parameters)
    cells = design.cells
    built = {name: steps(cells) for name, steps in ASSEMBLY_STEPS.items()}
    total = sum(len(steps) for steps in built.values())
    parts: dict[str, list[Part]] = {name: [] for name in built}
    flat_parts: list[FlatPart] = []
    start, end = _BUILD
    done = 0
    for name, steps in built.items():
        for step in steps:
            with stage(start + (end - start) * done // total, f"Building {step.name}"):
                made = step.build()
                parts[name].extend(made.parts)
                flat_parts.extend(made.flat_parts)
            done += 1
    objs = {}
    for name, assembly_parts in parts.items():
        with stage(_MESH, f"Meshing {name}"):
            objs[name] = obj_text(assembly_parts)
    step_files = {}
    for name, assembly_parts in parts.items():
        with stage(_STEP, f"Writing {name} STEP"):
            step_files[name] = step_bytes(name, assembly_parts)
    with stage(_CNC, "Drawing CNC overview"):
        # Each outline and DXF is worked out once, for the overview, the files and the zip.
        laid_out = sheets(flat_parts)
        overview = cnc_overview_svg(laid_out, cells.num("Spreadsheet.RotorDiskRadius"))
        dxfs = dxf_files(laid_out)
        archive = dxf_zip(dxfs, overview)
    with stage(_WORKBOOK, "Writing workbook"):
        buffer = io.BytesIO()
        write_workbook(design, buffer)
    with stage(_DRAWINGS, "Drawing the dimension tables' pictures"):
        pictures = table_pictures(cells)
    with stage(_TABLES, "Building dimension tables"):
        tables = dimension_tables(cells, pictures)
        furl = furl_transform(cells)
    job.check()
    job.progress(100, "Complete")
    return DesignOutputs(key=key, objs=objs, steps=step_files, furl_transform=furl,
                         cnc_overview_svg=overview, cut_list=cut_list(laid_out), dxfs=dxfs,
                         dxf_zip=archive, workbook=buffer.getvalue(), tables=list(tables),
                         timings=timings)
