"""How the dimension tables print numbers, shared with the drawings that illustrate them.

A drawing labels its dimensions with these very functions, so a picture and its table print the
same figure for the same length. Rounding is Python's built-in ``round`` (ties to even on the
binary value: ``round(192.5) == 192``, ``round(2.675, 2) == 2.67``), as the reference formats in
Python, not the spreadsheets' half-away-from-zero rounding.
"""

from __future__ import annotations

from cadstream.design.serialize import json_number

__all__ = ["angle", "length", "length_1dp", "number", "raw_length", "weight"]


def number(x: float) -> str:
    """Integral numbers without ``.0`` (as the reference's spreadsheets hand them back), other
    floats in Python's shortest repr."""
    return str(json_number(x))


def length(x: float) -> str:
    """A length rounded to whole millimetres."""
    return f"{round(x)} mm"


def length_1dp(x: float) -> str:
    """A length rounded to 0.1 mm (pipe diameters such as 48.3)."""
    return f"{number(round(x, 1))} mm"


def raw_length(x: float) -> str:
    """A length printed as it is: already a sum of rounded pieces, or a catalogue size."""
    return f"{number(x)} mm"


def angle(x: float) -> str:
    """An angle rounded to whole degrees."""
    return f"{round(x)}°"


def weight(x: float) -> str:
    """A weight rounded to 10 g (so 1.265 prints 1.26)."""
    return f"{number(round(x, 2))} kg"
