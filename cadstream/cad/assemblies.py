"""Which assemblies a design has, and the steps that build each, in the reference's order."""

from __future__ import annotations

from collections.abc import Callable

from cadstream.cad.parts import PartBuilder
from cadstream.cad.tools.blade_template import blade_template_steps
from cadstream.cad.tools.coil_winder import coil_winder_steps
from cadstream.cad.tools.magnet_jig import magnet_jig_steps
from cadstream.cad.tools.rotor_mold import rotor_mold_steps
from cadstream.cad.tools.stator_mold import stator_mold_steps
from cadstream.cad.wind_turbine import wind_turbine_steps
from cadstream.design.cells import TypedValues

__all__ = ["ASSEMBLY_STEPS"]

#: Assembly name → its build steps. Every flat part label is handed out by exactly one step
#: across all assemblies (a plate used by several, like the back rotor disk, by its first).
ASSEMBLY_STEPS: dict[str, Callable[[TypedValues], list[PartBuilder]]] = {
    "WindTurbine": wind_turbine_steps,
    "StatorMold": stator_mold_steps,
    "RotorMold": rotor_mold_steps,
    "MagnetJig": magnet_jig_steps,
    "CoilWinder": coil_winder_steps,
    "BladeTemplate": blade_template_steps,
}
