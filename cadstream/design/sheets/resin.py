"""The ``Resin`` sheet: resin for the stator and magnet rotors, from closed-form volumes.

The reference weighs the resin from its solids' volumes (stator cast minus coils, rotor cast minus
magnets); the outlines are simple enough that their exact areas give the same volumes without a
CAD kernel. The weight is scaled by an empirical factor so it matches the recipe book's amounts.
"""

from __future__ import annotations

import math

from cadstream.design.cells import COUNT, KG, MM, MM2, MM3, NONE, Cell, Cells, SheetBuilder
from cadstream.design.coils import coil_outline
from cadstream.design.stator_outline import (
    circular_stator_outline_area,
    hexagonal_stator_outline_area,
)

__all__ = ["RESIN_DENSITY", "compute", "resin_weight_factor"]

#: Vinyl-ester resin, kg/mm³ (1.015 g/cm³, the figure the reference uses).
RESIN_DENSITY = 1.015e-6


def resin_weight_factor(shape: str) -> float:
    """Empirical scale on the computed weight, matching the recipe book's resin amounts."""
    return 1.49 if shape == "T" else 1.7


def _stator_outline_area(v: Cells) -> float:
    if v.text("Alternator.CalculatedWindTurbineShape") == "Star":
        return hexagonal_stator_outline_area(v.num("Alternator.HexagonalStatorOuterCircumradius"))
    return circular_stator_outline_area(v.num("Alternator.StatorHolesCircumradius"),
                                        v.num("Alternator.EarSize"),
                                        v.num("Alternator.NumberOfStatorHoles"))


def _stator(s: SheetBuilder, v: Cells) -> float:
    """Resin in the stator: the cast less its central hole, stud holes and coils."""
    a = "Alternator."
    outline = s.put("StatorOutlineArea", _stator_outline_area(v), MM2,
                    "Area inside the stator's outline, before any hole.")
    holes = (math.pi * v.num(a + "StatorInnerHoleRadius") ** 2
             + v.num(a + "NumberOfStatorHoles") * math.pi * v.num(a + "HolesRadius") ** 2)
    cast = s.put("StatorResinCastVolume", v.num(a + "StatorThickness") * (outline - holes), MM3,
                 "Volume of the stator cast, coils included.")
    coil_area = s.put("CoilArea", coil_outline(v).area, MM2, "Copper area of one coil.")
    coil = s.put("CoilVolume", coil_area * v.num(a + "CoilThickness"), MM3,
                 "Volume of one coil.")
    coils = s.put("CoilsVolume", v.num(a + "NumberOfCoils") * coil, MM3,
                  "Volume of all the coils.")
    return s.put("StatorResinVolume", cast - coils, MM3, "Resin in the stator.")


def _rotor(s: SheetBuilder, v: Cells) -> float:
    """Resin in one magnet rotor: the ring over the disk's edge and between the magnets."""
    a = "Alternator."
    outer_r = v.num(a + "RotorMoldSurroundRadius")
    island_r = v.num(a + "IslandRadius")
    rd = v.num(a + "RotorDiskRadius")
    td = v.num(a + "RotorDiskThickness")
    ring = math.pi * (outer_r**2 - island_r**2) * (td + v.num(a + "RotorMoldIslandThickness"))
    disk_recess = math.pi * (rd**2 - island_r**2) * td
    cast = s.put("RotorResinCastVolume", ring - disk_recess, MM3,
                 "Volume of one rotor's resin cast, magnets included.")
    offset = s.put("MagnetThicknessOffset",
                   0 if v.text(a + "MagnetMaterial") == "Ferrite C8" else 0.05, MM,
                   "How much thinner the NdFeB magnets are drawn than given.")
    magnets = s.put("MagnetsVolume",
                    v.num(a + "NumberMagnet") * v.num(a + "MagnetLength")
                    * v.num(a + "MagnetWidth") * (v.num(a + "MagnetThickness") - offset), MM3,
                    "Volume of one rotor's magnets.")
    return s.put("RotorResinVolume", cast - magnets, MM3, "Resin in one magnet rotor.")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Resin")
    stator = _stator(s, v)
    rotor = _rotor(s, v)
    rotors = s.put("NumberOfMagnetRotors",
                   2 if v.text("Alternator.RotorTopology") == "Double" else 1, COUNT,
                   "Magnet rotors cast in resin.")
    total = s.put("TotalResinVolume", stator + rotor * rotors, MM3,
                  "Resin in the stator and all magnet rotors.")
    factor = s.put("ResinWeightFactor",
                   resin_weight_factor(v.text("Alternator.CalculatedWindTurbineShape")), NONE,
                   "Empirical scale matching the recipe book's resin amounts.")
    s.put("ResinWeight", total * RESIN_DENSITY * factor, KG,
          "Estimated vinyl-ester resin, before rounding.")
    return s.cells()
