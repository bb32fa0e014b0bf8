"""The tail's two end stops: plates that stop the furling tail against the yaw pipe (§6.3, §20.12).

Each plate is drawn in its sketch frame (the plate on z ∈ [0, thickness]) and then cut by a pipe
it would otherwise run into: the low end stop by the yaw pipe it rests against when the tail is
unfurled, the high end stop by the outer hinge pipe it is welded to. A cylinder meets the plate at
a slant, so the cut plate is no longer a prism; its cutting profile is the cut plate's face on
the sketch plane.
"""

from __future__ import annotations

import cadquery as cq
from OCP.TopoDS import TopoDS

from cadstream.cad.profiles import profile
from cadstream.cad.sketch import Turn, outline_wire
from cadstream.cad.tail_dims import HighEndStopDims, LowEndStopDims
from cadstream.design.arith import acos

__all__ = ["cut_plate", "high_end_stop_outline", "low_end_stop_outline"]

#: How far (mm) a face may lie from the sketch plane and still be on it.
_ON_PLANE = 1e-6


def low_end_stop_outline(d: LowEndStopDims) -> cq.Face:
    """The uncut low end stop, hinge axis at the origin, paddle down −y.

    Bottom edge y = −length from x = −overlap to x = width; up the right edge; the outer arc of
    ``width`` from 0° to ``outer_angle``; a line to the pipe at ``inner_angle``; the pipe's arc
    clockwise round through 0° and 270° to x = −overlap; down the left edge.
    """
    ro, w = d.pipe_radius, d.width
    return profile(outline_wire([
        (-d.overlap, -d.length),
        (w, -d.length),
        Turn(0, 0, w, 0, d.outer_angle),
        Turn(0, 0, ro, d.inner_angle, acos(d.overlap / ro) - 180),
    ]))


def high_end_stop_outline(d: HighEndStopDims) -> cq.Face:
    """The uncut high end stop, x along the boom from its root, y from the boom's side.

    The tab y ∈ [−extension, 0] between x = −2·pipe_radius and −pipe_radius, the bottom edge to
    x = length, up to y = width, back to the quarter circle of ``width`` that ends at
    (−2·pipe_radius, 0).
    """
    ro, w, e = d.pipe_radius, d.width, d.extension
    return profile(outline_wire([
        (-2 * ro, -e),
        (-ro, -e),
        (-ro, 0),
        (d.length, 0),
        (d.length, w),
        Turn(-2 * ro + w, 0, w, 90, 180),
    ]))


def cut_plate(outline: cq.Face, thickness: float, tool: cq.Shape) -> tuple[cq.Shape, cq.Face]:
    """``outline`` extruded by ``thickness``, less ``tool`` (given in the plate's frame); and the
    profile a cutter follows: the largest piece's face on the sketch plane, facing +z.

    A narrow stop can be cut in two by its pipe (T Shape 2F's high end stop is 5.6 mm wide and
    the pipe bulges 7 mm into it). Every piece stays in the model, as in the reference, whose cut
    file shows the largest piece only (it draws the solid's second-largest face). Where the slanted
    pipe splits only the sketch-side face and the plate holds together above it, the profile is
    the face on the plate's other side, brought down to z = 0.
    """
    plate = cq.Solid.extrudeLinear(outline, cq.Vector(0, 0, thickness)).cut(tool)
    largest = max(plate.Solids(), key=lambda piece: piece.Volume())
    for z in (0.0, thickness):
        faces = [f for f in largest.Faces()
                 if f.geomType() == "PLANE" and abs(f.Center().z - z) < _ON_PLANE
                 and abs(f.normalAt().z) > 1 - _ON_PLANE]
        if len(faces) == 1:
            face = faces[0].moved(cq.Location(cq.Vector(0, 0, -z)))
            if face.normalAt().z < 0:
                face = cq.Face(TopoDS.Face_s(face.wrapped.Reversed()))
            return plate, face
    raise ValueError("the pipe splits both faces of a stop plate but not the plate")
