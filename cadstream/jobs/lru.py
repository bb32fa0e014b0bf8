"""Completed results by key: a small in-memory LRU, optionally backed by a directory on disk.

The disk layer lets a restarted server answer a known design at once. Each entry is one file,
written to a temporary name and renamed over the old one, so a reader sees a whole entry or none;
a file that is damaged anyway (truncated copy, bad disk, older format) fails its checksum or its
decoding, is deleted and counts as a miss, so the result is rebuilt and never served broken.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

__all__ = ["ResultCache"]

logger = logging.getLogger(__name__)

V = TypeVar("V")

#: Starts every entry file; bump the digit when the layout changes so old files read as damaged.
_MAGIC = b"cadstream-result-1\n"
_SUFFIX = ".result"
_TEMP_PREFIX = ".tmp-"


def _digest(key: str, payload: bytes) -> bytes:
    """Ties the payload to its key, so a damaged byte or a file under the wrong name is caught."""
    return hashlib.sha256(key.encode("utf-8") + b"\0" + payload).digest()


class ResultCache(Generic[V]):
    """The ``size`` most recently used results in memory; every result in ``directory`` if given.

    ``get`` answers from memory, else from disk (promoting the entry to memory), else ``None``;
    ``put`` stores in both. ``None`` is therefore not a storable value. ``encode``/``decode`` turn a
    value into the bytes of its file and back (pickle by default: only point the cache at a
    directory this server alone writes). Disk access is blocking: entries of a few MB take
    milliseconds; callers with larger ones should use ``asyncio.to_thread``. The directory is never
    pruned.
    """

    def __init__(
        self,
        size: int = 8,
        *,
        directory: Path | str | None = None,
        encode: Callable[[V], bytes] = pickle.dumps,
        decode: Callable[[bytes], V] = pickle.loads,
    ) -> None:
        if size < 1:
            raise ValueError(f"ResultCache size is {size!r}: must be at least 1.")
        self._size = size
        self._memory: OrderedDict[str, V] = OrderedDict()
        self._directory = None if directory is None else Path(directory)
        if self._directory is not None:
            self._directory.mkdir(parents=True, exist_ok=True)
        self._encode = encode
        self._decode = decode
        self._hits = 0
        self._misses = 0

    @property
    def hits(self) -> int:
        """Lookups answered, from memory or from disk."""
        return self._hits

    @property
    def misses(self) -> int:
        """Lookups not answered, damaged entries included."""
        return self._misses

    @property
    def size(self) -> int:
        """How many results are kept in memory at most."""
        return self._size

    def __len__(self) -> int:
        """Entries held in memory."""
        return len(self._memory)

    def get(self, key: str) -> V | None:
        value = self._memory.get(key)
        if value is not None:
            self._memory.move_to_end(key)
        elif self._directory is not None:
            value = self._load(key, self._directory / _file_name(key))
            if value is not None:
                self._remember(key, value)
        if value is None:
            self._misses += 1
        else:
            self._hits += 1
        return value

    def put(self, key: str, value: V) -> None:
        """Store ``value``. An encoding error is raised; a disk error is logged (memory has it)."""
        if self._directory is None:
            self._remember(key, value)
            return
        payload = self._encode(value)  # first, so a value that cannot be encoded is stored nowhere
        self._remember(key, value)
        path = self._directory / _file_name(key)
        try:
            _write_atomically(path, _MAGIC + _digest(key, payload) + payload)
        except OSError:
            logger.warning("cannot write cached result %s", path, exc_info=True)

    def _remember(self, key: str, value: V) -> None:
        self._memory[key] = value
        self._memory.move_to_end(key)
        while len(self._memory) > self._size:
            self._memory.popitem(last=False)

    def _load(self, key: str, path: Path) -> V | None:
        """The value in ``path``; None if there is none or if it is damaged (then it is deleted)."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            logger.warning("cannot read cached result %s", path, exc_info=True)
            return None
        try:
            return self._decode(_unwrap(key, data))
        except Exception:  # a bad header or checksum, or whatever the decoder raises on bad bytes
            logger.warning("deleting damaged cached result %s for key %s", path, key, exc_info=True)
        with contextlib.suppress(OSError):  # if it stays, it is caught again and still not served
            path.unlink(missing_ok=True)
        return None


class _DamagedEntry(ValueError):
    """An entry file that is not what ``ResultCache`` wrote for its key."""


def _file_name(key: str) -> str:
    """A fixed-length file name whatever characters the key holds."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest() + _SUFFIX


def _unwrap(key: str, data: bytes) -> bytes:
    """The payload of an entry file, checked against its header."""
    header = len(_MAGIC) + hashlib.sha256().digest_size
    payload = data[header:]
    if not data.startswith(_MAGIC):
        raise _DamagedEntry("it does not start with the expected header")
    if data[len(_MAGIC) : header] != _digest(key, payload):
        raise _DamagedEntry("its checksum does not match its key and contents")
    return payload


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic on one file system, so a reader or a crash mid-write never leaves a
    half-written entry under the real name; on any failure the temporary file is removed.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=_TEMP_PREFIX, suffix=_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
