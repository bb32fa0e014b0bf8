"""Derive every named dimension of a design from its parameters: pure maths, no CAD kernel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cadstream.design.cells import Cell, Cells
from cadstream.design.sheets import (
    alternator,
    blade,
    fastener,
    high_end_stop,
    hub,
    low_end_stop,
    resin,
    spreadsheet,
    tail,
    wind_turbine,
    yaw_bearing,
)
from cadstream.params.model import Parameters
from cadstream.params.shape import Shape

__all__ = ["SHEETS", "DerivationError", "Design", "derive"]

#: Sheets in dependency order; each reads only the sheets before it.
_SHEET_FUNCTIONS: tuple[tuple[str, Callable[[Cells], tuple[Cell, ...]]], ...] = (
    ("Fastener", fastener.compute),
    ("Hub", hub.compute),
    ("Blade", blade.compute),
    ("Alternator", alternator.compute),
    ("YawBearing", yaw_bearing.compute),
    ("Tail", tail.compute),
    ("LowEndStop", low_end_stop.compute),
    ("HighEndStop", high_end_stop.compute),
    ("WindTurbine", wind_turbine.compute),
    ("Resin", resin.compute),
)
SHEETS: tuple[str, ...] = ("Spreadsheet", *(name for name, _ in _SHEET_FUNCTIONS))


class DerivationError(ArithmeticError):
    """A sheet met a value it cannot compute (a domain error): names the sheet for the message."""

    def __init__(self, sheet: str, cause: Exception) -> None:
        self.sheet = sheet
        super().__init__(f"the {sheet} sheet cannot be computed ({cause})")


@dataclass(frozen=True)
class Design:
    """The parameters and every derived cell, keyed ``Sheet.Alias``, in reference order."""

    parameters: Parameters
    cells: Cells

    @property
    def shape(self) -> Shape:
        shape = self.cells.text("Spreadsheet.CalculatedWindTurbineShape")
        assert shape in ("T", "H", "Star")
        return shape  # type: ignore[return-value]

    def sheet(self, name: str) -> tuple[Cell, ...]:
        return tuple(cell for key in self.cells if (cell := self.cells.cell(key)).sheet == name)


def derive(parameters: Parameters) -> Design:
    """Compute all sheets in order; ``DerivationError`` for values validation would refuse."""
    computed: dict[str, Cell] = {cell.key: cell for cell in spreadsheet.compute(parameters)}
    for name, compute in _SHEET_FUNCTIONS:
        try:
            cells = compute(Cells(computed))
        except (ArithmeticError, ValueError) as error:
            raise DerivationError(name, error) from error
        for cell in cells:
            if cell.sheet != name:
                raise ValueError(f"sheet {name} declared a cell of sheet {cell.sheet}")
            computed[cell.key] = cell
    return Design(parameters, Cells(computed))
