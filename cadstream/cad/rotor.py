"""A magnet rotor: steel disk, magnet blocks and the resin cast round them (assembly §4.2).

Rotor frame: origin at the centre of the disk's face away from the magnets, +z through the disk
towards the magnets (and the stator); the disk fills z ∈ [0, Td] and the magnets stand on it from
z = Td, the first centred on +y.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad.dims import DiskDims, MagnetDims, Pockets, RotorCastDims
from cadstream.cad.placement import pattern, rotated_z, translated
from cadstream.cad.profiles import circle_wire, profile
from cadstream.design.arith import cos, sin

__all__ = ["disk_profile", "magnet", "magnet_ring", "rotor_cast"]


def _pocket_wire(p: Pockets, centre: float) -> cq.Wire:
    """One pocket: annular sector ``p.half_angle`` either side of ``centre``."""
    lo, hi = centre - p.half_angle, centre + p.half_angle
    ri, ro = p.inner_radius, p.outer_radius
    z = cq.Vector(0, 0, 1)
    return cq.Wire.assembleEdges([
        cq.Edge.makeCircle(ro, cq.Vector(), z, lo, hi),
        cq.Edge.makeLine(cq.Vector(ro * cos(hi), ro * sin(hi), 0),
                         cq.Vector(ri * cos(hi), ri * sin(hi), 0)),
        cq.Edge.makeCircle(ri, cq.Vector(), z, lo, hi),
        cq.Edge.makeLine(cq.Vector(ri * cos(lo), ri * sin(lo), 0),
                         cq.Vector(ro * cos(lo), ro * sin(lo), 0)),
    ])


def disk_profile(d: DiskDims) -> cq.Face:
    """The disk's cutting profile in XY at z = 0: the plate less every hole and pocket.

    The disk is this face extruded by Td (z ∈ [0, Td] in the rotor frame): the alternator hands
    it on as a flat part and places that flat part's own solid, so the cut file and the model
    cannot disagree.
    """
    holes = [circle_wire(0, 0, d.central_hole_radius)]
    for circle in (d.hub_holes, d.jacking_holes):
        if circle is not None:
            holes += [circle_wire(x, y, circle.radius) for x, y in circle.centres]
    if d.pockets is not None:
        holes += [_pocket_wire(d.pockets, angle) for angle in d.pockets.angles]
    return profile(circle_wire(0, 0, d.radius), holes)


def magnet(d: MagnetDims) -> cq.Solid:
    """One magnet block. Origin at the middle of its inner (hub-side) edge on the face that sits
    on the disk; +y runs radially outward, +z away from the disk, towards the stator."""
    return cq.Solid.makeBox(d.width, d.length, d.thickness, cq.Vector(-d.width / 2, 0, 0))


def magnet_ring(d: MagnetDims, disk_thickness: float) -> cq.Compound:
    """All the magnets in the rotor frame, standing on the disk, the first centred on +y."""
    block = magnet(d)
    seat = translated(0, d.inner_radius, disk_thickness)
    return pattern(block, (rotated_z(k * 360 / d.count) * seat for k in range(d.count)))


def rotor_cast(d: RotorCastDims) -> cq.Solid:
    """The resin ring in the rotor frame: ``inner_radius`` … ``outer_radius``, z ∈ [0, height],
    less the disk's recess r < ``recess_radius``, z < ``recess_depth``.

    Revolving its L-shaped section makes it in one step; the magnets are not cut out, because the
    resin sheet counts them inside the cast too (``Resin.RotorResinCastVolume``).
    """
    ri, ro, h = d.inner_radius, d.outer_radius, d.height
    rd, td = d.recess_radius, d.recess_depth
    section = [(ri, td), (rd, td), (rd, 0.0), (ro, 0.0), (ro, h), (ri, h)]
    wire = cq.Wire.makePolygon([cq.Vector(r, 0, z) for r, z in section], close=True)
    return cq.Solid.revolve(cq.Face.makeFromWires(wire), 360, cq.Vector(), cq.Vector(0, 0, 1))
