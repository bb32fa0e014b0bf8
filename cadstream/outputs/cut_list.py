"""The cut list (``cnc-parts.json``): what to cut from which sheet, one entry per flat part.

Entries follow the CNC overview's order (sheet by sheet, tallest part first), so the list reads
alongside the drawing. Width and height are the profile's bounding box as it lies in the drawing,
enough to plan the sheet before nesting.
"""

from __future__ import annotations

from collections.abc import Iterable

from cadstream.outputs.sheets import Sheet

__all__ = ["CutListEntry", "cut_list"]

#: ``name``, ``material`` ("Steel" or "Plywood"), ``thickness`` (mm), ``count``, and ``width`` and
#: ``height`` (mm); lengths have 2 decimals.
CutListEntry = dict[str, str | float]


def cut_list(laid_out: Iterable[Sheet]) -> list[CutListEntry]:
    """One entry per flat part of the sheets, in the overview's order."""
    return [
        {"name": d.part.label, "material": sheet.material, "thickness": sheet.thickness,
         "count": d.part.count, "width": round(d.outline.bounds.width, 2),
         "height": round(d.outline.bounds.height, 2)}
        for sheet in laid_out for d in sheet.parts
    ]
