"""Word lists kept as data (``newslint/data/<topic>/<name>.txt``).

One entry a line, sorted, so that lists diff well and tests can check them as
data (as codespell keeps its lists); ``#`` starts a comment line that says
what the list is for. Entries may hold spaces ("vice president") or a tab
between columns (``country-adjectives.tsv``).
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_entries(path: Path) -> list[str]:
    """The entries of a list file: non-blank lines that are not comments, stripped."""
    text = path.read_text(encoding="utf-8")
    return [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]


@functools.cache
def word_set(topic: str, name: str) -> frozenset[str]:
    """The entries of ``data/<topic>/<name>.txt`` as a set."""
    return frozenset(read_entries(DATA_DIR / topic / f"{name}.txt"))


@functools.cache
def word_table(topic: str, name: str) -> dict[str, str]:
    """``data/<topic>/<name>.tsv``: the first column mapped to the second."""
    rows = (line.split("\t") for line in read_entries(DATA_DIR / topic / f"{name}.tsv"))
    return {key: value for key, value in rows}


def words(text: str) -> frozenset[str]:
    """A small word set written inline as one space-separated string."""
    return frozenset(text.split())
