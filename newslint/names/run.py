"""The run-level pass of ``names.inconsistent``: spellings across files.

Each file's check leaves a small summary of its surname spellings (counts,
given names, and the located occurrences of rare spellings, already filtered
by the file's suppression directives) in this module's table. Worker
processes hand their summaries back with each FileResult
(:func:`take`/:func:`keep` in ``newslint.runner``); after every file is
linted the parent compares them (:func:`apply`) and adds diagnostics. Only
runs of more than one file do any of this work beyond the summaries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.diagnostics import Applicability, Diagnostic, Range, Severity, Suggestion
from newslint.document import Document
from newslint.registry import CheckContext, RuleMeta
from newslint.results import FileResult

# The runner imports this module for every run; the names code it calls is
# imported only by runs that check names (``--select dates`` never does).
if TYPE_CHECKING:
    from newslint.names.extract import NameAnalysis

RULE = "names.inconsistent"
RARE = 2  # at most this many occurrences in its one file
FREQUENT_FILES = 3  # the other spelling appears in at least this many other files


@dataclass(frozen=True)
class FormSummary:
    text: str
    count: int
    givens: frozenset[str]
    established: bool
    flaggable: bool  # may be reported as the rare spelling
    where: tuple[tuple[Range, str], ...] = ()  # located occurrences (rare, flaggable only)


@dataclass(frozen=True)
class FileNames:
    severity: Severity
    forms: dict[str, FormSummary]


_RECORDS: dict[str, FileNames] = {}
_COLLECTING = False  # set by the runner for runs of more than one file


def collect(on: bool) -> None:
    """Switch summaries on (runs of several files) or off (one file, stdin)."""
    global _COLLECTING
    _COLLECTING = on


def summarise(
    doc: Document, analysis: NameAnalysis, ctx: CheckContext, severity: Severity
) -> FileNames:
    from newslint.names.checks import candidate_forms, clean_form, is_dictionary_word
    from newslint.suppressions import parse_directives

    suppressions = parse_directives(doc.directives) if doc.directives else None
    lines = doc.source.splitlines() if suppressions else None
    forms: dict[str, FormSummary] = {}
    for form in candidate_forms(analysis):
        flaggable = (
            form.count <= RARE
            and clean_form(form, analysis, ctx, doc)
            and not (form.only_initial and is_dictionary_word(form.text, ctx.language))
        )
        where: list[tuple[Range, str]] = []
        if flaggable:
            probes = []
            for token, mention in form.tokens:
                if mention.scope == "byline":
                    continue
                range_ = doc.locate(token.start, token.end)
                text = doc.source[range_.start.offset : range_.end.offset]
                probes.append(Diagnostic(RULE, "", token.start, token.end, range=range_, text=text))
            if suppressions is not None:
                probes = suppressions.filter(probes, lines)
            where = [(d.range, d.text) for d in probes if d.range is not None]
        forms[form.key] = FormSummary(
            form.text,
            form.count,
            frozenset(form.givens),
            form.established,
            flaggable and bool(where),
            tuple(where),
        )
    return FileNames(severity, forms)


def collecting() -> bool:
    return _COLLECTING


def record(doc: Document, meta: RuleMeta, summary: FileNames) -> None:
    _RECORDS[doc.path] = summary


def take(path: str) -> FileNames | None:
    """Remove and return a file's summary (in a worker, to send to the parent)."""
    return _RECORDS.pop(path, None)


def keep(path: str, summary: FileNames | None) -> None:
    """Store a summary that a worker sent back."""
    if summary is not None:
        _RECORDS[path] = summary


def apply(
    files: Sequence[tuple[Path, FileResult]],
    severity_for: Callable[[Path, str, Severity], Severity | None],
) -> None:
    """Add cross-file diagnostics to ``files`` (a no-op for fewer than two)."""
    summaries = {r.path: _RECORDS.pop(r.path) for _, r in files if r.path in _RECORDS}
    _RECORDS.clear()
    if len(summaries) < 2:
        return
    in_files: Counter[str] = Counter()  # files where the form is established
    used_in: Counter[str] = Counter()  # files where it appears at all
    texts: dict[str, str] = {}
    givens: dict[str, set[str]] = {}
    for summary in summaries.values():
        used_in.update(summary.forms.keys())
        for key, form in summary.forms.items():
            if form.established:
                in_files[key] += 1
                texts.setdefault(key, form.text)
                givens.setdefault(key, set()).update(form.givens)
    frequent = [k for k, n in in_files.items() if n >= FREQUENT_FILES]
    if not frequent:
        return
    frequent_by_initial: dict[str, list[str]] = {}
    for key in frequent:
        frequent_by_initial.setdefault(texts[key][:1].lower(), []).append(key)
    for path, result in files:
        found = summaries.get(result.path)
        if found is None:
            continue
        added = _file_diagnostics(found, used_in, frequent_by_initial, texts, givens)
        if not added:
            continue
        severity = severity_for(path, RULE, found.severity)
        if severity is None:
            continue
        result.diagnostics.extend(d.with_severity(severity) for d in added)
        result.diagnostics.sort(key=lambda d: d.sort_key)


# Letters from which a one-off near-spelling of a frequent name, with no given
# name to compare, is taken for a slip (Kristiansan/Kristiansen).
LONG_NAME = 9
# wordfreq Zipf from which a one-off spelling is a real name elsewhere, not a
# slip: Jameson 3.2, Livingston 3.4, Johannesson 1.5; Alumnia and Kristiansan 0.
KNOWN_SPELLING = 1.5


def _file_diagnostics(
    summary: FileNames,
    used_in: Counter[str],
    frequent_by_initial: dict[str, list[str]],
    texts: dict[str, str],
    givens: dict[str, set[str]],
) -> list[Diagnostic]:
    from newslint.names.frequent import zipf
    from newslint.names.similar import similar

    found: list[Diagnostic] = []
    for key, form in summary.forms.items():
        if not form.flaggable:
            continue
        if used_in[key] > 1:
            continue  # used in another file too: not a one-off slip
        if zipf(form.text) >= KNOWN_SPELLING:
            continue  # a spelling seen widely is someone's name (Jameson, Livingston)
        # Near spellings share a first letter and differ in length by at most two.
        for other in frequent_by_initial.get(form.text[:1].lower(), ()):
            if abs(len(texts[other]) - len(form.text)) > 2:
                continue
            if other in summary.forms or not similar(texts[other], form.text):
                continue  # same-file pairs are names.inconsistent's job
            # Across articles, two similar short surnames are often two people
            # (Forsyth and Forsythe, Bell and Belle): a slip needs a shared given
            # name, or a name long enough that a near-twin is unlikely.
            shared_given = bool(form.givens & givens.get(other, set()))
            if not shared_given and (form.givens or len(form.text) < LONG_NAME):
                continue
            message = f"'{form.text}' appears only here; the other files spell it '{texts[other]}'"
            fix = (Suggestion(texts[other], Applicability.UNSAFE),)
            for range_, text in form.where:
                found.append(
                    Diagnostic(RULE, message, 0, 0, summary.severity, fix, range=range_, text=text)
                )
            break
    return found
