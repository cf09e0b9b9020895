"""One finding for page furniture a page repeats, not one per copy.

A saved page can print the same label dozens of times: an ``Advertisement`` marker
between every few paragraphs, ``Opens in new window`` after every share link. Each
copy is furniture, but 110 identical warnings bury the page's other findings and
say nothing the first does not. From the third copy of the same text under the
same furniture rule, the copies become one finding at the first, which counts them
and gives the lines of the first and last; the JSON output lists every other
copy's range under ``copies``. The furniture rules offer no fix, so no edit is
lost; any other rule's repeats (a misspelt name, each with its fix) stay one
finding per copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newslint.diagnostics import Diagnostic

FURNITURE_RULES = frozenset(("filler.web-leftover", "filler.web-furniture"))
MIN_COPIES = 3  # two copies are two findings; a third makes it the page's template


def collapse_repeated_furniture(diagnostics: Sequence[Diagnostic], text: str) -> list[Diagnostic]:
    """``diagnostics`` (sorted by position) with each repeated furniture text reported
    once, at its first copy; ``text`` is the document's prose text the spans index."""
    copies: dict[tuple[str, str], list[int]] = {}
    for index, diag in enumerate(diagnostics):
        if diag.rule in FURNITURE_RULES and not diag.suggestions:
            key = (diag.rule, _normalised(text[diag.start : diag.end]))
            copies.setdefault(key, []).append(index)
    kept: list[Diagnostic | None] = list(diagnostics)
    for indexes in copies.values():
        if len(indexes) >= MIN_COPIES:
            kept[indexes[0]] = _counted([diagnostics[i] for i in indexes])
            for index in indexes[1:]:
                kept[index] = None
    return [diag for diag in kept if diag is not None]


def _normalised(flagged: str) -> str:
    return " ".join(flagged.split()).casefold()


def _counted(group: list[Diagnostic]) -> Diagnostic:
    lines = [d.range.start.line for d in group if d.range is not None]
    where = f", lines {lines[0]} to {lines[-1]}" if lines else ""
    count = f"{len(group)} copies{where}; remove every one"
    copies = tuple(d.range for d in group[1:] if d.range is not None)
    extra = {**group[0].extra, "copies": copies}  # JSON lists them: the finding covers each
    return replace(group[0], message=f"{group[0].message} ({count})", extra=extra)
