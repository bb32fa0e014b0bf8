"""A stable key for a design: the same parameters always name the same cached result."""

from __future__ import annotations

import hashlib
import json

from cadstream.params.model import Parameters

__all__ = ["MODEL_VERSION", "cache_key"]

#: Bump whenever derived numbers or geometry change, so stale cached designs are not served.
MODEL_VERSION = "1"


def _normal(value: object) -> object:
    """Numbers by value (0.5 and 0.50 agree, 12 and 12.0 agree), text as is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cache_key(parameters: Parameters) -> str:
    """sha256 hex of the model version and the sorted, normalised parameters."""
    body = {"model": MODEL_VERSION,
            "parameters": {key: _normal(value) for key, value in parameters.items()}}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
