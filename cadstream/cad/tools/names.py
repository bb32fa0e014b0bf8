"""Object names and flat-part labels of the tools, as the viewer and the cut files expect them.

OBJ object names follow ``tools-and-outputs.md`` §2.e.2: fasteners are kept whole (``Bolts``,
``Nuts``...), and the coil winder's array elements are named ``<array><index>`` (index from 0),
which the viewer groups by their trailing number. The parts a tool borrows from the alternator
keep their alternator names (``Stator_Coils``, ``Rotor_Disk_Back``), except the rotor's resin and
magnets, which a tool shows without the ``_Back`` suffix.
"""

from __future__ import annotations

__all__ = [
    "BLADE_TEMPLATE",
    "BOLTS",
    "COIL_WINDER_CHEEK",
    "COIL_WINDER_CHEEKS",
    "COIL_WINDER_CHEEK_NOTCH",
    "COIL_WINDER_COILS",
    "COIL_WINDER_NOTCHES",
    "COIL_WINDER_SPACER",
    "COIL_WINDER_SPACERS",
    "INNER_BACK_WASHERS",
    "INNER_FRONT_WASHERS",
    "ISLAND_SCREWS",
    "LOCATING_BOLTS",
    "LOCATING_WASHERS",
    "NUTS",
    "NUT_STACKS",
    "OUTER_NUT_BACK",
    "OUTER_NUT_FRONT",
    "OUTER_WASHER_BACK",
    "OUTER_WASHER_FRONT",
    "RODS",
    "ROTOR_MAGNETS",
    "ROTOR_MAGNET_JIG",
    "ROTOR_MAGNET_JIG_DISK",
    "ROTOR_MOLD_BASE",
    "ROTOR_MOLD_ISLAND",
    "ROTOR_MOLD_LID",
    "ROTOR_MOLD_SURROUND",
    "ROTOR_RESIN_CAST",
    "SCREWS",
    "STATOR_MOLD_BASE",
    "STATOR_MOLD_BOLT_HEAD_LAYER",
    "STATOR_MOLD_BOLT_SHAFT_LAYER",
    "STATOR_MOLD_ISLAND",
    "STATOR_MOLD_LID",
    "STATOR_MOLD_SURROUND",
    "SURROUND_SCREWS",
    "WASHERS",
]

# Fasteners, kept whole whatever the tool.
BOLTS = "Bolts"
NUTS = "Nuts"
WASHERS = "Washers"
SCREWS = "Screws"

# Stator mold.
STATOR_MOLD_BASE = "Stator_Mold_Base"
LOCATING_BOLTS = "LocatingBolts"
LOCATING_WASHERS = "LocatingWashers"
STATOR_MOLD_BOLT_HEAD_LAYER = "Stator_Mold_BoltHeadLayer"
STATOR_MOLD_BOLT_SHAFT_LAYER = "Stator_Mold_BoltShaftLayer"
ISLAND_SCREWS = "IslandScrews"
SURROUND_SCREWS = "SurroundScrews"
STATOR_MOLD_SURROUND = "Stator_Mold_Surround"
STATOR_MOLD_ISLAND = "Stator_Mold_Island"
STATOR_MOLD_LID = "Stator_Mold_Lid"

# Rotor mold and magnet jig.
ROTOR_MOLD_BASE = "Rotor_Mold_Base"
ROTOR_MOLD_SURROUND = "Rotor_Mold_Surround"
ROTOR_MOLD_ISLAND = "Rotor_Mold_Island"
ROTOR_MOLD_LID = "Rotor_Mold_Lid"
ROTOR_RESIN_CAST = "Rotor_ResinCast"
ROTOR_MAGNETS = "Rotor_Magnets"
ROTOR_MAGNET_JIG = "Rotor_MagnetJig"
ROTOR_MAGNET_JIG_DISK = "Rotor_MagnetJig_Disk"

# Coil winder: the flat parts' labels, and the arrays whose elements are the OBJ objects.
COIL_WINDER_CHEEK = "Stator_CoilWinder_Cheek"
COIL_WINDER_SPACER = "Stator_CoilWinder_Spacer"
COIL_WINDER_CHEEK_NOTCH = "Stator_CoilWinder_Cheek_Notch"
COIL_WINDER_CHEEKS = "Stator_CoilWinder_Cheeks"
COIL_WINDER_SPACERS = "Stator_CoilWinder_Cheek_Spacers"
COIL_WINDER_COILS = "Stator_Coils"
COIL_WINDER_NOTCHES = "Stator_CoilWinder_Cheek_Notches"
INNER_BACK_WASHERS = "InnerBackWashers"
NUT_STACKS = "NutStacks"
INNER_FRONT_WASHERS = "InnerFrontWashers"
OUTER_NUT_BACK = "Outer_Nut_Back"
OUTER_WASHER_BACK = "Outer_Washer_Back"
OUTER_WASHER_FRONT = "Outer_Washer_Front"
OUTER_NUT_FRONT = "Outer_Nut_Front"
RODS = "Rods"

# Blade template.
BLADE_TEMPLATE = "Blade_Template"
