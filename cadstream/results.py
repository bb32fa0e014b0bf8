"""A finished design: everything the endpoints, downloads and ``cadstream build`` hand out.

Plain picklable data (no CAD kernel objects), so a worker can return it, the server can cache it
on disk, and the server process never needs to import cadquery to read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ASSEMBLIES", "DesignOutputs"]

#: Every assembly of the reference, in its order.
ASSEMBLIES = ("WindTurbine", "StatorMold", "RotorMold", "MagnetJig", "CoilWinder",
              "BladeTemplate")


@dataclass(frozen=True)
class DesignOutputs:
    key: str
    #: OBJ text per built assembly name.
    objs: dict[str, str]
    #: STEP file per built assembly name.
    steps: dict[str, bytes]
    furl_transform: dict[str, Any]
    cnc_overview_svg: str
    cut_list: list[dict[str, Any]]
    #: One DXF file per flat part, by its label.
    dxfs: dict[str, bytes]
    dxf_zip: bytes
    workbook: bytes
    tables: list[Any]
    #: Seconds spent per stage, for logs and the benchmark.
    timings: dict[str, float] = field(default_factory=dict)
