"""The cache key: equal designs agree, different designs differ."""

import pytest

from cadstream.params import cache_key as cache_key_module
from cadstream.params.cache_key import MODEL_VERSION, cache_key
from cadstream.params.presets import preset

T = preset("T Shape").parameters


def test_stable_hex_digest() -> None:
    key = cache_key(T)
    assert len(key) == 64 and int(key, 16) >= 0
    assert cache_key(T) == key


def test_equal_numbers_agree() -> None:
    assert cache_key(T.replace({"magnafpm.MechanicalClearance": 0.5})) == cache_key(
        T.replace({"magnafpm.MechanicalClearance": 0.50}))
    assert cache_key(T.replace({"magnafpm.RotorDiskRadius": 150.0})) == cache_key(
        T.replace({"magnafpm.RotorDiskRadius": 150}))


def test_different_numbers_differ() -> None:
    assert cache_key(T.replace({"magnafpm.MechanicalClearance": 0.05})) != cache_key(
        T.replace({"magnafpm.MechanicalClearance": 0.5}))
    assert cache_key(preset("H Shape").parameters) != cache_key(T)


def test_model_version_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_key(T)
    monkeypatch.setattr(cache_key_module, "MODEL_VERSION", MODEL_VERSION + "-next")
    assert cache_key(T) != before
