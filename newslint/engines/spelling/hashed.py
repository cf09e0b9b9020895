"""A word list kept as sorted 64-bit hashes, for lists too big to hold as strings.

wordfreq's English list (311,000 words) held as a ``dict[str, int]`` costs a
worker process about 34 MiB, the foreign-word set another 25 MiB. Here each
word is an 8-byte BLAKE2b hash in a sorted ``array('Q')`` with its value in a
parallel ``array('H')``: about 3 MiB, looked up by binary search in C
(``bisect`` on the array). The chance that a word not on the list hashes onto
one that is is about one in 6*10^13 per lookup. The table only answers
lookups: it cannot list its words.

A table loaded from its cache file is a view of the file mapped into memory,
not a copy: the operating system reads a page when a lookup first touches it
(a one-file run looks up a few thousand of 300,000 words), and processes
share the pages.
"""

from __future__ import annotations

import bisect
import mmap
from array import array
from collections.abc import Iterable
from hashlib import blake2b
from pathlib import Path
from typing import BinaryIO


def word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


class HashedWords:
    """Values (0-65535) for words, or plain membership when all values are 1."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: array[int] | memoryview, values: array[int] | memoryview) -> None:
        self._keys = keys
        self._values = values

    @classmethod
    def build(cls, items: Iterable[tuple[str, int]]) -> HashedWords:
        pairs = sorted((word_hash(w), v) for w, v in items)
        return cls(array("Q", (k for k, _ in pairs)), array("H", (v for _, v in pairs)))

    def get(self, word: str, default: int = 0) -> int:
        key = word_hash(word)
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            value: int = self._values[i]
            return value
        return default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1) != -1

    def __len__(self) -> int:
        return len(self._keys)

    def dumps(self) -> bytes:
        """The count, then the keys, then the values, in this machine's byte order."""
        return len(self._keys).to_bytes(8, "little") + self._keys.tobytes() + self._values.tobytes()

    @classmethod
    def load(cls, path: Path) -> HashedWords:
        """Map what :meth:`dumps` wrote (read it, where the file cannot be
        mapped). EOFError or ValueError when the file is short or long."""
        with path.open("rb") as handle:
            try:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # an empty file; a file system without mmap
                return cls._read(handle, path)
        view = memoryview(mapped)
        if len(view) < 8:
            raise EOFError(f"{path}: shorter than its count")
        count = int.from_bytes(view[:8], "little")
        if len(view) != 8 + count * 10:  # 8 bytes a key, 2 a value
            raise ValueError(f"{path}: {len(view)} bytes do not hold {count} words")
        return cls(view[8 : 8 + count * 8].cast("Q"), view[8 + count * 8 :].cast("H"))

    @classmethod
    def _read(cls, handle: BinaryIO, path: Path) -> HashedWords:
        keys, values = array("Q"), array("H")
        header = handle.read(8)
        if len(header) < 8:
            raise EOFError(f"{path}: shorter than its count")
        count = int.from_bytes(header, "little")
        keys.fromfile(handle, count)  # EOFError or ValueError when the file is short
        values.fromfile(handle, count)
        if handle.read(1):
            raise ValueError(f"{path}: longer than its count")
        return cls(keys, values)
