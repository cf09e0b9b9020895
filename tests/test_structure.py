"""structure.* checks: options, helpers and the example articles."""

from __future__ import annotations

from conftest import EXAMPLES, lint_snippet

from newslint.checks import structure
from newslint.registry import CheckContext, PythonProvider
from newslint.sources import load_document

IDS = (
    "structure.missing-headline",
    "structure.byline-generic",
    "structure.headline-style",
    "structure.headline-length",
    "structure.dateline-mismatch",
    "structure.empty-section",
)


def run(text: str, rule_id: str, options: dict | None = None, path: str = "a.txt") -> list[str]:
    doc = load_document(path, text)
    ctx = CheckContext(options={rule_id: options or {}})
    return [
        doc.span_text((d.start, d.end))
        for d in PythonProvider().check(doc, frozenset((rule_id,)), ctx)
    ]


def test_generic_byline_words() -> None:
    assert structure.is_generic_byline("By Staff Writer")
    assert structure.is_generic_byline("By The Editorial Team")
    assert structure.is_generic_byline("admin")
    assert not structure.is_generic_byline("By Jane Doe, Staff Writer")
    assert not structure.is_generic_byline("By Reuters", {"reuters"})


def test_byline_options_allow_and_role_words() -> None:
    text = "Budget approved\n\nBy Metro Desk\n\nThe council voted 7-3.\n"
    assert run(text, "structure.byline-generic") == ["By Metro Desk"]
    assert run(text, "structure.byline-generic", {"allow": ["Metro Desk"]}) == []
    intern = "Budget approved\n\nBy Intern\n\nThe council voted 7-3.\n"
    assert run(intern, "structure.byline-generic") == []
    assert run(intern, "structure.byline-generic", {"role-words": ["intern"]}) == ["By Intern"]


def test_headline_style_options() -> None:
    title_case = "City Council Approves New Budget\n\nThe vote was 7-3.\n"
    sentence_case = "City council approves new budget\n\nThe vote was 7-3.\n"
    rule_id = "structure.headline-style"
    assert run(title_case, rule_id) == []
    assert run(title_case, rule_id, {"style": "sentence"}) == ["City Council Approves New Budget"]
    assert run(sentence_case, rule_id, {"style": "sentence"}) == []
    assert run(sentence_case, rule_id, {"style": "title"}) == ["City council approves new budget"]
    assert run(title_case, rule_id, {"style": "title"}) == []


def test_headline_length_options() -> None:
    text = "Council approves budget with more money for roads\n\nThe vote was 7-3.\n"
    assert run(text, "structure.headline-length") == []
    flagged = run(text, "structure.headline-length", {"max-words": 5})
    assert flagged == ["Council approves budget with more money for roads"]
    assert run(text, "structure.headline-length", {"max-chars": 20})


def test_dateline_tolerance() -> None:
    text = (
        "---\ntitle: Tram\ndate: 2026-04-08\n---\n\n# Tram\n\n"
        "DENVER, April 9, 2026 — The board approved the line.\n"
    )
    rule_id = "structure.dateline-mismatch"
    assert run(text, rule_id, path="a.md") == ["DENVER, April 9, 2026"]
    assert run(text, rule_id, {"tolerance-days": 1}, path="a.md") == []


def test_missing_headline_min_paragraphs() -> None:
    text = (
        "The council voted 7-3 on Tuesday,\nadding money for roads.\n\nThe plan starts in July.\n"
    )
    assert run(text, "structure.missing-headline") == []
    flagged = run(text, "structure.missing-headline", {"min-paragraphs": 2})
    assert flagged == ["The council voted 7-3 on Tuesday,"]


def test_heading_levels() -> None:
    md = load_document("a.md", "# Top\n\nText.\n\n### Deep\n\nMore.\n\nSetext\n------\n\nEnd.\n")
    assert [structure.heading_level(md, h) for h in md.headings] == [3, 2]
    html = load_document("a.html", "<h1>Top</h1><p>Text.</p><h4 class='x'>Deep</h4><p>More.</p>")
    assert [structure.heading_level(html, h) for h in html.headings] == [4]


def test_examples_bylines_caught_and_clean_silent() -> None:
    flagged = {}
    for path in sorted(EXAMPLES.glob("*.*")):
        if path.name == "README.md":
            continue
        result = lint_snippet(path.read_text(encoding="utf-8"), _fmt(path.suffix), select=IDS)
        flagged[path.name] = sorted(d.text for d in result.diagnostics)
    assert flagged["flawed-harbour-fire.html"] == ["By Chief Editor"]
    assert flagged["flawed-light-rail-padding.txt"] == ["By Staff Writer"]
    for name, found in flagged.items():
        if name.startswith("clean-"):
            assert found == [], name


def _fmt(suffix: str) -> str:
    return {".md": "markdown", ".html": "html"}.get(suffix, "text")


def test_empty_headings_in_a_row_are_one_finding_that_counts_them() -> None:
    titles = [f"Harbour story number {n}" for n in range(1, 8)]
    page = (
        "<html><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday "
        "after a year of repairs.</p></article>"
        + "".join(f"<h3>{t}</h3>" for t in titles)
        + "</body></html>"
    )
    doc = load_document("a.html", page)
    found = list(
        PythonProvider().check(doc, frozenset(("structure.empty-section",)), CheckContext())
    )
    assert len(found) == 1
    assert found[0].message.startswith("7 headings in a row have no text under them")
    assert "'Harbour story number 3' and 4 more" in found[0].message
