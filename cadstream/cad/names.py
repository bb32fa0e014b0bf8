"""Object names of the turbine's parts, as the viewer expects them (assembly §10.2).

The OBJ object names double as keys for the viewer's explode, transparency and material rules,
so they are spelled once here. ``*_Front`` parts exist only with a front rotor.
"""

from __future__ import annotations

__all__ = [
    "HUB_FLANGE",
    "HUB_FLANGE_COVER_BACK",
    "HUB_FLANGE_COVER_FRONT",
    "HUB_STUB_AXLE_SHAFT",
    "ROTOR_DISK_BACK",
    "ROTOR_DISK_FRONT",
    "ROTOR_MAGNETS_BACK",
    "ROTOR_MAGNETS_FRONT",
    "ROTOR_RESIN_CAST_BACK",
    "ROTOR_RESIN_CAST_FRONT",
    "STATOR_COILS",
    "STATOR_RESIN_CAST",
    "STUDS_FRAME",
    "STUDS_HUB",
]

STATOR_COILS = "Stator_Coils"
STATOR_RESIN_CAST = "Stator_ResinCast"
ROTOR_DISK_FRONT = "Rotor_Disk_Front"
ROTOR_RESIN_CAST_FRONT = "Rotor_ResinCast_Front"
ROTOR_MAGNETS_FRONT = "Rotor_Magnets_Front"
ROTOR_DISK_BACK = "Rotor_Disk_Back"
ROTOR_RESIN_CAST_BACK = "Rotor_ResinCast_Back"
ROTOR_MAGNETS_BACK = "Rotor_Magnets_Back"
HUB_FLANGE = "Hub_Flange"
HUB_FLANGE_COVER_FRONT = "Hub_Flange_Cover_Front"
HUB_FLANGE_COVER_BACK = "Hub_Flange_Cover_Back"
HUB_STUB_AXLE_SHAFT = "Hub_StubAxleShaft"
STUDS_HUB = "Studs_Hub"
STUDS_FRAME = "Studs_Frame"
