"""Short decimal text for numbers in text formats (SVG, OBJ): the files stay small and readable."""

from __future__ import annotations

__all__ = ["decimal"]


def decimal(x: float, places: int) -> str:
    """``x`` rounded to ``places`` decimals, without trailing zeros: ``decimal(16.0, 3) == "16"``.

    A value that rounds to zero prints ``0``, never ``-0``.
    """
    text = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
