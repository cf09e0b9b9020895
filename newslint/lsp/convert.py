"""newslint diagnostics -> LSP diagnostics.

``code`` is the rule id and ``source`` is "newslint" for every finding (a
grammar match too: the rule id says it came from LanguageTool). ``data``
carries what code actions need (rule, flagged text, suggestions), so a client
that echoes it back gets its fixes without the server keeping old results.
"""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from newslint.diagnostics import Diagnostic, Range, Severity
from newslint.lsp.positions import LineIndex
from newslint.lsp.problems import Problem
from newslint.registry import rule_page_url

SOURCE = "newslint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_PROBLEM_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
}


def code_description(rule: str, docs_url: str | None = None) -> types.CodeDescription | None:
    """A link to the rule's page where one is published (LanguageTool's for
    grammar.*, the house's ``docs-url`` for the rest); the hover has the text."""
    href = rule_page_url(docs_url, rule)
    return types.CodeDescription(href=href) if href else None


def to_lsp(
    diag: Diagnostic,
    index: LineIndex,
    shift: int = 0,
    docs_url: str | None = None,
    uri: str | None = None,
) -> types.Diagnostic:
    """``shift`` moves a diagnostic found on an older text (see ``shifted``);
    ``docs_url`` is the config's rule-page template; with the document's ``uri``,
    the other copies of repeated page furniture are its related information."""
    assert diag.range is not None
    start, end = diag.range.start.offset + shift, diag.range.end.offset + shift
    return types.Diagnostic(
        related_information=_copies(diag, index, shift, uri),
        range=index.range(start, end),
        message=diag.message,
        severity=_SEVERITY[diag.severity],
        code=diag.rule,
        code_description=code_description(diag.rule, docs_url),
        source=SOURCE,
        data={
            "rule": diag.rule,
            "text": diag.text,
            "start": start,
            "end": end,
            "suggestions": [
                {"replacement": s.replacement, "applicability": str(s.applicability)}
                for s in diag.suggestions
            ],
        },
    )


def _copies(
    diag: Diagnostic, index: LineIndex, shift: int, uri: str | None
) -> list[types.DiagnosticRelatedInformation] | None:
    """The other copies of furniture a page repeats, reported once (``newslint.repeats``)."""
    copies = diag.extra.get("copies")
    if uri is None or not isinstance(copies, tuple) or not copies:
        return None
    return [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=uri, range=index.range(c.start.offset + shift, c.end.offset + shift)
            ),
            message="another copy",
        )
        for c in copies
        if isinstance(c, Range)
    ]


def problem(note: Problem, index: LineIndex) -> types.Diagnostic:
    """A note about the document itself, on the line it concerns (else the first)."""
    line = max(0, min(note.line, len(index.starts) - 1))
    start = index.starts[line]
    end = index.starts[line + 1] if line + 1 < len(index.starts) else len(index.text)
    return types.Diagnostic(
        range=types.Range(index.position(start), index.position(max(start, end - 1))),
        message=note.message,
        severity=_PROBLEM_SEVERITY[note.severity],
        source=SOURCE,
    )


def common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix; compares
    in large slices first so a keystroke in a long text costs microseconds."""
    limit = min(len(old), len(new))
    prefix = _common(lambda i, j: old[i:j] == new[i:j], limit)
    rest = limit - prefix
    n_old, n_new = len(old), len(new)
    suffix = _common(lambda i, j: old[n_old - j : n_old - i] == new[n_new - j : n_new - i], rest)
    return prefix, suffix


def _common(same: Callable[[int, int], bool], limit: int) -> int:
    """The largest n <= limit with same(0, n), given same(i, j) compares [i, j)."""
    n, step = 0, 4096
    while n < limit:
        stop = min(n + step, limit)
        if same(n, stop):
            n = stop
        elif step > 1:
            step //= 8 if step > 8 else step
        else:
            break
    return n


def shifted(
    old: str, new: str, found: list[tuple[int, Diagnostic]]
) -> list[tuple[int, Diagnostic]]:
    """Carry results for ``old`` over to ``new``: a diagnostic before the edited
    region stays, one after it moves by the length change, one inside is dropped.
    ``found`` pairs each diagnostic with the shift it already has."""
    if not found:
        return []
    prefix, suffix = common_ends(old, new)
    changed_end = len(old) - suffix
    delta = len(new) - len(old)
    kept = []
    for shift, diag in found:
        assert diag.range is not None
        start, end = diag.range.start.offset + shift, diag.range.end.offset + shift
        if end < prefix or (end == prefix and start < end):
            kept.append((shift, diag))
        elif start >= changed_end and (start > changed_end or start < end):
            kept.append((shift + delta, diag))
    return kept
