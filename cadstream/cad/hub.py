"""The wheel-bearing hub: flange with its two bosses, the two covers and the stub axle (§4.4).

Every part is built in the hub frame, the frame the reference draws the hub in: origin on the
axis at the rotor-side face of the flange's middle pad, +z towards the frame (and the stub axle);
the rotor-side boss and its cover reach towards −z.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad.dims import HubDims
from cadstream.cad.placement import translated
from cadstream.cad.profiles import annulus, circle_wire, disk, prism, profile

__all__ = ["back_cover", "flange", "front_cover", "stub_axle"]


def flange(d: HubDims) -> cq.Solid:
    """Middle pad (z ∈ [0, 16]) with the stud holes and a bore, and two tubular bosses.

    The frame-side boss stops one cover thickness short of ``frame_pad_width`` (the back cover
    closes it) and the rotor-side boss likewise short of ``rotor_pad_width``; the three are fused
    into the one solid the reference models.
    """
    holes = [circle_wire(0, 0, d.bore_radius)]
    holes += [circle_wire(x, y, d.holes.radius) for x, y in d.holes.centres]
    pad = prism(profile(circle_wire(0, 0, d.middle_pad_radius), holes), d.middle_pad_thickness)
    frame_length = d.frame_pad_width - d.cover_thickness
    rotor_length = d.rotor_pad_width - d.cover_thickness
    frame_boss = annulus(d.frame_pad_radius, d.frame_pad_radius - d.pad_wall,
                         frame_length).moved(translated(z=d.middle_pad_thickness))
    rotor_boss = annulus(d.rotor_pad_radius, d.rotor_pad_radius - d.pad_wall,
                         rotor_length).moved(translated(z=-rotor_length))
    fused = pad.fuse(frame_boss, rotor_boss).clean()
    solids = fused.Solids()
    if len(solids) != 1:
        raise ValueError(f"the hub flange came out as {len(solids)} solids, expected 1")
    return solids[0]


def front_cover(d: HubDims) -> cq.Solid:
    """Solid cap closing the rotor-side boss, z ∈ [−RotorSidePadWidth, … + CoverThickness]."""
    return disk(d.rotor_pad_radius, d.cover_thickness).moved(translated(z=-d.rotor_pad_width))


def back_cover(d: HubDims) -> cq.Solid:
    """Ring closing the frame-side boss round the stub axle, ending ``FrameSidePadWidth`` behind
    the middle pad."""
    z = d.middle_pad_thickness + d.frame_pad_width - d.cover_thickness
    return annulus(d.frame_pad_radius, d.stub_radius, d.cover_thickness).moved(translated(z=z))


def stub_axle(d: HubDims) -> cq.Solid:
    """The shaft fixed to the frame, z ∈ [0, StubAxleShaftLength]: 10 mm thinner over its first
    40 % (inside the flange), full radius over the rest (through the cover and the frame).

    Revolving its stepped half-section makes one solid without a boolean.
    """
    r, length = d.stub_radius, d.stub_length
    step = 0.4 * length
    section = [(0.0, 0.0), (r - 10, 0.0), (r - 10, step), (r, step), (r, length), (0.0, length)]
    wire = cq.Wire.makePolygon([cq.Vector(x, 0, z) for x, z in section], close=True)
    return cq.Solid.revolve(cq.Face.makeFromWires(wire), 360, cq.Vector(), cq.Vector(0, 0, 1))
