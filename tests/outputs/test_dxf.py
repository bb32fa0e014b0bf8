"""DXF cut files, read back with ezdxf: millimetres, true circles and arcs, closed outlines whose
area is the part's, and the archive's layout."""

from __future__ import annotations

import io
import math
import zipfile
from collections import Counter
from itertools import pairwise

import ezdxf
import pytest
from ezdxf.document import Drawing
from ezdxf.entities import DXFGraphic
from ezdxf.math import Vec3
from flat_profiles import ALL, holed_plate, pocketed_disk, rectangle, slotted_stadium, spline_plate

from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.cad.parts import FlatPart
from cadstream.design.derive import Design
from cadstream.outputs.dxf import dxf_files, dxf_zip
from cadstream.outputs.sheets import sheets

MEET = 1e-6
Point = tuple[float, float]


def _read(data: bytes) -> Drawing:
    return ezdxf.read(io.StringIO(data.decode("utf-8")))


def _document(name: str) -> Drawing:
    return _read(dxf_files(sheets([FlatPart(name, ALL[name]().face, 6.0, "Steel", 1)]))[name])


class _Piece:
    """One DXF entity as a path: its points in drawing order and the integral ∮ x dy − y dx."""

    def __init__(self, entity: DXFGraphic) -> None:
        kind = entity.dxftype()
        if kind == "LINE":
            self.points = [_xy(entity.dxf.start), _xy(entity.dxf.end)]
            self.integral = _shoelace(self.points)
        elif kind == "LWPOLYLINE":
            self.points = [(x, y) for x, y in entity.get_points("xy")]
            if entity.closed:
                self.points.append(self.points[0])
            self.integral = _shoelace(self.points)
        else:  # ARC: counter-clockwise from start_angle to end_angle
            (cx, cy), r = _xy(entity.dxf.center), entity.dxf.radius
            t0, t1 = math.radians(entity.dxf.start_angle), math.radians(entity.dxf.end_angle)
            sweep = (t1 - t0) % (2 * math.pi)
            self.points = [(cx + r * math.cos(t0), cy + r * math.sin(t0)),
                           (cx + r * math.cos(t1), cy + r * math.sin(t1))]
            self.integral = (r * cx * (math.sin(t1) - math.sin(t0))
                             - r * cy * (math.cos(t1) - math.cos(t0)) + r * r * sweep)

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    def reverse(self) -> None:
        self.points.reverse()
        self.integral = -self.integral


def _xy(v: Vec3) -> Point:
    return (v.x, v.y)


def _shoelace(points: list[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points))


def _loop_areas(doc: Drawing) -> list[float]:
    """The unsigned area of every closed loop, chaining entities end to start; fails unless
    every chain closes within MEET and uses each entity once."""
    areas = [math.pi * c.dxf.radius**2 for c in doc.modelspace().query("CIRCLE")]
    pieces = [_Piece(e) for e in doc.modelspace().query("LINE ARC LWPOLYLINE")]
    while pieces:
        chain = [pieces.pop(0)]
        while math.dist(chain[-1].end, chain[0].start) > MEET:
            following = [p for p in pieces if min(math.dist(chain[-1].end, p.start),
                                                  math.dist(chain[-1].end, p.end)) < MEET]
            assert len(following) == 1, f"the loop does not continue from {chain[-1].end}"
            piece = following[0]
            pieces.remove(piece)
            if math.dist(chain[-1].end, piece.start) > MEET:
                piece.reverse()
            chain.append(piece)
        areas.append(abs(sum(p.integral for p in chain)) / 2)
    return areas


@pytest.mark.parametrize("name", ALL)
def test_outline_area_is_the_face_area(name: str) -> None:
    outer, *holes = sorted(_loop_areas(_document(name)), reverse=True)
    assert outer - sum(holes) == pytest.approx(ALL[name]().face.Area(), rel=1e-3)


@pytest.mark.parametrize("name", ALL)
def test_millimetres_r2010_one_layer(name: str) -> None:
    doc = _document(name)
    assert doc.dxfversion == "AC1024"
    assert doc.header["$INSUNITS"] == 4
    assert doc.header["$MEASUREMENT"] == 1
    assert {e.dxf.layer for e in doc.modelspace()} == {"0"}


def test_holes_stay_circles() -> None:
    doc = _document("holed_plate")
    assert Counter(e.dxftype() for e in doc.modelspace()) == {"LINE": 4, "CIRCLE": 5}
    assert sorted((round(c.dxf.radius, 9), _xy(c.dxf.center)) for c in
                  doc.modelspace().query("CIRCLE")) == [
        (6, (20, 20)), (6, (20, 100)), (6, (180, 20)), (6, (180, 100)), (20, (100, 60))]
    assert len(_loop_areas(doc)) == 6
    assert holed_plate().area == pytest.approx(
        max(_loop_areas(doc)) - sum(sorted(_loop_areas(doc))[:-1]), rel=1e-9)


def test_arcs_stay_arcs_and_curves_become_polylines() -> None:
    doc = _document("slotted_stadium")
    assert Counter(e.dxftype() for e in doc.modelspace()) == {"LINE": 4, "ARC": 4,
                                                              "LWPOLYLINE": 1}
    (ellipse,) = doc.modelspace().query("LWPOLYLINE")
    assert ellipse.closed
    assert slotted_stadium().area == pytest.approx(
        max(_loop_areas(doc)) - sum(sorted(_loop_areas(doc))[:-1]), rel=1e-4)


def test_an_open_polyline_joins_its_lines() -> None:
    doc = _document("spline_plate")
    assert Counter(e.dxftype() for e in doc.modelspace()) == {"LINE": 3, "LWPOLYLINE": 1}
    (spline,) = doc.modelspace().query("LWPOLYLINE")
    assert not spline.closed
    assert spline_plate().area == pytest.approx(_loop_areas(doc)[0], rel=1e-4)


def test_pockets_are_arcs_of_the_right_radii() -> None:
    doc = _document("pocketed_disk")
    assert Counter(e.dxftype() for e in doc.modelspace()) == {"CIRCLE": 2, "LINE": 12, "ARC": 12}
    radii = Counter(round(a.dxf.radius, 9) for a in doc.modelspace().query("ARC"))
    assert radii == {60: 6, 120: 6}
    assert pocketed_disk().area == pytest.approx(
        max(_loop_areas(doc)) - sum(sorted(_loop_areas(doc))[:-1]), rel=1e-9)


def test_zip_holds_one_dxf_per_part_and_the_overview_at_its_root() -> None:
    parts = [FlatPart("Rotor_Disk_Back", pocketed_disk().face, 10.0, "Steel", 1),
             FlatPart("Stator_Mold_Lid", holed_plate().face, 12.0, "Plywood", 1),
             FlatPart("Tail_Vane", rectangle(300, 500), 9.0, "Plywood", 1)]
    data = dxf_zip(dxf_files(sheets(parts)), "<svg/>")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        # The overview's order: Plywood before Steel, thinner sheets first.
        assert archive.namelist() == ["Tail_Vane.dxf", "Stator_Mold_Lid.dxf",
                                      "Rotor_Disk_Back.dxf", "overview.svg"]
        assert archive.read("overview.svg") == b"<svg/>"
        for info in archive.infolist():
            assert info.external_attr >> 16 == 0o644
        doc = _read(archive.read("Tail_Vane.dxf"))
    assert Counter(e.dxftype() for e in doc.modelspace()) == {"LINE": 4}
    assert _loop_areas(doc) == [pytest.approx(300 * 500)]


@pytest.mark.parametrize(("labels", "message"), [
    (["Tail_Vane", "Tail_Vane"], "repeated: Tail_Vane"),
    (["dxf/Tail_Vane"], "cannot name a file at the zip root"),
])
def test_zip_refuses_labels_that_are_not_file_names(labels: list[str], message: str) -> None:
    parts = [FlatPart(label, rectangle(10, 10), 6.0, "Steel", 1) for label in labels]
    with pytest.raises(ValueError, match=message):
        dxf_files(sheets(parts))


@pytest.fixture(scope="module")
def every_flat_part(designs: dict[str, Design]) -> dict[str, list[FlatPart]]:
    """Every preset's flat parts, from all six assemblies' builders."""
    return {name: [flat for steps in ASSEMBLY_STEPS.values() for step in steps(design.cells)
                   for flat in step.build().flat_parts]
            for name, design in designs.items()}


def test_every_real_part_s_dxf_encloses_its_face_area(
        every_flat_part: dict[str, list[FlatPart]]) -> None:
    """Issue #5: every DXF's outline area equals its part's face area within 0.1 %, for every
    flat part of every preset (outer loop less the holes, chained from the file's entities)."""
    for name, parts in every_flat_part.items():
        files = dxf_files(sheets(parts))
        for part in parts:
            outer, *holes = sorted(_loop_areas(_read(files[part.label])), reverse=True)
            assert outer - sum(holes) == pytest.approx(part.profile.Area(), rel=1e-3), (
                name, part.label)
