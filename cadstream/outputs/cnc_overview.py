"""The CNC overview: every flat part to scale in one SVG, a row per sheet, as the reference has it.

Layout (tools-and-outputs §2.b.4): a row per sheet (material and thickness) under a header such
as ``Steel 6.00 mm``, parts side by side, tallest first, each with its count below it. A part is a
``<g>`` whose ``<title>`` is its label (the hover tooltip) and whose ``id`` and ``data-label`` let
a UI find it; the group flips Y so the model's +Y points up. Width and height are in millimetres
with a matching viewBox, so the drawing prints to scale. Text and gaps scale with the rotor disk
radius (§2.b.5) so that labels stay legible beside small and large parts alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from cadstream.outputs.decimals import decimal
from cadstream.outputs.outline import Arc, Bounds, Circle, Line, Outline, Point, Segment
from cadstream.outputs.sheets import Drawn, Sheet

__all__ = ["OverviewStyle", "cnc_overview_svg"]

#: Decimals of SVG coordinates: a micrometre, far below what any screen or cutter resolves.
_PLACES = 3
#: A profile whose lowest point is this close to y = 0 sits on the row's baseline.
_ON_BASELINE = 1e-7


@dataclass(frozen=True)
class OverviewStyle:
    """Sizes (mm) and colours of the overview; the defaults are the reference's."""

    font_size: float = 72
    padding: float = 16
    row_gap: float = 64
    column_gap: float = 32.0
    text_margin: float = 48
    stroke_width: float = 2.5
    font_family: str = "sans-serif"
    foreground: str = "#FFFFFF"
    background: str = "#000000"

    @classmethod
    def for_rotor_disk_radius(cls, radius: float) -> OverviewStyle:
        """Text and gaps in proportion to the rotor disk (72 mm text looks right beside a 150 mm
        disk); stroke and colours stay. Python's ``round`` (ties to even), as the reference."""
        if radius <= 0:
            raise ValueError(f"rotor disk radius must be positive, got {radius!r}")
        font_size = round(0.48 * radius)
        row_gap = round(0.889 * font_size)
        return cls(font_size=font_size, padding=round(0.222 * font_size), row_gap=row_gap,
                   column_gap=row_gap / 2, text_margin=round(0.667 * font_size))


def cnc_overview_svg(laid_out: Iterable[Sheet], rotor_disk_radius: float) -> str:
    """The overview of the flat parts on ``laid_out`` (:func:`cadstream.outputs.sheets.sheets`)
    styled for a rotor disk of ``rotor_disk_radius`` mm."""
    style = OverviewStyle.for_rotor_disk_radius(rotor_disk_radius)
    elements: list[str] = []
    y = style.padding
    width = 0.0
    for sheet in laid_out:
        y += style.font_size
        header = f"{sheet.material} {sheet.thickness:.2f} mm"
        elements.append(_text(header, style.padding, y, style.font_size, style))
        y += style.text_margin
        row_height = sheet.parts[0].outline.bounds.height
        x = style.padding
        for drawn in sheet.parts:
            bounds = drawn.outline.bounds
            ty = _translate_y(bounds, y, row_height)
            elements.append(_part(drawn, x - bounds.xmin, ty, style))
            elements.append(_text(str(drawn.part.count), x, y + row_height + style.font_size,
                                  0.75 * style.font_size, style))
            x += bounds.width + style.padding
            width = max(width, x)
            x += style.column_gap
        y += row_height + style.text_margin + style.row_gap + style.padding
    w, h = decimal(width, _PLACES), decimal(y, _PLACES)
    return "\n".join([
        f'<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" '
        f'viewBox="0 0 {w} {h}">',
        f'<rect width="100%" height="100%" fill="{style.background}"/>',
        *elements,
        "</svg>",
    ])


def _translate_y(bounds: Bounds, row_top: float, row_height: float) -> float:
    """The vertical translation that puts a part in its row (the reference's rule, kept as is).

    The tallest parts hang from the row's top; shorter ones stand on its bottom, measured from
    y = 0 when the profile starts there, else taking the profile as symmetric about y = 0.
    """
    if bounds.height < row_height:
        lift = 0.0 if abs(bounds.ymin) < _ON_BASELINE else max(bounds.ymax, -bounds.ymin)
        return row_top + row_height - lift
    return row_top + bounds.ymax


def _text(content: str, x: float, y: float, size: float, style: OverviewStyle) -> str:
    return (f'<text x="{decimal(x, _PLACES)}" y="{decimal(y, _PLACES)}" '
            f'font-size="{decimal(size, _PLACES)}" font-family={quoteattr(style.font_family)} '
            f'fill="{style.foreground}">{escape(content)}</text>')


def _part(drawn: Drawn, tx: float, ty: float, style: OverviewStyle) -> str:
    label = drawn.part.label
    stroke = (f'fill="none" stroke="{style.foreground}" '
              f'stroke-width="{decimal(style.stroke_width, _PLACES)}"')
    return (f'<g id={quoteattr("cnc-" + label)} data-label={quoteattr(label)} '
            f'transform="translate({decimal(tx, _PLACES)}, {decimal(ty, _PLACES)}) scale(1, -1)" '
            f'pointer-events="bounding-box"><title>{escape(label)}</title>'
            f'{"".join(_drawing(drawn.outline, stroke))}</g>')


def _drawing(drawing: Outline, stroke: str) -> Iterator[str]:
    """Circles as ``<circle>``, every other loop a closed subpath of one ``<path>``."""
    subpaths: list[str] = []
    for loop in drawing.loops:
        if isinstance(loop, Circle):
            (cx, cy), r = loop.center, loop.radius
            yield (f'<circle cx="{decimal(cx, _PLACES)}" cy="{decimal(cy, _PLACES)}" '
                   f'r="{decimal(r, _PLACES)}" {stroke}/>')
        else:
            subpaths.append(_subpath(loop))
    if subpaths:
        yield f'<path d="{" ".join(subpaths)}" {stroke}/>'


def _xy(point: Point) -> str:
    return f"{decimal(point[0], _PLACES)} {decimal(point[1], _PLACES)}"


def _subpath(segments: Sequence[Segment]) -> str:
    commands = [f"M {_xy(segments[0].start)}"]
    for segment in segments:
        if isinstance(segment, Line):
            commands.append(f"L {_xy(segment.end)}")
        elif isinstance(segment, Arc):
            commands.append(_arc(segment))
        else:
            commands.append("L " + " ".join(_xy(p) for p in segment.points[1:]))
    commands.append("Z")
    return " ".join(commands)


def _arc(arc: Arc) -> str:
    """An SVG elliptical-arc command to the arc's end along its loop.

    The path is drawn in model coordinates (the group flips them), where SVG's sweep flag 1 means
    increasing angle: counter-clockwise in the model.
    """
    r = decimal(arc.radius, _PLACES)
    large = 1 if arc.sweep > 180.0 else 0
    sweep = 0 if arc.clockwise else 1
    return f"A {r} {r} 0 {large} {sweep} {_xy(arc.end)}"
