"""The audit report: one self-contained HTML page summarising a run.

``records`` reads results (JSON Lines or a JSON report) one article at a
time, ``aggregate`` folds them into bounded totals, ``charts`` draws the
totals with plotly, and ``page`` lays out the escaped HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from newslint.report.aggregate import Aggregate
from newslint.report.records import Article

__all__ = ["Aggregate", "Article", "write_report"]


def write_report(
    articles: Iterable[Article],
    out: TextIO,
    *,
    title: str = "newslint audit",
    worst: int = 25,
    problems: Iterable[str] = (),
    notes: Iterable[str] = (),
) -> Aggregate:
    """Fold ``articles`` (consumed once, as they come) and write the page.

    ``problems`` (input that could not be read) is read after the articles,
    so a reader may fill it while it yields them; ``notes`` are run notices."""
    from newslint.report.page import write_page

    totals = Aggregate(worst=worst)
    for article in articles:
        totals.add(article)
    write_page(totals, out, title=title, problems=list(problems), notes=list(notes))
    return totals
