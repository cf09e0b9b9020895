"""spelling.unknown and spelling.variant-mix: the pyspellchecker provider,
its word lists, the real CLI with a vocabulary config, and its speed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, lint_snippet, run_cli

from newslint.diagnostics import Applicability, Diagnostic
from newslint.engines.spelling import lexicon as spelling_lexicon
from newslint.engines.spelling.data import (
    GB_ONLY,
    NEWS_WORDS,
    PAIRS,
    misspelled_table,
    read_lines,
    variant_pairs,
    word_set,
)
from newslint.engines.spelling.provider import (
    MISSPELLED,
    MIXED_SCRIPT,
    NOT_ENGLISH,
    UNKNOWN,
    VARIANT_MIX,
    SpellingProvider,
)
from newslint.registry import CheckContext
from newslint.sources import load_document

ALL = frozenset({UNKNOWN, VARIANT_MIX, MISSPELLED})


def run(
    text: str,
    language: str = "en-US",
    selected: frozenset[str] = ALL,
    accept: tuple[str, ...] = (),
    reject: tuple[str, ...] = (),
    fmt: str = "text",
    report_british: bool = False,
) -> tuple[str, list[Diagnostic]]:
    """The document's prose text and the provider's diagnostics on it."""
    doc = load_document(f"snippet.{'md' if fmt == 'markdown' else 'txt'}", text, fmt)
    ctx = CheckContext(
        language=language,
        accept_words=frozenset(accept),
        reject_words=frozenset(reject),
        options={UNKNOWN: {"report-british": True}} if report_british else {},
    )
    return doc.text, list(SpellingProvider().check(doc, selected, ctx))


def check(text: str, **kwargs) -> list[Diagnostic]:
    return run(text, **kwargs)[1]


def flagged(text: str, **kwargs) -> list[str]:
    prose, diags = run(text, **kwargs)
    return [prose[d.start : d.end] for d in diags]


# -- what is and is not a spelling error ----------------------------------------


@pytest.mark.parametrize("language", ["en-US", "en-GB"])
def test_names_are_not_spelling_errors(language: str) -> None:
    text = "Later, Volodymyr Zelenskyy met Steve Witkoff and Kirill Dmitriev in Abu Dhabi."
    assert check(text, language=language) == []
    assert check("Zelenskyy said the talks were useful.", language=language) == []


def test_unknown_word_is_flagged_with_ranked_display_suggestions() -> None:
    text = "Police said the suspect had been seen near the stadum at 9pm."
    [diag] = check(text)
    assert diag.rule == UNKNOWN and text[diag.start : diag.end] == "stadum"
    assert diag.suggestions[0].replacement == "stadium"
    assert 1 <= len(diag.suggestions) <= 3
    assert all(s.applicability is Applicability.DISPLAY for s in diag.suggestions)


def test_suggestions_rank_by_distance_then_frequency() -> None:
    # "lcoal" is one transposition from "local" and two edits from rarer words.
    near = spelling_lexicon.near_suggestions("lcoal", "en-US")
    assert near and near[0] == "local"
    lex = spelling_lexicon.lexicon("en-US")
    freqs = [lex.frequency(w) for w in spelling_lexicon.near_suggestions("inspecton", "en-US")]
    assert freqs == sorted(freqs, reverse=True)


def test_base_words_answer_from_the_hashed_table_then_the_dict_alike(monkeypatch) -> None:
    """A one-article run looks words up in the hashed table (no 45 ms dict load);
    after HASHED_LOOKUPS lookups the dict takes over, with the same answers."""
    monkeypatch.setattr(spelling_lexicon, "HASHED_LOOKUPS", 4)
    words = ["harbour", "council", "stadium", "stadum", "recieved", "harbor", "zzqx", "local"]
    frequencies = spelling_lexicon._base_frequencies()
    base = spelling_lexicon.BaseWords()
    answers = [word in base for word in words]
    assert base._words is frequencies  # switched after four lookups
    assert answers == [word in frequencies for word in words]
    assert answers[1] and answers[2] and not answers[3] and not answers[6]


def test_acronyms_digits_and_mixed_case_are_skipped() -> None:
    text = "The NATO and OPEC talks, the G7 summit, a 4x4 and mp3s, Covid-19 and iPhone sales."
    assert flagged(text) == []
    assert flagged("The talks with OPEC were stalld.") == ["stalld"]


def test_urls_emails_handles_and_hashtags_are_skipped() -> None:
    text = (
        "See https://example.org/festivle, write to festivle@example.org, "
        "follow @festivle and #festivle or visit news.festivle.co.uk today."
    )
    assert flagged(text) == []
    assert flagged("The festivle opens today.") == ["festivle"]


def test_possessives_and_contractions() -> None:
    text = "The minister’s aides said the children's ward didn't close and Britain's isn't either."
    assert flagged(text) == []
    assert flagged("The stadum's roof leaked.") == ["stadum's"]


def test_hyphenated_words_are_checked_part_by_part() -> None:
    clean = "The co-operative's pre-tax profit rose; five-year-olds used the wi-fi."
    assert flagged(clean) == []
    text = "It was a well-knwon and long-running dispute."
    [diag] = check(text)
    assert text[diag.start : diag.end] == "knwon"


def test_sic_marks_a_word_as_intended() -> None:
    assert flagged("The banner read: welcome to the festivle [sic] of light.") == []
    assert flagged("The banner read: welcome to the festivle of light.") == ["festivle"]


def test_misspellings_in_quotations_are_still_checked() -> None:
    assert flagged('"We dont know yet," the mayor said.') == ["dont"]


def test_markdown_code_is_not_checked() -> None:
    text = "# Update\n\nRun `festivle --now` to see the stadum figures.\n"
    assert flagged(text, fmt="markdown") == ["stadum"]


# -- house vocabulary -------------------------------------------------------------


def test_accept_and_reject_words() -> None:
    text = "The festivle was alright, organisers said."
    assert flagged(text, language="en-GB") == ["festivle"]
    assert flagged(text, language="en-GB", accept=("Festivle",)) == []
    diags = check(text, language="en-GB", accept=("festivle",), reject=("alright",))
    assert [d.message for d in diags] == ["'alright' is on the house reject list"]
    # A capitalised rejected word is reported too: the list is the house's word.
    assert flagged("Alright, the mayor said.", reject=("alright",)) == ["Alright"]


def test_reject_wins_over_accept() -> None:
    assert flagged("The stadum opened.", accept=("stadum",), reject=("stadum",)) == ["stadum"]


def test_vocabulary_and_language_through_config_and_cli(tmp_path: Path) -> None:
    (tmp_path / "accept.txt").write_text("festivle\n", encoding="utf-8")
    (tmp_path / "reject.txt").write_text("alright\n", encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text(
        'language = "en-GB"\nselect = ["spelling"]\n\n[vocabulary]\n'
        'accept = ["accept.txt"]\nreject = ["reject.txt"]\n',
        encoding="utf-8",
    )
    article = tmp_path / "story.txt"
    article.write_text(
        "The festivle was alright, the programme organisers said.\n\n"
        "The centre will recieve a stadum upgrade.\n",
        encoding="utf-8",
    )
    run = run_cli("check", "--format", "json", "--no-progress", article, cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    diags = run.json()["files"][0]["diagnostics"]
    found = sorted((d["rule"], d["text"]) for d in diags)
    assert found == [(MISSPELLED, "recieve"), (UNKNOWN, "alright"), (UNKNOWN, "stadum")]
    stadum = next(d for d in diags if d["text"] == "stadum")
    assert stadum["suggestions"][0] == {"replacement": "stadium", "applicability": "display"}
    # As en-US, British spellings are accepted too, unless the house bans them.
    run = run_cli(
        "check", "--format", "json", "--no-progress", "--language", "en-US", article, cwd=tmp_path
    )
    assert sorted(d["text"] for d in run.json()["files"][0]["diagnostics"]) == [
        "alright",
        "recieve",
        "stadum",
    ]
    with (tmp_path / ".newslint.toml").open("a", encoding="utf-8") as config:
        config.write('\n[rules."spelling.unknown"]\nreport-british = true\n')
    run = run_cli(
        "check", "--format", "json", "--no-progress", "--language", "en-US", article, cwd=tmp_path
    )
    texts = {d["text"]: d for d in run.json()["files"][0]["diagnostics"]}
    assert {"organisers", "centre", "programme"} <= set(texts)
    assert texts["centre"]["suggestions"][0]["replacement"] == "center"
    assert texts["programme"]["message"] == "'programme' is a British spelling"


# -- en-US and en-GB ----------------------------------------------------------------

BRITISH = (
    "The programme centre criticised the defence organisation's plans, "
    "and the labour minister travelled to see the colour of the new trains."
)


def test_british_spellings_are_correct_in_en_gb() -> None:
    assert check(BRITISH, language="en-GB") == []


def test_british_spellings_are_accepted_in_en_us_by_default() -> None:
    assert check(BRITISH, language="en-US") == []


def test_british_spellings_are_reported_in_en_us_on_request() -> None:
    diags = check(BRITISH, language="en-US", report_british=True)
    by_word = {BRITISH[d.start : d.end]: d for d in diags}
    for gb, us in [
        ("centre", "center"),
        ("criticised", "criticized"),
        ("defence", "defense"),
        ("organisation's", "organization"),
        ("labour", "labor"),
        ("travelled", "traveled"),
        ("colour", "color"),
    ]:
        assert gb in by_word, gb
        assert by_word[gb].suggestions[0].replacement == us
        assert "British spelling" in by_word[gb].message
    assert "programme" in {BRITISH[d.start : d.end] for d in diags}
    assert {d.rule for d in diags} == {UNKNOWN}  # variant-mix defers to it


def test_regular_british_forms_beyond_the_pair_list() -> None:
    text = "The paediatric unit's epicentre was pedestrianised and the tunnelled road stylised."
    assert check(text, language="en-GB") == []
    assert check(text, language="en-US") == []
    assert set(flagged(text, language="en-US", report_british=True)) == {
        "paediatric",
        "epicentre",
        "pedestrianised",
        "tunnelled",
        "stylised",
    }
    assert flagged("The ministre resigned.", language="en-GB") == ["ministre"]


# -- spelling.variant-mix -------------------------------------------------------------


def test_variant_mix_flags_the_minority_across_word_pairs() -> None:
    text = "The council will organise a review of the colour of the buses. Residents organize."
    diags = check(text, language="en-GB")
    assert [(d.rule, text[d.start : d.end]) for d in diags] == [(VARIANT_MIX, "organize")]
    [diag] = diags
    assert "mostly uses British spelling" in diag.message
    assert diag.suggestions[0].replacement == "organise"
    assert diag.suggestions[0].applicability is Applicability.UNSAFE


def test_variant_mix_majority_can_be_us_in_en_gb() -> None:
    text = "The color of the center was criticized, though the colour stayed."
    diags = check(text, language="en-GB")
    assert [text[d.start : d.end] for d in diags] == ["colour"]
    assert "mostly uses US spelling" in diags[0].message


def test_variant_mix_tie_goes_to_the_configured_language() -> None:
    text = "The colour of the trams was approved, and the color of the buses."
    only = frozenset({VARIANT_MIX})
    assert flagged(text, language="en-GB", selected=only) == ["color"]
    assert flagged(text, language="en-US", selected=only) == ["colour"]


def test_variant_mix_ignores_capitalised_names() -> None:
    text = "A World Health Organization doctor praised the labour of the nurses."
    assert check(text, language="en-GB") == []


def test_variant_mix_in_en_us() -> None:
    text = "The color of the centre was criticized."
    assert [(d.rule, text[d.start : d.end]) for d in check(text)] == [(VARIANT_MIX, "centre")]
    # With report-british, spelling.unknown reports each British form instead.
    diags = check(text, report_british=True)
    assert [(d.rule, text[d.start : d.end]) for d in diags] == [(UNKNOWN, "centre")]


# -- one typo, one diagnostic ---------------------------------------------------------------


def test_no_double_report_with_spelling_misspelled() -> None:
    text = "The council recieved 40 complaints and the goverment's reply."
    result = lint_snippet(text, select=("spelling",))
    assert sorted((d.rule, d.text) for d in result.diagnostics) == [
        (MISSPELLED, "goverment"),
        (MISSPELLED, "recieved"),
    ]


def test_unknown_borrows_the_pack_fix_when_the_pack_rule_is_off() -> None:
    diags = check("The council recieved complaints.", selected=frozenset({UNKNOWN}))
    [diag] = diags
    assert diag.suggestions[0].replacement == "received"


# -- speed and loading ----------------------------------------------------------------------


def test_distance_two_lookup_is_bounded() -> None:
    spelling_lexicon.lexicon("en-US")  # load outside the timing
    spelling_lexicon.far_suggestions.cache_clear()
    began = time.perf_counter()
    found = spelling_lexicon.far_suggestions("goverrnmentt", "en-US")
    elapsed = time.perf_counter() - began
    assert "government" in found
    assert elapsed < 0.35, elapsed
    # Too long for a distance-2 search: answered at once, with nothing.
    began = time.perf_counter()
    assert spelling_lexicon.far_suggestions("internationalisationn" + "x" * 5, "en-US") == ()
    assert time.perf_counter() - began < 0.05


def test_provider_suggests_at_distance_two_quickly() -> None:
    spelling_lexicon.lexicon("en-US")
    spelling_lexicon.far_suggestions.cache_clear()
    spelling_lexicon.near_suggestions.cache_clear()
    began = time.perf_counter()
    [diag] = check("Officials said the goverrnmentt would reply.")
    assert time.perf_counter() - began < 0.5
    assert diag.suggestions[0].replacement == "government"


def test_dictionary_loads_once_and_lazily() -> None:
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from newslint.config import CliOverrides, ConfigResolver\n"
        "from newslint.engine import RuleSet, build_providers\n"
        "config = ConfigResolver(None, CliOverrides()).for_path(Path('x.txt'))\n"
        "rules = RuleSet(config, build_providers(config))\n"
        "assert 'spelling.unknown' in rules.metas\n"
        "print('spellchecker' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
    assert spelling_lexicon.lexicon("en-GB") is spelling_lexicon.lexicon("en-GB")
    assert spelling_lexicon.load_seconds is not None and spelling_lexicon.load_seconds < 5


# -- the shipped word lists ------------------------------------------------------------------


@pytest.mark.parametrize("name", [NEWS_WORDS, GB_ONLY, PAIRS])
def test_data_file_is_sorted_lowercase_and_unique(name: str) -> None:
    lines = read_lines(name)
    assert lines, name
    assert lines == sorted(lines), "keep the list sorted"
    assert len(lines) == len(set(lines)), "no duplicates"
    assert all(line == line.lower() for line in lines)
    raw = REPO / "newslint" / "data" / "spelling" / name
    assert raw.read_text(encoding="utf-8").endswith("\n")


def test_pairs_are_well_formed() -> None:
    us_to_gb, gb_to_us = variant_pairs()
    assert len(us_to_gb) == len(read_lines(PAIRS)) == len(gb_to_us), "one pair per word"
    assert not set(us_to_gb) & set(gb_to_us), "no word is both US and British"
    lex = spelling_lexicon.lexicon("en-US")
    assert all(us in lex.base for us in us_to_gb), "every US form is a dictionary word"
    for ambiguous in ("program", "check", "tire", "curb", "draft", "story", "practice", "meter"):
        assert ambiguous not in us_to_gb, ambiguous


def test_word_lists_do_not_overlap_or_accept_known_misspellings() -> None:
    news, gb_only = word_set(NEWS_WORDS), word_set(GB_ONLY)
    us_to_gb, gb_to_us = variant_pairs()
    table = misspelled_table()
    assert table, "the spelling.misspelled table is readable"
    accepted = news | gb_only | set(us_to_gb) | set(gb_to_us)
    assert not accepted & set(table), "an accepted word is a listed misspelling"
    assert not news & gb_only
    assert not (news | gb_only) & (set(us_to_gb) | set(gb_to_us))
    lex = spelling_lexicon.lexicon("en-US")
    assert not [w for w in news if w in lex.base], "news-words only adds missing words"


# -- today's vocabulary, context and bad input (issue 8) ---------------------------


def test_words_with_a_real_frequency_are_known() -> None:
    text = (
        "The defenseman checked his inbox for news of the biofuel plant, closed since "
        "the coronavirus outbreak, and of the edamame farm's new livestream."
    )
    assert flagged(text) == []


def test_a_frequent_slip_of_a_far_more_frequent_word_is_still_flagged() -> None:
    diags = check("Officials said the report was published wtih little notice.")
    assert [(d.message, d.suggestions[0].replacement) for d in diags] == [
        ("'wtih' is not in the dictionary", "with")
    ]
    # Typos wordfreq has seen: a vowel for a vowel, two edits from a common word.
    only = frozenset({UNKNOWN})
    assert flagged("Analysts said it would definately wait.", selected=only) == ["definately"]
    assert flagged("The restaraunt reopened.", selected=only) == ["restaraunt"]


def test_forms_of_known_words_are_known() -> None:
    text = "The engagers and rechargers were unrecycled, said the phonecam makers."
    assert flagged(text) == []
    # Words run together around a function word are slips, not compounds.
    assert flagged("The countof ballots was slow.") == ["countof"]


def test_a_term_no_dictionary_word_is_near_is_not_a_slip() -> None:
    assert flagged("The chemists made benzonitrile in the lab.") == []


def test_common_words_of_other_languages_are_loanwords_not_typos() -> None:
    assert flagged("The state seized the so-called latifundios, or large estates.") == []
    # ... unless they are a slip of an English word (French reponse, response).
    assert flagged("The reponse was swift, officials said.", selected=frozenset({UNKNOWN})) == [
        "reponse"
    ]


def test_units_after_numbers_species_and_repeated_terms() -> None:
    assert flagged("Add 2 tbsp of oil; Gerrard 79 og, Drogba 107.") == []
    assert flagged("The plant, minoris, was found.") == ["minoris"]
    assert flagged("Botanists found Salvia minoris and S. minoris near the river.") == []
    once = "The snarfle was seen on Monday."
    assert flagged(once) == ["snarfle"]
    assert flagged(once + " A second snarfle came. The third snarfle left.") == []


def test_two_edits_make_a_slip_only_the_way_typists_err() -> None:
    from newslint.engines.spelling.frequency import far_slip, typing_distance

    # Letters dropped, doubled or swapped, a vowel for a vowel: one step each.
    assert typing_distance("instutional", "institutional") == 2
    assert typing_distance("delevoped", "developed") == 1
    # A consonant for a consonant changes the word's sound: two steps.
    assert typing_distance("myography", "geography") == 3
    assert far_slip("passcard", ("password", "postcard")) is None
    assert far_slip("nonchantly", ("nonchalantly",)) == "nonchalantly"
    only = frozenset({UNKNOWN})
    assert flagged("The lab used myography to measure the muscle.", selected=only) == []
    assert flagged("He shrugged nonchantly at the cameras.", selected=only) == ["nonchantly"]


def test_derived_words_are_known_but_slips_in_their_stem_are_not() -> None:
    only = frozenset({UNKNOWN})
    text = "Critics spoke of its deplorability; the symbologist spoke of freakery."
    assert flagged(text, selected=only) == []
    assert flagged("The supermind theory, he said, explains markets.", selected=only) == []
    assert flagged("The coach praised the adaptibility of the squad.", selected=only) == [
        "adaptibility"
    ]
    # -es makes a plural only after s, x, z, ch and sh.
    assert flagged("The briges were closed.", selected=only) == ["briges"]
    # A suffix does not outweigh a slip: advice + d.
    assert flagged("The minister was adviced to wait.", selected=only) == ["adviced"]


def test_slips_of_listed_words_wordfreq_has_not_seen_or_seldom_sees() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("The chemists studied heterocyles in the sample.", selected=only) == [
        "heterocyles"
    ]
    # A rare word lacking a letter of a common one; an extra letter needs more.
    text = "Since I am transfering files to the server, I refactor the code."
    assert flagged(text, selected=only) == ["transfering"]
    assert flagged("He annointed his successor.", selected=only) == ["annointed"]


def test_a_name_the_page_marks_as_one_is_not_a_typo() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("Installed via rustup, the tool is fast.", selected=only) == ["rustup"]
    page = '<p>Installed via <a href="https://rustup.rs/">rustup</a>, the tool is fast.</p>'
    assert flagged(page, selected=only, fmt="html") == []
    page = '<p>She found <a href="/japan/omiyage">omiyage</a> for the family.</p>'
    assert flagged(page, selected=only, fmt="html") == []
    # A headline's slug is no name: its words stay checked.
    page = '<p><a href="/news/lead-a-resisitance-group">Lead a resisitance group</a></p>'
    assert flagged(page, selected=only, fmt="html") == ["resisitance"]
    comment = (
        '<div class="comment-author vcard"><cite class="fn">coulid</cite> May 2, 2021</div>'
        "<p>Great recipe, thanks.</p>"
    )
    assert flagged(comment, selected=only, fmt="html") == []
    # In running prose the same word before a date is a typo.
    text = "<p>He said the coulid was late on May 2, 2021.</p>"
    assert flagged(text, selected=only, fmt="html") == ["coulid"]


def test_a_name_in_a_commenters_slot_is_not_a_typo() -> None:
    only = frozenset({UNKNOWN})
    # The word heads its line and a signature's tail follows: a date or time,
    # "says:", a user number, "Posted".
    for line in (
        "quorvelle — March 3rd, 2019, 4:12 pm",
        "by quorvelle (88213) on Friday March 8",
        "Posted by: quorvelle at March 9, 2019 10:05 AM",
        "14 quorvelle March 3, 2019 at 8:30 am",
        "quorvelle said: nice work on the bridge story",
        "janet quorvelle Posted March 3, 2019",
        "quorvelle\nMarch 3rd, 2019 at 4:12 pm",
    ):
        text = f"The new bridge opened on time.\n\n{line}\n\nThanks for the report."
        assert flagged(text, selected=only) == [], line
    # Mid-sentence, before a date, it is still a typo.
    text = "The council said the brigde would open on March 3, 2019."
    assert flagged(text, selected=only) == ["brigde"]
    text = "The report was written by brigde engineers on 3/4/2019."
    assert flagged(text, selected=only) == ["brigde"]
    text = "The council voted for the brigde\nMarch 3rd, 2019 at 4:12 pm"
    assert flagged(text, selected=only) == ["brigde"]


def test_a_prefixed_word_gives_way_only_to_slips_of_the_fingers() -> None:
    from newslint.engines.spelling.frequency import strong_slip

    assert strong_slip("untill", "until")  # a doubled letter
    assert strong_slip("wtih", "with")  # swapped
    assert strong_slip("reponse", "response")  # dropped
    assert strong_slip("thw", "the") is False  # same length, not a swap
    assert strong_slip("uncited", "united") is False  # c is nowhere near n or i
    only = frozenset({UNKNOWN})
    text = "The report leaned on uncited claims and nonpresidential polls."
    assert flagged(text, selected=only) == []
    assert flagged("The app upsells premium plans.", selected=only) == []  # up + sells
    assert flagged("Nobody will know untill Friday.", selected=only) == ["untill"]


def test_short_words_and_other_consonants_are_no_two_edit_slips() -> None:
    from newslint.engines.spelling.frequency import far_slip

    # One consonant for another that is neither next to it on the keyboard
    # nor sounds like it: another word (wookies is no slip of cookies).
    assert far_slip("wookies", ("cookies",)) is None
    assert far_slip("adviced", ("advised",)) == "advised"  # c and s sound alike
    only = frozenset({UNKNOWN})
    # Two edits are a third of a short word: sysfs is no slip of sass.
    assert flagged("The kernel mounts sysfs at boot.", selected=only) == []
    assert flagged("The entrepenuer said sales had doubled.", selected=only) == ["entrepenuer"]


def test_a_word_holding_its_neighbour_whole_with_an_affix_is_no_slip() -> None:
    from newslint.engines.spelling.frequency import affixed

    assert affixed("architected", "architect")
    assert affixed("enqueue", "queue")
    assert affixed("iframes", "frame")
    assert not affixed("inwhich", "which")  # a common word run on is a slip
    assert not affixed("adviced", "advised")
    only = frozenset({UNKNOWN})
    text = "The platform was architected to enqueue each request in an escapable loop."
    assert flagged(text, selected=only) == []
    assert flagged("It was the day inwhich the vote was held.", selected=only) == ["inwhich"]


def test_code_censoring_elision_and_foreign_phrases_explain_a_word() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("The patch rewrites kqueuez() and the loop.", selected=only) == []
    assert flagged("Mount it with noatimez,nodirz,nobarz options.", selected=only) == []
    assert flagged("The headline said he was s*xually harassed.", selected=only) == []
    assert flagged("The band kept workin' all night.", selected=only) == []
    text = "The fan wrote: por favor mas alternativas con verduras, thanks."
    assert flagged(text, selected=only) == []
    # An English sentence around an unknown word: still a typo.
    assert flagged("The fan wrote that the alternativas were better.", selected=only) == [
        "alternativas"
    ]
    assert flagged("They kept workin all night.", selected=only) == ["workin"]


def test_a_word_quoted_on_its_own_is_mentioned_not_used() -> None:
    only = frozenset({UNKNOWN})
    text = 'Managers learn to “improove” a project, a coach said, and to "reaffirmate."'
    assert flagged(text, selected=only) == []
    # Inside a longer quotation the word is used, and a typo is a typo.
    text = 'The coach said: "We must improove the project."'
    assert flagged(text, selected=only) == ["improove"]


def test_a_hyphenated_coinage_with_two_strange_parts_is_left_alone() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("The plan was very woozle-boozle, critics said.", selected=only) == []
    assert flagged("The plan was very well-thougt, critics said.", selected=only) == ["thougt"]


def test_epithets_after_a_rank_and_contractions_of_repeated_terms() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("Another variety, harrisi, has grey leaves.", selected=only) == []
    assert flagged("The harrisi has grey leaves.", selected=only) == ["harrisi"]
    text = "Tunnle wraps the link. With a tunnle'd link and Tunnle logs, it works."
    assert flagged(text, selected=only) == []
    assert flagged("A tunnle'd link works.", selected=only) == ["tunnle'd"]


def test_a_common_foreign_word_is_no_two_edit_slip() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("The banner read realidad in red letters.", selected=only) == []


def test_parts_of_hyphenated_names_are_not_checked() -> None:
    text = "Laah Chong-gyu met Ould-Abdallah and Arantxa Sánchez-Vicario in Abdel-aziz Street."
    assert flagged(text) == []


def test_other_scripts_ligatures_and_foreign_letters_are_not_misspellings() -> None:
    assert flagged("Crowds chanted «Слава» outside the 日本語 school on Monday.") == []
    assert flagged("The ﬂexible rules and the fáinne badge were welcomed.") == []


def test_mixed_script_words_give_one_finding_per_document() -> None:
    text = "G\u043e\u043egle said thi\u0455 n\u0435w app was slow. R\u0435aders agreed."
    diags = check(text, selected=frozenset({UNKNOWN, MIXED_SCRIPT}))
    assert [d.rule for d in diags] == [MIXED_SCRIPT]
    assert "Cyrillic" in diags[0].message and "3 more" in diags[0].message


def test_a_paragraph_in_another_language_is_not_spell_checked() -> None:
    text = (
        "Rebels seize airport\n\n"
        "The rebels said the airport would stay closed until talks resumed.\n\n"
        "Nosotros no vamos a salir del aeropuerto hasta que el gobierno escuche nuestras "
        "demandas, dijo un portavoz.\n\n"
        "The stadum was also closed.\n"
    )
    assert flagged(text) == ["stadum"]


NOT_ENGLISH_ARTICLE = (
    "Le gouvernement annonce une réforme\n\n"
    "Le gouvernement a annoncé jeudi une nouvelle réforme des retraites. Selon le "
    "ministre, les syndicats seront reçus la semaine prochaine. Les manifestations se "
    'poursuivent dans plusieurs villes du pays, "comme prévu", a dit un porte-parole.\n'
)


def test_a_document_in_another_language_gets_one_finding_and_nothing_else(
    tmp_path: Path,
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(NOT_ENGLISH_ARTICLE, encoding="utf-8")
    run = run_cli("check", "--format", "json", "--no-progress", article, cwd=tmp_path)
    diags = run.json()["files"][0]["diagnostics"]
    assert [d["rule"] for d in diags] == [NOT_ENGLISH], diags
    assert "does not look like English" in diags[0]["message"]
    # Ignoring the rule is how a house lints such a document anyway.
    run = run_cli(
        "check", "--format", "json", "--no-progress", "--ignore", f"{NOT_ENGLISH},grammar",
        article, cwd=tmp_path,
    )  # fmt: skip
    rules = {d["rule"] for d in run.json()["files"][0]["diagnostics"]}
    assert NOT_ENGLISH not in rules
    # The other rules ran; French words among French words are not typos.
    assert UNKNOWN not in rules


NO_SENTENCES = {
    "empty.txt": "",
    "blank.txt": "\n\n   \n",
    "menu.txt": "Home\nNews\nSport\nWeather\nContact us\n",
    "figures.md": "- 12\n- 45\n- 78\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "lorem.txt": "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud\n",
}


def test_input_with_no_english_sentences_gets_at_most_one_finding(tmp_path: Path) -> None:
    for name, text in NO_SENTENCES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = run_cli(
        "check", "--format", "json", "--no-progress", "--ignore", "grammar", tmp_path,
        cwd=tmp_path,
    )  # fmt: skip
    found = {
        Path(f["path"]).name: [d["rule"] for d in f["diagnostics"]] for f in run.json()["files"]
    }
    assert all(len(rules) <= 1 for rules in found.values()), found
    assert found.get("lorem.txt") == [NOT_ENGLISH]


def test_english_copy_is_english() -> None:
    from newslint.analysis.language import document_language

    doc = load_document("a.txt", "Storm warning\n\nThe Met Office said gusts were likely.\n")
    assert document_language(doc).english
    doc = load_document("a.txt", NOT_ENGLISH_ARTICLE)
    assert not document_language(doc).english


def test_hashed_word_table_round_trips_and_rejects_a_corrupt_file(tmp_path: Path) -> None:
    from newslint.engines.spelling.hashed import HashedWords

    table = HashedWords.build([("biofuel", 271), ("inbox", 350), ("the", 773)])
    path = tmp_path / "words.bin"
    path.write_bytes(table.dumps())
    loaded = HashedWords.load(path)
    assert [loaded.get(w) for w in ("biofuel", "inbox", "the", "stadum")] == [271, 350, 773, 0]
    assert "inbox" in loaded and "stadum" not in loaded and len(loaded) == 3
    # A table stays whole when its file is replaced, as the cache is, by a rename.
    replacement = tmp_path / "new.bin"
    replacement.write_bytes(HashedWords.build([("ferry", 400)]).dumps())
    replacement.replace(path)
    assert loaded.get("inbox") == 350 and HashedWords.load(path).get("ferry") == 400
    for damaged in (table.dumps()[:-3], table.dumps() + b"\0\0", b"", b"\3\0"):
        path.write_bytes(damaged)
        with pytest.raises((EOFError, ValueError)):  # table() then rebuilds it
            HashedWords.load(path)


def test_a_declared_language_other_than_english_decides_a_short_text() -> None:
    from newslint.analysis.language import declared_other_language, document_language

    def page(head: str, body: str) -> str:
        return f"<!--[if IE 8]><html lang='en'><![endif]-->{head}<body><p>{body}</p></body></html>"

    short = "Neue Regeln ab Montag."
    doc = load_document("p.html", page('<html lang="de-DE">', short), "html")
    assert doc.declared_language == "de-DE" and declared_other_language(doc) == "de-DE"
    assert not document_language(doc).english
    doc = load_document("p.html", page('<html><meta property="og:locale" content="fr_FR">', short))
    assert declared_other_language(doc) == "fr_FR"
    # "en" says nothing (templates declare it whatever the page holds); nor does no tag.
    for head in ('<html lang="en">', "<html>"):
        doc = load_document("p.html", page(head, short), "html")
        assert declared_other_language(doc) is None and document_language(doc).english
    english = "The council said on Monday that the new parking rules would start next month."
    doc = load_document("p.html", page('<html lang="de">', english), "html")
    assert document_language(doc).english


def test_a_strange_word_written_twice_is_a_term_unless_it_is_a_slip() -> None:
    only = frozenset({UNKNOWN})
    once = "Guests were handed sumbi, a cold rice drink, at the door."
    assert flagged(once, selected=only) == ["sumbi"]
    twice = "Guests were handed sumbi, a cold rice drink. The sumbi was sweet."
    assert flagged(twice, selected=only) == []
    # Beside the word a correction would give, the pair is a slip and a right form.
    beside = "Guests from Sumba were handed sumbi, a cold rice drink. The sumbi was sweet."
    assert flagged(beside, selected=only) == ["sumbi", "sumbi"]
    # A slip of a common word is a habit, however often it is made.
    slips = "The equivelant sum was small, the council said; the equivelant cost was not."
    assert flagged(slips, selected=only) == ["equivelant", "equivelant"]


def test_a_word_cut_short_by_an_ellipsis_is_no_typo() -> None:
    only = frozenset({UNKNOWN})
    assert flagged("Read next: council to give residents their allowanc...", selected=only) == []
    assert flagged("Read next: council to give residents their allowanc…", selected=only) == []
    assert flagged("The council gave residents their allowanc at last.", selected=only) == [
        "allowanc"
    ]


def test_forms_of_words_wordfreq_knows_are_words() -> None:
    only = frozenset({UNKNOWN})
    # Plurals of words wordfreq lists more often than the plural (signee, cronut).
    assert flagged("The club named its new signees on Friday.", selected=only) == []
    assert flagged("Queues formed for cronuts outside the bakery.", selected=only) == []
    # ... but not of the misspellings it lists: athiest is a slip of atheist.
    assert flagged("The athiests met on Friday.", selected=only) == ["athiests"]
    assert flagged("The occurences were rare.", selected=only) == ["occurences"]
    # y turned to i, and the doubled consonant of a one-syllable word.
    assert flagged("Even the snarkiest critics liked the tappable menus.", selected=only) == []
    assert flagged("The army targetted the depot.", selected=only) == ["targetted"]
    # Only short adjectives take -est: a noun's y is no adjective's.
    assert flagged("Fans saw the similaritiest at once.", selected=only) == ["similaritiest"]


def test_informal_adjectives_of_dictionary_words_are_words() -> None:
    only = frozenset({UNKNOWN})
    text = "The cake had a muffiny crumb and a faintly lemonish smell."
    assert flagged(text, selected=only) == []
    # Only on a whole dictionary word of four letters or more: a slip stays a slip.
    assert flagged("He took an almosy final bow.", selected=only) == ["almosy"]
    assert flagged("The room felt emty.", selected=only) == ["emty"]
    assert flagged("He was out with an inury.", selected=only) == ["inury"]
