"""``cadstream build``: a whole design written to a folder, through the server's own job code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from cadstream.params.cache_key import cache_key
from cadstream.pipeline import build_design
from cadstream.results import DesignOutputs
from cadstream.validation import Validated

__all__ = ["TerminalSteps", "build_to_folder", "write_outputs"]

_BAR_WIDTH = 30


class TerminalSteps:
    """Progress for people: a bar redrawn in place on a terminal, one line per step otherwise."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._interactive = self._stream.isatty()

    def progress(self, percent: int, message: str) -> None:
        if self._interactive:
            filled = _BAR_WIDTH * percent // 100
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            self._stream.write(f"\r[{bar}] {percent:3d}% {message:<40.40}")
            if percent >= 100:
                self._stream.write("\n")
        else:
            self._stream.write(f"{percent:3d}% {message}\n")
        self._stream.flush()

    def check(self) -> None:
        """A terminal build is stopped with Ctrl-C, which needs no polling."""


def write_outputs(outputs: DesignOutputs, folder: Path) -> list[Path]:
    """Write every output file under ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dxf").mkdir(exist_ok=True)
    files: dict[Path, bytes] = {}
    for assembly, obj in outputs.objs.items():
        files[folder / f"{assembly}.obj"] = obj.encode("utf-8")
    for assembly, step in outputs.steps.items():
        files[folder / f"{assembly}.step"] = step
    files[folder / "furl-transform.json"] = _json(outputs.furl_transform)
    files[folder / "cnc-overview.svg"] = outputs.cnc_overview_svg.encode("utf-8")
    files[folder / "cnc-parts.json"] = _json(outputs.cut_list)
    for label, dxf in outputs.dxfs.items():
        files[folder / "dxf" / f"{label}.dxf"] = dxf
    files[folder / "design.xlsx"] = outputs.workbook
    files[folder / "dimension-tables.json"] = _json(outputs.tables)
    for path, data in files.items():
        path.write_bytes(data)
    return list(files)


def _json(data: object) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def build_to_folder(validated: Validated, folder: Path) -> list[Path]:
    """Build the design (progress on stderr) and write its files."""
    parameters = validated.parameters
    outputs = build_design(parameters, cache_key(parameters), TerminalSteps())
    return write_outputs(outputs, folder)
