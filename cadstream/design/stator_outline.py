"""Closed-form outline of the stator resin cast: a circle with ears (T, H) or a hexagon (Star).

T and H stators are a circle through the mounting studs with an "ear" around each stud, each ear
joined to the circle by two straight lines tangent to both; Star stators are a regular hexagon
with the studs towards its corners. Areas here are of the outline alone, before the central hole
and the stud holes are cut. Angles are in degrees.
"""

from __future__ import annotations

import math

from cadstream.design.arith import acos, sin

__all__ = [
    "circular_stator_outline_area",
    "ear_half_angle",
    "hexagonal_stator_outline_area",
]


def ear_half_angle(holes_circumradius: float, ear_size: float) -> float:
    """Angle either side of a stud where the joining line leaves the main circle.

    The line is tangent to the main circle there and to the ear (radius ``ear_size``, centred on
    the stud, which lies on the main circle); the ear's arc spans the same angle either side of
    the radial direction through the stud.
    """
    return acos(1 - ear_size / holes_circumradius)


def circular_stator_outline_area(holes_circumradius: float, ear_size: float,
                                 number_of_ears: int | float) -> float:
    """Area inside the circle-with-ears outline of a T or H stator.

    Each ear replaces the main circle's arc of ``±Δ`` about its stud by two tangent lines and the
    ear's own arc; the ears must not overlap one another.
    """
    r, e = holes_circumradius, ear_size
    delta = ear_half_angle(r, e)
    s = sin(delta)
    ear_part = r * r * s + e * r * s + e * e * math.radians(delta)
    replaced_sector = r * r * math.radians(delta)
    return math.pi * r * r + number_of_ears * (ear_part - replaced_sector)


def hexagonal_stator_outline_area(circumradius: float) -> float:
    """Area of the regular hexagonal outline of a Star stator."""
    return 3 * math.sqrt(3) / 2 * circumradius**2
