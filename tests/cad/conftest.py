"""Every preset's alternator, built once per session: the geometry tests only inspect it."""

from __future__ import annotations

import pytest
from built_alternator import BuiltAlternator, build

from cadstream.design.derive import Design


@pytest.fixture(scope="session")
def alternators(designs: dict[str, Design]) -> dict[str, BuiltAlternator]:
    return {name: build(name, design.cells) for name, design in designs.items()}
