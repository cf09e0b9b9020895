"""GitHub Actions workflow commands, shown as annotations on the pull request."""

from __future__ import annotations

from typing import TextIO

from newslint.diagnostics import Severity
from newslint.formatters.common import end_of, problem_of, start_of
from newslint.results import RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: also ``:`` and ``,``, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


class GithubFormatter:
    name = "github"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        for file in result.files:
            for error in file.errors:
                out.write(command("error", problem_of(file.path, error), file=file.path))
            for d in file.diagnostics:
                start, end = start_of(d), end_of(d)
                # GitHub honours columns only for a single-line annotation.
                one_line = end.line == start.line
                position: dict[str, object] = {"file": file.path, "line": start.line}
                if one_line:
                    position["col"] = start.column
                position["endLine"] = end.line
                if one_line:
                    position["endColumn"] = end.column
                out.write(command(COMMANDS[d.severity], d.message, **position, title=d.rule))
        for notice in result.notices:
            out.write(command("notice", notice, title="newslint"))
