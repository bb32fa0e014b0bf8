"""A finished design: everything the endpoints, downloads and ``cadstream build`` hand out.

Plain picklable data (no CAD kernel objects), so a worker can return it, the server can cache it
on disk, and the server process never needs to import cadquery to read it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["ASSEMBLIES", "CompressedFiles", "CompressedTexts", "DesignOutputs"]

#: Every assembly of the reference, in its order.
ASSEMBLIES = ("WindTurbine", "StatorMold", "RotorMold", "MagnetJig", "CoilWinder",
              "BladeTemplate")

#: zlib's fastest level: OBJ, STEP and DXF text shrink to about a quarter at ~150 MB/s; level 6
#: would take only another fifth off, at a fifth of the speed.
_LEVEL = 1


class CompressedFiles(Mapping[str, bytes]):
    """Files kept zlib-compressed, each decompressed when read (about 3 ms per MB)."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self._packed: dict[str, bytes] = (
            files._packed if isinstance(files, CompressedFiles)
            else {name: zlib.compress(data, _LEVEL) for name, data in files.items()})

    def __getitem__(self, name: str) -> bytes:
        return zlib.decompress(self._packed[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


class CompressedTexts(Mapping[str, str]):
    """UTF-8 texts kept like ``CompressedFiles``."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._files: CompressedFiles = (
            texts._files if isinstance(texts, CompressedTexts)
            else CompressedFiles({name: text.encode("utf-8") for name, text in texts.items()}))

    def __getitem__(self, name: str) -> str:
        return self._files[name].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


@dataclass(frozen=True)
class DesignOutputs:
    key: str
    #: OBJ text per built assembly name.
    objs: Mapping[str, str]
    #: STEP file per built assembly name.
    steps: Mapping[str, bytes]
    furl_transform: dict[str, Any]
    cnc_overview_svg: str
    cut_list: list[dict[str, Any]]
    #: One DXF file per flat part, by its label.
    dxfs: Mapping[str, bytes]
    dxf_zip: bytes
    workbook: bytes
    tables: list[Any]
    #: Seconds spent per stage, for logs and the benchmark.
    timings: dict[str, float] = field(default_factory=dict)

    def compressed(self) -> DesignOutputs:
        """The same outputs with the OBJ, STEP and DXF files compressed (a design's 9-19 MB
        become 2-5 MB), for a server that keeps many designs in memory and reads a few files
        of each. Already compressed files are kept as they are; the rest is small or zipped."""
        return replace(self, objs=CompressedTexts(self.objs), steps=CompressedFiles(self.steps),
                       dxfs=CompressedFiles(self.dxfs))
