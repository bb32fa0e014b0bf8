"""Wavefront OBJ of an assembly for the browser viewer: shaded meshes and their CAD edges.

Each part is an object ``o <Name>`` of ``v``, ``vn`` and ``f a//n b//n c//n`` lines (indices
global and 1-based, as OBJ counts across the whole file), followed by its edges: one object
``o <Name>Wire<i>`` per edge (``i`` from 0 within the part) holding ``v`` lines and a single
polyline ``l k1 k2 …``, which the viewer draws as one line.

Normals are taken from the surface at every mesh vertex, so curved faces shade round however
coarse the mesh, while vertices are not shared between faces, so flat faces and sharp edges stay
crisp. Identical normals are written once (every face of the file facing +Z shares one ``vn``).

Edges are polylines through the mesh's own boundary vertices, so they lie exactly on the shaded
surface. Where the reference writes every boundary loop of every face, drawing each shared edge
twice and each cylinder's seam as a line, we write each edge once and leave out seams and
degenerate edges (neither is an edge of the real part); the file is much smaller for it.

Size: the whole turbine must stay under 3 MB (the reference's is 37 MB). Coordinates have 4
decimals (0.1 µm), normals 3, trailing zeros dropped. OCCT's mesher splits a circle of radius r
into about max(4π / angle, π / acos(1 − deflection / 2r)) segments; with the default deflection,
which follows each part's size, a disk's rim gets about 42, and the angular tolerance leaves small
round things (studs, nuts, washers, small holes) about 16, which look round once normals are
smooth. At 0.3 rad (42 segments for those too) the Star preset's alternator alone came to 3.7 MB,
most of it fasteners; at the defaults it is 1.9 MB.

Meshing stores the triangulation in the shapes (OCCT's own cache). A finer mesh left there by
earlier work is replaced rather than reused, so the text depends on the arguments only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import cadquery as cq
from OCP.BRep import BRep_Tool
from OCP.BRepLib import BRepLib_ToolTriangulatedShape
from OCP.BRepMesh import BRepMesh_IncrementalMesh
from OCP.IMeshTools import IMeshTools_Parameters
from OCP.TopAbs import TopAbs_EDGE, TopAbs_FACE, TopAbs_REVERSED
from OCP.TopExp import TopExp, TopExp_Explorer
from OCP.TopLoc import TopLoc_Location
from OCP.TopoDS import TopoDS
from OCP.TopTools import TopTools_IndexedDataMapOfShapeListOfShape

from cadstream.cad.parts import Part
from cadstream.outputs.decimals import decimal

__all__ = ["DEFAULT_ANGULAR_TOLERANCE", "default_tolerance", "obj_text"]

#: The mesher's angular deflection (radians): no circle gets fewer than about 4π / angle
#: segments (16), however small.
DEFAULT_ANGULAR_TOLERANCE = 0.8
#: The default deflection: this fraction of a part's bounding-box diagonal, but at least
#: _MIN_DEFLECTION mm.
_RELATIVE_DEFLECTION = 0.002
_MIN_DEFLECTION = 0.1
_COORDINATE_PLACES = 4
_NORMAL_PLACES = 3
#: The viewer takes an object whose name ends so for an edge of another object.
_WIRE_NAME = re.compile(r"Wire\d+$")


def default_tolerance(shape: cq.Shape) -> float:
    """The linear deflection (mm) used for ``shape`` unless one is given: 0.2% of its bounding
    box's diagonal, at least 0.1 mm."""
    return max(_MIN_DEFLECTION, _RELATIVE_DEFLECTION * shape.BoundingBox().DiagonalLength)


def obj_text(parts: Sequence[Part], tolerance: float | None = None,
             angular_tolerance: float = DEFAULT_ANGULAR_TOLERANCE) -> str:
    """The OBJ of ``parts`` in order, meshed to ``tolerance`` mm (by default
    :func:`default_tolerance` of each part) and ``angular_tolerance`` radians.

    Raises ValueError for a name the viewer would misread: empty, with white space, repeated, or
    ending in ``Wire<digits>``.
    """
    _check_names([part.name for part in parts])
    lines: list[str] = []
    normals: dict[str, int] = {}
    vertices = 0
    for part in parts:
        shape = part.shape.wrapped
        deflection = default_tolerance(part.shape) if tolerance is None else tolerance
        _mesh(shape, deflection, angular_tolerance)
        lines.append(f"o {part.name}")
        explorer = TopExp_Explorer(shape, TopAbs_FACE)
        while explorer.More():
            vertices = _add_face(TopoDS.Face_s(explorer.Current()), lines, normals, vertices)
            explorer.Next()
        for index, points in enumerate(_edge_polylines(shape)):
            lines.append(f"o {part.name}Wire{index}")
            vertices = _add_polyline(points, lines, vertices)
    return "\n".join(lines) + "\n"


def _check_names(names: Sequence[str]) -> None:
    for name in names:
        if not name or any(c.isspace() for c in name) or _WIRE_NAME.search(name):
            raise ValueError(f"OBJ object name {name!r} must be non-empty, without white space "
                             f"and not end in Wire<digits>")
    repeated = sorted(name for name, n in Counter(names).items() if n > 1)
    if repeated:
        raise ValueError(f"OBJ object names must be unique; repeated: {', '.join(repeated)}")


def _mesh(shape: Any, deflection: float, angle: float) -> None:
    parameters = IMeshTools_Parameters()
    parameters.Deflection = deflection
    parameters.Angle = angle
    parameters.AllowQualityDecrease = True
    BRepMesh_IncrementalMesh(shape, parameters)


def _point(node: Any) -> str:
    return (f"{decimal(node.X(), _COORDINATE_PLACES)} {decimal(node.Y(), _COORDINATE_PLACES)} "
            f"{decimal(node.Z(), _COORDINATE_PLACES)}")


def _add_face(face: Any, lines: list[str], normals: dict[str, int], offset: int) -> int:
    """Append one face's normals, vertices and triangles; return the new vertex count.

    The triangulation lives in the face's own frame and follows its surface's orientation: the
    location moves points and normals, a reversed face flips normals and winding, and a mirroring
    location flips the winding back once more (normals follow the mirror by themselves).
    """
    location = TopLoc_Location()
    triangulation = BRep_Tool.Triangulation_s(face, location)
    if triangulation is None:
        return offset
    BRepLib_ToolTriangulatedShape.ComputeNormals_s(face, triangulation)
    transform = location.Transformation()
    moved = not location.IsIdentity()
    reversed_face = face.Orientation() == TopAbs_REVERSED
    count: int = triangulation.NbNodes()
    normal_of: list[int] = []
    for i in range(1, count + 1):
        normal = triangulation.Normal(i)
        if moved:
            normal = normal.Transformed(transform)
        if reversed_face:
            normal = normal.Reversed()
        key = (f"{decimal(normal.X(), _NORMAL_PLACES)} {decimal(normal.Y(), _NORMAL_PLACES)} "
               f"{decimal(normal.Z(), _NORMAL_PLACES)}")
        index = normals.get(key)
        if index is None:
            index = normals[key] = len(normals) + 1
            lines.append(f"vn {key}")
        normal_of.append(index)
    for i in range(1, count + 1):
        node = triangulation.Node(i)
        lines.append(f"v {_point(node.Transformed(transform) if moved else node)}")
    flip = reversed_face != transform.IsNegative()
    for triangle in triangulation.Triangles():
        a, b, c = triangle.Get()
        if flip:
            b, c = c, b
        lines.append(f"f {offset + a}//{normal_of[a - 1]} {offset + b}//{normal_of[b - 1]} "
                     f"{offset + c}//{normal_of[c - 1]}")
    return offset + count


def _add_polyline(points: list[str], lines: list[str], offset: int) -> int:
    """Append one edge's vertices and its polyline; return the new vertex count. A closed edge
    (a whole circle) ends on its first vertex rather than on a copy of it."""
    closed = points[0] == points[-1]
    drawn = points[:-1] if closed else points
    lines.extend(f"v {p}" for p in drawn)
    indices = [str(offset + k) for k in range(1, len(drawn) + 1)]
    if closed:
        indices.append(indices[0])
    lines.append(f"l {' '.join(indices)}")
    return offset + len(drawn)


def _edge_polylines(shape: Any) -> Iterator[list[str]]:
    """Each real edge of ``shape`` once, as the formatted points of its mesh polygon."""
    faces_of = TopTools_IndexedDataMapOfShapeListOfShape()
    TopExp.MapShapesAndAncestors_s(shape, TopAbs_EDGE, TopAbs_FACE, faces_of)
    for i in range(1, faces_of.Extent() + 1):
        edge = TopoDS.Edge_s(faces_of.FindKey(i))
        face = TopoDS.Face_s(faces_of.FindFromIndex(i).First())
        if BRep_Tool.Degenerated_s(edge) or BRep_Tool.IsClosed_s(edge, face):
            continue
        location = TopLoc_Location()
        triangulation = BRep_Tool.Triangulation_s(face, location)
        if triangulation is None:
            continue
        polygon = BRep_Tool.PolygonOnTriangulation_s(edge, triangulation, location)
        if polygon is None:
            continue
        transform = location.Transformation()
        moved = not location.IsIdentity()
        points = []
        for k in range(1, polygon.NbNodes() + 1):
            node = triangulation.Node(polygon.Node(k))
            points.append(_point(node.Transformed(transform) if moved else node))
        yield points
