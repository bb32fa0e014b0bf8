"""Decimal text: rounded, no trailing zeros, no negative zero."""

from __future__ import annotations

import pytest

from cadstream.outputs.decimals import decimal


@pytest.mark.parametrize(("x", "places", "text"), [
    (16.0, 3, "16"), (100.0, 4, "100"), (0.5, 3, "0.5"), (-2.26, 1, "-2.3"),
    (1234.56789, 4, "1234.5679"), (-0.00001, 4, "0"), (0.0, 3, "0"), (-12.5, 3, "-12.5"),
    (0.9999, 3, "1"), (1e-4, 4, "0.0001"),
])
def test_decimal(x: float, places: int, text: str) -> None:
    assert decimal(x, places) == text
