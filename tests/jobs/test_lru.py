"""ResultCache: LRU order, counters, and a disk layer that never serves a damaged entry."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from cadstream.jobs import ResultCache

pytestmark = pytest.mark.timeout(10)


def entry_files(directory: Path) -> list[Path]:
    return sorted(directory.iterdir())


def test_the_least_recently_used_entry_is_evicted() -> None:
    cache: ResultCache[str] = ResultCache(size=2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # now b is the least recently used
    cache.put("c", "C")
    assert len(cache) == 2
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == ("A", "C")


def test_putting_again_replaces_and_refreshes() -> None:
    cache: ResultCache[str] = ResultCache(size=2)
    cache.put("a", "A")
    cache.put("b", "B")
    cache.put("a", "A2")
    cache.put("c", "C")
    assert cache.get("a") == "A2"
    assert cache.get("b") is None


def test_hits_and_misses_are_counted() -> None:
    cache: ResultCache[int] = ResultCache()
    assert cache.get("k") is None
    cache.put("k", 1)
    assert cache.get("k") == 1
    assert cache.get("k") == 1
    assert (cache.hits, cache.misses) == (2, 1)


def test_default_size_is_eight() -> None:
    cache: ResultCache[int] = ResultCache()
    for n in range(9):
        cache.put(str(n), n)
    assert len(cache) == 8
    assert cache.get("0") is None


def test_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="ResultCache size is 0: must be at least 1"):
        ResultCache(size=0)


def test_disk_round_trip_survives_a_restart(tmp_path: Path) -> None:
    """A new cache on the same directory (a restarted server) answers from disk."""
    ResultCache[dict[str, str]](directory=tmp_path).put("key/with:odd chars", {"objText": "o"})
    restarted: ResultCache[dict[str, str]] = ResultCache(directory=tmp_path)
    assert restarted.get("key/with:odd chars") == {"objText": "o"}
    assert (restarted.hits, restarted.misses) == (1, 0)
    assert len(restarted) == 1  # promoted to memory


def test_evicted_entries_are_still_on_disk(tmp_path: Path) -> None:
    cache: ResultCache[str] = ResultCache(size=1, directory=tmp_path)
    cache.put("a", "A")
    cache.put("b", "B")
    assert len(cache) == 1
    assert cache.get("a") == "A"
    assert len(entry_files(tmp_path)) == 2


def test_caller_supplied_encoding(tmp_path: Path) -> None:
    def encode(text: str) -> bytes:
        return text.encode("utf-8")

    def decode(data: bytes) -> str:
        return data.decode("utf-8")

    ResultCache(directory=tmp_path, encode=encode, decode=decode).put("k", "<svg/>")
    [path] = entry_files(tmp_path)
    assert path.read_bytes().endswith(b"<svg/>")
    assert ResultCache(directory=tmp_path, encode=encode, decode=decode).get("k") == "<svg/>"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="flipped bit"),
        pytest.param(lambda data: b"not a cache file at all", id="foreign"),
    ],
)
def test_a_damaged_entry_is_a_miss_deleted_then_rebuilt(
    tmp_path: Path, damage: object, caplog: pytest.LogCaptureFixture
) -> None:
    ResultCache[bytes](directory=tmp_path).put("k", b"payload" * 100)
    [path] = entry_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]

    cache: ResultCache[bytes] = ResultCache(directory=tmp_path)
    with caplog.at_level(logging.WARNING, logger="cadstream.jobs.lru"):
        assert cache.get("k") is None
    assert "damaged" in caplog.text
    assert (cache.hits, cache.misses) == (0, 1)
    assert not path.exists()

    cache.put("k", b"rebuilt")
    assert ResultCache[bytes](directory=tmp_path).get("k") == b"rebuilt"


def test_an_undecodable_entry_is_never_served(tmp_path: Path) -> None:
    """The checksum holds but the decoder refuses (e.g. a class that no longer exists)."""

    def refuse(data: bytes) -> str:
        raise ValueError("unknown format")

    ResultCache[str](directory=tmp_path).put("k", "v")
    cache: ResultCache[str] = ResultCache(directory=tmp_path, decode=refuse)
    assert cache.get("k") is None
    assert entry_files(tmp_path) == []


def test_an_entry_under_another_keys_name_is_not_served(tmp_path: Path) -> None:
    ResultCache[str](directory=tmp_path).put("a", "A")
    [a_path] = entry_files(tmp_path)
    cache: ResultCache[str] = ResultCache(directory=tmp_path)
    cache.put("b", "B")
    [b_path] = [path for path in entry_files(tmp_path) if path != a_path]
    os.replace(a_path, b_path)
    assert ResultCache[str](directory=tmp_path).get("b") is None


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    cache: ResultCache[int] = ResultCache(directory=tmp_path)
    for n in range(5):
        cache.put(f"k{n}", n)
    cache.put("k0", 99)
    assert [path.name.startswith(".") for path in entry_files(tmp_path)] == [False] * 5


def test_a_failed_write_is_logged_cleaned_up_and_served_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def full_disk(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    cache: ResultCache[str] = ResultCache(directory=tmp_path)
    monkeypatch.setattr(os, "replace", full_disk)
    with caplog.at_level(logging.WARNING, logger="cadstream.jobs.lru"):
        cache.put("k", "v")
    assert "cannot write cached result" in caplog.text
    assert entry_files(tmp_path) == []
    assert cache.get("k") == "v"


def test_a_value_that_cannot_be_encoded_is_stored_nowhere(tmp_path: Path) -> None:
    cache: ResultCache[object] = ResultCache(directory=tmp_path)
    with pytest.raises(AttributeError):
        cache.put("k", lambda: None)  # pickle refuses local functions
    assert cache.get("k") is None
    assert entry_files(tmp_path) == []


def test_the_directory_is_created(tmp_path: Path) -> None:
    ResultCache[int](directory=tmp_path / "a" / "b").put("k", 1)
    assert len(entry_files(tmp_path / "a" / "b")) == 1
