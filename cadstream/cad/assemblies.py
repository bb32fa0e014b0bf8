"""Which assemblies a design has, and the steps that build each, in the reference's order."""

from __future__ import annotations

from collections.abc import Callable

from cadstream.cad.alternator import alternator_steps
from cadstream.cad.parts import PartBuilder
from cadstream.design.cells import TypedValues

__all__ = ["ASSEMBLY_STEPS"]

#: Assembly name → its build steps. Every flat part label is handed out by exactly one step
#: across all assemblies (a plate used by several, like the back rotor disk, by its first).
ASSEMBLY_STEPS: dict[str, Callable[[TypedValues], list[PartBuilder]]] = {
    "WindTurbine": alternator_steps,
}
