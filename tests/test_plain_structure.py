"""Plain text gives the same structural findings as Markdown: the twin example
articles, and the seo-section parts that read structure (Q:/A: runs, outlines)."""

from __future__ import annotations

from conftest import EXAMPLES, lint_snippet, run_cli

from newslint.registry import CheckContext, PythonProvider
from newslint.sources import load_document

# Rules that read the document's structure (headings, FAQ blocks, header lines).
STRUCTURAL = ("filler.seo-section", "structure.")
TWIN = "flawed-solar-rebate-seo"


def structural_findings(path) -> list[tuple[str, str, str]]:
    run = run_cli("check", "--format", "json", "--no-progress", "--ignore", "grammar", str(path))
    assert run.returncode == 1, run.stderr
    (file,) = run.json()["files"]
    return sorted(
        (d["rule"], d["text"], d["message"])
        for d in file["diagnostics"]
        if d["rule"].startswith(STRUCTURAL)
    )


def test_plain_text_twin_gives_the_markdown_structural_findings() -> None:
    markdown = structural_findings(EXAMPLES / f"{TWIN}.md")
    text = structural_findings(EXAMPLES / f"{TWIN}.txt")
    assert text == markdown
    assert [(rule, found) for rule, found, _ in markdown] == [
        ("filler.seo-section", "Background"),  # the essay outline
        ("filler.seo-section", "Frequently Asked Questions"),
        ("filler.seo-section", "Who can apply for the rebate?"),  # the run of questions
    ]


def seo(text: str, fmt: str = "text") -> list[str]:
    result = lint_snippet(text, fmt, select=("filler.seo-section",))
    return sorted(d.text for d in result.diagnostics)


OUTLINE = """Tram extension approved

The transit board voted 11-4 on Tuesday to extend the line to Brighton.

{0}

Light rail has long shaped how cities grow.

{1}

Trams are quiet, clean and reliable, and the line adds six stations.

{2}

Funding remains uncertain for many projects.
"""


def test_outline_needs_generic_labels_with_essay_nouns() -> None:
    assert seo(OUTLINE.format("Background", "Key Benefits", "The Road Ahead")) == ["Background"]
    # Three anchorless labels but no essay-template noun: page or recipe sections.
    assert seo(OUTLINE.format("Ingredients", "Method", "Comments")) == []
    # A label naming someone the story names breaks the run.
    assert seo(OUTLINE.format("Background", "Brighton Reacts", "The Road Ahead")) == []
    # Two labels are not an outline.
    assert seo(OUTLINE.format("Background", "Key Benefits", "The vote was close.")) == []


def test_outline_run_is_configurable() -> None:
    doc = load_document("a.txt", OUTLINE.format("Background", "Key Benefits", "The Road Ahead"))

    def found(options: dict) -> list[str]:
        ctx = CheckContext(options={"filler.seo-section": options})
        diagnostics = PythonProvider().check(doc, frozenset(("filler.seo-section",)), ctx)
        return [doc.span_text((d.start, d.end)) for d in diagnostics]

    assert found({}) == ["Background"]
    assert found({"label-headings": 4}) == []
    assert found({"label-headings": 0}) == []


def test_qa_pairs_in_markdown_paragraphs_are_a_run() -> None:
    pairs = "\n\n".join(f"Q: Question {n}?\n\nA: Answer {n}." for n in range(1, 4))
    assert seo(f"# Tolls explained\n\nTolls rise in April.\n\n{pairs}\n", "markdown") == [
        "Q: Question 1?"
    ]


def test_first_person_answers_are_an_interview() -> None:
    pairs = "\n\n".join(f"Q: Question {n}?\nA: I think so, {n} times." for n in range(1, 4))
    assert seo(f"Minister interviewed\n\nThe minister spoke on Monday.\n\n{pairs}\n") == []


NUMBERED = """{h}Harlow County doubles solar rebate

The county voted 4-1 on Monday to double its rooftop solar rebate to $3,000.

{h}1. Introduction

Solar energy has become an increasingly important topic for homeowners.

{h}2. Key Benefits

The rebate offers many benefits for residents.

{h}3. The Road Ahead

Only time will tell how many residents apply.

Steps to apply:

1. Fill in the form
2. Attach the permit

The county expects to pay the first rebates in May.
"""


def test_numbered_section_headings_match_markdown() -> None:
    text = seo(NUMBERED.format(h=""))
    markdown = seo(NUMBERED.format(h="## ").replace("## Harlow", "# Harlow"), "markdown")
    assert text == markdown == ["Introduction", "Key Benefits"]
    doc = load_document("a.txt", NUMBERED.format(h=""))
    assert [doc.span_text(i) for i in doc.list_items] == ["Fill in the form", "Attach the permit"]
