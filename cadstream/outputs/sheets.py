"""Flat parts sorted onto the sheets they are cut from: the order of the CNC overview's rows, the
cut list and the DXF archive.

One sheet is one material at one thickness (rounded to 2 decimals, as the overview's header prints
it). Sheets come in material order, then thinnest first (so every Plywood sheet precedes every
Steel one); on a sheet the tallest part comes first, as the reference lays out its rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from cadstream.cad.parts import FlatPart, Material
from cadstream.outputs.outline import Outline, outline

__all__ = ["Drawn", "Sheet", "sheets"]

#: Heights are compared at this many decimals, so parts of equal height sort by label alone
#: rather than by float noise in their profiles.
_HEIGHT_DECIMALS = 6


@dataclass(frozen=True)
class Drawn:
    """A flat part with its profile's outline, worked out once for every output that draws it."""

    part: FlatPart
    outline: Outline


@dataclass(frozen=True)
class Sheet:
    """The parts of one material and thickness (mm, 2 decimals), tallest first."""

    material: Material
    thickness: float
    parts: tuple[Drawn, ...]


def sheets(flat_parts: Iterable[FlatPart]) -> tuple[Sheet, ...]:
    """The flat parts grouped by sheet, in the overview's order.

    Raises ValueError when two parts share a label: the label names the DXF file, the cut-list row
    and the overview's element, so a repeated one would silently hide a part.
    """
    parts = tuple(flat_parts)
    repeated = sorted(label for label, n in Counter(p.label for p in parts).items() if n > 1)
    if repeated:
        raise ValueError(f"flat part labels must be unique; repeated: {', '.join(repeated)}")
    by_sheet: defaultdict[tuple[Material, float], list[Drawn]] = defaultdict(list)
    for part in parts:
        by_sheet[part.material, round(part.thickness, 2)].append(Drawn(part, outline(part.profile)))
    return tuple(
        Sheet(material, thickness, tuple(sorted(drawn, key=_height_then_label, reverse=True)))
        for (material, thickness), drawn in sorted(by_sheet.items()))


def _height_then_label(drawn: Drawn) -> tuple[float, str]:
    return (round(drawn.outline.bounds.height, _HEIGHT_DECIMALS), drawn.part.label)
