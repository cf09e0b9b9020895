"""newslint diagnostics -> LSP diagnostics.

``code`` is the rule id and ``source`` is "newslint" for every finding (a
grammar match too: the rule id says it came from LanguageTool). ``data``
carries what code actions need (rule, flagged text, suggestions), so a client
that echoes it back gets its fixes without the server keeping old results.
"""

from __future__ import annotations

from lsprotocol import types

from newslint.diagnostics import Diagnostic, Severity
from newslint.lsp.positions import LineIndex

SOURCE = "newslint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# LanguageTool publishes a page per rule; newslint's own rule pages are not
# published yet, so only grammar.* gets a codeDescription (hover has the text).
_LT_RULE_PAGE = "https://community.languagetool.org/rule/show/{rule}?lang=en"


def code_description(rule: str) -> types.CodeDescription | None:
    family, _, name = rule.partition(".")
    if family == "grammar" and name:
        return types.CodeDescription(href=_LT_RULE_PAGE.format(rule=name))
    return None


def to_lsp(diag: Diagnostic, index: LineIndex, shift: int = 0) -> types.Diagnostic:
    """``shift`` moves a diagnostic found on an older text (see ``shifted``)."""
    assert diag.range is not None
    start, end = diag.range.start.offset + shift, diag.range.end.offset + shift
    return types.Diagnostic(
        range=index.range(start, end),
        message=diag.message,
        severity=_SEVERITY[diag.severity],
        code=diag.rule,
        code_description=code_description(diag.rule),
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


def problem(message: str, severity: types.DiagnosticSeverity) -> types.Diagnostic:
    """A note about the whole document (bad input, a directive error) on its first line."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=severity,
        source=SOURCE,
    )


def shifted(
    old: str, new: str, found: list[tuple[int, Diagnostic]]
) -> list[tuple[int, Diagnostic]]:
    """Carry results for ``old`` over to ``new``: a diagnostic before the edited
    region stays, one after it moves by the length change, one inside is dropped.
    ``found`` pairs each diagnostic with the shift it already has."""
    limit = min(len(old), len(new))
    prefix = 0
    step = 4096
    while prefix < limit:  # a common prefix in large strides, then exactly
        stop = min(prefix + step, limit)
        if old[prefix:stop] == new[prefix:stop]:
            prefix = stop
            continue
        while prefix < stop and old[prefix] == new[prefix]:
            prefix += 1
        break
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
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
