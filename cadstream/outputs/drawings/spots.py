"""Where a radius's label reads best: the direction in which it covers the fewest drawn lines.

A plate full of holes leaves few clear places for text. Everything drawn is sampled into points
every third of a text height; a candidate label's box (where the canvas would put it,
:meth:`Canvas.radius_label_box`) is scored
by the points it covers, a part's edges five times a small hole's (text over a pilot hole still
reads; text across an edge hides the part), and placed labels and radius lines count in turn,
so later labels keep off earlier ones.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cadstream.outputs.drawings.canvas import Canvas
from cadstream.outputs.outline import Arc, Circle, Line, Outline, Point, Polyline

__all__ = ["Spots", "bearing", "preferring"]

#: What covering a point of an edge costs, against a point of a hole smaller than the text.
_EDGE = 5.0
_SMALL_HOLE = 1.0
#: What overlapping a placed label, or running a radius through one, costs.
_CLASH = 1000.0
#: Radii from one centre stay at least this far apart (degrees), to read as two.
_APART = 30.0


@dataclass(frozen=True)
class _Box:
    """An axis-aligned rectangle in model millimetres."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float


class Spots:
    """What is drawn on a canvas, as points, to find clear places for labels."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        self._unit = canvas.unit
        self._step = canvas.unit / 3
        self._chunks: list[npt.NDArray[np.float64]] = []
        self._weights: list[npt.NDArray[np.float64]] = []
        self._joined: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]] | None = None
        self._boxes: list[_Box] = []
        self._radii: list[tuple[Point, float]] = []

    # --- what is drawn ----------------------------------------------------------------------

    def outline(self, drawn: Outline, *, at: Point = (0.0, 0.0)) -> None:
        """A flat part's outline as :meth:`Canvas.outline` draws it, moved by ``at``."""
        for loop in drawn.loops:
            if isinstance(loop, Circle):
                weight = _SMALL_HOLE if loop.radius < self._unit else _EDGE
                self._sweep((loop.center[0] + at[0], loop.center[1] + at[1]), loop.radius,
                            0.0, 2 * math.pi, weight)
                continue
            for segment in loop:
                if isinstance(segment, Line):
                    self.segment(_moved(segment.start, at), _moved(segment.end, at))
                elif isinstance(segment, Arc):
                    self._arc(segment, at)
                elif isinstance(segment, Polyline):
                    for a, b in itertools.pairwise(segment.points):
                        self.segment(_moved(a, at), _moved(b, at))

    def segment(self, a: Point, b: Point) -> None:
        """A straight line from ``a`` to ``b``."""
        n = max(2, math.ceil(math.dist(a, b) / self._step) + 1)
        t = np.linspace(0.0, 1.0, n)
        self._add(np.column_stack([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]))

    def circle(self, center: Point, radius: float) -> None:
        """A whole circle, weighed as an edge."""
        self._sweep(center, radius, 0.0, 2 * math.pi, _EDGE)

    # --- labels -----------------------------------------------------------------------------

    def clearest_radius(self, center: Point, radius: float, angles: Iterable[float],
                        text: str) -> float:
        """Of ``angles`` (in order of preference), the one at which a radius labelled ``text``
        covers the fewest drawn points and crosses no placed label, nor runs within
        :data:`_APART` degrees of another radius from the same centre; the line and label are
        then taken as drawn."""
        best = self._best(angles, lambda a: self._radius_cost(center, radius, a, text))
        ux, uy = math.cos(math.radians(best)), math.sin(math.radians(best))
        self.segment(center, (center[0] + ux * radius, center[1] + uy * radius))
        self._boxes.append(self._radius_box(center, radius, best, text))
        self._radii.append((center, best))
        return best

    def _cost(self, box: _Box) -> float:
        """How badly a label in ``box`` would read: the drawn points it covers, weighted, and
        every placed label it overlaps."""
        covered = 0.0
        if self._chunks:
            if self._joined is None:
                self._joined = (np.concatenate(self._chunks), np.concatenate(self._weights))
            points, weights = self._joined
            inside = ((points[:, 0] > box.xmin) & (points[:, 0] < box.xmax)
                      & (points[:, 1] > box.ymin) & (points[:, 1] < box.ymax))
            covered = float(weights[inside].sum())
        return covered + _CLASH * sum(1 for placed in self._boxes if _overlap(placed, box))

    # --- helpers ----------------------------------------------------------------------------

    def _radius_box(self, center: Point, radius: float, angle: float, text: str) -> _Box:
        """Where the canvas puts the label ``text`` of a radius, with a little air round it."""
        xmin, ymin, xmax, ymax = self._canvas.radius_label_box(center, radius, angle, text)
        air = 0.15 * self._unit
        return _Box(xmin - air, ymin - 2 * air, xmax + air, ymax + air)

    def _radius_cost(self, center: Point, radius: float, angle: float, text: str) -> float:
        box = self._radius_box(center, radius, angle, text)
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        crossed = sum(1 for placed in self._boxes
                      if _crosses(placed, center, (center[0] + ux * radius,
                                                   center[1] + uy * radius)))
        close = sum(1 for at, other in self._radii
                    if math.dist(at, center) < self._unit
                    and abs((angle - other + 180.0) % 360.0 - 180.0) < _APART)
        return self._cost(box) + _CLASH * (crossed + close)

    @staticmethod
    def _best(angles: Iterable[float], cost: Callable[[float], float]) -> float:
        best: tuple[float, float] | None = None
        for angle in angles:
            score = cost(angle)
            if best is None or score < best[0]:
                best = (score, angle)
        if best is None:
            raise ValueError("no angle to choose from")
        return best[1]

    def _arc(self, arc: Arc, at: Point) -> None:
        start = math.radians(arc.start_angle)
        self._sweep(_moved(arc.center, at), arc.radius, start,
                    start + math.radians(arc.sweep), _EDGE)

    def _sweep(self, center: Point, radius: float, start: float, end: float,
               weight: float) -> None:
        n = max(2, math.ceil(radius * (end - start) / self._step) + 1)
        t = np.linspace(start, end, n)
        self._add(np.column_stack([center[0] + radius * np.cos(t),
                                   center[1] + radius * np.sin(t)]), weight)

    def _add(self, points: npt.NDArray[np.float64], weight: float = _EDGE) -> None:
        self._chunks.append(points)
        self._weights.append(np.full(len(points), weight))
        self._joined = None


def bearing(p: Point) -> float:
    """The direction (degrees in [0, 360)) from the origin to ``p``: where a radius to it
    points."""
    return math.degrees(math.atan2(p[1], p[0])) % 360.0


def preferring(angles: Iterable[float], preferred: float) -> list[float]:
    """``angles`` nearest ``preferred`` first, the order :meth:`Spots.clearest_radius` tries
    them in."""
    return sorted(angles, key=lambda a: abs((a - preferred + 180.0) % 360.0 - 180.0))


def _moved(p: Point, at: Point) -> Point:
    return (p[0] + at[0], p[1] + at[1])


def _overlap(a: _Box, b: _Box) -> bool:
    return a.xmin < b.xmax and b.xmin < a.xmax and a.ymin < b.ymax and b.ymin < a.ymax


def _crosses(box: _Box, a: Point, b: Point) -> bool:
    """Whether the segment a–b passes through ``box`` (Liang–Barsky clipping)."""
    low, high = 0.0, 1.0
    for start, step, lo, hi in ((a[0], b[0] - a[0], box.xmin, box.xmax),
                                (a[1], b[1] - a[1], box.ymin, box.ymax)):
        if abs(step) < 1e-12:
            if not lo < start < hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / step, (hi - start) / step))
        low, high = max(low, t0), min(high, t1)
        if low >= high:
            return False
    return True
