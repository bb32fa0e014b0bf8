"""Profiles the output tests draw: plates whose areas and extents have closed forms.

Each builder is cached: the faces are immutable, and building them once keeps the tests quick.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import cadquery as cq

Z = cq.Vector(0, 0, 1)


@dataclass(frozen=True)
class Profile:
    """A face in XY at z = 0 with its area and bounding box (xmin, ymin, xmax, ymax) in closed
    form, and what its loops are made of."""

    face: cq.Face
    area: float
    bounds: tuple[float, float, float, float]


def _single_face(shape: cq.Shape) -> cq.Face:
    faces = shape.Faces()
    assert len(faces) == 1
    return faces[0]


@cache
def holed_plate() -> Profile:
    """A 200 × 120 plate from (0, 0), four r6 corner holes and an r20 hole in the middle."""
    sketch = (cq.Sketch().push([(100, 60)]).rect(200, 120)
              .push([(20, 20), (180, 20), (20, 100), (180, 100)]).circle(6, mode="s")
              .push([(100, 60)]).circle(20, mode="s"))
    return Profile(_single_face(sketch._faces),
                   200 * 120 - 4 * math.pi * 6**2 - math.pi * 20**2, (0, 0, 200, 120))


@cache
def slotted_stadium() -> Profile:
    """An 80 × 40 stadium centred on the origin with a 30 × 10 slot and an elliptical hole: arcs
    both ways round, and a curve that must become a polyline."""
    sketch = (cq.Sketch().slot(40, 40).push([(-5, 6)]).slot(20, 10, mode="s")
              .push([(10, -8)]).ellipse(6, 3, mode="s"))
    area = (40 * 40 + math.pi * 20**2) - (20 * 10 + math.pi * 5**2) - math.pi * 6 * 3
    return Profile(_single_face(sketch._faces), area, (-40, -20, 40, 20))


def _at(r: float, degrees: float) -> cq.Vector:
    return cq.Vector(r * math.cos(math.radians(degrees)), r * math.sin(math.radians(degrees)), 0)


@cache
def pocketed_disk() -> Profile:
    """An r150 disk with an r20 centre hole and six 40° annular pockets from r60 to r120, like a
    reduced-weight rotor disk."""
    disk = cq.Face.makeFromWires(cq.Wire.makeCircle(150, cq.Vector(), Z),
                                 [cq.Wire.makeCircle(20, cq.Vector(), Z)])
    for k in range(6):
        a0, a1 = 60 * k, 60 * k + 40
        pocket = cq.Wire.assembleEdges([
            cq.Edge.makeLine(_at(60, a0), _at(120, a0)),
            cq.Edge.makeThreePointArc(_at(120, a0), _at(120, a0 + 20), _at(120, a1)),
            cq.Edge.makeLine(_at(120, a1), _at(60, a1)),
            cq.Edge.makeThreePointArc(_at(60, a1), _at(60, a0 + 20), _at(60, a0)),
        ])
        disk = disk.cut(cq.Face.makeFromWires(pocket)).Faces()[0]
    area = math.pi * (150**2 - 20**2) - 6 * (40 / 360) * math.pi * (120**2 - 60**2)
    return Profile(disk, area, (-150, -150, 150, 150))


@cache
def notched_disk() -> Profile:
    """An r50 disk less its first quadrant: one arc of 270° (SVG's large-arc flag)."""
    disk = cq.Face.makeFromWires(cq.Wire.makeCircle(50, cq.Vector(), Z))
    notched = disk.cut(cq.Face.makePlane(60, 60, basePnt=(30, 30, 0))).Faces()[0]
    return Profile(notched, 0.75 * math.pi * 50**2, (-50, -50, 50, 50))


@cache
def spline_plate() -> Profile:
    """A plate whose right side is a spline (its area is OCCT's, no closed form): the outline's
    only polyline in an outer loop."""
    face = _single_face(cq.Workplane().moveTo(0, 0).lineTo(100, 0)
                        .spline([(130, 50), (100, 100)], includeCurrent=True)
                        .lineTo(0, 100).close().extrude(1).faces("<Z").val())
    box = face.BoundingBox()
    return Profile(face, face.Area(), (box.xmin, box.ymin, box.xmax, box.ymax))


def rectangle(width: float, height: float, x: float = 0, y: float = 0) -> cq.Face:
    """A width × height rectangle whose lower left corner is at (x, y)."""
    return cq.Face.makePlane(height, width, basePnt=(x + width / 2, y + height / 2, 0))


ALL = {"holed_plate": holed_plate, "slotted_stadium": slotted_stadium,
       "pocketed_disk": pocketed_disk, "notched_disk": notched_disk, "spline_plate": spline_plate}
