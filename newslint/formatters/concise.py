"""One line per diagnostic, ``path:line:col: severity rule message``, for
pipes, grep and editors' error parsers."""

from __future__ import annotations

from typing import TextIO

from newslint.formatters.common import problem_of, start_of
from newslint.results import RunResult


def _one_line(text: str) -> str:
    # A message spanning lines would break line-based parsers.
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


class ConciseFormatter:
    name = "concise"
    includes_notices = False  # stdout stays parseable; the CLI reports notices on stderr

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        for file in result.files:
            for error in file.errors:
                out.write(f"{file.path}: error: {_one_line(problem_of(file.path, error))}\n")
            for d in file.diagnostics:
                start = start_of(d)
                out.write(
                    f"{file.path}:{start.line}:{start.column}: "
                    f"{d.severity} {d.rule} {_one_line(d.message)}\n"
                )
