"""Date finder, year resolution and the dates.* rules end to end."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES, lint_snippet

from newslint.analysis.dates import find_dates, nearest_year, weekday_like


@pytest.mark.parametrize(
    ("text", "month", "day", "year", "weekday"),
    [
        ("on Thursday, February 6, 2026, in", 2, 6, 2026, 3),
        ("on Thursday 6 February 2026 in", 2, 6, 2026, 3),
        ("on Thurs., Feb. 6 in", 2, 6, None, 3),
        ("on Thursday 6th February in", 2, 6, None, 3),
        ("on Thursday, February 6th in", 2, 6, None, 3),
        ("on Thursday (Feb. 6) in", 2, 6, None, 3),
        ("on Thursday the 6th of February 2026", 2, 6, 2026, 3),
        ("DENVER, Tuesday, April 8, 2026 — The", 4, 8, 2026, 1),
        ("until 31 April", 4, 31, None, None),
    ],
)
def test_find_dates_forms(
    text: str, month: int, day: int, year: int | None, weekday: int | None
) -> None:
    [found] = find_dates(text)
    assert (found.month, found.day, found.year, found.weekday) == (month, day, year, weekday)


def test_weekday_span_is_the_weekday_only() -> None:
    text = "The talks ended on Thursday, Feb. 6, 2026."
    [found] = find_dates(text)
    assert found.weekday_span is not None
    assert text[found.weekday_span.start : found.weekday_span.end] == "Thursday"
    assert text[found.date_span.start : found.date_span.end] == "Feb. 6, 2026"


@pytest.mark.parametrize(
    "text",
    [
        "The Sun 6 February edition led with the story.",  # a newspaper, not Sunday
        "Scores were March 3 4 and 5.",
        "He paid $5 March rent in advance.",
        "Kick-off is Tuesday, 1 March  2000 GMT.",  # a time, not a year
    ],
)
def test_not_a_weekday_date(text: str) -> None:
    assert all(m.weekday is None or m.year is None for m in find_dates(text))


def test_nearest_year_crosses_new_year() -> None:
    assert nearest_year(1, 2, dt.date(2026, 12, 30)) == 2027
    assert nearest_year(12, 30, dt.date(2026, 1, 3)) == 2025
    assert nearest_year(6, 1, dt.date(2026, 5, 1)) == 2026


def test_nearest_year_skips_invalid_leap_day() -> None:
    assert nearest_year(2, 29, dt.date(2027, 6, 1)) == 2028


@pytest.mark.parametrize(
    ("index", "written", "expected"),
    [(4, "Thursday", "Friday"), (4, "Thu.", "Fri"), (1, "Thurs", "Tues"), (2, "Mon", "Wed")],
)
def test_weekday_like_keeps_the_form(index: int, written: str, expected: str) -> None:
    assert weekday_like(index, written) == expected


def _flagged(text: str, rule: str, fmt: str = "text") -> list[tuple[str, str]]:
    result = lint_snippet(text, fmt, select=(rule,))
    return [(d.text, d.message) for d in result.diagnostics if d.rule == rule]


def test_weekday_mismatch_message_and_unsafe_fix() -> None:
    result = lint_snippet(
        "The talks ended on Thursday, February 6, 2026.", select=("dates.weekday-mismatch",)
    )
    [diag] = result.diagnostics
    assert diag.text == "Thursday"
    assert diag.message == "February 6, 2026 was a Friday, not a Thursday"
    assert [(s.replacement, s.applicability.value) for s in diag.suggestions] == [
        ("Friday", "unsafe")
    ]


def test_year_less_date_needs_the_article_date() -> None:
    text = "Ministers meet on Thursday, Feb. 6, to sign the deal."
    assert _flagged(text, "dates.weekday-mismatch") == []
    dated = f"---\ndate: 2026-02-01\n---\n\n{text}\n"
    assert [t for t, _ in _flagged(dated, "dates.weekday-mismatch", "markdown")] == ["Thursday"]


def test_feb_29_without_year_follows_article_year() -> None:
    text = "The offer closes on Feb. 29, the company said."
    leap = f"---\ndate: 2028-01-10\n---\n\n{text}\n"
    plain = f"---\ndate: 2026-01-10\n---\n\n{text}\n"
    assert _flagged(leap, "dates.impossible", "markdown") == []
    assert [t for t, _ in _flagged(plain, "dates.impossible", "markdown")] == ["Feb. 29"]


def test_relative_message_names_the_distance() -> None:
    text = "---\ndate: 2026-02-10\n---\n\nThe minister resigned yesterday (Feb. 6).\n"
    [(flagged, message)] = _flagged(text, "dates.relative", "markdown")
    assert flagged == "yesterday"
    assert "4 days before" in message


def test_examples_planted_dates_are_caught(cli) -> None:
    run = cli("check", "--select", "dates", "--format", "json", EXAMPLES)
    found = sorted(
        (f["path"].split("/")[-1], d["text"]) for f in run.json()["files"] for d in f["diagnostics"]
    )
    assert found == [
        ("flawed-abu-dhabi-talks.md", "Thursday"),
        ("flawed-harbour-fire.html", "Friday"),
        ("flawed-light-rail-padding.txt", "Tuesday"),
    ]


def test_date_option_overrides_article_date(cli, tmp_path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "Talks resume\n\nNegotiators will meet again on Thursday, Feb. 5, officials said.\n",
        encoding="utf-8",
    )
    assert cli("check", "--select", "dates", "--format", "json", article).rules() == []
    run = cli("check", "--select", "dates", "--format", "json", "--date", "2026-02-01", article)
    assert run.rules() == []  # 2026-02-05 is a Thursday
    run = cli("check", "--select", "dates", "--format", "json", "--date", "2025-02-01", article)
    assert run.rules() == ["dates.weekday-mismatch"]  # 2025-02-05 was a Wednesday
    bad = cli("check", "--date", "2026-02-30", article)
    assert bad.returncode == 2
