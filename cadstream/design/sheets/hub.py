"""The ``Hub`` sheet: the wheel-bearing hub flange, its pads and the stub axle length.

Seen from the side, frame to rotor: stub axle shaft, frame-side pad, middle pad, rotor-side pad.
The pad sizes and the stud count grow with the frame shape. Axially, the flange sits two stud
nuts off the frame, except with a plain ``Single`` rotor, where it sits beyond the stator and the
rotor.
"""

from __future__ import annotations

from cadstream.design.cells import COUNT, MM, NONE, Cell, Cells, SheetBuilder

__all__ = ["compute"]

#: Per-shape hub dimensions: (column suffix, alias of the picked value, unit, description).
_SHAPE_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("MiddlePadRadiusMargin", "MiddlePadRadiusMargin", MM,
     "Flange radius beyond the outer edge of the stud holes."),
    ("ProtrudingPadThickness", "ProtrudingPadThickness", MM,
     "How far the frame-side and rotor-side pads stand off the middle pad."),
    ("FrameSidePadRadius", "FrameSidePadRadius", MM, "Radius of the frame-side pad."),
    ("FrameSidePadWidth", "FrameSidePadWidth", MM, "Axial width of the frame-side pad."),
    ("RotorSidePadRadius", "DefaultRotorSidePadRadius", MM,
     "Rotor-side pad radius before fitting it into the rotor disk's central hole."),
    ("RotorSidePadWidth", "RotorSidePadWidth", MM, "Axial width of the rotor-side pad."),
    ("NumberOfHoles", "NumberOfHoles", COUNT, "Wheel studs on the hub flange."),
    ("StubAxleShaftRadius", "StubAxleShaftRadius", MM, "Radius of the stub axle shaft."),
)

#: Values of :data:`_SHAPE_COLUMNS` by shape (the reference's rows, in its order T, H, Star).
_SHAPE_ROWS: dict[str, tuple[float, ...]] = {
    "T": (15, 5, 32.5, 45, 28, 40, 4, 18),
    "H": (15, 5, 42.5, 45, 31, 40, 5, 22.5),
    "Star": (20, 10, 52.5, 55, 47.5, 75, 6, 30),
}

#: The rotor-side pad is kept this much smaller than the rotor disk's central hole.
_ROTOR_SIDE_PAD_HOLE_CLEARANCE = 3


def _shape_constants(s: SheetBuilder, shape: str) -> dict[str, float]:
    """Declare every shape's row, then the picked row; returns the picked values by alias."""
    for row_shape, row in _SHAPE_ROWS.items():
        for (suffix, _, unit, description), value in zip(_SHAPE_COLUMNS, row, strict=True):
            s.put(f"{row_shape}Shape{suffix}", value, unit, f"{row_shape} shape: {description}")
    picked = _SHAPE_ROWS[shape]
    return {alias: s.put(alias, value, unit, description)
            for (_, alias, unit, description), value in zip(_SHAPE_COLUMNS, picked, strict=True)}


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Hub")
    pitch_d = s.put("HubPitchCircleDiameter", v.num("Spreadsheet.HubPitchCircleDiameter"), MM,
                    "Pitch circle diameter of the wheel studs (input).")
    holes_d = s.put("HubHolesDiameter", v.num("Spreadsheet.HubHolesDiameter"), MM,
                    "Wheel stud diameter (input).")
    shape = s.put("CalculatedWindTurbineShape", v.text("Spreadsheet.CalculatedWindTurbineShape"),
                  NONE, "Frame shape the hub is sized for.")
    metal_l = s.put("MetalLengthL", v.num("Spreadsheet.MetalLengthL"), MM,
                    "Leg width of the frame's angle section (input).")
    central_d = s.put("RotorDiskCentralHoleDiameter",
                      v.num("Spreadsheet.RotorDiskCentralHoleDiameter"), MM,
                      "Central hole of the rotor disks (input).")
    topology = s.put("RotorTopology", v.text("Spreadsheet.RotorTopology"), NONE,
                     "Rotor arrangement around the stator (input).")
    stator_t = s.put("StatorThickness", v.num("Spreadsheet.StatorThickness"), MM,
                     "Stator thickness (input).")
    clearance = s.put("MechanicalClearance", v.num("Spreadsheet.MechanicalClearance"), MM,
                      "Air gap between stator and magnets (input).")
    magnet_t = s.put("MagnetThickness", v.num("Spreadsheet.MagnetThickness"), MM,
                     "Magnet thickness (input).")
    disk_t = s.put("RotorDiskThickness", v.num("Spreadsheet.RotorDiskThickness"), MM,
                   "Steel rotor disk thickness (input).")
    hub_nut_t = s.put("HubHexNutThickness", v.num("Fastener.HubHexNutThickness"), MM,
                      "Height of a wheel stud nut.")
    nut_t = s.put("HexNutThickness", v.num("Fastener.HexNutThickness"), MM,
                  "Height of a general hex nut.")
    washer_t = s.put("WasherThickness", v.num("Fastener.WasherThickness"), MM,
                     "Thickness of every washer.")
    s.put("CoverThickness", 10, MM, "Thickness of the hub flange covers.")
    central_r = s.put("RotorDiskCentralHoleRadius", central_d / 2, MM,
                      "Radius of the rotor disks' central hole.")
    holes_r = s.put("HubHolesRadius", holes_d / 2, MM, "Wheel stud radius.")
    pitch_r = s.put("HubPitchCircleRadius", pitch_d / 2, MM,
                    "Radius of the circle the wheel studs stand on.")
    picked = _shape_constants(s, shape)
    default_rotor_pad_r = picked["DefaultRotorSidePadRadius"]
    s.put("RotorSidePadRadius",
          central_r - _ROTOR_SIDE_PAD_HOLE_CLEARANCE if default_rotor_pad_r >= central_r
          else default_rotor_pad_r, MM,
          "Rotor-side pad radius, shrunk if needed to pass the rotor disk's central hole.")
    s.put("MiddlePadRadius", pitch_r + holes_r + picked["MiddlePadRadiusMargin"], MM,
          "Radius of the flange disk carrying the wheel studs.")
    middle_pad_t = s.put("MiddlePadThickness", 16, MM, "Thickness of the flange disk.")
    non_single = s.put("NonSingleRotorDistanceBetweenFrameAndMiddlePad", hub_nut_t * 2, MM,
                       "Frame to flange gap unless the rotor is Single: two stud nuts.")
    single = topology == "Single"  # "Single and metal disk" stacks like "Double".
    rotor_t = magnet_t + disk_t
    stator_to_frame = s.put(
        "DistanceBetweenStatorAndFrame",
        nut_t * 2 + washer_t + 5 if single  # the reference's literal 5 mm
        else middle_pad_t + non_single + rotor_t + clearance, MM,
        "Axial gap between the stator face and the frame.")
    s.put("RotorThickness", rotor_t, MM, "One magnet rotor: disk plus magnets.")
    beyond = s.put("DistanceStubAxleShaftExtendsBeyondTheFrame", 20, MM,
                   "Stub axle length sticking out behind the frame.")
    frame_to_pad = s.put(
        "DistanceBetweenFrameAndMiddlePad",
        stator_to_frame + stator_t + clearance + rotor_t if single else non_single, MM,
        "Axial gap between the frame and the hub flange.")
    s.put("StubAxleShaftLength", middle_pad_t + frame_to_pad + metal_l + beyond, MM,
          "Length of the stub axle from the flange through the frame.")
    return s.cells()
