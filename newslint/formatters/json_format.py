"""The v1 JSON contract (see DESIGN.md): add fields freely, never rename or
remove one without bumping ``version``."""

from __future__ import annotations

import json
from typing import Any, TextIO

import newslint
from newslint.diagnostics import Diagnostic, Location, Range
from newslint.formatters.common import end_of, error_naming_file, rule_url, start_of
from newslint.results import FileResult, RunResult

VERSION = 1


def _location(loc: Location) -> dict[str, int]:
    return {"line": loc.line, "column": loc.column, "offset": loc.offset}


def _diagnostic(result: RunResult, d: Diagnostic) -> dict[str, Any]:
    found: dict[str, Any] = {
        "rule": d.rule,
        "severity": str(d.severity),
        "message": d.message,
        "range": {"start": _location(start_of(d)), "end": _location(end_of(d))},
        "text": d.text,
        "suggestions": [
            {"replacement": s.replacement, "applicability": str(s.applicability)}
            for s in d.suggestions
        ],
        "source": d.source,
        "url": rule_url(result, d.rule),
    }
    if d.extra.get("field"):  # an archive record's title or byline, not its text
        found["field"] = d.extra["field"]
    copies = d.extra.get("copies")
    if isinstance(copies, tuple):  # repeated page furniture reported once (newslint.repeats)
        found["copies"] = [
            {"start": _location(c.start), "end": _location(c.end)}
            for c in copies
            if isinstance(c, Range)
        ]
    return found


def _file(result: RunResult, file: FileResult) -> dict[str, Any]:
    return {
        "path": file.path,
        "diagnostics": [_diagnostic(result, d) for d in file.diagnostics],
        "errors": [error_naming_file(file.path, e) for e in file.errors],
    }


def to_dict(result: RunResult) -> dict[str, Any]:
    return {
        "version": VERSION,
        "tool": {"name": "newslint", "version": newslint.__version__},
        "files": [_file(result, f) for f in result.files],
        "summary": {
            "files": len(result.files),
            "diagnostics": result.diagnostic_count,
            "errors": result.error_count,
        },
        "notices": list(result.notices),  # added field: run-wide notes (grammar off ...)
    }


class JsonFormatter:
    name = "json"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        out.write(json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n")
