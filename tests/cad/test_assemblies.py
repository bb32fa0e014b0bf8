"""The server's list of assemblies (it cannot import CadQuery) matches the builders."""

from cadstream.cad.assemblies import ASSEMBLY_STEPS
from cadstream.results import ASSEMBLIES


def test_every_assembly_has_builders_in_order() -> None:
    assert tuple(ASSEMBLY_STEPS) == ASSEMBLIES
