"""Named cells: the unit of the derived design, keyed ``Sheet.Alias`` exactly as the reference.

A sheet is computed by a pure function that reads earlier cells through :class:`Cells` and
declares its own cells, in the reference's order, with a unit and a one-line description, so that
the workbook, the ``derive`` command and the dimension tables all read one source.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = [
    "ANGLE",
    "COUNT",
    "KG",
    "MM",
    "MM2",
    "MM3",
    "NONE",
    "Cell",
    "Cells",
    "SheetBuilder",
    "TypedValues",
    "Value",
    "ValueMap",
]

Value = float | int | str | bool | Vector | Rotation | Placement
V = TypeVar("V", bound=Value)

MM = "mm"
MM2 = "mm²"
MM3 = "mm³"
ANGLE = "°"
KG = "kg"
COUNT = "count"
NONE = ""


@dataclass(frozen=True)
class Cell:
    sheet: str
    alias: str
    value: Value
    unit: str
    description: str

    @property
    def key(self) -> str:
        return f"{self.sheet}.{self.alias}"


class SheetBuilder:
    """Collects one sheet's cells in order; ``put`` returns the value so formulas read naturally."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cells: dict[str, Cell] = {}

    def put(self, alias: str, value: V, unit: str, description: str) -> V:
        if alias in self._cells:
            raise ValueError(f"cell {self.name}.{alias} is declared twice")
        self._cells[alias] = Cell(self.name, alias, value, unit, description)
        return value

    def copy(self, source: Cells, *keys: str) -> None:
        """Other sheets' cells under their own aliases, units and descriptions, as the
        reference's sheets repeat the values they use (``Tail.YawPipeDiameter`` from the
        Spreadsheet)."""
        for key in keys:
            cell = source.cell(key)
            self.put(cell.alias, cell.value, cell.unit, cell.description)

    def cascade(self, aliases: Sequence[str], picks: Sequence[tuple[bool, float]],
                otherwise: float, unit: str, description: str) -> float:
        """The reference's chained look-up cells (``range7`` … ``range1``, then the result).

        ``aliases[i]`` holds ``picks[i][1]`` when ``picks[i][0]`` is true, else the value of the
        cell before it (``otherwise`` for the first), so the last alias holds the answer.
        """
        if len(aliases) != len(picks):
            raise ValueError("a cascade needs one pick per alias")
        value = otherwise
        for alias, (chosen, candidate) in zip(aliases, picks, strict=True):
            value = candidate if chosen else value
            self.put(alias, value, unit, description)
        return value

    def placement(self, name: str, base: Vector, axis: Vector, angle: float,
                  what: str) -> Placement:
        """The reference's eight cells of a named placement: x, y, z, base, axis, angle and both
        assembled forms."""
        self.put(f"{name}X", base.x, MM, f"{what}: base x.")
        self.put(f"{name}Y", base.y, MM, f"{what}: base y.")
        self.put(f"{name}Z", base.z, MM, f"{what}: base z.")
        self.put(f"{name}Base", base, MM, f"{what}: base point.")
        self.put(f"{name}Axis", axis, NONE, f"{what}: rotation axis.")
        self.put(f"{name}Angle", angle, ANGLE, f"{what}: rotation angle.")
        rotation = self.put(f"{name}Rotation", Rotation.about(axis, angle), NONE,
                            f"{what}: rotation.")
        return self.put(f"{name}Placement", Placement(base, rotation), NONE, f"{what}.")

    def cells(self) -> tuple[Cell, ...]:
        return tuple(self._cells.values())


class TypedValues(Mapping[str, Value], ABC):
    """Typed reads of cell values, so a formula fails loudly on a cell of the wrong kind."""

    @abstractmethod
    def __getitem__(self, key: str) -> Value: ...

    def num(self, key: str) -> float:
        value = self[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"cell {key} is not a number: {value!r}")
        return value

    def text(self, key: str) -> str:
        value = self[key]
        if not isinstance(value, str):
            raise TypeError(f"cell {key} is not text: {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self[key]
        if not isinstance(value, bool):
            raise TypeError(f"cell {key} is not a boolean: {value!r}")
        return value

    def vector(self, key: str) -> Vector:
        value = self[key]
        if not isinstance(value, Vector):
            raise TypeError(f"cell {key} is not a vector: {value!r}")
        return value

    def rotation(self, key: str) -> Rotation:
        value = self[key]
        if not isinstance(value, Rotation):
            raise TypeError(f"cell {key} is not a rotation: {value!r}")
        return value

    def placement(self, key: str) -> Placement:
        value = self[key]
        if not isinstance(value, Placement):
            raise TypeError(f"cell {key} is not a placement: {value!r}")
        return value


class ValueMap(TypedValues):
    """Typed reads over plain values, such as a workbook read back."""

    def __init__(self, values: Mapping[str, Value]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Value:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class Cells(TypedValues):
    """Read-only view of the cells computed so far (values plus their units and descriptions)."""

    def __init__(self, cells: Mapping[str, Cell]) -> None:
        self._cells = cells

    def __getitem__(self, key: str) -> Value:
        return self._cells[key].value

    def __iter__(self) -> Iterator[str]:
        return iter(self._cells)

    def __len__(self) -> int:
        return len(self._cells)

    def cell(self, key: str) -> Cell:
        return self._cells[key]
