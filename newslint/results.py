"""What a run produces, handed from the engine to the formatters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newslint.diagnostics import Diagnostic, Severity
from newslint.registry import RuleMeta


@dataclass
class FileResult:
    """The outcome for one file: located diagnostics, or errors, or both.

    ``source`` is the decoded text (for source lines in the text output and
    for --fix); it is None when the file could not be read.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    source: str | None = None
    diff: str | None = None  # --diff: what --fix would change
    fixed: bool = False  # --fix wrote fixes to the file
    # What --format jsonl reports per file or archive record (None: unknown).
    words: int | None = None  # words of the linted prose
    article_date: dt.date | None = None  # the date the date checks used
    title: str | None = None
    record_id: str | None = None  # archive records only

    def source_line(self, line: int) -> str:
        if self.source is None:
            return ""
        lines = self.source.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


@dataclass
class RunResult:
    files: list[FileResult]
    rules: dict[str, RuleMeta]  # metadata of every rule that may appear
    fail_on: Severity | None = Severity.WARNING  # None: findings never fail the run
    notices: list[str] = field(default_factory=list)  # e.g. "grammar is off: ..."

    @property
    def diagnostic_count(self) -> int:
        return sum(len(f.diagnostics) for f in self.files)

    @property
    def error_count(self) -> int:
        return sum(len(f.errors) for f in self.files)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above fail-on, 2 input/usage errors."""
        if self.error_count:
            return 2
        if self.fail_on is not None and any(
            d.severity >= self.fail_on for f in self.files for d in f.diagnostics
        ):
            return 1
        return 0
