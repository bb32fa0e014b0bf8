"""The server's list of built assemblies (it cannot import CadQuery) matches the builders."""

from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.results import ASSEMBLIES, BUILT_ASSEMBLIES


def test_built_assemblies_match_the_builders() -> None:
    assert tuple(ASSEMBLY_STEPS) == BUILT_ASSEMBLIES
    assert all(name in ASSEMBLIES for name in BUILT_ASSEMBLIES)
