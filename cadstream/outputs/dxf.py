"""Cut files: one DXF per flat part, and the zip a builder downloads with every one of them.

A DXF holds the part's profile at full size in millimetres (``$INSUNITS`` = 4), on layer 0, with
circles as CIRCLE, arcs as ARC and straight edges as LINE, so LibreCAD and CAM programs see true
holes and arcs they can offset; only splines and ellipses become LWPOLYLINEs. R2010 is read by
every current CAD and CAM program.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping

from ezdxf import units
from ezdxf.filemanagement import new
from ezdxf.layouts.layout import Modelspace

from cadstream.outputs.outline import Arc, Circle, Line, Outline, Segment
from cadstream.outputs.sheets import Sheet

__all__ = ["dxf_files", "dxf_zip"]

_VERSION = "R2010"
#: Zip entries carry a fixed date, so the same design gives the same listing.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644


def dxf_files(laid_out: Iterable[Sheet]) -> dict[str, bytes]:
    """The DXF document of every flat part, by label, in the overview's order.

    Raises ValueError when a label holds a path separator: it names the part's file, which
    would land in a folder (:func:`cadstream.outputs.sheets.sheets` refuses repeated labels).
    """
    files = {}
    for sheet in laid_out:
        for d in sheet.parts:
            if "/" in d.part.label or "\\" in d.part.label:
                raise ValueError(
                    f"flat part label {d.part.label!r} cannot name a file at the zip root")
            files[d.part.label] = _document(d.outline)
    return files


def dxf_zip(files: Mapping[str, bytes], overview_svg: str) -> bytes:
    """A zip of ``<Label>.dxf`` for every file of :func:`dxf_files`, in its order, and
    ``overview.svg``, all at the root as the reference's archive has them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for label, data in files.items():
            _add(archive, f"{label}.dxf", data)
        _add(archive, "overview.svg", overview_svg.encode())
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_DATE)
    info.external_attr = _FILE_MODE << 16  # else unzip restores the files unreadable
    archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def _document(drawing: Outline) -> bytes:
    doc = new(_VERSION, units=units.MM)
    msp = doc.modelspace()
    for loop in drawing.loops:
        if isinstance(loop, Circle):
            msp.add_circle(loop.center, loop.radius)
        else:
            for segment in loop:
                _draw(msp, segment)
    stream = io.StringIO()
    doc.write(stream)
    return doc.encode(stream.getvalue())


def _draw(msp: Modelspace, segment: Segment) -> None:
    if isinstance(segment, Line):
        msp.add_line(segment.start, segment.end)
    elif isinstance(segment, Arc):
        msp.add_arc(segment.center, segment.radius, segment.start_angle, segment.end_angle)
    else:
        closed = segment.start == segment.end  # a whole ellipse or closed spline
        points = segment.points[:-1] if closed else segment.points
        msp.add_lwpolyline(points, format="xy", close=closed)
