"""The alternator, placed in the turbine frame: stator, rotors, hub and studs (assembly §2–§4).

Parts are built in their local frames, set along the alternator's axis by the axial stack
(``derived-dimensions.md`` §20.1), then carried into the turbine frame by
``WindTurbine.AlternatorLinkPlacement · Alternator.AlternatorPlacement`` read from the design, so
the alternator lands where the rest of the turbine expects it. Each step builds one sub-assembly,
short enough for a worker to report progress and honour cancellation between steps.
"""

from __future__ import annotations

from functools import partial

import cadquery as cq

from cadstream.cad import hub, names, rotor, stator, studs
from cadstream.cad.dims import AlternatorDims, DiskDims, HubDims, RotorDims, StudDims
from cadstream.cad.parts import Built, FlatPart, Part, PartBuilder
from cadstream.cad.placement import location, translated
from cadstream.design.cells import TypedValues

__all__ = ["alternator_location", "alternator_steps"]


def alternator_location(cells: TypedValues) -> cq.Location:
    """From the alternator frame (origin at the stator's mid-plane centre, +z along the shaft
    towards the frame) to the turbine frame (+y up, +x upwind)."""
    return location(cells.placement("WindTurbine.AlternatorLinkPlacement")
                    * cells.placement("Alternator.AlternatorPlacement"))


def _stator(d: AlternatorDims, at: cq.Location) -> Built:
    seat = at * translated(z=d.stack.stator_z)
    return Built((
        Part(names.STATOR_COILS, stator.coil_ring(d.stator.coils).moved(seat)),
        Part(names.STATOR_RESIN_CAST, stator.stator_cast(d.stator).moved(seat)),
    ))


def _rotor(d: RotorDims, disk: DiskDims, labels: tuple[str, str, str], magnets: bool,
           seat: cq.Location) -> Built:
    """One rotor at ``seat``: its disk (also a flat part), and its resin and magnets if any.

    ``labels`` are the disk's, the cast's and the magnets' object names.
    """
    disk_name, cast_name, magnets_name = labels
    flat = FlatPart(disk_name, rotor.disk_profile(disk), disk.thickness, "Steel", 1)
    parts = [Part(disk_name, flat.solid().moved(seat))]
    if magnets:
        parts += [Part(cast_name, rotor.rotor_cast(d.cast).moved(seat)),
                  Part(magnets_name, rotor.magnet_ring(d.magnets, disk.thickness).moved(seat))]
    return Built(tuple(parts), (flat,))


def _back_rotor(d: AlternatorDims, at: cq.Location) -> Built:
    """The back rotor; turned 180° about +y (not mirrored: mirrored solids break the OBJ
    export) when it sits behind the stator with its magnets facing −z."""
    z = d.stack.back_rotor_z
    seat = (cq.Location(cq.Vector(0, 0, z), cq.Vector(0, 1, 0), 180) if d.stack.back_flipped
            else translated(z=z))
    labels = (names.ROTOR_DISK_BACK, names.ROTOR_RESIN_CAST_BACK, names.ROTOR_MAGNETS_BACK)
    return _rotor(d.rotor, d.rotor.back_disk, labels, True, at * seat)


def _front_rotor(d: AlternatorDims, front_z: float, at: cq.Location) -> Built:
    """The front rotor, magnets facing +z; a bare steel disk for "Single and metal disk"."""
    labels = (names.ROTOR_DISK_FRONT, names.ROTOR_RESIN_CAST_FRONT, names.ROTOR_MAGNETS_FRONT)
    return _rotor(d.rotor, d.rotor.front_disk, labels, d.topology == "Double",
                  at * translated(z=front_z))


def _hub(d: HubDims, at: cq.Location) -> Built:
    return Built((
        Part(names.HUB_FLANGE, hub.flange(d).moved(at)),
        Part(names.HUB_FLANGE_COVER_FRONT, hub.front_cover(d).moved(at)),
        Part(names.HUB_FLANGE_COVER_BACK, hub.back_cover(d).moved(at)),
        Part(names.HUB_STUB_AXLE_SHAFT, hub.stub_axle(d).moved(at)),
    ))


def _studs(name: str, d: StudDims, at: cq.Location) -> Built:
    return Built((Part(name, studs.studs(d).moved(at)),))


def alternator_steps(cells: TypedValues) -> list[PartBuilder]:
    """The steps building the alternator of a derived design, in the turbine frame.

    Dimensions are read (and checked) before any step runs; the front rotor's step exists only
    with a front rotor, so a ``Single`` design has no ``*_Front`` part. Step names are what is
    being built ("stator", "back rotor"...), for progress messages.
    """
    d = AlternatorDims.from_cells(cells)
    at = alternator_location(cells)
    stack = d.stack
    steps = [
        PartBuilder("stator", partial(_stator, d, at)),
        PartBuilder("back rotor", partial(_back_rotor, d, at)),
    ]
    if stack.front_rotor_z is not None:
        steps.append(PartBuilder("front rotor",
                                 partial(_front_rotor, d, stack.front_rotor_z, at)))
    steps += [
        PartBuilder("hub", partial(_hub, d.hub, at * translated(z=stack.hub_z))),
        PartBuilder("hub studs", partial(_studs, names.STUDS_HUB, d.hub_studs,
                                                  at * translated(z=stack.hub_studs_z))),
        PartBuilder("stator studs", partial(_studs, names.STUDS_FRAME, d.frame_studs,
                                                     at * translated(z=stack.frame_z))),
    ]
    return steps
