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


def test_reader_question_about_the_reader_anywhere() -> None:
    body = "\n\n".join(f"Paragraph {i} of the report on the market." for i in range(5))
    select = ("filler.reader-question",)
    early = f"Market reopens\n\nDo you shop at the market on Saturdays?\n\n{body}\n"
    assert [d.text for d in lint_snippet(early, select=select).diagnostics] == [
        "Do you shop at the market on Saturdays?"
    ]
    # The next sentence reports who asked: a survey's question, not the writer's.
    asked = early.replace("Saturdays?", "Saturdays? The council asked 900 shoppers.")
    assert lint_snippet(asked, select=select).diagnostics == []


def test_story_written_to_the_reader_gets_one_finding_for_its_you_sentences() -> None:
    """Twice told what to do, the reader owns the story's other "you" sentences:
    they get one finding, on the first, that counts them, not one each."""
    you = [f"Your {thing} probably will not help you much." for thing in ("tea", "walk", "nap")]
    story = (
        "Colds study\n\n" + " ".join(you) + "\n\nA trial of 400 adults found this on Monday."
        "\n\nMake sure you wash your hands.\n\nKeep in mind that you need sleep.\n"
    )
    found = lint_snippet(story, select=("filler.reader-question",)).diagnostics
    assert [d.text for d in found] == [
        you[0],
        "Make sure you wash your hands.",
        "Keep in mind that you need sleep.",
    ]
    assert "3 sentence(s)" in found[0].message and "throughout" in found[0].message


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


def test_specificity_anchors_and_position() -> None:
    from newslint.analysis.specificity import padding_score, specificity

    text = (
        "Reef study\n\nScientists at the University of Tasmania counted 3,400 colonies.\n\n"
        "Ultimately, the findings highlight the importance of protecting our future.\n"
    )
    doc = load_document("a.txt", text)
    first, last = specificity(doc)
    assert first.anchored and first.figures and not first.last_paragraph
    assert padding_score(doc, first) == 0
    assert not last.anchored and last.last_sentence and last.abstract >= 3
    assert padding_score(doc, last) >= 4


def test_verdict_and_agentless_passive_report_no_one() -> None:
    """ "Only time will tell" and "is expected to be" hold reporting verbs, but no
    one's words: they must not excuse the sentence as reporting."""
    from newslint.analysis.specificity import padding_score, signals, specificity

    text = (
        "Choir wins prize\n\nThe Ashby choir won the regional prize in Leeds on Saturday.\n\n"
        "The final is expected to be a significant moment for the choir.\n\n"
        "Only time will tell whether other choirs will follow in its footsteps.\n"
    )
    doc = load_document("a.txt", text)
    _first, expected, closer = specificity(doc)
    assert signals(doc, expected)["reported"] == 0
    assert signals(doc, closer)["reported"] == 0
    assert padding_score(doc, closer) >= 3  # a verdict in the closing paragraph (1 before)
    said = load_document("b.txt", text.replace("Only time", "Its conductor said time"))
    assert signals(said, specificity(said)[-1])["reported"] == 1


def test_generic_padding_threshold_option() -> None:
    text = (
        "Tram line approved\n\nThe board voted 11-4 on Tuesday.\n\n"
        "Overall, the decision serves as a reminder of the importance of the future.\n"
    )
    doc = load_document("a.txt", text)
    select = frozenset(("filler.generic-padding",))
    found = PythonProvider().check(doc, select, CheckContext(options={}))
    assert len(list(found)) == 1
    strict = {"threshold": 50, "min-probability": 1.1}
    context = CheckContext(options={"filler.generic-padding": strict})
    assert list(PythonProvider().check(doc, select, context)) == []
    # Each scorer alone still finds this closer.
    for alone in ({"threshold": 50}, {"min-probability": 1.1}):
        context = CheckContext(options={"filler.generic-padding": alone})
        assert len(list(PythonProvider().check(doc, select, context))) == 1


def test_reader_imperative_found_early_but_not_generic_you() -> None:
    body = "\n\n".join(f"Paragraph {i} of the report on the budget." for i in range(5))
    early = f"Budget approved\n\nExplore our guide to the new tax bands.\n\n{body}\n"
    review = f"Game reviewed\n\n{body}\n\nThe game lets you save your best lap.\n"
    select = ("filler.reader-question",)
    assert [d.text for d in lint_snippet(early, select=select).diagnostics] == [
        "Explore our guide to the new tax bands."
    ]
    assert lint_snippet(review, select=select).diagnostics == []


def test_specificity_repeated_figure_and_speaker_context() -> None:
    from newslint.analysis.specificity import padding_score, specificity

    text = (
        "Harriers win 3-1\n\nBedford Harriers beat Luton 3-1 on Saturday.\n\n"
        "The trade body predicted that crowds would grow.\n\n"
        "Attendances would continue to thrive, especially among young fans.\n\n"
        "These views reflect a growing concern about the future of the sport.\n\n"
        "Fans will remember this 3-1 win for years to come.\n"
    )
    doc = load_document("a.txt", text)
    first, _report, continued, summary, closer = specificity(doc)
    assert first.figures and first.anchored
    # "3-1" was given already (headline and first paragraph): no new figure.
    assert not closer.figures and not closer.anchored
    # Indirect speech going on after a report is the speaker's, not padding.
    assert continued.after_report and padding_score(doc, continued) == 0
    assert padding_score(doc, summary) >= 4


def test_generic_padding_needs_a_second_sentence_at_the_threshold() -> None:
    from newslint.analysis.specificity import padding_score, specificity

    lone = (
        "Parking charges\n\nCouncillor Ann Reid proposed a £2 charge on Monday.\n\n"
        "These views reflect the ongoing debate over access for residents.\n"
    )
    doc = load_document("a.txt", lone)
    assert [padding_score(doc, i) for i in specificity(doc)] == [0, 4]
    select = frozenset(("filler.generic-padding",))
    hand_only = CheckContext(options={"filler.generic-padding": {"min-probability": 1.1}})
    assert list(PythonProvider().check(doc, select, hand_only)) == []
    pair = lone.replace(
        "residents.\n",
        "residents. These views reflect the ongoing debate over the future of the town.\n",
    )
    doc = load_document("a.txt", pair)
    assert len(list(PythonProvider().check(doc, select, hand_only))) == 2


def test_learned_padding_scorer_weighs_the_story_around_a_sentence() -> None:
    from newslint.analysis.learned import padding_model
    from newslint.analysis.sentence_features import sentence_features

    model = padding_model()
    assert 0.0 < model.threshold < 1.0 and model.weights
    facts = (
        "Ferry fares\n\nThe operator raised fares by 8% on 1 March, its second rise "
        "since 2023. Councillor Ann Reid said 1,200 islanders had signed a petition.\n\n"
        "The ferry carries 310,000 passengers a year between Oban and Mull.\n"
    )
    padded = facts.replace(
        "Mull.\n",
        "Mull.\n\nAs the debate continues, it is clear that the future of island "
        "travel will remain a crucial issue for communities for years to come.\n",
    )
    # s.probability adds the folded word classes' share, as the rule does.
    scores = [s.probability(model) for s in sentence_features(load_document("a.txt", padded))]
    assert max(scores[:-1]) < model.threshold <= scores[-1]
    # The factual story alone gives its sentences no padding score near the cut-off.
    plain = [s.probability(model) for s in sentence_features(load_document("a.txt", facts))]
    assert max(plain) < model.threshold / 2


def test_generic_padding_docs_state_the_shipped_probability() -> None:
    from newslint.analysis.learned import padding_model
    from newslint.registry import python_rule

    why = python_rule("filler.generic-padding").meta.why
    assert f"{padding_model().threshold:.2f} as shipped" in why


def test_machine_narrator_your_is_reader_address() -> None:
    """A machine-register narrator's "your skin" talks to the reader; a fixed
    phrase ("your call") does not, and edited copy needs another shape."""
    from newslint.checks import reader

    doc = load_document("a.txt", "Silk sales rise\n\nSilk pillowcases sold well in May.\n")
    machine, edited = (lambda: True), (lambda: False)
    text = "Silk is breathable, so it won't irritate your skin."
    assert reader._narrator_address(doc, text, [], machine) == "you"
    assert reader._narrator_address(doc, text, [], edited) is None
    assert reader._narrator_address(doc, "In the end it was your call.", [], machine) is None


def test_open_class_imperative_needs_structure() -> None:
    """A verb outside the seed class is an imperative only where the sentence's
    structure says so: the reader as object, a negation, or an object or
    adverb after it in a machine-written story ("But act fast")."""
    from newslint.checks import reader

    machine, edited = (lambda: True), (lambda: False)
    assert reader._open_imperative("But act fast, stocks are limited.", machine)
    assert not reader._open_imperative("But act fast, stocks are limited.", edited)
    assert not reader._open_imperative("Work on the film began in May.", machine)
    assert reader._open_imperative("Treat yourself to a new pillowcase.", edited)
    assert reader._open_imperative("Don't try this at home.", edited)
    assert not reader._open_imperative("Never mind the weather.", edited)


def test_machine_narrator_we_under_an_obligation_is_reader_address() -> None:
    """The machine narrator's "we must" preaches to the reader; its hopes ("we
    can't wait to see ...") call on no one, a reported "we must" is a report,
    and edited copy's "we must" is a speaker's or a columnist's."""
    from newslint.checks import reader

    doc = load_document("a.txt", "Ferry service opens\n\nThe ferry began running in May.\n")
    machine, edited = (lambda: True), (lambda: False)
    sermon = "We must be willing to embrace change and build a brighter future together."
    assert reader._narrator_address(doc, sermon, [], machine) == "advice"
    assert reader._narrator_address(doc, sermon, [], edited) is None
    hope = "We can't wait to see what the future holds for the ferry."
    assert reader._narrator_address(doc, hope, [], machine) is None
    report = "The board stated that we must all be patient while the pier is rebuilt."
    assert reader._narrator_address(doc, report, [], machine) is None
    urged = "We urge all passengers to check the timetable before travelling."
    assert reader._narrator_address(doc, urged, [], machine) == "advice"
