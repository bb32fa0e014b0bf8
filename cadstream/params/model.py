"""A complete, immutable parameter set: the three groups of the reference, in canonical order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from cadstream.params.spec import GROUPS, PARAMETERS, Group

__all__ = ["Parameters", "Scalar"]

Scalar = float | int | str


@dataclass(frozen=True)
class Parameters:
    """All 46 values keyed by name within each group; build it with :meth:`from_groups`."""

    magnafpm: Mapping[str, Scalar]
    furling: Mapping[str, Scalar]
    user: Mapping[str, Scalar]

    @staticmethod
    def from_groups(groups: Mapping[str, Mapping[str, Scalar]]) -> Parameters:
        """Take exactly the known keys of each group, in canonical order.

        Raises ``KeyError`` naming the first missing ``group.Name``.
        """
        ordered: dict[str, dict[str, Scalar]] = {group: {} for group in GROUPS}
        for spec in PARAMETERS:
            try:
                ordered[spec.group][spec.name] = groups[spec.group][spec.name]
            except KeyError:
                raise KeyError(spec.key) from None
        return Parameters(*(MappingProxyType(ordered[group]) for group in GROUPS))

    def group(self, name: Group) -> Mapping[str, Scalar]:
        return {"magnafpm": self.magnafpm, "furling": self.furling, "user": self.user}[name]

    def __getitem__(self, key: str) -> Scalar:
        """Value of ``group.Name``."""
        group, _, name = key.partition(".")
        return self.group(group)[name]  # type: ignore[arg-type]

    def items(self) -> Iterator[tuple[str, Scalar]]:
        """``(group.Name, value)`` pairs in canonical order."""
        for spec in PARAMETERS:
            yield spec.key, self[spec.key]

    def as_groups(self) -> dict[str, dict[str, Scalar]]:
        return {group: dict(self.group(group)) for group in GROUPS}

    def replace(self, changes: Mapping[str, Scalar]) -> Parameters:
        """A copy with some ``group.Name`` values replaced."""
        groups = self.as_groups()
        for key, value in changes.items():
            group, _, name = key.partition(".")
            groups[group][name] = value
        return Parameters.from_groups(groups)
