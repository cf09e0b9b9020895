"""The cross-file names pass as a map-reduce, for streaming and Dask runs.

``names_run.apply`` needs every file's summary at once; here the counts it
compares are built incrementally (map: one :class:`NameCounts` per chunk or
partition; reduce: :meth:`NameCounts.merge` in input order), and only the
summaries that could be flagged (a rare, flaggable spelling) are kept until
the counts are complete. The findings are exactly ``names_run.apply``'s: the
same counts, the first established spelling in input order, the same test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newslint.diagnostics import Diagnostic
from newslint.names import run as names_run
from newslint.names.run import FREQUENT_FILES, FileNames


def needs_second_pass(summary: FileNames | None) -> bool:
    """Whether the cross-file pass could add a finding to this file."""
    return summary is not None and any(f.flaggable for f in summary.forms.values())


@dataclass
class NameCounts:
    summaries: int = 0
    in_files: Counter[str] = field(default_factory=Counter)  # files where established
    used_in: Counter[str] = field(default_factory=Counter)  # files where it appears
    texts: dict[str, str] = field(default_factory=dict)  # first established spelling
    givens: dict[str, set[str]] = field(default_factory=dict)

    def add(self, summary: FileNames | None) -> None:
        if summary is None:
            return
        self.summaries += 1
        self.used_in.update(summary.forms.keys())
        for key, form in summary.forms.items():
            if form.established:
                self.in_files[key] += 1
                self.texts.setdefault(key, form.text)
                self.givens.setdefault(key, set()).update(form.givens)

    def merge(self, later: NameCounts) -> None:
        """Add the counts of a chunk that comes after this one in the input."""
        self.summaries += later.summaries
        self.in_files.update(later.in_files)
        self.used_in.update(later.used_in)
        for key, text in later.texts.items():
            self.texts.setdefault(key, text)
        for key, names in later.givens.items():
            self.givens.setdefault(key, set()).update(names)


class NameSlips:
    """The second pass: findings for one file's summary, from the final counts."""

    def __init__(self, counts: NameCounts) -> None:
        self.counts = counts
        self.by_initial: dict[str, list[str]] = {}
        if counts.summaries < 2:
            return  # as names_run.apply: nothing to compare
        for key, n in counts.in_files.items():
            if n >= FREQUENT_FILES:
                self.by_initial.setdefault(counts.texts[key][:1].lower(), []).append(key)

    def findings(self, summary: FileNames | None) -> list[Diagnostic]:
        if summary is None or not self.by_initial:
            return []
        c = self.counts
        return names_run._file_diagnostics(summary, c.used_in, self.by_initial, c.texts, c.givens)
