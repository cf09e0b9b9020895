"""structure.front-matter: front matter that newslint had to ignore, or that
gives an impossible article date. The loader finds the problems (it parses
the front matter once, within bounds); this rule only reports them."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.diagnostics import Diagnostic, Range
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule


@rule(
    "structure.front-matter",
    summary="Front matter that is not valid, is too large, or holds an impossible date.",
    why=(
        "The front matter carries the story's title, author and date. When it is not valid "
        "YAML, is nested or aliased beyond reason, or says 'date: 2026-02-30', the CMS may "
        "reject the story or publish it with the wrong date, and newslint ignores it (the "
        "date checks then have no article date)."
    ),
    examples=[
        Example(
            "---\ntitle: Harbour fire\ndate: 2026-02-30\n---\n\nA fire destroyed 12 boats.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "---\ntitle: Harbour fire\ndate: 2026-02-28\n---\n\nA fire destroyed 12 boats.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def front_matter(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for start, end, message in doc.front_matter_problems:
        # Front matter is not prose: the range is given in the source directly.
        where = Range(doc.location(start), doc.location(end))
        yield Diagnostic(meta.id, message, 0, 0, meta.severity, range=where)
