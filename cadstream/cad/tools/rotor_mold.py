"""The rotor mold: the plywood mold in which a rotor's magnets are cast in resin (tools §1.2).

Mold frame: origin on the rotor's axis at the underside of the base, +z up. The base fills
z ∈ [0, 15]; on it stand the surround (its hole is the resin's outer edge) and the back rotor,
disk first, in its own rotor frame lifted by 15; the island sits on the disk inside the magnets
(its rim is the resin's inner edge) and the lid, for NdFeB magnets only, lies on the magnets.
Hub bolts stand on their heads under the base, through base, disk and island, with their nuts on
the island; wood screws hold the surround to the base, heads flush with its top.

One mold is built per magnet rotor, so its plates count twice for a double rotor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import cadquery as cq

from cadstream.cad import rotor
from cadstream.cad.dims import AlternatorDims, FastenerDims, HoleCircle, RotorDims
from cadstream.cad.names import ROTOR_DISK_BACK
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import pattern, translated
from cadstream.cad.profiles import circle_wire, prism, profile
from cadstream.cad.studs import nut
from cadstream.cad.tools import names
from cadstream.cad.tools.fasteners import BoltDims, ScrewDims, hex_bolt, wood_screw
from cadstream.cad.tools.plates import placed, round_holes, square_wire
from cadstream.design.cells import TypedValues

__all__ = [
    "RotorMoldDims",
    "base_profile",
    "island_profile",
    "lid_profile",
    "rotor_mold_steps",
    "surround_profile",
]

_A = "Alternator."


@dataclass(frozen=True)
class RotorMoldDims:
    """Everything the rotor mold's builders need, read from one design's cells.

    ``lid`` is false for ferrite magnets, which the resin covers only in part; ``count`` is the
    number of molds (magnet rotors).
    """

    side: float
    base_thickness: float
    disk_thickness: float
    surround_thickness: float
    surround_radius: float
    island_radius: float
    island_thickness: float
    lid: bool
    lid_thickness: float
    lid_hole_radius: float
    lid_z: float
    bolt_holes: HoleCircle
    screw_holes: HoleCircle
    bolt: BoltDims
    fastener: FastenerDims
    screw: ScrewDims
    count: int

    @property
    def disk_z(self) -> float:
        """Where the rotor's disk lies: on the base."""
        return self.base_thickness

    @property
    def surround_top(self) -> float:
        return self.base_thickness + self.surround_thickness

    @staticmethod
    def from_cells(cells: TypedValues) -> RotorMoldDims:
        base_t = cells.num(_A + "RotorMoldBaseThickness")
        pitch_r = cells.num("Hub.HubPitchCircleRadius")
        bolt_r = cells.num("Hub.HubHolesRadius")
        return RotorMoldDims(
            side=cells.num(_A + "RotorMoldSideLength"),
            base_thickness=base_t,
            disk_thickness=cells.num(_A + "RotorDiskThickness"),
            surround_thickness=cells.num(_A + "RotorMoldSurroundThickness"),
            surround_radius=cells.num(_A + "RotorMoldSurroundRadius"),
            island_radius=cells.num(_A + "IslandRadius"),
            island_thickness=cells.num(_A + "RotorMoldIslandThickness"),
            lid=cells.text(_A + "MagnetMaterial") != "Ferrite C8",
            lid_thickness=cells.num(_A + "RotorMoldLidThickness"),
            lid_hole_radius=cells.num("Fastener.HubHolesWidthAcrossCorners") / 2 + 5,
            lid_z=base_t + cells.num(_A + "RotorDiskThickness")
            + cells.num(_A + "MagnetThickness"),
            bolt_holes=HoleCircle.even(round(cells.num(_A + "NumberOfRotorMoldBolts")), bolt_r,
                                       pitch_r, 90),
            screw_holes=HoleCircle.even(round(cells.num(_A + "NumberOfRotorMoldScrews")),
                                        cells.num(_A + "ScrewHoleRadius"),
                                        cells.num(_A + "RotorMoldScrewHolesCircumradius"), 90),
            bolt=BoltDims(bolt_r, cells.num("Fastener.HubHolesBoltLength"),
                          cells.num("Fastener.HexNutThickness"),
                          cells.num("Fastener.HubHolesWidthAcrossCorners")),
            fastener=FastenerDims(bolt_r, cells.num("Fastener.HubHexNutThickness"),
                                  cells.num("Fastener.WasherThickness")),
            screw=ScrewDims(cells.num("Fastener.WoodScrewDiameter"),
                            cells.num(_A + "RotorMoldScrewLength")),
            count=2 if cells.text(_A + "RotorTopology") == "Double" else 1,
        )


def _holes(c: HoleCircle) -> list[cq.Wire]:
    return round_holes(c.centres, c.radius)


def base_profile(d: RotorMoldDims) -> cq.Face:
    """The square base with the hub bolt holes and the surround's screw pilot holes."""
    return profile(square_wire(d.side), _holes(d.bolt_holes) + _holes(d.screw_holes))


def surround_profile(d: RotorMoldDims) -> cq.Face:
    """The square surround: the resin's outer edge (RotorMoldSurroundRadius) and the screw
    pilot holes."""
    return profile(square_wire(d.side),
                   [circle_wire(0, 0, d.surround_radius), *_holes(d.screw_holes)])


def island_profile(d: RotorMoldDims) -> cq.Face:
    """The island: a disk of IslandRadius (the resin's inner edge) with the hub bolt holes."""
    return profile(circle_wire(0, 0, d.island_radius), _holes(d.bolt_holes))


def lid_profile(d: RotorMoldDims) -> cq.Face:
    """The square lid with a wide hole round every nut, for the resin to rise into.

    Where neighbouring holes would overlap (many studs on a small pitch circle), one round hole
    clearing every nut replaces them: overlapping holes are no profile a router can cut, and
    their union would leave a loose disk in the middle. The reference draws them overlapping.
    """
    n, pitch, r = d.bolt_holes.count, d.bolt_holes.pitch_radius, d.lid_hole_radius
    if n > 1 and 2 * pitch * math.sin(math.pi / n) <= 2 * r:
        return profile(square_wire(d.side), [circle_wire(0, 0, pitch + r)])
    return profile(square_wire(d.side), _holes(HoleCircle.even(n, r, pitch, 90)))


def _plate(label: str, face: cq.Face, thickness: float, count: int,
           z: float) -> tuple[FlatPart, Part]:
    flat = FlatPart(label, face, thickness, "Plywood", count)
    return flat, placed(flat, z)


def _plates(d: RotorMoldDims) -> Built:
    base = _plate(names.ROTOR_MOLD_BASE, base_profile(d), d.base_thickness, d.count, 0)
    surround = _plate(names.ROTOR_MOLD_SURROUND, surround_profile(d), d.surround_thickness,
                      d.count, d.base_thickness)
    island = _plate(names.ROTOR_MOLD_ISLAND, island_profile(d), d.island_thickness, d.count,
                    d.disk_z + d.disk_thickness)
    plates = (base, surround, island)
    return Built(tuple(part for _, part in plates), tuple(flat for flat, _ in plates))


def _rotor(r: RotorDims, z: float) -> Built:
    """The alternator's back rotor on the base: its disk (a flat part of the alternator, not
    handed out again here), resin cast and magnets."""
    seat = translated(z=z)
    disk = r.back_disk
    return Built((
        Part(ROTOR_DISK_BACK, prism(rotor.disk_profile(disk), disk.thickness).moved(seat)),
        Part(names.ROTOR_RESIN_CAST, rotor.rotor_cast(r.cast).moved(seat)),
        Part(names.ROTOR_MAGNETS, rotor.magnet_ring(r.magnets, disk.thickness).moved(seat)),
    ))


def _lid_and_fasteners(d: RotorMoldDims) -> Built:
    """The lid (NdFeB only), the hub bolts with their nuts on the island, and the screws."""
    parts: list[Part] = []
    flats: list[FlatPart] = []
    if d.lid:
        flat, lid = _plate(names.ROTOR_MOLD_LID, lid_profile(d), d.lid_thickness, d.count,
                           d.lid_z)
        parts.append(lid)
        flats.append(flat)
    nut_z = d.lid_z if d.lid else d.surround_top
    bolts = d.bolt_holes.centres
    screw_tip = d.surround_top - d.screw.length
    parts += [
        Part(names.BOLTS, pattern(hex_bolt(d.bolt), (translated(x, y) for x, y in bolts))),
        Part(names.NUTS, pattern(nut(d.fastener), (translated(x, y, nut_z) for x, y in bolts))),
        Part(names.SCREWS, pattern(wood_screw(d.screw), (translated(x, y, screw_tip)
                                                         for x, y in d.screw_holes.centres))),
    ]
    return Built(tuple(parts), tuple(flats))


def rotor_mold_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the rotor mold in its own frame: plates, rotor, lid and fasteners."""
    d = RotorMoldDims.from_cells(cells)
    back_rotor = AlternatorDims.from_cells(cells).rotor
    return [
        PartBuilder("rotor mold plates", partial(_plates, d)),
        PartBuilder("rotor in its mold", partial(_rotor, back_rotor, d.disk_z)),
        PartBuilder("rotor mold lid and fasteners", partial(_lid_and_fasteners, d)),
    ]
