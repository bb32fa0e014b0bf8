"""Designs shared by every test: derived once per session, never mutated (they are frozen)."""

from __future__ import annotations

import pytest

from cadstream.design.derive import Design, derive
from cadstream.params.presets import presets


@pytest.fixture(scope="session")
def designs() -> dict[str, Design]:
    """Every preset's derived design, by preset name."""
    return {name: derive(p.parameters) for name, p in presets().items()}
