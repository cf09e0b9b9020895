"""A dict of compiled things kept in one marshal file in the cache directory.

Used by ``regexcache`` (compiled regex code) and ``codecache`` (the code
``@dataclass`` generates): both keep, per exact Python build, what earlier runs
compiled. The file holds what the last saves used: a run that selects other
rules (a hook, the language server) shares it without evicting the others'
entries, while an entry nobody used for :attr:`keep_saves` saves is dropped,
which bounds the file. Reading and writing are best effort: a missing, damaged
or unwritable file only costs the compile time it would have saved.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class MarshalStore(Generic[K, V]):
    def __init__(self, stem: str, keep_saves: int = 8) -> None:
        self.stem = stem
        self.keep_saves = keep_saves
        self._entries: dict[K, V] | None = None
        self._seen: dict[K, int] = {}  # key -> the save that last used it
        self._saves = 0

    @property
    def path(self) -> Path:
        from newslint.cachedir import cache_root

        version = "-".join(map(str, sys.version_info[:3]))
        return cache_root() / f"{self.stem}-{sys.implementation.name}-{version}.marshal"

    @property
    def loaded(self) -> bool:
        return self._entries is not None

    def entries(self) -> dict[K, V]:
        """The entries, read from the file on first use (empty when it is absent,
        damaged or from another Python build)."""
        if self._entries is None:
            self._entries = {}  # entries added while the file is read land here
            with contextlib.suppress(Exception):
                data: Any = marshal.loads(self.path.read_bytes())
                if isinstance(data, dict) and data.get("python") == sys.version:
                    entries, self._seen, self._saves = data["entries"], data["seen"], data["saves"]
                    entries.update(self._entries)
                    self._entries = entries
        return self._entries

    def save(self, used: Iterable[K]) -> None:
        """Write the entries this process ``used`` and those another run used in
        the last :attr:`keep_saves` saves (atomically; a value marshal cannot
        store means no file)."""
        if self._entries is None:
            return
        from newslint.cachedir import write_atomically

        saves = self._saves + 1
        seen = dict.fromkeys(used, saves)
        seen.update(
            (key, when)
            for key, when in self._seen.items()
            if key not in seen and key in self._entries and when > saves - self.keep_saves
        )
        data = {
            "python": sys.version,
            "entries": {key: self._entries[key] for key in seen if key in self._entries},
            "seen": seen,
            "saves": saves,
        }
        with contextlib.suppress(ValueError):
            write_atomically(self.path, marshal.dumps(data))
