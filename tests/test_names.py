"""names.*: the shipped names list as data, mention extraction, similarity,
house lists from config, the cross-file pass and `names learn`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.names.extract import analyse
from newslint.names.learn import count_names, learn, to_toml
from newslint.names.lists import load_file, names_list, parse_list
from newslint.names.similar import plausibility, similar
from newslint.names.typos import slip_like
from newslint.names.words import BUILT_LISTS, DEFAULT_LIST
from newslint.sources import load_document
from tests.conftest import EXAMPLES, lint_snippet, run_cli

# -- the default list as data ----------------------------------------------------


def test_default_list_is_well_formed() -> None:
    people = load_file(DEFAULT_LIST)
    assert len(people) >= 150
    for person in people:
        assert person.offices, person.name
        assert person.name == person.name.strip() and "  " not in person.name
        for office in person.offices:
            # From 1950: a monarch's reign (Elizabeth II, from 1952) began long ago.
            assert 1950 <= office.start.year <= 2026, person.name
            assert office.end is None or office.start <= office.end <= dt.date(2026, 12, 31)
            assert office.country and office.title, person.name


def test_default_list_records_deaths_and_past_leaders() -> None:
    people = {p.name: p for p in load_file(DEFAULT_LIST)}
    dead = [p for p in people.values() if p.died is not None]
    assert len(dead) >= 20
    for person in dead:
        assert dt.date(1990, 1, 1) <= person.died <= dt.date(2026, 12, 31), person.name
        assert all(o.end is not None and o.end <= person.died for o in person.offices)
    # Heads of government of G20 members since 2000 are on the list.
    for name in (
        "Tony Blair",
        "Gerhard Schröder",
        "Jacques Chirac",
        "Junichiro Koizumi",
        "Stephen Harper",
        "John Howard",
        "Manmohan Singh",
        "Hu Jintao",
    ):
        assert name in people, name


def test_list_rejects_an_office_after_death() -> None:
    entry = '[[person]]\nname = "Ann Lee"\ndied = 2020-01-01\n'
    with pytest.raises(ValueError, match="runs past 'died'"):
        parse_list(entry + 'offices = [{ office = "Mayor", from = 2019 }]', "h.toml")
    [person] = parse_list(entry + 'offices = [{ office = "Mayor", from = 2018, to = 2019 }]', "h")
    assert person.died == dt.date(2020, 1, 1)


def test_default_list_has_no_duplicates() -> None:
    people = load_file(DEFAULT_LIST)
    names = [p.name.casefold() for p in people]
    assert len(names) == len(set(names))
    spellings = [s.casefold() for p in people for s in (p.name, *p.variants)]
    assert len(spellings) == len(set(spellings))


# Offices a bench or chamber holds together: many holders at once is their nature.
COLLEGIAL = {"U.S. Supreme Court Justice", "U.S. Senator", "U.S. Representative"}


def test_one_holder_per_office_at_a_time() -> None:
    people = load_file(DEFAULT_LIST)
    for day in (dt.date(2020, 6, 1), dt.date(2024, 1, 1), dt.date(2026, 7, 1)):
        holders: dict[str, list[str]] = {}
        for person in people:
            for office in person.offices:
                if office.held_on(day) and office.office not in COLLEGIAL:
                    holders.setdefault(office.office, []).append(person.name)
        clashes = {o: n for o, n in holders.items() if len(n) > 1}
        assert not clashes, (day, clashes)


def test_list_errors_name_the_entry() -> None:
    entry = '[[person]]\nname = "Ann Lee"\n'
    with pytest.raises(ValueError, match=r"person 1.*'to' is before 'from'"):
        parse_list(entry + 'offices = [{ office = "Mayor", from = 2020, to = 2019 }]', "h.toml")
    with pytest.raises(ValueError, match="unknown key 'nmae'"):
        parse_list('[[person]]\nnmae = "Ann Lee"', "house.toml")


# -- similarity and mentions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Zelensky", "Zelenskyy", True),
        ("Bessent", "Bescent", True),
        ("Okonkwo", "Okonkow", True),
        ("Marsh", "Marshe", True),
        ("Korea", "Korean", False),
        ("Marsh", "Marshall", False),
        ("Bessent", "Pessent", False),
    ],
)
def test_similar(a: str, b: str, same: bool) -> None:
    assert similar(a, b) is same


def test_plausibility_prefers_the_real_spelling() -> None:
    assert plausibility("Greenspan") > plausibility("Greenspsn")
    assert plausibility("Bondi") > plausibility("Bodni")


def test_mentions_split_titles_and_skip_months_and_places() -> None:
    doc = load_document(
        "a.txt",
        "Talks end\n\nOn Tuesday U.S. Treasury Secretary Scott Bessent met officials in "
        "London. In March Bessent said more.",
    )
    persons = [m for m in analyse(doc).mentions if m.kind == "person"]
    assert [(m.title_text, m.given, m.surname.text) for m in persons] == [
        ("U.S. Treasury Secretary", "Scott", "Bessent")
    ]
    forms = analyse(doc).forms
    assert forms["bessent"].count == 2 and "march" not in forms and "london" not in forms


# -- checks through the engine ------------------------------------------------------------

HEAD = "Fire at the harbour\n\n"


def _rules(text: str, select: str = "names") -> list[tuple[str, str]]:
    result = lint_snippet(text, select=(select,))
    assert not result.errors
    return [(d.rule, d.text) for d in result.diagnostics]


def test_misspelled_message_names_the_office() -> None:
    result = lint_snippet("Treasury Secretary Scott Bescent spoke.", select=("names.misspelled",))
    [diag] = result.diagnostics
    assert diag.message == (
        "'Bescent' looks like a misspelling of 'Bessent' (U.S. Treasury Secretary)"
    )
    assert [s.replacement for s in diag.suggestions] == ["Bessent"]
    assert str(diag.suggestions[0].applicability) == "unsafe"


def test_one_finding_when_misspelled_and_inconsistent_agree() -> None:
    text = HEAD + "Treasury Secretary Scott Bessent spoke. Bessent left. Bescent returned."
    assert _rules(text) == [("names.misspelled", "Bescent")]


def test_built_congress_list_loads_with_terms() -> None:
    people = load_file(BUILT_LISTS[0])
    assert len(people) >= 400
    chambers = {"U.S. Senator", "U.S. Representative"}
    for person in people:
        assert person.offices and {o.office for o in person.offices} <= chambers, person.name
    assert "Lisa Murkowski" in {p.name for p in people}
    listed = {p.name for p in names_list().people}
    assert "Ted Cruz" in listed and "Scott Bessent" in listed


def test_built_uk_ministers_list_loads_with_posts() -> None:
    people = load_file(BUILT_LISTS[1])
    assert len(people) >= 100
    for person in people:
        assert person.offices and all(o.country == "GB" for o in person.offices), person.name
    posts = {p.name: {o.office for o in p.offices} for p in people}
    assert "UK Chancellor of the Exchequer" in posts["Philip Hammond"]


def _officeholder_messages(day: str, sentence: str) -> list[str]:
    """names.officeholder's messages on one sentence in a story dated ``day``."""
    text = f"---\ndate: {day}\n---\n\n{sentence}\n"
    result = lint_snippet(text, fmt="markdown", select=("names.officeholder",))
    return [d.message for d in result.diagnostics]


def test_uk_minister_out_of_post_on_the_article_date() -> None:
    sentence = "Brexit Secretary David Davis met officials on Monday."
    messages = _officeholder_messages("2019-09-01", sentence)
    assert len(messages) == 1, messages
    assert "UK Brexit Secretary 2016–2018, not on 1 September 2019" in messages[0]
    assert not _officeholder_messages("2017-09-01", sentence)


def test_congress_member_misspelled_with_given_name() -> None:
    text = HEAD + "Senator Lisa Murkowsky said the bill would pass."
    assert _rules(text, "names.misspelled") == [("names.misspelled", "Murkowsky")]


def test_initial_is_no_evidence_for_a_near_surname() -> None:
    # A team sheet of initials: "J Smit" agrees with "Jason Smith" only by its letter.
    text = HEAD + "Squad: J Smit (Sale), M Hughes (Wigan), D Peel (Leeds).\n"
    assert _rules(text, "names.misspelled") == []


@pytest.mark.parametrize(
    "text",
    [
        "Head teacher Kate Tayor said the school would reopen. Taylor added that exams "
        "would go ahead.",
        "Head teacher Kate Taylor said the school would reopen. Tayor added that exams "
        "would go ahead.",
    ],
)
def test_one_against_one_the_dictionary_spelling_wins(text: str) -> None:
    # Whichever occurrence carries the given name, the spelling the dictionary
    # knows is the reference.
    assert _rules(HEAD + text, "names.inconsistent") == [("names.inconsistent", "Tayor")]


def test_near_lookup_is_cached_and_length_bounded() -> None:
    names = names_list(())
    assert [k for k, _ in names.near("bescent")] == ["bessent"]
    assert names.near("bescent") is names.near("bescent")
    assert names.near("bessentovich") == ()


def test_accept_words_silence_names(tmp_path: Path) -> None:
    (tmp_path / "accept.txt").write_text("Marshe\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        'select = ["names"]\n[vocabulary]\naccept = ["accept.txt"]\n', encoding="utf-8"
    )
    text = HEAD + "Station Commander Helen Marsh spoke. Marsh left. Marshe returned.\n"
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    assert run_cli("check", "--format", "json", tmp_path / "story.txt").rules() == []
    (tmp_path / "accept.txt").write_text("", encoding="utf-8")
    assert run_cli("check", "--format", "json", tmp_path / "story.txt").rules() == [
        "names.inconsistent"
    ]


def test_house_list_from_config(tmp_path: Path) -> None:
    (tmp_path / "people.toml").write_text(
        '[[person]]\nname = "Priya Ramaswamy"\n'
        'offices = [{ office = "Council Leader", country = "GB", from = 2024 }]\n',
        encoding="utf-8",
    )
    (tmp_path / "newslint.toml").write_text(
        'select = ["names.misspelled"]\nnames = ["people.toml"]\n', encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text(
        HEAD + "Councillor Priya Ramaswany said the vote was close.\n", encoding="utf-8"
    )
    run = run_cli("check", "--format", "json", tmp_path / "story.txt")
    [diag] = run.json()["files"][0]["diagnostics"]
    assert diag["text"] == "Ramaswany"
    assert "Ramaswamy' (Council Leader)" in diag["message"]


def test_first_reference_option_turns_off_repeats(tmp_path: Path) -> None:
    text = HEAD + "Station Commander Helen Marsh spoke.\n\nHelen Marsh left.\n"
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    args = ("check", "--format", "json", "--select", "names.first-reference")
    assert run_cli(*args, tmp_path / "story.txt").rules() == ["names.first-reference"]
    (tmp_path / "newslint.toml").write_text(
        '[rules."names.first-reference"]\nrepeat-full-name = false\n', encoding="utf-8"
    )
    assert run_cli(*args, tmp_path / "story.txt").rules() == []


def test_first_reference_names_the_family_name_written_first() -> None:
    text = HEAD + (
        "Minister Kim Young-chul met the envoy. Kim said talks would resume.\n\n"
        "Kim Young-chul later left for Tokyo.\n"
    )
    [diag] = lint_snippet(text, select=("names.first-reference",)).diagnostics
    assert diag.message.endswith("use 'Kim' alone")
    assert [s.replacement for s in diag.suggestions] == ["Kim"]


def test_examples_flag_planted_names_only() -> None:
    run = run_cli("check", "--format", "json", "--select", "names", EXAMPLES)
    found = {
        (Path(f["path"]).name, d["rule"], d["text"])
        for f in run.json()["files"]
        for d in f["diagnostics"]
        if d["severity"] == "warning"
    }
    assert found == {
        ("flawed-abu-dhabi-talks.md", "names.misspelled", "Bescent"),
        ("flawed-harbour-fire.html", "names.inconsistent", "Marshe"),
    }


# -- the run-level pass -----------------------------------------------------------------


def _archive(tmp_path: Path, jobs: str) -> list[tuple[str, str]]:
    for i in range(9):
        (tmp_path / f"story{i}.txt").write_text(
            f"Harbour story {i}\n\nInspector Laura Kristiansen said the quay would reopen. "
            "Kristiansen said divers were searching.\n",
            encoding="utf-8",
        )
    (tmp_path / "odd.txt").write_text(
        "Quay update\n\nThe quay stays shut, Kristiansan told reporters on Friday.\n",
        encoding="utf-8",
    )
    run = run_cli(
        "check", "--format", "json", "--select", "names.inconsistent", "-j", jobs, tmp_path
    )
    return [
        (Path(f["path"]).name, d["text"]) for f in run.json()["files"] for d in f["diagnostics"]
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rare_spelling_across_files(tmp_path: Path, jobs: str) -> None:
    assert _archive(tmp_path, jobs) == [("odd.txt", "Kristiansan")]


def test_widely_used_spelling_across_files_is_another_name(tmp_path: Path) -> None:
    """Across unrelated stories, a spelling common in the world's text (the club
    Livingston) beside a frequent one (Livingstone) is another name, not a slip."""
    for i in range(9):
        (tmp_path / f"story{i}.txt").write_text(
            f"Transport story {i}\n\nMayor Ken Livingstone said the fares would rise. "
            "Livingstone said the buses were full.\n",
            encoding="utf-8",
        )
    (tmp_path / "other.txt").write_text(
        "Harbour 2-1 Livingston\n\nHarbour wrapped up their cup tie against Livingston with "
        "two goals in the first 10 minutes.\n\nTom Keel scored inside the opening minute, "
        "heading over the keeper from a free kick.\n",
        encoding="utf-8",
    )
    run = run_cli("check", "--format", "json", "--select", "names.inconsistent", tmp_path)
    assert [d["text"] for f in run.json()["files"] for d in f["diagnostics"]] == []


def test_one_file_alone_is_not_compared(tmp_path: Path) -> None:
    (tmp_path / "odd.txt").write_text(
        "Quay update\n\nThe quay stays shut, Kristiansan told reporters on Friday.\n",
        encoding="utf-8",
    )
    assert _rules((tmp_path / "odd.txt").read_text(encoding="utf-8"), "names.inconsistent") == []


# -- names learn -----------------------------------------------------------------------


def test_learn_groups_spellings() -> None:
    texts = [
        (f"s{i}.txt", "Story\n\nInspector Laura Kristiansen said more. Kristiansen left.")
        for i in range(12)
    ]
    texts.append(("x.txt", "Story\n\nInspector Laura Kristiansan said more."))
    texts.append(("y.txt", "Story\n\nPresident Volodymyr Zelenskyy spoke. Zelenskyy left."))
    texts += [("z.txt", "Story\n\nPresident Volodymyr Zelensky spoke. Zelensky left.")] * 3
    entries = {e.surname: e for e in learn(*count_names(texts))}
    assert entries["Kristiansen"].misspellings == ["Kristiansan"]
    assert entries["Kristiansen"].name == "Laura Kristiansen"
    assert entries["Zelensky"].variants == ["Zelenskyy"]
    people = parse_list(to_toml(list(entries.values())), "learned.toml")
    assert {p.name for p in people} >= {"Laura Kristiansen", "Volodymyr Zelensky"}


def test_learn_command_writes_a_list_config_can_read(tmp_path: Path) -> None:
    out = tmp_path / "house.toml"
    run = run_cli("names", "learn", EXAMPLES, "-o", out)
    assert run.returncode == 0, run.stderr
    names = {p.name for p in parse_list(out.read_text(encoding="utf-8"), str(out))}
    assert "Scott Bessent" in names


def test_short_near_twin_in_another_file_is_not_a_slip(tmp_path: Path) -> None:
    """Bell in many stories and Belle in one are as likely two people as a slip."""
    for i in range(5):
        (tmp_path / f"story{i}.txt").write_text(
            f"Council story {i}\n\nCouncillor Mark Bell said the budget was fair. "
            "Bell said reserves were healthy.\n",
            encoding="utf-8",
        )
    (tmp_path / "other.txt").write_text(
        "Choir news\n\nRehearsals resume on Monday, Belle told the choir.\n",
        encoding="utf-8",
    )
    run = run_cli("check", "--format", "json", "--select", "names.inconsistent", tmp_path)
    assert [d for f in run.json()["files"] for d in f["diagnostics"]] == []


# -- coordinated names, capitalised slips, spacing variants --------------------------


def test_coordinated_names_are_two_people() -> None:
    doc = load_document(
        "a.txt", "Story\n\nFans of Richard Madeley and Judy Finnigan's show wrote in.\n"
    )
    persons = [(m.given, m.surname.text) for m in analyse(doc).mentions if m.kind == "person"]
    assert persons == [("Richard", "Madeley"), ("Judy", "Finnigan")]
    doc = load_document("a.txt", "Story\n\nShoppers at Marks and Spencer queued.\n")
    last = analyse(doc).mentions[-1]
    assert [t.text for t in last.tokens] == ["Marks", "and", "Spencer"] and last.kind == "other"


def test_coordinated_names_split_on_given_names_birth_records_know() -> None:
    """Neither given name is on the hand-kept list; the U.S. birth records know both,
    which splits the run (each stays a candidate until the story confirms it)."""
    doc = load_document(
        "a.txt", "Story\n\nFans of Lanae Orrick and Deshawn Pell's podcast wrote in.\n"
    )
    pairs = [(m.given, m.surname.text) for m in analyse(doc).mentions if m.given]
    assert pairs == [("Lanae", "Orrick"), ("Deshawn", "Pell")]


def test_coordinated_names_split_on_surname_evidence() -> None:
    """Neither first name is on the given-name list; each side's last word is
    used as a surname elsewhere in the story, so the pair is two people."""
    text = (
        "Story\n\nOskar Vellamo and Teodor Brask led the attack. Later Vellamo scored, "
        "and Brask set up the third.\n"
    )
    mentions = analyse(load_document("a.txt", text)).mentions
    names = [[t.text for t in m.tokens] for m in mentions if m.kind != "single"]
    assert ["Oskar", "Vellamo"] in names and ["Teodor", "Brask"] in names
    # Without that evidence the run stays one (it may be a firm's name).
    alone = analyse(load_document("a.txt", "Story\n\nOskar Vellamo and Teodor Brask led.\n"))
    assert [t.text for t in alone.mentions[-1].tokens][:3] == ["Oskar", "Vellamo", "and"]


def test_opening_word_is_no_part_of_the_name() -> None:
    doc = load_document("a.txt", "Story\n\nFollowing Mick Bauer's advice, we used port 273.\n")
    persons = [[t.text for t in m.tokens] for m in analyse(doc).mentions if m.kind == "person"]
    assert persons == [["Mick", "Bauer"]]


@pytest.mark.parametrize(
    ("typed", "meant", "slip"),
    [
        ("Germnay", "germany", True),  # swapped letters
        ("Parliment", "parliament", True),  # a letter dropped
        ("Businness", "business", True),  # a letter doubled
        ("Indis", "india", True),  # a neighbouring key
        ("Franca", "france", False),  # a distant letter: how names differ
        ("Goode", "good", False),  # a letter added at the end
    ],
)
def test_slip_like(typed: str, meant: str, slip: bool) -> None:
    assert slip_like(typed, meant) is slip


def test_capitalised_typo_suggests_the_common_word() -> None:
    result = lint_snippet(
        HEAD + "Crews from Germnay joined the search.", select=("names.capitalised-typo",)
    )
    [diag] = result.diagnostics
    assert diag.message == "'Germnay' looks like a misspelling of 'Germany'"
    assert [s.replacement for s in diag.suggestions] == ["Germany"]


def test_a_rare_name_used_twice_is_not_a_slip() -> None:
    text = HEAD + "The Senne family farm flooded. Crews reached Senne Lane at noon."
    assert _rules(text, "names.capitalised-typo") == []


def test_spacing_variant_is_inconsistent() -> None:
    text = HEAD + "Robert De Niro arrived. De Niro said the film was long. DeNiro left."
    assert _rules(text, "names.inconsistent") == [("names.inconsistent", "DeNiro")]


def test_officeholder_message_names_every_term_of_the_office() -> None:
    """A two-term officeholder out of office is told with both terms, not the nearest."""
    messages = _officeholder_messages(
        "2023-05-05", "President Donald Trump visited the plant on Monday."
    )
    assert len(messages) == 1, messages
    assert "U.S. President 2017–2021 and 2025–, not on 5 May 2023" in messages[0]


def test_no_name_listed_twice_in_the_shipped_lists() -> None:
    # Two entries of one name make the person ambiguous to every names rule.
    names = [p.name.casefold() for path in (DEFAULT_LIST, *BUILT_LISTS) for p in load_file(path)]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


_LINE = "The bank said on Monday that profits had fallen, according to "  # 64 columns


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        (_LINE + "its\nanalyst. Coopper said so.", True),  # not at a line start
        ("Shares fell.\nCoopper said so.", True),  # a sentence ended on the line before
        ("Shares fell\n\nCoopper said so.", True),  # a paragraph of its own
        (_LINE + "Kyle\nCoopper, who covers the sector.", False),  # wrapped mid-sentence
        ("Shares fall on the news\nCoopper said the bank would cut its forecast.", True),
        # A one-line paragraph after a headline line: a dateline, not a wrapped line.
        ("Kylie Jenner at the Awards show\nLAS VEGAS, Nevada - " + _LINE * 3, True),
    ],
)
def test_a_wrapped_line_starts_no_sentence(text: str, initial: bool) -> None:
    from newslint.names.extract import _sentence_initial

    start = max(text.find("Coopper"), text.find("LAS"))
    assert _sentence_initial(text, start) is initial


def test_a_name_wrapped_across_lines_is_one_name() -> None:
    text = HEAD + _LINE + "the US Federal\nReserve, which met on Tuesday in Washington.\n"
    doc = load_document("a.txt", text)
    runs = [[t.text for t in run] for run in analyse(doc).runs]
    assert ["US", "Federal", "Reserve"] in runs
