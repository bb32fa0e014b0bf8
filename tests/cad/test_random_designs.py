"""Fifty random designs around the presets: each builds a valid turbine, or is refused clearly.

Every numeric parameter is scaled by a random factor from 0.85 to 1.15 (whole numbers rounded),
every enum drawn from its list; the draws are seeded, so a failure names a design that can be
replayed.
"""

from __future__ import annotations

import random

import pytest

from cadstream.cad.wind_turbine import wind_turbine_steps
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
    for step in wind_turbine_steps(validated.design.cells):
        for part in step.build().parts:
            assert part.shape.isValid(), f"seed {seed}: {part.name} is not a valid solid"


def test_most_draws_are_buildable() -> None:
    """The draws stay near real designs: refusals must be the exception, not the rule."""
    refused = 0
    for seed in range(DRAWS):
        try:
            validate(draw(seed))
        except ParameterError:
            refused += 1
    assert refused <= DRAWS // 2, f"{refused} of {DRAWS} random designs were refused"
