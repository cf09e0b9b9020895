"""Linting one archive record as an article.

The record's title and byline head the article as they would in a file of
its format (a title line, ``# Title``, ``<h1>``), so headline and byline
checks read them; diagnostics are then moved back into the record's text:
line and column count from the start of the text field. A finding in the
title or byline keeps line 1 and a column inside that field, and says which
field it is in (``"field": "title"``).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, replace
from pathlib import Path

from newslint.archive.records import Record
from newslint.diagnostics import Diagnostic, InputError, Location, Range
from newslint.engine import RuleSet, lint_document
from newslint.results import FileResult
from newslint.sources import load_document
from newslint.sources.common import is_byline
from newslint.suppressions import parse_directives


@dataclass(frozen=True)
class Layout:
    """Where the record's fields sit in the composed source."""

    prefix: int  # the text field starts at this offset
    prefix_lines: int  # ... on this line + 1
    fields: tuple[tuple[str, int, int], ...]  # (name, start, end) of title / byline

    def location(self, loc: Location) -> tuple[Location, str | None]:
        if loc.offset >= self.prefix:
            return Location(
                loc.line - self.prefix_lines, loc.column, loc.offset - self.prefix
            ), None
        for name, start, end in self.fields:
            if loc.offset <= end:
                offset = max(0, loc.offset - start)
                return Location(1, offset + 1, offset), name
        return Location(1, 1, 0), None

    def range(self, range_: Range) -> tuple[Range, str | None]:
        start, field = self.location(range_.start)
        end, end_field = self.location(range_.end)
        if end_field != field:  # runs from a header field into the text: stop at its end
            end = start
        return Range(start, end), field

    def diagnostic(self, diag: Diagnostic, source: str) -> Diagnostic:
        if diag.range is None:
            return diag
        range_, field = self.range(diag.range)
        if not field:
            return replace(diag, range=range_)
        start, end = next((s, e) for name, s, e in self.fields if name == field)
        extra = {**diag.extra, "field": field, "field_text": source[start:end]}
        return replace(diag, range=range_, extra=extra)


def compose(record: Record) -> tuple[str, Layout]:
    """The article as one source of its format, and where the fields went."""
    parts: list[tuple[str | None, str]] = []
    if record.title:
        parts.append(("title", record.title))
    if record.byline:
        byline = record.byline if is_byline(record.byline) else f"By {record.byline}"
        parts.append(("byline", byline))
    source = ""
    fields: list[tuple[str, int, int]] = []
    for name, value in parts:
        if record.format == "html":
            tag = "h1" if name == "title" else "p"
            opening = f"<{tag}>"
            value = html.escape(value, quote=False)
            closing = f"</{tag}>\n"
        else:
            opening = "# " if record.format == "markdown" and name == "title" else ""
            closing = "\n\n"
        start = len(source) + len(opening)
        source += opening + value + closing
        fields.append((name or "", start, start + len(value)))
    layout = Layout(len(source), source.count("\n"), tuple(fields))
    return source + record.text, layout


def lint_record(
    record: Record, archive: Path, rules: RuleSet, article_date: dt.date | None
) -> tuple[FileResult, Layout]:
    """Lint one record; ``article_date`` (``--date``) beats the record's date."""
    source, layout = compose(record)
    name = record.name
    try:
        doc = load_document(name, source, record.format)
    except InputError as exc:
        return FileResult(name, errors=[str(exc)], record_id=record.id), layout
    if record.date is not None:
        doc.article_date = record.date
    if article_date is not None:
        doc.article_date = article_date
    if record.language:
        doc.language = record.language
    suppressions = parse_directives(doc.directives)
    errors = [
        f"{name}:{line - layout.prefix_lines}: {message}" for line, message in suppressions.errors
    ]
    diagnostics = lint_document(doc, rules, archive, suppressions, errors)
    result = FileResult(
        name,
        [layout.diagnostic(d, source) for d in diagnostics],
        errors,
        record.text,
        words=doc.word_count,
        article_date=doc.article_date,
        title=record.title or doc.headline_text,
        record_id=record.id,
    )
    return result, layout
