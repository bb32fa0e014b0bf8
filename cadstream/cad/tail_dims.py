"""Typed dimensions of the tail's parts and the frames they are built in, read once from the cells.

The tail has two parts that move apart: the fixed hinge welded to the yaw pipe (inner pipe,
junction plates) and the tail that furls about it (outer pipe, low end stop, boom, vane, high end
stop). Their placements come from the Tail, LowEndStop and HighEndStop sheets; the few formulas
that live in the reference's part documents (``derived-dimensions.md`` §20.12: junction cover
angle, boom brace outline, vane and bracket layout, low end stop arcs) are written here next to
the cells they read. Pure arithmetic, no CAD kernel; lengths in mm, angles in degrees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cadstream.cad.dims import FastenerDims
from cadstream.design.arith import acos, atan, cos, sin, tan
from cadstream.design.cells import TypedValues
from cadstream.design.vectors import Placement, Rotation, Vector

__all__ = [
    "BoomSupportDims",
    "BracketBoltDims",
    "CoverDims",
    "HighEndStopDims",
    "JunctionDims",
    "LowEndStopDims",
    "PipeDims",
    "TailDims",
    "TailFrames",
    "VaneBracketDims",
    "VaneDims",
]

#: Width of the flat bar the H and Star boom brace is cut from (Tail_Boom_Support).
_BRACE_BAR_WIDTH = 100
#: Corner radius of the vane (Tail_Vane's fillet).
_VANE_CORNER_RADIUS = 50

_Y, _Z = Vector(0, 1, 0), Vector(0, 0, 1)


@dataclass(frozen=True)
class PipeDims:
    """A tube (the reference's ``Part::Tube``): outside ``radius``, ``wall`` thick, ``length``."""

    radius: float
    wall: float
    length: float


@dataclass(frozen=True)
class CoverDims:
    """A round steel cap: a disk of ``radius``, ``thickness`` thick."""

    radius: float
    thickness: float


@dataclass(frozen=True)
class JunctionDims:
    """The plates welding the inner hinge pipe to the yaw pipe (§6.2).

    In the junction frame the yaw axis is the z axis and the inner pipe, leaning towards +x, is
    ``full_width`` from it just under the top plate; the plates reach ``height`` up.
    ``side_angle`` turns the side plates so they stay tangent to both pipes.
    """

    yaw_radius: float
    hinge_radius: float
    full_width: float
    height: float
    chamfer: float
    thickness: float

    @property
    def side_angle(self) -> float:
        """``SideCoverAngle``: 0 for pipes of one size, else the angle of their common tangent."""
        if self.yaw_radius == self.hinge_radius:
            return 0.0
        return 90 - atan(self.full_width / (self.yaw_radius - self.hinge_radius))


@dataclass(frozen=True)
class LowEndStopDims:
    """The plate on the outer hinge pipe that rests on the yaw pipe (§20.12).

    Its sketch has the hinge axis at the origin: a paddle ``length`` long down −y between
    x = −``overlap`` and x = ``width``, wrapping the pipe (``pipe_radius``) and closed above it by
    an arc of ``width`` to ``outer_angle`` and a line back to the pipe at ``inner_angle``.
    """

    pipe_radius: float
    width: float
    length: float
    overlap: float
    inner_angle: float
    outer_angle: float
    thickness: float


@dataclass(frozen=True)
class HighEndStopDims:
    """The plate beside the boom that meets the yaw pipe at full furl (§20.12).

    Sketch x runs along the boom from its root, y away from the boom's side; the plate spans
    x ∈ [−2·``pipe_radius``, ``length``], y ∈ [0, ``width``], its hinge end a quarter circle of
    ``width``, with a tab ``extension`` deep reaching to the low end stop.
    """

    pipe_radius: float
    width: float
    length: float
    extension: float
    thickness: float


@dataclass(frozen=True)
class BoomSupportDims:
    """The brace between boom and outer hinge pipe: a plate ``thickness`` thick whose sketch
    corners are ``outline`` (x along the boom from its root, −y down the hinge pipe)."""

    outline: tuple[tuple[float, float], ...]
    thickness: float


@dataclass(frozen=True)
class VaneDims:
    """The plywood vane, sketch x from the boom end along the boom, y across it.

    A hexagon: ``narrow_half`` either side of the axis at x = 0, widening to ``length`` / 2 at
    x = ``taper_length`` and square to x = ``width``; corners rounded by ``corner_radius``;
    ``holes`` for the bracket bolts.
    """

    width: float
    length: float
    narrow_half: float
    taper_length: float
    corner_radius: float
    thickness: float
    holes: tuple[tuple[float, float], ...]
    hole_radius: float


@dataclass(frozen=True)
class BracketBoltDims:
    """A hex bolt with its wide washer and nut; the nut and washer come from ``fastener``."""

    fastener: FastenerDims
    head_circumradius: float
    length: float


@dataclass(frozen=True)
class VaneBracketDims:
    """A flat bar ``length`` × ``width`` × ``thickness``, its far end mitred at ``angle``, with
    bolt holes on its centre line at ``holes`` from the square end; each bolt clamps the vane
    (``vane_thickness``) with a wide washer and a nut."""

    length: float
    width: float
    thickness: float
    angle: float
    holes: tuple[float, ...]
    hole_radius: float
    bolt: BracketBoltDims
    vane_thickness: float


@dataclass(frozen=True)
class TailFrames:
    """Each local frame of the tail as a placement in the turbine frame (the OBJ's frame).

    ``yaw_pipe`` has the yaw axis as +z from the pipe's lower end; ``outer_hinge`` the hinge axis
    as +z from the outer pipe's lower end; ``boom`` the boom axis as +z from its root with +x
    down; the others are the frames the named part is drawn in (see the part builders),
    ``vane_bracket`` the top bracket's (the bottom one is its mirror image).
    """

    yaw_pipe: Placement
    junction: Placement
    inner_pipe: Placement
    outer_hinge: Placement
    low_end_stop: Placement
    boom: Placement
    boom_support: Placement
    high_end_stop: Placement
    vane: Placement
    vane_bracket: Placement


@dataclass(frozen=True)
class TailDims:
    """Everything the tail builders need, read from one design's cells."""

    inner_pipe: PipeDims
    inner_cover: CoverDims | None
    junction: JunctionDims
    outer_pipe: PipeDims
    outer_cover: CoverDims
    low_end_stop: LowEndStopDims
    high_end_stop: HighEndStopDims
    boom: PipeDims
    boom_support: BoomSupportDims
    vane: VaneDims
    vane_bracket: VaneBracketDims
    yaw_pipe_radius: float
    yaw_pipe_length: float
    frames: TailFrames

    @staticmethod
    def from_cells(cells: TypedValues) -> TailDims:
        fmt = cells.num("Spreadsheet.FlatMetalThickness")
        wall = cells.num("Spreadsheet.PipeThickness")
        outer_r = cells.num("Tail.HingeOuterPipeRadius")
        inner_r = cells.num("Tail.HingeInnerPipeRadius")
        cover_shown = cells.num("Tail.HingeInnerPipeDisplayCover") == 1
        bracket = _vane_bracket(cells)
        return TailDims(
            inner_pipe=PipeDims(inner_r, wall, cells.num("Tail.HingeInnerPipeLength")),
            inner_cover=(CoverDims(inner_r - wall / 2,
                                   cells.num("Tail.HingeInnerPipeCoverThickness"))
                         if cover_shown else None),
            junction=JunctionDims(
                yaw_radius=cells.num("Tail.YawPipeRadius"),
                hinge_radius=inner_r,
                full_width=cells.num("Tail.TailHingeJunctionFullWidth"),
                height=cells.num("Tail.TailHingeJunctionHeight"),
                chamfer=cells.num("Tail.TailHingeJunctionChamfer"),
                thickness=fmt),
            outer_pipe=PipeDims(outer_r, wall, cells.num("Tail.HingeOuterPipeLength")),
            outer_cover=CoverDims(outer_r, fmt),
            low_end_stop=_low_end_stop(cells, outer_r, fmt),
            high_end_stop=HighEndStopDims(
                pipe_radius=outer_r,
                width=cells.num("HighEndStop.HighEndStopWidth"),
                length=cells.num("HighEndStop.HighEndStopLength"),
                extension=cells.num("HighEndStop.HighEndStopWidthExtensionToLowEndStop"),
                thickness=fmt),
            boom=PipeDims(cells.num("Tail.BoomPipeRadius"),
                          cells.num("Spreadsheet.BoomPipeThickness"),
                          cells.num("Spreadsheet.BoomLength")),
            boom_support=_boom_support(cells, fmt),
            vane=_vane(cells, bracket),
            vane_bracket=bracket,
            yaw_pipe_radius=cells.num("Tail.YawPipeRadius"),
            yaw_pipe_length=cells.num("HighEndStop.YawPipeLength"),
            frames=_frames(cells, bracket),
        )


def _low_end_stop(cells: TypedValues, outer_r: float, fmt: float) -> LowEndStopDims:
    """The stop's arcs are turned by its angle, less half the brace's thickness and plus the
    boom's offset ``TailY`` (and, for the outer arc, the boom's swing) as arc lengths."""
    angle = cells.num("LowEndStop.LowEndStopAngle")
    width = cells.num("LowEndStop.LowEndStopWidth")
    tail_y = cells.num("Tail.TailY")
    swing = sin(cells.num("Tail.TailAngle")) * cells.num("LowEndStop.OuterLowEndStopWidth")
    return LowEndStopDims(
        pipe_radius=outer_r,
        width=width,
        length=cells.num("LowEndStop.LowEndStopLength"),
        overlap=cells.num("LowEndStop.LowEndStopYawBearingOverlap"),
        inner_angle=angle + math.degrees((tail_y - fmt / 2) / outer_r),
        outer_angle=angle + math.degrees((tail_y - fmt / 2 + swing) / width),
        thickness=fmt,
    )


def _boom_support(cells: TypedValues, fmt: float) -> BoomSupportDims:
    """Triangle A (boom root), B (along the boom), C (down the hinge pipe), ∠A = 90° + VPA.

    H and Star cut it from a 100 mm bar: only the strip along CB, from P on CA to Q on AB, each
    100 / sin of its corner's angle from C and B. The whole triangle when it is narrower than the
    bar.
    """
    a = cells.num("Tail.TailBoomTriangularBraceWidth")
    b = cells.num("Tail.TailBoomTriangularBraceLength")
    angle_a = 90 + cells.num("Spreadsheet.VerticalPlaneAngle")
    c = math.sqrt(a * a + b * b - 2 * a * b * cos(angle_a))
    point_b = (b, 0.0)
    point_c = (-a * sin(angle_a - 90), -a * cos(angle_a - 90))
    height = a * b * sin(angle_a) / c
    if cells.text("Tail.CalculatedWindTurbineShape") == "T" or height <= _BRACE_BAR_WIDTH:
        return BoomSupportDims(((0.0, 0.0), point_c, point_b), fmt)
    angle_c = acos((a * a + c * c - b * b) / (2 * a * c))
    angle_b = acos((b * b + c * c - a * a) / (2 * b * c))
    along_ca = _BRACE_BAR_WIDTH / sin(angle_c) / a
    along_ba = _BRACE_BAR_WIDTH / sin(angle_b) / b
    point_p = (point_c[0] * (1 - along_ca), point_c[1] * (1 - along_ca))
    point_q = (b * (1 - along_ba), 0.0)
    return BoomSupportDims((point_p, point_c, point_b, point_q), fmt)


def _vane_bracket(cells: TypedValues) -> VaneBracketDims:
    length = cells.num("Spreadsheet.BracketLength")
    first = cells.num("Tail.DistanceToFirstHole")
    radius = cells.num("Fastener.HolesRadius")
    return VaneBracketDims(
        length=length,
        width=cells.num("Spreadsheet.BracketWidth"),
        thickness=cells.num("Spreadsheet.BracketThickness"),
        angle=cells.num("Tail.VaneBracketAngle"),
        holes=(first, first + cells.num("Tail.DistanceBetweenHoles")),
        hole_radius=radius,
        bolt=BracketBoltDims(
            fastener=FastenerDims(radius, cells.num("Fastener.HexNutThickness"),
                                  cells.num("Fastener.WasherThickness")),
            head_circumradius=cells.num("Fastener.HolesWidthAcrossCorners") / 2,
            length=cells.num("Fastener.TailVaneBracketBoltLength")),
        vane_thickness=cells.num("Spreadsheet.VaneThickness"),
    )


def _vane(cells: TypedValues, bracket: VaneBracketDims) -> VaneDims:
    """Tail_Vane's sketch: the narrow end fits the brackets' mitred ends either side of the boom.

    Each bracket's centre line leaves the middle of its mitred end, which lies along the boom's
    top (or bottom) line, at the bracket angle back over the vane; the holes sit on it, measured
    from that middle point, and are mirrored about the vane's axis.
    """
    width = cells.num("Spreadsheet.VaneWidth")
    length = cells.num("Spreadsheet.VaneLength")
    boom_r = cells.num("Tail.BoomPipeRadius")
    angle = bracket.angle
    mitre = bracket.width / cos(angle)
    narrow_half = tan(angle) * mitre + boom_r
    width_small = 0.5 * width / (1 - narrow_half / length)
    middle = bracket.length - bracket.width / 2
    holes: list[tuple[float, float]] = []
    for hole in bracket.holes:
        along = middle - hole
        x = -mitre / 2 + along * cos(angle)
        y = boom_r + along * sin(angle)
        holes += [(x, -y), (x, y)]
    return VaneDims(
        width=width,
        length=length,
        narrow_half=narrow_half,
        taper_length=width - width_small,
        corner_radius=_VANE_CORNER_RADIUS,
        thickness=bracket.vane_thickness,
        holes=tuple(holes),
        hole_radius=bracket.hole_radius,
    )


def _frames(cells: TypedValues, bracket: VaneBracketDims) -> TailFrames:
    """The reference's placement chain, link by link (assembly §1.5, §6, §20.12).

    Placement cells are taken from the sheets that computed them; the rest are the part
    documents' fixed placements: 120° turns about the cube diagonals map a sketch's axes onto the
    boom frame's (x → z, y → −x, z → −y for the brace; x → z, y → x, z → y for the vane), and the
    bracket's 240° about (1, −1, −1) lays its sketch flat on the vane before its 45° tilt.
    """
    fmt = cells.num("Spreadsheet.FlatMetalThickness")
    boom_r = cells.num("Tail.BoomPipeRadius")
    boom_length = cells.num("Spreadsheet.BoomLength")
    yaw_pipe = cells.placement("WindTurbine.TailAssemblyLinkPlacement")
    tail = yaw_pipe * cells.placement("HighEndStop.TailAssemblyPlacement")
    outer_hinge = tail * cells.placement("Tail.OuterTailHingePlacement")
    boom = (tail * cells.placement("Tail.TailPlacement")
            * cells.placement("HighEndStop.TailBoomVaneAssemblyPlacement"))
    support = (Placement.of(Vector(boom_r, 0, 0), _Z,
                            cells.num("Tail.TailBoomTriangularBraceZAxisAngle"))
               * Placement(Vector(0, fmt / 2, 0), Rotation.about(Vector(1, -1, 1), 120)))
    vane = Placement(Vector(0, -bracket.thickness / 2 - bracket.vane_thickness, boom_length),
                     Rotation.about(Vector(-1, -1, -1), 120))
    angle = bracket.angle
    bracket_x = -(sin(angle) * bracket.length + boom_r - bracket.width * cos(angle))
    bracket_z = (boom_length + bracket.length * cos(angle) + bracket.width * cos(90 - angle)
                 - bracket.width / sin(angle))
    top_bracket = (Placement.of(Vector(bracket_x, -bracket.thickness / 2, bracket_z), _Y, -angle)
                   * Placement(Vector(), Rotation.about(Vector(1, -1, -1), 240)))
    return TailFrames(
        yaw_pipe=yaw_pipe,
        junction=tail * Placement(Vector(-cells.num("Tail.TailHingeJunctionChamfer"), 0, 0)),
        inner_pipe=tail * Placement.of(Vector(cells.num("Tail.TailHingePipeX"), 0,
                                              cells.num("Tail.TailHingePipeZ")),
                                       _Y, cells.num("Spreadsheet.VerticalPlaneAngle")),
        outer_hinge=outer_hinge,
        low_end_stop=outer_hinge * cells.placement("LowEndStop.LowEndStopPlacement"),
        boom=boom,
        boom_support=boom * support,
        high_end_stop=boom * cells.placement("HighEndStop.HighEndStopPlacement"),
        vane=boom * vane,
        vane_bracket=boom * top_bracket,
    )
