"""A word list kept as sorted 64-bit hashes, for lists too big to hold as strings.

wordfreq's English list (311,000 words) held as a ``dict[str, int]`` costs a
worker process about 34 MiB, the foreign-word set another 25 MiB. Here each
word is an 8-byte BLAKE2b hash in a sorted ``array('Q')`` with its value in a
parallel ``array('H')``: about 3 MiB, looked up by binary search in C
(``bisect`` on the array). The chance that a word not on the list hashes onto
one that is is about one in 6*10^13 per lookup. The table only answers
lookups: it cannot list its words.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from hashlib import blake2b
from pathlib import Path


def word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


class HashedWords:
    """Values (0-65535) for words, or plain membership when all values are 1."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: array[int], values: array[int]) -> None:
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
        """Read what :meth:`dumps` wrote straight into the arrays (no copy)."""
        keys, values = array("Q"), array("H")
        with path.open("rb") as handle:
            count = int.from_bytes(handle.read(8), "little")
            keys.fromfile(handle, count)  # EOFError or ValueError when the file is short
            values.fromfile(handle, count)
            if handle.read(1):
                raise ValueError(f"{path}: longer than its count")
        return cls(keys, values)
