#!/usr/bin/env python3
"""Conformance: newslint over other checkers' published example sentences.

Reads, at run time only, the example sets in ``<repo>/../shared/corpora/
conformance`` (LanguageTool's English rule examples, Harper's linter test
cases, proselint's and write-good's examples), lints every sentence in-process
as a one-sentence plain-text document and prints, per source, how many
should-flag sentences newslint flags and how many should-pass sentences it
flags anyway. Where a source marks the error's span, a hit *at* that span is
counted apart from a hit anywhere in the sentence. No threshold: it reports.
Skips (exit 0) when the corpora are absent.

    python benchmarks/conformance.py --ignore grammar
    python benchmarks/conformance.py --limit 1000 --json-out .bench/conformance.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora" / "conformance"
PROGRESS_EVERY = 500

Span = tuple[int, int]  # start, end (exclusive) in the sentence


@dataclass(frozen=True)
class Case:
    """One example sentence and what its source expects of a checker."""

    text: str
    flag: bool  # True: should be flagged; False: should pass
    spans: tuple[Span, ...] = ()  # the marked error, when the source gives one
    group: str = ""  # the source's own rule / check / category, for the JSON breakdown


# --- loaders: one per source, each returning its cases and a note on what was left out ---


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_languagetool(path: Path) -> tuple[list[Case], str]:
    """<example> elements: ``incorrect`` ones flag, with the <marker> span; correct ones pass."""
    cases = []
    for row in _jsonl(path):
        flag = bool(row["incorrect"])
        has_span = flag and row.get("marker_start") is not None
        spans = ((row["marker_start"], row["marker_end"]),) if has_span else ()
        cases.append(Case(row["text"], flag, spans, row.get("category_type") or ""))
    return cases, ""


def _changed_span(before: str, after: str) -> Span:
    """The part of ``before`` that a correction rewrote (common prefix and suffix trimmed)."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    return start, end_b


def load_harper(path: Path) -> tuple[list[Case], str]:
    """Harper's asserts: a correction or a positive lint count flags, zero lints passes.

    Harper marks no span, so for correction cases the span is derived from the
    difference between the sentence and its expected correction."""
    cases = []
    for row in _jsonl(path):
        kind, text, group = row["assert"], row["text"], row["linter"].split("::")[0]
        if kind in ("assert_lint_count", "assert_no_lints"):
            cases.append(Case(text, row["expected_count"] > 0, (), group))
            continue
        corrected = row.get("expected")
        if corrected is None:  # assert_good_and_bad_suggestions
            good = row.get("good") or []
            corrected = good[0] if good else None
        if corrected is None:
            cases.append(Case(text, True, (), group))
        elif corrected == text:  # "corrects" to itself: the linter must stay quiet
            cases.append(Case(text, False, (), group))
        else:
            cases.append(Case(text, True, (_changed_span(text, corrected),), group))
    return cases, "spans derived from the expected corrections"


def load_proselint(path: Path) -> tuple[list[Case], str]:
    """proselint's per-check examples: ``should_flag`` and ``should_pass`` lists."""
    cases = []
    for entry in json.loads(path.read_text(encoding="utf-8")):
        check = entry["check"]
        cases.extend(Case(t, True, (), check) for t in entry["should_flag"])
        cases.extend(Case(t, False, (), check) for t in entry["should_pass"])
    return cases, ""


def load_write_good(path: Path) -> tuple[list[Case], str]:
    """write-good's spec: expected spans flag, none passes. Cases run with
    non-default options (a check switched off or on, a whitelist) test the
    options, not the sentence, so they are left out, as is the empty string."""
    cases, skipped = [], 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        if entry["options"] or not entry["text"].strip():
            skipped += 1
            continue
        spans = tuple((e["index"], e["index"] + e["offset"]) for e in entry["expected"])
        cases.append(Case(entry["text"], bool(spans), spans, "write-good"))
    return cases, f"{skipped} option/empty cases left out"


@dataclass(frozen=True)
class Source:
    name: str
    relpath: str
    load: Callable[[Path], tuple[list[Case], str]]


SOURCES = (
    Source("languagetool_en", "languagetool_en/examples.jsonl", load_languagetool),
    Source("harper", "harper/harper_linter_cases.jsonl", load_harper),
    Source("proselint", "proselint/examples.json", load_proselint),
    Source("write-good", "write-good/basic_cases.json", load_write_good),
)


def dedupe(cases: Sequence[Case]) -> list[Case]:
    """Drop exact repeats (proselint's smoke phrase appears once per check)."""
    seen: set[tuple[str, bool, tuple[Span, ...]]] = set()
    kept = []
    for case in cases:
        key = (case.text, case.flag, case.spans)
        if key not in seen:
            seen.add(key)
            kept.append(case)
    return kept


def spread(cases: Sequence[Case], limit: int | None) -> list[Case]:
    """``limit`` cases evenly spaced over the file, so a sample spans every category."""
    if limit is None or limit >= len(cases):
        return list(cases)
    return [cases[i * len(cases) // limit] for i in range(limit)]


# --- linting ---

Finding = tuple[str, int, int]  # rule id, start, end (offsets in the sentence)


class Linter:
    """One RuleSet, built once, that lints a sentence as a plain-text document."""

    def __init__(self, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> None:
        from newslint.config import CliOverrides, ConfigResolver
        from newslint.engine import RuleSet, build_providers

        # A throwaway directory: no project config is discovered above it.
        self._tmp = tempfile.TemporaryDirectory(prefix="newslint-conformance-")
        self.path = Path(self._tmp.name) / "sentence.txt"
        config = ConfigResolver(None, CliOverrides(select=select, ignore=ignore)).for_path(
            self.path
        )
        self.rules = RuleSet(config, build_providers(config))

    @property
    def grammar_on(self) -> bool:
        return "grammar" in self.rules.selected

    def grammar_problem(self) -> str | None:
        """Why LanguageTool cannot serve this run (starts it when it is selected)."""
        if not self.grammar_on:
            return None
        for provider in self.rules.active_providers(self.rules.selected):
            getattr(provider, "prepare", lambda: None)()
            problem = getattr(provider, "unavailable", lambda: None)()
            if problem:
                return str(problem)
        return None

    def lint(self, text: str) -> list[Finding]:
        from newslint.engine import lint_source

        result = lint_source(self.path, self.path.name, text, self.rules, fmt="text")
        if result.errors:
            raise SystemExit(f"newslint could not lint {text!r}: {result.errors}")
        return [
            (d.rule, d.range.start.offset, d.range.end.offset)
            for d in result.diagnostics
            if d.range is not None
        ]

    def close(self) -> None:
        self._tmp.cleanup()


def overlaps(finding: Finding, span: Span) -> bool:
    _, start, end = finding
    a, b = span
    if a == b:  # an insertion point: a finding touching it counts
        return start <= a <= end
    return start < b and a < end


# --- tallies ---


@dataclass
class Tally:
    flag: int = 0
    detected: int = 0
    marked: int = 0  # should-flag cases that mark a span
    at_span: int = 0
    passing: int = 0
    false_alarms: int = 0
    families: Counter[str] = field(default_factory=Counter)
    detecting_rules: Counter[str] = field(default_factory=Counter)
    false_alarm_rules: Counter[str] = field(default_factory=Counter)

    def add(self, case: Case, findings: Sequence[Finding]) -> None:
        rules = {rule for rule, _, _ in findings}
        if not case.flag:
            self.passing += 1
            if findings:
                self.false_alarms += 1
                self.false_alarm_rules.update(rules)
            return
        self.flag += 1
        if findings:
            self.detected += 1
            self.families.update({r.split(".", 1)[0] for r in rules})
            self.detecting_rules.update(rules)
        if case.spans:
            self.marked += 1
            if any(overlaps(f, s) for f in findings for s in case.spans):
                self.at_span += 1

    def as_json(self, top: int) -> dict[str, Any]:
        return {
            "should_flag": self.flag,
            "detected": self.detected,
            "detection_rate": rate(self.detected, self.flag),
            "with_marked_span": self.marked,
            "detected_at_span": self.at_span,
            "at_span_rate": rate(self.at_span, self.marked),
            "should_pass": self.passing,
            "false_alarms": self.false_alarms,
            "false_alarm_rate": rate(self.false_alarms, self.passing),
            "detecting_families": dict(self.families.most_common()),
            "top_detecting_rules": dict(self.detecting_rules.most_common(top)),
            "top_false_alarm_rules": dict(self.false_alarm_rules.most_common(top)),
        }


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def percent(part: int, whole: int) -> str:
    return f"{part:,} ({100 * part / whole:.1f}%)" if whole else f"{part:,} (n/a)"


def counts(counter: Counter[str], top: int | None = None) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in counter.most_common(top)) or "none"


def print_tally(tally: Tally, top: int) -> None:
    print(f"  should flag  {tally.flag:>6,}   detected {percent(tally.detected, tally.flag)}")
    if tally.marked:
        print(
            f"               at the marked span {percent(tally.at_span, tally.marked)}"
            f" of {tally.marked:,} with a span"
        )
    alarms = percent(tally.false_alarms, tally.passing)
    print(f"  should pass  {tally.passing:>6,}   false alarms {alarms}")
    print(f"  detecting families: {counts(tally.families)}")
    print(f"  top detecting rules: {counts(tally.detecting_rules, top)}")
    print(f"  top false-alarm rules: {counts(tally.false_alarm_rules, top)}")


def run_source(
    source: Source, root: Path, linter: Linter, limit: int | None, top: int
) -> dict[str, Any] | None:
    path = root / source.relpath
    if not path.is_file():
        print(f"\n{source.name}: skipped, {path} not found")
        return None
    loaded, note = source.load(path)
    unique = dedupe(loaded)
    cases = spread(unique, limit)
    notes = [n for n in (note, f"{len(loaded) - len(unique)} duplicates dropped") if n]
    if len(cases) < len(unique):
        notes.append(f"--limit {limit}: {len(cases):,} of {len(unique):,}, evenly spaced")
    print(f"\n{source.name}: {len(cases):,} sentences ({'; '.join(notes)})")

    total, by_group = Tally(), {}
    started = time.perf_counter()
    for done, case in enumerate(cases, 1):
        findings = linter.lint(case.text)
        total.add(case, findings)
        by_group.setdefault(case.group, Tally()).add(case, findings)
        if done % PROGRESS_EVERY == 0 and done < len(cases):
            elapsed = time.perf_counter() - started
            print(f"  ... {done:,}/{len(cases):,} ({elapsed:.0f} s)", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    print_tally(total, top)
    print(f"  time {seconds:.1f} s")
    return {
        "file": source.relpath,
        "sentences": len(cases),
        "notes": notes,
        "seconds": round(seconds, 2),
        **total.as_json(top),
        "by_group": {g: t.as_json(top) for g, t in sorted(by_group.items())},
    }


def split_ids(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="conformance dir")
    parser.add_argument("--select", action="append", help="rule ids or prefixes (newslint's)")
    parser.add_argument("--ignore", action="append", help="rule ids or prefixes to leave out")
    parser.add_argument("--limit", type=int, help="at most N sentences per source (default all)")
    parser.add_argument("--source", action="append", choices=[s.name for s in SOURCES])
    parser.add_argument("--top", type=int, default=8, help="rules listed per source (default 8)")
    parser.add_argument("--json-out", type=Path, help="write every figure as JSON here")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if not args.corpora.is_dir():
        print(f"skipped: conformance corpora not found at {args.corpora}")
        return 0

    select = split_ids(args.select) if args.select else None
    ignore = split_ids(args.ignore)
    linter = Linter(select, ignore)
    problem = linter.grammar_problem()
    if problem:
        print(f"LanguageTool unavailable ({problem}): running without grammar")
        linter.close()
        linter = Linter(select, (*ignore, "grammar"))
    grammar = "on" if linter.grammar_on else "off"
    print(f"newslint rules selected: {len(linter.rules.selected)}; grammar {grammar}")

    chosen = [s for s in SOURCES if not args.source or s.name in args.source]
    results = {}
    try:
        for source in chosen:
            result = run_source(source, args.corpora, linter, args.limit, args.top)
            if result is not None:
                results[source.name] = result
        late = linter.grammar_problem()  # e.g. the server died mid-run
        if late:
            print(f"warning: LanguageTool failed during the run ({late}); figures lack grammar")
            grammar = f"failed: {late}"
    finally:
        linter.close()

    if args.json_out:
        report = {
            "version": 1,
            "select": list(select) if select is not None else None,
            "ignore": list(ignore),
            "limit": args.limit,
            "grammar": grammar,
            "sources": results,
        }
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
