"""Object names of the turbine's parts, as the viewer expects them (assembly §10.2).

The OBJ object names double as keys for the viewer's explode, transparency and material rules,
so they are spelled once here. ``*_Front`` parts exist only with a front rotor.
"""

from __future__ import annotations

__all__ = [
    "BLADE_ASSEMBLY_BACK_DISK",
    "BLADE_ASSEMBLY_FRONT_TRIANGLE",
    "FRAME",
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
    "TAIL_BOOM_PIPE",
    "TAIL_BOOM_SUPPORT",
    "TAIL_HINGE_INNER",
    "TAIL_HINGE_INNER_PIPE_COVER",
    "TAIL_HINGE_JUNCTION_COVER_SIDE",
    "TAIL_HINGE_JUNCTION_COVER_TOP",
    "TAIL_HINGE_OUTER",
    "TAIL_HINGE_OUTER_PIPE_COVER",
    "TAIL_STOP_HIGH_END",
    "TAIL_STOP_LOW_END",
    "TAIL_VANE",
    "TAIL_VANE_BRACKET_BODY",
    "VANE_BRACKET_BOTTOM",
    "VANE_BRACKET_TOP",
    "YAW_BEARING",
    "YAW_BEARING_EXTENDED_SIDE",
    "YAW_BEARING_EXTENDED_TOP",
    "YAW_BEARING_PLATE_BOTTOM",
    "YAW_BEARING_PLATE_TOP",
    "YAW_BEARING_SAFETY_CATCH",
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
FRAME = "Frame"
YAW_BEARING = "YawBearing"
BLADE_ASSEMBLY_BACK_DISK = "Blade_Assembly_BackDisk"
BLADE_ASSEMBLY_FRONT_TRIANGLE = "Blade_Assembly_FrontTriangle"
#: Labels of the yaw bearing's flat parts, inside the ``YawBearing`` (or, for the bottom plate,
#: the ``Frame``) object.
YAW_BEARING_PLATE_TOP = "YawBearing_Plate_Top"
YAW_BEARING_PLATE_BOTTOM = "YawBearing_Plate_Bottom"
YAW_BEARING_EXTENDED_TOP = "YawBearing_Extended_Top"
YAW_BEARING_EXTENDED_SIDE = "YawBearing_Extended_Side"
YAW_BEARING_SAFETY_CATCH = "YawBearing_SafetyCatch"
TAIL_HINGE_INNER = "Tail_Hinge_Inner"
TAIL_HINGE_OUTER = "Tail_Hinge_Outer"
TAIL_BOOM_PIPE = "Tail_Boom_Pipe"
TAIL_BOOM_SUPPORT = "Tail_Boom_Support"
TAIL_STOP_HIGH_END = "Tail_Stop_HighEnd"
VANE_BRACKET_TOP = "Vane_Bracket_Top"
VANE_BRACKET_BOTTOM = "Vane_Bracket_Bottom"
TAIL_VANE = "Tail_Vane"
#: Labels of the tail's flat parts that are not objects of their own (cut files, cut list).
TAIL_HINGE_INNER_PIPE_COVER = "Tail_Hinge_Inner_Pipe_Cover"
TAIL_HINGE_OUTER_PIPE_COVER = "Tail_Hinge_Outer_Pipe_Cover"
TAIL_HINGE_JUNCTION_COVER_SIDE = "Tail_Hinge_Junction_Cover_Side"
TAIL_HINGE_JUNCTION_COVER_TOP = "Tail_Hinge_Junction_Cover_Top"
TAIL_STOP_LOW_END = "Tail_Stop_LowEnd"
TAIL_VANE_BRACKET_BODY = "Tail_Vane_Bracket_Body"
