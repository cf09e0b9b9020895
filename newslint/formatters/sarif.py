"""SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.

Kept to the subset GitHub documents as supported. Columns are converted to
UTF-16 code units (SARIF's default ``columnKind``) because not every
consumer honours ``unicodeCodePoints``; the two differ only after characters
outside the Basic Multilingual Plane (most emoji).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import PurePath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

import newslint
from newslint.diagnostics import Applicability, Diagnostic, Location, Range, Severity
from newslint.formatters.common import end_of, line_at, problem_of, rule_url, start_of
from newslint.registry import RuleMeta
from newslint.results import FileResult, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict[str, str]:
    """A relative URI under %SRCROOT% (forward slashes, percent-encoded)."""
    if "\\" in path:
        path = PureWindowsPath(path).as_posix()
    if PurePath(path).is_absolute() or re.match(r"^[A-Za-z]:/", path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            relative = ""
        if not relative or relative.startswith(".."):
            absolute = path if path.startswith("/") else "/" + path
            return {"uri": "file://" + quote(absolute, safe="/:")}
        path = PurePath(relative).as_posix()
    if path.startswith("./"):
        path = path[2:]
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _utf16_column(file: FileResult, loc: Location) -> int:
    line = line_at(file, loc)
    before = line[: loc.column - 1]
    return loc.column + sum(1 for ch in before if ord(ch) > 0xFFFF)


def _span_region(file: FileResult, start: Location, end: Location) -> dict[str, Any]:
    return {
        "startLine": start.line,
        "startColumn": _utf16_column(file, start),
        "endLine": end.line,
        "endColumn": _utf16_column(file, end),
    }


def _region(file: FileResult, d: Diagnostic) -> dict[str, Any]:
    region = _span_region(file, start_of(d), end_of(d))
    if d.text:
        region["snippet"] = {"text": d.text}
    return region


def _copies(file: FileResult, location: dict[str, Any], d: Diagnostic) -> list[dict[str, Any]]:
    """The other copies of furniture a page repeats, reported once (``newslint.repeats``)."""
    copies = d.extra.get("copies")
    if not isinstance(copies, tuple):
        return []
    return [
        {
            "id": number,
            "message": {"text": "another copy"},
            "physicalLocation": {
                "artifactLocation": location,
                "region": _span_region(file, copy.start, copy.end),
            },
        }
        for number, copy in enumerate(copies, 1)
        if isinstance(copy, Range)
    ]


def _fence(text: str) -> str:
    """Inline Markdown code that survives backticks inside ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _help(meta: RuleMeta) -> dict[str, str]:
    text = [meta.summary, "", meta.why]
    markdown = [f"**{meta.summary}**", "", meta.why]
    if meta.examples:
        text += ["", "Examples:"]
        markdown += ["", "Examples:", ""]
        for example in meta.examples:
            label = "Flagged" if example.flagged else "Fine"
            fixed = f" -> {example.fixed}" if example.fixed is not None else ""
            text.append(f"  {label}: {example.text}{fixed}")
            fixed_md = f" → {_fence(example.fixed)}" if example.fixed is not None else ""
            markdown.append(f"- {label}: {_fence(example.text)}{fixed_md}")
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _rule_descriptor(result: RunResult, rule_id: str, severity: Severity) -> dict[str, Any]:
    meta = result.rules.get(rule_id)
    descriptor: dict[str, Any] = {"id": rule_id}
    if meta:
        descriptor |= {
            "shortDescription": {"text": meta.summary},
            "fullDescription": {"text": meta.why or meta.summary},
            "help": _help(meta),
        }
        severity = meta.severity
    else:  # e.g. a grammar.* rule reported by LanguageTool
        descriptor["shortDescription"] = {"text": rule_id}
    descriptor |= {
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": [rule_id.split(".", 1)[0]]},
    }
    help_uri = rule_url(result, rule_id)
    if help_uri:  # optional in SARIF: left out rather than pointing at no page
        descriptor["helpUri"] = help_uri
    return descriptor


def _fixes(location: dict[str, str], region: dict[str, Any], d: Diagnostic) -> list[Any]:
    safe = [s for s in d.suggestions if s.applicability is Applicability.SAFE][:1]
    deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
    return [
        {
            "description": {"text": f"Replace with {s.replacement!r}"},
            "artifactChanges": [
                {
                    "artifactLocation": location,
                    "replacements": [
                        {"deletedRegion": deleted, "insertedContent": {"text": s.replacement}}
                    ],
                }
            ],
        }
        for s in safe
    ]


def to_dict(result: RunResult) -> dict[str, Any]:
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in result.files:
        location = artifact_location(file.path)
        for error in file.errors:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{file.path}: {problem_of(file.path, error)}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        for d in file.diagnostics:
            if d.rule not in rule_index:
                rule_index[d.rule] = len(rules)
                rules.append(_rule_descriptor(result, d.rule, d.severity))
            region = _region(file, d)
            entry: dict[str, Any] = {
                "ruleId": d.rule,
                "ruleIndex": rule_index[d.rule],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": region}}
                ],
            }
            fixes = _fixes(location, region, d)
            if fixes:
                entry["fixes"] = fixes
            copies = _copies(file, location, d)
            if copies:
                entry["relatedLocations"] = copies
            results.append(entry)
    notifications += [{"level": "note", "message": {"text": n}} for n in result.notices]
    invocation: dict[str, Any] = {"executionSuccessful": result.error_count == 0}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": newslint.__version__,
                        "semanticVersion": newslint.__version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }


class SarifFormatter:
    name = "sarif"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        out.write(json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n")
