"""The stator: its resin cast and the ring of coils embedded in it (assembly §4.3).

Stator frame: origin at the centre of the stator's blade-side face, +z through the stator
towards the frame; the cast fills z ∈ [0, St]. Outlines reuse the closed forms of
``design/coils.py`` and ``design/stator_outline.py``, so the solids have exactly the areas the
resin sheet weighs.
"""

from __future__ import annotations

import cadquery as cq

from cadstream.cad.dims import (
    CoilDims,
    CoilOutline,
    RectangularCoil,
    ReducedTriangularCoil,
    StatorDims,
    TriangularCoil,
)
from cadstream.cad.placement import pattern, rotated_z, translated
from cadstream.cad.profiles import (
    arc_chain_wire,
    circle_wire,
    hull_arcs,
    mirrored_halves,
    polygon_wire,
    prism,
    profile,
)
from cadstream.design.arith import cos, sin
from cadstream.design.coils import (
    Arc,
    rectangular_coil_outside_centres,
    reduced_triangular_coil_outline,
)
from cadstream.design.stator_outline import ear_half_angle

__all__ = ["coil", "coil_profile", "coil_ring", "stator_cast", "stator_profile"]


def _ears_outline(d: StatorDims) -> tuple[Arc, ...]:
    """Circle through the studs with an ear round each, joined by lines tangent to both."""
    r, e = d.studs.pitch_radius, d.ear_size
    delta = ear_half_angle(r, e)
    angles = d.studs.angles
    arcs: list[Arc] = []
    for angle, following in zip(angles, (*angles[1:], angles[0] + 360), strict=True):
        arcs.append(Arc(r * cos(angle), r * sin(angle), e, angle - delta, angle + delta))
        arcs.append(Arc(0, 0, r, angle + delta, following - delta))
    return tuple(arcs)


def stator_profile(d: StatorDims) -> cq.Face:
    """The cast's section: ears (T, H) or hexagon with corners on ±x (Star), less the central
    hole and the stud holes."""
    if d.shape == "Star":
        rh = d.hexagon_circumradius
        outer = polygon_wire([(rh * cos(60 * k), rh * sin(60 * k)) for k in range(6)])
    else:
        outer = arc_chain_wire(_ears_outline(d))
    holes = [circle_wire(0, 0, d.inner_hole_radius)]
    holes += [circle_wire(x, y, d.studs.radius) for x, y in d.studs.centres]
    return profile(outer, holes)


def stator_cast(d: StatorDims) -> cq.Solid:
    """The resin cast, z ∈ [0, St]; the coils are not cut out (the resin sheet counts them in)."""
    return prism(stator_profile(d), d.thickness)


def _rectangular(c: RectangularCoil) -> tuple[tuple[Arc, ...], tuple[Arc, ...]]:
    clw, ml, pr = c.leg_width, c.hole_length, c.pin_radius
    xo, xi = c.outer_hole_width / 2 - pr, c.inner_hole_width / 2 - pr
    c1, c2 = rectangular_coil_outside_centres(clw, ml, c.outer_hole_width, c.inner_hole_width,
                                              pr)
    outside = hull_arcs([(c1, clw, clw), (c2, clw + ml, clw), (-c2, clw + ml, clw),
                         (-c1, clw, clw)])
    hole = hull_arcs([(xi, clw + pr, pr), (xo, clw + ml - pr, pr), (-xo, clw + ml - pr, pr),
                      (-xi, clw + pr, pr)])
    return outside, hole


def _triangular_hole(c: TriangularCoil | ReducedTriangularCoil, offset: float) -> tuple[Arc, ...]:
    """The hull of the bottom circle and the two pins, offset outward by ``offset``."""
    a, h = c.magnet_width / 2 - c.pin_radius, c.magnet_length - c.pin_radius
    rb, pr = c.bottom_radius, c.pin_radius
    return hull_arcs([(0, rb, rb + offset), (a, h, pr + offset), (-a, h, pr + offset)])


def _outlines(c: CoilOutline) -> tuple[tuple[Arc, ...], tuple[Arc, ...]]:
    """``(outside, hole)`` of one coil in its own frame."""
    if isinstance(c, RectangularCoil):
        return _rectangular(c)
    if isinstance(c, TriangularCoil):
        return _triangular_hole(c, c.leg_width), _triangular_hole(c, 0)
    right = reduced_triangular_coil_outline(c.leg_width, c.corner_radius, c.magnet_width,
                                            c.magnet_length, c.pin_radius, c.bottom_radius,
                                            c.circumradius)
    return mirrored_halves(right), _triangular_hole(c, 0)


def coil_profile(c: CoilOutline) -> cq.Face:
    """One coil's copper section in the coil frame of ``design/coils.py``: y radial outward,
    symmetric about the y axis, y = 0 on the inner edge (types 1, 2) or the hole's innermost
    point (type 3)."""
    outside, hole = _outlines(c)
    return profile(arc_chain_wire(outside), [arc_chain_wire(hole)])


def coil(d: CoilDims) -> cq.Solid:
    """One coil, z ∈ [0, CoilThickness] in the coil frame."""
    return prism(coil_profile(d.outline), d.thickness)


def coil_ring(d: CoilDims) -> cq.Compound:
    """Every coil in the stator frame, lifted to the middle of the stator's thickness; the first
    is centred on 90° + ``ring_angle``."""
    seat = translated(0, d.radial_offset, d.axial_offset)
    return pattern(coil(d), (rotated_z(angle) * seat for angle in d.angles))
