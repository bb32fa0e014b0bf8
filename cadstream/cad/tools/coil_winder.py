"""The coil winder: one phase's coils wound at once on a stack of cheek-spacer-cheek cells
threaded on a centre rod (tools §1.4).

Winder frame: origin on the rod's axis at the underside of the first cheek, +z along the rod;
+y runs towards the coil's outer end (where a keyhole coil's pins stand wider apart). Cell
j = 0 … N−1 starts at j·P (P = CoilWinderSpaceBetweenLayer): a plain cheek (12 thick), the spacer
(stator-thick, so the coil comes out as thick as the stator), then the cheek with the lead
notch; a washer, four nuts and a washer separate the cells, and a washer and nut close each end.
Pins through the cheeks shape the coil's hole: four for rectangular and keyhole coils, two and a
bottom rod for triangular ones. The coil being wound is the alternator's own, turned a quarter
turn for a rectangular coil on magnets wider than long, the way the pins are laid out.

The pin layout is the winder's own (its cells), not the coil's; the tests check that the two
agree. Its maths lives in :mod:`cadstream.design.coil_winder_pins`, where validation asks whether
the plates can be cut at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import cadquery as cq

from cadstream.cad import stator
from cadstream.cad.dims import AlternatorDims, CoilDims, FastenerDims
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import pattern, rotated_z, translated
from cadstream.cad.profiles import (
    arc_chain_wire,
    circle_wire,
    disk,
    polygon_wire,
    prism,
    profile,
)
from cadstream.cad.studs import nut, washer
from cadstream.cad.tools import names
from cadstream.cad.tools.plates import Notch, notched_rim, round_holes
from cadstream.design.arith import cos, sin
from cadstream.design.cells import TypedValues
from cadstream.design.coil_winder_pins import PinLayout, Point, pin_layout

__all__ = [
    "CoilWinderDims",
    "Pins",
    "cheek_profile",
    "coil_winder_steps",
    "notched_cheek_profile",
    "spacer_profile",
    "winder_pins",
]

_A = "Alternator."
#: Half the opening of the notched cheek's lead notch (degrees either side of +y).
_LEAD_NOTCH_HALF_ANGLE = 25.0
#: The spacer is cut from plywood 1 mm thinner than the stator (tools §2.b.3).
_SPACER_PLYWOOD_ALLOWANCE = 1.0


@dataclass(frozen=True)
class Pins:
    """The winder's pins, bottom rod and spacer (``layout``, pure maths that validation checks
    before any build) and what the cheeks cut around them: ``tape_notches`` under the coil's
    sides so it can be taped before it comes off, and ``lead_apex``, where the lead notch ends
    just beyond the outer pins.
    """

    layout: PinLayout
    tape_notches: tuple[Notch, Notch]
    lead_apex: Point


def _quadrilateral_notches(layout: PinLayout, notch_width: float) -> tuple[Notch, Notch]:
    """Rectangular and keyhole winders: on ±x, ``notch_width`` wide about y = 0, starting at the
    line joining that side's pins."""
    (inner, low), (outer, high) = layout.pins[:2]

    def side(y: float) -> float:
        """x of the line through the right-hand pins at height ``y``."""
        return inner + (outer - inner) * (y - low) / (high - low)

    h = notch_width / 2
    right = Notch(((side(-h), -h), (side(h), h)), (1.0, 0.0), (1.0, 0.0))
    left = Notch(((-side(h), h), (-side(-h), -h)), (-1.0, 0.0), (-1.0, 0.0))
    return right, left


def _triangular_notches(layout: PinLayout, bottom: tuple[Point, float], n: Point,
                        notch_width: float, notch_gap: float) -> tuple[Notch, Notch]:
    """Triangular winders: each notch runs square to a coil flank (outward normal ``n``) from
    ``notch_gap`` outside it, centred between the flank's tangent points on the ``bottom`` rod
    and the pin."""
    pin, pr = layout.pins[0], layout.pin_radius
    (bx, by), rb = bottom
    tangent_bottom = (bx + rb * n[0], by + rb * n[1])
    tangent_pin = (pin[0] + pr * n[0], pin[1] + pr * n[1])
    centre = ((tangent_bottom[0] + tangent_pin[0]) / 2 + notch_gap * n[0],
              (tangent_bottom[1] + tangent_pin[1]) / 2 + notch_gap * n[1])

    def tape_notch(middle: Point, outward: Point) -> Notch:
        along = (-outward[1] * notch_width / 2, outward[0] * notch_width / 2)
        return Notch(((middle[0] - along[0], middle[1] - along[1]),
                      (middle[0] + along[0], middle[1] + along[1])), outward, outward)

    return tape_notch(centre, n), tape_notch((-centre[0], centre[1]), (-n[0], n[1]))


def winder_pins(layout: PinLayout, notch_width: float, notch_gap: float) -> Pins:
    """The layout with its cheeks' tape notches (``notch_width`` wide; a triangular winder's
    ``notch_gap`` outside the coil's flanks) and the lead notch's apex."""
    if layout.bottom is None or layout.flank is None:
        notches = _quadrilateral_notches(layout, notch_width)
    else:
        notches = _triangular_notches(layout, layout.bottom, layout.flank, notch_width,
                                      notch_gap)
    top = max(y for _, y in layout.pins)
    return Pins(layout, notches, (0.0, top + layout.pin_radius))


@dataclass(frozen=True)
class CoilWinderDims:
    """Everything the coil winder's builders need, read from one design's cells.

    ``layers`` cells of ``cheek_thickness`` + ``spacer_thickness`` + ``cheek_thickness`` at
    ``pitch``; ``total`` from the first cheek's underside to the last one's top. The coil is the
    alternator's, turned ``coil_turn`` about the rod after moving its frame ``coil_y`` along y.
    """

    layers: int
    pitch: float
    cheek_thickness: float
    spacer_thickness: float
    total: float
    disk_radius: float
    fillet: float
    pins: Pins
    rod: FastenerDims
    rod_length: float
    pin_length: float
    overhang: float
    spacing_nuts: int
    coil: CoilDims
    coil_turn: float
    coil_y: float

    @property
    def layer_thickness(self) -> float:
        return 2 * self.cheek_thickness + self.spacer_thickness

    @staticmethod
    def from_cells(cells: TypedValues) -> CoilWinderDims:
        pins = winder_pins(pin_layout(cells), cells.num(_A + "CoilWinderDiskTapeNotchWidth"),
                           cells.num(_A + "DistanceBetweenTriangularCoilAndTapeNotch"))
        if cells.num(_A + "CoilType") == 3:
            coil_y = -cells.num(_A + "TriangularCoilWinderCircumradius")
        else:
            coil_y = -(cells.num(_A + "MagnetLength") / 2 + cells.num(_A + "CoilLegWidth"))
        return CoilWinderDims(
            layers=round(cells.num(_A + "NumberOfCoilsPerPhase")),
            pitch=cells.num(_A + "CoilWinderSpaceBetweenLayer"),
            cheek_thickness=cells.num(_A + "CoilWinderCheekThickness"),
            spacer_thickness=cells.num(_A + "StatorThickness"),
            total=cells.num(_A + "CoilWinderAssemblyThicknessTotal"),
            disk_radius=cells.num(_A + "CoilWinderDiskRadius"),
            fillet=cells.num(_A + "CoilWinderDiskFillet"),
            pins=pins,
            rod=FastenerDims(cells.num(_A + "CoilWinderCenterRodRadius"),
                             cells.num(_A + "CoilWinderHexNutThickness"),
                             cells.num("Fastener.WasherThickness")),
            rod_length=cells.num(_A + "CoilWinderCenterRodLength"),
            pin_length=cells.num(_A + "CoilWinderPinLength"),
            overhang=cells.num("Fastener.DistanceThreadsExtendFromNuts"),
            spacing_nuts=round(cells.num(_A + "CoilWinderNumberOfSpacingNuts")),
            coil=AlternatorDims.from_cells(cells).stator.coils,
            coil_turn=cells.num(_A + "CoilWinderCoilsAngle"),
            coil_y=coil_y,
        )


# ------------------------------------------------------------------------------------- profiles


def _lead_notch(apex: Point) -> Notch:
    a = _LEAD_NOTCH_HALF_ANGLE
    return Notch((apex,), (sin(a), cos(a)), (-sin(a), cos(a)))


def _cheek(d: CoilWinderDims, notches: Sequence[Notch]) -> cq.Face:
    p = d.pins.layout
    holes = [circle_wire(0, 0, d.rod.radius), *round_holes(p.pins, p.pin_radius)]
    if p.bottom is not None:
        (x, y), r = p.bottom
        holes.append(circle_wire(x, y, r))
    rim = notched_rim(d.disk_radius, notches, d.fillet)
    return profile(arc_chain_wire(rim), holes)


def cheek_profile(d: CoilWinderDims) -> cq.Face:
    """A cheek: a disk of CoilWinderDiskRadius with the rod hole, the pin holes and the two tape
    notches, their rim corners rounded (CoilWinderDiskFillet)."""
    return _cheek(d, d.pins.tape_notches)


def notched_cheek_profile(d: CoilWinderDims) -> cq.Face:
    """The cheek with, in addition, a 50° notch for the coil's leads opening towards +y from
    just beyond the outer pins."""
    return _cheek(d, (*d.pins.tape_notches, _lead_notch(d.pins.lead_apex)))


def spacer_profile(d: CoilWinderDims) -> cq.Face:
    """The spacer: the outline between the pins, with the rod hole."""
    return profile(polygon_wire(d.pins.layout.spacer), [circle_wire(0, 0, d.rod.radius)])


# ---------------------------------------------------------------------------------------- steps


def _cells(d: CoilWinderDims) -> Built:
    """Every cell's plain cheek, spacer, coil and notched cheek, each named after its array
    with the cell's index; the three plates are flat parts counted once per cell."""
    count = d.layers
    cheek = FlatPart(names.COIL_WINDER_CHEEK, cheek_profile(d), d.cheek_thickness, "Plywood",
                     count)
    spacer = FlatPart(names.COIL_WINDER_SPACER, spacer_profile(d),
                      d.spacer_thickness - _SPACER_PLYWOOD_ALLOWANCE, "Plywood", count)
    notched = FlatPart(names.COIL_WINDER_CHEEK_NOTCH, notched_cheek_profile(d),
                       d.cheek_thickness, "Plywood", count)
    # Each solid is made once and every cell gets a copy.
    cheek_solid, notched_solid = cheek.solid(), notched.solid()
    spacer_solid = prism(spacer.profile, d.spacer_thickness)
    coil = stator.coil(d.coil)
    bases = [j * d.pitch for j in range(count)]
    above = d.cheek_thickness
    parts = [Part(f"{names.COIL_WINDER_CHEEKS}{j}", cheek_solid.moved(translated(z=z)))
             for j, z in enumerate(bases)]
    parts += [Part(f"{names.COIL_WINDER_SPACERS}{j}", spacer_solid.moved(translated(z=z + above)))
              for j, z in enumerate(bases)]
    parts += [Part(f"{names.COIL_WINDER_COILS}{j}",
                   coil.moved(rotated_z(d.coil_turn) * translated(0, d.coil_y, z + above)))
              for j, z in enumerate(bases)]
    parts += [Part(f"{names.COIL_WINDER_NOTCHES}{j}",
                   notched_solid.moved(translated(z=z + above + d.spacer_thickness)))
              for j, z in enumerate(bases)]
    return Built(tuple(parts), (cheek, spacer, notched))


def _rods_and_nuts(d: CoilWinderDims) -> Built:
    """The centre rod with its pins, and the washers and nuts clamping the cells on it."""
    f = d.rod
    h, washer_t = f.nut_thickness, f.washer_thickness
    nut_solid, washer_solid = nut(f), washer(f, wide=False)
    p = d.pins.layout
    rods = [disk(f.radius, d.rod_length).moved(translated(z=-(washer_t + h + d.overhang)))]
    pin = disk(p.pin_radius, d.pin_length)
    rods += [pin.moved(translated(x, y, -d.overhang)) for x, y in p.pins]
    if p.bottom is not None:
        (x, y), r = p.bottom
        rods.append(disk(r, d.pin_length).moved(translated(x, y, -d.overhang)))
    stack = pattern(nut_solid, (translated(z=washer_t + k * h) for k in range(d.spacing_nuts)))
    gaps = [j * d.pitch + d.layer_thickness for j in range(d.layers - 1)]
    parts = [
        Part(names.OUTER_NUT_BACK, nut_solid.moved(translated(z=-(washer_t + h)))),
        Part(names.RODS, cq.Compound.makeCompound(rods)),
        Part(names.OUTER_WASHER_BACK, washer_solid.moved(translated(z=-washer_t))),
        Part(names.OUTER_WASHER_FRONT, washer_solid.moved(translated(z=d.total))),
        Part(names.OUTER_NUT_FRONT, nut_solid.moved(translated(z=d.total + washer_t))),
    ]
    parts += [Part(f"{names.INNER_BACK_WASHERS}{j}", washer_solid.moved(translated(z=z)))
              for j, z in enumerate(gaps)]
    parts += [Part(f"{names.NUT_STACKS}{j}", stack.moved(translated(z=z)))
              for j, z in enumerate(gaps)]
    parts += [Part(f"{names.INNER_FRONT_WASHERS}{j}",
                   washer_solid.moved(translated(z=z + washer_t + d.spacing_nuts * h)))
              for j, z in enumerate(gaps)]
    return Built(tuple(parts))


def coil_winder_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the coil winder in its own frame: the cells, then the rod, pins,
    washers and nuts."""
    d = CoilWinderDims.from_cells(cells)
    return [
        PartBuilder("coil winder cheeks, spacers and coils", partial(_cells, d)),
        PartBuilder("coil winder rod, pins and nuts", partial(_rods_and_nuts, d)),
    ]
