"""The reference's evaluation rules, so derived numbers agree with it to the last digit.

FreeCAD spreadsheets take and return angles in degrees, round halves away from zero and use C's
``fmod``; Python's defaults differ on all three, so every sheet computes through these helpers.
"""

import math

__all__ = [
    "acos",
    "asin",
    "atan",
    "atan2",
    "cos",
    "fmod",
    "round_down5",
    "round_half_away",
    "round_up3",
    "round_up5",
    "sin",
    "tan",
]


def sin(degrees: float) -> float:
    return math.sin(math.radians(degrees))


def cos(degrees: float) -> float:
    return math.cos(math.radians(degrees))


def tan(degrees: float) -> float:
    return math.tan(math.radians(degrees))


def asin(x: float) -> float:
    return math.degrees(math.asin(x))


def acos(x: float) -> float:
    return math.degrees(math.acos(x))


def atan(x: float) -> float:
    return math.degrees(math.atan(x))


def atan2(y: float, x: float) -> float:
    return math.degrees(math.atan2(y, x))


def round_half_away(x: float, digits: int = 0) -> float:
    """Round to ``digits`` decimals with halves away from zero (not banker's rounding)."""
    scale = 10.0**digits
    return math.copysign(math.floor(abs(x) * scale + 0.5), x) / scale


def fmod(a: float, b: float) -> float:
    """C ``fmod``: the remainder takes the sign of ``a``."""
    return math.fmod(a, b)


def round_up5(x: float) -> float:
    """Next multiple of 5 strictly above ``x``; an exact multiple still gains 5, as there."""
    return x + 5 - fmod(x, 5)


def round_down5(x: float) -> float:
    return x - fmod(x, 5)


def round_up3(x: float) -> float:
    """Next multiple of 3 strictly above ``x``."""
    return x + 3 - fmod(x, 3)
