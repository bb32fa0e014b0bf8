"""Fifty random designs around the presets: each builds valid assemblies whose flat parts the
CNC overview can draw, or is refused clearly.

Every numeric parameter is scaled by a random factor from 0.85 to 1.15 (whole numbers rounded),
every enum drawn from its list; the draws are seeded, so a failure names a design that can be
replayed.
"""

from __future__ import annotations

import random

import cadquery as cq
import pytest

from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.outputs.outline import outline
from cadstream.params.model import Scalar
from cadstream.params.presets import presets
from cadstream.params.problems import ParameterError
from cadstream.params.spec import PARAMETERS
from cadstream.validation import validate

DRAWS = 50


def draw(seed: int) -> dict[str, dict[str, Scalar]]:
    rng = random.Random(seed)
    names = list(presets())
    groups = presets()[names[seed % len(names)]].parameters.as_groups()
    for spec in PARAMETERS:
        value = groups[spec.group][spec.name]
        if spec.enum is not None:
            groups[spec.group][spec.name] = rng.choice(spec.enum)
        elif isinstance(value, int | float):
            scaled = float(value) * rng.uniform(0.85, 1.15)
            groups[spec.group][spec.name] = (round(scaled) if spec.kind == "integer"
                                             else round(scaled, 2))
    return groups


@pytest.mark.parametrize("seed", range(DRAWS))
def test_random_design_builds_or_is_refused(seed: int) -> None:
    groups = draw(seed)
    try:
        validated = validate(groups)
    except ParameterError as error:
        assert error.problems and all(p.name and p.message for p in error.problems)
        return
    for assembly, steps in ASSEMBLY_STEPS.items():
        for step in steps(validated.design.cells):
            built = step.build()
            for part in built.parts:
                assert part.shape.isValid(), f"seed {seed}: {part.name} is not a valid solid"
            for flat in built.flat_parts:
                # What the CNC overview draws: one valid plane face (outline() checks the plane).
                assert isinstance(flat.profile, cq.Face) and flat.profile.isValid(), (
                    f"seed {seed}: {assembly} {flat.label} is not one valid face")
                outline(flat.profile)


def test_enough_draws_are_buildable() -> None:
    """Enums are drawn uniformly (coil type, magnet count, pipe sizes), so many draws pair what
    the recipe book never pairs (a triangular coil on a rectangular coil's hole widths, an H
    shape on the smallest yaw pipe) and are refused; with each preset's own enums nearly all
    build. A quarter must build all the same, or the draws would stop exercising the builders."""
    built = 0
    for seed in range(DRAWS):
        try:
            validate(draw(seed))
        except ParameterError:
            continue
        built += 1
    assert built >= DRAWS // 4, f"only {built} of {DRAWS} random designs were accepted"
