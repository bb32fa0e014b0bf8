"""Which dimension table shows which drawing: one picture per illustrated table, by its title."""

from __future__ import annotations

from collections.abc import Callable

from cadstream.design.cells import TypedValues
from cadstream.outputs.drawings import molds
from cadstream.outputs.drawings.picture import Picture

__all__ = ["table_pictures"]

#: A drawing of one design, or None where the table has no picture for this design.
Drawer = Callable[[TypedValues], Picture | None]

_DRAWERS: dict[str, Drawer] = {
    "Rotor Mould Dimensions": molds.rotor_mould,
}


def table_pictures(cells: TypedValues) -> dict[str, Picture]:
    """The pictures of this design's dimension tables, by table title."""
    pictures = {title: draw(cells) for title, draw in _DRAWERS.items()}
    return {title: picture for title, picture in pictures.items() if picture is not None}
