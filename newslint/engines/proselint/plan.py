"""The detector plan's data: what :mod:`detectors` works out from proselint's
checks and :mod:`match` keeps on disk and runs (plain data, no proselint)."""

from __future__ import annotations

from dataclasses import dataclass, field

Key = tuple[int, int]  # (check index, term-pair index or -1 for the whole check)


@dataclass
class Plan:
    """The detectors of some checks (indices in their order): RE2 patterns
    grouped into sets, with their anchors; Python-regex patterns searched on
    their own; the checks that always run."""

    groups: dict[str, list[tuple[str, Key]]]
    anchors: dict[str, list[tuple[str, bool] | None]]
    always: set[int]
    searches: dict[int, tuple[str, int]] = field(default_factory=dict)
    pairs: set[int] = field(default_factory=set)  # consistency checks: tags 2i, 2i+1 a pair
