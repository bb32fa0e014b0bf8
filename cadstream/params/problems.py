"""What is wrong (or unusual) with a parameter set, said so a builder can fix it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ParameterError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One finding about ``name`` (``group.Name``, or a combination of names)."""

    name: str
    value: object
    message: str

    def __str__(self) -> str:
        return f"{self.name} = {self.value!r}: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "value": self.value, "message": self.message}


class ParameterError(ValueError):
    """Parameters that cannot make a design; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lead = "Invalid parameter" if count == 1 else f"{count} invalid parameters"
        super().__init__(f"{lead}: " + "; ".join(str(p) for p in self.problems))
