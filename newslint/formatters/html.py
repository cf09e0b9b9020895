"""``--format html``: the audit report of ``newslint report``, for this run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from newslint.formatters.common import error_naming_file, rule_url, start_of
from newslint.results import RunResult

if TYPE_CHECKING:
    from newslint.report.records import Article


def articles_of(result: RunResult) -> Iterator[Article]:
    """The run's files as the report's articles."""
    from newslint.report.records import Article, Finding, document_facts

    for file in result.files:
        # Runs that record the document's facts on the result (archive input) win;
        # otherwise they are read again from the source, as the linter read them.
        words = getattr(file, "words", None)
        date = getattr(file, "article_date", None)
        title = getattr(file, "title", None)
        if words is None and file.source is not None and not file.errors:
            words, found_date, found_title = document_facts(file.path, file.source)
            date, title = date or found_date, title or found_title
        yield Article(
            path=file.path,
            diagnostics=[
                Finding(
                    rule=d.rule,
                    severity=str(d.severity),
                    message=d.message,
                    line=start_of(d).line,
                    column=start_of(d).column,
                    text=d.text,
                    suggestion=d.suggestions[0].replacement if d.suggestions else None,
                    url=rule_url(result, d.rule),
                )
                for d in file.diagnostics
            ],
            errors=[error_naming_file(file.path, e) for e in file.errors],
            words=words,
            date=date,
            title=title,
        )


class HtmlFormatter:
    name = "html"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        from newslint.report import write_report

        write_report(articles_of(result), out, notes=result.notices)
