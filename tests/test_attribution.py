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
from newslint.analysis.vague_sources import find_vague_sources
from newslint.diagnostics import Severity
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
    from newslint.registry import CheckContext, python_rule

    doc = _doc('The vote was close.\n\n"Everyone lost something tonight"\n')
    rule = python_rule("attribution.quote-unattributed")
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


@pytest.mark.parametrize(
    ("sentence", "span", "kind"),
    [
        ("Some experts have warned that prices will rise.", "Some experts have warned", "generic"),
        ("Prices rise, economists had long predicted.", "economists had long predicted", "generic"),
        ("Prices will rise, said several analysts.", "said several analysts", "generic"),
        ("A recent survey suggests prices will rise.", "A recent survey suggests", "generic"),
        ("It led many experts to believe prices will rise.", "many experts to believe", "generic"),
        ("Critics of the Mayor's plan say prices will rise.", "Critics", "generic"),
        ("Many in the industry believe prices will rise.", "Many in the industry believe", "split"),
        (
            "Some say prices will rise, while others doubt it.",
            "Some say prices will rise, while others doubt",
            "pair",
        ),
        ("It has been reported that prices will rise.", "It has been reported", "impersonal"),
        ("Prices will rise, we have learned.", "we have learned", "self"),
        ("Coast Radio understands prices will rise.", "Coast Radio understands", "outlet"),
        ("Analysts credit the rise to wages.", "Analysts credit", "generic"),
        ("Pundits talked about prices.", "Pundits talked about", "generic"),
        ("Many have praised the budget.", "Many have praised", "split"),
        ("Some called it a rise too far.", "Some called it", "split"),
        ("Rises are increasingly recognised.", "are increasingly recognised", "impersonal"),
        ("The rise has been attributed to wages.", "has been attributed", "impersonal"),
        ("Prices rose, with reports of panic.", "with reports of", "impersonal"),
        ("Prices will rise, according to campaigners.", "according to campaigners", "generic"),
        # Any verb, when its clause makes a claim (claim_evidence): the "open" shape.
        ("Economists posit that prices will rise.", "Economists posit", "generic"),
        ("Some economists harbour doubts about prices.", "Some economists harbour", "open"),
        ("Many have hit out at the rise.", "Many have hit out", "open"),
        ("Pundits weighed in on the rise.", "Pundits weighed in on", "open"),
        ("Critics paint it as a tax.", "Critics paint", "open"),
        ("Critics have pointed to prices.", "Critics have pointed to", "open"),
        ("Analysts were quick to seize on prices.", "Analysts were quick to seize", "open"),
        ("The rise is seen by many as a tax.", "seen by many", "open"),
        ("The rise is considered by economists to be a tax.", "considered by economists", "open"),
        ("The rise is widely blamed on wages.", "is widely blamed", "impersonal"),
        ("The rise drew criticism from many others.", "criticism from many others", "open"),
        ("The rise drew warnings from economists.", "warnings from economists", "open"),
        ("Shops shut amid reports of a rise.", "amid reports of", "impersonal"),
        ("Voters, many of whom believe prices will rise.", "many of whom believe", "split"),
        ("Everyone seems to think prices will rise.", "Everyone seems to think", "split"),
        ("Critics of the plan charge that prices will rise.", "Critics", "open"),
        (
            "Serious doubts have been raised about prices.",
            "Serious doubts have been raised",
            "impersonal",
        ),
        # A document with "the" that finds or reports (the story decides if it is named).
        ("The study reveals that prices will rise.", "The study reveals", "definite"),
        ("The new report found prices rose.", "The new report found", "definite"),
        # A whole community holding a claim.
        (
            "The international community has condemned the rise.",
            "The international community has condemned",
            "collective",
        ),
        (
            "The scientific community agrees that prices rise.",
            "The scientific community agrees",
            "collective",
        ),
        # A quantified plural over an "of" attachment.
        ("Many victims of the fraud have spoken out against it.", "Many victims", "open"),
        ("Many fans of the club have said prices will rise.", "Many fans", "generic"),
        # A source whose only identity is nearness to the story.
        (
            "According to a source close to the family, prices will rise.",
            "According to a source close to the family",
            "unnamed",
        ),
        (
            "A source familiar with Okafor's plans told the paper prices will rise.",
            "A source familiar with Okafor's plans told",
            "unnamed",
        ),
        (
            "Sources close to the mayor reveal prices will rise.",
            "Sources close to the mayor reveal",
            "unnamed",
        ),
        (
            "The insider also revealed that prices will rise.",
            "The insider also revealed",
            "unnamed",
        ),
        # Quantifier plus "others"; a claim made by a participle after the verb's object.
        ("Many others advocate for higher prices.", "Many others advocate", "split"),
        (
            "Others have defended the rise, pointing out that wages rose.",
            "Others have defended the rise, pointing out",
            "split",
        ),
        (
            "Some economists welcomed the budget, saying prices will fall.",
            "Some economists welcomed the budget, saying",
            "generic",
        ),
        # Agentless findings and beliefs with adverbs; a crowd no one names, demanding.
        ("It has long been believed that prices rise.", "It has long been believed", "impersonal"),
        (
            "The diet has already been shown to cut prices.",
            "has already been shown",
            "impersonal",
        ),
        (
            "There is a growing movement calling for lower prices.",
            "There is a growing movement calling for",
            "impersonal",
        ),
        # The subject of an absolute participle clause; inverted and cited unnamed sources.
        ("Prices rose, with sources claiming that wages fell.", "sources claiming", "generic"),
        (
            "Prices rose, with many fans speculating about wages.",
            "many fans speculating",
            "generic",
        ),
        ('"Prices will rise," said a source.', "said a source", "unnamed"),
        (
            "According to sources close to the show, prices rose.",  # "show" is a noun here
            "According to sources close to the show",
            "unnamed",
        ),
        (
            "Citing a source close to the mayor, the paper said prices will rise.",
            "Citing a source close to the mayor",
            "unnamed",
        ),
        # A crowd picked out by "who"; a frame before the verb; a verdict with "as".
        ("There are still many who believe prices will rise.", "many who believe", "split"),
        (
            "Some have gone so far as to suggest prices will rise.",
            "Some have gone so far as to suggest",
            "split",
        ),
        ("Many have dismissed the rise as a blip.", "Many have dismissed", "split"),
        ("It has been revealed that prices will rise.", "It has been revealed", "impersonal"),
        # Hearsay spreading on its own, with what it says after it.
        (
            "Shops shut after reports surfaced last week that prices will rise.",
            "reports surfaced",
            "impersonal",
        ),
        ("Speculation has mounted that prices will rise.", "Speculation has mounted", "impersonal"),
        # Evidence that is itself someone's claim, as the subject (informational).
        ("Early predictions favour the hosts.", "Early predictions favour", "open"),
        ("Recent revelations have exposed the debt.", "Recent revelations have exposed", "open"),
        ("Estimates put the cost at two million.", "Estimates put", "open"),
        ("According to early estimates, prices rose.", "According to early estimates", "open"),
        # Hearsay arising or circulating, with what it says or a participle saying it.
        ("Whispers circulate regarding the price rise.", "Whispers circulate", "impersonal"),
        ("Concerns have arisen over the price rise.", "Concerns have arisen", "impersonal"),
        (
            "Reports continue to circulate, suggesting prices will rise.",
            "Reports continue to circulate",
            "impersonal",
        ),
        # A group defined by its relation to the story, claiming (a role plural).
        ("Families of the missing have criticised the search.", "Families", "role"),
        # A negated confirmation of a claim the story reports.
        (
            "Prices rose, although officials have not confirmed this.",
            "officials have not confirmed",
            "open",
        ),
        # An agentless charge or verdict; a judgement in a reduced relative.
        ("The mayor has been criticised for raising prices.", "has been criticised", "impersonal"),
        ("The plan, once seen as a tax, was dropped.", "once seen as", "impersonal"),
        # A negated universal; one person named only by their employer.
        ("Not everyone is convinced that prices will rise.", "Not everyone is convinced", "open"),
        ('"Prices will rise," said one Halden insider.', "said one Halden insider", "affiliated"),
        # A claim in a participle after a progressive verb's object.
        (
            "Advocates for tenants are denouncing the rise, calling it cruel.",
            "Advocates",
            "generic",
        ),
        (
            "Others are choosing to stay home, citing the cost.",
            "Others are choosing to stay home, citing",
            "split",
        ),
        # The publication's own unnamed sources; hearsay whose content is its "of"
        # attachment; evidence emerging; investigations finding; an agentless finding.
        ("According to our sources, prices will rise.", "According to our sources", "self"),
        (
            "Whispers of a price rise have begun to circulate.",
            "Whispers of a price rise have begun to circulate",
            "impersonal",
        ),
        (
            "Fresh details have emerged shedding light on prices.",
            "details have emerged",
            "impersonal",
        ),
        ("Investigations revealed that prices rose.", "Investigations revealed", "open"),
        ("It has been uncovered that prices rose.", "It has been uncovered", "impersonal"),
        # A stance held among a coordinated unnamed group.
        (
            "The rise raised concerns among traders and industry insiders.",
            "concerns among traders and industry insiders",
            "open",
        ),
    ],
)
def test_vague_source_shapes(sentence: str, span: str, kind: str) -> None:
    found = find_vague_sources(sentence)
    assert [(sentence[v.start : v.end], v.kind) for v in found] == [(span, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts at Brennock Securities said prices will rise.",  # attached by a preposition
        "Brennock analysts said prices will rise.",  # proper modifier
        "Prices will rise, according to analysts IDC.",  # name in apposition
        "The analysts said prices will rise.",  # anaphora
        "The minister told economists that prices will rise.",  # object
        "Many economists were asked whether prices will rise.",  # passive: not the source
        "Some 40% say prices will rise.",  # a figure, not a pronoun subject
        "This helps researchers to observe prices.",  # an infinitive, not a verb group
        "Okafor and other economists say prices will rise.",  # named in the same group
        "It is now found in most shops.",  # where, not who
        "Some credit cards charge more.",  # a noun, not a verb of ascribing
        "Economists could discover new prices.",  # a hope, not a finding
        "The rise could have been attributed to wages.",  # a counterfactual
        "The rise was attributed to wages.",  # one finding, not a consensus
        "Prices rose, according to the retailers.",  # definite: already introduced
        "With many praising the budget, prices rose.",  # a reaction in progress
        "Economists raised prices.",  # an act: no claim in the clause
        "Economists have long known that prices rise.",  # factive: the writer vouches
        "Economists were told that prices will rise.",  # passive: someone else's claim
        "Shoppers also means that prices rise.",  # no agreement: not the noun's verb
        "Shoppers have coupons that cut prices.",  # "have" is the verb, not an auxiliary
        "Shoppers keen to save queued.",  # a desire, not a reaction frame
        "The men were arrested by officials as they left.",  # "as" opens a clause
        "The app is widely used in schools.",  # use, not a judgement
        "Prosecutors said prices were rigged.",  # a justice role acting in the story
        "Ministers do not support the rise, saying it is unfair.",  # a role's own stance
        "62% of voters said prices will rise.",  # a poll's result
        "Everyone went home.",  # an act
        "Support from the Halden Trust helped.",  # a named holder
        "Concerns were raised by Okafor.",  # the holder is named
        "Hopes were dashed.",  # a reception, not a claim
        "Support from voters grew.",  # support is a reception, not a claim
        "This study found that prices rise.",  # "this" points back to a known study
        "The study could show that prices rise.",  # a hope, not a finding
        "The report, published in Halden Economics, found prices rose.",  # named by its journal
        "The report was released on Monday.",  # a passive: the report reports nothing
        "The Jewish community has condemned the attack.",  # a community named by its modifier
        "The community gathered at the church.",  # an act, no claim
        "A few weeks of good headlines have done wonders for morale.",  # no verb of the noun
        "Many parts of the country have seen rain.",  # no claim
        "The source of the fire was a candle.",  # a thing, not a person
        "Its sources say prices will rise.",  # left to the generic reading: "its" owns them
        "Source code shows prices rise.",  # no determiner of a person
        "They conducted several experiments that confirmed the rise.",  # their own work
        "The photo was shown to the jury.",  # an event, not a finding
        "The diet could have been shown to cut prices.",  # a counterfactual
        "The diet has been shown by Okafor to cut prices.",  # an agent follows
        "Others have defended the rise and the cuts.",  # no claim: only an object
        "The crowd roared, with fans cheering the team.",  # a reaction
        "Prices rose, with many fans expressing shock.",  # a feeling, not a stance
        "It was revealed in the film that prices rose.",  # one event, its source there
        "They went so far as to build a wall.",  # an act
        "The reports emerged from the archive.",  # known reports, and no claim
        "Reports grew longer each year.",  # no claim after the verb
        "The man helped many who needed it.",  # an object, not a subject
        "The forecasts favour the hosts.",  # definite: forecasts already introduced
        "Met Office forecasts put the low at minus five.",  # a proper modifier owns them
        "Estimates by the Halden Trust put the cost at two million.",  # an attached name
        "Rumours of a sale have been denied by the club.",  # no verb of the rumours
        "The mayor was criticised for the fraud by two councillors.",  # the critics are named
        "The mayor has been criticised by rivals for raising prices.",  # an agent follows
        "Families of the missing gathered at the harbour.",  # an act, no claim
        "She has seen as many films as her brother.",  # "has seen": a verb, not a judgement
        "Not everyone went home.",  # an act
        "Officials have not confirmed the cause of the fire.",  # a withheld fact, no claim
        "Many are expressing their excitement about the prices.",  # a feeling, not a stance
        "It was discovered that the shop had closed.",  # one event, found by someone in it
        "The firm was established in 1990.",  # "it" that is a thing
    ],
)
def test_named_or_non_subject_sources_are_clean(sentence: str) -> None:
    assert find_vague_sources(sentence) == []


def _vague_severities(text: str) -> list[Severity]:
    from newslint.registry import CheckContext, python_rule

    rule = python_rule("attribution.vague")
    return [d.severity for d in rule.function(_doc(text), CheckContext(), rule.meta)]


def test_story_leaning_on_vague_sources_warns() -> None:
    text = (
        "Dam repairs\n\n"
        "Experts believe the dam is unsafe.\n\n"
        "Some critics argue that the repairs came too late.\n\n"
        "Mayor Ana Duarte said the road would stay closed.\n"
    )
    assert _vague_severities(text) == [Severity.WARNING, Severity.WARNING]


def test_vague_summary_in_well_sourced_story_is_info() -> None:
    # Named sources outnumber the vague one: "analysts said" summarises them.
    text = (
        "Ferro Bank results\n\n"
        "Ferro Bank said profits rose. Its chief executive, Lina Ortiz, said costs fell.\n\n"
        "Analysts said the results were better than expected.\n\n"
        '"We had a good year," said Ortiz.\n'
    )
    assert _vague_severities(text) == [Severity.INFO]


def test_split_source_in_well_sourced_story_is_a_summary() -> None:
    # A split source is judged like any other: after named sources it sums them up.
    text = (
        "Ferro Bank results\n\n"
        "Ferro Bank said profits rose. Lina Ortiz said costs fell.\n\n"
        "Some say the bank was lucky, while others argue it was well run.\n"
    )
    assert _vague_severities(text) == [Severity.INFO]


def test_split_source_in_story_with_no_named_source_warns() -> None:
    text = (
        "New rules for river fishing\n\n"
        "The new rules have sparked a heated debate across the region. Some say the rules "
        "are a crucial step towards protecting fish stocks, while others argue they will "
        "hurt local anglers.\n\n"
        "As the debate continues, it remains to be seen how the rules will shape fishing.\n"
    )
    assert _vague_severities(text) == [Severity.WARNING]


def test_newsroom_passives_are_info() -> None:
    text = (
        "Transfer news\n\n"
        "It is understood the club has agreed a fee. BBC Sport understands he wants a move.\n"
    )
    assert _vague_severities(text) == [Severity.INFO, Severity.INFO]


def test_personal_passive_is_a_hedge_not_a_source() -> None:
    # "X is thought to" hedges a fact about X; it does not cite anyone for a claim.
    assert find_vague_sources("The striker is thought to want a move.") == []


def test_named_study_later_in_story_excuses_earlier_generic_one() -> None:
    text = (
        "A new study has revealed that owls sleep less in cities. The study, published "
        "in the journal Urban Ecology, tracked 40 birds.\n\n"
        "It has been found that street lights keep them awake.\n"
    )
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [True, True]


def test_vague_excused_by_named_group_in_previous_sentence() -> None:
    text = (
        "Economists at Halden Bank expect a rate cut in May. Economists said the "
        "slowdown would be short.\n"
    )
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [True]


def test_spaced_closing_mark_closes_the_open_quote() -> None:
    # Copy that lost a character before the mark: '... France, " EPP spokesman ...'.
    text = (
        'Budget talks\n\n"The rules are bending under pressure from the big members, " party '
        'spokesman Karl Weiss said. "Small states will pay for it in the end."\n'
    )
    found = quote_attributions(_doc(text))
    assert [a.attributed for a in found] == [True, True]
    assert text[found[0].quotation.span.start : found[0].quotation.span.end].endswith('members, "')


@pytest.mark.parametrize(
    "before",
    [
        "Physio sessions in Galway have been a vital part of his recovery.",
        "Try scorer Tomas Ferreira was keen not to talk about the title.",
        "On the sidelines, Ferreira smiled and shrugged.",
    ],
)
def test_quote_after_sentence_about_a_person_is_theirs(before: str) -> None:
    quote = '"It is slow work, but I am walking again."'
    text = f"Recovery\n\nThe forward broke his back in May. {before} {quote}\n"
    assert [a.attributed for a in quote_attributions(_doc(text))] == [True]


def test_quote_after_sentence_about_a_thing_stays_unattributed() -> None:
    text = (
        "Awards\n\nStrong contenders Iron Bell and Sideways did not figure in the nominations. "
        '"There is a sense that this film is ours and we should cheer our own."\n'
    )
    assert [a.attributed for a in quote_attributions(_doc(text))] == [False]


def test_earlier_studies_are_not_excused_by_the_named_one() -> None:
    text = (
        "A study published in the journal Marine Biology tracked 40 seals. Previous studies "
        "had suggested that seals avoid the bay.\n"
    )
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [False]


def test_column_in_the_first_person_is_info() -> None:
    news = "Ferry fares\n\nMany feel the new fares are too high for island families.\n"
    column = (
        "Ferry fares\n\nI took the early boat on Monday and counted eleven passengers.\n\n"
        "Many feel the new fares are too high for island families.\n"
    )
    assert _vague_severities(news) == [Severity.WARNING]
    assert _vague_severities(column) == [Severity.INFO]


def test_single_quoted_speech_is_not_the_writer() -> None:
    from newslint.analysis.attribution import first_person_voice

    speech = "Ferry fares\n\nJo Reyes said, 'I think the fares are fair, and I'd pay more.'\n"
    column = "Ferry fares\n\nI think the fares are fair, and I'd pay more.\n"
    assert not first_person_voice(_doc(speech))
    assert first_person_voice(_doc(column))


def test_comparison_is_not_a_source() -> None:
    assert find_vague_sources("If the party does as badly as some fear, it will split.") == []


@pytest.mark.parametrize(
    ("sentence", "span", "kind"),
    [
        (
            "Business leaders have warned that costs will rise.",
            "Business leaders have warned",
            "role",
        ),
        ("Residents said the water was brown.", "Residents said", "role"),
        ("Some G7 officials believe rates will rise.", "Some G7 officials believe", "generic"),
        ("Others have compared the rule to a lottery.", "Others have compared", "split"),
    ],
)
def test_role_plurals_and_classes(sentence: str, span: str, kind: str) -> None:
    found = find_vague_sources(sentence)
    assert [(sentence[v.start : v.end], v.kind) for v in found] == [(span, kind)]


def test_role_plural_without_claim_is_not_a_source() -> None:
    assert find_vague_sources("Prosecutors opened the case on Monday.") == []
    assert find_vague_sources("Enthusiasts have written emulators for the old console.") == []


def test_role_plural_is_info_even_when_story_leans() -> None:
    text = "Farm labour\n\nEmployers have warned that crops will rot in the fields.\n"
    assert _vague_severities(text) == [Severity.INFO]


def test_negated_telling_attributes_nothing() -> None:
    assert find_vague_sources("Officials have not confirmed the cause of the fire.") == []
    assert find_vague_sources("Officials were not told about the fire.") == []
    # ... but declining to confirm a claim the story reports is a stance on it.
    found = find_vague_sources("Officials have yet to confirm the reports.")
    assert [v.kind for v in found] == ["open"]
    found = find_vague_sources("Critics do not believe the figures.")
    assert [v.kind for v in found] == ["generic"]  # a negated belief is still a stance


def test_possessive_is_not_a_named_group_elsewhere() -> None:
    text = (
        "Gun laws\n\nSupporters of the President's plan argue it will save lives. "
        "Opponents say it will not.\n"
    )
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [False, False]


def test_study_led_by_a_named_person_names_it() -> None:
    text = (
        'Black holes\n\nScientists have found that the hole burped gas. "It was bright," '
        "said Dr Ana Ruiz of the Radio Centre, who led the study.\n"
    )
    assert [p.excused for p in sourcing_phrases(_doc(text))] == [True]


def _vague_kinds(text: str) -> list[tuple[str, str, bool]]:
    doc = _doc(text)
    return [
        (doc.span_text(p.span), p.shape, p.excused)
        for p in sourcing_phrases(doc)
        if p.kind == "vague"
    ]


def test_definite_document_never_named_is_vague() -> None:
    text = (
        "Ferry fares\n\n"
        "Fares on the island ferry will rise again next year.\n\n"
        "The study reveals that most passengers cannot afford a return ticket.\n"
    )
    assert _vague_kinds(text) == [("The study reveals", "definite", False)]


def test_definite_document_after_vague_introduction_is_still_vague() -> None:
    # "A recent study" names no one: "the study" later is no one's study either.
    text = (
        "A recent study underscores the cost of ferry fares.\n\n"
        "The study reveals that most passengers cannot afford a return ticket.\n"
    )
    assert ("The study reveals", "definite", False) in _vague_kinds(text)


@pytest.mark.parametrize(
    "before",
    [
        "The Halden Institute published its annual fares report on Monday.",  # publisher
        "Fares rose 8%, the Ferry Users Association said.",  # a named source before
        "A report by the ferry regulator looked at 40 routes.",  # a document given an author
        "Its report looked at 40 routes.",  # a document already known
    ],
)
def test_definite_document_with_a_known_source_is_clean(before: str) -> None:
    text = f"{before}\n\nThe report found that most passengers cannot afford a return ticket.\n"
    assert all(excused for _, _, excused in _vague_kinds(text))


def test_headline_is_no_antecedent_for_the_study() -> None:
    text = (
        "Study Finds Ferry Fares Too High\n\n"
        "The study reveals that most passengers cannot afford a return ticket.\n"
    )
    assert _vague_kinds(text) == [("The study reveals", "definite", False)]


def test_officials_after_an_institution_spoke_are_its_officials() -> None:
    text = (
        "Prosecutors in Halden said on Tuesday that the guardian had kept the pair at home. "
        "She made them work every night, officials said.\n"
    )
    assert _vague_kinds(text) == [("officials said", "generic", True)]


def test_officials_after_an_outlet_or_person_stay_vague() -> None:
    text = (
        "According to the Halden Courier, the farm will be seized.\n\n"
        "Officials claim that the owners have no valid deeds.\n"
    )
    assert _vague_kinds(text) == [("Officials claim", "generic", False)]


def test_new_shapes_are_info() -> None:
    # Found by a weaker sign than a named shape: listed, never a warning by themselves.
    text = (
        "Harbour plan\n\n"
        "The international community has condemned the harbour plan.\n\n"
        "The study reveals that the harbour will silt up within a decade.\n"
    )
    assert _vague_severities(text) == [Severity.INFO, Severity.INFO]


def test_evidence_and_affiliated_sources_are_info_even_when_story_leans() -> None:
    # The story leans on unnamed sources (two generic ones, nothing named), so a generic
    # shape warns; evidence nouns, one person named by an employer, an agentless charge
    # and a negated confirmation stay informational.
    text = (
        "Harbour plan\n\n"
        "Critics say the harbour will silt up. Experts believe the plan is too costly.\n\n"
        "Early predictions favour a delay. The mayor has been criticised for hiding the cost.\n\n"
        '"It is dead," said one Halden insider. Officials have not confirmed this.\n'
    )
    assert _vague_severities(text)[:2] == [Severity.WARNING, Severity.WARNING]
    assert _vague_severities(text)[2:] == [Severity.INFO] * 4


@pytest.mark.parametrize(
    ("frame", "excused"),
    [
        ("", True),  # the story's own scientists, named
        ("Over the years, ", False),  # earlier work: the named scientist does not answer for it
        ("In the 1990s, ", False),
    ],
)
def test_past_frame_keeps_generic_source_vague(frame: str, excused: bool) -> None:
    text = (
        "Dr Ana Ruiz, a scientist at Halden University, led the new survey of the sky. "
        f"{frame}scientists have noted that the bands could not be explained.\n"
    )
    found = _vague_kinds(text)
    assert [e for _, _, e in found] == [excused]


def test_unnamed_source_is_vague_then_a_repeat_and_anonymous() -> None:
    # "The source added" is the same source again, with a new claim: a "repeat", which
    # is informational; anonymity is reported once, where the source comes in.
    text = (
        "Ferry deal\n\n"
        "A source close to the talks said the ferry deal was almost done. "
        "The source added that the fares would be frozen.\n"
    )
    doc = _doc(text)
    found = [(doc.span_text(p.span), p.kind, p.shape) for p in sourcing_phrases(doc)]
    assert found == [
        ("A source close to", "anonymous", ""),
        ("A source close to the talks said", "vague", "unnamed"),
        ("The source added", "vague", "repeat"),
    ]
    assert _vague_severities(text)[1:] == [Severity.INFO]


def test_unnamed_source_with_a_reason_for_anonymity_is_excused() -> None:
    text = (
        "Ferry deal\n\n"
        "A source close to the talks said the ferry deal was almost done, speaking on "
        "condition of anonymity because she was not authorised to discuss it.\n"
    )
    assert [(shape, e) for _, shape, e in _vague_kinds(text)] == [("unnamed", True)]


def test_definite_source_with_no_introduction_is_vague() -> None:
    text = "Ferry deal\n\nThe insider revealed that the ferry deal was almost done.\n"
    assert _vague_kinds(text) == [("The insider revealed", "unnamed", False)]


def test_members_named_after_the_verb_name_the_group() -> None:
    text = (
        "Ferry deal\n\n"
        "Several harbour traders have spoken out against the deal, including Ines Okafor.\n"
    )
    assert [e for _, _, e in _vague_kinds(text)] == [True]


def test_impersonal_after_a_source_in_the_next_sentence_is_its_own() -> None:
    # The sentence splitter may keep "doing so. Her ..." together: the full stop still counts.
    text = (
        "Ferry deal\n\n"
        "The deal was praised, with many commenting on its fairness while doing so. "
        "Her decision has also been seen as a boost for the island.\n"
    )
    shapes = [shape for _, shape, _ in _vague_kinds(text)]
    assert shapes == ["split", "impersonal"]
