"""Human-readable output for a terminal: diagnostics grouped by file, each
with its source line and a caret underline."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TextIO

from newslint.diagnostics import Applicability, Diagnostic, Severity
from newslint.formatters.common import (
    end_of,
    line_at,
    problem_of,
    sanitize,
    start_of,
    summary_line,
)
from newslint.results import FileResult, RunResult

TAB_SIZE = 4
MAX_LINE = 120  # longer source lines (whole paragraphs) are shown as a window
CONTEXT = 40  # characters kept on each side of the flagged text in a window

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
YELLOW = "\x1b[33m"
CYAN = "\x1b[36m"
Paint = Callable[..., str]
SEVERITY_COLORS = {Severity.ERROR: RED, Severity.WARNING: YELLOW, Severity.INFO: CYAN}


class TextFormatter:
    name = "text"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        paint = _painter(color)
        blocks = [_file_block(f, paint) for f in result.files if f.diagnostics or f.errors]
        for block in blocks:
            out.write("".join(line + "\n" for line in block))
            out.write("\n")
        for notice in result.notices:
            out.write(f"{paint('note', BOLD)}: {sanitize(notice)}\n")
        out.write(paint(summary_line(result), BOLD) + "\n")


def _painter(color: bool) -> Paint:
    def paint(text: str, *codes: str) -> str:
        return f"{''.join(codes)}{text}{RESET}" if color and codes and text else text

    return paint


def _file_block(file: FileResult, paint: Paint) -> list[str]:
    lines = [
        f"{paint(file.path, BOLD)}: {paint('error', BOLD, RED)}: "
        f"{sanitize(problem_of(file.path, e))}"
        for e in file.errors
    ]
    if not file.diagnostics:
        return lines
    lines.append(paint(file.path, BOLD))
    positions = [f"{start_of(d).line}:{start_of(d).column}" for d in file.diagnostics]
    pos_width = max(map(len, positions))
    sev_width = max(len(str(d.severity)) for d in file.diagnostics)
    for diagnostic, position in zip(file.diagnostics, positions, strict=True):
        sev_color = SEVERITY_COLORS[diagnostic.severity]
        severity = str(diagnostic.severity)
        # Pad outside the colour codes so alignment is the same either way.
        lines.append(
            f"  {paint(position, DIM)}{' ' * (pos_width - len(position))}  "
            f"{paint(severity, BOLD, sev_color)}{' ' * (sev_width - len(severity))}  "
            f"{paint(diagnostic.rule, DIM)}  {sanitize(diagnostic.message)}"
        )
        snippet = _snippet(file, diagnostic)
        if snippet:
            source_line, caret = snippet
            lines.append(f"    {source_line}")
            lines.append(f"    {paint(caret, BOLD, sev_color)}")
        fix = _fix_line(diagnostic)
        if fix:
            lines.append(f"    {paint(fix, GREEN)}")
    return lines


def _snippet(file: FileResult, diagnostic: Diagnostic) -> tuple[str, str] | None:
    """The start line (tabs expanded, controls replaced) and a caret line
    under the flagged columns; None when there is no source to show."""
    start, end = start_of(diagnostic), end_of(diagnostic)
    field = diagnostic.extra.get("field")  # an archive record's title/byline
    line = str(diagnostic.extra.get("field_text", "")) if field else line_at(file, start)
    if not line:
        return None
    first = min(start.column - 1, len(line))
    last = min(end.column - 1, len(line)) if end.line == start.line else len(line)
    # Expanding a prefix gives the same width as in the expanded full line.
    caret_from = len(line[:first].expandtabs(TAB_SIZE))
    caret_to = max(len(line[:last].expandtabs(TAB_SIZE)), caret_from + 1)
    shown = sanitize(line.expandtabs(TAB_SIZE))
    if len(shown) > MAX_LINE:
        shown, caret_from, caret_to = _window(shown, caret_from, caret_to)
    pad = _width(shown[:caret_from])
    return shown.rstrip(), " " * pad + "^" * max(1, _width(shown[caret_from:caret_to]))


def _width(text: str) -> int:
    """Terminal cells: wide (CJK, most emoji) count two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line down to the flagged text plus some context."""
    end = min(end, start + MAX_LINE - 2 * CONTEXT)
    left = max(0, start - CONTEXT)
    right = min(len(line), end + CONTEXT)
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    shift = len(prefix) - left
    return prefix + line[left:right] + suffix, start + shift, end + shift


def _fix_line(diagnostic: Diagnostic) -> str:
    if not diagnostic.suggestions:
        return ""
    suggestion = diagnostic.suggestions[0]
    label = {
        Applicability.SAFE: "fix",
        Applicability.UNSAFE: "fix (unsafe)",
        Applicability.DISPLAY: "suggestion",
    }[suggestion.applicability]
    if suggestion.replacement:
        return f"{label}: {sanitize(suggestion.replacement)}"
    return f"{label}: remove {sanitize(diagnostic.text)!r}" if diagnostic.text else ""
