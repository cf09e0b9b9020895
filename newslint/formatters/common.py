"""Small helpers shared by the formatters: source lines, file errors, counts."""

from __future__ import annotations

from collections import Counter

from newslint import regexcache
from newslint.diagnostics import Diagnostic, Location, Severity
from newslint.registry import rule_page_url
from newslint.results import FileResult, RunResult

# C0/C1 controls other than tab: printed as-is they could move the cursor or
# recolour the terminal, so text output replaces each with one visible char.
_CONTROL = regexcache.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def sanitize(text: str) -> str:
    """Replace control characters one for one, keeping column alignment."""
    return _CONTROL.sub("\ufffd", text)


def line_at(file: FileResult, loc: Location) -> str:
    """The source line holding ``loc``, without its line ending.

    Derived from the offset (lines end at ``\\n``, as ``Document.locate``
    counts them) so it agrees with the diagnostic's column exactly.
    """
    source = file.source
    if source is None:
        return ""
    line_start = loc.offset - (loc.column - 1)
    if not 0 <= line_start <= len(source) or (line_start and source[line_start - 1] != "\n"):
        return file.source_line(loc.line)  # inconsistent location: best effort
    line_end = source.find("\n", line_start)
    line = source[line_start:] if line_end < 0 else source[line_start:line_end]
    return line[:-1] if line.endswith("\r") else line


def problem_of(path: str, error: str) -> str:
    """An error string without a leading ``path:`` (callers add the path)."""
    prefix = f"{path}:"
    return error[len(prefix) :].lstrip() if error.startswith(prefix) else error


def error_naming_file(path: str, error: str) -> str:
    """An error string that names its file exactly once."""
    return f"{path}: {problem_of(path, error)}"


def rule_url(result: RunResult, rule_id: str) -> str | None:
    """The rule's documentation page, or None when none is published."""
    meta = result.rules.get(rule_id)
    if meta is not None:
        return meta.url
    return rule_page_url(next((m.docs_url for m in result.rules.values()), None), rule_id)


def start_of(diagnostic: Diagnostic) -> Location:
    """The start of the source range (1:1 if a diagnostic was never located)."""
    return diagnostic.range.start if diagnostic.range else Location(1, 1, 0)


def end_of(diagnostic: Diagnostic) -> Location:
    return diagnostic.range.end if diagnostic.range else Location(1, 1, 0)


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def summary_line(result: RunResult) -> str:
    """ "3 problems (1 error, 2 warnings) in 2 files; 1 file could not be read"."""
    severities = Counter(d.severity for f in result.files for d in f.diagnostics)
    unreadable = sum(1 for f in result.files if f.errors)
    total = result.diagnostic_count
    if total:
        parts = [
            plural(severities[s], str(s), "info" if s is Severity.INFO else None)
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if severities[s]
        ]
        with_problems = sum(1 for f in result.files if f.diagnostics)
        line = f"{plural(total, 'problem')} ({', '.join(parts)}) in {plural(with_problems, 'file')}"
    else:
        line = f"No problems found in {plural(len(result.files) - unreadable, 'file')}"
    if unreadable:
        line += f"; {plural(unreadable, 'file')} could not be read"
    return line
