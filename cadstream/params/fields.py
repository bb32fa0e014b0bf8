"""Field-level checks: each value's type, enum and sign, one parameter at a time.

Values arrive as JSON numbers, .mat floats or (from a URL) text; text is parsed strictly as a
decimal number, never evaluated, so ``nan``, ``inf``, ``1e999``, hex and empty values are refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from cadstream.params.model import Scalar
from cadstream.params.problems import Problem
from cadstream.params.spec import ParameterSpec

__all__ = ["check_field", "parse_number", "unknown_keys"]

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_number(text: str) -> float | None:
    """A finite decimal number, or None for anything else (nan, inf, hex, blanks, words)."""
    stripped = text.strip()
    if not _DECIMAL.fullmatch(stripped):
        return None
    value = float(stripped)
    return value if math.isfinite(value) else None


def _describe_enum(spec: ParameterSpec) -> str:
    assert spec.enum is not None
    return ", ".join(str(choice) for choice in spec.enum)


def check_field(spec: ParameterSpec, raw: object) -> tuple[Scalar | None, Problem | None]:
    """The typed value of one parameter, or the problem that stops it."""
    key = spec.key
    if spec.kind == "string":
        if not isinstance(raw, str) or raw not in (spec.enum or ()):
            return None, Problem(key, raw, f"must be one of: {_describe_enum(spec)}")
        return raw, None
    if isinstance(raw, str):
        number = parse_number(raw)
        if number is None:
            return None, Problem(key, raw, "must be a finite decimal number")
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        number = float(raw)
        if not math.isfinite(number):
            return None, Problem(key, raw, "must be a finite decimal number")
    else:
        return None, Problem(key, raw, "must be a number")
    if spec.kind == "integer" and not number.is_integer():
        return None, Problem(key, raw, "must be a whole number")
    value: Scalar = int(number) if number.is_integer() else number
    if spec.enum is not None and not any(float(c) == number for c in spec.enum):
        return None, Problem(key, raw, f"must be one of: {_describe_enum(spec)}")
    if spec.positive and number <= 0:
        return None, Problem(key, raw, f"must be greater than 0 {spec.unit}".rstrip())
    if spec.non_negative and number < 0:
        return None, Problem(key, raw, "must not be negative")
    return value, None


def unknown_keys(groups: Mapping[str, Mapping[str, object]],
                 known: Mapping[str, ParameterSpec]) -> list[Problem]:
    """Problems for every group or name that is not a parameter."""
    problems = []
    for group, values in groups.items():
        for name, value in values.items():
            if f"{group}.{name}" not in known:
                problems.append(Problem(f"{group}.{name}", value, "is not a known parameter"))
    return problems
