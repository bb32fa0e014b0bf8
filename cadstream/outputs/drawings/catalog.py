"""Which dimension table shows which drawing: one picture per illustrated table, by its title."""

from __future__ import annotations

from collections.abc import Callable

from cadstream.design.cells import TypedValues
from cadstream.outputs.drawings import frame, jigs, molds, tail
from cadstream.outputs.drawings.picture import Picture

__all__ = ["table_pictures"]

#: A drawing of one design, or None where the table has no picture for this design.
Drawer = Callable[[TypedValues], Picture | None]

_DRAWERS: dict[str, Drawer] = {
    "Frame Dimensions": frame.frame_dimensions,
    "Alternator Frame to Yaw Pipe Sizes": frame.frame_to_yaw_pipe,
    "Frame Dimensions, Flat Bar Top View": frame.flat_bar_top_view,
    "Frame Dimensions, Flat Bar Side View": frame.flat_bar_side_view,
    "Steel Pipe Dimensions for Tail": tail.tail_pipes,
    "Tail Junction Cross Piece Dimensions": tail.tail_junction_cross_piece,
    "Tail Vane Dimensions": tail.tail_vane,
    "Coil Winder Dimensions": jigs.coil_winder,
    "Stator Mould Dimensions": molds.stator_mould,
    "Rotor Mould Dimensions": molds.rotor_mould,
    "Magnet Positioning Jig Dimensions": jigs.magnet_jig,
}


def table_pictures(cells: TypedValues) -> dict[str, Picture]:
    """The pictures of this design's dimension tables, by table title."""
    pictures = {title: draw(cells) for title, draw in _DRAWERS.items()}
    return {title: picture for title, picture in pictures.items() if picture is not None}
