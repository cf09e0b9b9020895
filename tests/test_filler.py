"""filler.* rules: the Python checks' options and the example articles."""

from __future__ import annotations

from conftest import EXAMPLES, lint_snippet

from newslint.registry import CheckContext, PythonProvider
from newslint.sources import load_document

QUESTIONS = """
# Toll rise explained

The port will raise tolls in April.

## What is changing?

Freight tolls rise.

## Who pays?

Shipping lines.
"""


def seo(text: str, options: dict | None = None) -> list[str]:
    doc = load_document("a.md", text)
    ctx = CheckContext(options={"filler.seo-section": options or {}})
    found = PythonProvider().check(doc, frozenset(("filler.seo-section",)), ctx)
    return [doc.span_text((d.start, d.end)) for d in found]


def test_question_heading_run_is_configurable() -> None:
    assert seo(QUESTIONS) == []  # two in a row is below the default of three
    assert seo(QUESTIONS, {"question-headings": 2}) == ["What is changing?"]
    three = QUESTIONS + "\n## When?\n\nIn April.\n"
    assert seo(three) == ["What is changing?"]
    assert seo(three, {"question-headings": 0}) == []


def test_reader_question_reads_only_the_end() -> None:
    body = "\n\n".join(f"Paragraph {i} of the report on the budget." for i in range(5))
    early = f"Budget approved\n\nWould you pay more tax?\n\n{body}\n"
    late = f"Budget approved\n\n{body}\n\nWould you pay more tax?\n"
    select = ("filler.reader-question",)
    assert lint_snippet(early, select=select).diagnostics == []
    assert [d.text for d in lint_snippet(late, select=select).diagnostics] == [
        "Would you pay more tax?"
    ]


def test_pack_phrase_is_not_reported_twice() -> None:
    text = "Budget approved\n\nThe vote was 7-3.\n\nShare this story with your neighbours.\n"
    result = lint_snippet(text, select=("filler",))
    assert [(d.rule, d.text) for d in result.diagnostics] == [
        ("filler.web-leftover", "Share this story")
    ]


PLANTED = {
    "flawed-harbour-fire.html": ["Leave a Comment", "Share this article"],
    "flawed-light-rail-padding.txt": [
        "Did you understand",
        "In today's fast-paced world",
        "It's important to note",
        "Pro Tip",
        "Stay informed by following",
        "You may also like",
    ],
}


def test_examples_planted_filler_caught_and_clean_silent() -> None:
    for path in sorted(EXAMPLES.glob("*.*")):
        if path.name == "README.md":
            continue
        fmt = {".md": "markdown", ".html": "html"}.get(path.suffix, "text")
        result = lint_snippet(path.read_text(encoding="utf-8"), fmt, select=("filler",))
        found = sorted(d.text for d in result.diagnostics)
        if path.name.startswith("clean-"):
            assert found == [], path.name
        elif path.name in PLANTED:
            assert found == sorted(PLANTED[path.name]), path.name
