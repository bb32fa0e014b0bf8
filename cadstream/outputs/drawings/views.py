"""Orthographic views of real solids: the visible edges a builder would see, in page coordinates.

Hidden-line removal is OCCT's exact algorithm (``HLRBRep_Algo``) on the very solids the design
builds, so a drawing shows the part as modelled, not a sketch of it. A view also projects single
points the same way, which is how drawings put their dimensions on that geometry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cadquery as cq
from OCP.BRepAdaptor import BRepAdaptor_Curve
from OCP.GCPnts import GCPnts_QuasiUniformDeflection
from OCP.gp import gp_Ax2, gp_Dir, gp_Pnt
from OCP.HLRAlgo import HLRAlgo_Projector
from OCP.HLRBRep import HLRBRep_Algo, HLRBRep_HLRToShape
from OCP.TopoDS import TopoDS_Shape

from cadstream.outputs.outline import Point

__all__ = ["View", "visible_edges"]

Vector3 = tuple[float, float, float]

#: Largest distance (mm) between a projected curve and the polyline drawn for it.
_DEFLECTION = 0.05


@dataclass(frozen=True)
class View:
    """Looking at the model from ``toward_viewer`` (pointing from the model to the eye), with
    ``right`` to the right of the page; up is ``toward_viewer × right``. Both are unit vectors
    at right angles."""

    toward_viewer: Vector3
    right: Vector3

    @property
    def up(self) -> Vector3:
        (ax, ay, az), (bx, by, bz) = self.toward_viewer, self.right
        return (ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx)

    def project(self, point: Vector3) -> Point:
        """Where a model point lands on the page."""
        return (_dot(point, self.right), _dot(point, self.up))

    def _axes(self) -> gp_Ax2:
        return gp_Ax2(gp_Pnt(0, 0, 0), gp_Dir(*self.toward_viewer), gp_Dir(*self.right))


def visible_edges(shapes: Iterable[cq.Shape], view: View) -> list[tuple[Point, ...]]:
    """The edges of ``shapes`` seen in ``view`` (sharp edges and silhouettes; the seams of smooth
    surfaces are left out), each as a polyline in page coordinates."""
    algo = HLRBRep_Algo()
    for shape in shapes:
        algo.Add(shape.wrapped)
    algo.Projector(HLRAlgo_Projector(view._axes()))
    algo.Update()
    algo.Hide()
    result = HLRBRep_HLRToShape(algo)
    lines: list[tuple[Point, ...]] = []
    for compound in (result.VCompound(), result.OutLineVCompound()):
        lines.extend(_polylines(compound))
    return lines


def _polylines(compound: TopoDS_Shape) -> list[tuple[Point, ...]]:
    if compound.IsNull():
        return []
    lines: list[tuple[Point, ...]] = []
    for edge in cq.Shape.cast(compound).Edges():
        if edge.geomType() == "LINE":
            start, end = edge.startPoint(), edge.endPoint()
            lines.append(((start.x, start.y), (end.x, end.y)))
            continue
        sampler = GCPnts_QuasiUniformDeflection(BRepAdaptor_Curve(edge.wrapped), _DEFLECTION)
        lines.append(tuple((p.X(), p.Y()) for p in
                           (sampler.Value(i) for i in range(1, sampler.NbPoints() + 1))))
    return lines


def _dot(a: Vector3, b: Vector3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
