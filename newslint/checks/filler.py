"""Filler that needs structure, not just phrases: SEO sections (FAQ,
"Conclusion", "Key Takeaways" headings; runs of question headings).
Questions and calls to action aimed at the reader are in ``reader.py``.

Phrase-level filler lives in the ``rules/filler.toml`` pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.diagnostics import Diagnostic
from newslint.document import Document, Span
from newslint.registry import CheckContext, Example, RuleMeta, rule

# -- filler.seo-section ----------------------------------------------------------

# Headings that belong to a search-engine template, not to a news story.
# "Key points" and "Summary" on their own are left alone: news sites use them
# for fact boxes.
_SEO_HEADING = re.compile(
    r"(?:faqs?|frequently asked questions|common questions|questions and answers"
    r"|(?:in )?conclusions?|concluding (?:thoughts|remarks)|(?:final|closing) (?:thoughts|words)"
    r"|(?:key |main )?takeaways?|key points to (?:remember|note|know)|things to (?:remember|know)"
    r"|(?:the )?bottom line|wrapping (?:it )?up|wrap-?up|to sum (?:it )?up|in summary|tl;? ?dr"
    r"|what (?:this|it) means for you|how (?:this|it) affects you|why (?:this|it) matters to you"
    r"|future (?:trends|outlook|prospects|developments)(?: (?:in|of|for) .{1,60})?"
    r"|introduction|everything you need to know(?: about .{1,60})?|pros and cons(?: of .{1,60})?)",
    re.IGNORECASE,
)
_TRAILING = " \t:.!-–—"
DEFAULT_QUESTION_RUN = 3


@rule(
    "filler.seo-section",
    summary="A search-engine template section (FAQ, Conclusion, Key Takeaways) in a news story.",
    why=(
        "Sections headed 'Frequently Asked Questions', 'Conclusion', 'Key Takeaways' or "
        "'Future Trends in ...', and runs of headings that are all questions, come from "
        "SEO templates and machine-written copy; a news story is organised by what "
        "happened, not by a search engine's idea of an article. It does not flag fact "
        "boxes such as 'Key points' or a single question heading in an explainer. "
        "Option: question-headings = 3 (how many question headings in a row count as "
        "an SEO run; 0 turns that part off)."
    ),
    examples=[
        Example(
            "# Tram line approved\n\nThe board voted 11-4.\n\n## Frequently Asked Questions\n\n"
            "The line opens in 2031.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "# Tram line approved\n\nThe board voted 11-4.\n\n## Reaction\n\n"
            "Residents welcomed the vote.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def seo_section(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    options = ctx.options.get(meta.id, {})
    run_length = int(options.get("question-headings", DEFAULT_QUESTION_RUN))
    run: list[Span] = []
    for heading in doc.headings:
        title = doc.span_text(heading).strip().rstrip(_TRAILING)
        if _SEO_HEADING.fullmatch(title):
            yield Diagnostic(
                meta.id,
                f"'{title}' is an SEO template section, not part of a news story",
                heading.start,
                heading.start + len(title),
                meta.severity,
            )
        if title.endswith("?"):
            run.append(heading)
            continue
        yield from _question_run(doc, run, run_length, meta)
        run = []
    yield from _question_run(doc, run, run_length, meta)


def _question_run(
    doc: Document, run: list[Span], run_length: int, meta: RuleMeta
) -> Iterator[Diagnostic]:
    if run_length <= 0 or len(run) < run_length:
        return
    first = run[0]
    yield Diagnostic(
        meta.id,
        f"{len(run)} headings in a row are questions, an SEO question-and-answer layout",
        first.start,
        first.end,
        meta.severity,
    )
