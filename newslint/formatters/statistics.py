"""``--statistics``: how often each rule fired, most frequent first."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from newslint.registry import RuleMeta
from newslint.results import RunResult


def write_statistics(result: RunResult, out: TextIO) -> None:
    counts = Counter(d.rule for f in result.files for d in f.diagnostics)
    write_rule_counts(counts, result.rules, out)


def write_rule_counts(counts: Counter[str], rules: dict[str, RuleMeta], out: TextIO) -> None:
    """One line per rule, most findings first: count, id, summary."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not rows:
        return
    count_width = len(str(rows[0][1]))
    rule_width = max(len(rule) for rule, _ in rows)
    for rule, count in rows:
        meta = rules.get(rule)
        summary = meta.summary if meta else ""
        out.write(f"{count:>{count_width}}  {rule:<{rule_width}}  {summary}".rstrip() + "\n")
