"""The stator mold: five plywood layers in which the coils are cast in resin (tools §1.1).

Mold frame: origin at the stator's centre on the underside of the base, +z up through the layers,
each one stator thickness t thick and stacked without gaps: base z ∈ [0, t], bolt-head layer
[t, 2t], bolt-shaft layer [2t, 3t], surround and island round the stator being cast [3t, 4t],
lid [4t, 5t]. The square layers are centred on (0, SketchY); every hole pattern on the origin.

Hole positions are the part-local formulas of ``derived-dimensions.md`` §20.6, written here as
plain arithmetic; each layer is one profile with all its holes, extruded once.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import partial

import cadquery as cq

from cadstream.cad import names as alternator_names
from cadstream.cad import stator
from cadstream.cad.dims import AlternatorDims, FastenerDims, HoleCircle, StatorDims
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import pattern, rotated_z, translated
from cadstream.cad.profiles import arc_chain_wire, circle_wire, hull_arcs, polygon_wire, profile
from cadstream.cad.studs import nut, washer
from cadstream.cad.tools import names
from cadstream.cad.tools.fasteners import BoltDims, ScrewDims, hex_bolt, wood_screw
from cadstream.cad.tools.plates import Point, hexagon_wire, placed, polar, round_holes, square_wire
from cadstream.design.arith import acos, cos, tan
from cadstream.design.cells import TypedValues

__all__ = [
    "Cavity",
    "LidNotch",
    "StatorMoldDims",
    "base_profile",
    "bolt_head_layer_profile",
    "bolt_shaft_layer_profile",
    "island_profile",
    "lid_profile",
    "stator_mold_steps",
    "surround_profile",
]

_A = "Alternator."


@dataclass(frozen=True)
class Cavity:
    """The stator's outline, left open by the surround: a circle of ``radius`` with an ear of
    ``ear_size`` centred on it at each angle of ``ears`` (T, H), or, with ``hexagonal``, a regular
    hexagon of circumradius ``radius`` with corners at 0°, 60°… (Star)."""

    hexagonal: bool
    radius: float
    ear_size: float
    ears: tuple[float, ...]


@dataclass(frozen=True)
class LidNotch:
    """Where the stator's wires leave the lid: a slot with a half-round inner end of ``radius``
    centred on ``centre``, running in −x to the mold's left edge with each side flaring out by
    ``flare`` degrees."""

    centre: Point
    radius: float
    flare: float

    def reaches(self, x: float, y: float, r: float) -> bool:
        """Whether a round hole of radius ``r`` at ``(x, y)`` meets the notch."""
        px, py = self.centre
        if x >= px:
            return math.hypot(x - px, y - py) < self.radius + r
        half_width = self.radius + (px - x) * tan(self.flare)
        return abs(y - py) < half_width + r / cos(self.flare)


@dataclass(frozen=True)
class StatorMoldDims:
    """Everything the stator mold's builders need, read from one design's cells.

    ``surround_bolts`` leave out any bolt the lid's wire notch would cut into (the reference drops
    the bolt its notch lines up with; three presets reach that branch).
    """

    thickness: float
    side: float
    centre_y: float
    locating_holes: tuple[Point, ...]
    bolt_radius: float
    surround_bolts: tuple[Point, ...]
    island_bolts: tuple[Point, ...]
    screw_hole_radius: float
    surround_screws: tuple[Point, ...]
    island_screws: tuple[Point, ...]
    island_radius: float
    cavity: Cavity
    notch: LidNotch
    stator_turn: float
    bolt: BoltDims
    locating_bolt: BoltDims
    screw: ScrewDims
    fastener: FastenerDims

    @property
    def bolts(self) -> tuple[Point, ...]:
        """Every bolt clamping the layers round the cast: the surround's, then the island's."""
        return self.surround_bolts + self.island_bolts

    @staticmethod
    def from_cells(cells: TypedValues) -> StatorMoldDims:
        shape = cells.text(_A + "CalculatedWindTurbineShape")
        hexagonal = shape == "Star"
        n_ears = round(cells.num(_A + "NumberOfStatorHoles"))
        ear_angle = cells.num(_A + "EarAngle")
        ear_size = cells.num(_A + "EarSize")
        ears = tuple(-90 + cells.num(_A + "StatorMoldHolesSketchAngle") + k * ear_angle
                     for k in range(n_ears))
        middle = cells.num(_A + "LengthMiddleHoles")
        bolt_r = cells.num(_A + "StatorMoldBoltDiameter") / 2
        island_circle = cells.num(_A + "IslandInnerRadius")
        n_island_bolts = round(cells.num(_A + "StatorMoldIslandNumberOfBolts"))
        sectors = round(cells.num(_A + "StatorMoldIslandNumberOfScrewSectors"))
        notch = _lid_notch(cells)
        if hexagonal:
            surround = _hexagonal_bolts(middle)
            screws = _hexagonal_screws(middle)
        else:
            surround = _circular_bolts(ears, middle, ear_size, ear_angle)
            screws = _circular_screws(ears, middle, ear_size, ear_angle)
        head_height = cells.num("Fastener.HexNutThickness")
        across_corners = cells.num(_A + "StatorMoldBoltWidthAcrossCorners")
        return StatorMoldDims(
            thickness=cells.num(_A + "StatorThickness"),
            side=cells.num(_A + "StatorMoldSideLength"),
            centre_y=cells.num(_A + "SketchY"),
            locating_holes=tuple((cells.num(f"{_A}LocatingBolt{k}X"),
                                  cells.num(f"{_A}LocatingBolt{k}Y")) for k in (1, 2, 3)),
            bolt_radius=bolt_r,
            surround_bolts=tuple(p for p in surround if not notch.reaches(*p, bolt_r)),
            island_bolts=HoleCircle.even(n_island_bolts, bolt_r, island_circle, 90).centres,
            screw_hole_radius=cells.num(_A + "StatorMoldScrewHoleRadius"),
            surround_screws=screws,
            island_screws=_island_screws(island_circle, sectors, n_island_bolts),
            island_radius=cells.num(_A + "StatorInnerHoleRadius"),
            cavity=Cavity(hexagonal,
                          cells.num(_A + "HexagonalStatorOuterCircumradius") if hexagonal
                          else cells.num(_A + "StatorHolesCircumradius"), ear_size, ears),
            notch=notch,
            stator_turn=60 if shape == "T" else 0,
            bolt=BoltDims(bolt_r, cells.num(_A + "StatorMoldBoltLength"), head_height,
                          across_corners),
            locating_bolt=BoltDims(cells.num(_A + "LocatingBoltDiameter") / 2,
                                   cells.num(_A + "LocatingBoltLength"), head_height,
                                   across_corners),
            screw=ScrewDims(cells.num(_A + "StatorMoldWoodScrewDiameter"),
                            cells.num(_A + "StatorMoldScrewLength")),
            fastener=FastenerDims(bolt_r, cells.num(_A + "StatorMoldHexNutThickness"),
                                  cells.num("Fastener.WasherThickness")),
        )


def _lid_notch(cells: TypedValues) -> LidNotch:
    """Halfway between the coils' outer edge and the resin's edge, at LidNotchDegrees folded into
    the third quadrant, as wide as the wire tube plus 5 mm of resin each side; 3° flare."""
    halfway = (cells.num(_A + "StatorMoldSurroundEdgeRadius")
               + cells.num(_A + "OutsideCoilEdgeRadius")) / 2
    x, y = polar(halfway, cells.num(_A + "LidNotchDegrees"))
    radius = (cells.num(_A + "WireTubeDiameter") / 2
              + cells.num(_A + "RadiusOfResinAroundWireTube"))
    return LidNotch((-abs(x), -abs(y)), radius, 3.0)


def _circular_bolts(ears: tuple[float, ...], middle: float, ear_size: float,
                    ear_angle: float) -> tuple[Point, ...]:
    """Per ear: two middle bolts a quarter ear-angle either side, one beyond the ear's tip, and
    one midway to the next ear; all on the circle of LengthMiddleHoles but the tip one."""
    quarter = ear_angle / 4
    points: list[Point] = []
    for ear in ears:
        points += [polar(middle, ear - quarter), polar(middle + ear_size, ear),
                   polar(middle, ear + quarter), polar(middle, ear + ear_angle / 2)]
    return tuple(points)


def _circular_screws(ears: tuple[float, ...], middle: float, ear_size: float,
                     ear_angle: float) -> tuple[Point, ...]:
    """Eight pilot holes per ear, a twelfth of the ear angle apart: the outer two either side on
    the bolt circle, the inner two on the line tangent to the bolt circle and to a circle of
    EarSize centred on it in the ear's direction, so they follow the ear's outline (§20.6).

    These are the plates' pilot holes; the reference's screw models sit on a slightly different
    line, about 0.1 mm off, and ours go in the holes."""
    step = ear_angle / 12
    tangent = acos(1 - ear_size / middle)
    points: list[Point] = []
    for ear in ears:
        for side in (-1, 1):
            points += [polar(middle, ear + side * 5 * step), polar(middle, ear + side * 4 * step)]
            points += [polar(middle / cos(tangent - k * step), ear + side * k * step)
                       for k in (2, 1)]
    return tuple(points)


def _on_hexagon(circumradius: float, degrees: float) -> Point:
    """Where the ray at ``degrees`` meets the hexagon of ``circumradius`` with corners at 0°,
    60°…"""
    mid_edge = 30 + 60 * math.floor(degrees / 60)
    return polar(circumradius * cos(30) / cos(degrees - mid_edge), degrees)


def _hexagonal_bolts(middle: float) -> tuple[Point, ...]:
    """24 bolts on the hexagon of circumradius LengthMiddleHoles, one every 15°."""
    return tuple(_on_hexagon(middle, 15 * k) for k in range(24))


def _hexagonal_screws(middle: float) -> tuple[Point, ...]:
    """Eight pilot holes per hexagon edge, on rays ±5°, ±10°, ±20° and ±25° off its middle."""
    return tuple(_on_hexagon(middle, 30 + 60 * edge + offset)
                 for edge in range(6) for offset in (-25, -20, -10, -5, 5, 10, 20, 25))


def _island_screws(radius: float, sectors: int, bolts: int) -> tuple[Point, ...]:
    """One pilot hole per sector from 90°, except where an island bolt takes the place."""
    per_bolt = sectors // bolts
    return tuple(polar(radius, 90 + k * 360 / sectors) for k in range(sectors)
                 if k % per_bolt != 0)


# ------------------------------------------------------------------------------------- profiles


def _cavity_wire(c: Cavity) -> cq.Wire:
    if c.hexagonal:
        return polygon_wire([polar(c.radius, 60 * k) for k in range(6)])
    circles = []
    for ear in c.ears:
        circles += [(*polar(c.radius, ear), c.ear_size), (0.0, 0.0, c.radius)]
    return arc_chain_wire(hull_arcs(circles))


def _square(d: StatorMoldDims, holes: list[cq.Wire]) -> cq.Face:
    return profile(square_wire(d.side, d.centre_y),
                   round_holes(d.locating_holes, d.bolt_radius) + holes)


def base_profile(d: StatorMoldDims) -> cq.Face:
    """The base: the square with its three locating holes (none bottom-left, so the layers go
    together only one way round)."""
    return _square(d, [])


def bolt_head_layer_profile(d: StatorMoldDims) -> cq.Face:
    """The square with a hexagonal pocket round every bolt head, the heads' own size (across
    corners StatorMoldBoltWidthAcrossCorners, corners on ±x), so the bolts cannot turn."""
    across = d.bolt.head_across_corners
    return _square(d, [hexagon_wire(x, y, across / 2) for x, y in d.bolts])


def bolt_shaft_layer_profile(d: StatorMoldDims) -> cq.Face:
    """The square with a round hole for every bolt and a pilot hole for every wood screw."""
    return _square(d, round_holes(d.bolts, d.bolt_radius)
                   + round_holes(d.surround_screws + d.island_screws, d.screw_hole_radius))


def surround_profile(d: StatorMoldDims) -> cq.Face:
    """The bolt-shaft layer with the cast's cavity cut out (and the island's holes with it)."""
    return _square(d, round_holes(d.surround_bolts, d.bolt_radius)
                   + round_holes(d.surround_screws, d.screw_hole_radius)
                   + [_cavity_wire(d.cavity)])


def island_profile(d: StatorMoldDims) -> cq.Face:
    """The disk filling the stator's central hole (centred on the origin, not on SketchY), with
    the island bolts and pilot holes."""
    return profile(circle_wire(0, 0, d.island_radius),
                   round_holes(d.island_bolts, d.bolt_radius)
                   + round_holes(d.island_screws, d.screw_hole_radius))


def _notched_square(d: StatorMoldDims) -> cq.Wire:
    """The square with the wire notch running from its half-round end out through the left
    edge, walked counter-clockwise from the bottom-left corner."""
    h, cy = d.side / 2, d.centre_y
    n = d.notch
    (px, py), r = n.centre, n.radius
    spread = r + (px + h) * tan(n.flare)

    def v(x: float, y: float) -> cq.Vector:
        return cq.Vector(x, y, 0)

    corners = [v(-h, cy - h), v(h, cy - h), v(h, cy + h), v(-h, cy + h), v(-h, py + spread),
               v(px, py + r)]
    edges = [cq.Edge.makeLine(a, b) for a, b in itertools.pairwise(corners)]
    edges += [cq.Edge.makeThreePointArc(v(px, py + r), v(px + r, py), v(px, py - r)),
              cq.Edge.makeLine(v(px, py - r), v(-h, py - spread)),
              cq.Edge.makeLine(v(-h, py - spread), corners[0])]
    return cq.Wire.assembleEdges(edges)


def lid_profile(d: StatorMoldDims) -> cq.Face:
    """The lid: the square with the wire notch, the locating holes and every bolt hole."""
    return profile(_notched_square(d), round_holes(d.locating_holes, d.bolt_radius)
                   + round_holes(d.bolts, d.bolt_radius))


# ---------------------------------------------------------------------------------------- steps


def _plate(label: str, face: cq.Face, d: StatorMoldDims, layer: int) -> tuple[FlatPart, Part]:
    """A layer's flat part and its solid, ``layer`` thicknesses up."""
    flat = FlatPart(label, face, d.thickness, "Plywood", 1)
    return flat, placed(flat, layer * d.thickness)


def _at(shape: cq.Shape, points: tuple[Point, ...], z: float) -> cq.Compound:
    return pattern(shape, (translated(x, y, z) for x, y in points))


def _base(d: StatorMoldDims) -> Built:
    """The base and the locating bolts under it, standing on their wide washers."""
    flat, base = _plate(names.STATOR_MOLD_BASE, base_profile(d), d, 0)
    washer_t = d.fastener.washer_thickness
    return Built((
        base,
        Part(names.LOCATING_BOLTS, _at(hex_bolt(d.locating_bolt), d.locating_holes, -washer_t)),
        Part(names.LOCATING_WASHERS,
             _at(washer(d.fastener, wide=True), d.locating_holes, -washer_t)),
    ), (flat,))


def _bolt_head_layer(d: StatorMoldDims) -> Built:
    """The bolt-head layer with the bolts' heads in its pockets; their wide washers and nuts on
    the lid, with the locating bolts'."""
    flat, layer = _plate(names.STATOR_MOLD_BOLT_HEAD_LAYER, bolt_head_layer_profile(d), d, 1)
    t, washer_t = d.thickness, d.fastener.washer_thickness
    everything = d.bolts + d.locating_holes
    return Built((
        layer,
        Part(names.BOLTS, _at(hex_bolt(d.bolt), d.bolts, t + d.bolt.head_height)),
        Part(names.NUTS, _at(nut(d.fastener), everything, 5 * t + washer_t)),
        Part(names.WASHERS, _at(washer(d.fastener, wide=True), everything, 5 * t)),
    ), (flat,))


def _bolt_shaft_layer(d: StatorMoldDims) -> Built:
    """The bolt-shaft layer and the wood screws driven down into it through the surround and
    the island, heads flush with their top (z = 4t)."""
    flat, layer = _plate(names.STATOR_MOLD_BOLT_SHAFT_LAYER, bolt_shaft_layer_profile(d), d, 2)
    screw = wood_screw(d.screw)
    tip = 4 * d.thickness - d.screw.length
    return Built((
        layer,
        Part(names.ISLAND_SCREWS, _at(screw, d.island_screws, tip)),
        Part(names.SURROUND_SCREWS, _at(screw, d.surround_screws, tip)),
    ), (flat,))


def _surround(d: StatorMoldDims, cast: StatorDims) -> Built:
    """The surround and the island, with the stator being cast between them: the alternator's
    stator turned so its studs point at the mold's ears (60° for T)."""
    surround_flat, surround = _plate(names.STATOR_MOLD_SURROUND, surround_profile(d), d, 3)
    island_flat, island = _plate(names.STATOR_MOLD_ISLAND, island_profile(d), d, 3)
    seat = translated(z=3 * d.thickness) * rotated_z(d.stator_turn)
    return Built((
        surround,
        Part(alternator_names.STATOR_COILS, stator.coil_ring(cast.coils).moved(seat)),
        Part(alternator_names.STATOR_RESIN_CAST, stator.stator_cast(cast).moved(seat)),
        island,
    ), (surround_flat, island_flat))


def _lid(d: StatorMoldDims) -> Built:
    flat, lid = _plate(names.STATOR_MOLD_LID, lid_profile(d), d, 4)
    return Built((lid,), (flat,))


def stator_mold_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the stator mold in its own frame, layer by layer from the base up.

    Dimensions are read (and checked) before any step runs.
    """
    d = StatorMoldDims.from_cells(cells)
    cast = AlternatorDims.from_cells(cells).stator
    return [
        PartBuilder("stator mold base", partial(_base, d)),
        PartBuilder("stator mold bolt head layer", partial(_bolt_head_layer, d)),
        PartBuilder("stator mold bolt shaft layer", partial(_bolt_shaft_layer, d)),
        PartBuilder("stator mold surround and stator", partial(_surround, d, cast)),
        PartBuilder("stator mold lid", partial(_lid, d)),
    ]
