"""A dimensioned shop drawing in model millimetres, written as a self-contained SVG.

Drawings place geometry in model coordinates (+y up) and dimension it between points taken from
that geometry: a dimension prints the distance it spans, with the tables' own rounding
(:mod:`cadstream.outputs.printed`), so a picture can only agree with its table when the part
really has the tabled size. Each dimension is an SVG group carrying the table row it illustrates
(``data-row``) and the length it measured (``data-length``), which the tests read back.

Text, arrows and gaps scale with the drawing's extent (``unit``), so a 300 mm jig and a 2 m frame
both come out legible at the size a table shows them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from cadstream.outputs.decimals import decimal
from cadstream.outputs.outline import Arc, Circle, Line, Outline, Point, Polyline

__all__ = ["Canvas", "Weight"]

#: Decimals of SVG coordinates (a hundredth of a millimetre).
_PLACES = 2
#: Text height as a share of the drawing's extent.
_TEXT_SHARE = 1 / 28
#: Width of a character as a share of the text height, to keep labels inside the view box.
_CHAR_WIDTH = 0.6
#: Widest rendering, in CSS pixels; the table's CSS may show it smaller.
_PIXELS = 640
_INK = "#111111"
_DIMENSION_INK = "#1a4f9c"
_PAPER = "#ffffff"

#: How a line is drawn: a visible edge, a hidden or centre line, or a part seen in section.
Weight = Literal["edge", "thin", "centre"]

_STROKES: dict[Weight, tuple[float, str]] = {
    "edge": (0.14, ""),
    "thin": (0.07, ""),
    "centre": (0.07, "1.2 0.4 0.2 0.4"),
}


@dataclass(frozen=True)
class _Text:
    at: Point
    text: str
    size: float
    angle: float
    anchor: str


class Canvas:
    """A drawing being made; :meth:`svg` writes it.

    ``extent`` is the size (mm) of what is drawn, the largest of its width and height; it sets
    :attr:`unit`, the text height, from which drawings take their offsets.
    """

    def __init__(self, extent: float) -> None:
        if not extent > 0:
            raise ValueError(f"a drawing's extent must be positive, got {extent!r}")
        self.unit = extent * _TEXT_SHARE
        self._elements: list[str] = []
        self._points: list[Point] = []

    # --- geometry ---------------------------------------------------------------------------

    def polyline(self, points: Sequence[Point], *, closed: bool = False,
                 weight: Weight = "edge") -> None:
        """Straight segments through ``points`` (closed back to the first when asked)."""
        if len(points) < 2:
            return
        self._points.extend(points)
        d = "M " + " L ".join(_xy(p) for p in points) + (" Z" if closed else "")
        self._elements.append(f'<path d="{d}" {self._stroke(weight)}/>')

    def edges(self, lines: Iterable[Sequence[Point]], *, at: Point = (0.0, 0.0)) -> None:
        """A view's visible edges (:func:`~cadstream.outputs.drawings.views.visible_edges`),
        moved by ``at`` to their place on the page."""
        dx, dy = at
        for line in lines:
            self.polyline([(x + dx, y + dy) for x, y in line])

    def circle(self, center: Point, radius: float, *, weight: Weight = "edge") -> None:
        cx, cy = center
        self._points.extend([(cx - radius, cy - radius), (cx + radius, cy + radius)])
        self._elements.append(f'<circle cx="{_n(cx)}" cy="{_n(-cy)}" r="{_n(radius)}" '
                              f'{self._stroke(weight)}/>')

    def outline(self, drawn: Outline, *, at: Point = (0.0, 0.0), weight: Weight = "edge") -> None:
        """A flat part's outline (every loop), moved by ``at``; arcs stay true arcs."""
        dx, dy = at
        for loop in drawn.loops:
            if isinstance(loop, Circle):
                self.circle((loop.center[0] + dx, loop.center[1] + dy), loop.radius,
                            weight=weight)
                continue
            commands = [f"M {_xy((loop[0].start[0] + dx, loop[0].start[1] + dy))}"]
            for segment in loop:
                if isinstance(segment, Line):
                    end = segment.end
                    commands.append(f"L {_xy((end[0] + dx, end[1] + dy))}")
                elif isinstance(segment, Arc):
                    commands.append(_arc(segment, dx, dy))
                elif isinstance(segment, Polyline):
                    commands.append("L " + " ".join(_xy((x + dx, y + dy))
                                                    for x, y in segment.points[1:]))
            d = " ".join([*commands, "Z"])
            self._elements.append(f'<path d="{d}" {self._stroke(weight)}/>')
        b = drawn.bounds
        self._points.extend([(b.xmin + dx, b.ymin + dy), (b.xmax + dx, b.ymax + dy)])

    # --- annotation -------------------------------------------------------------------------

    def dimension(self, a: Point, b: Point, offset: float, *, letter: str, row: str,
                  printed: Callable[[float], str]) -> None:
        """The distance from ``a`` to ``b``, drawn on a line ``offset`` to the left of a → b
        (negative: to the right), labelled ``<letter> = <printed distance>``.

        ``row`` is the table row this dimension illustrates.
        """
        length = math.dist(a, b)
        if length == 0:
            raise ValueError(f"dimension {letter!r} spans no distance")
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        nx, ny = -uy, ux
        side = 1.0 if offset >= 0 else -1.0
        gap, overshoot = 0.3 * self.unit, 0.4 * self.unit

        def along(p: Point, k: float) -> Point:
            return (p[0] + nx * k, p[1] + ny * k)

        start, end = along(a, offset), along(b, offset)
        parts = [_segment(along(a, side * gap), along(a, offset + side * overshoot)),
                 _segment(along(b, side * gap), along(b, offset + side * overshoot)),
                 _segment(start, end),
                 self._arrow(start, (ux, uy)), self._arrow(end, (-ux, -uy))]
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        angle = _upright(ux, uy)
        # The label stands on the far side of the line; when the text's up points back at the
        # line, its baseline moves out by its own height.
        up_x, up_y = -math.sin(math.radians(angle)), math.cos(math.radians(angle))
        clear = 0.35 * self.unit
        if (up_x * nx + up_y * ny) * side < 0:
            clear += self.unit
        label = _Text(along(middle, side * clear), f"{letter} = {printed(length)}", self.unit,
                      angle, "middle")
        self._annotation(row, length, parts, label)

    def radius(self, center: Point, radius: float, angle: float, *, letter: str, row: str,
               printed: Callable[[float], str]) -> None:
        """A radius from ``center`` out to its circle at ``angle`` degrees, labelled past the
        circle."""
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        tip = (center[0] + ux * radius, center[1] + uy * radius)
        parts = [_segment(center, tip), self._arrow(tip, (-ux, -uy))]
        text = f"{letter} = {printed(radius)}"
        self._annotation(row, radius, parts, self._radius_label(center, radius, angle, text))

    def radius_label_box(self, center: Point, radius: float, angle: float,
                         text: str) -> tuple[float, float, float, float]:
        """Roughly where :meth:`radius` puts the label ``text``: (xmin, ymin, xmax, ymax), by
        character count, so a drawing can look for a clear angle before it draws."""
        label = self._radius_label(center, radius, angle, text)
        width = _CHAR_WIDTH * label.size * len(text)
        x0 = label.at[0] if label.anchor == "start" else label.at[0] - width
        return (x0, label.at[1], x0 + width, label.at[1] + label.size)

    def _radius_label(self, center: Point, radius: float, angle: float, text: str) -> _Text:
        """Past the circle, half a unit out along the radius; a label on the left ends there."""
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        reach = radius + 0.5 * self.unit
        at = (center[0] + ux * reach, center[1] + uy * reach - 0.35 * self.unit)
        return _Text(at, text, self.unit, 0.0, "start" if ux >= -1e-9 else "end")

    def note(self, at: Point, text: str, *, anchor: str = "middle") -> None:
        """A label in the drawing, such as a part's name."""
        self._add_text(_Text(at, text, 0.8 * self.unit, 0.0, anchor))

    # --- writing ----------------------------------------------------------------------------

    def svg(self, title: str) -> str:
        """The drawing as a standalone SVG document titled ``title``."""
        if not self._points:
            raise ValueError(f"drawing {title!r} is empty")
        xs, ys = [p[0] for p in self._points], [p[1] for p in self._points]
        margin = self.unit
        x0, x1 = min(xs) - margin, max(xs) + margin
        y0, y1 = min(ys) - margin, max(ys) + margin
        width, height = x1 - x0, y1 - y0
        scale = _PIXELS / max(width, height)
        body = "\n".join(self._elements)
        return "\n".join([
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{round(width * scale)}" height="{round(height * scale)}" '
            f'viewBox="{_n(x0)} {_n(-y1)} {_n(width)} {_n(height)}">',
            f"<title>{escape(title)}</title>",
            f'<rect x="{_n(x0)}" y="{_n(-y1)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{_PAPER}"/>',
            body,
            "</svg>",
        ])

    # --- helpers ----------------------------------------------------------------------------

    def _stroke(self, weight: Weight) -> str:
        share, dashes = _STROKES[weight]
        width = share * self.unit
        dash = ("" if not dashes else ' stroke-dasharray="'
                + " ".join(_n(float(k) * self.unit) for k in dashes.split()) + '"')
        return (f'fill="none" stroke="{_INK}" stroke-width="{_n(width)}" '
                f'stroke-linejoin="round"{dash}')

    def _arrow(self, tip: Point, inward: Point) -> str:
        """A filled arrowhead at ``tip`` pointing outward, against ``inward``."""
        length, half = 0.7 * self.unit, 0.22 * self.unit
        ux, uy = inward
        base = (tip[0] + ux * length, tip[1] + uy * length)
        left = (base[0] - uy * half, base[1] + ux * half)
        right = (base[0] + uy * half, base[1] - ux * half)
        return f'<path d="M {_xy(tip)} L {_xy(left)} L {_xy(right)} Z" fill="{_DIMENSION_INK}"/>'

    def _annotation(self, row: str, length: float, parts: Iterable[str], label: _Text) -> None:
        stroke = f'stroke="{_DIMENSION_INK}" stroke-width="{_n(0.06 * self.unit)}"'
        body = "".join(parts)
        self._points.append(label.at)
        self._text_extent(label)
        self._elements.append(f'<g class="dimension" data-row={quoteattr(row)} '
                              f'data-length="{decimal(length, 6)}" {stroke}>{body}'
                              f'{self._text_element(label)}</g>')

    def _add_text(self, text: _Text) -> None:
        self._text_extent(text)
        self._elements.append(self._text_element(text))

    def _text_extent(self, text: _Text) -> None:
        """Keeps a label inside the view box: its corners, roughly, by character count."""
        width = _CHAR_WIDTH * text.size * len(text.text)
        x, y = text.at
        left = {"start": 0.0, "middle": -width / 2, "end": -width}[text.anchor]
        ux, uy = math.cos(math.radians(text.angle)), math.sin(math.radians(text.angle))
        for along, up in ((left, 0.0), (left + width, 0.0), (left, text.size),
                          (left + width, text.size)):
            self._points.append((x + ux * along - uy * up, y + uy * along + ux * up))

    def _text_element(self, text: _Text) -> str:
        x, y = text.at
        rotate = (f' transform="rotate({_n(-text.angle)} {_n(x)} {_n(-y)})"'
                  if text.angle else "")
        return (f'<text x="{_n(x)}" y="{_n(-y)}" font-size="{_n(text.size)}" '
                f'font-family="sans-serif" text-anchor="{text.anchor}" fill="{_INK}" '
                f'stroke="none"{rotate}>{escape(text.text)}</text>')


def _n(x: float) -> str:
    return decimal(x, _PLACES)


def _xy(point: Point) -> str:
    """A model point in SVG's coordinates, whose y runs down."""
    return f"{_n(point[0])} {_n(-point[1])}"


def _segment(a: Point, b: Point) -> str:
    return f'<path d="M {_xy(a)} L {_xy(b)}"/>'


def _upright(ux: float, uy: float) -> float:
    """The angle (degrees) of a label along (ux, uy), turned so it never reads upside down."""
    angle = math.degrees(math.atan2(uy, ux))
    if angle > 90.0 + 1e-9:
        return angle - 180.0
    if angle <= -90.0 + 1e-9:
        return angle + 180.0
    return angle


def _arc(arc: Arc, dx: float, dy: float) -> str:
    """An SVG arc to the arc's end along its loop; y is flipped, so counter-clockwise in the
    model is SVG's sweep flag 0."""
    r = _n(arc.radius)
    large = 1 if arc.sweep > 180.0 else 0
    sweep = 1 if arc.clockwise else 0
    x, y = arc.end
    return f"A {r} {r} 0 {large} {sweep} {_xy((x + dx, y + dy))}"
