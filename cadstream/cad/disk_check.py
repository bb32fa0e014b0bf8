"""Whether a rotor disk's holes and pockets leave steel between them: pure maths, no CAD kernel.

A disk's cutting profile is one face with every hole as an inner wire; holes that overlap each
other or a weight-saving pocket would make that face (and the plate) impossible, so validation
asks this first and refuses such a design with the reason.
"""

from __future__ import annotations

import math
from itertools import combinations

from cadstream.cad.dims import DiskDims, HoleCircle, Pockets
from cadstream.design.arith import cos, sin

__all__ = ["disk_conflicts"]

#: Points per hole edge when testing a hole against a pocket.
_SAMPLES = 72


def _holes(d: DiskDims) -> list[tuple[str, float, float, float]]:
    named: list[tuple[str, HoleCircle | None]] = [("hub stud hole", d.hub_holes),
                                                  ("jacking hole", d.jacking_holes)]
    return [(name, x, y, circle.radius) for name, circle in named if circle is not None
            for x, y in circle.centres]


def _in_pocket(x: float, y: float, pockets: Pockets) -> bool:
    radius = math.hypot(x, y)
    if not pockets.inner_radius <= radius <= pockets.outer_radius:
        return False
    angle = math.degrees(math.atan2(y, x))
    return any(abs((angle - centre + 180) % 360 - 180) <= pockets.half_angle
               for centre in pockets.angles)


def disk_conflicts(d: DiskDims) -> list[str]:
    """What overlaps what on the disk (empty when every hole has steel around it)."""
    found = []
    holes = _holes(d)
    for (name_a, xa, ya, ra), (name_b, xb, yb, rb) in combinations(holes, 2):
        if math.hypot(xa - xb, ya - yb) <= ra + rb:
            found.append(f"a {name_a} and a {name_b} overlap at radius "
                         f"{math.hypot(xa, ya):.1f} mm")
            break
    for name, x, y, r in holes:
        if math.hypot(x, y) - r <= d.central_hole_radius:
            found.append(f"a {name} runs into the central hole")
            break
        if d.pockets is not None and any(
                _in_pocket(x + r * cos(k * 360 / _SAMPLES), y + r * sin(k * 360 / _SAMPLES),
                           d.pockets) for k in range(_SAMPLES)):
            found.append(f"a {name} cuts into a weight-saving pocket")
            break
    return found
