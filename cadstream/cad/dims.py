"""Typed dimensions of the alternator's parts, read once from the derived cells.

Every builder in this package takes one of these frozen records instead of the cell map, so a
part's inputs are visible in its signature and the geometry never looks up a cell by name. The
module is pure arithmetic (no CAD kernel): the few formulas that live inside the reference's part
documents rather than its spreadsheets (axial stack, stud stacks, hole patterns) are written here,
next to the cells they read, as ``derived-dimensions.md`` §20 states them. Angles are in degrees,
lengths in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cadstream.design.arith import asin, cos, sin
from cadstream.design.cells import TypedValues
from cadstream.design.coils import (
    CoilOutline,
    RectangularCoil,
    ReducedTriangularCoil,
    TriangularCoil,
    coil_outline,
)

__all__ = [
    "AlternatorDims",
    "CoilDims",
    "CoilOutline",
    "DiskDims",
    "FastenerDims",
    "HoleCircle",
    "HubDims",
    "MagnetDims",
    "Pockets",
    "RectangularCoil",
    "ReducedTriangularCoil",
    "RotorCastDims",
    "RotorDims",
    "Shape",
    "StackDims",
    "StatorDims",
    "StudDims",
    "StudItem",
    "Topology",
    "TriangularCoil",
]

Topology = Literal["Double", "Single and metal disk", "Single"]
Shape = Literal["T", "H", "Star"]

_TOPOLOGIES: tuple[Topology, ...] = ("Double", "Single and metal disk", "Single")
_SHAPES: tuple[Shape, ...] = ("T", "H", "Star")

_A = "Alternator."
_H = "Hub."


def _count(cells: TypedValues, key: str) -> int:
    """A cell that counts things; the sheets hold some counts as floats (``0.75 · magnets``)."""
    value = cells.num(key)
    if value != round(value) or value < 0:
        raise ValueError(f"cell {key} must be a whole number of parts, not {value!r}")
    return round(value)


def _topology(cells: TypedValues) -> Topology:
    value = cells.text(_A + "RotorTopology")
    for topology in _TOPOLOGIES:
        if value == topology:
            return topology
    raise ValueError(f"cell {_A}RotorTopology has an unknown topology {value!r}: "
                     f"expected one of {', '.join(_TOPOLOGIES)}")


def _shape(cells: TypedValues) -> Shape:
    value = cells.text(_A + "CalculatedWindTurbineShape")
    for shape in _SHAPES:
        if value == shape:
            return shape
    raise ValueError(f"cell {_A}CalculatedWindTurbineShape has an unknown shape {value!r}: "
                     f"expected one of {', '.join(_SHAPES)}")


@dataclass(frozen=True)
class HoleCircle:
    """``count`` round holes of ``radius`` on the circle of ``pitch_radius``.

    The first centre is at ``first_angle`` from +x; the others follow ``step`` degrees apart
    (negative steps run clockwise, as the reference's flipped sketches do).
    """

    count: int
    radius: float
    pitch_radius: float
    first_angle: float
    step: float

    @staticmethod
    def even(count: int, radius: float, pitch_radius: float, first_angle: float) -> HoleCircle:
        """Holes evenly spread over the full turn, counter-clockwise."""
        return HoleCircle(count, radius, pitch_radius, first_angle, 360 / count)

    @property
    def angles(self) -> tuple[float, ...]:
        return tuple(self.first_angle + k * self.step for k in range(self.count))

    @property
    def centres(self) -> tuple[tuple[float, float], ...]:
        r = self.pitch_radius
        return tuple((r * cos(a), r * sin(a)) for a in self.angles)


@dataclass(frozen=True)
class Pockets:
    """Through pockets of a reduced-weight disk: annular sectors between two radii.

    Each is bounded by radial lines ``half_angle`` either side of its centre line; the centre
    lines start at ``first_angle`` and repeat every ``360 / count`` degrees.
    """

    count: int
    inner_radius: float
    outer_radius: float
    half_angle: float
    first_angle: float

    @property
    def angles(self) -> tuple[float, ...]:
        return tuple(self.first_angle + k * 360 / self.count for k in range(self.count))


@dataclass(frozen=True)
class DiskDims:
    """A steel rotor disk: plate of ``radius`` × ``thickness`` with its holes and pockets."""

    radius: float
    thickness: float
    central_hole_radius: float
    hub_holes: HoleCircle
    jacking_holes: HoleCircle | None
    pockets: Pockets | None


@dataclass(frozen=True)
class MagnetDims:
    """``count`` blocks ``width`` (tangential) × ``length`` (radial) × ``thickness`` (axial), their
    inner edges centred on the circle of ``inner_radius``, the first on +y."""

    width: float
    length: float
    thickness: float
    count: int
    inner_radius: float


@dataclass(frozen=True)
class RotorCastDims:
    """The rotor's resin: a ring ``inner_radius`` … ``outer_radius``, ``height`` thick, less the
    recess (``recess_radius`` × ``recess_depth``) the steel disk fills."""

    inner_radius: float
    outer_radius: float
    height: float
    recess_radius: float
    recess_depth: float


@dataclass(frozen=True)
class RotorDims:
    """The rotors' parts: back and front disks (jacking holes in the front one), and the magnets
    and resin cast both magnet rotors share."""

    back_disk: DiskDims
    front_disk: DiskDims
    magnets: MagnetDims
    cast: RotorCastDims


@dataclass(frozen=True)
class CoilDims:
    """The coil ring: ``count`` coils of ``thickness``, each with its origin ``radial_offset`` from
    the axis and ``axial_offset`` above the stator's face; coil k is centred at
    ``90° + ring_angle + k · 360° / count``."""

    outline: CoilOutline
    count: int
    thickness: float
    radial_offset: float
    axial_offset: float
    ring_angle: float

    @property
    def angles(self) -> tuple[float, ...]:
        return tuple(self.ring_angle + k * 360 / self.count for k in range(self.count))


@dataclass(frozen=True)
class StatorDims:
    """The stator cast: circle with ears (T, H) or hexagon (Star), central hole, stud holes."""

    shape: Shape
    thickness: float
    inner_hole_radius: float
    studs: HoleCircle
    ear_size: float
    hexagon_circumradius: float
    coils: CoilDims


@dataclass(frozen=True)
class HubDims:
    """The wheel-bearing hub: flange (middle pad and two bosses), covers and stub axle."""

    middle_pad_radius: float
    middle_pad_thickness: float
    holes: HoleCircle
    bore_radius: float
    pad_wall: float
    frame_pad_radius: float
    frame_pad_width: float
    rotor_pad_radius: float
    rotor_pad_width: float
    cover_thickness: float
    stub_radius: float
    stub_length: float


@dataclass(frozen=True)
class FastenerDims:
    """A nut and the washers that go with a stud of ``radius`` (``derived-dimensions.md`` §1.5)."""

    radius: float
    nut_thickness: float
    washer_thickness: float

    @property
    def nut_circumradius(self) -> float:
        return 1.75 * self.radius

    @property
    def washer_inner_radius(self) -> float:
        return self.radius + 0.5


StudItem = tuple[Literal["nut", "washer", "wide washer"], float]


@dataclass(frozen=True)
class StudDims:
    """A stud pattern: one threaded rod with its nuts and washers, repeated on ``positions``.

    In the unit's frame the rod runs along +z from ``rod_start`` for ``length``; each item is
    ``(kind, z of its lower face)``.
    """

    fastener: FastenerDims
    length: float
    rod_start: float
    items: tuple[StudItem, ...]
    positions: HoleCircle


@dataclass(frozen=True)
class StackDims:
    """Where each sub-assembly sits along z_alt (``derived-dimensions.md`` §20.1).

    ``front_rotor_z`` is the blade-side face of the front disk (None without one);
    ``back_rotor_z`` is the back disk's face away from its magnets, and with ``back_flipped``
    the back rotor is turned 180° about +y so its magnets face −z, towards the stator.
    """

    stator_z: float
    front_rotor_z: float | None
    back_rotor_z: float
    back_flipped: bool
    hub_z: float
    hub_studs_z: float
    frame_z: float


@dataclass(frozen=True)
class AlternatorDims:
    """Everything the alternator builders need, read from one design's cells."""

    topology: Topology
    rotor: RotorDims
    stator: StatorDims
    hub: HubDims
    hub_studs: StudDims
    frame_studs: StudDims
    stack: StackDims

    @staticmethod
    def from_cells(cells: TypedValues) -> AlternatorDims:
        topology = _topology(cells)
        return AlternatorDims(topology, _rotor(cells), _stator(cells), _hub(cells),
                              _hub_studs(cells, topology), _frame_studs(cells),
                              _stack(cells, topology))


def _hub_holes(cells: TypedValues) -> HoleCircle:
    """The wheel-stud circle shared by the flange, the disks and the hub studs, first on +y."""
    return HoleCircle.even(_count(cells, _H + "NumberOfHoles"), cells.num(_H + "HubHolesRadius"),
                           cells.num(_H + "HubPitchCircleRadius"), 90)


def _disks(cells: TypedValues) -> tuple[DiskDims, DiskDims]:
    """Back and front disks (§4.2): pockets above the radius threshold, jacking holes in front.

    "Single and metal disk" always fronts with the full-weight disk. The jacking holes of a
    pocketed front disk are drawn on its bottom face, so they start at 240° and run clockwise,
    which puts them in the webs between the pockets.
    """
    rd = cells.num(_A + "RotorDiskRadius")
    td = cells.num(_A + "RotorDiskThickness")
    central_r = cells.num(_H + "RotorDiskCentralHoleRadius")
    pitch_r = cells.num(_H + "HubPitchCircleRadius")
    hub_hole_r = cells.num(_H + "HubHolesRadius")
    hub_holes = _hub_holes(cells)
    n_jacking = _count(cells, _A + "NumberOfJackingHoles")
    jacking_r = cells.num(_A + "JackingHoleDiameter") / 2
    t_shape = _shape(cells) == "T"
    full_jacking = HoleCircle.even(
        n_jacking, jacking_r,
        pitch_r if t_shape
        else (cells.num(_A + "IslandRadius") - pitch_r + hub_hole_r) / 2 + pitch_r,
        45 if t_shape else 90)
    full_front = DiskDims(rd, td, central_r, hub_holes, full_jacking, None)
    if rd <= cells.num(_A + "WeightReductionRotorDiskRadiusThreshold"):
        return DiskDims(rd, td, central_r, hub_holes, None, None), full_front
    inner = cells.num(_A + "PocketInnerRadius")
    outer = cells.num(_A + "PocketOuterRadius")
    pockets = Pockets(_count(cells, _A + "NumberOfPockets"), inner, outer,
                      asin(cells.num(_A + "WidthInnerPocket") / 2 / inner), 90)
    back = DiskDims(rd, td, central_r, hub_holes, None, pockets)
    if _topology(cells) == "Single and metal disk":
        return back, full_front
    jacking = HoleCircle(n_jacking, jacking_r, (inner + outer) / 2, 240, -360 / n_jacking)
    return back, DiskDims(rd, td, central_r, hub_holes, jacking, pockets)


def _rotor(cells: TypedValues) -> RotorDims:
    back, front = _disks(cells)
    magnets = MagnetDims(
        width=cells.num(_A + "MagnetWidth"),
        length=cells.num(_A + "MagnetLength"),
        thickness=cells.num(_A + "MagnetThickness") - cells.num("Resin.MagnetThicknessOffset"),
        count=_count(cells, _A + "NumberMagnet"),
        inner_radius=cells.num(_A + "DistanceOfMagnetFromCenter"),
    )
    cast = RotorCastDims(
        inner_radius=cells.num(_A + "IslandRadius"),
        outer_radius=cells.num(_A + "RotorMoldSurroundRadius"),
        height=cells.num(_A + "RotorMoldSurroundThickness"),
        recess_radius=back.radius,
        recess_depth=back.thickness,
    )
    return RotorDims(back, front, magnets, cast)


def _stator_studs(cells: TypedValues) -> HoleCircle:
    """Stud holes shared by the stator cast and the frame studs (§4.3, §4.7).

    The circular cast is drawn with its first stud at 270° and turned 180° (T) or 45° (H); the
    hexagon has its studs towards its corners, the first on +x.
    """
    first = {"T": 270 + 180, "H": 270 + 45, "Star": 0}[_shape(cells)] % 360
    return HoleCircle.even(_count(cells, _A + "NumberOfStatorHoles"), cells.num(_A + "HolesRadius"),
                           cells.num(_A + "StatorHolesCircumradius"), first)


def _stator(cells: TypedValues) -> StatorDims:
    shape = _shape(cells)
    st = cells.num(_A + "StatorThickness")
    coil_t = cells.num(_A + "CoilThickness")
    inner_r = cells.num(_A + "StatorInnerHoleRadius")
    outline = coil_outline(cells)
    coils = CoilDims(
        outline=outline,
        count=_count(cells, _A + "NumberOfCoils"),
        thickness=coil_t,
        radial_offset=inner_r + (0 if isinstance(outline, RectangularCoil)
                                 else cells.num(_A + "CoilLegWidth")),
        axial_offset=(st - coil_t) / 2,
        ring_angle=cells.num(_A + "CoilsAngle"),
    )
    return StatorDims(shape, st, inner_r, _stator_studs(cells), cells.num(_A + "EarSize"),
                      cells.num(_A + "HexagonalStatorOuterCircumradius"), coils)


def _hub(cells: TypedValues) -> HubDims:
    wall = cells.num(_H + "ProtrudingPadThickness")
    rotor_pad_r = cells.num(_H + "RotorSidePadRadius")
    return HubDims(
        middle_pad_radius=cells.num(_H + "MiddlePadRadius"),
        middle_pad_thickness=cells.num(_H + "MiddlePadThickness"),
        holes=_hub_holes(cells),
        bore_radius=rotor_pad_r - wall,
        pad_wall=wall,
        frame_pad_radius=cells.num(_H + "FrameSidePadRadius"),
        frame_pad_width=cells.num(_H + "FrameSidePadWidth"),
        rotor_pad_radius=rotor_pad_r,
        rotor_pad_width=cells.num(_H + "RotorSidePadWidth"),
        cover_thickness=cells.num(_H + "CoverThickness"),
        stub_radius=cells.num(_H + "StubAxleShaftRadius"),
        stub_length=cells.num(_H + "StubAxleShaftLength"),
    )


def _hub_studs(cells: TypedValues, topology: Topology) -> StudDims:
    """The wheel studs and the nuts spacing the disks and clamping the blade plates (§4.5)."""
    single = topology == "Single"
    length = cells.num(_A + "HubStudsLength")
    nut_t = cells.num(_A + "HubHexNutThickness")
    washer_t = cells.num(_A + "WasherThickness")
    thread = cells.num(_A + "DistanceThreadsExtendFromNuts")
    td = cells.num(_A + "RotorDiskThickness")
    pad_t = cells.num(_H + "MiddlePadThickness")
    plate_t = cells.num(_A + "BladeAssemblyPlateThickness")
    n_nuts = _count(cells, _A + "NumberOfNutsBetweenRotorDisks")
    n_washers = _count(cells, _A + "NumberOfWashersBetweenRotorDisks")
    back_nut = length - nut_t - (0 if single else thread)
    spacer_nut = back_nut - nut_t - td - pad_t
    front_disk_nut = (spacer_nut + nut_t + washer_t if single
                      else spacer_nut - cells.num(_A + "DistanceBetweenRotorDisks")
                      - td * cells.num(_A + "FrontRotorCount"))
    front_washer = (front_disk_nut - washer_t - 2 * plate_t - cells.num(_A + "BladeThickness")
                    - washer_t)
    items: list[StudItem] = [("nut", back_nut)]
    if not single:
        items += [("nut", spacer_nut - k * nut_t) for k in range(n_nuts)]
        first_washer = spacer_nut - nut_t * (n_nuts - 1) - washer_t
        items += [("washer", first_washer - k * washer_t) for k in range(n_washers)]
        items += [("nut", front_disk_nut), ("wide washer", front_disk_nut - washer_t)]
    items += [("wide washer", front_washer), ("nut", front_washer - nut_t)]
    return StudDims(
        fastener=FastenerDims(cells.num(_A + "HubHolesRadius"), nut_t, washer_t),
        length=length,
        rod_start=0.0,
        items=tuple(items),
        positions=_hub_holes(cells),
    )


def _frame_studs(cells: TypedValues) -> StudDims:
    """The studs hanging the stator off the frame brackets (§4.7).

    The unit's origin is where the array is linked, on the frame plane ``FrameZ``; the reference
    measures its items from ``StatorMountingStudsLength`` below that, which is folded in here.
    """
    length = cells.num(_A + "StatorMountingStudsLength")
    nut_t = cells.num(_A + "HexNutThickness")
    washer_t = cells.num(_A + "WasherThickness")
    metal_l = cells.num(_A + "MetalLengthL")
    metal_t = cells.num(_A + "MetalThicknessL")
    st = cells.num(_A + "StatorThickness")
    behind_brackets = metal_l - metal_t
    back_frame = length - behind_brackets
    back_stator_washer = back_frame - metal_t - cells.num(_A + "DistanceBetweenStatorAndFrame")
    items: tuple[StudItem, ...] = (
        ("nut", back_frame),
        ("nut", back_frame - nut_t - metal_t),
        ("washer", back_stator_washer),
        ("nut", back_stator_washer + washer_t),
        ("washer", back_stator_washer - st - washer_t),
        ("nut", back_stator_washer - st - nut_t - washer_t),
    )
    return StudDims(
        fastener=FastenerDims(cells.num(_A + "HolesRadius"), nut_t, washer_t),
        length=length,
        rod_start=-behind_brackets + nut_t + cells.num(_A + "DistanceThreadsExtendFromNuts")
        - length,
        items=tuple((kind, z - length) for kind, z in items),
        positions=_stator_studs(cells),
    )


def _stack(cells: TypedValues, topology: Topology) -> StackDims:
    st = cells.num(_A + "StatorThickness")
    g = cells.num(_A + "MechanicalClearance")
    td = cells.num(_A + "RotorDiskThickness")
    pad_t = cells.num(_H + "MiddlePadThickness")
    single = topology == "Single"
    stator_z = -st / 2
    front_count = cells.num(_A + "FrontRotorCount")
    front_z = stator_z - g * front_count - cells.num(_A + "FrontRotorThickness")
    back_z = (g - stator_z + cells.num(_A + "RotorThickness")) * (-1 if single else 1)
    hub_z = back_z - pad_t if single else st / 2 + td + cells.num(_A + "MagnetThickness") + g
    hub_studs_z = ((back_z + td if single
                    else hub_z + pad_t + cells.num(_A + "DistanceThreadsExtendFromNuts"))
                   - cells.num(_A + "HubStudsLength") + cells.num(_A + "HubHexNutThickness"))
    return StackDims(
        stator_z=stator_z,
        front_rotor_z=None if single else front_z,
        back_rotor_z=back_z,
        back_flipped=not single,
        hub_z=hub_z,
        hub_studs_z=hub_studs_z,
        frame_z=cells.placement(_A + "FramePlacement").base.z,
    )

