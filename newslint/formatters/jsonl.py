"""``--format jsonl``: one JSON object per file or archive record, written as
each finishes, then a summary line with no ``"path"`` (JSONL-FORMAT.md).
Diagnostics and errors are exactly as in ``--format json``."""

from __future__ import annotations

import json
from typing import Any, TextIO

import newslint
from newslint.formatters.common import error_naming_file
from newslint.formatters.json_format import VERSION, _diagnostic
from newslint.registry import RuleMeta
from newslint.results import FileResult, RunResult


def file_line(rules: dict[str, RuleMeta], file: FileResult) -> str:
    context = RunResult(files=[], rules=rules)
    row: dict[str, Any] = {
        "version": VERSION,
        "path": file.path,
        "id": file.record_id,
        "title": file.title,
        "date": file.article_date.isoformat() if file.article_date else None,
        "words": file.words or 0,
        "diagnostics": [_diagnostic(context, d) for d in file.diagnostics],
        "errors": [error_naming_file(file.path, e) for e in file.errors],
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def summary_line(files: int, diagnostics: int, errors: int, notices: list[str]) -> str:
    row = {
        "version": VERSION,
        "tool": {"name": "newslint", "version": newslint.__version__},
        "summary": {"files": files, "diagnostics": diagnostics, "errors": errors},
        "notices": notices,
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


class JsonlFormatter:
    """For a run that was not streamed (stdin, --fix): the same lines at once."""

    name = "jsonl"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        for file in result.files:
            out.write(file_line(result.rules, file))
        out.write(
            summary_line(
                len(result.files), result.diagnostic_count, result.error_count, result.notices
            )
        )
