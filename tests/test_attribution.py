"""attribution.* rules: analysis units, the planted defects in examples/, and
staying quiet on the clean examples."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, lint_snippet

from newslint.analysis.attribution import (
    REPORTING,
    is_full_quote,
    quote_attributions,
    sourcing_phrases,
)
from newslint.sources import load_document


def _doc(text: str):
    return load_document("t.txt", text, "text")


def _rules(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    result = lint_snippet(text, fmt, select=("attribution",))
    return [(d.rule, d.text) for d in result.diagnostics]


@pytest.mark.parametrize(
    "phrase", ["she said", "said the minister", "according to police", "he told reporters"]
)
def test_reporting_verbs_found(phrase: str) -> None:
    assert REPORTING.search(phrase)


@pytest.mark.parametrize("phrase", ["the statement", "the United States", "a report on"])
def test_nouns_are_not_reporting_verbs(phrase: str) -> None:
    assert not REPORTING.search(phrase)


@pytest.mark.parametrize(
    ("sentence", "how"),
    [
        ('"We will rebuild every one of the sheds," Okafor said.', "same-sentence"),
        ('Okafor said on Tuesday: "We will rebuild every one of the sheds."', "same-sentence"),
        ('The mayor was blunt: "We will rebuild every one of the sheds."', "colon"),
        ('"We will rebuild every one of the sheds." The mayor said so twice.', "next-sentence"),
        ('The mayor spoke first. "We will rebuild every one of the sheds."', ""),
    ],
)
def test_quote_attribution_kinds(sentence: str, how: str) -> None:
    found = quote_attributions(_doc(sentence))
    assert [a.how for a in found] == [how]


def test_continued_quote_paragraph_is_attributed() -> None:
    text = (
        'Okafor said: "The wind changed twice in an hour.\n\n'
        '"We had to move the pumps each time and the crews were exhausted."\n'
    )
    found = quote_attributions(_doc(text))
    assert found and all(a.attributed for a in found)


def test_quote_after_attributed_quote_chains() -> None:
    text = '"We will be here all week," said Okafor. "Nobody goes home until the quay is safe."'
    assert all(a.attributed for a in quote_attributions(_doc(text)))


def test_run_in_paragraph_marks_are_repaired() -> None:
    # Copy that lost its paragraph breaks: the continued-quote mark sits mid-paragraph.
    text = (
        'Okafor said: "The wind changed twice in an hour. "We had to move the pumps each '
        'time." The fire was out by dawn.\n'
    )
    flagged = _rules(text)
    assert not [r for r in flagged if r[0] == "attribution.quote-unattributed"]


def test_scare_quotes_and_titles_are_not_full_quotes() -> None:
    doc = _doc('He called it "a disgrace" and quoted "The Long Road Home To The Valley" twice.')
    assert not any(is_full_quote(doc.text, q) for q in doc.quotations)


def test_vague_excused_by_apposition_in_next_sentence() -> None:
    text = (
        "Experts believe the wall is unsafe. Dr Lena Hart, a structural engineer at "
        "Northfield University, said the stones had moved.\n"
    )
    phrases = sourcing_phrases(_doc(text))
    assert [p.excused for p in phrases] == [True]


def test_vague_not_excused_by_unrelated_name() -> None:
    text = "Experts believe the wall is unsafe. Okafor said the work would start soon.\n"
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [False]


def test_no_quotes_or_triggers_computes_no_sentences() -> None:
    doc = _doc("The tram line reopened on Sunday after three weeks of repairs.\n")
    assert quote_attributions(doc) == [] and sourcing_phrases(doc) == []
    assert "sentences" not in doc.__dict__  # the lazy sentence split never ran


def test_quote_in_headline_is_ignored() -> None:
    text = '"We are closer than ever to a deal on the border"\n\nTalks ended on Friday.\n'
    assert not _rules(text)


def test_min_words_option() -> None:
    from newslint.registry import _PYTHON_RULES, CheckContext

    doc = _doc('The vote was close.\n\n"Everyone lost something tonight"\n')
    rule = _PYTHON_RULES["attribution.quote-unattributed"]
    assert not list(rule.function(doc, CheckContext(), rule.meta))
    ctx = CheckContext(options={"attribution.quote-unattributed": {"min-words": 4}})
    assert len(list(rule.function(doc, ctx, rule.meta))) == 1


def test_planted_defects_are_caught() -> None:
    md = (EXAMPLES / "flawed-abu-dhabi-talks.md").read_text(encoding="utf-8")
    found = _rules(md, "markdown")
    assert ("attribution.vague", "Reports indicate") in found
    quotes = [t for r, t in found if r == "attribution.quote-unattributed"]
    assert len(quotes) == 1 and quotes[0].startswith('"We are closer than we have been')
    html = (EXAMPLES / "flawed-harbour-fire.html").read_text(encoding="utf-8")
    assert ("attribution.vague", "Experts believe") in _rules(html, "html")


@pytest.mark.parametrize(
    "name",
    ["clean-central-bank-rates.md", "clean-council-budget.txt", "clean-bridge-reopening.html"],
)
def test_clean_examples_are_silent(name: str) -> None:
    fmt = {"md": "markdown", "txt": "text", "html": "html"}[name.rsplit(".", 1)[1]]
    assert _rules((EXAMPLES / name).read_text(encoding="utf-8"), fmt) == []
