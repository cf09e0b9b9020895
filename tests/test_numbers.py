"""Number parsing, breakdown detection and the numbers.* rules end to end."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, lint_snippet

from newslint.analysis.numbers import find_figures, parse_number
from newslint.checks.numbers import breakdowns
from newslint.sources import load_document


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("314", 314),
        ("1,200", 1200),
        ("2.5", 2.5),
        ("seven", 7),
        ("Twenty-one", 21),
        ("ninety-nine", 99),
        ("a dozen", 12),
        ("someone", None),
        ("twenty-twenty", None),
    ],
)
def test_parse_number(token: str, value: float | None) -> None:
    assert parse_number(token) == value


def test_find_figures_scales_money_and_hedges() -> None:
    text = "About 300 people paid £300m, or $1.4 billion, for 2.5% of the 19-13 winners."
    figures = {text[f.span.start : f.span.end]: f for f in find_figures(text)}
    assert figures["300"].hedged and not figures["300"].money
    assert figures["£300m"].value == 300_000_000 and figures["£300m"].money
    assert figures["$1.4 billion"].value == 1_400_000_000
    assert figures["2.5"].percent
    assert "19" not in figures and "13" not in figures  # a score, not a count


def _breakdown_sums(text: str) -> list[tuple[float, float]]:
    doc = load_document("a.txt", text)
    return [(b.total.value, b.sum) for b in breakdowns(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In all, 300 prisoners were exchanged, 157 from each side.", [(300, 314)]),
        ("A total of 90 troops arrived, 30 from each of the three countries.", [(90, 90)]),
        ("The fire destroyed 12 boats in total, seven trawlers and four yachts.", [(12, 11)]),
        ("The 40 passengers, 25 of whom were British and 15 Irish, were unhurt.", [(40, 40)]),
        ("Nine people were arrested, five of them women.", []),  # one part only
        ("The fire destroyed 12 boats, seven trawlers and four yachts.", []),  # no total marker
        ("The company employs 5,000 people, 3,000 in Leeds and 1,500 in York.", []),
        ("The fire destroyed 12 boats in total, seven trawlers, four yachts and a barge.", []),
        ("In all, 12 boats burned, among them seven trawlers and four yachts.", []),
    ],
)
def test_breakdowns(text: str, expected: list[tuple[float, float]]) -> None:
    assert _breakdown_sums(text) == expected


def test_total_mismatch_message() -> None:
    result = lint_snippet(
        "The fire destroyed 12 boats in total, seven trawlers and four yachts.",
        select=("numbers.total-mismatch",),
    )
    [diag] = result.diagnostics
    assert diag.text == "12 boats in total, seven trawlers and four yachts"
    assert diag.message == "The parts add up to 11 (7 + 4), not the stated total of 12"


def test_headline_rounding_option() -> None:
    text = "Chipmaker agrees $25bn takeover\n\nThe company agreed a $25.4bn takeover of a rival.\n"
    assert lint_snippet(text, select=("numbers.headline-mismatch",)).diagnostics == []


def test_headline_far_figure_is_a_part_not_a_mismatch() -> None:
    text = "Ferry firm to cut 300 jobs\n\nAbout 120 jobs will go in Dover, the firm said.\n"
    assert lint_snippet(text, select=("numbers.headline-mismatch",)).diagnostics == []


def test_examples_planted_numbers_are_caught(cli) -> None:
    run = cli("check", "--select", "numbers", "--format", "json", EXAMPLES)
    found = sorted(
        (f["path"].split("/")[-1], d["text"]) for f in run.json()["files"] for d in f["diagnostics"]
    )
    assert found == [
        ("flawed-abu-dhabi-talks.md", "300 prisoners were exchanged, 157 from each side"),
        (
            "flawed-harbour-fire.html",
            "12 boats in total, seven fishing vessels and four pleasure craft",
        ),
    ]


def _comparisons(text: str) -> list[tuple[bool, str]]:
    from newslint.analysis.comparisons import comparisons
    from newslint.spans import Span

    return [
        (c.holds, text[c.span.start : c.span.end])
        for c in comparisons(text, Span(0, len(text)), None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rounding: "2.3 million" may be 2.25m, so "nearly doubled" from 1.2m holds.
        (
            "Sales nearly doubled from 1.2 million to 2.3 million.",
            [(True, "nearly doubled from 1.2 million to 2.3 million")],
        ),
        # The bare first figure takes the second's scale: 1.2 to 1.5 million is +25%.
        ("Sales rose 25% from 1.2 to 1.5 million.", [(True, "rose 25% from 1.2 to 1.5 million")]),
        ("Sales rose 40% from 1.2 to 1.5 million.", [(False, "rose 40% from 1.2 to 1.5 million")]),
        # "N times more" is read both ways (N and N + 1).
        (
            "Exports hit 400 tonnes, three times more than the 100 tonnes of 2003.",
            [(True, "400 tonnes, three times more than the 100")],
        ),
        # Percentages of percentages may be points: 20% to 25% is 5 points or 25%.
        ("The jobless rate rose 5% from 20% to 25%.", [(True, "rose 5% from 20% to 25%")]),
        # The stated change may follow the figures, or the old figure may come "compared with".
        ("Sales rose from £40m to £50m, a 35% increase.", [(False, "rose from £40m to £50m")]),
        ("Sales rose from £40m to £50m, or 25%.", [(True, "rose from £40m to £50m")]),
        (
            "Profit rose 15% to £50m, compared with £40m in 2023.",
            [(False, "rose 15% to £50m, compared with £40m")],
        ),
        # Different currencies are never compared.
        ("Profit rose to £50m from $40m.", []),
        # A clause break ends the comparison: "from 23% ... and inflation slowed to 4.3%".
        ("Output was down from 23% in May, and inflation slowed to 4.3% in June.", []),
        ("Tickets went from £8 to £12.", []),  # no comparison verb
    ],
)
def test_comparisons(text: str, expected: list[tuple[bool, str]]) -> None:
    assert _comparisons(text) == expected


def test_comparison_message() -> None:
    result = lint_snippet(
        "They sold 45,000 tickets, three times the 20,000 sold in 2023.",
        select=("numbers.comparison-mismatch",),
    )
    [diag] = result.diagnostics
    assert diag.message == "45,000 is 2.25 times 20,000, not three times"


def test_anniversary_needs_an_article_date(cli, tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbour rebuilt\n\nThe 2004 tsunami destroyed the harbour. Twenty years after the "
        "tsunami, the fishing fleet is still smaller.\n",
        encoding="utf-8",
    )
    args = ("check", "--select", "numbers.anniversary-mismatch", "--format", "json")
    undated = cli(*args, str(story)).json()["files"][0]["diagnostics"]
    dated = cli(*args, "--date", "2026-03-01", str(story)).json()["files"][0]["diagnostics"]
    assert undated == []
    assert [d["message"] for d in dated] == [
        "The story dates the tsunami to 2004: on the article date (2026-03-01) that is "
        "22 years, not 20"
    ]
