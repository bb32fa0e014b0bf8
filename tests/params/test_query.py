"""Dot-notation queries: presets, overrides, and every malformed key named."""

import pytest

from cadstream.params.presets import preset
from cadstream.params.problems import ParameterError
from cadstream.params.query import groups_from_query


def test_defaults_to_t_shape() -> None:
    assert groups_from_query([]) == preset("T Shape").parameters.as_groups()


def test_overrides_onto_named_preset() -> None:
    groups = groups_from_query([("preset", "H Shape"), ("furling.Offset", "160")])
    assert groups["furling"]["Offset"] == "160"
    assert groups["magnafpm"]["RotorDiskRadius"] == 225


def test_ignored_keys_are_skipped() -> None:
    assert groups_from_query([("client", "abc")], ignore={"client"}) == groups_from_query([])


@pytest.mark.parametrize(("key", "fragment"), [
    ("RotorDiskRadius", "RotorDiskRadius"),
    ("rotor.RotorDiskRadius", "rotor.RotorDiskRadius"),
    ("magnafpm.", "magnafpm."),
])
def test_malformed_keys_are_named(key: str, fragment: str) -> None:
    with pytest.raises(ParameterError) as caught:
        groups_from_query([(key, "1")])
    assert caught.value.problems[0].name == fragment
    assert "is not a parameter" in str(caught.value)


def test_unknown_preset_lists_the_presets() -> None:
    with pytest.raises(ParameterError, match="is not a preset; choose one of: T Shape, H Shape"):
        groups_from_query([("preset", "Q Shape")])


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(ParameterError, match="is given more than once"):
        groups_from_query([("furling.Offset", "1"), ("furling.Offset", "2")])


def test_all_problems_reported_together() -> None:
    with pytest.raises(ParameterError) as caught:
        groups_from_query([("nogroup", "1"), ("preset", "nope")])
    assert [p.name for p in caught.value.problems] == ["nogroup", "preset"]
