"""PLACEHOLDER: the ``WindTurbine`` sheet, being written."""

from cadstream.design.cells import Cell, Cells, SheetBuilder

__all__ = ["compute"]


def compute(v: Cells) -> tuple[Cell, ...]:
    return SheetBuilder("WindTurbine").cells()
