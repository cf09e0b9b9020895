"""The AP style pack: opt-in, scoped, quiet on clean copy, and its helpers."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, lint_snippet, run_cli
from test_rule_docs import RULES

from newslint.checks.ap import number_words, words_number
from newslint.registry import select_rules

AP_RULES = [m for m in RULES if m.family == "ap"]


def ap_findings(text: str, fmt: str = "text", select: str = "ap") -> list[tuple[str, str]]:
    result = lint_snippet(text, fmt, select=(select,))
    return [(d.rule, d.text) for d in result.diagnostics if d.rule.startswith("ap.")]


def test_at_least_thirty_rules_all_opt_in() -> None:
    assert len(AP_RULES) >= 30
    assert all(not m.default_enabled for m in AP_RULES)


def test_every_rule_names_its_edition() -> None:
    for meta in AP_RULES:
        assert "AP Stylebook" in meta.why, meta.id


def test_default_selection_has_no_ap_rules() -> None:
    assert not any(i.startswith("ap.") for i in select_rules(RULES))
    assert {m.id for m in AP_RULES} <= select_rules(RULES, extend_select=["ap"])
    text = "The US envoy arrived on January 6 at 10 AM, Mr. Ortiz said."
    assert {r for r, _ in ap_findings(text)} >= {
        "ap.abbreviation-periods",
        "ap.month-abbreviation",
        "ap.time-format",
        "ap.courtesy-titles",
    }


def test_quotations_are_left_as_spoken() -> None:
    quoted = '"Mr. Ortiz told me the US would pay 5 percent by January 6," she said.'
    assert ap_findings(quoted) == []


def test_headline_and_body_abbreviation_scopes() -> None:
    text = "# US and UK sign pact\n\nThe US and U.K. signed the pact.\n"
    found = ap_findings(text, "markdown")
    assert ("ap.abbreviation-periods", "US") in found
    assert ("ap.headline-abbreviations", "U.K.") not in found
    # Headlines keep US without periods; only the body "US" is flagged.
    assert sum(1 for r, _ in found if r == "ap.abbreviation-periods") == 1
    text = "# U.S. and U.K. sign pact\n\nThe U.S. and U.K. signed the pact.\n"
    assert sorted(t for r, t in ap_findings(text, "markdown")) == ["U.K.", "U.S."]


def test_numerals_under_ten_not_in_headlines() -> None:
    text = "# 3 people hurt in crash\n\nThree people were hurt in the crash.\n"
    assert ap_findings(text, "markdown", "ap.numerals-under-ten") == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Polls open at 7AM.", "7 a.m."),
        ("Polls open at 10:00 a.m. sharp.", "10 a.m."),
        ("Sales rose 12.5 percent.", "12.5%"),
        ("It ends on December 24.", "Dec."),
        ("The fee is $5,500,000 in all.", "$5.5 million"),
    ],
)
def test_safe_fix_replacements(text: str, fixed: str) -> None:
    result = lint_snippet(text, select=("ap",))
    suggestions = [s for d in result.diagnostics for s in d.suggestions]
    assert [s.replacement for s in suggestions] == [fixed]
    assert all(s.applicability.value == "safe" for s in suggestions)


def test_judgment_fixes_are_unsafe() -> None:
    text = "Officials said treasury secretary Scott Bessent met 3 people in red, white, and blue."
    result = lint_snippet(text, select=("ap",))
    rules = {d.rule: d for d in result.diagnostics}
    for rule_id in ("ap.title-before-name", "ap.numerals-under-ten", "ap.serial-comma"):
        assert rules[rule_id].suggestions[0].applicability.value == "unsafe", rule_id


def test_noon_fix_keeps_sentence_period() -> None:
    result = lint_snippet("The count ends at 12 p.m. Officials will then report.", select=("ap",))
    (diag,) = [d for d in result.diagnostics if d.rule == "ap.noon-midnight"]
    assert diag.suggestions[0].replacement == "noon."
    assert diag.suggestions[0].applicability.value == "unsafe"


@pytest.mark.parametrize(
    ("n", "words"), [(1, "one"), (14, "fourteen"), (40, "forty"), (48, "forty-eight")]
)
def test_number_words_round_trip(n: int, words: str) -> None:
    assert number_words(n) == words
    assert words_number(words) == n


def test_words_number_rejects_non_numbers() -> None:
    assert words_number("twenty-something") is None
    assert words_number("forty-forty") is None


def test_clean_examples_only_report_genuine_ap_violations() -> None:
    # The clean articles are US copy but not strict AP; the one AP difference
    # in them is "January 28, 2026" (AP: "Jan. 28, 2026").
    paths = sorted(str(p) for p in EXAMPLES.glob("clean-*"))
    run = run_cli("check", "--format", "json", "--extend-select", "ap", *paths)
    found = [(d["rule"], d["text"]) for f in run.json()["files"] for d in f["diagnostics"]]
    ap = [x for x in found if x[0].startswith("ap.")]
    assert ap == [("ap.month-abbreviation", "January")]


def test_sample_article_is_silent_by_default_and_loud_when_selected() -> None:
    sample = EXAMPLES / "ap-style-sample.md"
    default = run_cli("check", "--format", "json", sample)
    assert not [r for r in default.rules() if r.startswith("ap.")]
    selected = run_cli("check", "--format", "json", "--extend-select", "ap", sample)
    ap_rules = {r for r in selected.rules() if r.startswith("ap.")}
    assert len(ap_rules) >= 12
    assert {"ap.month-abbreviation", "ap.title-lowercase", "ap.serial-comma"} <= ap_rules
