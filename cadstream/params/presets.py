"""The 11 presets of the reference (fully merged), shipped as package data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from cadstream.params.model import Parameters

__all__ = ["DEFAULT_PRESET", "Preset", "preset", "presets"]

DEFAULT_PRESET = "T Shape"


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    parameters: Parameters


@cache
def presets() -> Mapping[str, Preset]:
    """All presets by name, in the reference's order (immutable, loaded once)."""
    raw = json.loads(files("cadstream.params").joinpath("presets.json").read_text("utf-8"))
    return MappingProxyType({
        name: Preset(name, entry["description"], Parameters.from_groups(entry))
        for name, entry in raw.items()
    })


def preset(name: str) -> Preset:
    """The preset called ``name``; ``KeyError`` lists the known names."""
    try:
        return presets()[name]
    except KeyError:
        known = ", ".join(presets())
        raise KeyError(f"Unknown preset {name!r}; choose one of: {known}") from None
