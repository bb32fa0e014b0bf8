"""The whole wind turbine in the turbine frame: alternator, frame, yaw bearing, blade hub, tail.

Each sub-assembly is placed by the reference's chain (assembly §1, §3): the frame and the blade
plates ride with the alternator (``AlternatorLinkPlacement · AlternatorPlacement``, the frame
further by ``FramePlacement``), the yaw bearing stands on ``YawBearingPlacement``, and the tail
places itself. Dimensions are read (and checked) before any step runs.
"""

from __future__ import annotations

from functools import partial

from cadstream.cad.alternator import alternator_location, alternator_steps
from cadstream.cad.blade_hub import blade_hub_parts
from cadstream.cad.frame import frame_parts
from cadstream.cad.parts import PartBuilder
from cadstream.cad.placement import location
from cadstream.cad.tail import tail_steps
from cadstream.cad.turbine_dims import TurbineDims
from cadstream.cad.yaw_bearing import yaw_bearing_parts
from cadstream.design.cells import TypedValues

__all__ = ["wind_turbine_steps"]


def wind_turbine_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building every part of the turbine of a derived design, in the turbine frame:
    the alternator's, then the frame, the yaw bearing, the blade plates and the tail's."""
    d = TurbineDims.from_cells(cells)
    alternator = alternator_location(cells)
    frame_at = alternator * location(cells.placement("Alternator.FramePlacement"))
    yaw_at = location(cells.placement("WindTurbine.YawBearingPlacement"))
    return [
        *alternator_steps(cells),
        PartBuilder("frame", partial(frame_parts, d.frame, frame_at)),
        PartBuilder("yaw bearing", partial(yaw_bearing_parts, d.yaw_bearing, yaw_at)),
        PartBuilder("blade hub plates", partial(blade_hub_parts, d.blade_hub, alternator)),
        *tail_steps(cells),
    ]
