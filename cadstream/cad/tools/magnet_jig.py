"""The magnet jig: a 6 mm plywood template laid on the back rotor disk to place its magnets
(tools §1.3).

Jig frame: the rotor frame of :mod:`cadstream.cad.rotor` (origin at the centre of the disk's face
away from the magnets, +z through the disk towards the magnets, first magnet on +y), so the
alternator's disk and magnets drop in unmoved. Two jigs exist, by the gap between neighbouring
magnets at their inner ends:

* **inner** (gap ≥ 10 mm): a disk of the rotor's radius with a notch in from the rim for every
  magnet, raised on one washer per hub bolt;
* **outer** (gap < 10 mm, too little plywood between notches): a square with a window for every
  magnet round a central hole, and a small disk filling that hole against the magnets' inner
  ends; both lie on the disk.

Either way a pocket is exactly a magnet's footprint where the rotor has it (inner edge at
DistanceOfMagnetFromCenter, outer corners on the rim), so the magnets drop in where they belong.
Hub bolts stand on their heads under the disk with their nuts on the jig.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import cadquery as cq

from cadstream.cad import rotor
from cadstream.cad.dims import AlternatorDims, FastenerDims, HoleCircle, RotorDims
from cadstream.cad.names import ROTOR_DISK_BACK
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import pattern, translated
from cadstream.cad.profiles import arc_chain_wire, circle_wire, prism, profile
from cadstream.cad.studs import nut, washer
from cadstream.cad.tools import names
from cadstream.cad.tools.fasteners import BoltDims, hex_bolt
from cadstream.cad.tools.plates import (
    Notch,
    Point,
    notched_rim,
    placed,
    polar,
    round_holes,
    square_wire,
    turned,
)
from cadstream.design.arith import asin, cos
from cadstream.design.cells import TypedValues
from cadstream.design.coils import Arc

__all__ = [
    "MagnetJigDims",
    "inner_jig_profile",
    "jig_disk_profile",
    "magnet_jig_steps",
    "outer_jig_profile",
]

_A = "Alternator."
#: Below this gap (mm) between neighbouring magnets' inner ends, the inner jig's notches would
#: leave too little plywood between them.
_INNER_JIG_MIN_GAP = 10.0


@dataclass(frozen=True)
class MagnetJigDims:
    """Everything the magnet jig's builders need, read from one design's cells.

    Magnets: ``count`` footprints ``magnet_width`` (tangential) × ``magnet_length`` (radial),
    inner edges at ``magnet_radius``, the first centred on +y, on a disk of ``disk_radius``.
    """

    inner: bool
    thickness: float
    disk_radius: float
    disk_thickness: float
    side: float
    magnet_width: float
    magnet_length: float
    magnet_radius: float
    count: int
    bolt_holes: HoleCircle
    bolt: BoltDims
    fastener: FastenerDims

    @property
    def angles(self) -> tuple[float, ...]:
        """Centre line of each magnet, from +y counter-clockwise."""
        return tuple(90 + k * 360 / self.count for k in range(self.count))

    @property
    def jig_z(self) -> float:
        """Where the jig lies: on the disk, or on the washers (inner jig)."""
        return self.disk_thickness + (self.fastener.washer_thickness if self.inner else 0.0)

    @staticmethod
    def from_cells(cells: TypedValues) -> MagnetJigDims:
        bolt_r = cells.num("Hub.HubHolesRadius")
        return MagnetJigDims(
            inner=cells.num("Spreadsheet.InnerDistanceBetweenMagnets") >= _INNER_JIG_MIN_GAP,
            thickness=cells.num(_A + "MagnetJigThickness"),
            disk_radius=cells.num(_A + "RotorDiskRadius"),
            disk_thickness=cells.num(_A + "RotorDiskThickness"),
            side=cells.num(_A + "RotorMoldSideLength"),
            magnet_width=cells.num(_A + "MagnetWidth"),
            magnet_length=cells.num(_A + "MagnetLength"),
            magnet_radius=cells.num(_A + "DistanceOfMagnetFromCenter"),
            count=round(cells.num(_A + "NumberMagnet")),
            bolt_holes=HoleCircle.even(round(cells.num(_A + "NumberOfRotorMoldBolts")), bolt_r,
                                       cells.num("Hub.HubPitchCircleRadius"), 90),
            bolt=BoltDims(bolt_r, cells.num("Fastener.HubHolesBoltLength"),
                          cells.num("Fastener.HexNutThickness"),
                          cells.num("Fastener.HubHolesWidthAcrossCorners")),
            fastener=FastenerDims(bolt_r, cells.num("Fastener.HubHexNutThickness"),
                                  cells.num("Fastener.WasherThickness")),
        )


def _bolt_holes(d: MagnetJigDims) -> list[cq.Wire]:
    return round_holes(d.bolt_holes.centres, d.bolt_holes.radius)


def inner_jig_profile(d: MagnetJigDims) -> cq.Face:
    """The inner jig: a disk of the rotor's radius with the hub bolt holes and, for every
    magnet, a notch as wide as the magnet from its inner edge out through the rim."""
    w = d.magnet_width / 2

    def notch(angle: float) -> Notch:
        outward = polar(1.0, angle)
        corners = (turned((w, d.magnet_radius), angle - 90),
                   turned((-w, d.magnet_radius), angle - 90))
        return Notch(corners, outward, outward)

    rim = notched_rim(d.disk_radius, [notch(a) for a in d.angles], fillet=0.0)
    return profile(arc_chain_wire(rim), _bolt_holes(d))


def _windows(d: MagnetJigDims) -> tuple[Arc, ...]:
    """The outer jig's hole: the magnets' windows round a central circle through the corners of
    the polygon their inner edges make, so the circle meets every window's sides."""
    w, inner = d.magnet_width / 2, d.magnet_radius
    circle_r = inner / cos(180 / d.count)
    beside = asin(w / circle_r)
    outer = inner + d.magnet_length
    arcs: list[Arc] = []
    for angle in d.angles:
        arcs.append(Arc(0.0, 0.0, circle_r, angle - 360 / d.count + beside, angle - beside))
        arcs += [Arc(*turned(corner, angle - 90), 0.0, 0.0, 0.0)
                 for corner in ((w, outer), (-w, outer))]
    return tuple(arcs)


def outer_jig_profile(d: MagnetJigDims) -> cq.Face:
    """The outer jig: a square (RotorMoldSideLength) with one hole, the magnets' windows round
    a central circle; no bolt holes (the bolts pass through the jig disk)."""
    return profile(square_wire(d.side), [arc_chain_wire(_windows(d))])


def jig_disk_profile(d: MagnetJigDims) -> cq.Face:
    """The outer jig's disk: as wide as the magnets' inner edges, with the hub bolt holes."""
    return profile(circle_wire(0, 0, d.magnet_radius), _bolt_holes(d))


def _rotor(r: RotorDims, bolt: BoltDims, bolts: tuple[Point, ...]) -> Built:
    """The alternator's back disk (a flat part of the alternator, not handed out again here)
    and magnets, with the hub bolts standing on their heads under it."""
    disk = r.back_disk
    return Built((
        Part(names.BOLTS, pattern(hex_bolt(bolt), (translated(x, y) for x, y in bolts))),
        Part(ROTOR_DISK_BACK, prism(rotor.disk_profile(disk), disk.thickness)),
        Part(names.ROTOR_MAGNETS, rotor.magnet_ring(r.magnets, disk.thickness)),
    ))


def _jig(d: MagnetJigDims) -> Built:
    """The jig (inner or outer), the washers under the inner one, the nuts on top of it and the
    outer one's disk."""
    bolts = d.bolt_holes.centres
    z = d.jig_z
    jig = FlatPart(names.ROTOR_MAGNET_JIG,
                   inner_jig_profile(d) if d.inner else outer_jig_profile(d), d.thickness,
                   "Plywood", 1)
    parts: list[Part] = []
    if d.inner:
        parts.append(Part(names.WASHERS, pattern(washer(d.fastener, wide=False),
                                                 (translated(x, y, d.disk_thickness)
                                                  for x, y in bolts))))
    parts += [
        placed(jig, z),
        Part(names.NUTS, pattern(nut(d.fastener),
                                 (translated(x, y, z + d.thickness) for x, y in bolts))),
    ]
    if d.inner:
        return Built(tuple(parts), (jig,))
    disk = FlatPart(names.ROTOR_MAGNET_JIG_DISK, jig_disk_profile(d), d.thickness, "Plywood", 1)
    return Built((*parts, placed(disk, z)), (jig, disk))


def magnet_jig_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the magnet jig in the rotor frame: the rotor, then the jig."""
    d = MagnetJigDims.from_cells(cells)
    back_rotor = AlternatorDims.from_cells(cells).rotor
    return [
        PartBuilder("rotor under the magnet jig",
                    partial(_rotor, back_rotor, d.bolt, d.bolt_holes.centres)),
        PartBuilder("magnet jig", partial(_jig, d)),
    ]
