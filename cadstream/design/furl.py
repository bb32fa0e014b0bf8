"""The tail's furl transform for the viewer: where the hinge is and how far the tail may swing.

Computed afresh from each design's placements (the reference accumulates state between calls and
is wrong after the first one).
"""

from __future__ import annotations

import math
from typing import Any

from cadstream.design.cells import TypedValues
from cadstream.design.serialize import json_number
from cadstream.design.vectors import Placement

__all__ = ["furl_transform"]


def _transform(name: str, placement: Placement) -> dict[str, Any]:
    rotation = placement.rotation
    return {"name": name,
            "position": [json_number(c) for c in placement.base.as_list()],
            "axis": [json_number(c) for c in rotation.axis.as_list()],
            "angle": math.radians(rotation.angle)}


def furl_transform(cells: TypedValues) -> dict[str, Any]:
    """``{"maximum_angle": degrees, "transforms": [parent, tail, hinge]}``; angles in radians.

    The viewer multiplies the three in order and turns the middle one (about the hinge axis)
    from 0 to ``maximum_angle``.
    """
    parent = (cells.placement("WindTurbine.TailAssemblyLinkPlacement")
              * cells.placement("HighEndStop.TailAssemblyPlacement"))
    axis = cells.vector("HighEndStop.FurlAxis")
    return {
        "maximum_angle": round(cells.num("HighEndStop.MaximumFurlAngle"), 2),
        "transforms": [
            _transform("parent", parent),
            {"name": "tail", "position": [0, 0, 0],
             "axis": [json_number(c) for c in axis.as_list()], "angle": 0},
            _transform("hinge", cells.placement("Tail.OuterTailHingePlacement")),
        ],
    }
