"""Shared text analysis: sentences, quotations, skipped regions."""

from __future__ import annotations

import re

import pytest

from newslint.analysis.quotations import find_quotations
from newslint.analysis.sentences import split_sentences
from newslint.analysis.skipped import find_skipped
from newslint.sources import load_document
from newslint.spans import Span


def blocks(text: str) -> list[Span]:
    """Paragraph spans: runs of text separated by blank lines."""
    return [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\n))*", text)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, blocks(text))]


def quotes(text: str) -> list[tuple[str, str, bool, int]]:
    return [
        (
            text[q.span.start : q.span.end],
            text[q.content.start : q.content.end],
            q.nested,
            q.paragraphs,
        )
        for q in find_quotations(text, blocks(text))
    ]


# -- sentences ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. Treasury announced new sanctions on Tuesday.",
        "The summit opened on Feb. 6 with a closed session.",
        "Mr. Smith and Dr. Lee met Gov. Ortiz in St. Louis.",
        "Protesters gathered in Washington, D.C., before dawn.",
        "Sen. Alma Reyes, D-N.M., voted against the bill.",
        "The vote is set for 9 a.m. Tuesday in the Senate.",
    ],
)
def test_abbreviations_do_not_split(sentence: str) -> None:
    assert sentences(sentence) == [sentence]


def test_real_sentences_split_and_exclude_whitespace() -> None:
    text = "  The council met at 5 p.m. The mayor did not attend.  Nobody knew why!  "
    assert sentences(text) == [
        "The council met at 5 p.m.",
        "The mayor did not attend.",
        "Nobody knew why!",
    ]


def test_sentences_stay_inside_paragraphs() -> None:
    text = "The bridge reopened\n\nTraffic resumed. Drivers cheered.\nA soft break here."
    assert sentences(text) == [
        "The bridge reopened",
        "Traffic resumed.",
        "Drivers cheered.",
        "A soft break here.",
    ]


def test_quoted_sentences() -> None:
    # Back-to-back quotations are separate sentences ...
    text = "“Crops failed this year.” “We need seed money,” the farmer said. Aid arrived later."
    assert sentences(text) == [
        "“Crops failed this year.”",
        "“We need seed money,” the farmer said.",
        "Aid arrived later.",
    ]
    # ... while a quotation of two sentences stays with its attribution.
    text = "“Crops failed. We need seed money,” the farmer said. Aid arrived in spring."
    assert sentences(text) == [
        "“Crops failed. We need seed money,” the farmer said.",
        "Aid arrived in spring.",
    ]


def test_sentence_spans_index_the_text() -> None:
    text = "Rain fell. “It flooded,” she said. Schools closed."
    spans = split_sentences(text, [Span(0, len(text))])
    assert [text[s:e] for s, e in spans] == [
        "Rain fell.",
        "“It flooded,” she said.",
        "Schools closed.",
    ]
    assert spans[1].start == text.index("“")


# -- quotations -----------------------------------------------------------------------


def test_straight_and_curly_quotes() -> None:
    text = 'He said "we will rebuild" and she replied “not this year.”'
    assert quotes(text) == [
        ('"we will rebuild"', "we will rebuild", False, 1),
        ("“not this year.”", "not this year.", False, 1),
    ]


def test_nested_single_quotes() -> None:
    text = "“The sign read ‘closed for repairs’ all week,” a resident said."
    found = quotes(text)
    assert found[0][1] == "The sign read ‘closed for repairs’ all week,"
    assert found[1] == ("‘closed for repairs’", "closed for repairs", True, 1)
    straight = "\"They called it 'a test run' at first,\" he said."
    assert quotes(straight)[1] == ("'a test run'", "a test run", True, 1)


def test_apostrophes_are_not_quotes() -> None:
    text = (
        "\"We don't play rock 'n' roll like in the '90s,\" the players' coach said, "
        '"and the fans\' mood shows it."'
    )
    found = quotes(text)
    assert [q[1] for q in found] == [
        "We don't play rock 'n' roll like in the '90s,",
        "and the fans' mood shows it.",
    ]
    assert not any(q[2] for q in found)


def test_possessive_inside_nested_quote() -> None:
    text = "“They chanted ‘the players' union stays’ for an hour,” he said."
    assert quotes(text)[1][1] == "the players' union stays"


def test_quote_continued_across_paragraphs() -> None:
    text = (
        "“We lost the harvest,” the farmer said. “Then we lost the mill.\n\n"
        "“Now we are waiting for help,” he added.\n\n"
        "Officials declined to comment."
    )
    found = quotes(text)
    assert found[0] == ("“We lost the harvest,”", "We lost the harvest,", False, 1)
    span, content, nested, paragraphs = found[1]
    assert span.startswith("“Then we lost") and span.endswith("waiting for help,”")
    assert content.endswith("for help,")
    assert (nested, paragraphs) == (False, 2)
    assert len(found) == 2


def test_straight_quote_run_on_with_lost_paragraph_break() -> None:
    # Copy whose paragraph breaks were lost: a run-on quote's next opening mark
    # sits mid-line. It continues the quotation; it does not close it.
    text = (
        'The head teacher said: "Pupils need to know how ideas earn money. It is vital '
        'that they learn it young. "Our course starts in May." Parents were not asked.'
    )
    found = quotes(text)
    assert len(found) == 1
    span, _content, _nested, paragraphs = found[0]
    assert span.startswith('"Pupils') and span.endswith('in May."')
    assert paragraphs == 2


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "The mayor said “we will not back down\n\nCrews worked through the night."
    assert quotes(text) == [("“we will not back down", "we will not back down", False, 1)]


def test_inches_are_not_quotes() -> None:
    assert quotes("The 6'2\" guard scored 30 points.") == []


def test_stray_closing_mark_opens_nothing() -> None:
    # The quote before it was mis-paired; a mark after a word and before the
    # paragraph's end can only close, so the sentence after it stays unquoted.
    text = 'The "Gunsmoke" fans were told the film would make them proud." Filming starts soon.'
    assert [q[0] for q in quotes(text)] == ['"Gunsmoke"']


def test_document_in_quotation() -> None:
    doc = load_document("q.txt", "Sirens Sound\n\nShe said “stay indoors” twice.\n")
    inside = doc.text.index("indoors")
    outside = doc.text.index("twice")
    assert doc.in_quotation(Span(inside, inside + 7))
    assert not doc.in_quotation(Span(outside, outside + 5))


# -- skipped --------------------------------------------------------------------------


def test_urls_emails_handles_hashtags() -> None:
    text = (
        "Read https://news.example/story_(update). Or www.city.example, "
        "write to tips@paper.example; follow @cityhall #Flood2026 for the #1 pick."
    )
    skipped, sic = find_skipped(text)
    assert [text[s:e] for s, e in skipped] == [
        "https://news.example/story_(update)",
        "www.city.example",
        "tips@paper.example",
        "@cityhall",
        "#Flood2026",
    ]
    assert sic == []


def test_sic() -> None:
    text = 'The letter said the money was "recieved" [sic] and spent. Goverment [sic] spending.'
    skipped, sic = find_skipped(text)
    assert [text[s:e] for s, e in sic] == ["recieved", "Goverment"]
    assert [text[s:e] for s, e in skipped] == ["[sic]", "[sic]"]


def test_loader_adds_skipped_and_sic() -> None:
    doc = load_document(
        "a.md", "Email `desk@paper.example` or see teh [sic] note at www.x.example.\n"
    )
    assert [doc.span_text(s) for s in doc.skipped] == [
        "desk@paper.example",
        "[sic]",
        "www.x.example",
    ]
    assert [doc.span_text(s) for s in doc.sic] == ["teh"]


def test_folded_sentence_features_score_as_the_full_features_do() -> None:
    """The rules' memoised features fold most features into per-model sums to save
    memory; the scores must equal those of the full feature sets the trainer sees."""
    from newslint.analysis import sentence_features as features
    from newslint.analysis import vague_features
    from newslint.analysis.learned import padding_model, vague_model

    text = (
        "Harbour Road will close for six weeks from 3 March, the council said.\n\n"
        "Experts say the change could reshape how residents travel across the town.\n\n"
        "In an ever-changing world, it remains to be seen what the future holds for "
        "the community, which plays a vital role in shaping the region.\n\n"
        "Only time will tell whether the decision will stand the test of time.\n"
    )
    folded = features.sentence_features(load_document("story.txt", text))
    full = features._sentence_features(load_document("story.txt", text))
    assert len(folded) == len(full) >= 3
    assert all(len(f.features) < len(g.features) / 10 for f, g in zip(folded, full, strict=True))
    padding = padding_model()
    for f, g in zip(folded, full, strict=True):
        assert f.probability(padding) == pytest.approx(padding.probability(g.features), abs=1e-12)
    vague = vague_model()
    folded_vague = vague_features.vague_sentence_features(load_document("story.txt", text))
    # The unfolded vague features: the full sentence features plus the parser's.
    original = vague_features.sentence_features
    try:
        vague_features.sentence_features = lambda doc, register=True: features._sentence_features(
            doc
        )
        full_vague = vague_features._vague_sentence_features(load_document("story.txt", text))
    finally:
        vague_features.sentence_features = original
    assert len(folded_vague) == len(full_vague) >= 3
    for (f, _), (g, _) in zip(folded_vague, full_vague, strict=True):
        assert f.probability(vague) == pytest.approx(vague.probability(g.features), abs=1e-12)


def test_evaluates_tells_a_verdict_on_someone_from_a_report() -> None:
    from newslint.analysis.specificity import evaluates

    # A verdict: a praise word in the predicate, a qualities subject, a reputation.
    assert evaluates("Mayweather's work ethic is legendary.")
    assert evaluates("His generosity has provided hope to countless people in need.")
    assert evaluates("She is known for her dedication to public service.")
    assert evaluates("Pryce is a true icon of Welsh music.")
    # Reports: an event with praise only in an aside, someone's words, no praise at all.
    assert not evaluates("Okafor, the celebrated champion, now faces Jo Reid in March.")
    assert not evaluates("The coach said her dedication was legendary.")
    assert not evaluates("Smith is known for his roles in two police dramas.")
    assert not evaluates("The striker scored a remarkable goal in the second half.")


def test_an_initialism_joined_to_the_word_before_ends_no_sentence() -> None:
    text = (
        "The memo named then-U.N. Ambassador Ana Ruiz as its author. "
        "It was read in the U.S. Congress."
    )
    spans = split_sentences(text, [Span(0, len(text))])
    assert [text[s.start : s.end] for s in spans] == [
        "The memo named then-U.N. Ambassador Ana Ruiz as its author.",
        "It was read in the U.S. Congress.",
    ]
