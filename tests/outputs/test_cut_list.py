"""Cut list: one JSON-ready entry per flat part, sized by its profile, in the overview's order."""

from __future__ import annotations

import json

import pytest
from flat_profiles import pocketed_disk, rectangle, slotted_stadium

from cadstream.cad.parts import FlatPart
from cadstream.outputs.cut_list import cut_list
from cadstream.outputs.sheets import sheets


def test_entries_in_the_overview_order() -> None:
    parts = [
        FlatPart("Rotor_Disk_Back", pocketed_disk().face, 10.0, "Steel", 1),
        FlatPart("Stator_CoilWinder_Cheeks", slotted_stadium().face, 12.0, "Plywood", 3),
        FlatPart("Tail_Vane", rectangle(450.123, 600.456, 5, 7), 9.0, "Plywood", 1),
        FlatPart("Tail_Stop_LowEnd", rectangle(40, 20), 6.0, "Steel", 1),
    ]
    assert cut_list(sheets(parts)) == [
        {"name": "Tail_Vane", "material": "Plywood", "thickness": 9.0, "count": 1,
         "width": 450.12, "height": 600.46},
        {"name": "Stator_CoilWinder_Cheeks", "material": "Plywood", "thickness": 12.0,
         "count": 3, "width": 80.0, "height": 40.0},
        {"name": "Tail_Stop_LowEnd", "material": "Steel", "thickness": 6.0, "count": 1,
         "width": 40.0, "height": 20.0},
        {"name": "Rotor_Disk_Back", "material": "Steel", "thickness": 10.0, "count": 1,
         "width": 300.0, "height": 300.0},
    ]


def test_thickness_is_rounded_like_the_overview_header() -> None:
    (entry,) = cut_list(sheets([FlatPart("P", rectangle(10, 10), 5.996, "Steel", 1)]))
    assert entry["thickness"] == 6.0


def test_entries_are_json() -> None:
    (entry,) = cut_list(sheets([FlatPart("P", rectangle(10, 10), 6.0, "Steel", 2)]))
    assert json.loads(json.dumps(entry)) == entry


def test_labels_must_be_unique() -> None:
    parts = [FlatPart("P", rectangle(10, 10), 6.0, "Steel", 1)] * 2
    with pytest.raises(ValueError, match="flat part labels must be unique; repeated: P"):
        cut_list(sheets(parts))
