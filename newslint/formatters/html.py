"""``--format html``: the audit report of ``newslint report``, for this run.

``HtmlFormatter`` takes a finished run. ``HtmlSink`` takes results one at a
time (``write``) and writes the page at ``close``, holding only the report's
bounded totals: the shape of the streaming runner's result sinks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from newslint.formatters.common import error_naming_file, start_of
from newslint.registry import RuleMeta, rule_page_url
from newslint.results import FileResult, RunResult

if TYPE_CHECKING:
    from newslint.report import Aggregate
    from newslint.report.records import Article


def article_of(file: FileResult, rules: dict[str, RuleMeta]) -> Article:
    """One file or record's result as the report's article."""
    from newslint.report.records import Article, Finding, document_facts

    # Runs that record the document's facts on the result (archive input) win;
    # otherwise they are read again from the source, as the linter read them.
    words = getattr(file, "words", None)
    date = getattr(file, "article_date", None)
    title = getattr(file, "title", None)
    if words is None and file.source is not None and not file.errors:
        words, found_date, found_title = document_facts(file.path, file.source)
        date, title = date or found_date, title or found_title
    findings = []
    for d in file.diagnostics:
        meta = rules.get(d.rule)
        findings.append(
            Finding(
                rule=d.rule,
                severity=str(d.severity),
                message=d.message,
                line=start_of(d).line,
                column=start_of(d).column,
                text=d.text,
                suggestion=d.suggestions[0].replacement if d.suggestions else None,
                url=meta.url if meta else rule_page_url(None, d.rule),
            )
        )
    return Article(
        path=file.path,
        diagnostics=findings,
        errors=[error_naming_file(file.path, e) for e in file.errors],
        words=words,
        date=date,
        title=title,
    )


def articles_of(result: RunResult) -> Iterator[Article]:
    return (article_of(file, result.rules) for file in result.files)


class HtmlFormatter:
    name = "html"
    includes_notices = True

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None:
        from newslint.report import write_report

        write_report(articles_of(result), out, notes=result.notices)


class HtmlSink:
    """Results in as they finish, the page out at the end; memory stays flat."""

    streams = True

    def __init__(self, out: TextIO) -> None:
        from newslint.report import Aggregate

        self.out = out
        self.rules: dict[str, RuleMeta] = {}
        self.totals: Aggregate = Aggregate()

    def write(self, position: Any, result: FileResult) -> None:
        self.totals.add(article_of(result, self.rules))

    def close(self, totals: Any, notices: Iterable[str]) -> None:
        from newslint.report.page import write_page

        write_page(self.totals, self.out, title="newslint audit", notes=list(notices))
        self.out.flush()
