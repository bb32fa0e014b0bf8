"""Every preset's alternator and whole turbine, built once per session for the tests to inspect."""

from __future__ import annotations

import pytest
from built_alternator import BuiltAlternator, build
from built_turbine import BuiltTurbine
from built_turbine import build as build_turbine

from cadstream.design.derive import Design


@pytest.fixture(scope="session")
def alternators(designs: dict[str, Design]) -> dict[str, BuiltAlternator]:
    return {name: build(name, design.cells) for name, design in designs.items()}


@pytest.fixture(scope="session")
def turbines(designs: dict[str, Design]) -> dict[str, BuiltTurbine]:
    """Every preset's whole turbine, built once."""
    return {name: build_turbine(name, design.cells) for name, design in designs.items()}
