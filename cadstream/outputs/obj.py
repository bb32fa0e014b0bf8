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

Speed: the turbine has to mesh and export in a fraction of a second, and reading a mesh through
OCP costs about a microsecond a number, so nothing is done per number in Python. Repeated parts
(studs, nuts, magnets, coils) are moved copies of one solid whose faces share one triangulation:
each triangulation and edge polygon is read into numpy once per call and every copy only applies
its own location, one part at a time. Numbers become text by table look-up and one join, with
the same digits as :func:`~cadstream.outputs.decimals.decimal`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import cadquery as cq
import numpy as np
import numpy.typing as npt
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

__all__ = ["DEFAULT_ANGULAR_TOLERANCE", "default_tolerance", "obj_text"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Texts = npt.NDArray[np.object_]

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
#: A ``v`` line as strings that join into it: for each coordinate its sign (with the text
#: before it), integer part and fraction, then the line's end.
_TOKENS_PER_POINT = 10
_FIRST_SIGNS = np.array(["v ", "v -"], dtype=object)
_SIGNS = np.array([" ", " -"], dtype=object)
_TRIANGLE = "f %d//%d %d//%d %d//%d\n"
#: A rounded unit normal has components in [-1000, 1000]; this offset and base pack the three
#: into one integer key.
_NORMAL_OFFSET = 2048
_NORMAL_BASE = 4096


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
    meshes = _Meshes()
    chunks: list[str] = []
    normals: dict[int, int] = {}
    vertices = 0
    for part in parts:
        shape = part.shape.wrapped
        deflection = default_tolerance(part.shape) if tolerance is None else tolerance
        _mesh(shape, deflection, angular_tolerance)
        chunks.append(f"o {part.name}\n")
        vertices = _add_faces(_faces(shape, meshes), chunks, normals, vertices)
        vertices = _add_edges(part.name, _edges(shape, meshes), chunks, vertices)
    return "".join(chunks) or "\n"  # as ever: an empty OBJ is one empty line


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


@dataclass(frozen=True)
class _Triangulation:
    """A face's mesh in the face's own frame: ``nodes`` and unit ``normals`` (n × 3, normals
    following the surface, not the face's orientation) and ``triangles`` (m × 3, from 0)."""

    nodes: Floats
    normals: Floats
    triangles: Ints


@dataclass(frozen=True)
class _Placement:
    """A location as a 3 × 4 matrix (rotation and scale, then translation); ``mirrors`` when its
    determinant is negative, which turns the winding of triangles."""

    matrix: Floats
    mirrors: bool


@dataclass(frozen=True)
class _Face:
    """A face's mesh, where the face is, and whether it faces against its surface."""

    triangulation: _Triangulation
    placement: _Placement
    reversed: bool


@dataclass(frozen=True)
class _Edge:
    """An edge's polygon: its points in the frame of the face it was taken from, and where that
    face is."""

    points: Floats
    placement: _Placement


class _Meshes:
    """OCCT's meshes for one :func:`obj_text` call, each read into numpy once.

    Copies of a solid share its faces' triangulations and its edges' polygons, and only their
    locations differ, so a part of forty studs reads one stud. OCP hands back the same Python
    wrapper for a C++ object as long as one is alive; the wrappers are kept here with what was
    read from them, so ``id()`` of a wrapper is a sound key for the life of this object.
    """

    def __init__(self) -> None:
        self._triangulations: dict[int, tuple[Any, _Triangulation]] = {}
        self._polygons: dict[int, tuple[Any, Floats | None]] = {}
        self._placements: dict[int, list[tuple[Any, _Placement]]] = {}

    def face(self, face: Any) -> _Face | None:
        """``face``'s mesh and location, or None if it has no mesh."""
        location = TopLoc_Location()
        triangulation = BRep_Tool.Triangulation_s(face, location)
        if triangulation is None:
            return None
        return _Face(self._triangulation(face, triangulation), self._placement(location),
                     face.Orientation() == TopAbs_REVERSED)

    def edge(self, edge: Any, face: Any) -> _Edge | None:
        """``edge``'s polygon on ``face``'s mesh, or None for an edge the part does not show: a
        seam (closed on the face), a degenerate edge, or one without a polygon."""
        location = TopLoc_Location()
        triangulation = BRep_Tool.Triangulation_s(face, location)
        if triangulation is None:
            return None
        polygon = BRep_Tool.PolygonOnTriangulation_s(edge, triangulation, location)
        if polygon is None:
            return None
        known = self._polygons.get(id(polygon))
        if known is None:
            # Every copy of the edge is a seam or degenerate alike: decide for the polygon.
            points = None
            if not (BRep_Tool.Degenerated_s(edge) or BRep_Tool.IsClosed_s(edge, face)):
                nodes = [polygon.Node(k) - 1 for k in range(1, polygon.NbNodes() + 1)]
                points = self._triangulation(face, triangulation).nodes[nodes]
            known = self._polygons[id(polygon)] = (polygon, points)
        points = known[1]
        return None if points is None else _Edge(points, self._placement(location))

    def _triangulation(self, face: Any, triangulation: Any) -> _Triangulation:
        known = self._triangulations.get(id(triangulation))
        if known is None:
            known = self._triangulations[id(triangulation)] = (
                triangulation, _read_triangulation(face, triangulation))
        return known[1]

    def _placement(self, location: Any) -> _Placement:
        """``location`` as a matrix, read once for all faces and edges of a solid's copy (they
        share one location)."""
        bucket = self._placements.setdefault(location.HashCode(), [])
        for known, placement in bucket:
            if known.IsEqual(location):
                return placement
        transform = location.Transformation()
        value = transform.Value
        matrix = np.array([[value(row, column) for column in (1, 2, 3, 4)]
                           for row in (1, 2, 3)], dtype=np.float64)
        placement = _Placement(matrix, transform.IsNegative())
        bucket.append((location, placement))
        return placement


def _read_triangulation(face: Any, triangulation: Any) -> _Triangulation:
    """Read a triangulation, computing its normals from ``face``'s surface first.

    Read by index: ending an OCP iterator raises a C++ exception that costs about 0.2 ms, which
    once per face was most of the old export's time.
    """
    BRepLib_ToolTriangulatedShape.ComputeNormals_s(face, triangulation)
    count = triangulation.NbNodes()
    nodes = [triangulation.Node(i).Coord() for i in range(1, count + 1)]
    normals = [triangulation.Normal(i).Coord() for i in range(1, count + 1)]
    triangles = [triangulation.Triangle(i).Get()
                 for i in range(1, triangulation.NbTriangles() + 1)]
    return _Triangulation(np.array(nodes, dtype=np.float64).reshape(-1, 3),
                          np.array(normals, dtype=np.float64).reshape(-1, 3),
                          np.array(triangles, dtype=np.int64).reshape(-1, 3) - 1)


def _faces(shape: Any, meshes: _Meshes) -> list[_Face]:
    """The meshed faces of ``shape`` in OCCT's order."""
    faces = []
    explorer = TopExp_Explorer(shape, TopAbs_FACE)
    while explorer.More():
        face = meshes.face(TopoDS.Face_s(explorer.Current()))
        if face is not None:
            faces.append(face)
        explorer.Next()
    return faces


def _edges(shape: Any, meshes: _Meshes) -> list[_Edge]:
    """Each real edge of ``shape`` once, on the mesh of the first face that has it."""
    faces_of = TopTools_IndexedDataMapOfShapeListOfShape()
    TopExp.MapShapesAndAncestors_s(shape, TopAbs_EDGE, TopAbs_FACE, faces_of)
    edges = []
    for i in range(1, faces_of.Extent() + 1):
        edge = meshes.edge(TopoDS.Edge_s(faces_of.FindKey(i)),
                           TopoDS.Face_s(faces_of.FindFromIndex(i).First()))
        if edge is not None:
            edges.append(edge)
    return edges


def _add_faces(faces: Sequence[_Face], chunks: list[str], normals: dict[int, int],
               offset: int) -> int:
    """Append one part's faces, each as its new normals, its vertices and its triangles; return
    the new vertex count. ``normals`` maps every normal written so far to its ``vn`` index.

    A triangulation lives in its face's frame and follows its surface's orientation: the
    location moves points and turns normals, a reversed face flips normals and winding, and a
    mirroring location flips the winding back once more (normals follow the mirror by
    themselves).
    """
    if not faces:
        return offset
    node_counts = np.array([len(face.triangulation.nodes) for face in faces])
    face_of_node = np.repeat(np.arange(len(faces)), node_counts)
    matrices = np.stack([face.placement.matrix for face in faces])[face_of_node]
    points = _moved(np.concatenate([face.triangulation.nodes for face in faces]), matrices)
    directions = _turned(np.concatenate([face.triangulation.normals for face in faces]),
                         matrices)
    flipped = np.array([face.reversed for face in faces])[face_of_node]
    directions[flipped] *= -1
    node_starts = np.cumsum(node_counts) - node_counts
    normal_of_node, new_normals = _normal_indices(directions, node_starts, normals)

    triangle_counts = np.array([len(face.triangulation.triangles) for face in faces])
    triangles = np.concatenate([face.triangulation.triangles for face in faces])
    turned = np.array([face.reversed != face.placement.mirrors for face in faces])
    turned = np.repeat(turned, triangle_counts)
    triangles[turned] = triangles[turned][:, [0, 2, 1]]
    triangles += np.repeat(node_starts, triangle_counts)[:, None]
    corners = np.empty((len(triangles), 6), dtype=np.int64)
    corners[:, 0::2] = triangles + offset + 1
    corners[:, 1::2] = normal_of_node[triangles]
    numbers = corners.ravel().tolist()

    tokens = _point_tokens(_rounded(points, _COORDINATE_PLACES))
    node = triangle = 0
    for new, nodes, count in zip(new_normals, node_counts.tolist(), triangle_counts.tolist(),
                                 strict=True):
        chunks.append(new)
        chunks.append("".join(tokens[_TOKENS_PER_POINT * node:
                                     _TOKENS_PER_POINT * (node + nodes)]))
        chunks.append(_TRIANGLE * count % tuple(numbers[6 * triangle:6 * (triangle + count)]))
        node += nodes
        triangle += count
    return offset + node


def _normal_indices(directions: Floats, face_starts: Ints,
                    normals: dict[int, int]) -> tuple[Ints, list[str]]:
    """Each node's ``vn`` index, and for each face (starting at ``face_starts``) the ``vn``
    lines of the normals first used there. New normals are numbered in order of first use, so
    each is written before the first triangle that refers to it."""
    rounded = _rounded(directions, _NORMAL_PLACES)
    keys = ((rounded[:, 0] + _NORMAL_OFFSET) * _NORMAL_BASE
            + rounded[:, 1] + _NORMAL_OFFSET) * _NORMAL_BASE + rounded[:, 2] + _NORMAL_OFFSET
    unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    first_face = np.asarray(np.searchsorted(face_starts, first, side="right")) - 1
    indices = np.empty(len(unique), dtype=np.int64)
    lines: list[list[str]] = [[] for _ in face_starts]
    for u in np.argsort(first).tolist():
        key = int(unique[u])
        index = normals.get(key)
        if index is None:
            index = normals[key] = len(normals) + 1
            x, y, z = (_decimal(int(c), _NORMAL_PLACES) for c in rounded[first[u]])
            lines[int(first_face[u])].append(f"vn {x} {y} {z}\n")
        indices[u] = index
    return indices[inverse.reshape(-1)], ["".join(face_lines) for face_lines in lines]


def _add_edges(name: str, edges: Sequence[_Edge], chunks: list[str], offset: int) -> int:
    """Append one part's edges as objects ``<name>Wire<i>`` of vertices and one polyline;
    return the new vertex count. A closed edge (a whole circle) ends on its first vertex rather
    than on a copy of it."""
    if not edges:
        return offset
    counts = np.array([len(edge.points) for edge in edges])
    matrices = np.stack([edge.placement.matrix for edge in edges])
    points = _moved(np.concatenate([edge.points for edge in edges]),
                    np.repeat(matrices, counts, axis=0))
    rounded = _rounded(points, _COORDINATE_PLACES)
    starts = np.cumsum(counts) - counts
    closed = np.all(rounded[starts] == rounded[starts + counts - 1], axis=1)
    tokens = _point_tokens(rounded)
    for index, (start, count, ends_on_first) in enumerate(
            zip(starts.tolist(), counts.tolist(), closed.tolist(), strict=True)):
        drawn = count - 1 if ends_on_first else count
        polyline = " ".join(map(str, range(offset + 1, offset + drawn + 1)))
        if ends_on_first:
            polyline += f" {offset + 1}"
        chunks.append(f"o {name}Wire{index}\n")
        chunks.append("".join(tokens[_TOKENS_PER_POINT * start:
                                     _TOKENS_PER_POINT * (start + drawn)]))
        chunks.append(f"l {polyline}\n")
        offset += drawn
    return offset


def _moved(points: Floats, matrices: Floats) -> Floats:
    """Each point (n × 3) moved by its own matrix (n × 3 × 4), summed in gp_Trsf's order so
    that the digits match OCCT's own transform."""
    x, y, z = (points[:, i, None] for i in range(3))
    moved: Floats = (matrices[:, :, 0] * x + matrices[:, :, 1] * y + matrices[:, :, 2] * z
                     + matrices[:, :, 3])
    return moved


def _turned(directions: Floats, matrices: Floats) -> Floats:
    """Each unit vector turned by its own matrix's rotation (and mirror) and made unit again,
    as gp_Dir.Transformed does."""
    x, y, z = (directions[:, i, None] for i in range(3))
    turned = matrices[:, :, 0] * x + matrices[:, :, 1] * y + matrices[:, :, 2] * z
    tx, ty, tz = turned[:, 0], turned[:, 1], turned[:, 2]
    unit: Floats = turned / np.sqrt(tx * tx + ty * ty + tz * tz)[:, None]
    return unit


def _rounded(values: Floats, places: int) -> Ints:
    """``values`` in units of 10**-places, rounded as ``f"{x:.{places}f}"`` rounds them.

    numpy's rint of the scaled value agrees except where scaling's own rounding error could
    cross a half; the few values that close are rounded by Python.
    """
    scaled = values * 10.0**places
    rounded = np.rint(scaled)
    doubtful = np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) <= 4 * np.spacing(np.abs(scaled))
    for i in np.flatnonzero(doubtful).tolist():
        rounded.flat[i] = int(f"{values.flat[i]:.{places}f}".replace(".", ""))
    return rounded.astype(np.int64)


def _point_tokens(rounded: Ints) -> list[str]:
    """The ``v`` lines of points (n × 3, in units of 10**-4), as _TOKENS_PER_POINT strings per
    point that join into them: no number is formatted one by one."""
    scale = 10**_COORDINATE_PLACES
    whole, part = np.divmod(np.abs(rounded), scale)
    negative = (rounded < 0).astype(np.intp)
    tokens = np.empty((len(rounded), _TOKENS_PER_POINT), dtype=object)
    tokens[:, 0] = _FIRST_SIGNS[negative[:, 0]]
    tokens[:, 3] = _SIGNS[negative[:, 1]]
    tokens[:, 6] = _SIGNS[negative[:, 2]]
    tokens[:, 1:9:3] = _integer_texts(int(whole.max(initial=0)))[whole]
    tokens[:, 2:9:3] = _fraction_texts(_COORDINATE_PLACES)[part]
    tokens[:, 9] = "\n"
    texts: list[str] = tokens.ravel().tolist()
    return texts


def _decimal(rounded: int, places: int) -> str:
    """The text of ``rounded`` × 10**-places, as :func:`~cadstream.outputs.decimals.decimal`
    writes it."""
    whole, part = divmod(abs(rounded), 10**places)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{whole}{_fraction_texts(places)[part]}"


def _integer_texts(largest: int) -> Texts:
    """``str(i)`` for every ``i`` up to at least ``largest``, to look up rather than format.
    Lengths go up in powers of two, so a few tables serve every call."""
    return _integer_table(max(1024, 1 << largest.bit_length()))


@cache
def _integer_table(length: int) -> Texts:
    return np.array([str(i) for i in range(length)], dtype=object)


@cache
def _fraction_texts(places: int) -> Texts:
    """For each remainder below 10**places, what follows a number's integer part: nothing for
    0, ``.25`` for 2500 at 4 places (trailing zeros dropped)."""
    return np.array([f".{r:0{places}d}".rstrip("0") if r else "" for r in range(10**places)],
                    dtype=object)
