"""The welded angle-iron frame the stator hangs from and the yaw bearing carries (assembly §4.6).

Members are built in the frame frame (:class:`~cadstream.cad.turbine_dims.FrameDims`): the
alternator frame moved back along the shaft to ``FramePlacement``, so the channel's back face is
z = 0 and the brackets' hole legs lie on z = −leg, facing the stator. Each member is one
extruded section less its holes (one boolean); brackets alike are built once and placed again.
The frame, with the T's bottom yaw bearing plate welded in, is one OBJ object, ``Frame``.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad import names
from cadstream.cad.parts import Built, FlatPart, Part
from cadstream.cad.placement import rotated_x, rotated_z, translated
from cadstream.cad.profiles import disk
from cadstream.cad.turbine_dims import AngleSection, BottomPlate, Bracket, Channel, FrameDims
from cadstream.cad.yaw_bearing import bottom_plate_profile

__all__ = ["CHANNEL", "angle_bracket", "bottom_plate_location", "channel", "frame_parts",
           "pieces"]

CHANNEL = "Frame_Channel"


def _drilled(blank: cq.Solid, holes: list[cq.Solid]) -> cq.Solid:
    """``blank`` less ``holes`` in one boolean, checked to stay one solid."""
    if not holes:
        return blank
    solids = blank.cut(*holes).Solids()
    if len(solids) != 1:
        raise ValueError(f"a frame member came out as {len(solids)} solids, expected 1")
    return solids[0]


def _section_prism(points: list[tuple[float, float, float]], along: cq.Vector) -> cq.Solid:
    wire = cq.Wire.makePolygon([cq.Vector(*p) for p in points], close=True)
    return cq.Solid.extrudeLinear(cq.Face.makeFromWires(wire), along)


def angle_bracket(section: AngleSection, length: float, holes: tuple[float, ...],
                  hole_radius: float) -> cq.Solid:
    """An angle-iron bracket in its own frame: the outer corner edge along x over
    [−length/2, length/2]; the hole leg on z ∈ [0, thickness] reaching to y = leg, the upright
    leg on y ∈ [0, thickness] rising to z = leg; a hole of ``hole_radius`` through the hole leg at
    (h, leg/2) for each h in ``holes``."""
    leg, t = section.leg, section.thickness
    corner = [(0.0, 0.0), (leg, 0.0), (leg, t), (t, t), (t, leg), (0.0, leg)]
    bar = _section_prism([(-length / 2, y, z) for y, z in corner], cq.Vector(length, 0, 0))
    drill = disk(hole_radius, t + 2)
    return _drilled(bar, [drill.moved(translated(h, leg / 2, -1)) for h in holes])


def channel(section: AngleSection, c: Channel) -> cq.Solid:
    """The C channel in the frame frame (:class:`Channel`), with the stub axle's hole."""
    leg, t = section.leg, section.thickness
    inside = leg - t
    outline = [(-leg, 0.0), (leg, 0.0), (leg, -leg), (inside, -leg), (inside, -t),
               (-inside, -t), (-inside, -leg), (-leg, -leg)]
    bar = _section_prism([(x, c.start, z) for x, z in outline], cq.Vector(0, c.length, 0))
    return _drilled(bar, [disk(c.hole_radius, t + 2).moved(translated(z=-t - 1))])


def _bracket_seat(b: Bracket, leg: float) -> cq.Location:
    """Where a bracket's own frame lies in the frame frame; an inward bracket is turned half a
    turn about z, so its hole leg reaches −y."""
    seat = translated(b.x, b.y, -leg)
    return seat if b.outward == 1 else seat * rotated_z(180)


def bottom_plate_location(d: BottomPlate) -> cq.Location:
    """Where the bottom plate's solid (its profile extruded along +z) sits in the frame frame:
    profile x along −y, profile y along +z, thickness along −x (:class:`BottomPlate`)."""
    return (translated(d.corner.x, d.corner.y, d.corner.z) * rotated_z(-90) * rotated_x(90))


def pieces(d: FrameDims) -> tuple[dict[str, cq.Solid], tuple[FlatPart, ...]]:
    """Every member of the frame in the frame frame, by the reference's name (the bottom plate by
    its flat part label), and the flat parts among them."""
    section = d.section
    members = {CHANNEL: channel(section, d.channel)}
    made: dict[tuple[float, tuple[float, ...]], cq.Solid] = {}
    for b in d.brackets:
        own_holes = tuple(sorted(b.outward * h for h in b.holes))
        key = (b.length, own_holes)
        if key not in made:
            made[key] = angle_bracket(section, b.length, own_holes, d.hole_radius)
        members[b.name] = made[key].moved(_bracket_seat(b, section.leg))
    if d.bottom_plate is None:
        return members, ()
    plate = d.bottom_plate
    flat = FlatPart(names.YAW_BEARING_PLATE_BOTTOM, bottom_plate_profile(plate), plate.thickness,
                    "Steel", 1)
    members[names.YAW_BEARING_PLATE_BOTTOM] = flat.solid().moved(bottom_plate_location(plate))
    return members, (flat,)


def frame_parts(d: FrameDims, at: cq.Location) -> Built:
    """The frame as one object placed by ``at`` (the frame frame's location in the turbine), and
    the T's bottom yaw bearing plate as its flat part."""
    members, flat_parts = pieces(d)
    whole = cq.Compound.makeCompound(list(members.values())).moved(at)
    return Built((Part(names.FRAME, whole),), flat_parts)
