"""Reading results one article at a time.

Inputs: ``--format jsonl`` output (one article a line with ``path``,
``date``, ``words``, ``title`` and the diagnostics as in ``--format json``,
then a summary line with no ``path``), optionally gzipped, or a
``--format json`` report, streamed with ijson so neither input is held in
memory whole. Everything read here is untrusted: values of
the wrong type are dropped rather than trusted.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_PROBLEMS = 20  # problems kept to show; the rest are only counted


@dataclass(frozen=True)
class Finding:
    """The parts of a diagnostic the report shows."""

    rule: str
    severity: str
    message: str
    line: int
    column: int
    text: str
    suggestion: str | None
    url: str | None


@dataclass
class Article:
    path: str
    diagnostics: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    words: int | None = None
    date: dt.date | None = None
    title: str | None = None


@dataclass
class ReadProblems:
    """Unreadable input lines or records: a few kept, all counted. Also the
    notices of the runs read (e.g. grammar skipped), from summary lines."""

    count: int = 0
    shown: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def notice(self, text: Any) -> None:
        if isinstance(text, str) and text not in self.notices and len(self.notices) < MAX_PROBLEMS:
            self.notices.append(text)

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.shown) < MAX_PROBLEMS:
            self.shown.append(message)

    def __iter__(self) -> Iterator[str]:
        yield from self.shown
        if self.count > len(self.shown):
            yield f"... and {self.count - len(self.shown)} more"


class ResultsError(Exception):
    """The results file cannot be read at all."""


def _str(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _finding(raw: Any) -> Finding | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("rule"), str):
        return None
    start = (raw.get("range") or {}).get("start") if isinstance(raw.get("range"), dict) else None
    start = start if isinstance(start, dict) else {}
    suggestions = raw.get("suggestions")
    first = suggestions[0] if isinstance(suggestions, list) and suggestions else None
    replacement = first.get("replacement") if isinstance(first, dict) else None
    return Finding(
        rule=raw["rule"],
        severity=_str(raw.get("severity"), "warning"),
        message=_str(raw.get("message")),
        line=_int(start.get("line")) or 1,
        column=_int(start.get("column")) or 1,
        text=_str(raw.get("text")),
        suggestion=replacement if isinstance(replacement, str) else None,
        url=_str(raw.get("url")) or None,
    )


def article_from_json(raw: dict[str, Any]) -> Article:
    """One file entry of the JSON report or one JSON Lines record."""
    diagnostics = raw.get("diagnostics")
    errors = raw.get("errors")
    title = raw.get("title")
    return Article(
        path=_str(raw.get("path"), "?"),
        diagnostics=[
            f
            for f in map(_finding, diagnostics if isinstance(diagnostics, list) else [])
            if f is not None
        ],
        errors=[e for e in (errors if isinstance(errors, list) else []) if isinstance(e, str)],
        words=_int(raw.get("words")),
        date=parse_date(raw.get("date")),
        title=title if isinstance(title, str) else None,
    )


def _open(path: str, stack: ExitStack) -> io.BufferedReader:
    """A peekable byte stream of ``path`` (``-``: stdin), gunzipped if need be."""
    if path == "-":
        handle = sys.stdin.buffer
    else:
        try:
            handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115
        except OSError as exc:
            raise ResultsError(f"{path}: cannot be read: {exc.strerror}") from None
    if not isinstance(handle, io.BufferedReader):
        handle = io.BufferedReader(handle)
    if handle.peek(2)[:2] == b"\x1f\x8b":
        unzipped = stack.enter_context(gzip.GzipFile(fileobj=handle, mode="rb"))
        return io.BufferedReader(unzipped, buffer_size=1 << 16)
    return handle


def read_results(path: str, problems: ReadProblems) -> Iterator[Article]:
    """Articles from ``path`` (``-`` for stdin), streamed; bad lines go to ``problems``."""
    with ExitStack() as stack:
        handle = _open(path, stack)
        try:
            json_report = _is_json_report(handle)
        except (OSError, EOFError) as exc:  # e.g. a corrupt .gz
            raise ResultsError(f"{path}: cannot be read: {exc}") from None
        try:
            if json_report:
                yield from _json_report(handle, path, problems)
            else:
                yield from _json_lines(handle, path, problems)
        except (OSError, EOFError) as exc:  # e.g. a truncated .gz: keep what was read
            problems.add(f"{path}: reading stopped early: {exc}")


def _is_json_report(handle: io.BufferedReader) -> bool:
    """``--format json`` writes an indented object: its first line is ``{``.
    (A report squeezed onto one line is read as one JSON Lines record.)"""
    return handle.peek(4096).lstrip().split(b"\n", 1)[0].strip() == b"{"


def _json_lines(handle: io.BufferedReader, path: str, problems: ReadProblems) -> Iterator[Article]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            problems.add(f"{path}:{number}: not valid JSON ({exc})")
            continue
        if not isinstance(raw, dict):
            problems.add(f"{path}:{number}: not a JSON object")
        elif "path" in raw:
            yield article_from_json(raw)
        elif isinstance(raw.get("files"), list):  # a whole JSON report on one line
            base = Path(path).parent
            yield from (
                _with_file_facts(article_from_json(f), base)
                for f in raw["files"]
                if isinstance(f, dict)
            )
        elif "summary" in raw:
            notices = raw.get("notices")
            for notice in notices if isinstance(notices, list) else []:
                problems.notice(notice)
        else:
            problems.add(f"{path}:{number}: neither a result (no 'path') nor the summary")


def _json_report(handle: io.BufferedReader, path: str, problems: ReadProblems) -> Iterator[Article]:
    import ijson

    try:
        for raw in ijson.items(handle, "files.item", use_float=True):
            if isinstance(raw, dict):
                yield _with_file_facts(article_from_json(raw), Path(path).parent)
            else:
                problems.add(f"{path}: a 'files' entry is not an object")
    except ijson.JSONError as exc:
        problems.add(f"{path}: not valid JSON ({exc}); read up to the error")


def _with_file_facts(article: Article, base: Path) -> Article:
    """A JSON report has no word counts or dates: read them from the linted
    file when it is still there (paths are relative to where check ran)."""
    if article.words is not None or article.errors:
        return article
    for candidate in (Path(article.path), base / article.path):
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return article
            facts = document_facts(article.path, text)
            article.words, article.date, article.title = facts
            return article
    return article


def document_facts(path: str, text: str) -> tuple[int | None, dt.date | None, str | None]:
    """Word count, article date and headline, as the linter reads them."""
    from newslint.diagnostics import InputError
    from newslint.sources import load_document

    try:
        doc = load_document(path, text)
    except (InputError, ValueError):
        return None, None, None
    return doc.word_count, doc.article_date, doc.headline_text
