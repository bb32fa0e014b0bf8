"""Typed dimensions of the frame, the yaw bearing and the blade hub plates, read from the cells.

The counterpart of :mod:`cadstream.cad.dims` for the rest of the turbine: every builder takes one
of these frozen records, and the module is pure arithmetic (no CAD kernel), so each position can
be checked against the reference without building anything. The formulas that live in the
reference's part documents rather than its sheets (where each bracket and its holes sit, the back
disk's screw rings, the blade plates' axial positions) are written here, next to the cells they
read, as ``wind-turbine-assembly.md`` §4.6, §4.8 and §5 and ``derived-dimensions.md`` §20 state
them. Angles are in degrees, lengths in millimetres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from cadstream.cad.dims import AlternatorDims, HoleCircle, Shape
from cadstream.design.arith import atan, cos, round_half_away, sin
from cadstream.design.cells import TypedValues
from cadstream.design.sheets.blade import LINES, front_triangle_screws
from cadstream.design.vectors import Vector

__all__ = [
    "AngleSection",
    "ArcWireSupport",
    "BackDisk",
    "BladeHubDims",
    "BottomPlate",
    "Bracket",
    "Channel",
    "ExtendedTop",
    "FrameDims",
    "FrontTriangle",
    "SafetyCatch",
    "SidePiece",
    "TopPlate",
    "TurbineDims",
    "YawBearingDims",
    "YawPipe",
]

_A = "Alternator."
_Y = "YawBearing."
_B = "Blade."
_HES = "HighEndStop."

#: The back disk's first screw direction (§4.8 ``AngleOffset``), by frame shape.
_BACK_DISK_SCREW_OFFSET = {"T": 45.0, "H": 270.0, "Star": 0.0}
#: The front triangle's clockwise turn that lines its screws up with the blades on the back disk
#: (§4.8 ``AngleToAlignWithBackDisk``), by frame shape.
_FRONT_TRIANGLE_TURN = {"T": 35.0, "H": 48.0, "Star": 75.0}
#: Radius of the back disk's centre (sight) hole, 12 mm across, with two rotors (§20.10); with a
#: single rotor the hole is a screw pilot hole.
_BACK_DISK_SIGHT_HOLE_RADIUS = 6.0
#: Share of a blade's back disk screws on the inner ring (§4.8).
_INNER_SCREW_SHARE = 0.43
#: Margin (mm) the back disk's screws keep inside the blade's trailing edge (§4.8).
_SCREW_BOUNDARY_MARGIN = 20.0
#: The extended bearing's arc wire support runs along the top bar's 45° diagonal (§5.1).
_EXTENDED_ARC_ANGLE = 135.0


@dataclass(frozen=True)
class AngleSection:
    """Equal-leg angle iron: legs ``leg`` (MetalLengthL) wide, ``thickness`` (MetalThicknessL)."""

    leg: float
    thickness: float


@dataclass(frozen=True)
class Channel:
    """The frame's channel: two angles back to back, a C section ``2·leg`` wide.

    In the frame frame its web is the back plate z ∈ [−thickness, 0] across x ∈ [−leg, leg], its
    flanges hang from the web's edges to the front plane z = −leg; it runs along y from ``start``
    for ``length``, and the stub axle passes its web on the axis, through a hole of
    ``hole_radius``.
    """

    length: float
    start: float
    hole_radius: float


@dataclass(frozen=True)
class Bracket:
    """An angle-iron bracket of the frame, named as the reference names it.

    Its outer corner edge runs along x on the frame's front plane z = −leg, centred at
    (``x``, ``y``). The hole leg lies on that plane and reaches from the corner edge towards +y
    (``outward`` = 1) or −y (−1); the upright leg stands on the corner edge up to the channel's
    back plane z = 0. The holes go through the hole leg on its middle line, ``holes`` giving their
    x offsets from the bracket's middle, measured in the frame frame.
    """

    name: str
    length: float
    holes: tuple[float, ...]
    x: float
    y: float
    outward: Literal[1, -1]


@dataclass(frozen=True)
class BottomPlate:
    """The T frame's bottom yaw bearing plate (assembly §4.6), a flat part.

    Drawn in its profile frame: ``width`` (YawPipeRadius + I) along x, ``length``
    (YawPipeRadius + j) along y, ``thickness`` (FlatMetalThickness) along z; the corner at
    (width, length) notched by a quarter circle of ``notch_radius`` (the yaw pipe's radius)
    centred on it, the corner at the origin chamfered ``chamfer`` × ``chamfer``.

    It is welded into the inside corner of the two-hole bracket: ``corner`` is where its profile
    origin lands in the frame frame, on its lower face, which is flush with the yaw pipe's bottom
    end ((YawPipeLength + FMT)/2 down the alternator's x axis, which points down in T). From
    there its width runs along −y (across the bracket's hole leg, to the yaw axis), its length
    along +z (back from the hole leg) and its thickness along −x (up).
    """

    width: float
    length: float
    thickness: float
    notch_radius: float
    chamfer: float
    corner: Vector


@dataclass(frozen=True)
class FrameDims:
    """The welded angle-iron frame (assembly §4.6), in the frame frame.

    Frame frame: the alternator frame moved along its shaft to ``FramePlacement`` (z = FrameZ),
    so the channel's back face is z = 0 and the brackets' hole legs face the stator on z = −leg.
    """

    shape: Shape
    section: AngleSection
    hole_radius: float
    channel: Channel
    brackets: tuple[Bracket, ...]
    bottom_plate: BottomPlate | None

    def stud_holes(self) -> tuple[tuple[float, float], ...]:
        """Every bracket hole's centre (x, y) in the frame frame."""
        return tuple((b.x + h, b.y + b.outward * self.section.leg / 2)
                     for b in self.brackets for h in b.holes)


@dataclass(frozen=True)
class YawPipe:
    """The yaw bearing's pipe: a tube of outer ``radius`` and ``wall``, ``length`` long."""

    radius: float
    wall: float
    length: float


@dataclass(frozen=True)
class TopPlate:
    """The T yaw bearing's top plate (assembly §5.2), a flat part.

    Drawn centred on its profile origin: ``width`` (2·YawPipeRadius + I) along x, ``length``
    (2·YawPipeRadius + k) along y, ``thickness`` along z. The wire hole of ``hole_radius`` is at
    ``hole`` = (I/2, k/2), ``corner_radius`` (the pipe's radius) in from the (+x, +y) corner, which
    is rounded about the hole; the opposite corner is chamfered ``chamfer`` × ``chamfer``.
    """

    width: float
    length: float
    thickness: float
    hole: tuple[float, float]
    hole_radius: float
    corner_radius: float
    chamfer: float


@dataclass(frozen=True)
class ExtendedTop:
    """The extended (H, Star) bearing's top bar (assembly §5.3), a flat part.

    Drawn from its near corner: ``length`` (book L) along x, ``width`` (MM) along y,
    ``thickness`` along z; the far end cut at 45° from (length − width, 0) to (length, width);
    the wire hole of ``hole_radius`` at (``hole_x``, width/2), over the yaw axis. ``base`` is
    ``ExtendedTopPlacement``'s translation in the yaw frame.
    """

    length: float
    width: float
    thickness: float
    hole_x: float
    hole_radius: float
    base: Vector


@dataclass(frozen=True)
class SidePiece:
    """The extended bearing's side gusset (assembly §5.3), a flat part: ``length`` × ``width`` in
    its profile's x and y, ``thickness`` along z; in the yaw frame its profile origin is at
    (``x``, ``y``, ``z``), turned ``angle`` about +y."""

    length: float
    width: float
    thickness: float
    x: float
    y: float
    z: float
    angle: float


@dataclass(frozen=True)
class ArcWireSupport:
    """A flat bar bent into a half ring guiding the cable out of the wire hole (assembly §5.1).

    Outer radius ``outer_radius``, ``thickness`` radially, ``width`` across; in the yaw frame its
    centre (between its feet) is ``centre``, its plane is x-y turned ``angle`` about +y.
    """

    outer_radius: float
    thickness: float
    width: float
    centre: Vector
    angle: float


@dataclass(frozen=True)
class SafetyCatch:
    """The plate that stops the furled tail lifting off (assembly §5.1), a flat part.

    Drawn with the yaw axis at the profile origin: ``width`` across y, reaching along +x from the
    pipe's surface (its end a concave arc of ``pipe_radius``) to ``length`` beyond it,
    ``thickness`` along z. In the yaw frame its lower face is at y = ``height`` and its +x points
    ``heading`` degrees about +y from the yaw frame's +x.
    """

    width: float
    length: float
    thickness: float
    pipe_radius: float
    height: float
    heading: float


@dataclass(frozen=True)
class YawBearingDims:
    """The yaw bearing in the yaw frame (assembly §1.4): +y up the yaw axis, origin on the axis at
    the pipe's top end; the top plate(s) lie on y ∈ [0, FlatMetalThickness]."""

    pipe: YawPipe
    top: TopPlate | ExtendedTop
    side: SidePiece | None
    arc: ArcWireSupport
    catch: SafetyCatch


@dataclass(frozen=True)
class BackDisk:
    """The plywood disk behind the blades (assembly §4.8): ``radius``, ``thickness``, a centre hole,
    the hub stud holes and each blade's inner and outer rings of screw pilot holes."""

    radius: float
    thickness: float
    centre_hole_radius: float
    hub_holes: HoleCircle
    screw_rings: tuple[HoleCircle, ...]


@dataclass(frozen=True)
class FrontTriangle:
    """The plywood triangle in front of the blades (assembly §4.8).

    Drawn before its turn: equilateral with ``side``, centred on the origin with a vertex on +y;
    the screw pilot holes of ``screw_radius`` at ``screws`` (every blade's rows) and the hub stud
    holes, drawn turned back by ``turn`` so that they meet the studs once the plate is turned
    ``turn`` degrees about +z.
    """

    side: float
    thickness: float
    screw_radius: float
    screws: tuple[tuple[float, float], ...]
    hub_holes: HoleCircle
    turn: float


@dataclass(frozen=True)
class BladeHubDims:
    """Both blade plates: along the alternator's z they fill [``back_z``, ``back_z`` + thickness]
    and [``front_z``, ``front_z`` + thickness], the blades clamped between them
    (``derived-dimensions.md`` §20.1)."""

    back: BackDisk
    front: FrontTriangle
    back_z: float
    front_z: float


@dataclass(frozen=True)
class TurbineDims:
    """Everything the frame, yaw bearing and blade hub builders need, from one design's cells."""

    frame: FrameDims
    yaw_bearing: YawBearingDims
    blade_hub: BladeHubDims

    @staticmethod
    def from_cells(cells: TypedValues) -> TurbineDims:
        alternator = AlternatorDims.from_cells(cells)
        shape = alternator.stator.shape
        return TurbineDims(_frame(cells, shape), _yaw_bearing(cells, shape),
                           _blade_hub(cells, alternator))


def _frame(cells: TypedValues, shape: Shape) -> FrameDims:
    """Channel and brackets as §4.6's table resolves the reference's link chain.

    T: the channel runs from −X (the shaft hole X from its end), the one-hole bracket at its +y
    end, the two-hole bracket at its −y end. H and Star: the channel centred on the axis with a
    two-hole bracket at each end; Star adds a middle bracket either side of the channel.
    """
    leg = cells.num(_A + "MetalLengthL")
    section = AngleSection(leg, cells.num(_A + "MetalThicknessL"))
    stub_r = cells.num("Hub.StubAxleShaftRadius")

    def two_holes(length: float) -> tuple[float, float]:
        return -(length - leg) / 2, (length - leg) / 2

    if shape == "T":
        x, bc = cells.num(_A + "X"), cells.num(_A + "BC")
        a = cells.num(_A + "TShapeTwoHoleEndBracketLength")
        brackets: tuple[Bracket, ...] = (
            Bracket("Frame_Bracket_End_OneHole", cells.num(_A + "D"), (0.0,), 0, bc - x, 1),
            Bracket("Frame_Bracket_End_TwoHole", a, two_holes(a), 0, -x, -1),
        )
        # The two-hole bracket's inside corner, where the bottom plate is welded in.
        inside = (-x - section.thickness, section.thickness - leg)
        return FrameDims(shape, section, cells.num(_A + "HolesRadius"), Channel(bc, -x, stub_r),
                         brackets, _bottom_plate(cells, inside))
    depth = cells.num(_A + ("HH" if shape == "H" else "B"))
    length = cells.num(_A + ("GG" if shape == "H" else "StarShapeTwoHoleEndBracketLength"))
    brackets = (
        Bracket("Frame_Bracket_End_TwoHole_Bottom", length, two_holes(length), 0, depth / 2, 1),
        Bracket("Frame_Bracket_End_TwoHole_Top", length, two_holes(length), 0, -depth / 2, -1),
    )
    if shape == "Star":
        cc = cells.num(_A + "CC")
        middle = leg + cc / 2
        hole = cc / 2 - leg / 2
        brackets += (
            Bracket("Frame_Bracket_Middle_Left", cc, (hole,), middle, -leg / 2, 1),
            Bracket("Frame_Bracket_Middle_Right", cc, (-hole,), -middle, -leg / 2, 1),
        )
    return FrameDims(shape, section, cells.num(_A + "HolesRadius"),
                     Channel(depth, -depth / 2, stub_r), brackets, None)


def _bottom_plate(cells: TypedValues, inside: tuple[float, float]) -> BottomPlate:
    """``inside`` is the (y, z) of the two-hole bracket's inside corner in the frame frame."""
    pipe_r = cells.num(_Y + "YawPipeRadius")
    fmt = cells.num(_Y + "FlatMetalThickness")
    return BottomPlate(
        width=pipe_r + cells.num(_A + "I"),
        length=pipe_r + cells.num(_A + "j"),
        thickness=fmt,
        notch_radius=pipe_r,
        chamfer=cells.num(_Y + "YawBearingPlateCornerChamferLength"),
        corner=Vector((cells.num(_HES + "YawPipeLength") + fmt) / 2, *inside),
    )


def _yaw_bearing(cells: TypedValues, shape: Shape) -> YawBearingDims:
    pipe_r = cells.num(_Y + "YawPipeRadius")
    pipe_length = cells.num(_HES + "YawPipeLength")
    fmt = cells.num(_Y + "FlatMetalThickness")
    hole_r = cells.num(_Y + "YawBearingPlateTopHoleRadius")
    arc_length = cells.num(_Y + "ArcWireSupportLength")
    catch = SafetyCatch(
        width=cells.num(_HES + "SafetyCatchWidth"),
        length=cells.num(_HES + "SafetyCatchLength"),
        thickness=fmt,
        pipe_radius=pipe_r,
        height=cells.num(_HES + "SafetyCatchZ") - pipe_length,
        # Backward (global −X) turned −SafetyCatchAngle about the vertical, whichever way the
        # bearing is turned (§5.1): 180° − SafetyCatchAngle in the turbine frame.
        heading=180 - cells.num(_HES + "SafetyCatchAngle")
        - cells.num("WindTurbine.YawBearingAngle"),
    )
    pipe = YawPipe(pipe_r, cells.num("Spreadsheet.PipeThickness"), pipe_length)
    arc_width = cells.num(_Y + "ArcWireSupportWidth")
    arc_thickness = cells.num(_Y + "ArcWireSupportThickness")
    if shape == "T":
        i, k = cells.num(_A + "I"), cells.num(_A + "k")
        top = TopPlate(2 * pipe_r + i, 2 * pipe_r + k, fmt, (i / 2, k / 2), hole_r, pipe_r,
                       cells.num(_Y + "YawBearingPlateCornerChamferLength"))
        arc = ArcWireSupport(arc_length / 2, arc_thickness, arc_width,
                             Vector(-arc_length / 2 - hole_r, fmt, 0), 0)
        return YawBearingDims(pipe, top, None, arc, catch)
    extended = ExtendedTop(cells.num(_Y + "L"), cells.num(_Y + "MM"), fmt, pipe_r, hole_r,
                           cells.placement(_Y + "ExtendedTopPlacement").base)
    side = SidePiece(cells.num(_Y + "SideLength"), cells.num(_Y + "SideWidth"), fmt,
                     cells.num(_Y + "SideX"), cells.num(_Y + "SideY"), cells.num(_Y + "SideZ"),
                     cells.num(_Y + "SideYAngle"))
    along = hole_r * cos(45) + arc_length / 2 * cos(45)
    arc = ArcWireSupport(arc_length / 2, arc_thickness, arc_width, Vector(along, fmt, along),
                         _EXTENDED_ARC_ANGLE)
    return YawBearingDims(pipe, extended, side, arc, catch)


def _screw_rings(cells: TypedValues, shape: Shape, radius: float, screw_r: float,
                 hub_holes: HoleCircle) -> tuple[HoleCircle, ...]:
    """Each blade's inner and outer ring of back disk screws (§4.8, §20.10).

    The rings split the disk between the stud holes and the rim in three equal gaps; on each a
    blade's screws share the angle its root covers, clipped where its trailing edge crosses the
    ring, ``step`` apart with a step's margin at both ends.
    """
    per_blade = cells.num(_B + "NumberOfBackDiskScrewsPerBlade")
    inner_n = round_half_away(_INNER_SCREW_SHARE * per_blade)
    gap = (radius - screw_r - (hub_holes.pitch_radius + hub_holes.radius)) / 3
    inner_r = hub_holes.pitch_radius + hub_holes.radius + gap
    wood_x = cells.num(_B + "BladeTemplateDim_W") - cells.num(_B + "BladeWidth")
    boundary_x = wood_x + _SCREW_BOUNDARY_MARGIN
    offset = _BACK_DISK_SCREW_OFFSET[shape]
    rings: list[HoleCircle] = []
    for count, ring_r in ((inner_n, inner_r), (per_blade - inner_n, inner_r + screw_r + gap)):
        covered = (120.0 if boundary_x < -ring_r
                   else 180 + atan(math.sqrt(ring_r**2 - boundary_x**2) / wood_x) - 60)
        step = covered / (count + 1)
        rings += [HoleCircle(round(count), screw_r, ring_r, offset + step + 120 * blade, step)
                  for blade in range(3)]
    return tuple(rings)


def _turned(point: Vector, degrees: float) -> tuple[float, float]:
    c, s = cos(degrees), sin(degrees)
    return point.x * c - point.y * s, point.x * s + point.y * c


def _blade_hub(cells: TypedValues, alternator: AlternatorDims) -> BladeHubDims:
    shape = alternator.stator.shape
    stack = alternator.stack
    hub_holes = alternator.rotor.back_disk.hub_holes
    plate_t = cells.num(_B + "BladeAssemblyPlateThickness")
    screw_r = cells.num(_B + "ScrewHoleRadius")
    radius = cells.num(_B + "BladeAssemblyBackDiskDiameter") / 2
    back = BackDisk(radius, plate_t,
                    screw_r if stack.front_rotor_z is None else _BACK_DISK_SIGHT_HOLE_RADIUS,
                    hub_holes, _screw_rings(cells, shape, radius, screw_r, hub_holes))
    turn = -_FRONT_TRIANGLE_TURN[shape]
    first_blade = [point for line in LINES for point in front_triangle_screws(cells, line)]
    front = FrontTriangle(
        side=cells.num(_B + "BladeAssemblyFrontTriangleSideLength"),
        thickness=plate_t,
        screw_radius=screw_r,
        screws=tuple(_turned(point, 120 * blade) for blade in range(3) for point in first_blade),
        hub_holes=HoleCircle.even(hub_holes.count, hub_holes.radius, hub_holes.pitch_radius,
                                  hub_holes.first_angle - turn),
        turn=turn,
    )
    if stack.front_rotor_z is None:
        back_z = stack.hub_z - plate_t
    else:
        back_z = (stack.front_rotor_z - cells.num(_A + "HubHexNutThickness")
                  - cells.num(_A + "WasherThickness") - plate_t)
    front_z = back_z - cells.num(_B + "BladeThickness") - plate_t
    return BladeHubDims(back, front, back_z, front_z)
