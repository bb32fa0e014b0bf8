"""The ``Alternator`` sheet: stator, stator mold, coil winder, rotor, studs and frame.

Cells follow the reference's order. A few cells read values the reference declares further down
(the magnet corner offset, a bolt radius, the surround bolt count); those come from the small pure
functions below, so each formula is still written once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cadstream.design.arith import asin, cos, fmod, round_down5, round_half_away, round_up5, sin
from cadstream.design.cells import ANGLE, COUNT, MM, NONE, Cell, Cells, SheetBuilder
from cadstream.design.sheets.fastener import nut_thickness
from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = ["compute", "magnet_corner_offset"]


def magnet_corner_offset(rotor_disk_radius: float, magnet_width: float) -> float:
    """How far a magnet moves inward so its two outer corners sit on the disk's edge."""
    return rotor_disk_radius - math.sqrt(rotor_disk_radius**2 - (magnet_width / 2) ** 2)


def _pick(shape: str, t: float, h: float, star: float) -> float:
    return t if shape == "T" else (h if shape == "H" else star)


#: Stator mounting studs per frame shape.
_STUDS = {"T": 3, "H": 4, "Star": 6}


def _surround_bolts(shape: str) -> int:
    """Bolts around the stator mold surround: 24 on the hexagonal mold, 4 per stud otherwise."""
    return 24 if shape == "Star" else 4 * _STUDS[shape]


def _flag(condition: bool) -> int:
    """A condition as the reference's spreadsheet holds it: 1 or 0."""
    return 1 if condition else 0


@dataclass(frozen=True)
class _Inputs:
    """Values re-exported from the input, Hub, Fastener and Blade sheets."""

    rd: float
    st: float
    g: float
    td: float
    mt: float
    ml: float
    metal_l: float
    metal_t: float
    clw: float
    offset: float
    holes_d: float
    yaw_pipe_d: float
    resin_margin: float
    n_magnets: float
    hub_holes_d: float
    hole_w_outer: float
    hole_w_inner: float
    coil_type: float
    material: str
    coils_per_phase: float
    mw: float
    topology: str
    shape: str
    n_hub_holes: float
    hub_holes_r: float
    hub_pitch_r: float
    middle_pad_t: float
    rotor_t: float
    stator_to_frame: float
    nut_t: float
    hub_nut_t: float
    thread: float
    washer_t: float
    screw_d: float
    screw_hole_d: float
    blade_plate_t: float
    blade_t: float


def _inputs(s: SheetBuilder, v: Cells) -> _Inputs:
    def num(key: str, unit: str, description: str) -> float:
        return s.put(key.partition(".")[2], v.num(key), unit, description)

    def text(key: str, description: str) -> str:
        return s.put(key.partition(".")[2], v.text(key), NONE, description)

    rd = num("Spreadsheet.RotorDiskRadius", MM, "Rotor disk radius (input).")
    st = num("Spreadsheet.StatorThickness", MM, "Stator thickness (input).")
    g = num("Spreadsheet.MechanicalClearance", MM, "Gap between stator and magnets (input).")
    td = num("Spreadsheet.RotorDiskThickness", MM, "Steel rotor disk thickness (input).")
    mt = num("Spreadsheet.MagnetThickness", MM, "Magnet thickness (input).")
    ml = num("Spreadsheet.MagnetLength", MM, "Magnet length, radial (input).")
    metal_l = num("Spreadsheet.MetalLengthL", MM, "Angle section leg length (input).")
    metal_t = num("Spreadsheet.MetalThicknessL", MM, "Angle section thickness (input).")
    clw = num("Spreadsheet.CoilLegWidth", MM, "Coil leg width (input).")
    offset = num("Spreadsheet.Offset", MM, "Offset of the yaw axis from the shaft (input).")
    holes_d = num("Spreadsheet.HolesDiameter", MM, "General bolt diameter (input).")
    yaw_pipe_d = num("Spreadsheet.YawPipeDiameter", MM, "Yaw pipe outer diameter (input).")
    resin_margin = num("Spreadsheet.RotorResinMargin", MM,
                       "Resin beyond the rotor disk edge (input).")
    n_magnets = num("Spreadsheet.NumberMagnet", COUNT, "Magnets per rotor (input).")
    hub_holes_d = num("Spreadsheet.HubHolesDiameter", MM, "Hub stud diameter (input).")
    hole_w_outer = num("Spreadsheet.CoilHoleWidthAtOuterRadius", MM,
                       "Coil hole width at its outer end (input).")
    hole_w_inner = num("Spreadsheet.CoilHoleWidthAtInnerRadius", MM,
                       "Coil hole width at its inner end (input).")
    coil_type = num("Spreadsheet.CoilType", NONE,
                    "Coil shape: 1 rectangular, 2 keyhole, 3 triangular (input).")
    material = text("Spreadsheet.MagnetMaterial", "Magnet material (input).")
    coils_per_phase = num("Spreadsheet.NumberOfCoilsPerPhase", COUNT, "Coils per phase (input).")
    mw = num("Spreadsheet.MagnetWidth", MM, "Magnet width, tangential (input).")
    topology = text("Spreadsheet.RotorTopology", "Rotor arrangement (input).")
    shape = text("Spreadsheet.CalculatedWindTurbineShape", "Frame shape the design is built as.")
    num("Hub.DistanceBetweenFrameAndMiddlePad", MM, "Frame to hub middle pad distance.")
    n_hub_holes = num("Hub.NumberOfHoles", COUNT, "Wheel hub studs.")
    hub_holes_r = num("Hub.HubHolesRadius", MM, "Hub stud radius.")
    hub_pitch_r = num("Hub.HubPitchCircleRadius", MM, "Radius of the hub stud circle.")
    middle_pad_t = num("Hub.MiddlePadThickness", MM, "Hub middle pad thickness.")
    rotor_t = num("Hub.RotorThickness", MM, "One magnet rotor: disk plus magnets.")
    stator_to_frame = num("Hub.DistanceBetweenStatorAndFrame", MM,
                          "Axial gap between the stator face and the frame.")
    nut_t = num("Fastener.HexNutThickness", MM, "Height of a general hex nut.")
    hub_nut_t = num("Fastener.HubHexNutThickness", MM, "Height of a hub stud nut.")
    thread = num("Fastener.DistanceThreadsExtendFromNuts", MM, "Thread left showing beyond a nut.")
    washer_t = num("Fastener.WasherThickness", MM, "Thickness of every washer.")
    screw_d = num("Fastener.WoodScrewDiameter", MM, "Diameter of the wood screws.")
    screw_hole_d = num("Fastener.ScrewHoleDiameter", MM, "Pilot hole diameter for the wood screws.")
    blade_plate_t = num("Blade.BladeAssemblyPlateThickness", MM,
                        "Plywood thickness of the blade hub plates.")
    blade_t = num("Blade.BladeThickness", MM, "Blade thickness at the root.")
    return _Inputs(
        rd=rd, st=st, g=g, td=td, mt=mt, ml=ml, metal_l=metal_l, metal_t=metal_t, clw=clw,
        offset=offset, holes_d=holes_d, yaw_pipe_d=yaw_pipe_d, resin_margin=resin_margin,
        n_magnets=n_magnets, hub_holes_d=hub_holes_d, hole_w_outer=hole_w_outer,
        hole_w_inner=hole_w_inner, coil_type=coil_type, material=material,
        coils_per_phase=coils_per_phase, mw=mw, topology=topology, shape=shape,
        n_hub_holes=n_hub_holes, hub_holes_r=hub_holes_r, hub_pitch_r=hub_pitch_r,
        middle_pad_t=middle_pad_t, rotor_t=rotor_t, stator_to_frame=stator_to_frame,
        nut_t=nut_t, hub_nut_t=hub_nut_t, thread=thread, washer_t=washer_t, screw_d=screw_d,
        screw_hole_d=screw_hole_d, blade_plate_t=blade_plate_t, blade_t=blade_t,
    )


# ---------------------------------------------------------------------------------------- stator


@dataclass(frozen=True)
class _Stator:
    inner_hole_r: float
    n_coils: float
    lid_notch: float
    bolts_from_180: float
    holes_circumradius: float
    hex_circumradius: float
    n_holes: float
    ear_size: float


def _lid_notch(s: SheetBuilder, shape: str, coil_angle: float) -> float:
    """Where the wire tube leaves the stator: a whole number of coils from a stud (T), half a
    coil past 180° (H), or between two coils about 30° past 180° (Star)."""
    t_target = s.put("TShapeApproximateDegreesBetweenTopLeftStatorMountingHoleAndLidNotch", 45,
                     ANGLE, "Target angle from the top-left stud to the wire exit (T).")
    t_coils = s.put("TShapeNumberOfCoilsBetweenTopLeftStatorMountingHoleAndLidNotch",
                    round_half_away(t_target / coil_angle), COUNT,
                    "Whole coil pitches nearest that target (T).")
    t_degrees = s.put("TShapeDegreesBetweenTopLeftStatorMountingHoleAndLidNotch",
                      coil_angle * t_coils, ANGLE, "Angle from the top-left stud to the exit (T).")
    star_target = s.put("StarShapeLidNotchApproximateDegrees", 30, ANGLE,
                        "Target angle of the wire exit past 180° (Star).")
    star_coils = s.put("StarShapeNumberOfCoilsBetween180",
                       round_half_away(star_target / coil_angle - 0.5) + 0.5, COUNT,
                       "Coil pitches from 180° to the exit, ending between two coils (Star).")
    star_degrees = s.put("StarShapeDegreesBetween180", coil_angle * star_coils, ANGLE,
                         "Angle from 180° to the wire exit (Star).")
    t_notch = s.put("TShapeLidNotchDegrees", 150 + t_degrees, ANGLE,
                    "Wire exit angle, counted from the stud at 150° (T).")
    h_notch = s.put("HShapeLidNotchDegrees", 180 + coil_angle / 2, ANGLE,
                    "Wire exit angle, half a coil past 180° (H).")
    star_notch = s.put("StarShapeLidNotchDegrees", 180 + star_degrees, ANGLE,
                       "Wire exit angle (Star).")
    return s.put("LidNotchDegrees", _pick(shape, t_notch, h_notch, star_notch), ANGLE,
                 "Angle of the wire tube notch in the stator mold lid.")


def _stator_studs(s: SheetBuilder, i: _Inputs,
                  tube_space: float) -> tuple[float, float, float, float]:
    """Resin edge and stud circle: ``(holes circumradius, hexagon circumradius, studs, ear)``."""
    s.put("SpaceBetweenCoilEdgeAndSurround", tube_space, MM,
          "Room for the wire conduit outside the coils.")
    outside_edge_r = s.put("OutsideCoilEdgeRadius", i.rd + i.clw, MM,
                           "Radius of the coils' outer edge.")
    surround_r = s.put("StatorMoldSurroundEdgeRadius",
                       i.rd + max(i.clw, i.resin_margin) + tube_space + (i.resin_margin - 5), MM,
                       "Outer radius of a circular stator's resin.")
    hex_r = s.put("HexagonalStatorOuterCircumradius", surround_r / cos(30), MM,
                  "Circumradius of a hexagonal (Star) stator.")
    t_holes_r = s.put("TShapeStatorHolesCircumradius", surround_r, MM,
                      "Stud circle radius (T): on the resin's edge.")
    h_holes_r = s.put("HShapeStatorHolesCircumradius", t_holes_r + i.holes_d / 2, MM,
                      "Stud circle radius (H): one bolt radius further out.")
    star_holes_r = s.put("StarShapeStatorHolesCircumradius",
                         outside_edge_r + 0.5 * (hex_r - i.rd - i.clw), MM,
                         "Stud circle radius (Star): midway from coil edge to hexagon corner.")
    holes_r = s.put("StatorHolesCircumradius",
                    _pick(i.shape, t_holes_r, h_holes_r, star_holes_r), MM,
                    "Radius of the circle through the stator mounting studs.")
    t_n = s.put("TShapeNumberOfStatorHoles", _STUDS["T"], COUNT, "Stator mounting studs (T).")
    h_n = s.put("HShapeNumberOfStatorHoles", _STUDS["H"], COUNT, "Stator mounting studs (H).")
    star_n = s.put("StarShapeNumberOfStatorHoles", _STUDS["Star"], COUNT,
                   "Stator mounting studs (Star).")
    n_holes = s.put("NumberOfStatorHoles", _pick(i.shape, t_n, h_n, star_n), COUNT,
                    "Stator mounting studs.")
    t_ear = s.put("TShapeEarSize", 25, MM, "Radius of the resin ear around each stud (T).")
    h_ear = s.put("HShapeEarSize", 35, MM, "Radius of the resin ear around each stud (H, Star).")
    ear = s.put("EarSize", t_ear if i.shape == "T" else h_ear, MM,
                "Radius of the resin ear around each stud.")
    return holes_r, hex_r, n_holes, ear


def _stator(s: SheetBuilder, i: _Inputs) -> _Stator:
    inner_hole_r = s.put("StatorInnerHoleRadius",
                         i.rd - i.ml - magnet_corner_offset(i.rd, i.mw) - i.clw, MM,
                         "Radius of the stator's central hole (inner edge of the coils).")
    n_coils = s.put("NumberOfCoils", i.n_magnets * 0.75, COUNT,
                    "Coils in the stator: three for every four magnets.")
    coil_angle = s.put("CoilAngle", 360 / n_coils, ANGLE, "Angular pitch of the coils.")
    lid_notch = _lid_notch(s, i.shape, coil_angle)
    tube_d = s.put("WireTubeDiameter", 16, MM, "Conduit for the stator wires (16 assumed).")
    tube_resin = s.put("RadiusOfResinAroundWireTube", 5, MM, "Resin around the wire conduit.")
    bolts_from_180 = s.put("NumberOfBoltsLidNotchIsFrom180",
                           (lid_notch - 180) / (360 / _surround_bolts(i.shape)), COUNT,
                           "Surround bolt pitches from 180° to the wire exit.")
    holes_r, hex_r, n_holes, ear = _stator_studs(s, i, tube_d + tube_resin)
    t_coils_angle = s.put("TShapeCoilsAngle", 360 / n_coils / 2, ANGLE,
                          "Coil ring rotation putting the studs between coils (T).")
    hs_coils_angle = s.put("HAndStarShapeCoilsAngle", 90, ANGLE,
                           "Coil ring rotation aligning a coil with 180° (H, Star).")
    s.put("CoilsAngle", t_coils_angle if i.shape == "T" else hs_coils_angle, ANGLE,
          "Rotation of the coil ring, so studs sit between coils.")
    coil_offset = s.put("CoilThicknessOffset", 0.2, MM,
                        "How much thinner a coil is drawn than the stator.")
    s.put("CoilThickness", i.st - coil_offset, MM, "Modelled coil thickness.")
    return _Stator(inner_hole_r, n_coils, lid_notch, bolts_from_180, holes_r, hex_r, n_holes,
                   ear)


# ----------------------------------------------------------------------------------- stator mold


def _mold_fasteners(s: SheetBuilder, i: _Inputs, stator: _Stator, island_r: float,
                    max_bolt_d: float) -> None:
    """Bolt and screw counts and sizes; M12 drops to M10 when the island is crowded."""
    inner_r = stator.inner_hole_r
    island_bolts = s.put("StatorMoldIslandNumberOfBolts",
                         4 if inner_r < 110 else (6 if inner_r < 190 else 12), COUNT,
                         "Bolts through the stator mold island.")
    sectors = s.put("StatorMoldIslandNumberOfScrewSectors",
                    12 if inner_r < 110 else (18 if inner_r < 190 else 36), COUNT,
                    "Sectors of the island's fastener circle.")
    s.put("StatorMoldIslandScrewAngle", 360 / sectors, ANGLE, "Angle of one island sector.")
    occurrences = s.put("StatorMoldIslandNumberOfPolarPatternScrewOccurrences",
                        (sectors - island_bolts) / 2, COUNT,
                        "Island screw pairs in the polar pattern.")
    unrounded_screw = s.put("UnroundedStatorMoldScrewLength", i.st * 2, MM,
                            "Two mold layers of wood screw.")
    s.put("StatorMoldScrewLength", round_down5(unrounded_screw), MM,
          "Stator mold wood screw length, rounded down to 5 mm.")
    s.put("StatorMoldSurroundNumberOfBolts", _surround_bolts(i.shape), COUNT,
          "Bolts around the stator mold surround.")
    s.put("StatorMoldSurroundNumberOfScrews", 4 * 2 * stator.n_holes, COUNT,
          "Wood screws in the stator mold surround.")
    island_screws = s.put("StatorMoldIslandNumberOfScrews", 2 * occurrences, COUNT,
                          "Wood screws in the stator mold island.")
    fasteners = s.put("StatorMoldIslandNumberOfFasteners", island_bolts + island_screws, COUNT,
                      "Bolts and screws on the island's circle.")
    circumference = s.put("StatorMoldIslandHolesCircumference", 2 * math.pi * island_r, MM,
                          "Length of the island's fastener circle.")
    spacing = s.put("StatorMoldIslandSpaceBetweenFasteners", circumference / fasteners, MM,
                    "Spacing of the island fasteners.")
    decrease = s.put("ShouldDecreaseStatorMoldFastenerSizes", _flag(spacing < 30), NONE,
                     "1 when island fasteners are closer than 30 mm.")
    bolt_d = s.put("StatorMoldBoltDiameter", 10 if decrease == 1 else max_bolt_d, MM,
                   "Stator mold bolt diameter (M12, or M10 when crowded).")
    wood_screw_d = s.put("StatorMoldWoodScrewDiameter", 4 if decrease == 1 else i.screw_d, MM,
                         "Stator mold wood screw diameter.")
    screw_hole_d = s.put("StatorMoldScrewHoleDiameter",
                         i.screw_hole_d if wood_screw_d == i.screw_d else 3, MM,
                         "Pilot hole diameter for the stator mold screws.")
    s.put("StatorMoldScrewHoleRadius", screw_hole_d / 2, MM,
          "Pilot hole radius for the stator mold screws.")
    s.put("StatorMoldBoltWidthAcrossCorners", 18.48 if bolt_d == 10 else 20.78, MM,
          "Head width across corners of a stator mold bolt.")
    mold_nut_t = s.put("StatorMoldHexNutThickness", nut_thickness(bolt_d / 2), MM,
                       "Height of a stator mold nut.")
    beyond = s.put("MinimumDistanceStatorMoldBoltsExtendFromNuts", 2, MM,
                   "Thread showing beyond a stator mold nut.")
    unrounded_bolt = s.put("UnroundedStatorMoldBoltLength",
                           4 * i.st - i.nut_t + i.washer_t + mold_nut_t + beyond, MM,
                           "Length a stator mold bolt needs through the layers.")
    s.put("StatorMoldBoltLength", round_up5(unrounded_bolt), MM,
          "Stator mold bolt length, rounded up to 5 mm.")
    s.put("LocatingBoltDiameter", bolt_d, MM, "Diameter of the mold's locating bolts.")
    unrounded_locating = s.put("UnroundedLocatingBoltLength",
                               i.washer_t * 2 + i.st * 5 + mold_nut_t + beyond, MM,
                               "Length a locating bolt needs through all five layers.")
    s.put("LocatingBoltLength", round_up5(unrounded_locating), MM,
          "Locating bolt length, rounded up to 5 mm.")


def _mold_outline(s: SheetBuilder, shape: str, stator: _Stator, sketch_y: float,
                  max_outer: float) -> float:
    """Square mold, its locating bolts and the surround bolt circle, whose radius it returns."""
    side = s.put("StatorMoldSideLength", 1.55 * 2 * stator.holes_circumradius, MM,
                 "Side of the square stator mold.")
    locating_r = s.put("DistanceOfLocatingHoleFromCenter", 0.63559 * side, MM,
                       "Radius of the locating bolts, near the mold corners.")
    x1 = s.put("LocatingBolt1X", -locating_r * cos(45), MM, "Locating bolt 1, x.")
    y1 = s.put("LocatingBolt1Y", -x1 + sketch_y, MM, "Locating bolt 1, y.")
    x2 = s.put("LocatingBolt2X", -x1, MM, "Locating bolt 2, x.")
    s.put("LocatingBolt2Y", y1, MM, "Locating bolt 2, y.")
    s.put("LocatingBolt3X", x2, MM, "Locating bolt 3, x.")
    s.put("LocatingBolt3Y", x1 + sketch_y, MM, "Locating bolt 3, y.")
    edge_r = s.put("StatorMoldSurroundHolesEdgeCircumradius",
                   stator.hex_circumradius if shape == "Star" else stator.holes_circumradius, MM,
                   "Radius the surround bolts are measured from.")
    middle = s.put("LengthMiddleHoles", min(edge_r + max_outer, edge_r * 1.13), MM,
                   "Radius of the surround bolt circle.")
    s.put("DistanceBetweenOuterHolesAndStatorMold", middle - edge_r, MM,
          "Gap between the resin edge and the surround bolts.")
    return middle


def _hexagonal_mold(s: SheetBuilder, shape: str, stator: _Stator, middle: float) -> None:
    """The hexagon's bottom edge (Star bolts sit on it) and the bolts dropped at the wire exit."""
    blx = s.put("BottomLeftCornerX", middle * cos(240), MM, "Hexagon bottom-left corner, x.")
    bly = s.put("BottomLeftCornerY", middle * sin(240), MM, "Hexagon bottom-left corner, y.")
    brx = s.put("BottomRightCornerX", middle * cos(300), MM, "Hexagon bottom-right corner, x.")
    bry = s.put("BottomRightCornerY", middle * sin(300), MM, "Hexagon bottom-right corner, y.")
    slope = s.put("LineFromBottomRightToBottomLeftCornerSlope", (bry - bly) / (brx - blx), NONE,
                  "Slope of the hexagon's bottom edge.")
    s.put("LineFromBottomRightToBottomLeftCornerYIntercept", bly - slope * blx, MM,
          "Height where the hexagon's bottom edge crosses the y axis.")
    bolt_angle = s.put("StatorMoldSurroundBoltAngle", 360 / _surround_bolts(shape), ANGLE,
                       "Angle between surround bolts.")
    aligned = s.put("DoesLidNotchAlignWithBolt",
                    _flag(fmod(stator.lid_notch, bolt_angle) == 0), NONE,
                    "1 when the wire exit falls on a surround bolt.")
    first = s.put("DoesLidNotchAlignWithFirstBolt",
                  _flag(aligned == 1 and stator.bolts_from_180 == 1), NONE,
                  "1 when the wire exit falls on the first bolt past 180° (Star).")
    second = s.put("DoesLidNotchAlignWithSecondBolt",
                   _flag(aligned == 1 and stator.bolts_from_180 == 2), NONE,
                   "1 when the wire exit falls on the second bolt past 180° (Star).")
    s.put("FirstOuterBoltHolePolarPatternNumberOfOccurrences", 5 if first == 1 else 6, COUNT,
          "First outer bolt pattern count, one dropped at the exit (Star).")
    s.put("FirstOuterBoltHolePolarPatternAngle", 240 if first == 1 else 360, ANGLE,
          "First outer bolt pattern span (Star).")
    s.put("SecondOuterBoltHolePolarPatternNumberOfOccurrences", 5 if second == 1 else 6, COUNT,
          "Second outer bolt pattern count, one dropped at the exit (Star).")
    s.put("SecondOuterBoltHolePolarPatternAngle", 240 if second == 1 else 360, ANGLE,
          "Second outer bolt pattern span (Star).")
    s.put("LargeInnerPolarPatternOccurrences",
          stator.n_holes - 1 if aligned == 1 else stator.n_holes, COUNT,
          "Inner surround bolts, one dropped at the exit.")
    s.put("LargeInnerPolarPatternOverallAngle", 240 if aligned == 1 else 360, ANGLE,
          "Span of the inner surround bolt pattern.")


def _stator_mold(s: SheetBuilder, i: _Inputs, stator: _Stator) -> None:
    max_bolt_d = s.put("MaximumStatorMoldBoltDiameter", 12, MM, "Largest stator mold bolt (M12).")
    s.put("ScrewHoleRadius", i.screw_hole_d / 2, MM,
          "Pilot hole radius (rotor mold, blade hub plates).")
    max_outer = s.put("MaximumDistanceBetweenOuterHolesAndStatorMold", max_bolt_d * 2, MM,
                      "Farthest the surround bolts may sit from the resin, to hold it in.")
    max_inner = s.put("MaximumDistanceBetweenInnerHolesAndStatorMold", max_bolt_d * 1.5, MM,
                      "Farthest the island bolts may sit from the resin, to hold it in.")
    t_sketch_y = s.put("TShapeSketchY", -stator.ear_size / 2, MM,
                       "Offset of the square mold outline (T).")
    h_sketch_y = s.put("HShapeSketchY", 0, MM, "Offset of the square mold outline (H, Star).")
    sketch_y = s.put("SketchY", t_sketch_y if i.shape == "T" else h_sketch_y, MM,
                     "Offset of the square mold outline.")
    inner_r = stator.inner_hole_r
    island_r = s.put("IslandInnerRadius", max(inner_r - max_inner, inner_r * 0.78), MM,
                     "Radius of the island's bolt and screw circle.")
    ear_angle = s.put("EarAngle", 360 / stator.n_holes, ANGLE, "Angle between stator studs.")
    s.put("LargeHoleAngle", ear_angle / 4, ANGLE,
          "Angle between surround bolts: four gaps per stud.")
    s.put("StatorMoldHolesSketchAngle", 45 if i.shape == "H" else 0, ANGLE,
          "Rotation of the mold's hole pattern.")
    _mold_fasteners(s, i, stator, island_r, max_bolt_d)
    middle = _mold_outline(s, i.shape, stator, sketch_y, max_outer)
    _hexagonal_mold(s, i.shape, stator, middle)


# ----------------------------------------------------------------------------------- coil winder


@dataclass(frozen=True)
class _WinderPins:
    largest: float
    vertical: float
    outer_w: float
    inner_w: float
    rod_nut_t: float
    pin_d: float
    pin_r: float


def _winder_pins(s: SheetBuilder, i: _Inputs) -> _WinderPins:
    """Cheek disk, pin pattern, and rod and pin sizes from the smaller magnet side."""
    diagonal = s.put("MagnetDiagonal", math.sqrt(i.mw**2 + i.ml**2), MM,
                     "Diagonal of a magnet's face.")
    padding = s.put("CoilWinderDiskRadiusPadding", 12, MM, "Cheek disk beyond the coil.")
    s.put("CoilWinderDiskRadius", diagonal / 2 + i.clw + padding, MM,
          "Radius of the coil winder's cheek disks.")
    s.put("DistanceBetweenTriangularCoilAndTapeNotch", 2, MM,
          "Plywood between a triangular coil and the tape notch.")
    largest = s.put("LargestMagnetDimension", max(i.ml, i.mw), MM,
                    "Larger of magnet length and width.")
    smallest = s.put("SmallestMagnetDimension", min(i.ml, i.mw), MM,
                     "Smaller of magnet length and width.")
    # A rectangular coil on a magnet wider than long is wound turned a quarter turn.
    turned = i.mw > i.ml and i.coil_type == 1
    vertical = s.put("CoilWinderVerticalDimension", i.mw if turned else i.ml, MM,
                     "Long side of the winder's pin pattern.")
    outer_w = s.put("CoilWinderOuterHorizontalDimension", i.ml if turned else i.hole_w_outer,
                    MM, "Pin pattern width at the coil's outer end.")
    inner_w = s.put("CoilWinderInnerHorizontalDimension", i.ml if turned else i.hole_w_inner,
                    MM, "Pin pattern width at the coil's inner end.")
    rod_d = s.cascade(["CwbRange4", "CwbRange3", "CwbRange2", "CwbRange1",
                       "CoilWinderCenterRodDiameter"],
                      [(smallest < 19, 8), (smallest < 17, 6), (smallest < 15, 5),
                       (smallest < 13, 4), (smallest < 11, 3)],
                      10, MM, "Coil winder centre rod diameter, by the smaller magnet side.")
    pin_d = s.cascade(["CwpRange1", "CoilWinderPinDiameter"],
                      [(smallest < 14, 4), (smallest < 12, 3)],
                      5, MM, "Coil winder pin diameter, by the smaller magnet side.")
    rod_r = s.put("CoilWinderCenterRodRadius", rod_d / 2, MM, "Coil winder rod radius.")
    rod_nut_t = s.put("CoilWinderHexNutThickness", nut_thickness(rod_r), MM,
                      "Height of a coil winder rod nut.")
    pin_r = s.put("CoilWinderPinRadius", pin_d / 2, MM, "Coil winder pin radius.")
    return _WinderPins(largest, vertical, outer_w, inner_w, rod_nut_t, pin_d, pin_r)


def _tape_notch(s: SheetBuilder, pins: _WinderPins) -> None:
    """Widest tape notch (at most 21) leaving 2 mm of plywood to the pins, 10 if none does."""
    widest = s.put("MaximumCoilWinderDiskTapeNotchWidth", 21, MM, "Widest tape notch.")
    margin = s.put("MinimumSpaceBetweenPinsAndTapeNotch", 2, MM,
                   "Plywood left between the pins and the tape notch.")
    narrowings = range(10, -1, -1)
    notch = s.cascade(
        [f"TnwRange{k}" for k in narrowings],
        [((pins.vertical - 2 * pins.pin_d - widest + k) / 2 >= margin, widest - k)
         for k in narrowings],
        widest - 11, MM, "Tape notch width, trying narrower notches first.")
    s.put("CoilWinderDiskTapeNotchWidth", notch, MM, "Width of the cheeks' tape notches.")


def _winder_stack(s: SheetBuilder, i: _Inputs, pins: _WinderPins) -> None:
    """Layers of cheek, spacer and cheek, one per coil of a phase, separated by nut stacks."""
    s.put("CoilWinderDiskFillet", 8, MM, "Fillet of the tape notch corners.")
    cheek_t = s.put("CoilWinderCheekThickness", 12, MM, "Cheek plywood thickness.")
    s.put("CoilWinderDiskBottomHoleRadius", 4 if i.coil_type != 3 else i.hole_w_inner / 2, MM,
          "Radius of the bottom hole of a triangular winder.")
    s.put("RectangularVerticalDistanceOfHolesFromCenter", pins.vertical / 2 - pins.pin_r, MM,
          "Distance of the pin rows from the rod.")
    spacing_nuts = s.put("CoilWinderNumberOfSpacingNuts", 4, COUNT,
                         "Nuts in each stack between layers.")
    stack_t = s.put("CoilWinderNutStackThickness",
                    pins.rod_nut_t * spacing_nuts + i.washer_t * 2, MM,
                    "Nut stack plus its two washers.")
    layer_t = s.put("CoilWinderAssemblyThickness", cheek_t * 2 + i.st, MM,
                    "One layer: two cheeks around a stator-thick spacer.")
    s.put("CoilWinderSpaceBetweenLayer", stack_t + layer_t, MM, "Pitch of the layers.")
    n_stacks = s.put("CoilWinderNumberOfNutStacks", i.coils_per_phase - 1, COUNT,
                     "Nut stacks between layers.")
    total = s.put("CoilWinderAssemblyThicknessTotal",
                  layer_t * i.coils_per_phase + stack_t * n_stacks, MM,
                  "Thickness of all layers and nut stacks.")
    s.put("CoilWinderCenterRodLength",
          total + pins.rod_nut_t * 2 + i.thread * 2 + i.washer_t * 2, MM,
          "Length of the coil winder's centre rod.")
    s.put("CoilWinderPinLength", total + i.thread * 2, MM, "Length of the coil winder pins.")
    rotate = s.put("ShouldRotateCoil", _flag(i.mw > i.ml and i.coil_type == 1), NONE,
                   "1 when a rectangular coil is wound turned a quarter turn.")
    s.put("CoilWinderCoilsAngle", 90 if rotate == 1 else 0, ANGLE,
          "Rotation of the coils on the winder.")
    outer = s.put("OuterHorizontalDistanceBetweenCenterOfSmallHoles",
                  pins.outer_w - pins.pin_d, MM, "Pin centre spacing at the outer end.")
    s.put("InnerHorizontalDistanceBetweenCenterOfSmallHoles",
          pins.inner_w - pins.pin_d if i.coil_type != 3 else outer, MM,
          "Pin centre spacing at the inner end.")


def _coil_overlap(s: SheetBuilder, i: _Inputs, n_coils: float) -> None:
    """Whether neighbouring coils would overlap at the rotor's edge, and the thinner leg if so."""
    circumference = s.put("RotorDiskCircumference", i.rd * 2 * math.pi, MM,
                          "Circumference of the rotor disk.")
    sector = s.put("CoilSectorArcLength", circumference / n_coils, MM,
                   "Rim arc available to one coil.")
    hole_arc = s.put("CoilOuterWidthArcLength",
                     asin(i.hole_w_outer / (2 * i.rd)) * 2 * i.rd * math.pi / 180, MM,
                     "Rim arc spanned by the coil hole's outer width.")
    coil_arc = s.put("ApproximateCoilArcLength", hole_arc + i.clw * 2, MM,
                     "Rim arc spanned by one coil.")
    reduction = s.put("CoilLegWidthReduction", (coil_arc - sector) / 2, MM,
                      "How much each leg would have to shrink to stop the overlap.")
    s.put("CoilLegWidthReduced", i.clw * 0.8 if reduction < 0 else i.clw - reduction, MM,
          "Corner radius of a reduced triangular coil.")
    s.put("DoCoilsOverlap", _flag(coil_arc > sector), NONE,
          "1 when neighbouring coils would overlap.")


def _triangular_winder(s: SheetBuilder, i: _Inputs, pins: _WinderPins) -> None:
    """Circle through the three pins of a triangular coil winder."""
    mw = s.put("Mw", pins.largest if i.coil_type != 3 else i.mw, MM,
               "Magnet width for the triangular parts (the larger side unless CoilType 3).")
    ml = s.put("Ml", i.ml, MM, "Magnet length for the triangular parts.")
    pr = s.put("Pr", pins.pin_r, MM, "Pin radius for the triangular parts.")
    s.put("TriangularHorizontalDistanceBetweenPins", mw - pins.pin_r * 2, MM,
          "Spacing of the two outer pins.")
    circumradius = s.put("TriangularCoilWinderCircumradius",
                         (4 * ml**2 - 8 * ml * pr + (mw - 2 * pr) ** 2) / (8 * (ml - 2 * pr)),
                         MM, "Radius of the circle through the three pin centres.")
    s.put("TriangularVerticalDistanceOfHolesFromCenter", ml - pr - circumradius, MM,
          "Height of the outer pins above the rod.")


# ----------------------------------------------------------------------------------------- rotor


def _rotor_disks(s: SheetBuilder, i: _Inputs) -> tuple[float, float]:
    """Jacking holes, front rotor and magnet position: ``(front rotors, front thickness)``."""
    s.put("NumberOfJackingHoles", 4 if i.shape == "T" else 3, COUNT,
          "Jacking holes in the front rotor disk.")
    rod_d = s.put("JackingRodDiameter", min(i.hub_holes_d, 12), MM,
                  "Diameter of the jacking studs.")
    s.cascade(["Range4_jhd", "Range3_jhd", "Range2_jhd", "Range1_jhd", "JackingHoleDiameter"],
              [(rod_d >= 8, 7), (rod_d >= 10, 8.5), (rod_d >= 12, 10.25), (rod_d >= 14, 12),
               (rod_d >= 16, 14)],
              5, MM, "Tap drill for the jacking holes, one size under the rod.")
    s.put("WeightReductionRotorDiskRadiusThreshold", 230, MM,
          "Disks larger than this get weight-saving pockets.")
    front_count = s.put("FrontRotorCount", 0 if i.topology == "Single" else 1, COUNT,
                        "Disks in front of the stator.")
    front_t = s.put("FrontRotorThickness",
                    0 if i.topology == "Single"
                    else (i.td if i.topology == "Single and metal disk" else i.rotor_t), MM,
                    "Thickness of what sits in front of the stator.")
    small = s.put("SmallIslandRadius", i.hub_pitch_r + 0.5 * (i.rd - i.ml - i.hub_pitch_r), MM,
                  "Rotor mold island radius midway to the magnets (T).")
    large = s.put("LargeIslandRadius", i.rd - i.ml - 25, MM,
                  "Rotor mold island radius 25 mm inside the magnets (H, Star).")
    s.put("IslandRadius", small if i.shape == "T" else large, MM,
          "Inner radius of the rotor's resin ring.")
    corner_offset = s.put("OffsetToAlignCornersOfMagnetToDisk", magnet_corner_offset(i.rd, i.mw),
                          MM, "Magnet moved inward so its outer corners touch the disk edge.")
    s.put("DistanceOfMagnetFromCenter", i.rd - i.ml - corner_offset, MM,
          "Radius of the magnets' inner edge.")
    return front_count, front_t


def _rotor_pockets(s: SheetBuilder, i: _Inputs) -> None:
    """Six weight-saving pockets in large disks, between the hub studs and the resin."""
    inner_circle = s.put("InnerCircleResineRotor", i.rd - i.ml - 25, MM,
                         "Inner edge of the rotor resin on a reduced-weight disk.")
    padding = s.put("PaddingBetweenEdgeOfOuterPocketAndResin", 12, MM,
                    "Steel kept between the pockets and the resin.")
    pocket_in = s.put("PocketInnerRadius", i.hub_pitch_r + 3 * i.hub_holes_r, MM,
                      "Inner radius of the pockets.")
    pocket_out = s.put("PocketOuterRadius", inner_circle - padding, MM,
                       "Outer radius of the pockets.")
    pockets = s.put("NumberOfPockets", 6, COUNT, "Weight-saving pockets per disk.")
    s.put("WidthInnerPocket", 2 * math.pi * pocket_in / (pockets * 2), MM,
          "Pocket width at its inner radius: half the pitch.")
    s.put("WidthOuterPocket", 2 * math.pi * pocket_out / (pockets * 2), MM,
          "Pocket width at its outer radius: half the pitch.")


def _rotor_mold(s: SheetBuilder, i: _Inputs) -> None:
    s.put("RotorMoldSideLength", i.rd * 2 * 1.3333, MM, "Side of the square rotor mold.")
    covered = s.put("PercentageOfMagnetThicknessCoveredByResin",
                    0.7 if i.material == "Ferrite C8" else 1.0, NONE,
                    "Share of the magnet thickness cast in resin.")
    base_t = s.put("RotorMoldBaseThickness", 15, MM, "Rotor mold base thickness.")
    s.put("RotorMoldLidThickness", 6, MM, "Rotor mold lid thickness.")
    island_t = s.put("RotorMoldIslandThickness", math.ceil(i.mt * covered), MM,
                     "Rotor mold island thickness: the resin's depth over the disk.")
    surround_t = s.put("RotorMoldSurroundThickness", i.td + island_t, MM,
                       "Rotor mold surround thickness.")
    surround_r = s.put("RotorMoldSurroundRadius", i.rd + i.resin_margin, MM,
                       "Outer radius of the rotor's resin.")
    unrounded = s.put("UnroundedRotorMoldScrewLength", surround_t + base_t, MM,
                      "Surround plus base.")
    s.put("RotorMoldScrewLength", unrounded - fmod(unrounded, 5), MM,
          "Rotor mold screw length, rounded down to 5 mm.")
    s.put("NumberOfRotorMoldBolts", i.n_hub_holes / 2 if i.shape == "T" else i.n_hub_holes,
          COUNT, "Bolts holding the rotor mold together.")
    max_gap = s.put("MaxDistanceBetweenRotorMoldScrewsAndResin", 22, MM,
                    "Farthest the mold screws may sit from the resin.")
    max_r = s.put("MaxRotorMoldScrewHolesCircumradius", surround_r + max_gap, MM,
                  "Largest mold screw circle.")
    screws_r = s.put("RotorMoldScrewHolesCircumradius", min(max_r, surround_r * 1.14), MM,
                     "Radius of the mold screw circle.")
    pitch = s.put("ApproximateSpaceBetweenRotorMoldScrews", 120, MM,
                  "Target spacing of the mold screws.")
    s.put("NumberOfRotorMoldScrews", round_half_away(2 * math.pi * screws_r / pitch), COUNT,
          "Screws around the rotor mold.")
    s.put("MagnetJigThickness", 6, MM, "Magnet positioning jig thickness.")


def _studs(s: SheetBuilder, i: _Inputs, front_count: float, front_t: float) -> None:
    """Stator and hub stud lengths, and the nuts and washers spacing the rotor disks."""
    s.put("StatorMountingStudsLength",
          i.thread * 2 + i.metal_t + i.nut_t * 2 + i.stator_to_frame + i.st + i.washer_t, MM,
          "Length of the studs holding the stator to the frame.")
    single = i.topology == "Single"
    topology_length = s.put(
        "HubStudsRotorTopologyLength",
        i.td + i.thread if single
        else (i.rotor_t + i.thread * 2 + front_t + i.g * (front_count + 1) + i.st + i.hub_nut_t
              + i.washer_t),
        MM, "Hub stud length taken by the rotors and stator.")
    s.put("HubStudsLength",
          i.hub_nut_t * 2 + i.middle_pad_t + topology_length + i.blade_plate_t * 2 + i.washer_t
          + i.blade_t, MM, "Length of the hub studs.")
    between = s.put("DistanceBetweenRotorDisks",
                    i.mt + i.g + i.st + i.g * front_count
                    + i.mt * (1 if i.topology == "Double" else 0), MM,
                    "Gap between the two rotor disks.")
    s.put("NumberOfNutsBetweenRotorDisks", 0 if single else math.floor(between / i.hub_nut_t),
          COUNT, "Spacer nuts per hub stud between the disks.")
    s.put("NumberOfWashersBetweenRotorDisks",
          0 if single else math.floor(fmod(between, i.hub_nut_t) / i.washer_t), COUNT,
          "Spacer washers per hub stud between the disks.")


# ----------------------------------------------------------------------------------------- frame


def _frame(s: SheetBuilder, i: _Inputs, holes_r: float) -> None:
    """Angle-section lengths of the T, H and Star frames (the book's A, B/C, D, X, G, H...)."""
    edge = s.put("DistanceBetweenCenterOfHoleAndFrameEdge", i.metal_l / 2, MM,
                 "Holes sit mid-leg of the angle section.")
    s.put("HolesRadius", i.holes_d / 2, MM, "Radius of the general bolts.")
    yaw_pipe_r = s.put("YawPipeRadius", i.yaw_pipe_d / 2, MM, "Yaw pipe outer radius.")
    x = s.put("X", cos(60) * holes_r - edge, MM, "Position of the shaft hole in the channel (T).")
    s.put("TShapeTwoHoleEndBracketLength", cos(30) * holes_r * 2 + edge * 2, MM,
          "Two-hole end bracket length (T, book A).")
    vertical = s.put("TShapeVerticalDistance", sin(30) * holes_r + holes_r, MM,
                     "Bottom stud to the two top studs (T).")
    s.put("BC", vertical - i.metal_l, MM, "Channel piece length (T, book B/C).")
    s.put("D", i.metal_l * 2, MM, "One-hole end bracket length (T).")
    s.put("I", max(i.offset - (yaw_pipe_r + i.metal_t + x), 0), MM,
          "Yaw bearing to frame junction (T).")
    s.put("j", 0.32 * i.rd - 3, MM, "Yaw bearing bottom plate dimension (T).")
    s.put("k", 0.2 * i.rd - 5, MM, "Yaw bearing top plate dimension (T).")
    central = s.put("CentralAngle", 360 / 4, ANGLE, "Angle between H frame studs.")
    theta = s.put("Theta", central / 2, ANGLE, "Half the central angle.")
    inradius = s.put("Inradius", cos(theta) * holes_r, MM,
                     "Half the side of the square through the studs (H).")
    ratio = s.put("IsoscelesRightTriangleHypotenuseRatio", 1 / cos(theta), NONE,
                  "Hypotenuse over leg of an isosceles right triangle.")
    between = s.put("DistanceBetweenCenterOfHShapeFrameHoles", holes_r * ratio, MM,
                    "Spacing of neighbouring studs on the square H frame.")
    s.put("GG", between + edge * 2, MM, "Two-hole end bracket length (H, book G).")
    s.put("HH", inradius * 2 - i.metal_l, MM, "Channel piece length (H, book H).")
    s.put("StarShapeTwoHoleEndBracketLength", 2 * sin(30) * holes_r + edge * 2, MM,
          "Two-hole end bracket length (Star, A).")
    s.put("B", 2 * holes_r * ((1 - sin(30) * sin(30)) ** 0.5) - i.metal_l, MM,
          "Channel piece length (Star, B).")
    s.put("CC", holes_r - i.metal_l + edge, MM, "Middle bracket length (Star, C).")


def _placements(s: SheetBuilder, i: _Inputs) -> None:
    """The frame's place in the alternator, and the alternator's turn onto the yaw bearing."""
    fx = s.put("FrameX", 0, MM, "Frame position, x.")
    fy = s.put("FrameY", 0, MM, "Frame position, y.")
    fz = s.put("FrameZ", i.st / 2 + i.stator_to_frame + i.metal_l, MM,
               "Frame position along the shaft.")
    base = s.put("FrameBase", Vector(fx, fy, fz), MM, "Frame position.")
    axis = s.put("FrameAxis", Vector(0, 0, 1), NONE, "Frame rotation axis.")
    angle = s.put("FrameAngle", 0, ANGLE, "Frame rotation angle.")
    rotation = s.put("FrameRotation", Rotation.about(axis, angle), NONE, "Frame rotation.")
    s.put("FramePlacement", Placement(base, rotation), NONE, "Frame placement in the alternator.")
    t_shape = i.shape == "T"
    yaw = s.put("AlternatorZ", -90 if t_shape else -180, ANGLE,
                "Alternator yaw (first Euler angle, about z).")
    pitch = s.put("AlternatorY", 0 if t_shape else 90, ANGLE,
                  "Alternator pitch (second Euler angle, about y).")
    roll = s.put("AlternatorX", 90 if t_shape else 0, ANGLE,
                 "Alternator roll (third Euler angle, about x).")
    turn = s.put("AlternatorRotation", Rotation.ypr(yaw, pitch, roll), NONE,
                 "Alternator orientation.")
    origin = s.put("AlternatorBase", Vector(0, 0, 0), MM, "Alternator position.")
    s.put("AlternatorPlacement", Placement(origin, turn), NONE, "Alternator placement.")


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Alternator")
    i = _inputs(s, v)
    s.put("AlternatorTiltAngle", 4, ANGLE, "Backward tilt of the alternator on the yaw bearing.")
    stator = _stator(s, i)
    _stator_mold(s, i, stator)
    pins = _winder_pins(s, i)
    _tape_notch(s, pins)
    _winder_stack(s, i, pins)
    _coil_overlap(s, i, stator.n_coils)
    _triangular_winder(s, i, pins)
    front_count, front_t = _rotor_disks(s, i)
    _rotor_pockets(s, i)
    _rotor_mold(s, i)
    _studs(s, i, front_count, front_t)
    _frame(s, i, stator.holes_circumradius)
    _placements(s, i)
    return s.cells()
