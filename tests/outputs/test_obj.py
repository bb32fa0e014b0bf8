"""OBJ: read back with a small parser; objects and wires named and ordered for the viewer, every
index valid, outward unit normals that shade curved faces round, triangles that cover the surface,
edges drawn once on the mesh, copies sharing one mesh written as if built apart, the digits of
decimal(), and a size that leaves the whole turbine well under 3 MB."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import cadquery as cq
import pytest
from flat_profiles import holed_plate
from OCP.BRep import BRep_Tool
from OCP.BRepBuilderAPI import BRepBuilderAPI_Transform
from OCP.gp import gp_Ax1, gp_Ax2, gp_Dir, gp_Pnt, gp_Trsf, gp_Vec
from OCP.TopAbs import TopAbs_FACE, TopAbs_REVERSED
from OCP.TopExp import TopExp_Explorer
from OCP.TopLoc import TopLoc_Location
from OCP.TopoDS import TopoDS

from cadstream.cad.parts import Part
from cadstream.outputs.decimals import decimal
from cadstream.outputs.obj import default_tolerance, obj_text

Vec = tuple[float, float, float]


@dataclass
class Obj:
    """One ``o`` object: its own vertices (global 1-based indices), triangles as (vertex,
    normal) index pairs, and polylines."""

    name: str
    vertices: list[int] = field(default_factory=list)
    triangles: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    polylines: list[list[int]] = field(default_factory=list)


@dataclass
class Parsed:
    objects: list[Obj]
    v: list[Vec]
    vn: list[Vec]

    def point(self, index: int) -> Vec:
        return self.v[index - 1]

    def normal(self, index: int) -> Vec:
        return self.vn[index - 1]

    def named(self, name: str) -> Obj:
        (found,) = (o for o in self.objects if o.name == name)
        return found

    def wires_of(self, name: str) -> list[Obj]:
        return [o for o in self.objects if re.fullmatch(re.escape(name) + r"Wire\d+", o.name)]


def parse(text: str) -> Parsed:
    """Parse the subset of OBJ we write, failing on anything else."""
    parsed = Parsed([], [], [])
    assert text.endswith("\n")
    for line in text.splitlines():
        kind, *rest = line.split(" ")
        if kind == "o":
            (name,) = rest
            parsed.objects.append(Obj(name))
        elif kind == "v":
            parsed.v.append(_vec(rest))
            parsed.objects[-1].vertices.append(len(parsed.v))
        elif kind == "vn":
            parsed.vn.append(_vec(rest))
        elif kind == "f":
            triangle = tuple(_pair(corner) for corner in rest)
            assert len(triangle) == 3
            parsed.objects[-1].triangles.append(triangle)
        elif kind == "l":
            parsed.objects[-1].polylines.append([int(k) for k in rest])
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return parsed


def _vec(fields: list[str]) -> Vec:
    x, y, z = (float(f) for f in fields)
    return (x, y, z)


def _pair(corner: str) -> tuple[int, int]:
    vertex, empty, normal = corner.split("/")
    assert empty == ""
    return (int(vertex), int(normal))


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _norm(a: Vec) -> float:
    return math.sqrt(_dot(a, a))


def _corners(parsed: Parsed, triangle: tuple[tuple[int, int], ...]) -> list[Vec]:
    return [parsed.point(v) for v, _ in triangle]


def _area(parsed: Parsed, obj: Obj) -> float:
    total = 0.0
    for triangle in obj.triangles:
        a, b, c = _corners(parsed, triangle)
        total += _norm(_cross(_sub(b, a), _sub(c, a))) / 2
    return total


BOX = cq.Solid.makeBox(10, 20, 30)
CYLINDER = cq.Solid.makeCylinder(10, 30)
PLATE = cq.Solid.extrudeLinear(holed_plate().face, cq.Vector(0, 0, 6))
SPHERE = cq.Solid.makeSphere(15, angleDegrees1=-90)


def _mirrored_box() -> cq.Shape:
    """The box behind a location that mirrors it in the YZ plane (a negative determinant)."""
    mirror = gp_Trsf()
    mirror.SetMirror(gp_Ax2(gp_Pnt(0, 0, 0), gp_Dir(1, 0, 0)))
    return cq.Shape.cast(BOX.wrapped.Moved(TopLoc_Location(mirror)))


def _ring() -> cq.Shape:
    """One box placed eight times around Z, as repeated parts are: shared geometry, eight
    locations."""
    box = cq.Solid.makeBox(20, 10, 5)
    return cq.Compound.makeCompound([
        box.moved(cq.Location(cq.Vector(50, 0, 0))).moved(
            cq.Location(cq.Vector(), cq.Vector(0, 0, 1), 45 * k)) for k in range(8)])


SLEEVE = cq.Solid.makeCylinder(10, 20).cut(cq.Solid.makeCylinder(4, 20))


def _placements() -> list[gp_Trsf]:
    """As it is, moved, turned about a slanted axis, mirrored in a slanted plane, and mirrored
    through a point."""
    moved, turned, mirrored, through = gp_Trsf(), gp_Trsf(), gp_Trsf(), gp_Trsf()
    moved.SetTranslation(gp_Vec(40, 0, 0))
    turned.SetRotation(gp_Ax1(gp_Pnt(0, 40, 0), gp_Dir(1, 1, 1)), 0.7)
    mirrored.SetMirror(gp_Ax2(gp_Pnt(-40, 0, 0), gp_Dir(1, 0, 1)))
    through.SetMirror(gp_Pnt(0, 0, 40))
    return [gp_Trsf(), moved, turned, mirrored, through]


def _sleeves() -> cq.Shape:
    """A sleeve, its bore's wall a reversed face, placed at each of _placements() as repeated
    parts are: one triangulation behind five locations, two of them mirrors."""
    return cq.Compound.makeCompound([cq.Shape.cast(SLEEVE.wrapped.Moved(TopLoc_Location(t)))
                                     for t in _placements()])


SHAPES: dict[str, cq.Shape] = {
    "Box": BOX, "Cylinder": CYLINDER, "Plate": PLATE, "Sphere": SPHERE,
    "Tilted": BOX.moved(cq.Location(cq.Vector(100, 0, 0), cq.Vector(1, 1, 0), 30)),
    "Mirrored": _mirrored_box(), "Ring": _ring(), "Sleeves": _sleeves(),
}


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return parse(obj_text([Part(name, shape) for name, shape in SHAPES.items()]))


def test_objects_in_order_each_followed_by_its_wires(parsed: Parsed) -> None:
    meshes = [o.name for o in parsed.objects if not re.search(r"Wire\d+$", o.name)]
    assert meshes == list(SHAPES)
    expected: list[str] = []
    for name in SHAPES:
        expected.append(name)
        expected += [f"{name}Wire{i}" for i in range(len(parsed.wires_of(name)))]
    assert [o.name for o in parsed.objects] == expected


def test_every_index_is_valid_and_local(parsed: Parsed) -> None:
    for obj in parsed.objects:
        own = set(obj.vertices)
        for triangle in obj.triangles:
            assert {v for v, _ in triangle} <= own, obj.name
            assert all(1 <= n <= len(parsed.vn) for _, n in triangle)
        for polyline in obj.polylines:
            assert set(polyline) <= own, obj.name
    assert sum(len(o.vertices) for o in parsed.objects) == len(parsed.v)


def test_normals_are_unit_and_written_once(parsed: Parsed) -> None:
    for normal in parsed.vn:
        assert _norm(normal) == pytest.approx(1, abs=2e-3)
    assert len(set(parsed.vn)) == len(parsed.vn)


def test_winding_agrees_with_the_normals(parsed: Parsed) -> None:
    """three.js culls and lights by winding: every triangle must turn counter-clockwise seen from
    the side its normals point to."""
    for obj in parsed.objects:
        for triangle in obj.triangles:
            a, b, c = _corners(parsed, triangle)
            facing = _cross(_sub(b, a), _sub(c, a))
            if _norm(facing) < 1e-9:
                continue
            for _, n in triangle:
                assert _dot(facing, parsed.normal(n)) > 0, obj.name


@pytest.mark.parametrize("name", ["Box", "Tilted", "Mirrored", "Ring"])
def test_box_normals_are_flat_and_outward(parsed: Parsed, name: str) -> None:
    """Every corner of a box face carries that face's own normal, pointing out of the box."""
    obj = parsed.named(name)
    boxes = SHAPES[name].Solids()
    for triangle in obj.triangles:
        normals = {parsed.normal(n) for _, n in triangle}
        assert len(normals) == 1, "a flat face shades flat"
        (normal,) = normals
        corners = _corners(parsed, triangle)
        middle = tuple(sum(c[i] for c in corners) / 3 for i in range(3))
        box = min(boxes, key=lambda s: _norm(_sub(middle, s.Center().toTuple())))  # type: ignore[arg-type]
        assert _dot(normal, _sub(middle, box.Center().toTuple())) > 0  # type: ignore[arg-type]
    if name in ("Box", "Mirrored"):
        axes = {(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)}
        assert {parsed.normal(n) for t in obj.triangles for _, n in t} == axes


def test_cylinder_shades_round(parsed: Parsed) -> None:
    obj = parsed.named("Cylinder")
    side = 0
    for triangle in obj.triangles:
        for v, n in triangle:
            (x, y, z), normal = parsed.point(v), parsed.normal(n)
            on_cap = normal[2] != 0
            if on_cap:
                assert normal == ((0, 0, 1) if z == 30 else (0, 0, -1))
            else:
                side += 1
                assert math.hypot(x, y) == pytest.approx(10, abs=1e-3)
                assert _dot(normal, (x / 10, y / 10, 0)) == pytest.approx(1, abs=2e-3)
    assert side > 0


def test_hole_walls_face_into_the_hole(parsed: Parsed) -> None:
    """A hole's wall is a reversed face: its normals point at the hole's axis, out of the steel."""
    obj = parsed.named("Plate")
    holes = [((20, 20), 6), ((180, 20), 6), ((20, 100), 6), ((180, 100), 6), ((100, 60), 20)]
    walls = 0
    for triangle in obj.triangles:
        for v, n in triangle:
            (x, y, _), normal = parsed.point(v), parsed.normal(n)
            if normal[2] != 0 or abs(normal[0]) == 1 or abs(normal[1]) == 1:
                continue
            (cx, cy), r = next(h for h in holes if abs(math.dist((x, y), h[0]) - h[1]) < 1e-3)
            walls += 1
            assert _dot(normal, ((cx - x) / r, (cy - y) / r, 0)) == pytest.approx(1, abs=2e-3)
    assert walls > 0


@pytest.mark.parametrize("name", list(SHAPES))
def test_triangles_cover_the_surface(parsed: Parsed, name: str) -> None:
    assert _area(parsed, parsed.named(name)) == pytest.approx(SHAPES[name].Area(), rel=0.01)


def test_vertices_per_face_and_edges_once(parsed: Parsed) -> None:
    box = parsed.named("Box")
    assert len(box.vertices) == 6 * 4, "corners are not shared between faces"
    assert len(box.triangles) == 6 * 2
    wires = parsed.wires_of("Box")
    assert len(wires) == 12
    for wire in wires:
        assert wire.polylines == [wire.vertices], "one straight polyline of two points"
        assert len(wire.vertices) == 2
    # The cylinder's two circles and no seam; each closes on its first vertex.
    circles = parsed.wires_of("Cylinder")
    assert len(circles) == 2
    for wire in circles:
        (polyline,) = wire.polylines
        assert polyline == [*wire.vertices, wire.vertices[0]]
        assert {parsed.point(v)[2] for v in wire.vertices} in ({0.0}, {30.0})
        assert 20 < len(wire.vertices) < 100
    # The plate: 4 sides, 4 verticals, 4 top and 4 bottom edges, two circles per hole.
    assert len(parsed.wires_of("Plate")) == 12 + 5 * 2
    assert len(parsed.wires_of("Ring")) == 8 * 12
    assert len(parsed.wires_of("Sleeves")) == 5 * 4
    assert parsed.wires_of("Sphere") == []


def test_edges_lie_on_the_mesh(parsed: Parsed) -> None:
    for name in SHAPES:
        mesh = {parsed.point(v) for v in parsed.named(name).vertices}
        for wire in parsed.wires_of(name):
            assert all(parsed.point(v) in mesh for v in wire.vertices), wire.name


def test_short_numbers() -> None:
    text = obj_text([Part("Tilted", SHAPES["Tilted"])])
    for line in text.splitlines():
        kind, *numbers = line.split(" ")
        if kind in ("v", "vn"):
            places = 4 if kind == "v" else 3
            for number in numbers:
                assert re.fullmatch(rf"-?\d+(\.\d{{0,{places - 1}}}[1-9])?", number), line
                assert number != "-0"


def test_default_tolerance_follows_the_part_size() -> None:
    assert default_tolerance(cq.Solid.makeBox(1, 1, 1)) == 0.1
    assert default_tolerance(cq.Face.makePlane(300, 400)) == pytest.approx(1.0, rel=1e-6)
    coarse = parse(obj_text([Part("C", cq.Solid.makeCylinder(10, 30))], tolerance=1))
    fine = parse(obj_text([Part("C", cq.Solid.makeCylinder(10, 30))], tolerance=0.001,
                          angular_tolerance=0.05))
    assert len(fine.v) > 4 * len(coarse.v)


def test_text_depends_on_the_arguments_only() -> None:
    """A finer mesh left in the shape by earlier work is replaced, not reused."""
    shape = cq.Solid.makeCylinder(10, 30)
    first = obj_text([Part("C", shape)])
    obj_text([Part("C", shape)], tolerance=0.001, angular_tolerance=0.05)
    assert obj_text([Part("C", shape)]) == first
    assert obj_text([Part("C", cq.Solid.makeCylinder(10, 30))]) == first


def test_text_is_the_same_every_time() -> None:
    parts = [Part(name, shape) for name, shape in SHAPES.items()]
    assert obj_text(parts) == obj_text(parts)


def _vertex_set(parsed: Parsed) -> list[tuple[Vec, Vec]]:
    """Every mesh vertex as its point and normal, sorted."""
    return sorted({(parsed.point(v), parsed.normal(n)) for o in parsed.objects
                   for triangle in o.triangles for v, n in triangle})


def _wire_points(parsed: Parsed) -> list[tuple[Vec, ...]]:
    return sorted(tuple(parsed.point(v) for v in o.vertices) for o in parsed.objects
                  if re.search(r"Wire\d+$", o.name))


def test_copies_come_out_as_solids_built_apart() -> None:
    """Copies sharing one mesh behind their locations are written with the points, normals and
    edges of solids whose geometry was transformed, meshed and written one by one (the mesher
    may split a mirrored flat face along the other diagonal, so triangles are only counted)."""
    copies = parse(obj_text([Part("Sleeves", SHAPES["Sleeves"])], tolerance=0.05))
    built_apart = [cq.Shape.cast(BRepBuilderAPI_Transform(SLEEVE.wrapped, t, True).Shape())
                   for t in _placements()]
    apart = parse(obj_text([Part(f"Sleeve{k}_", shape) for k, shape in enumerate(built_apart)],
                           tolerance=0.05))
    assert _vertex_set(copies) == _vertex_set(apart)
    assert _wire_points(copies) == _wire_points(apart)
    assert (sum(len(o.triangles) for o in copies.objects)
            == sum(len(o.triangles) for o in apart.objects))


def _numbers(coordinates: tuple[float, float, float], places: int) -> str:
    return " ".join(decimal(c, places) for c in coordinates)


def _expected_vertices(shape: cq.Shape) -> list[tuple[str, str]]:
    """Each mesh node as decimal() writes OCCT's own transform of its point and normal."""
    expected = []
    explorer = TopExp_Explorer(shape.wrapped, TopAbs_FACE)
    while explorer.More():
        face = TopoDS.Face_s(explorer.Current())
        location = TopLoc_Location()
        triangulation = BRep_Tool.Triangulation_s(face, location)
        transform = location.Transformation()
        for i in range(1, triangulation.NbNodes() + 1):
            normal = triangulation.Normal(i).Transformed(transform)
            if face.Orientation() == TopAbs_REVERSED:
                normal = normal.Reversed()
            expected.append((_numbers(triangulation.Node(i).Transformed(transform).Coord(), 4),
                             _numbers(normal.Coord(), 3)))
        explorer.Next()
    return expected


def _written_vertices(text: str) -> list[tuple[str, str]]:
    """Each mesh vertex of a one-part OBJ as its ``v`` numbers and the ``vn`` numbers that its
    triangles give it."""
    points: list[str] = []
    normals: list[str] = []
    normal_of: dict[int, str] = {}
    for line in text.splitlines():
        kind, _, numbers = line.partition(" ")
        if kind == "o" and re.search(r"Wire\d+$", numbers):
            break
        if kind == "v":
            points.append(numbers)
        elif kind == "vn":
            normals.append(numbers)
        elif kind == "f":
            for corner in numbers.split(" "):
                vertex, _, normal = corner.split("/")
                normal_of[int(vertex)] = normals[int(normal) - 1]
    return [(point, normal_of[i]) for i, point in enumerate(points, 1)]


#: Corners on and near rounding ties: 0.00005 scales to exactly 0.5 but lies just above it,
#: 0.03125 and 3.03125 are exact ties, -0.00004 rounds to zero.
TIES = cq.Solid.makeBox(1, 2.00005, 3, pnt=cq.Vector(-0.00004, 0.00005, 0.03125))


@pytest.mark.parametrize("shape", [TIES, cq.Shape.cast(TIES.wrapped.Moved(
    TopLoc_Location(_placements()[3]))), SHAPES["Tilted"], SHAPES["Sleeves"], SHAPES["Plate"]],
    ids=["Ties", "MirroredTies", "Tilted", "Sleeves", "Plate"])
def test_numbers_are_decimal_of_the_occt_transform(shape: cq.Shape) -> None:
    """Points and normals are computed for whole parts at once, yet read digit for digit as
    decimal() of OCCT's own transform of each mesh node."""
    text = obj_text([Part("P", shape)])
    assert _written_vertices(text) == _expected_vertices(shape)


@pytest.mark.parametrize(("names", "message"), [
    (["Bolts", "Bolts"], "unique; repeated: Bolts"),
    (["Frame Left"], "without white space"),
    (["Tail_VaneWire0"], "not end in Wire<digits>"),
    ([""], "non-empty"),
])
def test_names_the_viewer_would_misread_are_refused(names: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        obj_text([Part(name, BOX) for name in names])


def _disk(radius: float, holes: int, thickness: float) -> cq.Shape:
    """A steel disk with a centre hole and a ring of stud holes."""
    ring = [(0.8 * radius * math.cos(2 * math.pi * k / holes),
             0.8 * radius * math.sin(2 * math.pi * k / holes)) for k in range(holes)]
    return (cq.Workplane().circle(radius).circle(0.15 * radius).extrude(thickness)
            .faces(">Z").workplane().pushPoints(ring).hole(0.08 * radius).val())


def _studs(count: int, radius: float, length: float) -> cq.Shape:
    stud = cq.Solid.makeCylinder(6, length)
    return cq.Compound.makeCompound([
        stud.moved(cq.Location(cq.Vector(radius * math.cos(2 * math.pi * k / count),
                                         radius * math.sin(2 * math.pi * k / count), 0)))
        for k in range(count)])


def test_a_turbine_sized_assembly_stays_small() -> None:
    """60 parts like a turbine's (disks with holes, a magnet ring, stud sets, a pipe, a plate and
    51 nuts) come to about 0.75 MB (a rotor disk 63 kB, a nut 8 kB)."""
    nut = cq.Workplane().polygon(6, 19).extrude(10).faces(">Z").workplane().hole(12).val()
    pipe = cq.Workplane().circle(25).circle(22).extrude(1800).val()
    plate = (cq.Workplane().rect(800, 600).extrude(9).faces(">Z").workplane()
             .rarray(100, 1, 6, 1).hole(10).val())
    parts = [Part("Rotor_Disk_Back", _disk(225, 12, 10)),
             Part("Rotor_Disk_Front", _disk(225, 12, 10)),
             Part("Stator_ResinCast", _disk(250, 6, 13)), Part("Hub_Flange", _disk(80, 6, 8)),
             Part("Rotor_Magnets_Back", _ring()), Part("Studs_Hub", _studs(6, 60, 100)),
             Part("Studs_Frame", _studs(4, 200, 300)), Part("Tail_Boom_Pipe", pipe),
             Part("Tail_Vane", plate)]
    parts += [Part(f"Nut_{i}_", nut.moved(cq.Location(cq.Vector(30 * i, 0, 0))))
              for i in range(51)]
    text = obj_text(parts)
    assert len(text.encode()) < 1_000_000
    assert len(parse(text).objects) > 60
